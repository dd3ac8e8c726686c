import DeriskSolvers
import Testing

/// Lowering small hand-built models to `QuadraticProgram`; every expected entry is derived by hand
/// in the comments from the model as written.
@Suite struct ModelLoweringTests {
  @Test func linearModelLowersToExactMatrixBoundsAndCosts() throws {
    var model = Model(name: "tiny")
    let x = try model.addVariable(name: "x", lower: 0, upper: 4)
    let y = try model.addVariable(name: "y")
    let z = try model.addVariable(name: "z", lower: 1)
    // c1: x + 2y − z + 3 ≤ 10  →  row [1, 2, −1], bounds (−∞, 7]   (constant 3 moved over)
    try model.addConstraint(x + 2 * y - z + 3, .lessOrEqual, 10, name: "c1")
    // c2: 4 ≤ 2x + x − y ≤ 9   →  row [3, −1, 0] (the two x terms summed), bounds [4, 9]
    try model.addConstraint(2 * x + x - y, lower: 4, upper: 9, name: "c2")
    // c3: y − y + z − 1 = 5    →  row [0, 0, 1] (y cancels and is dropped), bounds [6, 6]
    try model.addConstraint(y - y + z - 1, .equal, 5, name: "c3")
    // c4: 2 ≥ ... written as  −x ≥ −2  →  row [−1, 0, 0], bounds [−2, ∞)
    try model.addConstraint(-x, .greaterOrEqual, -2, name: "c4")
    // objective 3x − 2y + z + 7 + x  →  c = [4, −2, 1], c₀ = 7
    try model.setObjective(3 * x - 2 * y + z + 7 + x)

    let program = try model.lowered().program
    #expect(program.name == "tiny")
    #expect(program.sense == .minimize)
    #expect(program.columnCount == 3 && program.rowCount == 4)
    #expect(dense(program.constraintMatrix) == [[1, 2, -1], [3, -1, 0], [0, 0, 1], [-1, 0, 0]])
    #expect(program.constraintMatrix.nonzeroCount == 7)  // 3 + 2 + 1 + 1, the zero of c3 dropped
    #expect(program.rowLower == [-.infinity, 4, 6, -2])
    #expect(program.rowUpper == [7, 9, 6, .infinity])
    #expect(program.columnLower == [0, -.infinity, 1])
    #expect(program.columnUpper == [4, .infinity, .infinity])
    #expect(isClose(program.linearCost, [4, -2, 1]))
    #expect(isClose(program.objectiveConstant, 7))
    #expect(program.hessian == nil)
    #expect(program.columnNames == ["x", "y", "z"])
    #expect(program.rowNames == ["c1", "c2", "c3", "c4"])
    // The user's bounds are reported with the constant put back: c1 is x + 2y − z + 3 ≤ 10.
    let c1 = try #require(model.constraint(named: "c1"))
    let b = try model.bounds(of: c1)
    #expect(b.lower == -.infinity && isClose(b.upper, 10))
  }

  @Test func quadraticObjectiveUsesHalfXPXConvention() throws {
    var model = Model()
    let x = try model.addVariable(name: "x")
    let y = try model.addVariable(name: "y")
    // 3x² + 2xy = ½ [x y] P [x y]ᵀ with P = [[6, 2], [2, 0]]: P_xx = 2·3, P_yx = 2 (lower triangle only).
    try model.setObjective(3 * x * x + 2 * x * y + 5 * y - 1)
    let program = try model.lowered().program
    let P = try #require(program.hessian)
    #expect(P.nonzeroCount == 2)
    #expect(isClose(P[0, 0], 6) && isClose(P[1, 0], 2) && P[0, 1] == 0 && P[1, 1] == 0)
    #expect(isClose(program.linearCost, [0, 5]))
    #expect(isClose(program.objectiveConstant, -1))
  }

  @Test func crossTermsWrittenEitherWayLandInTheLowerTriangle() throws {
    var model = Model()
    let x = try model.addVariable()
    let y = try model.addVariable()
    // (x − y)² = x² − 2xy + y²  →  P = [[2, −2], [−2, 2]]; then + 0.5·y·x adds 0.5 to P_yx → −1.5.
    try model.setObjective((x - y) * (x - y) + 0.5 * y * x, sense: .minimize)
    let P = try #require(try model.lowered().program.hessian)
    #expect(dense(P) == [[2, 0], [-1.5, 2]])
  }

