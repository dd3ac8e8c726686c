import DeriskLinearAlgebra
import DeriskTestSupport
import Testing

@Suite("Symmetric indefinite factorization P A Pᵀ = L D Lᵀ")
struct LDLTTests {
  @Test("Diagonal matrix: D = A, inertia counts the signs")
  func diagonal() throws {
    // For a diagonal A no pivoting happens and D is A itself (hand derivation).
    let ldl = try LDLTFactorization(Matrix.diagonal([3, -2, 5, -1, 4]))
    #expect(ldl.inertia == (positive: 3, negative: 2, zero: 0))
    // x = A⁻¹ b elementwise: (3/3, −4/−2, 10/5, 1/−1, 2/4).
    expectClose(try ldl.solve([3, -4, 10, 1, 2]), [1, 2, 2, -1, 0.5], relative: 1e-15)
  }

  @Test("[[0,1],[1,0]] needs a 2×2 pivot block: inertia (1, 1, 0)")
  func twoByTwoBlock() throws {
    // Eigenvalues ±1 (hand derivation); Bunch–Kaufman must take a 2×2 block since a₁₁ = 0.
    let ldl = try LDLTFactorization(try Matrix([[0, 1], [1, 0]]))
    #expect(ldl.pivots[0] < 0 && ldl.pivots[1] < 0, "pivots \(ldl.pivots) should mark a 2×2 block")
    #expect(ldl.inertia == (positive: 1, negative: 1, zero: 0))
    // The system swaps: x = (b₂, b₁).
    expectClose(try ldl.solve([3, 7]), [7, 3], relative: 1e-15)
  }

  @Test("KKT matrix [[H, Aᵀ],[A, 0]] with H SPD n×n and A full rank m×n has inertia (n, m, 0)",
        arguments: [(5, 2), (20, 7), (60, 30)])
  func kktInertia(n: Int, m: Int) throws {
    // Gould, "On practical conditions for the existence and uniqueness of solutions to the general
    // equality quadratic programming problem" (1985): inertia(K) = (n, m, 0) when H is positive definite
    // and A has full row rank.
    var rng = SplitMix64(seed: 0x1D17 &+ UInt64(n * 100 + m))
    let h = TestMatrices.randomSPD(n, using: &rng)
    let a = TestMatrices.random(rows: m, columns: n, using: &rng)
    var k = Matrix(rows: n + m, columns: n + m)
    for j in 0..<n { for i in 0..<n { k[i, j] = h[i, j] } }
    for j in 0..<n { for i in 0..<m { k[n + i, j] = a[i, j]; k[j, n + i] = a[i, j] } }
    let ldl = try LDLTFactorization(k)
    #expect(ldl.inertia == (positive: n, negative: m, zero: 0))
    let b = TestMatrices.randomVector(n + m, using: &rng)
    let x = try ldl.solve(b)
    #expect(TestMatrices.relativeResidual(k, x, b) < 1e-12)
  }

  @Test("Seeded random symmetric indefinite systems: ‖A x − b‖ / (‖A‖ ‖x‖) < 1e-12", arguments: [3, 40, 150])
  func randomResidual(n: Int) throws {
    // Bunch–Kaufman is normwise backward stable in practice (Higham, Accuracy and Stability, §11.1).
    var rng = SplitMix64(seed: 0x5EED &+ UInt64(n))
    var a = TestMatrices.random(rows: n, columns: n, using: &rng)
    a.symmetrizeFromLower()
    for i in 0..<n { a[i, i] += i % 2 == 0 ? 2 : -2 }  // keep it away from singular, and indefinite
    let b = TestMatrices.randomVector(n, using: &rng)
    let ldl = try LDLTFactorization(a)
    let x = try ldl.solve(b)
    #expect(TestMatrices.relativeResidual(a, x, b) < 1e-12)
    var y = b
    ldl.solveInPlace(&y)
    expectClose(y, x, relative: 1e-14)
    // Inertia agrees with the signs of the eigenvalues (Sylvester's law of inertia).
    let eigen = try SymmetricEigendecomposition(a, computeVectors: false)
    let positive = eigen.eigenvalues.filter { $0 > 0 }.count
    #expect(ldl.inertia.positive == positive && ldl.inertia.negative == n - positive)
  }

  @Test("Singular matrix: the zero pivot is reported")
  func singular() throws {
    // [[1,1],[1,1]]: D₁ = 1, then D₂ = 1 − 1·1 = 0 exactly (hand derivation; no pivoting since |a₁₁| is
    // the largest in its column).
    #expect(throws: FactorizationError.singular(pivot: 2)) {
      try LDLTFactorization(try Matrix([[1, 1], [1, 1]]))
    }
    // The zero matrix fails at its first pivot.
    #expect(throws: FactorizationError.singular(pivot: 1)) {
      try LDLTFactorization(Matrix(rows: 3, columns: 3))
    }
  }

  @Test("Wrong input throws: non-square, NaN, wrong right-hand side")
  func wrongInput() throws {
    #expect(throws: FactorizationError.self) { try LDLTFactorization(Matrix(rows: 3, columns: 2)) }
    var nan = Matrix.identity(2)
    nan[0, 0] = .nan
    #expect(throws: FactorizationError.self) { try LDLTFactorization(nan) }
    let ldl = try LDLTFactorization(Matrix.identity(2))
    #expect(throws: FactorizationError.self) { try ldl.solve([1, 2, 3]) }
  }

  @Test("Reciprocal condition: identity gives 1, diag(1, −1e-6) gives 1e-6")
  func reciprocalCondition() throws {
    expectClose(try LDLTFactorization(Matrix.identity(4)).reciprocalCondition(), 1, relative: 1e-15)
    // ‖A‖₁ = 1, ‖A⁻¹‖₁ = 1e6: κ₁ = 1e6 exactly, and the estimator is exact for diagonal matrices.
    expectClose(try LDLTFactorization(Matrix.diagonal([1, -1e-6])).reciprocalCondition(), 1e-6, relative: 1e-12)
  }
}
