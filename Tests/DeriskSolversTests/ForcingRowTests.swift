import DeriskSolvers
import Testing

/// Forcing rows (a row whose columns' bounds leave exactly one way to meet it, such as a closed route
/// Σ flows ≤ 0 with flows ≥ 0) are removed by presolve; the solution must still carry their duals.
struct ForcingRowTests {
  /// min x₁ + 2x₂ + 10s  s.t.  x₁ + x₂ + s = 5 (demand),  x₁ ≤ 0 (closed route),  x₂ ≤ 3 (capacity),
  /// x, s ≥ 0. By hand: x₁ = 0, x₂ = 3, s = 2, objective 6 + 20 = 26. Duals (z = c − Aᵀy): s is basic,
  /// so y_demand = 10; x₂ is basic, 2 − 10 − y_cap = 0 gives y_cap = −8; x₁ sits at 0 with the route row
  /// binding, and the dual the recovery picks is the least-magnitude one, 1 − 10 − y_route = 0, so
  /// y_route = −9: one more tonne of route capacity saves 10 of shortfall for 1 of freight.
  static func closedRoute(routeCapacity: Double = 0) throws -> QuadraticProgram {
    let A = try SparseMatrix(rows: 3, columns: 3, triplets: [(0, 0, 1), (0, 1, 1), (0, 2, 1), (1, 0, 1), (2, 1, 1)])
    return QuadraticProgram(linearCost: [1, 2, 10], constraintMatrix: A, rowLower: [5, -.infinity, -.infinity],
                            rowUpper: [5, routeCapacity, 3], columnLower: [0, 0, 0],
                            columnUpper: [.infinity, .infinity, .infinity])
  }

  @Test(arguments: [LinearSystemChoice.automatic, .normalEquations, .augmented])
  func closedRouteOptimumAndDuals(system: LinearSystemChoice) throws {
    var settings = InteriorPointSettings()
    settings.linearSystem = system
    let problem = try Self.closedRoute()
    let result = try solve(problem, settings: settings)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 26) < 1e-8 * 27)
    #expect(abs(result.solution.x[0]) < 1e-12)      // fixed by presolve, exactly
    #expect(abs(result.solution.x[1] - 3) < 1e-7)
    #expect(abs(result.solution.x[2] - 2) < 1e-7)
    #expect(abs(result.solution.rowDuals[0] - 10) < 1e-6)
    #expect(abs(result.solution.rowDuals[1] - (-9)) < 1e-6)
    #expect(abs(result.solution.rowDuals[2] - (-8)) < 1e-6)
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(check.relativeDualResidual <= InteriorPointSettings().feasibilityTolerance)
    #expect(check.relativeGap < 1e-8)
  }

  /// The route's dual equals the slope of the optimum in its capacity: with capacity 1e-3 (no longer
  /// forcing, solved by the interior point) the objective is 26 − 9·0.01 (the optimum is linear in it up to 2).
  @Test func routeDualIsTheCapacitySlope() throws {
    let closed = try solve(Self.closedRoute())
    let open = try solve(Self.closedRoute(routeCapacity: 0.01))
    #expect(open.termination == .optimal)
    #expect(abs((open.objective - closed.objective) / 0.01 - closed.solution.rowDuals[1]) < 1e-3)
  }

  /// The same route as a ≥ row, −x₁ ≥ 0, and in a maximisation of −(cost): the recovered dual keeps the
  /// user's sign conventions (for the maximisation, y = ∂objective/∂bound = +9 for the ≥ row).
  @Test func forcingAtTheLowerSideInAMaximisation() throws {
    let A = try SparseMatrix(rows: 3, columns: 3, triplets: [(0, 0, 1), (0, 1, 1), (0, 2, 1), (1, 0, -1), (2, 1, 1)])
    let problem = QuadraticProgram(sense: .maximize, linearCost: [-1, -2, -10], constraintMatrix: A,
                                   rowLower: [5, 0, -.infinity], rowUpper: [5, .infinity, 3], columnLower: [0, 0, 0],
                                   columnUpper: [.infinity, .infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - (-26)) < 1e-8 * 27)
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(check.relativeDualResidual <= InteriorPointSettings().feasibilityTolerance)
    #expect(abs(abs(result.solution.rowDuals[1]) - 9) < 1e-6)
  }
}