  @Test func loweredHessianReproducesTheQuadraticAsWritten() throws {
    // Cross-check of the ½xᵀPx convention at a point: q(x) computed term by term from the
    // expression must equal ½xᵀPx + cᵀx + c₀ computed from the lowered data.
    var model = Model()
    let v = try model.addVariables(count: 3, namePrefix: "v")
    let q = 2 * v[0] * v[0] - v[0] * v[2] + 4 * v[2] * v[1] + 1.5 * v[1] * v[1] + (v[0] + 2 * v[2]) * (3 * v[1] - 1) + 4
    try model.setObjective(q)
    let program = try model.lowered().program
    let P = try #require(program.hessian)
    let point = [0.3, -1.7, 2.9]
    var half = 0.0
    for t in P.triplets {
      let contribution = t.value * point[t.row] * point[t.column]
      half += t.row == t.column ? 0.5 * contribution : contribution  // off-diagonal counted twice, halved
    }
    let lowered = half + zip(program.linearCost, point).map(*).reduce(0, +) + program.objectiveConstant
    // Term-by-term value of q at the point (hand expansion of the written expression):
    let (a, b, c) = (point[0], point[1], point[2])
    let direct = 2 * a * a - a * c + 4 * c * b + 1.5 * b * b + (a + 2 * c) * (3 * b - 1) + 4
    #expect(isClose(lowered, direct, tolerance: 1e-13))
    let solution = try ModelSolution(
      result: SolveResult(termination: .optimal, primalStatus: .feasiblePoint, dualStatus: .feasiblePoint,
                          solution: Solution(x: point, rowDuals: [], reducedCosts: [], rowActivities: []),
                          info: SolveInfo()),
      model: model)
    #expect(isClose(try solution.value(of: q), direct, tolerance: 1e-13))
  }

  @Test func maximisationSenseIsPassedThrough() throws {
    var model = Model()
    let x = try model.addVariable(lower: 0, upper: 1)
    try model.setObjective(-(x * x) + 2 * x, sense: .maximize)
    let program = try model.lowered().program
    #expect(program.sense == .maximize)
    // −x² = ½ x (−2) x.
    #expect(isClose(try #require(program.hessian)[0, 0], -2))
    #expect(isClose(program.linearCost, [2]))
  }

  @Test func expressionArithmeticGivesTheHandExpandedCoefficients() throws {
    var model = Model()
    let x = try model.addVariable(name: "x")
    let y = try model.addVariable(name: "y")
    // 2 − (x − 3y)/2 + 4(y + 1) − x  =  −1.5x + 5.5y + 6  →  row [−1.5, 5.5], bounds (−∞, 10 − 6]
    let e = 2 - (x - 3 * y) / 2 + 4 * (y + 1) - x
    try model.addConstraint(e, .lessOrEqual, 10)
    var f = LinearExpression()
    f += x
    f -= 2 * y
    f *= 3
    f += 1
    // f = 3(x − 2y) + 1 = 3x − 6y + 1; ≥ 0  →  row [3, −6], bounds [−1, ∞)
    try model.addConstraint(f, .greaterOrEqual, 0)
    let program = try model.lowered().program
    #expect(dense(program.constraintMatrix) == [[-1.5, 5.5], [3, -6]])
    #expect(program.rowUpper[0] == 4 && program.rowLower[0] == -.infinity)
    #expect(program.rowLower[1] == -1 && program.rowUpper[1] == .infinity)
  }

  @Test func sumHelpersBuildTheSameRowAsRepeatedAddition() throws {
    var model = Model()
    let v = try model.addVariables(count: 4, lower: 0)
    // Σv − Σ(2, 0, −1, 3)·v + 1 = [−1, 1, 2, −2], constant 1
    let e = LinearExpression.sum(v) - (try LinearExpression.weightedSum([2, 0, -1, 3], v)) + 1
    try model.addConstraint(e, .equal, 1)
    let program = try model.lowered().program
    #expect(dense(program.constraintMatrix) == [[-1, 1, 2, -2]])
    #expect(program.rowLower == [0] && program.rowUpper == [0])
    #expect(thrownError { try LinearExpression.weightedSum([1, 2], v) } == .dimensionMismatch(
      "weightedSum: 2 weights for 4 variables"))
  }

  @Test func automaticNamesAreUniqueAndFindable() throws {
    var model = Model()
    let a = try model.addVariable(name: "x1")  // column 0 takes the name column 1 would get
    let b = try model.addVariable()             // column 1: "x1" is taken → "x1_1"
    let c = try model.addVariable()             // column 2: "x2"
    #expect(try model.name(of: a) == "x1" && model.name(of: b) == "x1_1" && model.name(of: c) == "x2")
    #expect(model.variable(named: "x1_1") == b)
    let r = try model.addConstraint(a + b, .lessOrEqual, 1)
    #expect(try model.name(of: r) == "r0")
    #expect(try model.lowered().program.columnNames == ["x1", "x1_1", "x2"])
    let named = try model.addVariables(count: 2, namePrefix: "flow", lower: 0, upper: 5)
    #expect(try model.name(of: named[1]) == "flow[1]" && named[1].index == 4)
    let bounds = try model.bounds(of: named[0])
    #expect(bounds.lower == 0 && bounds.upper == 5)
  }
}
