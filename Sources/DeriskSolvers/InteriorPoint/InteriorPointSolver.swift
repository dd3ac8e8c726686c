import DeriskLinearAlgebra
import Foundation

/// Solves a convex quadratic program with the homogeneous self-dual interior-point method.
///
/// - Parameters:
///   - structure: the program's two-stage block structure, if it has one. With
///     `settings.linearSystem == .automatic` a structure with scenario blocks (and a diagonal P) selects
///     the scenario-structured backend; the iteration, its termination and trust checks are the same.
/// - Throws: `ProblemError` only for unusable input (sizes, NaN, crossed bounds, invalid settings, a
///   structure that does not match). Whatever the mathematics finds — optimal, infeasible, unbounded,
///   limits — is returned.
public func solve(_ problem: QuadraticProgram, settings: InteriorPointSettings = .init(),
                  structure: consuming BlockStructure? = nil) throws -> SolveResult {
  try problem.validate()
  try settings.validate()
  if let structure { try structure.validate(for: problem) }
  if settings.linearSystem == .scenarioStructured && (structure?.scenarioCount ?? 0) == 0 {
    throw ProblemError.invalid("the scenario-structured linear system needs a block structure with scenario blocks")
  }
  if let refusal = MemoryBudget.refusal(needing: denseWorkspaceBytes(problem, settings: settings, structure: structure)) {
    throw ProblemError.invalid("\(problem.rowCount) rows and \(problem.columnCount) columns: the dense linear system \(refusal)")
  }
  // Many scenario blocks: a sample of them first, for a first-stage centre (`SampleCentre`).
  var sample: (centre: [Double]?, info: CentreSampleInfo)? = nil
  var settings = settings
  if SampleCentre.applies(to: problem, structure: structure, settings: settings), let structure {
    sample = SampleCentre.solve(problem, structure: structure, settings: settings)
    if let seconds = sample?.info.seconds, let limit = settings.timeLimitSeconds {
      settings.timeLimitSeconds = max(limit - seconds, 1e-3)
    }
  }
  // The structure has served once the internal form holds its blocks: it goes before the iteration starts.
  var solver = InteriorPointSolver(problem: problem, settings: settings, structure: consume structure)
  solver.userCentre = sample?.centre
  solver.centreSample = sample?.info
  var result = solver.run()
  if let sample {
    result.info.setupSeconds += sample.info.seconds
    result.info.centreSample = sample.info
  }
  return result
}

/// A lower bound of the bytes the dense backends allocate before the first iteration: the normal
/// equations hold two m × m matrices (workspace and Cholesky factor), the augmented system two
/// (m + n) × (m + n) ones; the scenario-structured backend is sparse and counted as zero.
func denseWorkspaceBytes(_ problem: QuadraticProgram, settings: InteriorPointSettings, structure: BlockStructure?) -> Double {
  let m = Double(problem.rowCount), n = Double(problem.columnCount)
  let diagonalHessian = problem.hasDiagonalHessian
  let hasScenarios = (structure?.scenarioCount ?? 0) > 0
  switch settings.linearSystem {
  case .augmented: return 2 * 8 * (m + n) * (m + n)
  case .scenarioStructured where diagonalHessian, .automatic where diagonalHessian && hasScenarios: return 0
  default: return diagonalHessian ? 2 * 8 * m * m : 2 * 8 * (m + n) * (m + n)
  }
}

/// The homogeneous self-dual embedding of the internal form (see `StandardForm`) with
/// Mehrotra's predictor–corrector, after Goulart & Chen, "Clarabel: an interior-point solver for conic
/// programs with quadratic objectives" (2024), specialised to bounds and equalities:
///
///     r_x = P̄x + c̄τ − Āᵀy − z_l + z_u = 0        r_y = Āx − bτ = 0
///     r_l = x_L − l τ − s_l = 0                  r_u = u τ − x_U − s_u = 0
///     r_τ = c̄ᵀx + xᵀP̄x/τ − bᵀy − lᵀz_l + uᵀz_u + κ = 0
///     s_l∘z_l = s_u∘z_u = τκ = μ → 0,  (s, z, τ, κ) > 0.
///
/// τ → 1, κ → 0 gives an optimal point x/τ; κ > 0, τ → 0 gives a ray proving primal or dual
/// infeasibility. Bound duals are eliminated, so each iteration factors only
/// K = [P̄ + D, Āᵀ; Ā, 0], D = Z_l S_l⁻¹ + Z_u S_u⁻¹ (regularised), and solves it twice.
struct InteriorPointSolver {
  let problem: QuadraticProgram
  let settings: InteriorPointSettings
  var form: StandardForm
  var scaling: Equilibration
  var setupSeconds = 0.0
  /// The first stage's proximal centre in the user's columns (NaN where none), and the sample it came from.
  var userCentre: [Double]? = nil
  var centreSample: CentreSampleInfo? = nil
  /// Seconds spent building the standard form (with presolve) and equilibrating it, for the verbose log.
  var formSeconds = 0.0, scalingSeconds = 0.0
  let start = DispatchTime.now()

