import DeriskSolvers
import Testing

/// Inequality rows with one entry (a leg only one route uses: flow ≤ capacity) become bounds on that entry's
/// column in presolve; the solution must still carry their duals, and certificates must still hold.
struct SingletonRowTests {
  /// min x₁ + 2x₂ + 10s  s.t.  x₁ + x₂ + s = 5 (demand), x₁ ≤ 2 (row 1), −x₂ ≥ −1.5 (row 2, a < 0: x₂ ≤ 1.5),
  /// 0 ≤ 2x₁ ≤ 100 (row 3, ranged, slack), 3x₁ ≤ 9 (row 4: x₁ ≤ 3, looser than row 1), x, s ≥ 0.
  /// By hand: x₁ = 2, x₂ = 1.5, s = 1.5, objective 2 + 3 + 15 = 20. Duals (z = c − Aᵀy): s is basic, so
  /// y_demand = 10; x₁ is held by row 1: 1 − 10 − y₁ = 0, y₁ = −9 (one more tonne of capacity saves 9);
  /// x₂ by row 2: 2 − 10 + y₂ = 0, y₂ = 8 (≥ 0: the row's lower side binds); rows 3 and 4 have y = 0.
  static func capacities(upperOfX1: Double = .infinity) throws -> QuadraticProgram {
    let A = try SparseMatrix(rows: 5, columns: 3, triplets: [(0, 0, 1), (0, 1, 1), (0, 2, 1), (1, 0, 1), (2, 1, -1),
                                                             (3, 0, 2), (4, 0, 3)])
    return QuadraticProgram(linearCost: [1, 2, 10], constraintMatrix: A,
                            rowLower: [5, -.infinity, -1.5, 0, -.infinity], rowUpper: [5, 2, .infinity, 100, 9],
                            columnLower: [0, 0, 0], columnUpper: [upperOfX1, .infinity, .infinity])
  }

  @Test(arguments: [LinearSystemChoice.automatic, .normalEquations, .augmented])
  func optimumAndDualsOfTheRowsTurnedIntoBounds(system: LinearSystemChoice) throws {
    var settings = InteriorPointSettings()
    settings.linearSystem = system
    let problem = try Self.capacities()
    let result = try solve(problem, settings: settings)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 20) < 1e-8 * 21)
    #expect(abs(result.solution.x[0] - 2) < 1e-7)
    #expect(abs(result.solution.x[1] - 1.5) < 1e-7)
    #expect(abs(result.solution.x[2] - 1.5) < 1e-7)
    let expected: [Double] = [10, -9, 8, 0, 0]
    for (i, value) in expected.enumerated() {
      #expect(abs(result.solution.rowDuals[i] - value) < 1e-6, "row \(i): \(result.solution.rowDuals[i])")
    }
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(check.relativeDualResidual <= InteriorPointSettings().feasibilityTolerance)
    #expect(check.relativeGap < 1e-8)
  }

  /// Row 1's dual is the slope of the optimum in its bound: with x₁ ≤ 2.01 the objective is 20 − 9·0.01.
  @Test func rowDualIsTheCapacitySlope() throws {
    var looser = try Self.capacities()
    looser.rowUpper[1] = 2.01
    let base = try solve(Self.capacities()), moved = try solve(looser)
    #expect(moved.termination == .optimal)
    #expect(abs((moved.objective - base.objective) / 0.01 - base.solution.rowDuals[1]) < 1e-4)
  }

  /// With x₁'s own bound x₁ ≤ 1.8 tighter than row 1's, the column holds x₁ and keeps the reduced cost
  /// z₁ = 1 − 10 = −9; row 1 gets y = 0. Optimum 1.8 + 3 + 17 = 21.8.
  @Test func aTighterColumnBoundKeepsTheReducedCost() throws {
    let result = try solve(Self.capacities(upperOfX1: 1.8))
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 21.8) < 1e-8 * 22.8)
    #expect(abs(result.solution.rowDuals[1]) < 1e-6)
    #expect(abs(result.solution.reducedCosts[0] - (-9)) < 1e-6)
  }

  /// x ≤ 1 (row 0, a singleton), x + y ≥ 2 (row 1), y ∈ [0, 0.5]: infeasible. The ray the solver finds
  /// uses x's upper bound, which presolve took from row 0, so row 0 must carry it in the certificate:
  /// y = (−1, 1)·t, with Aᵀy = (0, 1)·t and t(2 − 1 − 0.5) > 0.
  @Test func farkasRayThroughABoundTakenFromARow() throws {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (1, 0, 1), (1, 1, 1)])
    let problem = QuadraticProgram(linearCost: [1, 1], constraintMatrix: A, rowLower: [-.infinity, 2],
                                   rowUpper: [1, .infinity], columnLower: [0, 0], columnUpper: [.infinity, 0.5])
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) < 1e-8)
    #expect(result.solution.rowDuals[0] < 0 && result.solution.rowDuals[1] > 0)
  }

  /// A singleton row that would leave its column a box narrower than 10⁻⁶ of its bounds stays a row:
  /// x ≤ 1e-9 with x ≥ 0 and a demand met by x or a costly s. x = 1e-9, s = 1 − 1e-9, objective
  /// 10 − 9e-9, and the row's dual −9, whichever way presolve treats it.
  @Test func aNearlyClosedRowKeepsItsDual() throws {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 1, 1), (1, 0, 1)])
    let problem = QuadraticProgram(linearCost: [1, 10], constraintMatrix: A, rowLower: [1, -.infinity],
                                   rowUpper: [1, 1e-9], columnLower: [0, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - (10 - 9e-9)) < 1e-8 * 11)
    #expect(abs(result.solution.rowDuals[1] - (-9)) < 1e-6)
  }
}
