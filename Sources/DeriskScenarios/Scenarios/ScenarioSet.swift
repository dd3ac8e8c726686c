import Foundation

/// A finite probability distribution over named scenarios.
///
/// Invariants, checked by every initialiser: at least one scenario; unique names; every probability
/// finite and ≥ 0; Σₛ pₛ = 1 within ``ScenarioSet/sumTolerance`` (or, with
/// ``init(normalizing:)``, any positive finite total divided out); every attribute value finite.
public struct ScenarioSet: Sendable, Hashable, Codable {
  /// |Σ pₛ − 1| allowed by ``init(_:)``: 1e-9.
  public static let sumTolerance = 1e-9

  /// The scenarios in their given order.
  public private(set) var scenarios: [Scenario]

  /// Validates scenarios whose probabilities already sum to one (within 1e-9).
  /// - Throws: ``ScenarioError`` naming the scenario (`scenarios[3].probability: must be ≥ 0, got -0.1`).
  public init(_ scenarios: [Scenario]) throws {
    try Self.validate(scenarios, requireUnitSum: true, path: "scenarios")
    self.scenarios = scenarios
  }

  /// Divides the probabilities (or non-negative weights) by their sum.
  /// - Throws: ``ScenarioError`` for a negative or non-finite weight, or a zero total.
  public init(normalizing scenarios: [Scenario]) throws {
    try Self.validate(scenarios, requireUnitSum: false, path: "scenarios")
    let total = scenarios.reduce(0.0) { $0 + $1.probability }
    self.scenarios = scenarios.map { var s = $0; s.probability /= total; return s }
  }

  /// Equally likely scenarios, 1/N each.
  public init(equallyLikely scenarios: [Scenario]) throws {
    try self.init(normalizing: scenarios.map { var s = $0; s.probability = 1; return s })
  }

  /// The checks behind the initialisers, with `path` as the list's name in messages.
  static func validate(_ scenarios: [Scenario], requireUnitSum: Bool, path: String) throws {
    guard !scenarios.isEmpty else { throw ScenarioError(path: path, message: "must hold at least one scenario") }
    var seen: [String: Int] = [:]
    var total = 0.0
    for (i, s) in scenarios.enumerated() {
      let here = "\(path)[\(i)]"
      if s.name.isEmpty { throw ScenarioError(path: "\(here).name", message: "must not be empty") }
      if let j = seen[s.name] {
        throw ScenarioError(path: "\(here).name", message: "duplicate name \"\(s.name)\" (also \(path)[\(j)])")
      }
      seen[s.name] = i
      guard s.probability.isFinite else {
        throw ScenarioError(path: "\(here).probability", message: "must be finite, got \(formatNumber(s.probability))")
      }
      guard s.probability >= 0 else {
        throw ScenarioError(path: "\(here).probability", message: "must be ≥ 0, got \(formatNumber(s.probability))")
      }
      for (key, value) in s.attributes.sorted(by: { $0.key < $1.key }) where !value.isFinite {
        throw ScenarioError(path: "\(here).attributes.\(key)", message: "must be finite, got \(formatNumber(value))")
      }
      total += s.probability
    }
    if requireUnitSum {
      guard abs(total - 1) <= sumTolerance else {
        throw ScenarioError(path: path, message: "probabilities must sum to 1 (within 1e-9), got \(formatNumber(total))")
      }
    } else {
      guard total > 0 else { throw ScenarioError(path: path, message: "weights must have a positive sum, got 0") }
    }
  }

  /// Number of scenarios N.
  public var count: Int { scenarios.count }
  /// The probabilities p₁ … p_N.
  public var probabilities: [Double] { scenarios.map(\.probability) }
  /// The scenario names in order.
  public var names: [String] { scenarios.map(\.name) }
  /// Attribute names present in every scenario, sorted.
  public var commonAttributeNames: [String] {
    var common = Set(scenarios[0].attributes.keys)
    for s in scenarios.dropFirst() { common.formIntersection(s.attributes.keys) }
    return common.sorted()
  }

  /// The index of the scenario with this name, if any.
  public func index(of name: String) -> Int? { scenarios.firstIndex { $0.name == name } }

