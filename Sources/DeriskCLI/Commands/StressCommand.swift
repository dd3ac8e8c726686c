import ArgumentParser
import Derisk

/// `derisk stress MODEL`: the single-point-of-failure (N − 1) report of the optimal plan.
struct Stress: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Single points of failure: each supplier, leg, corridor and country failing alone, contracts fixed.",
    discussion: """
      Holds the optimal contracts fixed, fails each element in every scenario and re-optimises the
      recourse; reports expected cost and shortfall per material. Then, per corridor, the smallest
      share of its capacity whose loss causes a shortfall (bisection). Exit status 2 for unusable input.
      """)

  @Argument(help: "The sourcing model file (.yaml, .yml or .json).")
  var model: String

  @Option(name: .customLong("bisection-steps"), help: "Bisection steps per corridor margin (default 10: 0.1 % resolution).")
  var bisectionSteps: Int = StressSettings().bisectionSteps

  @Option(name: .customLong("risk-aversion"), help: "λ (overrides the model's policy).")
  var riskAversion: Double?

  @OptionGroup var output: OutputOptions

  func run() throws {
    let sourcing = try unusable(model) { try loadModel(model, riskAversion: riskAversion) }
    let stress = try unusable(model) {
      try sourcing.stressTest(settings: StressSettings(bisectionSteps: bisectionSteps), progress: output.progress)
    }
    let doc = stress.report(modelName: sourcing.name)
    try output.emit(stress, text: doc.text, document: doc, tables: stress.csvTables())
  }
}
