import ArgumentParser
import DeriskScenarios
import Foundation

/// `derisk scenarios EVENTS [--samples N --seed S] [--json]`: scenarios from disruption events.
struct Scenarios: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate a scenario set from disruption events, by exact enumeration or seeded sampling.")

  @Argument(help: "Events file (.yaml, .yml or .json).")
  var events: String

  @Option(help: "Draw this many Monte Carlo samples instead of enumerating.")
  var samples: Int?

  @Option(help: "Seed of the SplitMix64 generator (with --samples; default 0).")
  var seed: UInt64?

  @Flag(help: "Print JSON (a valid scenario set file) instead of a table.")
  var json = false

  func run() throws {
    let report: ScenariosReport
    do {
      if seed != nil && samples == nil { throw ScenarioError(path: "--seed", message: "needs --samples") }
      report = try ScenariosReport(eventsPath: events, samples: samples, seed: seed)
    } catch let error as ScenarioError {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(2)
    }
    print(json ? try report.json() : report.text, terminator: json ? "\n" : "")
  }
}
