import ArgumentParser
import Derisk
import Foundation

/// `derisk compare A B`: two plans (`derisk solve --json` output) or two models (solved here) side by side.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Two plans or models side by side: headline figures, contracts, country shares, scenario costs (b − a).",
    discussion: """
      Each argument is a plan written by `derisk solve --json` or a sourcing model (.yaml, .yml,
      .json), which is solved first. Exit status 2 for unusable input.
      """)

  @Argument(help: "The first plan or model.")
  var a: String

  @Argument(help: "The second plan or model.")
  var b: String

  @OptionGroup var output: OutputOptions

  func plan(_ path: String) throws -> SourcingPlan {
    try unusable(path) {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      if path.lowercased().hasSuffix(".json"), text.contains("\"contracts\""), text.contains("\"shadow_prices\"") {
        return try SourcingPlan.decode(json: text, path: path)
      }
      let model = try loadModel(path)
      output.note("solving \(model.name ?? path)")
      return try model.solve(options: SourcingSolveOptions(valueOfInformation: false))
    }
  }

  func run() throws {
    let comparison = PlanComparison(try plan(a), named: URL(fileURLWithPath: a).lastPathComponent,
                                    try plan(b), named: URL(fileURLWithPath: b).lastPathComponent)
    let doc = comparison.report()
    try output.emit(comparison, text: doc.text, document: doc, tables: comparison.csvTables())
  }
}
