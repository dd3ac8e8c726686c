import ArgumentParser
import Derisk
import Foundation

/// `derisk solve MODEL [--risk-aversion λ] [--cvar-confidence α] [--max-iterations N] [--json] [--csv DIR] [--report DIR] [--quiet]`.
struct Solve: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Solve a sourcing model (YAML or JSON) and print the plan.",
    discussion: """
      Minimises E[cost] + λ·CVaR_α(cost) (or the model's risk measure) over contracts now and
      recourse per scenario. With --json, standard output holds exactly one JSON object (status,
      objective, expected_cost, cvar and the plan's sections); progress goes to standard error.
      --report DIR writes the plan with its charts (allocation by country and corridor, scenario
      costs with VaR/CVaR, flows). Exit status 0 when the solve ran (read `status`), 2 when the
      model or an argument is unusable.
      """)

  @Argument(help: "The sourcing model file (.yaml, .yml or .json).")
  var model: String

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

  @Option(name: .customLong("max-iterations"), help: "Largest number of interior-point iterations of each solve (default 200).")
  var maxIterations: Int = InteriorPointSettings().maxIterations

  @Flag(name: .customLong("no-sample-centre"), help: "On programs of 8,000 scenarios or more, do not solve a sample of 1,000 of them first for a first-stage centre (by default one is solved; the optimum is the same, the iterations fewer).")
  var noSampleCentre = false

  @Flag(help: "Print the interior-point iteration log and the time of each phase on standard error (off with --quiet).")
  var verbose = false

  @OptionGroup var output: OutputOptions

  func run() throws {
    let plan: SourcingPlan
    let sourcing: SourcingModel
    let phases = PhaseLog(enabled: verbose && !output.quiet)
    do {
      sourcing = try loadModel(model, riskAversion: riskAversion, cvarConfidence: cvarConfidence)
      phases.mark("model read and checked")
      output.note("solving \(sourcing.name ?? model): \(sourcing.materials.count) materials, \(sourcing.suppliers.count) suppliers, \(sourcing.legs.count) legs, \(sourcing.scenarios.count) scenarios")
      var settings = InteriorPointSettings()
      settings.linearSystem = solver.linearSystem
      settings.timeLimitSeconds = timeLimit
      settings.maxIterations = maxIterations
      settings.centreFromSample = !noSampleCentre
      settings.verbose = verbose && !output.quiet
      try settings.validate()
      plan = try sourcing.solve(options: SourcingSolveOptions(interiorPoint: settings, valueOfInformation: !noValueOfInformation))
      phases.mark("plan computed (the phases above)")
    } catch let error as SourcingError {
      throw CommandFailure.unusableInput("\(error)")
    } catch {
      throw CommandFailure.unusableInput("\(model): \(error)")
    }
    try output.emit(plan, text: plan.text, document: plan.report(model: sourcing), tables: plan.csvTables())
    phases.mark("output written")
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

/// Loads and validates a model, applying the common policy overrides.
func loadModel(_ path: String, riskAversion: Double? = nil, cvarConfidence: Double? = nil) throws -> SourcingModel {
  var sourcing = try SourcingModel.load(path: path)
  if let riskAversion { sourcing.policy.riskAversion = riskAversion }
  if let cvarConfidence { sourcing.policy.cvarConfidence = cvarConfidence }
  try sourcing.validate()
  return sourcing
}

/// Runs `body`, turning any thrown error into the one-line exit-2 failure.
func unusable<T>(_ place: String, _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as SourcingError {
    throw CommandFailure.unusableInput("\(error)")
  } catch let error as ExitCode {
    throw error
  } catch {
    throw CommandFailure.unusableInput("\(place): \(error)")
  }
}
