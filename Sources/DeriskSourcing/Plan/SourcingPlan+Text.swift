import Foundation

extension SourcingPlan {
  /// The plan as one JSON object (snake_case keys, sorted, pretty-printed, "/" escaped as "\/").
  /// Non-finite numbers are written as the strings "inf", "-inf" and "nan". (`derisk solve --json`
  /// writes the same object through ``ReportJSON``, with "/" unescaped.)
  public func json() throws -> String {
    String(decoding: try SortedJSONEncoder(escapingSlashes: true).encode(self), as: UTF8.self)
  }

  /// A readable report for a terminal.
  public var text: String {
    var out = ""
    func line(_ s: String = "") { out += s + "\n" }
    func money(_ x: Double) -> String {
      guard x.isFinite else { return "n/a" }
      let a = abs(x)
      if a >= 1e9 { return String(format: "%.3f bn", x / 1e9) }
      if a >= 1e6 { return String(format: "%.3f m", x / 1e6) }
      if a >= 1e3 { return String(format: "%.1f k", x / 1e3) }
      return String(format: "%.2f", x)
    }
    func t(_ x: Double) -> String { String(format: "%.1f", x) }
    func pct(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }

    line("Status: \(status) (primal \(solver.primalStatus), dual \(solver.dualStatus); \(solver.iterations) iterations, "
         + String(format: "gap %.1e, primal residual %.1e, dual residual %.1e, %.2f s; %d variables, %d rows)",
                  solver.relativeGap, solver.primalResidual, solver.dualResidual, solver.seconds, solver.variables, solver.constraints))
    let measure = riskMeasure == "expectation" ? "E[C]" : "E[C] + \(riskAversion)·\(riskMeasure)"
    line("Objective (\(measure)): \(money(objective))")
    line("E[cost] \(money(expectedCost))   VaR_\(cvarConfidence) \(money(valueAtRisk))   CVaR_\(cvarConfidence) \(money(cvar))")
    line("Tail: " + tailSummary { "\($0.scenario) (\(money($0.cost)), weight \(Self.formatShare($0.weight)))" })
    if let v = valueOfInformation {
      line("VSS \(money(v.vss)) (expected-value plan: \(money(v.expectedValuePlanObjective)))   EVPI \(money(v.evpi)) (wait-and-see: \(money(v.waitAndSeeObjective)))")
    }
    line()
    line("Contracts (t/yr)")
    for c in contracts where c.tonnes > 1e-6 {
      line("  " + pad(c.supplier, 12) + pad(c.country, 14) + pad(c.material, 14) + lpad(t(c.tonnes), 10) + " of " + lpad(t(c.capacity), 10))
    }
    line()
    line("Country shares of contracts (HHI per material)")
    for c in concentration {
      let parts = countryShares.filter { $0.material == c.material && $0.tonnes > 1e-6 }.map { "\($0.name) \(pct($0.share))" }
      line("  " + pad(c.material, 14) + parts.joined(separator: ", ") + String(format: "   HHI %.3f", c.countryHHI))
    }
    if corridorFlows.contains(where: { $0.tonnes > 1e-6 }) {
      line()
      line("Expected corridor throughput (t/yr, share, HHI)")
      for c in concentration {
        let parts = corridorFlows.filter { $0.material == c.material && $0.tonnes > 1e-6 }.map { "\($0.name) \(t($0.tonnes)) (\(pct($0.share)))" }
        if !parts.isEmpty { line("  " + pad(c.material, 14) + parts.joined(separator: ", ") + String(format: "   HHI %.3f", c.corridorHHI)) }
      }
    }
    line()
    line("Expected leg flows (t/yr)")
    for l in legFlows where l.expectedTonnes > 1e-6 {
      line("  " + pad(l.leg, 10) + pad("\(l.from) → \(l.to)", 26) + pad(l.mode, 8) + lpad(t(l.expectedTonnes), 10) + " of " + lpad(t(l.capacity), 10))
    }
    line()
    let listed = listedScenarios
    line(listed.count == scenarios.count ? "Scenarios"
         : "Scenarios (the \(listed.count) costliest of \(scenarios.count); --json lists them all)")
    for s in listed {
      let issues = s.materials.compactMap { m -> String? in
        var bits: [String] = []
        if m.shortfall > 1e-6 { bits.append("short \(t(m.shortfall))") }
        if m.spot > 1e-6 { bits.append("spot \(t(m.spot))") }
        if m.stockpile > 1e-6 { bits.append("stock \(t(m.stockpile))") }
        return bits.isEmpty ? nil : "\(m.material): " + bits.joined(separator: ", ")
      }
      line("  " + pad(s.scenario, 24) + lpad("p=" + Self.formatShare(s.probability, digits: 3), 8) + lpad(money(s.cost), 14)
           + (issues.isEmpty ? "" : "   " + issues.joined(separator: "; ")))
    }
    if !riskScores.isEmpty {
      line()
      line("Average supplier risk score of contracts")
      for r in riskScores { line("  " + pad(r.material, 14) + pad(r.kind, 10) + String(format: "%.2f", r.average)) }
    }
    let prices = shadowPrices.filter { abs($0.value) > 5e-3 }
    if !prices.isEmpty {
      line()
      line("Shadow prices (value of one more unit; largest scenario contributions)")
      for sp in prices.sorted(by: { abs($0.value) > abs($1.value) }) {
        let top = sp.perScenario.filter { abs($0.value) > 1e-6 }.sorted { abs($0.value) > abs($1.value) }.prefix(3)
          .map { "\($0.key) \(money($0.value))" }
        let target = sp.material.map { "\(sp.target)/\($0)" } ?? sp.target
        line("  " + pad(sp.kind.rawValue, 20) + pad(target, 24) + lpad(money(sp.value), 12) + " \(sp.unit)"
             + (top.isEmpty ? "" : "   [" + top.joined(separator: ", ") + "]"))
      }
    }
    if let sens = probabilitySensitivity {
      line()
      line("Sensitivity to scenario probabilities (∂objective/∂p, and moving mass to the scenario)")
      for x in sens { line("  " + pad(x.scenario, 24) + lpad(money(x.gradient), 14) + lpad(money(x.massShift), 14)) }
    }
    return out
  }

