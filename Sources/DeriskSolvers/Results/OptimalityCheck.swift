import DeriskLinearAlgebra

/// The trust figures of a candidate solution, computed on the user's (unscaled) problem.
///
/// For x and row duals y in the user's sense (see `Solution`), with reduced costs z = P x + c − Aᵀ y, the
/// figures below are computed on the equivalent minimisation (objective, y and z negated for a maximisation)
/// and reported back in the user's sense:
/// - primal residual: the largest violation of rowLower ≤ A x ≤ rowUpper and columnLower ≤ x ≤ columnUpper;
/// - dual residual: the largest violation of the sign conditions yᵢ ≥ 0 unless rowLowerᵢ is finite… i.e.
///   yᵢ > 0 needs a finite rowLowerᵢ, yᵢ < 0 a finite rowUpperᵢ, and likewise for zⱼ with the column bounds;
/// - dual objective: −½ xᵀPx + c₀ + Σᵢ (yᵢ⁺ rowLowerᵢ − yᵢ⁻ rowUpperᵢ) + Σⱼ (zⱼ⁺ lⱼ − zⱼ⁻ uⱼ);
/// - relative gap: C / (1 + max(|primal|, |dual|)), where C = Σᵢ |yᵢ (aᵢx − bᵢ)| + Σⱼ |zⱼ (xⱼ − βⱼ)| sums each
///   multiplier times its constraint's distance to the bound it prices (bᵢ, βⱼ: the lower bound for a positive
///   multiplier, the upper for a negative one). P − D is the signed sum of the same terms, so C = P − D at a
///   feasible point; at an infeasible one a violated row's negative term could cancel another's positive one
///   and leave P ≈ D with both off the optimum (modszk1 under OpenBLAS's SkylakeX kernels: P − D 3e-10
///   relative, objective 2.3e-6 off its reference), which C does not allow. C ≥ |P − D| always.
/// The residuals are also reported relative to the size of the terms they involve, row by row and
/// column by column: a row's violation over 1 + max(|its violated bound|, Σⱼ |aᵢⱼ xⱼ|), a column's sign
/// violation over 1 + max(|cⱼ|, |(P x)ⱼ|, Σᵢ |aᵢⱼ yᵢ|), a row dual's sign violation over 1 + ‖c‖∞. This is stricter than dividing by whole-vector
/// norms: a row whose terms are small is not excused by a row elsewhere whose terms are large.
public struct OptimalityCheck: Sendable, Hashable {
  public var primalObjective: Double
  public var dualObjective: Double
  /// Absolute, ‖·‖∞.
  public var primalResidual: Double
  /// Absolute, ‖·‖∞.
  public var dualResidual: Double
  /// Largest row- or column-wise relative violation of the primal constraints (see the type's comment).
  public var relativePrimalResidual: Double
  /// Largest violation of the dual sign conditions over 1 + max(‖c‖∞, ‖P x‖∞, ‖Aᵀ y‖∞).
  public var relativeDualResidual: Double
  public var relativeGap: Double
  /// z = P x + c − Aᵀ y.
  public var reducedCosts: [Double]
  /// A x.
  public var rowActivities: [Double]

