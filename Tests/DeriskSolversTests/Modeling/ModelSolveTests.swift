import DeriskSolvers
import Testing

/// The README's modeling example, solved for real.
struct ModelSolveTests {
  /// min 4A + 5B + 0.01B² s.t. A + B ≥ 100, B − ½A ≤ 30, 0 ≤ A ≤ 60, B ≥ 0.
  /// A is cheaper, so A = 60 (its bound); then B = 40 (concentration allows up to 60).
  /// Objective 240 + 200 + 16 = 456. The demand dual is B's marginal cost 5 + 0.02·40 = 5.8,
  /// A's reduced cost 4 − 5.8 = −1.8 (its upper bound is active).
  @Test func readmeExampleSolvesToTheHandAnswer() throws {
    var model = Model(name: "sourcing")
    let fromA = try model.addVariable(name: "fromA", lower: 0, upper: 60)
    let fromB = try model.addVariable(name: "fromB", lower: 0)
    let demand = try model.addConstraint(fromA + fromB, .greaterOrEqual, 100, name: "demand")
    let concentration = try model.addConstraint(fromB - 0.5 * fromA, .lessOrEqual, 30, name: "concentration")
    try model.setObjective(4 * fromA + 5 * fromB + 0.01 * fromB * fromB)
    let solution = try model.solve()
    #expect(solution.termination == .optimal)
    #expect(abs(solution.objective - 456) < 1e-8 * 456)  // the solver's default relative gap tolerance
    #expect(abs(try solution.value(of: fromA) - 60) < 1e-6)
    #expect(abs(try solution.value(of: fromB) - 40) < 1e-6)
    #expect(abs(try solution.dual(of: demand) - 5.8) < 1e-6)
    #expect(abs(try solution.dual(of: concentration)) < 1e-6)
    #expect(abs(try solution.reducedCost(of: fromA) - (-1.8)) < 1e-6)
  }
}
