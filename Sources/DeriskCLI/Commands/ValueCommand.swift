import ArgumentParser
import Derisk
import Foundation

/// `derisk value MODEL --leg ID | --corridor ID [--range 0:3] [--days] [--capital-cost K --lifetime N --financing NAME:RATE…]`.
struct Value: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "The value-of-capacity curve of a leg or corridor, and whether an investment in it pays.",
    discussion: """
      Re-solves the model with the leg's (corridor's) capacity multiplied by each point of --range
      (with --days: its transit days), reporting the optimal objective, the saving against today and
      the shadow price along the curve. With --capital-cost, --lifetime and one or more
      --financing NAME:RATE (e.g. concessional:0.015 export-credit:0.06), the annual saving at
      --invest-at (default: the top of the range) is set against the annuity K·r/(1 − (1 + r)^−n).
      Exit status 2 for unusable input.
      """)

  @Argument(help: "The sourcing model file (.yaml, .yml or .json).")
  var model: String

  @Option(help: "The leg whose capacity (or days) is scaled.")
  var leg: String?

  @Option(help: "The corridor whose legs (and cap) are scaled.")
  var corridor: String?

  @Option(help: "Multipliers LOW:HIGH (default 0:3 for capacity, 0:1 for --days).")
  var range: String?

  @Option(help: "Number of points ≥ 2 (default 13).")
  var points: Int = CapacityValueSettings().points

  @Flag(help: "Scale transit days instead of capacity.")
  var days = false

  @Option(name: .customLong("capital-cost"), help: "Capital cost of the investment, in the model's currency.")
  var capitalCost: Double?

  @Option(help: "Lifetime (loan tenor) of the investment, years (default 20).")
  var lifetime: Double = 20

  @Option(help: ArgumentHelp("A way to finance it, NAME:RATE (repeatable; default market:0.08).", valueName: "NAME:RATE"))
  var financing: [String] = []

  @Option(name: .customLong("invest-at"), help: "The multiplier the investment reaches (default: the top of the range).")
  var investAt: Double?

  @OptionGroup var output: OutputOptions

  func run() throws {
    guard (leg == nil) != (corridor == nil) else { throw CommandFailure.unusableInput("give exactly one of --leg ID or --corridor ID") }
    let target: CapacityTarget = leg.map { .leg($0) } ?? .corridor(corridor ?? "")
    var settings = CapacityValueSettings(lower: 0, upper: days ? 1 : 3, points: points, days: days)
    if let range {
      let parts = range.split(separator: ":").map { Double($0.trimmingCharacters(in: .whitespaces)) }
      guard parts.count == 2, let lo = parts[0], let hi = parts[1] else {
        throw CommandFailure.unusableInput("--range: expected LOW:HIGH such as 0:3, got \"\(range)\"")
      }
      settings.lower = lo
      settings.upper = hi
    }
    if let capitalCost {
      var options: [Financing] = []
      for item in financing.isEmpty ? ["market:0.08"] : financing {
        let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
        let rate = parts.count == 2 ? Double(parts[1]) : parts.count == 1 ? Double(parts[0]) : nil
        guard let rate else { throw CommandFailure.unusableInput("--financing: expected NAME:RATE such as concessional:0.015, got \"\(item)\"") }
        options.append(Financing(name: parts.count == 2 ? parts[0] : "rate \(parts[0])", rate: rate))
      }
      settings.investment = Investment(capitalCost: capitalCost, lifetimeYears: lifetime, multiplier: investAt ?? settings.upper, financing: options)
    } else if !financing.isEmpty || investAt != nil {
      throw CommandFailure.unusableInput("--financing and --invest-at need --capital-cost")
    }
    let sourcing = try unusable(model) { try loadModel(model) }
    let curve = try unusable(model) { try sourcing.valueOfCapacity(target, settings: settings, progress: output.progress) }
    let doc = curve.report(modelName: sourcing.name)
    try output.emit(curve, text: doc.text, document: doc, tables: curve.csvTables())
  }
}
