import DeriskSolvers
import Testing

/// Small LPs and QPs whose optima, duals and certificates are worked by hand in the comments.
struct SmallProblemTests {
  /// min −x − y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6,  x, y ≥ 0.
  /// Both rows bind at (8/5, 6/5): objective −14/5. Duals from c − Aᵀy = 0:
  /// y₁ + 3y₂ = −1, 2y₁ + y₂ = −1  ⇒  y = (−2/5, −1/5) (≤ 0: upper bounds active).
  static func twoRowLP() throws -> QuadraticProgram {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 1, 2), (1, 0, 3), (1, 1, 1)])
    return QuadraticProgram(linearCost: [-1, -1], constraintMatrix: A, rowLower: [-.infinity, -.infinity],
                            rowUpper: [4, 6], columnLower: [0, 0], columnUpper: [.infinity, .infinity])
  }

  @Test(arguments: [LinearSystemChoice.automatic, .normalEquations, .augmented])
  func twoRowLPOptimumAndDuals(system: LinearSystemChoice) throws {
    var settings = InteriorPointSettings()
    settings.linearSystem = system
    let result = try solve(Self.twoRowLP(), settings: settings)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - (-2.8)) < 1e-8 * (1 + 2.8))  // the default relative gap tolerance
    #expect(abs(result.solution.x[0] - 1.6) < 1e-7)
    #expect(abs(result.solution.x[1] - 1.2) < 1e-7)
    #expect(abs(result.solution.rowDuals[0] - (-0.4)) < 1e-7)
    #expect(abs(result.solution.rowDuals[1] - (-0.2)) < 1e-7)
    #expect(abs(result.solution.reducedCosts[0]) < 1e-7)
  }

  /// The same LP as a maximisation of x + y: optimum 14/5; y = ∂objective/∂rowUpper = (2/5, 1/5).
  @Test func maximisationReportsUserSense() throws {
    var problem = try Self.twoRowLP()
    problem.sense = .maximize
    problem.linearCost = [1, 1]
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 2.8) < 1e-8 * (1 + 2.8))
    #expect(abs(result.solution.rowDuals[0] - 0.4) < 1e-7)
    #expect(abs(result.solution.rowDuals[1] - 0.2) < 1e-7)
  }

  /// x + y ≤ 1 and x + y ≥ 2 cannot both hold: y = (−1, y₂) with ½ < y₂ ≤ 1 is a Farkas ray
  /// (z = −Aᵀy = (1 − y₂)(1, 1) ≥ 0 uses only the finite lower bounds 0, and −1·1 + y₂·2 > 0).
  @Test func infeasibleLPHasCheckedFarkasRay() throws {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)])
    let problem = QuadraticProgram(linearCost: [1, 1], constraintMatrix: A, rowLower: [-.infinity, 2],
                                   rowUpper: [1, .infinity], columnLower: [0, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(result.dualStatus == .infeasibilityCertificate)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) < 1e-8)
    let y = result.solution.rowDuals
    #expect(y[0] < 0 && y[1] > 0.5 * abs(y[0]) && y[1] <= abs(y[0]) * (1 + 1e-9))
  }

  /// min −x s.t. x − y ≤ 1, x, y ≥ 0 is unbounded along d = (1, 1).
  @Test func unboundedLPHasCheckedDirection() throws {
    let A = try SparseMatrix(rows: 1, columns: 2, triplets: [(0, 0, 1), (0, 1, -1)])
    let problem = QuadraticProgram(linearCost: [-1, 0], constraintMatrix: A, rowLower: [-.infinity], rowUpper: [1],
                                   columnLower: [0, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .dualInfeasible)
    #expect(result.primalStatus == .infeasibilityCertificate)
    #expect(CertificateCheck.unboundedDirectionViolation(problem: problem, direction: result.solution.x) < 1e-8)
  }

  /// min ½(x² + y²) − x − y  s.t.  x + y = 1: x = y = ½, objective ¼ − 1 = −¾,
  /// and P x + c − Aᵀy = 0 gives ½ − 1 − y = 0, y = −½.
  @Test(arguments: [LinearSystemChoice.automatic, .normalEquations, .augmented])
  func equalityConstrainedQP(system: LinearSystemChoice) throws {
    let A = try SparseMatrix(rows: 1, columns: 2, triplets: [(0, 0, 1), (0, 1, 1)])
    let P = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (1, 1, 1)])
    let problem = QuadraticProgram(linearCost: [-1, -1], hessian: P, constraintMatrix: A, rowLower: [1], rowUpper: [1],
                                   columnLower: [-.infinity, -.infinity], columnUpper: [.infinity, .infinity])
    var settings = InteriorPointSettings()
    settings.linearSystem = system
    let result = try solve(problem, settings: settings)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - (-0.75)) < 1e-8 * (1 + 0.75))
    #expect(abs(result.solution.rowDuals[0] - (-0.5)) < 1e-7)
  }

  /// min (x − 2)² + (x − y)²  written as ½xᵀPx + cᵀx + 4 with P = [[4, −2], [−2, 2]], c = (−4, 0),
  /// subject to y ≤ 1: unconstrained optimum (2, 2) violates it, so y = 1 and
  /// d/dx: 2(x−2) + 2(x−1) = 0 ⇒ x = 3/2; objective ¼ + ¼ = ½.
  @Test func boundConstrainedQPWithCoupling() throws {
    let A = SparseMatrix(rows: 0, columns: 2)
    let P = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 4), (1, 0, -2), (1, 1, 2)])
    let problem = QuadraticProgram(linearCost: [-4, 0], objectiveConstant: 4, hessian: P, constraintMatrix: A,
                                   rowLower: [], rowUpper: [], columnLower: [-.infinity, -.infinity],
                                   columnUpper: [.infinity, 1])
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 0.5) < 1e-8 * (1 + 0.5))
    #expect(abs(result.solution.x[0] - 1.5) < 1e-7)
    #expect(abs(result.solution.x[1] - 1.0) < 1e-7)
  }
}
