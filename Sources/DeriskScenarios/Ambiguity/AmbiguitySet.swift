/// A set of probability vectors around the nominal p, for robustness to the least certain input.
///
/// - totalVariation(radius ε): { q ≥ 0, Σ q = 1, ½‖q − p‖₁ ≤ ε }.
/// - box(lower ℓ, upper h): { ℓ ≤ q ≤ h, Σ q = 1 } (needs Σ ℓ ≤ 1 ≤ Σ h, 0 ≤ ℓ ≤ h).
///
/// Worst case. In both sets one vector q* dominates every other in the first-order stochastic sense
/// (it puts the most mass possible on every upper set {L > c} at once): for TV, move ε of mass from the
/// smallest losses to the largest loss; for the box, start at ℓ and fill the highest losses up to h
/// until the mass is 1. So q* is the worst case for every law-invariant monotone risk measure at once,
/// in particular sup_q E_q[L] = E_{q*}[L] and sup_q CVaR^q_α(L) = CVaR^{q*}_α(L). For TV this gives the
/// closed form sup E_q[L] = ε max L + (1 − ε) CVaR^p_ε(L).
public enum AmbiguitySet: Sendable, Hashable {
  case totalVariation(radius: Double)
  case box(lower: [Double], upper: [Double])

  /// The box ℓₛ = pₛ(1 − δ), hₛ = min(1, pₛ(1 + δ)).
  public static func relativeBox(nominal p: [Double], halfWidth delta: Double) throws -> AmbiguitySet {
    guard delta.isFinite, delta >= 0 else { throw ScenarioError(path: "halfWidth", message: "must be ≥ 0, got \(formatNumber(delta))") }
    return .box(lower: p.map { max(0, $0 * (1 - delta)) }, upper: p.map { min(1, $0 * (1 + delta)) })
  }

  /// Checks the set against a nominal vector of length n.
  public func validate(count n: Int) throws {
    switch self {
    case .totalVariation(let e):
      guard e.isFinite, e >= 0 else { throw ScenarioError(path: "radius", message: "must be ≥ 0, got \(formatNumber(e))") }
    case .box(let l, let h):
      guard l.count == n, h.count == n else {
        throw ScenarioError(path: "box", message: "bounds have \(l.count) and \(h.count) entries for \(n) scenarios")
      }
      var sl = 0.0, sh = 0.0
      for s in 0..<n {
        guard l[s].isFinite, h[s].isFinite, l[s] >= 0, l[s] <= h[s] else {
          throw ScenarioError(path: "box[\(s)]", message: "needs 0 ≤ lower ≤ upper, got [\(formatNumber(l[s])), \(formatNumber(h[s]))]")
        }
        sl += l[s]; sh += h[s]
      }
      guard sl <= 1 + 1e-12, sh >= 1 - 1e-12 else {
        throw ScenarioError(path: "box", message: "is empty: Σ lower = \(formatNumber(sl)), Σ upper = \(formatNumber(sh)); need Σ lower ≤ 1 ≤ Σ upper")
      }
    }
  }

  /// The worst-case probability vector q* for these losses (see the type's documentation).
  /// Ties in loss are taken in index order.
  public func worstCaseProbabilities(losses: [Double], nominal p: [Double]) throws -> [Double] {
    try RiskMeasure.checkInputs(losses, p)
    try validate(count: p.count)
    let descending = RiskMeasure.descendingOrder(losses)
    switch self {
    case .totalVariation(let e):
      var q = p
      let top = descending[0]
      var moved = 0.0
      for s in descending.reversed() where s != top && moved < e {
        let take = min(q[s], e - moved)
        q[s] -= take
        moved += take
      }
      q[top] += moved
      return q
    case .box(let l, let h):
      var q = l
      var remaining = 1 - l.reduce(0, +)
      for s in descending where remaining > 0 {
        let add = min(h[s] - l[s], remaining)
        q[s] += add
        remaining -= add
      }
      return q
    }
  }

