import ArgumentParser
import DeriskScenarios
import Foundation

/// `derisk reweight SCENARIOS --views VIEWS [--json]`: entropy pooling of a scenario set under views.
struct Reweight: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Reweight scenarios by entropy pooling: the posterior closest to the prior that meets the views.")

  @Argument(help: "Scenario set file (.yaml, .yml or .json).")
  var scenarios: String

  @Option(help: "Views file (.yaml, .yml or .json).")
  var views: String

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let report: ReweightReport
    do {
      report = try ReweightReport(scenariosPath: scenarios, viewsPath: views)
    } catch let error as ScenarioError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(2)
    } catch let error as ConflictingViewsError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(2)
    }
    print(json ? try report.json() : report.text, terminator: json ? "\n" : "")
  }
}