  /// Evaluates x and the row duals y (user's sense) on `problem`.
  public init(problem: QuadraticProgram, x: [Double], rowDuals userDuals: [Double]) {
    let sign: Double = problem.sense == .maximize ? -1 : 1
    let y = sign == 1 ? userDuals : userDuals.map { -$0 }
    let n = problem.columnCount, m = problem.rowCount
    let A = problem.constraintMatrix
    let Ax = A.times(x)
    // z = P x + c − Aᵀy is formed in place of Aᵀy, and P x only for a QP: the check runs with the solver's
    // whole state alive, and at 100,000 generated scenarios each vector of n or m is 40–60 MB.
    var z = A.transposeTimes(y)
    // Σⱼ |aᵢⱼ xⱼ| per row: the size of the terms each row's residual involves.
    var rowTermSize = [Double](repeating: 0, count: m)
    for j in 0..<n {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] { rowTermSize[A.rowIndices[p]] += abs(A.values[p] * x[j]) }
    }
    var Px: [Double] = []
    if let P = problem.hessian {
      Px = [Double](repeating: 0, count: n)
      P.symmetricMultiplyAdd(x, into: &Px, alpha: sign)
    }
    var primal = sign * problem.objectiveConstant
    var xPx = 0.0
    var dualScale = problem.linearCost.reduce(0) { max($0, abs($1)) }
    for j in 0..<n {
      let c = sign * problem.linearCost[j]
      let px = Px.isEmpty ? 0 : Px[j]
      dualScale = max(dualScale, abs(px), abs(z[j]))
      z[j] = px + c - z[j]
      primal += c * x[j]
      xPx += x[j] * px
    }
    primal += 0.5 * xPx
    var dual = sign * problem.objectiveConstant - 0.5 * xPx
    var pres = 0.0, dres = 0.0, presRel = 0.0
    // Σ |each multiplier × its constraint's distance to the bound it prices|: P − D is these terms' signed
    // sum, so a violated constraint's negative term can cancel a positive one; their absolute sum cannot.
    var complementarity = 0.0
    func boundTerm(_ v: Double, _ lo: Double, _ up: Double) -> (value: Double, violation: Double) {
      if v > 0 { return lo.isFinite ? (v * lo, 0) : (0, v) }
      if v < 0 { return up.isFinite ? (v * up, 0) : (0, -v) }
      return (0, 0)
    }
    /// A multiplier's term of P − D: v (value − the bound it prices), or v·value where that bound is infinite.
    func complementarityTerm(_ v: Double, _ value: Double, _ lo: Double, _ up: Double) -> Double {
      if v > 0 { return abs(v * (lo.isFinite ? value - lo : value)) }
      if v < 0 { return abs(v * (up.isFinite ? value - up : value)) }
      return 0
    }
    func boundViolation(_ value: Double, _ lo: Double, _ up: Double, _ termSize: Double) -> (Double, Double) {
      if value < lo { return (lo - value, (lo - value) / (1 + max(abs(lo), termSize))) }
      if value > up { return (value - up, (value - up) / (1 + max(abs(up), termSize))) }
      return (0, 0)
    }
    for i in 0..<m {
      let lo = problem.rowLower[i], up = problem.rowUpper[i]
      let (violation, relative) = boundViolation(Ax[i], lo, up, rowTermSize[i])
      pres = max(pres, violation)
      presRel = max(presRel, relative)
      let term = boundTerm(y[i], lo, up)
      dual += term.value
      dres = max(dres, term.violation)
      complementarity += complementarityTerm(y[i], Ax[i], lo, up)
    }
    for j in 0..<n {
      let lo = problem.columnLower[j], up = problem.columnUpper[j]
      let (violation, relative) = boundViolation(x[j], lo, up, abs(x[j]))
      pres = max(pres, violation)
      presRel = max(presRel, relative)
      let term = boundTerm(z[j], lo, up)
      dual += term.value
      dres = max(dres, term.violation)
      complementarity += complementarityTerm(z[j], x[j], lo, up)
    }
    primalObjective = sign * primal
    dualObjective = sign * dual
    primalResidual = max(0, pres)
    dualResidual = dres
    relativePrimalResidual = presRel
    relativeDualResidual = dres / (1 + dualScale)
    relativeGap = max(abs(primal - dual), complementarity) / (1 + max(abs(primal), abs(dual)))
    reducedCosts = sign == 1 ? z : z.map { -$0 }
    rowActivities = Ax
  }
}

