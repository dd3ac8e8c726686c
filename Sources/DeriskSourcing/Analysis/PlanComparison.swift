import Foundation

/// Two plans side by side: headline figures, contracts, country shares and scenario costs, each with
/// b − a.
public struct PlanComparison: Sendable, Hashable, Codable {
  /// Labels of the two plans (file names).
  public var a: String
  public var b: String
  /// objective, expected_cost, value_at_risk, cvar, expected_shortfall (t, all materials).
  public var summary: [Row]
  /// One row per supplier/material contracted in either plan, t/yr.
  public var contracts: [Row]
  /// Country shares of contracts per material (0–1).
  public var countryShares: [Row]
  /// Scenario costs, for scenarios in both plans.
  public var scenarios: [Row]

  public struct Row: Sendable, Hashable, Codable {
    public var name: String
    public var a: Double
    public var b: Double
    /// b − a.
    public var difference: Double

    public init(name: String, a: Double, b: Double) {
      self.name = name
      self.a = a
      self.b = b
      difference = b - a
    }
  }

  /// Compares plan `b` against plan `a`. Entries missing from one plan count as 0 there.
  public init(_ a: SourcingPlan, named aName: String, _ b: SourcingPlan, named bName: String) {
    self.a = aName
    self.b = bName
    // Summed in key order, so equal plans give equal totals to the last bit.
    let shortA = a.expectedShortfall.sorted { $0.key < $1.key }.reduce(0.0) { $0 + $1.value }
    let shortB = b.expectedShortfall.sorted { $0.key < $1.key }.reduce(0.0) { $0 + $1.value }
    summary = [
      Row(name: "objective", a: a.objective, b: b.objective),
      Row(name: "expected_cost", a: a.expectedCost, b: b.expectedCost),
      Row(name: "value_at_risk", a: a.valueAtRisk, b: b.valueAtRisk),
      Row(name: "cvar", a: a.cvar, b: b.cvar),
      Row(name: "expected_shortfall", a: shortA, b: shortB),
    ]
    func merge(_ x: [(String, Double)], _ y: [(String, Double)], keep: (Double, Double) -> Bool) -> [Row] {
      var order: [String] = [], va: [String: Double] = [:], vb: [String: Double] = [:]
      for (k, v) in x { if va[k] == nil && vb[k] == nil { order.append(k) }; va[k, default: 0] += v }
      for (k, v) in y { if va[k] == nil && vb[k] == nil { order.append(k) }; vb[k, default: 0] += v }
      return order.map { Row(name: $0, a: va[$0] ?? 0, b: vb[$0] ?? 0) }.filter { keep($0.a, $0.b) }
    }
    let significant: (Double, Double) -> Bool = { abs($0) > 1e-6 || abs($1) > 1e-6 }
    contracts = merge(a.contracts.map { ("\($0.supplier)/\($0.material)", $0.tonnes) },
                      b.contracts.map { ("\($0.supplier)/\($0.material)", $0.tonnes) }, keep: significant)
    countryShares = merge(a.countryShares.map { ("\($0.material)/\($0.name)", $0.share) },
                          b.countryShares.map { ("\($0.material)/\($0.name)", $0.share) }, keep: significant)
    let namesB = Set(b.scenarios.map(\.scenario))
    scenarios = a.scenarios.filter { namesB.contains($0.scenario) }.map { s in
      Row(name: s.scenario, a: s.cost, b: b.scenarios.first { $0.scenario == s.scenario }?.cost ?? .nan)
    }
  }
}

/// snake_case → the plan's property names; keys of the plan's dictionaries (scenario, part and material
/// names under `cost_parts`, `per_scenario`, `by_material`) are kept as written.
private func planKey(_ path: [CodingKey]) -> CodingKey {
  guard let last = path.last else { return PlanKey(stringValue: "") }
  if path.count >= 2, ["cost_parts", "per_scenario", "by_material"].contains(path[path.count - 2].stringValue) { return last }
  let parts = last.stringValue.split(separator: "_")
  var name = String(parts.first ?? "")
  for part in parts.dropFirst() { name += part == "hhi" ? "HHI" : part.prefix(1).uppercased() + part.dropFirst() }
  return PlanKey(stringValue: name)
}

private struct PlanKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

extension SourcingPlan {
  /// Reads a plan written by ``json()`` (`derisk solve --json`).
  /// - Throws: ``SourcingError`` naming `path` when the text is not such a plan.
  public static func decode(json text: String, path: String) throws -> SourcingPlan {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .custom(planKey)
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    do {
      return try decoder.decode(SourcingPlan.self, from: Data(text.utf8))
    } catch {
      throw SourcingError(path: path, message: "not a plan written by `derisk solve --json` (\(error))")
    }
  }
}
