/// A risk measure of a discrete loss distribution (losses Lₛ with probabilities pₛ; larger is worse).
///
/// - expectation: E[L] = Σ pₛ Lₛ.
/// - valueAtRisk(α): VaR_α = min { t : P(L ≤ t) ≥ α }, the lower α-quantile.
/// - conditionalValueAtRisk(α): CVaR_α = min_t { t + E[(L − t)₊]/(1 − α) } (Rockafellar–Uryasev 2002),
///   the mean of the worst 1 − α of the probability mass, counting the atom at VaR fractionally.
///   CVaR₀ = E[L]; CVaR₁ = the worst case.
/// - worstCase: max { Lₛ : pₛ > 0 }.
/// - meanCVaR(weight λ, α): (1 − λ) E[L] + λ CVaR_α.
public enum RiskMeasure: Sendable, Hashable, Codable, CustomStringConvertible {
  case expectation
  case valueAtRisk(confidence: Double)
  case conditionalValueAtRisk(confidence: Double)
  case worstCase
  case meanCVaR(weight: Double, confidence: Double)

  public var description: String {
    switch self {
    case .expectation: return "E"
    case .valueAtRisk(let a): return "VaR_\(formatNumber(a))"
    case .conditionalValueAtRisk(let a): return "CVaR_\(formatNumber(a))"
    case .worstCase: return "worst case"
    case .meanCVaR(let w, let a): return "(1−\(formatNumber(w)))E + \(formatNumber(w))CVaR_\(formatNumber(a))"
    }
  }

  /// Checks α ∈ [0, 1] and λ ∈ [0, 1].
  public func validate() throws {
    switch self {
    case .expectation, .worstCase: return
    case .valueAtRisk(let a), .conditionalValueAtRisk(let a):
      try Self.checkUnit(a, "confidence")
    case .meanCVaR(let w, let a):
      try Self.checkUnit(w, "weight")
      try Self.checkUnit(a, "confidence")
    }
  }

  static func checkUnit(_ x: Double, _ path: String) throws {
    guard x.isFinite, x >= 0, x <= 1 else { throw ScenarioError(path: path, message: "must be in [0, 1], got \(formatNumber(x))") }
  }

  /// ρ(L) for losses under probabilities p.
  /// - Throws: ``ScenarioError`` for mismatched lengths, non-finite losses, a bad probability vector
  ///   or a parameter outside [0, 1].
  public func evaluate(losses: [Double], probabilities p: [Double]) throws -> Double {
    try validate()
    try Self.checkInputs(losses, p)
    switch self {
    case .valueAtRisk(let a):
      return Self.valueAtRisk(losses, p, a)
    case .worstCase:
      return Self.worstCase(losses, p)
    default:
      let w = try tailWeights(losses: losses, probabilities: p)
      var sum = 0.0
      for i in losses.indices { sum += w[i] * losses[i] }
      return sum
    }
  }

  /// ρ(L) for an attribute of a scenario set.
  public func evaluate(_ attribute: String, in set: ScenarioSet) throws -> Double {
    try evaluate(losses: set.attribute(attribute), probabilities: set.probabilities)
  }

  /// The weights wₛ ≥ 0, Σ wₛ = 1, with ρ(L) = Σ wₛ Lₛ: which scenarios carry the risk and how much.
  ///
  /// - expectation: w = p.
  /// - CVaR_α: the mass 1 − α is filled from the largest loss down, wₛ = (mass taken from s)/(1 − α).
  ///   The atom at VaR is taken fractionally; scenarios tied at that loss share it in proportion to
  ///   their probabilities (so ties are treated symmetrically). For α = 1 the worst case's weights.
  /// - worst case: the scenarios of maximal loss (with pₛ > 0) share weight in proportion to pₛ.
  /// - VaR_α: the scenarios whose loss equals VaR (with pₛ > 0) share weight in proportion to pₛ.
  /// - mean–CVaR: (1 − λ) p + λ w_CVaR.
  public func tailWeights(losses: [Double], probabilities p: [Double]) throws -> [Double] {
    try validate()
    try Self.checkInputs(losses, p)
    switch self {
    case .expectation:
      return p
    case .conditionalValueAtRisk(let a):
      return Self.cvarWeights(losses, p, a)
    case .worstCase:
      return Self.levelWeights(losses, p, Self.worstCase(losses, p))
    case .valueAtRisk(let a):
      return Self.levelWeights(losses, p, Self.valueAtRisk(losses, p, a))
    case .meanCVaR(let lambda, let a):
      let w = Self.cvarWeights(losses, p, a)
      return p.indices.map { (1 - lambda) * p[$0] + lambda * w[$0] }
    }
  }