  /// sup over the set of E_q[L], with the maximising q.
  public func worstCaseExpectation(losses: [Double], nominal p: [Double]) throws -> WorstCase {
    let q = try worstCaseProbabilities(losses: losses, nominal: p)
    return WorstCase(value: zip(q, losses).reduce(0.0) { $0 + $1.0 * $1.1 }, probabilities: q)
  }

  /// sup over the set of CVaR^q_α(L), with the maximising q.
  public func worstCaseCVaR(losses: [Double], nominal p: [Double], confidence a: Double) throws -> WorstCase {
    let q = try worstCaseProbabilities(losses: losses, nominal: p)
    let value = try RiskMeasure.conditionalValueAtRisk(confidence: a).evaluate(losses: losses, probabilities: q)
    return WorstCase(value: value, probabilities: q)
  }

  /// sup_q E_q[L] as a linear program in L (the LP dual of the inner maximisation).
  ///
  /// TV, ε < 1 (from the closed form, with the CVaR program for CVaR^p_ε):
  ///
  ///     min  ε m + (1 − ε) τ + Σ pₛ vₛ   s.t.  m − Lₛ ≥ 0,  vₛ + τ − Lₛ ≥ 0,  vₛ ≥ 0
  ///
  /// variables `max` (m, 0), `level` (τ, 1), `excess[s]` (vₛ, 2 + s); for ε ≥ 1, min m s.t. m − Lₛ ≥ 0.
  ///
  /// Box (dual of max Σ qₛLₛ s.t. Σ q = 1 (η), q ≤ h (aₛ ≥ 0), q ≥ ℓ (bₛ ≥ 0)):
  ///
  ///     min  η + Σ hₛ aₛ − Σ ℓₛ bₛ   s.t.  η + aₛ − bₛ − Lₛ ≥ 0,  aₛ, bₛ ≥ 0
  ///
  /// variables `level` (η, 0), `above[s]` (aₛ, 1 + s), `below[s]` (bₛ, 1 + n + s). The row may be an
  /// inequality because the value is nondecreasing in L.
  public func expectationFormulation(nominal p: [Double]) throws -> LinearRiskFormulation {
    try validate(count: p.count)
    var b = LinearRiskFormulation.Builder()
    let n = p.count
    typealias T = LinearRiskFormulation.Term
    switch self {
    case .totalVariation(let e):
      if e >= 1 { return .worstCase(probabilities: [Double](repeating: 1.0 / Double(n), count: n)) }
      let m = b.variable("max"), tau = b.variable("level")
      var objective = [T(.auxiliary(m), e), T(.auxiliary(tau), 1 - e)]
      for s in 0..<n { b.atLeastZero("max[\(s)]", [T(.auxiliary(m), 1), T(.scenarioLoss(s), -1)]) }
      for s in 0..<n {
        let v = b.variable("excess[\(s)]", lower: 0)
        b.atLeastZero("excess[\(s)]", [T(.auxiliary(v), 1), T(.auxiliary(tau), 1), T(.scenarioLoss(s), -1)])
        objective.append(T(.auxiliary(v), p[s]))
      }
      return LinearRiskFormulation(auxiliaryVariables: b.variables, rows: b.rows, objective: objective, scenarioCount: n) { L in
        let level = RiskMeasure.valueAtRisk(L, p, e)
        return [L.max() ?? 0, level] + L.map { max(0, $0 - level) }
      }
    case .box(let l, let h):
      let eta = b.variable("level")
      let above = (0..<n).map { b.variable("above[\($0)]", lower: 0) }
      let below = (0..<n).map { b.variable("below[\($0)]", lower: 0) }
      var objective = [T(.auxiliary(eta), 1)]
      for s in 0..<n {
        b.atLeastZero("level[\(s)]", [T(.auxiliary(eta), 1), T(.auxiliary(above[s]), 1), T(.auxiliary(below[s]), -1), T(.scenarioLoss(s), -1)])
        objective += [T(.auxiliary(above[s]), h[s]), T(.auxiliary(below[s]), -l[s])]
      }
      return LinearRiskFormulation(auxiliaryVariables: b.variables, rows: b.rows, objective: objective, scenarioCount: n) { L in
        Self.boxDualPoint(L, l, h)
      }
    }
  }

