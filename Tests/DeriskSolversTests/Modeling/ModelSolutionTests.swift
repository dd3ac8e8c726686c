import DeriskSolvers
import Testing

/// Reading a hand-built `SolveResult` back through `ModelSolution`.
///
/// The LP used (hand derivation):
///
///     maximise   3x + 2y
///     subject to cap:    x + y ≤ 4
///                mix:    x + 3y + 1 ≤ 10      (row x + 3y ≤ 9)
///                order:  x − y ≥ 0
///                0 ≤ x ≤ 3,  y ≥ 0
///
/// Optimum x = 3, y = 1, objective 11 (x at its upper bound, `cap` active; `mix` has
/// x + 3y + 1 = 7, slack 3; `order` has x − y = 2, slack 2). Duals in the user's sense (see
/// `Solution`): raising cap's bound by 1 lets y grow by 1, objective +2, so y_cap = 2; the other
/// rows are inactive, y = 0. Reduced costs z = c − Aᵀy: z_x = 3 − 2 = 1 (= ∂obj/∂(x's upper
/// bound)), z_y = 2 − 2 = 0. A recorded HiGHS 1.16.0 run gives the same numbers
/// (Tests/Fixtures/Modeling/README.md, shadow_price_lp.mps).
@Suite struct ModelSolutionTests {
  struct Fixture {
    var model = Model(name: "lp")
    let x: Variable, y: Variable
    let cap: Constraint, mix: Constraint, order: Constraint

    init() throws {
      x = try model.addVariable(name: "x", lower: 0, upper: 3)
      y = try model.addVariable(name: "y", lower: 0)
      cap = try model.addConstraint(x + y, .lessOrEqual, 4, name: "cap")
      mix = try model.addConstraint(x + 3 * y + 1, .lessOrEqual, 10, name: "mix")
      order = try model.addConstraint(x - y, .greaterOrEqual, 0, name: "order")
      try model.setObjective(3 * x + 2 * y, sense: .maximize)
    }

    /// The result the solver should return for the optimum derived above.
    func optimalResult(withActivities: Bool = true) -> SolveResult {
      var info = SolveInfo()
      info.primalObjective = 11
      info.dualObjective = 11
      info.iterations = 7
      return SolveResult(
        termination: .optimal, primalStatus: .feasiblePoint, dualStatus: .feasiblePoint,
        solution: Solution(x: [3, 1], rowDuals: [2, 0, 0], reducedCosts: [1, 0],
                           rowActivities: withActivities ? [4, 6, 2] : []),  // A x, without mix's constant
        info: info)
    }
  }

  @Test func valuesDualsSlacksAndReducedCostsByHandle() throws {
    let f = try Fixture()
    let s = try ModelSolution(result: f.optimalResult(), model: f.model)
    #expect(s.termination == .optimal && s.primalStatus == .feasiblePoint && s.dualStatus == .feasiblePoint)
    #expect(isClose(s.objective, 11) && s.info.iterations == 7)
    #expect(try isClose(s.value(of: f.x), 3) && isClose(s.value(of: f.y), 1))
    #expect(isClose(try s.value(of: 3 * f.x + 2 * f.y), 11))  // the objective re-evaluated
    #expect(try isClose(s.dual(of: f.cap), 2) && isClose(s.dual(of: f.mix), 0))
    #expect(try isClose(s.reducedCost(of: f.x), 1) && isClose(s.reducedCost(of: f.y), 0))
    // Activities include the user's constant: mix is x + 3y + 1 = 7.
    #expect(isClose(try s.activity(of: f.mix), 7))
    #expect(isClose(try s.slack(of: f.cap), 0))    // 4 − 4, active
    #expect(isClose(try s.slack(of: f.mix), 3))    // 10 − 7
    #expect(isClose(try s.slack(of: f.order), 2))  // (3 − 1) − 0
  }

