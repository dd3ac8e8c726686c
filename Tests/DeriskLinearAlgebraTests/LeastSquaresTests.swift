import DeriskLinearAlgebra
import DeriskTestSupport
import Testing

@Suite("Least squares through QR")
struct LeastSquaresTests {
  @Test("Line through (0,1), (1,3), (2,4): intercept 7/6, slope 3/2")
  func lineFit() throws {
    // Normal equations [[3,3],[3,5]] (c, m) = (8, 11): det 6, c = (40 − 33)/6 = 7/6, m = (33 − 24)/6 = 3/2.
    let a = try Matrix([[1, 0], [1, 1], [1, 2]])
    expectClose(try LeastSquares.solve(a, [1, 3, 4]), [7.0 / 6, 1.5], relative: 1e-14)
  }

  @Test("Underdetermined x₁ + x₂ = 2: minimum-norm solution (1, 1)")
  func minimumNorm() throws {
    // The minimum-norm solution lies in the row space: x = t(1, 1) with 2t = 2.
    expectClose(try LeastSquares.solve(try Matrix([[1, 1]]), [2]), [1, 1], relative: 1e-15)
  }

  @Test("Seeded random overdetermined problems: the residual is orthogonal to the columns", arguments: [(5, 3), (200, 50)])
  func randomOrthogonality(m: Int, n: Int) throws {
    // Optimality of least squares: Aᵀ(b − A x) = 0. Check ‖Aᵀ r‖ ≤ 1e-12 ‖A‖² ‖x‖ (backward stability of
    // Householder QR, Higham Thm 20.3), and that x solves the normal equations within the same size.
    var rng = SplitMix64(seed: 0x1EA57 &+ UInt64(m))
    let a = TestMatrices.random(rows: m, columns: n, using: &rng)
    let b = TestMatrices.randomVector(m, using: &rng)
    let x = try LeastSquares.solve(a, b)
    let ax = TestMatrices.naiveProduct(a, x)
    let r = zip(b, ax).map { $0 - $1 }
    let atr = TestMatrices.naiveProduct(a.transposed, r)
    let normA = TestMatrices.normOne(a)
    let scale = normA * normA * Vector.normInf(x) + normA * Vector.normInf(b)
    #expect(Vector.normInf(atr) / scale < 1e-13)
  }

  @Test("A consistent square system is solved exactly: ‖A x − b‖ / (‖A‖ ‖x‖) < 1e-12")
  func squareConsistent() throws {
    var rng = SplitMix64(seed: 42)
    let a = TestMatrices.randomDiagonallyDominant(30, using: &rng)
    let b = TestMatrices.randomVector(30, using: &rng)
    #expect(TestMatrices.relativeResidual(a, try LeastSquares.solve(a, b), b) < 1e-12)
  }

  @Test("Rank-deficient: a zero column (exact) and two equal columns (numerical) give rankDeficient(index: 2)")
  func rankDeficient() throws {
    // A zero second column stays zero under the first Householder reflector: R₂₂ = 0 exactly, which gels
    // itself reports.
    #expect(throws: FactorizationError.rankDeficient(index: 2)) {
      try LeastSquares.solve(try Matrix([[1, 0], [1, 0], [1, 0]]), [1, 2, 3])
    }
    // Two equal columns: in exact arithmetic R₂₂ = 0, in floating point R₂₂ is of rounding size and gels
    // returned x ≈ ±3.9e16 before Derisk checked the diagonal of R (found by this test).
    #expect(throws: FactorizationError.rankDeficient(index: 2)) {
      try LeastSquares.solve(try Matrix([[1, 1], [1, 1], [1, 1]]), [1, 2, 3])
    }
    // Underdetermined with equal rows: the L factor of the LQ factorization has L₂₂ ≈ 0.
    #expect(throws: FactorizationError.rankDeficient(index: 2)) {
      try LeastSquares.solve(try Matrix([[1, 2, 3], [1, 2, 3]]), [1, 1])
    }
  }

  @Test("Wrong input throws: b of the wrong length, NaN")
  func wrongInput() throws {
    let a = try Matrix([[1, 0], [0, 1], [1, 1]])
    #expect(throws: FactorizationError.self) { try LeastSquares.solve(a, [1, 2]) }
    #expect(throws: FactorizationError.self) { try LeastSquares.solve(a, [1, .nan, 2]) }
  }
}
