import DeriskLinearAlgebra
import DeriskTestSupport
import Foundation
import Testing

@Suite("Symmetric eigendecomposition A = V Λ Vᵀ")
struct SymmetricEigenTests {
  @Test("[[2,1],[1,2]]: eigenvalues 1 and 3, eigenvectors (1,−1)/√2 and (1,1)/√2")
  func handWorked() throws {
    // Characteristic polynomial (2 − λ)² − 1 = 0 → λ = 1, 3.
    let eigen = try SymmetricEigendecomposition(try Matrix([[2, 1], [1, 2]]))
    expectClose(eigen.eigenvalues, [1, 3], relative: 1e-15)
    let v = try #require(eigen.eigenvectors)
    let s = 1 / 2.0.squareRoot()
    // Eigenvectors are unique up to sign: compare |entries| and the sign pattern.
    expectClose(v.column(0).map(abs), [s, s], relative: 1e-15)
    #expect(v[0, 0] * v[1, 0] < 0, "first eigenvector should be ±(1, −1)/√2")
    #expect(v[0, 1] * v[1, 1] > 0, "second eigenvector should be ±(1, 1)/√2")
  }

  @Test("tridiag(−1, 2, −1) of order n: λₖ = 2 − 2 cos(kπ/(n+1))", arguments: [3, 10, 64])
  func secondDifference(n: Int) throws {
    // The discrete Laplacian's eigenvalues are known in closed form (e.g. Strang, Computational
    // Science and Engineering, §1.5).
    var a = Matrix(rows: n, columns: n)
    for i in 0..<n {
      a[i, i] = 2
      if i + 1 < n { a[i + 1, i] = -1; a[i, i + 1] = -1 }
    }
    let eigen = try SymmetricEigendecomposition(a, computeVectors: false)
    #expect(eigen.eigenvectors == nil)
    let expected = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }
    // Eigenvalues of a symmetric matrix are perfectly conditioned: absolute error O(u ‖A‖), ‖A‖ ≤ 4.
    for (computed, exact) in zip(eigen.eigenvalues, expected) {
      #expect(abs(computed - exact) <= 1e-14, "λ = \(computed), expected \(exact)")
    }
  }

  @Test("Hilbert H5 and H8: eigenvalues match 50-digit reference values", arguments: [5, 8])
  func hilbert(n: Int) throws {
    // Reference: Tests/Fixtures/LinearAlgebra/hilbert.txt (mpmath eigsy at 50 digits).
    let reference = try keyValueFixture("LinearAlgebra/hilbert.txt")
    let expected = try (0..<n).map { k in try #require(reference["eigenvalue.H\(n).\(k)"]) }
    let eigen = try SymmetricEigendecomposition(TestMatrices.hilbert(n))
    // Weyl: |λ̂ − λ| ≤ ‖E‖₂ with a backward error E of order u ‖H‖₂ ≈ 2e-16 · 1.7.
    for (computed, exact) in zip(eigen.eigenvalues, expected) {
      #expect(abs(computed - exact) <= 1e-14 * expected[n - 1], "λ = \(computed), expected \(exact)")
    }
  }

  @Test("Seeded random symmetric matrices: ‖A V − V Λ‖ and ‖VᵀV − I‖ are O(u)", arguments: [4, 50, 200])
  func randomDecomposition(n: Int) throws {
    // Backward stability of syevd (LAPACK Users' Guide §4.7): residual ≤ p(n) u ‖A‖, orthogonality ≤ p(n) u.
    var rng = SplitMix64(seed: 0xE16E &+ UInt64(n))
    var a = TestMatrices.random(rows: n, columns: n, using: &rng)
    a.symmetrizeFromLower()
    let eigen = try SymmetricEigendecomposition(a)
    let v = try #require(eigen.eigenvectors)
    #expect(zip(eigen.eigenvalues, eigen.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 }, "ascending order")
    let av = TestMatrices.naiveProduct(a, v)
    var residual = 0.0
    for j in 0..<n { for i in 0..<n { residual = max(residual, abs(av[i, j] - v[i, j] * eigen.eigenvalues[j])) } }
    #expect(residual / TestMatrices.normOne(a) < 1e-13)
    let vtv = TestMatrices.naiveProduct(v.transposed, v)
    #expect(relativeError(vtv.storage, Matrix.identity(n).storage) < 1e-13)
    // Trace = sum of eigenvalues.
    let trace = (0..<n).reduce(0.0) { $0 + a[$1, $1] }
    #expect(abs(eigen.eigenvalues.reduce(0, +) - trace) <= 1e-12 * Double(n))
  }

  @Test("Wrong input throws: non-square, NaN")
  func wrongInput() throws {
    #expect(throws: FactorizationError.self) { try SymmetricEigendecomposition(Matrix(rows: 2, columns: 3)) }
    var nan = Matrix.identity(3)
    nan[2, 1] = .nan
    #expect(throws: FactorizationError.self) { try SymmetricEigendecomposition(nan) }
  }
}