  init(problem: QuadraticProgram, settings: InteriorPointSettings, structure: BlockStructure? = nil) {
    self.problem = problem
    self.settings = settings
    var form = StandardForm(problem, structure: structure)
    let formed = DispatchTime.now()
    scaling = Equilibration(scaling: &form, passes: settings.scalingPasses)
    self.form = form
    formSeconds = Double(formed.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    scalingSeconds = Double(DispatchTime.now().uptimeNanoseconds - formed.uptimeNanoseconds) / 1e9
  }

  func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

  mutating func run() -> SolveResult {
    setupSeconds = elapsed()
    switch form.outcome {
    case .reduced: break
    case .infeasibleRow(let row, let side):
      var y = [Double](repeating: 0, count: problem.rowCount)
      y[row] = side
      return certificateResult(.primalInfeasible, rowRay: y, direction: nil, iterations: 0)
    case .unboundedColumn(let column, let direction):
      var d = [Double](repeating: 0, count: problem.columnCount)
      d[column] = direction
      return certificateResult(.dualInfeasible, rowRay: nil, direction: d, iterations: 0)
    }
    return iterate()
  }

  func log(_ line: String) {
    FileHandle.standardError.write((line + "\n").data(using: .utf8) ?? Data())
  }

  // MARK: - Back to the user's problem

  /// Original x from the scaled internal x / τ (fixed columns filled in).
  private func userPoint(_ x: [Double], tau: Double) -> [Double] {
    var result = [Double](repeating: 0, count: problem.columnCount)
    for (column, value) in form.fixedColumns { result[Int(column)] = value }
    for (k, origin) in form.columnOrigin.enumerated() where origin >= 0 {
      result[Int(origin)] = scaling.columnScale[k] * x[k] / tau
    }
    return result
  }

  /// Original row duals (minimisation sense) from the scaled internal y / τ, the forcing rows'
  /// duals recovered for the point `x` (user's columns); `costWeight` 0 completes a Farkas ray instead.
  private func userRowDuals(_ y: [Double], tau: Double, x: [Double], costWeight: Double = 1) -> [Double] {
    var result = [Double](repeating: 0, count: problem.rowCount)
    for (r, origin) in form.rowOrigin.enumerated() {
      result[Int(origin)] = scaling.rowScale[r] * y[r] / (scaling.costScale * tau)
    }
    // Presolve's steps undone in reverse: parallel rows, singleton rows, forcing rows. (The sums Σᵢ aᵢⱼyᵢ
    // the later recoveries read are the same before and after the parallel rows' duals move.)
    form.parallelRows.recoverDuals(y: &result)
    // Singleton rows next: found after the forcing rows, their columns are live in none of those.
    form.singletonRows.recoverDuals(problem: problem, x: x, costWeight: costWeight, sign: userSign(), y: &result)
    ForcingRow.recoverDuals(form.forcingRows, problem: problem, x: x, costWeight: costWeight, sign: userSign(),
                            y: &result)
    return result
  }

  /// A Farkas ray in the original rows (minimisation sense), normalised to ‖y‖∞ = 1.
  func userRowRay(_ y: [Double]) -> [Double] {
    var ray = userRowDuals(y, tau: 1, x: [], costWeight: 0)
    let norm = Vector.normInf(ray)
    if norm > 0 { ray = ray.map { $0 / norm } }
    return ray
  }

  /// y's ray in the original rows (`userRowRay`) when it is a Farkas certificate of the user's problem
  /// (`CertificateCheck.farkasViolation` within the infeasibility tolerance, in the minimisation's sign);
  /// nil otherwise, and for y = 0.
  func checkedFarkasRay(_ y: [Double]) -> [Double]? {
    let ray = userRowRay(y), sign = userSign()
    guard Vector.normInf(ray) > 0,
          CertificateCheck.farkasViolation(problem: problem, rowRay: ray.map { sign * $0 }) <= settings.infeasibilityTolerance
    else { return nil }
    return ray
  }

  /// An unbounded direction in the original columns, normalised to ‖d‖∞ = 1.
  func userDirection(_ x: [Double]) -> [Double] {
    var d = [Double](repeating: 0, count: problem.columnCount)
    for (k, origin) in form.columnOrigin.enumerated() where origin >= 0 { d[Int(origin)] = scaling.columnScale[k] * x[k] }
    let norm = Vector.normInf(d)
    if norm > 0 { d = d.map { $0 / norm } }
    return d
  }

  func userSign() -> Double { problem.sense == .maximize ? -1 : 1 }

  /// Builds the result for a candidate point, downgrading `optimal` unless the unscaled checks pass.
  func finish(_ proposed: TerminationStatus, x: [Double], y: [Double], zl: [Double], zu: [Double],
              tau: Double, info: SolveInfo) -> SolveResult {
    var info = info
    let xUser = userPoint(x, tau: tau)
    let sign = userSign()
    var yUser = userRowDuals(y, tau: tau, x: xUser)
    if sign != 1 { for i in yUser.indices { yUser[i] *= sign } }
    let check = OptimalityCheck(problem: problem, x: xUser, rowDuals: yUser)
    info.record(check)
    info.redundantRowsDropped = form.redundantRows.count
    info.parallelRowsMerged = form.parallelRows.mergedCount
    info.solveSeconds = elapsed() - setupSeconds
    let verdict = check.judged(by: settings)
    let pOK = verdict.primalFeasible, dOK = verdict.dualFeasible
    var status = proposed
    // An optimal proposal is downgraded unless the point passes; at a numerical error no further progress is
    // possible, so the point is reported for what it is worth on the user's problem.
    if proposed == .optimal || proposed == .numericalError { status = verdict.status }
    let primalStatus: SolutionStatus = pOK ? .feasiblePoint : .infeasiblePoint
    let dualStatus: SolutionStatus = dOK ? .feasiblePoint : .infeasiblePoint
    let solution = Solution(x: xUser, rowDuals: yUser, reducedCosts: check.reducedCosts,
                            rowActivities: check.rowActivities)
    return SolveResult(termination: status, primalStatus: primalStatus, dualStatus: dualStatus, solution: solution,
                       info: info)
  }

  /// A result carrying a checked certificate.
  func certificateResult(_ status: TerminationStatus, rowRay: [Double]?, direction: [Double]?,
                                 iterations: Int) -> SolveResult {
    var info = SolveInfo()
    info.iterations = iterations
    info.setupSeconds = setupSeconds
    info.redundantRowsDropped = form.redundantRows.count
    info.parallelRowsMerged = form.parallelRows.mergedCount
    info.solveSeconds = elapsed() - setupSeconds
    let sign = userSign()
    let n = problem.columnCount, m = problem.rowCount
    if let rowRay {
      let z = problem.constraintMatrix.transposeTimes(rowRay).map { -sign * $0 }
      let solution = Solution(x: [Double](repeating: 0, count: n), rowDuals: rowRay.map { sign * $0 }, reducedCosts: z,
                              rowActivities: [Double](repeating: 0, count: m))
      return SolveResult(termination: status, primalStatus: .noSolution, dualStatus: .infeasibilityCertificate,
                         solution: solution, info: info)
    }
    let d = direction ?? [Double](repeating: 0, count: n)
    let solution = Solution(x: d, rowDuals: [Double](repeating: 0, count: m), reducedCosts: [Double](repeating: 0, count: n),
                            rowActivities: problem.constraintMatrix.times(d))
    return SolveResult(termination: status, primalStatus: .infeasibilityCertificate, dualStatus: .noSolution,
                       solution: solution, info: info)
  }
}