  /// The values xₛ(a) of one attribute over all scenarios.
  /// - Throws: ``ScenarioError`` naming the first scenario without it.
  public func attribute(_ name: String) throws -> [Double] {
    try scenarios.enumerated().map { i, s in
      guard let v = s.attributes[name] else {
        throw ScenarioError(path: "scenarios[\(i)].attributes", message: "has no attribute \"\(name)\" (scenario \"\(s.name)\")")
      }
      return v
    }
  }

  /// The same scenarios with new probabilities (e.g. a posterior).
  /// - Throws: ``ScenarioError`` when the count differs or the vector is not a probability vector.
  public func reweighted(_ probabilities: [Double]) throws -> ScenarioSet {
    guard probabilities.count == count else {
      throw ScenarioError(path: "probabilities", message: "has \(probabilities.count) entries for \(count) scenarios")
    }
    var copy = scenarios
    for i in copy.indices { copy[i].probability = probabilities[i] }
    return try ScenarioSet(copy)
  }

  /// The effective number of scenarios exp(H(p)) = exp(−Σ pₛ log pₛ) (0 log 0 = 0):
  /// N for equal weights, 1 for a point mass.
  public var effectiveNumber: Double { ScenarioSet.effectiveNumber(probabilities) }

  /// exp(−Σ pₛ log pₛ) for any probability vector.
  public static func effectiveNumber(_ p: [Double]) -> Double {
    var h = 0.0
    for x in p where x > 0 { h -= x * log(x) }
    return exp(h)
  }

  /// The conditional distribution given an event E (crisp): qₛ = pₛ 1[s ∈ E] / P(E); scenarios
  /// outside E are removed.
  /// - Throws: ``ScenarioError`` when P(E) = 0 (the conditional is undefined) or the event names
  ///   an unknown scenario or attribute.
  public func conditioned(on event: ScenarioEvent) throws -> ScenarioSet {
    let member = try event.membership(in: self)
    let kept = scenarios.indices.filter { member[$0] }.map { scenarios[$0] }
    let mass = kept.reduce(0.0) { $0 + $1.probability }
    guard mass > 0 else {
      throw ScenarioError(path: "event", message: "has probability 0 (\(event)); cannot condition on it")
    }
    return try ScenarioSet(normalizing: kept)
  }

  /// The scenarios satisfying `predicate`, renormalised, and the probability mass that was dropped.
  /// - Throws: ``ScenarioError`` when nothing with positive probability remains.
  public func filtered(_ predicate: (Scenario) -> Bool) throws -> (set: ScenarioSet, droppedMass: Double) {
    let kept = scenarios.filter(predicate)
    let keptMass = kept.reduce(0.0) { $0 + $1.probability }
    guard keptMass > 0 else { throw ScenarioError(path: "filter", message: "keeps no probability mass") }
    let dropped = scenarios.reduce(0.0) { $0 + $1.probability } - keptMass
    return (try ScenarioSet(normalizing: kept), max(0, dropped))
  }

  /// The mixture w·self + (1 − w)·other. Scenarios with the same name must have the same attributes
  /// and have their probabilities added; the others are appended in order.
  /// - Throws: ``ScenarioError`` for w outside [0, 1] or a same-named scenario with other attributes.
  public func merged(with other: ScenarioSet, weight w: Double = 0.5) throws -> ScenarioSet {
    guard w.isFinite, (0...1).contains(w) else {
      throw ScenarioError(path: "weight", message: "must be in [0, 1], got \(formatNumber(w))")
    }
    var result = scenarios.map { var s = $0; s.probability *= w; return s }
    for (j, s) in other.scenarios.enumerated() {
      if let i = result.firstIndex(where: { $0.name == s.name }) {
        guard result[i].attributes == s.attributes else {
          throw ScenarioError(path: "other.scenarios[\(j)]", message: "\"\(s.name)\" has other attributes than the scenario of that name")
        }
        result[i].probability += (1 - w) * s.probability
      } else {
        var t = s
        t.probability *= (1 - w)
        result.append(t)
      }
    }
    return try ScenarioSet(normalizing: result)
  }

  /// Scenarios with identical attributes merged into one (the first one's name, the summed probability).
  public func mergingIdenticalAttributes() -> ScenarioSet {
    var result: [Scenario] = []
    var position: [[String: Double]: Int] = [:]
    for s in scenarios {
      if let i = position[s.attributes] { result[i].probability += s.probability } else {
        position[s.attributes] = result.count
        result.append(s)
      }
    }
    var copy = self
    copy.scenarios = result
    return copy
  }
}
