import ArgumentParser
import Derisk
import Foundation

/// `derisk reweight SCENARIOS --views VIEWS [--json] [--csv DIR] [--report DIR] [--quiet]`: entropy pooling.
struct Reweight: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reweight scenarios by entropy pooling: the posterior closest to the prior that meets the views.")

  @Argument(help: "Scenario set file (.yaml, .yml or .json).")
  var scenarios: String

  @Option(help: "Views file (.yaml, .yml or .json).")
  var views: String

  @OptionGroup var output: OutputOptions

  func run() throws {
    let report: ReweightReport
    // Each file is read on its own first, so that the message names the file the problem is in.
    do { _ = try ScenarioSetFile.load(path: scenarios) } catch let error as ScenarioError {
      throw CommandFailure.unusableInput(error.path == scenarios ? "\(error)" : "\(scenarios): \(error)")
    }
    do { _ = try ViewsFile.load(path: views) } catch let error as ScenarioError {
      throw CommandFailure.unusableInput(error.path == views ? "\(error)" : "\(views): \(error)")
    }
    do {
      report = try ReweightReport(scenariosPath: scenarios, viewsPath: views)
    } catch let error as ScenarioError {
      throw CommandFailure.unusableInput("\(views): \(error)")
    } catch let error as ConflictingViewsError {
      throw CommandFailure.unusableInput("\(views): \(error)")
    }
    var doc = ReportDocument(title: "Entropy pooling: \(URL(fileURLWithPath: scenarios).lastPathComponent)")
    doc.blocks.append(.table(header: ["Scenario", "Prior", "Posterior"],
                             rows: report.scenarios.map { [$0.scenario, String(format: "%.6f", $0.prior), String(format: "%.6f", $0.posterior)] }))
    doc.blocks.append(.paragraph(String(format: "KL divergence %.6g; effective scenarios %.3f → %.3f; status %@.", report.klDivergence,
                                        report.priorEffectiveNumber, report.posteriorEffectiveNumber, report.status.rawValue)))
    var tables = CSVTables()
    tables.add("reweight", header: ["scenario", "prior", "posterior"], rows: report.scenarios.map { [$0.scenario, "\($0.prior)", "\($0.posterior)"] })
    if output.json {
      print(try report.json())   // the scenario module's own keys, unchanged
      try output.emit(report, text: "", document: output.report == nil ? nil : doc, tables: output.csv == nil ? nil : tables, printing: false)
    } else {
      try output.emit(report, text: report.text, document: doc, tables: tables)
    }
  }
}
