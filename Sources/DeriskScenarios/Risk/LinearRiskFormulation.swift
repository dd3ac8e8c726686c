/// A risk measure written as a linear program that a sourcing model adds to its own program,
/// independent of any modeling API.
///
/// The scenario losses Lₛ are linear expressions of the host model's variables; this type names them
/// by scenario index (``Operand/scenarioLoss(_:)``). It adds ``auxiliaryVariables`` and ``rows``, and
/// ``objective`` is the expression whose minimum over the auxiliary variables (rows satisfied) equals
/// ρ(L). In a minimisation the host simply adds the objective terms to its cost:
///
///     ρ(L) = min_{aux}  Σ objective terms   subject to   lower ≤ Σ row terms ≤ upper  for every row
///
/// Each constructor documents its program. ``optimalAuxiliaryValues(losses:)`` gives a minimiser for
/// fixed losses (a warm start, and a check: it is feasible and attains ρ(L)).
public struct LinearRiskFormulation: Sendable, Hashable {
  /// What a coefficient multiplies.
  public enum Operand: Sendable, Hashable {
    /// The i-th auxiliary variable of this formulation.
    case auxiliary(Int)
    /// The loss Lₛ of scenario s (a linear expression in the host model).
    case scenarioLoss(Int)
  }

  /// coefficient · operand.
  public struct Term: Sendable, Hashable {
    public var operand: Operand
    public var coefficient: Double
    public init(_ operand: Operand, _ coefficient: Double) {
      self.operand = operand
      self.coefficient = coefficient
    }
  }

  /// An added variable with bounds (±∞ allowed).
  public struct AuxiliaryVariable: Sendable, Hashable {
    public var name: String
    public var lower: Double
    public var upper: Double
  }

  /// lower ≤ Σ terms ≤ upper.
  public struct Row: Sendable, Hashable {
    public var name: String
    public var terms: [Term]
    public var lower: Double
    public var upper: Double
  }

  /// The variables to add.
  public var auxiliaryVariables: [AuxiliaryVariable]
  /// The rows to add.
  public var rows: [Row]
  /// The expression equal to ρ(L) at the minimum over the auxiliary variables.
  public var objective: [Term]
  /// Number of scenarios the formulation refers to.
  public var scenarioCount: Int
  /// How to compute a minimiser for fixed losses.
  let recipe: @Sendable ([Double]) -> [Double]

  public static func == (a: Self, b: Self) -> Bool {
    a.auxiliaryVariables == b.auxiliaryVariables && a.rows == b.rows && a.objective == b.objective && a.scenarioCount == b.scenarioCount
  }

  public func hash(into h: inout Hasher) {
    h.combine(auxiliaryVariables); h.combine(rows); h.combine(objective); h.combine(scenarioCount)
  }

  /// A minimiser of the objective over the auxiliary variables for these losses.
  public func optimalAuxiliaryValues(losses: [Double]) -> [Double] { recipe(losses) }

  /// Σ coefficient · operand.
  public func value(of terms: [Term], auxiliary: [Double], losses: [Double]) -> Double {
    var sum = 0.0
    for term in terms {
      switch term.operand {
      case .auxiliary(let i): sum += term.coefficient * auxiliary[i]
      case .scenarioLoss(let s): sum += term.coefficient * losses[s]
      }
    }
    return sum
  }

  /// The objective at a point.
  public func objectiveValue(auxiliary: [Double], losses: [Double]) -> Double {
    value(of: objective, auxiliary: auxiliary, losses: losses)
  }

  /// The largest violation of a row or a bound at a point (0 when feasible).
  public func maximumViolation(auxiliary: [Double], losses: [Double]) -> Double {
    var worst = 0.0
    for (i, v) in auxiliaryVariables.enumerated() {
      worst = max(worst, v.lower - auxiliary[i], auxiliary[i] - v.upper)
    }
    for row in rows {
      let r = value(of: row.terms, auxiliary: auxiliary, losses: losses)
      worst = max(worst, row.lower - r, r - row.upper)
    }
    return worst
  }

  // MARK: Builders shared by the risk measures and the ambiguity sets.

  struct Builder {
    var variables: [AuxiliaryVariable] = []
    var rows: [Row] = []
    mutating func variable(_ name: String, lower: Double = -.infinity, upper: Double = .infinity) -> Int {
      variables.append(AuxiliaryVariable(name: name, lower: lower, upper: upper))
      return variables.count - 1
    }
    mutating func atLeastZero(_ name: String, _ terms: [Term]) {
      rows.append(Row(name: name, terms: terms, lower: 0, upper: .infinity))
    }
  }

