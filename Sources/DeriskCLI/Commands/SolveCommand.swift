import ArgumentParser
import Derisk
import Foundation

/// `derisk solve MODEL [--json] [--risk-aversion λ] [--cvar-confidence α]`: the sourcing plan.
struct Solve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Solve a sourcing model (YAML or JSON) and print the plan.",
    discussion: """
      Minimises E[cost] + λ·CVaR_α(cost) (or the model's risk measure) over contracts now and
      recourse per scenario. With --json, standard output holds exactly one JSON object (status,
      objective, expected_cost, cvar and the plan's sections); progress goes to standard error.
      Exit status 0 when the solve ran (read `status`), 2 when the model or an argument is unusable.
      """)

  @Argument(help: "The sourcing model file (.yaml, .yml or .json).")
  var model: String

  @Flag(help: "Print one JSON object on standard output instead of the readable plan.")
  var json = false

  @Option(name: .customLong("risk-aversion"), help: "λ, the weight of the risk measure (overrides the model's policy).")
  var riskAversion: Double?

  @Option(name: .customLong("cvar-confidence"), help: "α of CVaR, in [0, 1) (overrides the model's policy).")
  var cvarConfidence: Double?

  @Flag(name: .customLong("no-value-of-information"), help: "Skip VSS and EVPI (their extra solves).")
  var noValueOfInformation = false

  @Option(help: "Linear-system backend: auto (structured when the program has scenario blocks), structured, or general (dense normal equations). Default auto.")
  var solver: SolverChoice = .auto

  @Option(name: .customLong("time-limit"), help: "Stop the main solve after this many seconds (default: no limit).")
  var timeLimit: Double?

  @Flag(help: "Print the interior-point iteration log on standard error.")
  var verbose = false

  func run() throws {
    let plan: SourcingPlan
    do {
      var sourcing = try SourcingModel.load(path: model)
      if let riskAversion { sourcing.policy.riskAversion = riskAversion }
      if let cvarConfidence { sourcing.policy.cvarConfidence = cvarConfidence }
      try sourcing.validate()
      FileHandle.standardError.write(Data("solving \(sourcing.name ?? model): \(sourcing.materials.count) materials, \(sourcing.suppliers.count) suppliers, \(sourcing.legs.count) legs, \(sourcing.scenarios.count) scenarios\n".utf8))
      var settings = InteriorPointSettings()
      settings.linearSystem = solver.linearSystem
      settings.timeLimitSeconds = timeLimit
      settings.verbose = verbose
      plan = try sourcing.solve(options: SourcingSolveOptions(interiorPoint: settings, valueOfInformation: !noValueOfInformation))
    } catch let error as SourcingError {
      throw CommandFailure.unusableInput("\(error)")
    } catch {
      throw CommandFailure.unusableInput("\(model): \(error)")
    }
    print(json ? try plan.json() : plan.text, terminator: json ? "\n" : "")
  }
}

/// `--solver`: which linear-system backend the interior-point iteration uses.
enum SolverChoice: String, ExpressibleByArgument, CaseIterable {
  case auto, structured, general

  var linearSystem: LinearSystemChoice {
    switch self {
    case .auto: return .automatic
    case .structured: return .scenarioStructured
    case .general: return .normalEquations
    }
  }
}