  @Test func lookupsByNameMatchLookupsByHandle() throws {
    let f = try Fixture()
    let s = try ModelSolution(result: f.optimalResult(), model: f.model)
    #expect(isClose(try s.value(ofVariableNamed: "y"), 1))
    #expect(isClose(try s.dual(ofConstraintNamed: "cap"), 2))
    #expect(isClose(try s.slack(ofConstraintNamed: "mix"), 3))
    #expect(isClose(try s.reducedCost(ofVariableNamed: "x"), 1))
    #expect(thrownError { try s.value(ofVariableNamed: "w") } == .unknownName("no variable is named 'w'"))
    #expect(thrownError { try s.dual(ofConstraintNamed: "cap2") } == .unknownName("no constraint is named 'cap2'"))
  }

  @Test func activityIsComputedFromXWhenTheSolverGaveNone() throws {
    let f = try Fixture()
    let s = try ModelSolution(result: f.optimalResult(withActivities: false), model: f.model)
    #expect(isClose(try s.activity(of: f.mix), 7))  // 3 + 3·1 + 1
    #expect(isClose(try s.slack(of: f.order), 2))
  }

  @Test func slackOfEqualityAndRangedRowsIsDistanceToTheNearerBound() throws {
    var model = Model()
    let x = try model.addVariable(name: "x")
    let eq = try model.addConstraint(2 * x, .equal, 1)                      // 2x = 1
    let ranged = try model.addConstraint(x + 5, lower: 0, upper: 6)         // 0 ≤ x + 5 ≤ 6
    let free = try model.addConstraint(x, lower: -.infinity, upper: .infinity)
    // At x = 0.75 (hand values): 2x = 1.5 exceeds the equality by 0.5 → slack −0.5;
    // x + 5 = 5.75 → min(5.75 − 0, 6 − 5.75) = 0.25; a free row has slack +∞.
    let result = SolveResult(
      termination: .iterationLimit, primalStatus: .infeasiblePoint, dualStatus: .noSolution,
      solution: Solution(x: [0.75], rowDuals: [], reducedCosts: [], rowActivities: [1.5, 0.75, 0.75]),
      info: SolveInfo())
    let s = try ModelSolution(result: result, model: model)
    #expect(isClose(try s.slack(of: eq), -0.5))
    #expect(isClose(try s.slack(of: ranged), 0.25))
    #expect(try s.slack(of: free) == .infinity)
    #expect(s.termination == .iterationLimit && s.primalStatus == .infeasiblePoint)
    #expect(try s.dual(of: eq).isNaN)  // no duals returned → NaN, not a throw
  }

  @Test func infeasibleOutcomeIsReportedNotThrown() throws {
    let f = try Fixture()
    // A primal-infeasible report with no primal vector and a Farkas ray in the duals.
    let result = SolveResult(
      termination: .primalInfeasible, primalStatus: .noSolution, dualStatus: .infeasibilityCertificate,
      solution: Solution(x: [], rowDuals: [-1, 0, 1], reducedCosts: [], rowActivities: []), info: SolveInfo())
    let s = try ModelSolution(result: result, model: f.model)
    #expect(s.termination == .primalInfeasible && s.dualStatus == .infeasibilityCertificate)
    #expect(try s.value(of: f.x).isNaN && s.objective.isNaN)
    #expect(isClose(try s.dual(of: f.order), 1))
  }

  @Test func resultOfAnotherSizeIsRejected() throws {
    let f = try Fixture()
    let result = SolveResult(
      termination: .optimal, primalStatus: .feasiblePoint, dualStatus: .feasiblePoint,
      solution: Solution(x: [1, 2, 3], rowDuals: [], reducedCosts: [], rowActivities: []), info: SolveInfo())
    #expect(thrownError { try ModelSolution(result: result, model: f.model) }
      == .dimensionMismatch("solution.x has 3 entries, the model has 2"))
  }

  @Test func handlesFromAnotherModelAreRejectedOnReadback() throws {
    let f = try Fixture()
    let g = try Fixture()  // same shape, different identity
    let s = try ModelSolution(result: f.optimalResult(), model: f.model)
    #expect(thrownError { try s.value(of: g.x) } == .foreignHandle("value(of:): variable #0 belongs to another model"))
    #expect(thrownError { try s.dual(of: g.cap) } == .foreignHandle("dual(of:): constraint #0 belongs to another model"))
    #expect(thrownError { try s.value(of: f.x + g.y) } != nil)
  }
}
