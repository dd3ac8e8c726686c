import DeriskSolvers
import Testing

/// The gap `OptimalityCheck` judges by: the multipliers' terms of P − D summed in absolute value, so that a
/// violated row cannot cancel the slack it should be weighed against.
struct OptimalityCheckTests {
  /// The LP of both tests (see the first's comment).
  static func problem(M: Double) throws -> QuadraticProgram {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, -1)])
    return QuadraticProgram(linearCost: [1 + M, 1 - M], constraintMatrix: A, rowLower: [2, 0],
                            rowUpper: [.infinity, 0], columnLower: [0, 0], columnUpper: [.infinity, .infinity])
  }

  /// min (1 + M)x₁ + (1 − M)x₂  s.t.  x₁ + x₂ ≥ 2,  x₁ − x₂ = 0,  x ≥ 0, with M = 1000. On the row x₁ = x₂ the
  /// objective is 2x₁, so the optimum is 2 at (1, 1), with y = (1, M) from c = Aᵀy.
  ///
  /// The point x = (1 − ε, 1 + ε) violates the equality by 2ε; with y = (1 − δ, M) the reduced costs are
  /// z = c − Aᵀy = (δ, δ) ≥ 0. Then P = 2 − 2Mε and D = 2(1 − δ), equal when δ = Mε: the signed gap is zero
  /// while both objectives are 2Mε below the optimum. The terms of P − D are −2Mε (the violated row,
  /// y₂ · (x₁ − x₂)) and 2δ (the columns, zⱼxⱼ), so the absolute sum is 4Mε.
  @Test func violatedRowCannotCancelTheGap() throws {
    let M = 1000.0, epsilon = 1e-9, delta = M * epsilon
    let problem = try Self.problem(M: M)
    let check = OptimalityCheck(problem: problem, x: [1 - epsilon, 1 + epsilon], rowDuals: [1 - delta, M])
    #expect(abs(check.primalObjective - (2 - 2 * M * epsilon)) < 1e-12)
    #expect(abs(check.primalObjective - check.dualObjective) < 1e-12)
    // Row x₁ − x₂ = 0 is off by 2ε against terms of size 2: 2ε / 3 = 6.7e-10, within the 1e-8 tolerance.
    #expect(abs(check.relativePrimalResidual - 2 * epsilon / 3) < 1e-15)
    #expect(check.relativeDualResidual == 0)
    // 4Mε / (1 + max(|P|, |D|)) = 4e-6 / (3 − 2e-6).
    #expect(abs(check.relativeGap - 4 * M * epsilon / (3 - 2 * M * epsilon)) < 1e-12)
    #expect(check.judged(by: InteriorPointSettings()).status != .optimal)
  }

  /// At a feasible point every term is non-negative and the absolute sum is P − D itself.
  @Test func feasiblePointGapIsTheObjectiveGap() throws {
    let M = 1000.0, delta = 1e-6
    let problem = try Self.problem(M: M)
    let check = OptimalityCheck(problem: problem, x: [1, 1], rowDuals: [1 - delta, M])
    // P = 2, D = 2(1 − δ): gap 2δ / 3, the columns' terms δ·1 + δ·1.
    #expect(abs(check.relativeGap - 2 * delta / 3) < 1e-15)
    #expect(abs(check.relativeGap - (check.primalObjective - check.dualObjective) / 3) < 1e-15)
  }
}