  /// How many tail scenarios a report names, costliest first; the rest are counted with their total weight.
  static let tailScenariosNamed = 10
  /// Reports list every scenario up to this many; above it, the `scenariosListedWhenMany` costliest.
  static let scenariosListedInFull = 30
  static let scenariosListedWhenMany = 20

  /// The tail scenarios, the `tailScenariosNamed` costliest each written by `describe`, then
  /// "and N more (weight W)" when there are more (a 10,000-scenario plan has a thousand).
  func tailSummary(_ describe: (TailScenario) -> String) -> String {
    let named = tailScenarios.prefix(Self.tailScenariosNamed)
    var text = named.map(describe).joined(separator: ", ")
    let rest = tailScenarios.dropFirst(named.count)
    if !rest.isEmpty {
      text += ", and \(rest.count) more (weight \(Self.formatShare(rest.reduce(0) { $0 + $1.weight })))"
    }
    return text
  }

  /// The scenarios a report lists: all of them in the model's order, or, when there are more than
  /// `scenariosListedInFull`, the `scenariosListedWhenMany` costliest, costliest first.
  var listedScenarios: [ScenarioOutcome] {
    guard scenarios.count > Self.scenariosListedInFull else { return scenarios }
    return Array(scenarios.sorted { $0.cost > $1.cost }.prefix(Self.scenariosListedWhenMany))
  }

  /// A probability or weight: fixed-point with `digits` decimals while that shows at least two
  /// significant digits (0.90, 0.050), else two significant digits (0.0017, 6e-05): at 10,000 scenarios
  /// a fixed 0.00 hid every probability.
  static func formatShare(_ x: Double, digits: Int = 2) -> String {
    x == 0 || abs(x) >= pow(10, 1 - Double(digits)) ? String(format: "%.\(digits)f", x) : String(format: "%.2g", x)
  }
}
