/// A crisp event: a subset E of the scenarios, used for conditioning and event-probability views.
public enum ScenarioEvent: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The scenarios with these names.
  case scenarios([String])
  /// The scenarios whose attribute compares with the threshold (`price > 2`).
  case attribute(String, Comparison, Double)

  /// How an attribute is compared with a threshold.
  public enum Comparison: String, Sendable, Hashable, Codable {
    case above = ">", atLeast = ">=", below = "<", atMost = "<=", equal = "=="

    func holds(_ x: Double, _ t: Double) -> Bool {
      switch self {
      case .above: return x > t
      case .atLeast: return x >= t
      case .below: return x < t
      case .atMost: return x <= t
      case .equal: return x == t
      }
    }
  }

  /// 1[s ∈ E] for every scenario s.
  /// - Throws: ``ScenarioError`` for an unknown scenario name or a missing attribute.
  public func membership(in set: ScenarioSet) throws -> [Bool] {
    switch self {
    case .scenarios(let names):
      var member = [Bool](repeating: false, count: set.count)
      for (k, name) in names.enumerated() {
        guard let i = set.index(of: name) else {
          throw ScenarioError(path: "event.scenarios[\(k)]", message: "unknown scenario \"\(name)\"")
        }
        member[i] = true
      }
      return member
    case .attribute(let name, let comparison, let threshold):
      return try set.attribute(name).map { comparison.holds($0, threshold) }
    }
  }

  /// P(E) = Σ_{s ∈ E} pₛ.
  public func probability(in set: ScenarioSet) throws -> Double {
    let member = try membership(in: set)
    return zip(member, set.probabilities).reduce(0.0) { $0 + ($1.0 ? $1.1 : 0) }
  }

  public var description: String {
    switch self {
    case .scenarios(let names): return "{" + names.joined(separator: ", ") + "}"
    case .attribute(let name, let c, let t): return "\(name) \(c.rawValue) \(formatNumber(t))"
    }
  }
}
