import DeriskLinearAlgebra
import DeriskTestSupport
import Testing

@Suite("LU factorization P A = L U")
struct LUTests {
  @Test("2×2 by hand: [[0,1],[2,3]] pivots, det = −2")
  func handWorked() throws {
    // a₁₁ = 0 forces a row swap: P A = [[2,3],[0,1]] = L U with L = I, U = [[2,3],[0,1]].
    let lu = try LUFactorization(try Matrix([[0, 1], [2, 3]]))
    #expect(lu.pivots == [2, 2])
    expectClose(lu.determinant, -2, relative: 1e-15)
    // x from 0·x₁ + x₂ = 1, 2x₁ + 3x₂ = 5 → x₂ = 1, x₁ = 1.
    expectClose(try lu.solve([1, 5]), [1, 1], relative: 1e-15)
    // Aᵀ y = (2, 4): 2y₂ = 2, y₁ + 3y₂ = 4 → y = (1, 1).
    expectClose(try lu.solve([2, 4], transpose: true), [1, 1], relative: 1e-15)
  }

  @Test("3×3 by hand: det [[2,1,1],[4,−6,0],[−2,7,2]] = −16")
  func threeByThree() throws {
    // Strang, Linear Algebra and Its Applications, §1.5 example; cofactor expansion along row 1:
    // 2(−12 − 0) − 1(8 − 0) + 1(28 − 12) = −24 − 8 + 16 = −16. The solution of A x = (5, −2, 9) is (1, 1, 2).
    let a = try Matrix([[2, 1, 1], [4, -6, 0], [-2, 7, 2]])
    let lu = try LUFactorization(a)
    expectClose(lu.determinant, -16, relative: 1e-14)
    expectClose(try lu.solve([5, -2, 9]), [1, 1, 2], relative: 1e-14)
  }

  @Test("Hilbert Hₙ: det H4 = 1/6048000 and the exact integer inverse", arguments: [4, 6])
  func hilbert(n: Int) throws {
    // det Hₙ = cₙ⁴ / c₂ₙ with cₙ = 1!·2!·…·(n−1)! (Hilbert 1894): det H4 = 1/6048000,
    // det H6 = 1/186313420339200000. Inverse entries: Choi (1983), see TestMatrices.hilbertInverse.
    let expectedDeterminant = n == 4 ? 1 / 6_048_000.0 : 1 / 186_313_420_339_200_000.0
    let lu = try LUFactorization(TestMatrices.hilbert(n))
    expectClose(lu.determinant, expectedDeterminant, relative: 1e-9)
    // κ∞(H6) ≈ 2.9e7: the computed inverse carries about κ·u ≈ 1e-8 relative error.
    expectClose(try lu.inverse().storage, TestMatrices.hilbertInverse(n).storage, relative: n == 4 ? 1e-11 : 1e-7)
  }

  @Test("Pascal matrix: det = 1", arguments: [5, 10])
  func pascal(n: Int) throws {
    // det S = det L · det Lᵀ = 1 (Edelman & Strang 2004). S₁₀ has κ ≈ 1e10, so the product of pivots
    // is 1 only to about κ·u.
    let lu = try LUFactorization(TestMatrices.pascal(n))
    expectClose(lu.determinant, 1, relative: n == 5 ? 1e-12 : 1e-5)
  }

  @Test("Seeded random systems: ‖A x − b‖ / (‖A‖ ‖x‖) < 1e-12, also for Aᵀ", arguments: [1, 10, 100, 300])
  func randomResidual(n: Int) throws {
    // Partial pivoting is backward stable for these well-conditioned matrices (growth factor small).
    var rng = SplitMix64(seed: 0x10 &+ UInt64(n))
    let a = TestMatrices.randomDiagonallyDominant(n, using: &rng)
    let b = TestMatrices.randomVector(n, using: &rng)
    let lu = try LUFactorization(a)
    #expect(TestMatrices.relativeResidual(a, try lu.solve(b), b) < 1e-12)
    #expect(TestMatrices.relativeResidual(a.transposed, try lu.solve(b, transpose: true), b) < 1e-12)
    // A A⁻¹ = I.
    let product = TestMatrices.naiveProduct(a, try lu.inverse())
    #expect(relativeError(product.storage, Matrix.identity(n).storage) < 1e-12)
  }

  @Test("Singular matrix: the zero pivot is reported")
  func singular() throws {
    // [[1,2],[2,4]]: pivot row 2, multiplier 1/2, u₂₂ = 2 − ½·4 = 0 exactly.
    #expect(throws: FactorizationError.singular(pivot: 2)) {
      try LUFactorization(try Matrix([[1, 2], [2, 4]]))
    }
    // A zero first column: u₁₁ = 0. getrf keeps going and reports the first zero pivot.
    #expect(throws: FactorizationError.singular(pivot: 1)) {
      try LUFactorization(try Matrix([[0, 1, 2], [0, 3, 4], [0, 5, 7]]))
    }
    // Rows 1 and 3 equal: third pivot zero (hand elimination on [[1,2,3],[0,1,4],[1,2,3]]).
    #expect(throws: FactorizationError.singular(pivot: 3)) {
      try LUFactorization(try Matrix([[1, 2, 3], [0, 1, 4], [1, 2, 3]]))
    }
  }

  @Test("Wrong input throws: non-square, NaN, wrong right-hand side")
  func wrongInput() throws {
    #expect(throws: FactorizationError.self) { try LUFactorization(Matrix(rows: 1, columns: 2)) }
    var nan = Matrix.identity(2)
    nan[1, 1] = -.infinity
    #expect(throws: FactorizationError.self) { try LUFactorization(nan) }
    let lu = try LUFactorization(Matrix.identity(2))
    #expect(throws: FactorizationError.self) { try lu.solve([1]) }
    #expect(throws: FactorizationError.self) { try lu.solve([.nan, 1]) }
  }

  @Test("Reciprocal condition: identity gives 1, Hilbert H8 close to 1/κ₁ = 1/3.387e10")
  func reciprocalCondition() throws {
    expectClose(try LUFactorization(Matrix.identity(6)).reciprocalCondition(), 1, relative: 1e-15)
    // κ₁(H8) = 33872791095 (exact, Tests/Fixtures/LinearAlgebra/hilbert.txt); the estimate is a lower
    // bound on κ, usually sharp; accept a factor 3.
    let kappa = try #require(try keyValueFixture("LinearAlgebra/hilbert.txt")["cond1.H8"])
    let rcond = try LUFactorization(TestMatrices.hilbert(8)).reciprocalCondition()
    #expect(rcond > 1 / (3 * kappa) && rcond < 3 / kappa, "rcond \(rcond), 1/κ₁ = \(1 / kappa)")
  }
}
