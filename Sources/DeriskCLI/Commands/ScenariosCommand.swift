import ArgumentParser
import Derisk
import Foundation

/// `derisk scenarios EVENTS [--samples N --seed S] [--json] [--csv DIR] [--report DIR] [--quiet]`.
struct Scenarios: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate a scenario set from disruption events, by exact enumeration or seeded sampling.",
    discussion: "With --json, standard output is a valid scenario set file. Exit status 2 for unusable input.")

  @Argument(help: "Events file (.yaml, .yml or .json).")
  var events: String

  @Option(help: "Draw this many Monte Carlo samples instead of enumerating.")
  var samples: Int?

  @Option(help: "Seed of the SplitMix64 generator (with --samples; default 0).")
  var seed: UInt64?

  @OptionGroup var output: OutputOptions

  func run() throws {
    let report: ScenariosReport
    do {
      if seed != nil && samples == nil { throw ScenarioError(path: "--seed", message: "needs --samples") }
      report = try ScenariosReport(eventsPath: events, samples: samples, seed: seed)
    } catch let error as ScenarioError {
      let named = error.path == events || error.path.hasPrefix("--")
      throw CommandFailure.unusableInput(named ? "\(error)" : "\(events): \(error)")
    }
    var doc = ReportDocument(title: "Scenarios from \(URL(fileURLWithPath: events).lastPathComponent) (\(report.method))")
    doc.blocks.append(.table(header: ["Scenario", "Probability"],
                             rows: report.scenarios.map { [$0.name, String(format: "%.6f", $0.probability)] }))
    var tables = CSVTables()
    tables.add("scenarios", header: ["scenario", "probability"], rows: report.scenarios.map { [$0.name, "\($0.probability)"] })
    if output.json {
      print(try report.json())   // a valid scenario set file
      try output.emit(report, text: "", document: output.report == nil ? nil : doc, tables: output.csv == nil ? nil : tables, printing: false)
    } else {
      try output.emit(report, text: report.text, document: doc, tables: tables)
    }
  }
}