  static func checkInputs(_ losses: [Double], _ p: [Double]) throws {
    guard losses.count == p.count, !p.isEmpty else {
      throw ScenarioError(path: "losses", message: "has \(losses.count) entries for \(p.count) probabilities")
    }
    var total = 0.0
    for i in p.indices {
      guard losses[i].isFinite else { throw ScenarioError(path: "losses[\(i)]", message: "must be finite, got \(formatNumber(losses[i]))") }
      guard p[i].isFinite, p[i] >= 0 else {
        throw ScenarioError(path: "probabilities[\(i)]", message: "must be ≥ 0 and finite, got \(formatNumber(p[i]))")
      }
      total += p[i]
    }
    guard abs(total - 1) <= 1e-9 else {
      throw ScenarioError(path: "probabilities", message: "must sum to 1 (within 1e-9), got \(formatNumber(total))")
    }
  }

  /// Indices in order of decreasing loss (ties by index, for determinism).
  static func descendingOrder(_ losses: [Double]) -> [Int] {
    losses.indices.sorted { losses[$0] != losses[$1] ? losses[$0] > losses[$1] : $0 < $1 }
  }

  static func worstCase(_ losses: [Double], _ p: [Double]) -> Double {
    var worst = -Double.infinity
    for i in losses.indices where p[i] > 0 { worst = max(worst, losses[i]) }
    return worst
  }

  /// min { t : P(L ≤ t) ≥ α }, scanning ascending; α = 0 gives the smallest loss with p > 0.
  static func valueAtRisk(_ losses: [Double], _ p: [Double], _ a: Double) -> Double {
    let ascending = descendingOrder(losses).reversed().filter { p[$0] > 0 }
    var cumulative = 0.0
    var k = 0
    while k < ascending.count {
      let level = losses[ascending[k]]
      while k < ascending.count && losses[ascending[k]] == level { cumulative += p[ascending[k]]; k += 1 }
      if cumulative >= a - 1e-12 { return level }
    }
    return losses[ascending[ascending.count - 1]]
  }

  /// Weights spread over the scenarios whose loss equals `level`, in proportion to p.
  static func levelWeights(_ losses: [Double], _ p: [Double], _ level: Double) -> [Double] {
    var w = [Double](repeating: 0, count: p.count)
    var mass = 0.0
    for i in p.indices where losses[i] == level && p[i] > 0 { mass += p[i] }
    for i in p.indices where losses[i] == level && p[i] > 0 { w[i] = p[i] / mass }
    return w
  }

  static func cvarWeights(_ losses: [Double], _ p: [Double], _ a: Double) -> [Double] {
    let tail = 1 - a
    if tail <= 0 { return levelWeights(losses, p, worstCase(losses, p)) }
    var w = [Double](repeating: 0, count: p.count)
    let order = descendingOrder(losses)
    var remaining = tail
    var k = 0
    while k < order.count && remaining > 0 {
      // One level of tied losses at a time.
      let level = losses[order[k]]
      var group: [Int] = []
      var groupMass = 0.0
      while k < order.count && losses[order[k]] == level { group.append(order[k]); groupMass += p[order[k]]; k += 1 }
      let take = min(groupMass, remaining)
      if groupMass > 0 { for i in group { w[i] = take * p[i] / groupMass / tail } }
      remaining -= take
    }
    return w
  }
}
