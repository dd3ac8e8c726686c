import DeriskLinearAlgebra
import DeriskTestSupport
import Foundation
import Testing

@Suite("Cholesky factorization A = L Lᵀ")
struct CholeskyTests {
  @Test("2×2 by hand: [[4,2],[2,3]] = L Lᵀ with L = [[2,0],[1,√2]]")
  func handWorked() throws {
    // Hand derivation: l11 = √4 = 2, l21 = 2/2 = 1, l22 = √(3 − 1²) = √2.
    let a = try Matrix([[4, 2], [2, 3]])
    let chol = try CholeskyFactorization(a)
    expectClose(chol.factor[0, 0], 2, relative: 1e-15)
    expectClose(chol.factor[1, 0], 1, relative: 1e-15)
    expectClose(chol.factor[1, 1], 2.0.squareRoot(), relative: 1e-15)
    // det A = 4·3 − 2·2 = 8.
    expectClose(chol.logDeterminant, log(8), relative: 1e-15)
    // A x = (8, 7) by Cramer: x1 = (8·3 − 2·7)/8 = 10/8, x2 = (4·7 − 2·8)/8 = 12/8.
    let x = try chol.solve([8, 7])
    expectClose(x, [1.25, 1.5], relative: 1e-15)
  }

  @Test("Symmetric Pascal matrix: L is the lower Pascal matrix of binomial coefficients, det = 1",
        arguments: [4, 8, 12])
  func pascal(n: Int) throws {
    // Known identity (Edelman & Strang, "Pascal matrices", Amer. Math. Monthly 111 (2004)): S = L Lᵀ,
    // Lᵢⱼ = C(i, j), hence det S = 1. The entries are integers below 2⁵³ for n ≤ 12 (S₁₁,₁₁ = C(22,11)),
    // but S is ill-conditioned, so compare L with a tolerance growing with its largest entry.
    let chol = try CholeskyFactorization(TestMatrices.pascal(n))
    let expected = TestMatrices.pascalLower(n)
    for j in 0..<n {
      for i in j..<n {
        #expect(abs(chol.factor[i, j] - expected[i, j]) <= 1e-9 * max(1, expected[i, j]),
                "L[\(i),\(j)] = \(chol.factor[i, j]), expected \(expected[i, j])")
      }
    }
    #expect(abs(chol.logDeterminant) <= 1e-8, "log det S = \(chol.logDeterminant), expected 0")
  }

  @Test("Hilbert H4: det = 1/6048000 and the solve recovers the exact integer inverse")
  func hilbert4() throws {
    // det H4 = 1/6048000 (Hilbert 1894; product formula det Hₙ = c⁴ₙ / c₂ₙ with cₙ = Π_{k<n} k!).
    let h = TestMatrices.hilbert(4)
    let chol = try CholeskyFactorization(h)
    expectClose(chol.logDeterminant, -log(6_048_000), relative: 1e-12)
    // H4⁻¹ has integer entries (Choi 1983): first row 16, −120, 240, −140. κ₂(H4) ≈ 1.6e4, so ~1e-12 relative.
    let inverse = try chol.solve(Matrix.identity(4))
    expectClose(inverse.row(0), [16, -120, 240, -140], relative: 1e-11)
    expectClose(inverse.storage, TestMatrices.hilbertInverse(4).storage, relative: 1e-11)
  }

  @Test("Seeded random SPD systems: ‖A x − b‖ / (‖A‖ ‖x‖) < 1e-12", arguments: [1, 7, 50, 200])
  func randomResidual(n: Int) throws {
    // Cholesky is backward stable (Higham, Accuracy and Stability, Thm 10.4): the residual is O(n u).
    var rng = SplitMix64(seed: 0xC401 &+ UInt64(n))
    let a = TestMatrices.randomSPD(n, using: &rng)
    let b = TestMatrices.randomVector(n, using: &rng)
    let chol = try CholeskyFactorization(a)
    let x = try chol.solve(b)
    #expect(TestMatrices.relativeResidual(a, x, b) < 1e-12)
    // The in-place path and the many-right-hand-sides path give the same x.
    var y = b
    chol.solveInPlace(&y)
    expectClose(y, x, relative: 1e-14)
    let X = try chol.solve(try Matrix(rows: n, columns: 1, columnMajor: b))
    expectClose(X.storage, x, relative: 1e-14)
  }

  @Test("Not positive definite: the failing leading minor is reported")
  func notPositiveDefinite() throws {
    // [[1,2],[2,1]]: minor 1 is 1 > 0, minor 2 is 1 − 4 = −3 < 0.
    #expect(throws: FactorizationError.notPositiveDefinite(leadingMinor: 2)) {
      try CholeskyFactorization(try Matrix([[1, 2], [2, 1]]))
    }
    // diag(1, 2, −3, 4): the third leading minor is the first that is not positive.
    #expect(throws: FactorizationError.notPositiveDefinite(leadingMinor: 3)) {
      try CholeskyFactorization(Matrix.diagonal([1, 2, -3, 4]))
    }
    // A zero first pivot fails at minor 1.
    #expect(throws: FactorizationError.notPositiveDefinite(leadingMinor: 1)) {
      try CholeskyFactorization(try Matrix([[0, 1], [1, 5]]))
    }
  }

  @Test("Wrong input throws: non-square, NaN, ∞, wrong right-hand side")
  func wrongInput() throws {
    #expect(throws: FactorizationError.self) { try CholeskyFactorization(Matrix(rows: 2, columns: 3)) }
    var nan = Matrix.identity(3)
    nan[1, 0] = .nan
    #expect(throws: FactorizationError.self) { try CholeskyFactorization(nan) }
    var inf = Matrix.identity(3)
    inf[2, 2] = .infinity
    #expect(throws: FactorizationError.self) { try CholeskyFactorization(inf) }
    let chol = try CholeskyFactorization(Matrix.identity(3))
    #expect(throws: FactorizationError.self) { try chol.solve([1, 2]) }
    #expect(throws: FactorizationError.self) { try chol.solve([1, .nan, 2]) }
    #expect(throws: FactorizationError.self) { try chol.solve(Matrix(rows: 2, columns: 2)) }
  }

  @Test("Reciprocal condition: identity gives 1, Hilbert H8 gives about 1/κ₁ = 1/3.387e10")
  func reciprocalCondition() throws {
    // rcond(I) = 1 / (‖I‖₁ ‖I‖₁) = 1 exactly.
    expectClose(try CholeskyFactorization(Matrix.identity(5)).reciprocalCondition(), 1, relative: 1e-15)
    // κ₁(H8) = 33872791095 from the exact rational inverse (Tests/Fixtures/LinearAlgebra/hilbert.txt).
    // pocon estimates ‖A⁻¹‖₁ from below (Hager/Higham), so rcond ≥ 1/κ₁ up to rounding; for Hilbert
    // matrices the estimate is sharp in practice. Accept a factor 3 either way.
    let reference = try keyValueFixture("LinearAlgebra/hilbert.txt")
    let kappa = try #require(reference["cond1.H8"])
    let rcond = try CholeskyFactorization(TestMatrices.hilbert(8)).reciprocalCondition()
    #expect(rcond > 1 / (3 * kappa) && rcond < 3 / kappa, "rcond \(rcond), 1/κ₁ = \(1 / kappa)")
  }

  @Test("Empty matrix: order 0 factors, solves and has rcond 1")
  func empty() throws {
    let chol = try CholeskyFactorization(Matrix(rows: 0, columns: 0))
    #expect(try chol.solve([]) == [])
    #expect(try chol.reciprocalCondition() == 1)
    #expect(chol.logDeterminant == 0)
  }
}
