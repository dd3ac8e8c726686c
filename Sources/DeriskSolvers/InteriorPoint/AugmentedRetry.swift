/// Largest m + n for which `automatic` solves again with the augmented system when the normal equations
/// fail the check on the user's problem: a dense (m + n)² LDLᵀ, (m + n)³/3 flops a factorization (3·10⁸ at 1,000).
private let augmentedRetryLimit = 1_000

/// The solve again with the augmented system, when it is `optimal`, for an `automatic` solve that the normal
/// equations ended `almostOptimal` or `numericalError` on a program small enough (`augmentedRetryLimit`);
/// nil otherwise. The normal equations A(P + D)⁻¹Aᵀ square the condition of the augmented system
/// [P + D, Aᵀ; A, 0]; where a row's terms are 10⁻⁷ beside others' of 10², their dense Cholesky fails near the
/// end of the path, the regularisation then raised to δ = 10⁻² leaves that row's residual in every direction,
/// and the row never meets 10⁻⁸ of its own size. (A generated sourcing scenario under a fixed plan, 55 rows and
/// 48 columns: `almostOptimal` after 33 iterations with the normal equations, `optimal` in 8 with the
/// augmented system, at HiGHS's optimum to 2·10⁻¹¹.) Within the remaining time limit, if there is one.
func augmentedRetry(of result: SolveResult, problem: QuadraticProgram, settings: InteriorPointSettings) -> SolveResult? {
  guard settings.linearSystem == .automatic, result.info.linearSystem == NormalEquationsSystem.name,
        result.termination == .almostOptimal || result.termination == .numericalError,
        problem.rowCount + problem.columnCount <= augmentedRetryLimit else { return nil }
  var retrySettings = settings
  retrySettings.linearSystem = .augmented
  if let limit = settings.timeLimitSeconds {
    let remaining = limit - result.info.setupSeconds - result.info.solveSeconds
    guard remaining > 0 else { return nil }
    retrySettings.timeLimitSeconds = remaining
  }
  guard MemoryBudget.refusal(needing: denseWorkspaceBytes(problem, settings: retrySettings, structure: nil)) == nil
  else { return nil }
  var solver = InteriorPointSolver(problem: problem, settings: retrySettings, structure: nil)
  var retry = solver.run()
  guard retry.termination == .optimal else { return nil }
  retry.info.linearSystem += ", after the normal equations ended \(result.termination.rawValue)"
  retry.info.iterations += result.info.iterations
  retry.info.setupSeconds += result.info.setupSeconds
  retry.info.solveSeconds += result.info.solveSeconds
  return retry
}