  /// The minimiser (η, a, b) of the box dual: η at the breakpoint Lₛ minimising
  /// g(η) = η + Σ hₛ(Lₛ − η)₊ − Σ ℓₛ(η − Lₛ)₊ (convex, piecewise linear), aₛ = (Lₛ − η)₊, bₛ = (η − Lₛ)₊.
  static func boxDualPoint(_ L: [Double], _ l: [Double], _ h: [Double]) -> [Double] {
    func g(_ eta: Double) -> Double {
      var v = eta
      for s in L.indices { v += h[s] * max(0, L[s] - eta) - l[s] * max(0, eta - L[s]) }
      return v
    }
    var best = L[0]
    var bestValue = g(best)
    for x in L.dropFirst() { let v = g(x); if v < bestValue { best = x; bestValue = v } }
    return [best] + L.map { max(0, $0 - best) } + L.map { max(0, best - $0) }
  }

  /// sup_q CVaR^q_α(L) as a linear program. By the minimax theorem (convex in t, linear in q, the set
  /// compact) it is min_t t + sup_q E_q[(L − t)₊]/(1 − α); the inner supremum is the expectation
  /// program above applied to uₛ ≥ (Lₛ − t)₊:
  ///
  ///     min  t + W(u)/(1 − α)   s.t.  uₛ + t − Lₛ ≥ 0,  uₛ ≥ 0,  plus the rows of W with u in place of L
  ///
  /// variables `var` (t, 0), `excess[s]` (uₛ, 1 + s), then those of ``expectationFormulation(nominal:)``
  /// (renamed `wc.*`). For α = 1, the worst case over all scenarios (any can receive mass).
  public func cvarFormulation(nominal p: [Double], confidence a: Double) throws -> LinearRiskFormulation {
    try RiskMeasure.checkUnit(a, "confidence")
    let n = p.count
    let inner = try expectationFormulation(nominal: p)
    if a >= 1 { return .worstCase(probabilities: [Double](repeating: 1.0 / Double(n), count: n)) }
    typealias T = LinearRiskFormulation.Term
    var b = LinearRiskFormulation.Builder()
    let t = b.variable("var")
    let u = (0..<n).map { b.variable("excess[\($0)]", lower: 0) }
    for s in 0..<n { b.atLeastZero("excess[\(s)]", [T(.auxiliary(u[s]), 1), T(.auxiliary(t), 1), T(.scenarioLoss(s), -1)]) }
    let offset = b.variables.count
    func shift(_ term: T) -> T {
      switch term.operand {
      case .auxiliary(let i): return T(.auxiliary(offset + i), term.coefficient)
      case .scenarioLoss(let s): return T(.auxiliary(u[s]), term.coefficient)
      }
    }
    for v in inner.auxiliaryVariables { _ = b.variable("wc." + v.name, lower: v.lower, upper: v.upper) }
    for row in inner.rows {
      b.rows.append(.init(name: "wc." + row.name, terms: row.terms.map(shift), lower: row.lower, upper: row.upper))
    }
    let objective = [T(.auxiliary(t), 1)] + inner.objective.map { let s = shift($0); return T(s.operand, s.coefficient / (1 - a)) }
    let set = self
    return LinearRiskFormulation(auxiliaryVariables: b.variables, rows: b.rows, objective: objective, scenarioCount: n) { L in
      let q = (try? set.worstCaseProbabilities(losses: L, nominal: p)) ?? p
      let level = RiskMeasure.valueAtRisk(L, q, a)
      let excess = L.map { max(0, $0 - level) }
      return [level] + excess + inner.optimalAuxiliaryValues(losses: excess)
    }
  }
}

/// A worst-case value and the probability vector attaining it.
public struct WorstCase: Sendable, Hashable {
  public var value: Double
  public var probabilities: [Double]
}