  /// E[L] = Σ pₛ Lₛ: no variables, no rows.
  public static func expectation(probabilities p: [Double]) -> LinearRiskFormulation {
    LinearRiskFormulation(auxiliaryVariables: [], rows: [],
                          objective: p.indices.map { Term(.scenarioLoss($0), p[$0]) },
                          scenarioCount: p.count, recipe: { _ in [] })
  }

  /// max { Lₛ : pₛ > 0 } = min m subject to m − Lₛ ≥ 0 for pₛ > 0.
  public static func worstCase(probabilities p: [Double]) -> LinearRiskFormulation {
    var b = Builder()
    let m = b.variable("worst")
    for s in p.indices where p[s] > 0 { b.atLeastZero("worst[\(s)]", [Term(.auxiliary(m), 1), Term(.scenarioLoss(s), -1)]) }
    return LinearRiskFormulation(auxiliaryVariables: b.variables, rows: b.rows, objective: [Term(.auxiliary(m), 1)],
                                 scenarioCount: p.count, recipe: { L in [RiskMeasure.worstCase(L, p)] })
  }

  /// CVaR_α by Rockafellar–Uryasev (2000, eq. 17): for α < 1,
  ///
  ///     CVaR_α(L) = min_{t, u}  t + Σₛ pₛ uₛ / (1 − α)
  ///                 subject to  uₛ + t − Lₛ ≥ 0,  uₛ ≥ 0,  t free.
  ///
  /// Variables: `var` (t, index 0), then `excess[s]` (uₛ, index 1 + s). Rows `excess[s]`. At the
  /// optimum t = VaR_α and uₛ = (Lₛ − t)₊. For α = 1 the ``worstCase(probabilities:)`` program.
  /// - Throws: ``ScenarioError`` for α outside [0, 1].
  public static func conditionalValueAtRisk(probabilities p: [Double], confidence a: Double) throws -> LinearRiskFormulation {
    try RiskMeasure.checkUnit(a, "confidence")
    if a >= 1 { return worstCase(probabilities: p) }
    var b = Builder()
    let t = b.variable("var")
    var objective = [Term(.auxiliary(t), 1)]
    for s in p.indices {
      let u = b.variable("excess[\(s)]", lower: 0)
      b.atLeastZero("excess[\(s)]", [Term(.auxiliary(u), 1), Term(.auxiliary(t), 1), Term(.scenarioLoss(s), -1)])
      objective.append(Term(.auxiliary(u), p[s] / (1 - a)))
    }
    return LinearRiskFormulation(auxiliaryVariables: b.variables, rows: b.rows, objective: objective, scenarioCount: p.count) { L in
      let v = RiskMeasure.valueAtRisk(L, p, a)
      return [v] + L.map { max(0, $0 - v) }
    }
  }

  /// (1 − λ) E[L] + λ CVaR_α: the CVaR program with the expectation terms added to its objective.
  public static func meanCVaR(probabilities p: [Double], weight lambda: Double, confidence a: Double) throws -> LinearRiskFormulation {
    try RiskMeasure.checkUnit(lambda, "weight")
    var f = try conditionalValueAtRisk(probabilities: p, confidence: a)
    f.objective = f.objective.map { Term($0.operand, lambda * $0.coefficient) }
      + p.indices.map { Term(.scenarioLoss($0), (1 - lambda) * p[$0]) }
    return f
  }

  /// The program of any ``RiskMeasure`` except VaR (which is not convex and has no LP form).
  /// - Throws: ``ScenarioError`` for VaR or a parameter outside [0, 1].
  public static func of(_ measure: RiskMeasure, probabilities p: [Double]) throws -> LinearRiskFormulation {
    switch measure {
    case .expectation: return expectation(probabilities: p)
    case .worstCase: return worstCase(probabilities: p)
    case .conditionalValueAtRisk(let a): return try conditionalValueAtRisk(probabilities: p, confidence: a)
    case .meanCVaR(let w, let a): return try meanCVaR(probabilities: p, weight: w, confidence: a)
    case .valueAtRisk: throw ScenarioError(path: "measure", message: "VaR is not convex and has no linear-programming form")
    }
  }
}
