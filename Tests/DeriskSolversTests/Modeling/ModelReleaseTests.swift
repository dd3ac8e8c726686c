import DeriskSolvers
import Testing

/// `solveReleasingBuildData` solves the same program as `solve` and then keeps only what reading the
/// solution back needs (hand-built two-scenario model).
@Suite struct ModelReleaseTests {
  /// minimise 0.9·buy + 0.5·r₀ + 0.5·r₁  s.t.  buy + r₀ ≥ 10, buy + r₁ ≥ 11, buy ≤ 8, all ≥ 0.
  /// By hand: each unit bought saves 0.5 + 0.5 = 1 > 0.9 while both scenarios are short, so buy = 8
  /// (the budget binds), r₀ = 2, r₁ = 3, objective 7.2 + 1 + 1.5 = 9.7; the budget's dual is
  /// 0.9 − 1 = −0.1 and each demand row's dual 0.5.
  func twoScenarioModel() throws -> (Model, buy: Variable, budget: Constraint, demand: [Constraint]) {
    var model = Model()
    let buy = try model.addVariable(name: "buy", lower: 0, block: .firstStage)
    var recourse: [Variable] = [], demand: [Constraint] = []
    for s in 0..<2 {
      let r = try model.addVariable(name: "recourse[\(s)]", lower: 0, block: .scenario(s))
      recourse.append(r)
      demand.append(try model.addConstraint(buy + r, .greaterOrEqual, Double(10 + s), name: "demand[\(s)]", block: .scenario(s)))
    }
    let budget = try model.addConstraint(buy, .lessOrEqual, 8, name: "budget", block: .firstStage)
    try model.setObjective(0.9 * buy + 0.5 * recourse[0] + 0.5 * recourse[1])
    return (model, buy, budget, demand)
  }

  @Test func releasedSolveMatchesSolveAndReadsBackByHandle() throws {
    var (model, buy, budget, demand) = try twoScenarioModel()
    let reference = try model.solve()
    let released = try model.solveReleasingBuildData()
    #expect(released.termination == .optimal)
    #expect(isClose(released.objective, 9.7, tolerance: 1e-6))
    #expect(isClose(try released.value(of: buy), 8, tolerance: 1e-6))
    #expect(isClose(try released.dual(of: budget), -0.1, tolerance: 1e-6))
    #expect(isClose(try released.dual(of: demand[1]), 0.5, tolerance: 1e-6))
    #expect(isClose(try released.slack(of: demand[0]), 0, tolerance: 1e-6))
    // The same program is solved: the same iterates, bit for bit.
    #expect(released.result.solution.x == reference.result.solution.x)
    #expect(released.result.solution.rowDuals == reference.result.solution.rowDuals)
    #expect(model.variableCount == 3 && model.constraintCount == 3)
    #expect(try model.bounds(of: buy) == (lower: 0, upper: .infinity))
  }

  @Test func releasedModelRefusesWhatNeedsNamesOrRows() throws {
    var (model, buy, budget, _) = try twoScenarioModel()
    _ = try model.solveReleasingBuildData()
    #expect(model.variable(named: "buy") == nil)
    #expect(model.constraint(named: "budget") == nil)
    #expect(thrownError { try model.name(of: buy) }
      == .invalid("name(of:): the model's names, rows and objective were released after its solve"))
    #expect(thrownError { try model.expression(of: budget) }
      == .invalid("expression(of:): the model's names, rows and objective were released after its solve"))
    #expect(thrownError { try model.lowered() }
      == .invalid("lowered: the model's names, rows and objective were released after its solve"))
    #expect(thrownError { try model.addVariable(name: "more") }
      == .invalid("addVariable: the model's names, rows and objective were released after its solve"))
  }

  /// A row of scenario 0 that uses scenario 1's variable: both paths throw the structure error naming them.
  @Test func structureErrorStillNamesRowAndColumn() throws {
    var model = Model()
    let a = try model.addVariable(name: "a", lower: 0, block: .scenario(0))
    let b = try model.addVariable(name: "b", lower: 0, block: .scenario(1))
    try model.addConstraint(a + b, .greaterOrEqual, 1, name: "mixed", block: .scenario(0))
    try model.addConstraint(b, .greaterOrEqual, 1, name: "own", block: .scenario(1))
    try model.setObjective(a + b)
    func problemError(_ body: () throws -> ModelSolution) -> ProblemError? {
      do { _ = try body(); return nil } catch { return error as? ProblemError }
    }
    let expected = ProblemError.invalid(
      "row mixed (block 1) touches column b of block 2: a row may use only its own block's columns and first-stage columns")
    #expect(problemError { try model.solve() } == expected)
    #expect(problemError { try model.solveReleasingBuildData() } == expected)
  }

  /// A partly labelled model (row "c" unlabelled): the released path, which lowers without names, throws the
  /// error naming the row and the labelled one, as `solve` does.
  @Test func missingLabelErrorStillNamesTheRows() throws {
    var model = Model()
    let x = try model.addVariable(name: "x", lower: 0, block: .firstStage)
    try model.addConstraint(x, .lessOrEqual, 1, name: "cap", block: .firstStage)
    try model.addConstraint(x, .greaterOrEqual, 0, name: "c")
    let expected = ModelError.missingBlockLabel("constraint 'c' has no block label, but constraint 'cap' has one; label all or none")
    #expect(thrownError { try model.solve() } == expected)
    #expect(thrownError { try model.solveReleasingBuildData() } == expected)
  }

  /// `reserveCapacity` is a hint: a model that reserved (before and in the middle of building, with counts
  /// too small and too large) lowers to the same program and finds the same names as one that did not.
  @Test func reservingCapacityChangesNothingBuilt() throws {
    let (plain, _, _, _) = try twoScenarioModel()
    var reserved = Model()
    reserved.reserveCapacity(variables: 1, constraints: 100, terms: 0)
    let buy = try reserved.addVariable(name: "buy", lower: 0, block: .firstStage)
    var recourse: [Variable] = []
    for s in 0..<2 {
      reserved.reserveCapacity(variables: 50, constraints: 1, terms: 7)
      let r = try reserved.addVariable(name: "recourse[\(s)]", lower: 0, block: .scenario(s))
      recourse.append(r)
      _ = try reserved.addConstraint(buy + r, .greaterOrEqual, Double(10 + s), name: "demand[\(s)]", block: .scenario(s))
    }
    _ = try reserved.addConstraint(buy, .lessOrEqual, 8, name: "budget", block: .firstStage)
    try reserved.setObjective(0.9 * buy + 0.5 * recourse[0] + 0.5 * recourse[1])
    #expect(try reserved.lowered().program == plain.lowered().program)
    #expect(reserved.variable(named: "recourse[1]") == recourse[1])
    #expect(reserved.constraint(named: "budget") != nil)
    #expect(throws: ModelError.self) { try reserved.addVariable(name: "buy", lower: 0) }
  }
}
