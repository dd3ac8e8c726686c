import DeriskSolvers
import Testing

/// Building and lowering must be linear in the number of terms. This asserts the counts of a
/// 200 000-variable, 600 000-term model (a quadratic-time build would not finish in the test's
/// lifetime); it does not time it.
@Suite struct ModelScaleTests {
  @Test func largeModelLowersWithAllTermsAccountedFor() throws {
    let n = 200_000
    var model = Model()
    let x = try model.addVariables(count: n, namePrefix: "x", lower: 0, upper: 1)
    // Row i: x_i + x_{i+1} + 2 x_{i+2} ≤ 3 (indices mod n): 3 terms per row, 600 000 in all.
    for i in 0..<n {
      try model.addConstraint(x[i] + x[(i + 1) % n] + 2 * x[(i + 2) % n], .lessOrEqual, 3)
    }
    // One objective with 600 000 terms built with +=: each x_j appears 3 times (1 + 2 + 3 = 6)
    // and x_j² once with coefficient 0.5 (→ P_jj = 1).
    var objective = QuadraticExpression()
    objective.linear.reserveCapacity(3 * n)
    for j in 0..<n {
      objective += x[j]
      objective += 2 * x[j]
      objective += 3 * x[j]
      objective += 0.5 * x[j] * x[j]
    }
    try model.setObjective(objective)
    #expect(objective.linear.termCount == 3 * n)

    let program = try model.lowered().program
    #expect(program.columnCount == n && program.rowCount == n)
    #expect(program.constraintMatrix.nonzeroCount == 3 * n)
    #expect(program.constraintMatrix[0, 0] == 1 && program.constraintMatrix[0, 2] == 2)
    #expect(program.constraintMatrix[n - 1, 0] == 1 && program.constraintMatrix[n - 1, 1] == 2)  // wrap-around
    #expect(program.linearCost.allSatisfy { $0 == 6 })
    let P = try #require(program.hessian)
    #expect(P.nonzeroCount == n && P[n - 1, n - 1] == 1)
    #expect(program.columnNames[n - 1] == "x[199999]")
  }
}
