/// A solve summarised for programs: the JSON shape of `derisk lp --json`, also usable from Swift.
///
/// Non-finite numbers (the objective of an infeasible problem) are encoded as `null`.
public struct SolveReport: Codable, Sendable, Hashable {
  /// The problem's name.
  public var name: String
  /// `optimal` when optimal; otherwise the `TerminationStatus` raw value.
  public var status: String
  public var primalStatus: String
  public var dualStatus: String
  /// Primal objective in the user's sense.
  public var objective: Double?
  public var dualObjective: Double?
  public var iterations: Int
  public var solveSeconds: Double
  public var setupSeconds: Double
  /// Unscaled ‖·‖∞ primal residual (constraint and bound violation).
  public var primalResidual: Double?
  /// Unscaled ‖·‖∞ dual residual (sign violations of the duals).
  public var dualResidual: Double?
  /// Relative duality gap.
  public var gap: Double?
  public var rows: Int
  public var columns: Int
  public var linearSystem: String
  /// `SolveInfo.dualsPolished` (nil when decoded from a report written before it was recorded).
  public var dualsPolished: Bool?
  /// `SolveInfo.componentwiseRefinementFrom`: absent when every solve was refined against the global tolerance only.
  public var componentwiseRefinementFrom: Int?
  /// `SolveInfo.redundantRowsDropped` (nil when decoded from a report written before it was recorded).
  public var redundantRowsDropped: Int?
  /// `SolveInfo.parallelRowsMerged` (nil when decoded from a report written before it was recorded).
  public var parallelRowsMerged: Int?
  /// `SolveInfo.newtonSolveChecks` (nil when decoded from a report written before it was recorded).
  public var newtonSolveChecks: Int?
  /// `SolveInfo.newtonSolveChecksSkipped` (nil when decoded from a report written before it was recorded).
  public var newtonSolveChecksSkipped: Int?
  public var warnings: [String]

  enum CodingKeys: String, CodingKey {
    case name, status, objective, iterations, rows, columns, gap, warnings
    case primalStatus = "primal_status", dualStatus = "dual_status", dualObjective = "dual_objective"
    case solveSeconds = "solve_seconds", setupSeconds = "setup_seconds", primalResidual = "primal_residual"
    case dualResidual = "dual_residual", linearSystem = "linear_system", dualsPolished = "duals_polished"
    case componentwiseRefinementFrom = "componentwise_refinement_from"
    case redundantRowsDropped = "redundant_rows_dropped", parallelRowsMerged = "parallel_rows_merged"
    case newtonSolveChecks = "newton_solve_checks", newtonSolveChecksSkipped = "newton_solve_checks_skipped"
  }

  public init(problem: QuadraticProgram, result: SolveResult, warnings: [String] = []) {
    func finite(_ v: Double) -> Double? { v.isFinite ? v : nil }
    name = problem.name
    status = result.termination.rawValue
    primalStatus = result.primalStatus.rawValue
    dualStatus = result.dualStatus.rawValue
    objective = finite(result.info.primalObjective)
    dualObjective = finite(result.info.dualObjective)
    iterations = result.info.iterations
    solveSeconds = result.info.solveSeconds
    setupSeconds = result.info.setupSeconds
    primalResidual = finite(result.info.primalResidual)
    dualResidual = finite(result.info.dualResidual)
    gap = finite(result.info.relativeGap)
    rows = problem.rowCount
    columns = problem.columnCount
    linearSystem = result.info.linearSystem
    dualsPolished = result.info.dualsPolished
    componentwiseRefinementFrom = result.info.componentwiseRefinementFrom
    redundantRowsDropped = result.info.redundantRowsDropped
    parallelRowsMerged = result.info.parallelRowsMerged
    newtonSolveChecks = result.info.newtonSolveChecks
    newtonSolveChecksSkipped = result.info.newtonSolveChecksSkipped
    self.warnings = warnings
  }
}
