import ArgumentParser
import Derisk

/// `derisk frontier MODEL [--points N] [--max-risk-aversion Λ]`: E[cost] against CVaR for λ from 0 to Λ.
struct Frontier: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The efficient frontier: expected cost against CVaR for risk aversions λ from 0 up.",
    discussion: """
      Solves the model with the CVaR measure at λ = 0 and N − 1 values from --min-risk-aversion to
      --max-risk-aversion (geometric unless --linear) and labels each
      kink with the constraint that starts or stops binding ("Middle Corridor (TITR) capacity binds
      from λ = 1.5"). Each point is a cold interior-point solve. Exit status 2 for unusable input.
      """)

  @Argument(help: "The sourcing model file (.yaml, .yml or .json).")
  var model: String

  @Option(help: "Number of points N ≥ 2, λ = 0 included (default 13).")
  var points: Int = FrontierSettings().points

  @Option(name: .customLong("min-risk-aversion"), help: "The smallest positive λ (default 0.1).")
  var minRiskAversion: Double = FrontierSettings().minRiskAversion

  @Option(name: .customLong("max-risk-aversion"), help: "The largest λ (default 100).")
  var maxRiskAversion: Double = FrontierSettings().maxRiskAversion

  @Flag(help: "Space λ linearly between min and max (default: geometrically).")
  var linear = false

  @Option(name: .customLong("cvar-confidence"), help: "α of CVaR, in [0, 1) (default: the model's).")
  var cvarConfidence: Double?

  @OptionGroup var output: OutputOptions

  func run() throws {
    let sourcing = try unusable(model) { try loadModel(model, cvarConfidence: cvarConfidence) }
    let frontier = try unusable(model) {
      try sourcing.efficientFrontier(settings: FrontierSettings(points: points, minRiskAversion: minRiskAversion, maxRiskAversion: maxRiskAversion, linear: linear),
                                     progress: output.progress)
    }
    let doc = frontier.report(modelName: sourcing.name)
    try output.emit(frontier, text: doc.text, document: doc, tables: frontier.csvTables())
  }
}