extension OptimalityCheck {
  /// The figures against the tolerances of `settings`: whether the relative primal and dual residuals each
  /// meet `feasibilityTolerance`, and `optimal` when both do and the relative gap meets `gapTolerance`,
  /// `almostOptimal` when all three meet their tolerances multiplied by `almostOptimalFactor`,
  /// `numericalError` otherwise. The rule a solve's candidate point must pass to be reported optimal.
  public func judged(by settings: InteriorPointSettings)
    -> (status: TerminationStatus, primalFeasible: Bool, dualFeasible: Bool) {
    let feasibility = settings.feasibilityTolerance, gap = settings.gapTolerance, f = settings.almostOptimalFactor
    let primalFeasible = relativePrimalResidual <= feasibility, dualFeasible = relativeDualResidual <= feasibility
    if primalFeasible && dualFeasible && relativeGap <= gap { return (.optimal, true, true) }
    let almost = relativePrimalResidual <= feasibility * f && relativeDualResidual <= feasibility * f
      && relativeGap <= gap * f
    return (almost ? .almostOptimal : .numericalError, primalFeasible, dualFeasible)
  }
}

extension SolveInfo {
  /// Takes the trust figures (objectives, residuals, gap) of a checked point.
  mutating func record(_ check: OptimalityCheck) {
    primalObjective = check.primalObjective
    dualObjective = check.dualObjective
    primalResidual = check.primalResidual
    dualResidual = check.dualResidual
    relativeGap = check.relativeGap
  }
}

/// Checks of infeasibility certificates on the user's problem.
public enum CertificateCheck {
  /// For a Farkas ray (y, z = −Aᵀy) of a primal-infeasible problem, given in the user's sense as
  /// `Solution.rowDuals` reports it (negated for a maximisation), returns the
  /// relative violation max(sign violations, ‖Aᵀy + z‖) / t where t = Σᵢ(yᵢ⁺ lᵢ − yᵢ⁻ uᵢ) + Σⱼ(zⱼ⁺ lⱼ − zⱼ⁻ uⱼ)
  /// must be positive. A valid certificate gives a small non-negative number; +∞ when t ≤ 0.
  public static func farkasViolation(problem: QuadraticProgram, rowRay userRay: [Double]) -> Double {
    let y = problem.sense == .maximize ? userRay.map { -$0 } : userRay
    let z = problem.constraintMatrix.transposeTimes(y).map { -$0 }
    var t = 0.0, violation = 0.0
    func accumulate(_ v: Double, _ lo: Double, _ up: Double) {
      if v > 0 { if lo.isFinite { t += v * lo } else { violation = max(violation, v) } }
      if v < 0 { if up.isFinite { t += v * up } else { violation = max(violation, -v) } }
    }
    for i in 0..<problem.rowCount { accumulate(y[i], problem.rowLower[i], problem.rowUpper[i]) }
    for j in 0..<problem.columnCount { accumulate(z[j], problem.columnLower[j], problem.columnUpper[j]) }
    guard t > 0 else { return .infinity }
    return violation / t
  }

  /// For a direction d of a dual-infeasible (unbounded) problem: with s = −cᵀd > 0 (c of the minimisation)
  /// required, returns max(‖P d‖∞, recession-cone violations of A d and d) / s; +∞ when s ≤ 0.
  /// A valid direction gives a small non-negative number.
  public static func unboundedDirectionViolation(problem: QuadraticProgram, direction d: [Double]) -> Double {
    let sign: Double = problem.sense == .maximize ? -1 : 1
    var s = 0.0
    for j in 0..<problem.columnCount { s -= sign * problem.linearCost[j] * d[j] }
    guard s > 0 else { return .infinity }
    var violation = 0.0
    var Pd = [Double](repeating: 0, count: problem.columnCount)
    problem.hessian?.symmetricMultiplyAdd(d, into: &Pd)
    violation = max(violation, Vector.normInf(Pd))
    let Ad = problem.constraintMatrix.times(d)
    for i in 0..<problem.rowCount {
      if problem.rowLower[i].isFinite { violation = max(violation, -Ad[i]) }
      if problem.rowUpper[i].isFinite { violation = max(violation, Ad[i]) }
    }
    for j in 0..<problem.columnCount {
      if problem.columnLower[j].isFinite { violation = max(violation, -d[j]) }
      if problem.columnUpper[j].isFinite { violation = max(violation, d[j]) }
    }
    return violation / s
  }
}
