/// Primal and dual vectors of a solve, in the user's original variables and sense.
///
/// Sign convention (the usual Lagrangian one for a minimisation, as HiGHS reports it): with
/// `rowDuals` y and `reducedCosts` z, the dual residual is  P x + c − Aᵀ y − z = 0;  yᵢ ≥ 0 when the
/// row's lower bound is active, ≤ 0 when its upper bound is active, 0 when neither is. For a
/// maximisation the signs of y and z are those of the equivalent minimisation of the negated objective,
/// negated again, so that y is still ∂(objective)/∂(row bound).
public struct Solution: Sendable, Hashable {
  /// x (or, for `dualInfeasible`, the unbounded direction).
  public var x: [Double]
  /// y, one per row (or, for `primalInfeasible`, the Farkas ray).
  public var rowDuals: [Double]
  /// z = P x + c − Aᵀ y, one per column.
  public var reducedCosts: [Double]
  /// A x, one per row.
  public var rowActivities: [Double]

  public init(x: [Double], rowDuals: [Double], reducedCosts: [Double], rowActivities: [Double]) {
    self.x = x
    self.rowDuals = rowDuals
    self.reducedCosts = reducedCosts
    self.rowActivities = rowActivities
  }
}

/// How the solve went: counts, times and the trust figures behind the status.
public struct SolveInfo: Sendable, Hashable {
  /// Interior-point iterations taken.
  public var iterations: Int = 0
  /// Primal objective ½xᵀPx + cᵀx + c₀ in the user's sense.
  public var primalObjective: Double = .nan
  /// Dual objective in the user's sense.
  public var dualObjective: Double = .nan
  /// ‖residual of rowLower ≤ Ax ≤ rowUpper, columnLower ≤ x ≤ columnUpper‖_∞ on the unscaled data.
  public var primalResidual: Double = .nan
  /// ‖P x + c − Aᵀ y − z‖_∞ with the sign conditions on y, z, on the unscaled data.
  public var dualResidual: Double = .nan
  /// The multipliers' complementarity terms summed in absolute value, over 1 + max(|primal|, |dual|): at a
  /// feasible point |primal − dual objective| / (1 + max(|primal|, |dual|)) (see `OptimalityCheck`).
  public var relativeGap: Double = .nan
  /// Seconds in setup (validation, scaling, presolve).
  public var setupSeconds: Double = 0
  /// Seconds in the iteration.
  public var solveSeconds: Double = 0
  /// Inequality rows presolve dropped because the column bounds and the other rows imply them (their duals
  /// are 0; see the README's presolve list). For a program solved beside others (`solveSeparately`), the
  /// joint solve's count.
  public var redundantRowsDropped = 0
  /// Rows presolve merged into a parallel row (a multiple of it on the columns kept; the kept row takes the
  /// intersection of their bounds, see the README's presolve list): the rows dropped, not the rows kept. For a
  /// program solved beside others (`solveSeparately`), the joint solve's count.
  public var parallelRowsMerged = 0
  /// Name of the linear-system backend used ("normal equations (dense Cholesky)", …).
  public var linearSystem: String = ""
  /// The reported row duals are the last iterate's polished by one least-squares solve (the last point met
  /// the tolerances on the scaled problem, its duals as they were did not pass the check on the user's
  /// problem, the polished ones did; the figures above are those of the polished duals).
  public var dualsPolished = false
  /// The iteration from which every linear solve was refined row by row, against each row's own terms
  /// (a point met the tolerances on the scaled problem but failed the check on the user's problem, and
  /// the polish did not make it pass); nil when that never happened.
  public var componentwiseRefinementFrom: Int? = nil
  /// Residual checks of Newton solves (each two products with Ā and a pass over the system's vectors: the
  /// check that decides whether an iteration's factorization is trusted, and those of refined solves).
  public var newtonSolveChecks = 0
  /// Iterations whose factorization was trusted without a check, on the margin of the previous iteration's
  /// check (`InteriorPointSettings.checkEveryFactorization`).
  public var newtonSolveChecksSkipped = 0
  /// The sample of scenarios solved first for a first-stage centre (`InteriorPointSettings.centreFromSample`),
  /// nil when there was none; its seconds are part of `setupSeconds`.
  public var centreSample: CentreSampleInfo? = nil

  public init() {}
}

/// The outcome of `solve()`. Never thrown: whatever the mathematics finds is reported here.
public struct SolveResult: Sendable {
  /// Why the solver stopped.
  public var termination: TerminationStatus
  /// What `solution.x` is.
  public var primalStatus: SolutionStatus
  /// What `solution.rowDuals` / `reducedCosts` are.
  public var dualStatus: SolutionStatus
  /// The vectors, in the user's variables.
  public var solution: Solution
  /// Counts, times and trust figures.
  public var info: SolveInfo

  /// The primal objective in the user's sense (NaN when there is no primal point).
  public var objective: Double { info.primalObjective }

  public init(termination: TerminationStatus, primalStatus: SolutionStatus, dualStatus: SolutionStatus,
              solution: Solution, info: SolveInfo) {
    self.termination = termination
    self.primalStatus = primalStatus
    self.dualStatus = dualStatus
    self.solution = solution
    self.info = info
  }
}
