import DeriskSolvers
import Testing

/// One test per outcome the solver can report, on problems small enough to reason about by hand.
struct SolverOutcomeTests {
  /// min x² s.t. x ≥ 2 (row 0) and x ≤ 1 (row 1): no x satisfies both. y = (1, −1) is a Farkas ray:
  /// Aᵀy = 0 and 1·2 − 1·1 = 1 > 0.
  @Test func infeasibleQPHasCheckedFarkasRay() throws {
    let A = try SparseMatrix(rows: 2, columns: 1, triplets: [(0, 0, 1), (1, 0, 1)])
    let P = try SparseMatrix(rows: 1, columns: 1, triplets: [(0, 0, 2)])
    let problem = QuadraticProgram(linearCost: [0], hessian: P, constraintMatrix: A, rowLower: [2, -.infinity],
                                   rowUpper: [.infinity, 1], columnLower: [-.infinity], columnUpper: [.infinity])
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) < 1e-8)
    #expect(result.solution.rowDuals[0] > 0 && result.solution.rowDuals[1] < 0)
  }

  /// min ½x² − y s.t. x + y ≥ 1, y ≥ 0: the objective falls without bound along d = (0, 1)
  /// (P d = 0, cᵀd = −1, A d = 1 ≥ 0 keeps the row, d₂ ≥ 0 keeps the bound).
  @Test func unboundedQPHasCheckedDirection() throws {
    let A = try SparseMatrix(rows: 1, columns: 2, triplets: [(0, 0, 1), (0, 1, 1)])
    let P = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1)])
    let problem = QuadraticProgram(linearCost: [0, -1], hessian: P, constraintMatrix: A, rowLower: [1],
                                   rowUpper: [.infinity], columnLower: [-.infinity, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .dualInfeasible)
    #expect(CertificateCheck.unboundedDirectionViolation(problem: problem, direction: result.solution.x) < 1e-8)
    #expect(result.solution.x[1] > 0.99)
  }

  /// A presolve-detected infeasibility: a row whose columns are all fixed (x = 1, so the row's activity
  /// is 1) but whose lower bound is 2. The certificate is y = e₀.
  @Test func presolveFindsInfeasibleRowOfFixedColumns() throws {
    let A = try SparseMatrix(rows: 1, columns: 1, triplets: [(0, 0, 1)])
    let problem = QuadraticProgram(linearCost: [1], constraintMatrix: A, rowLower: [2], rowUpper: [.infinity],
                                   columnLower: [1], columnUpper: [1])
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) == 0)
  }

  @Test func iterationLimitIsReportedNotOptimal() throws {
    var settings = InteriorPointSettings()
    settings.maxIterations = 1
    let result = try solve(SmallProblemTests.twoRowLP(), settings: settings)
    #expect(result.termination == .iterationLimit)
    #expect(result.info.iterations == 1)
    // The point returned carries its true residuals.
    #expect(result.info.primalResidual.isFinite && result.info.dualResidual.isFinite)
  }

  @Test func timeLimitIsHonoured() throws {
    var settings = InteriorPointSettings()
    settings.timeLimitSeconds = 1e-12
    let result = try solve(SmallProblemTests.twoRowLP(), settings: settings)
    #expect(result.termination == .timeLimit)
    #expect(result.info.iterations <= 1)
  }

  @Test func cancellationIsHonouredWithinOneIteration() async throws {
    let problem = try SmallProblemTests.twoRowLP()
    let task = Task { () -> SolveResult in
      while !Task.isCancelled { await Task.yield() }
      return try solve(problem)
    }
    task.cancel()
    let result = try await task.value
    #expect(result.termination == .cancelled)
    #expect(result.info.iterations == 0)
  }

  @Test func invalidInputThrowsAndNamesThePlace() throws {
    var problem = try SmallProblemTests.twoRowLP()
    problem.linearCost[1] = .nan
    #expect(throws: ProblemError.nonFinite("cost of column x1 is nan")) { try solve(problem) }
    problem = try SmallProblemTests.twoRowLP()
    problem.columnLower[0] = 5
    problem.columnUpper[0] = 3
    #expect(throws: ProblemError.inconsistentBounds("column x0: lower bound 5.0 > upper bound 3.0")) { try solve(problem) }
    problem = try SmallProblemTests.twoRowLP()
    problem.rowUpper = [4]
    #expect(throws: ProblemError.self) { try solve(problem) }
    var settings = InteriorPointSettings()
    settings.maxIterations = 0
    #expect(throws: ProblemError.invalid("maxIterations must be ≥ 1, got 0")) {
      try solve(SmallProblemTests.twoRowLP(), settings: settings)
    }
  }
}
