import DeriskLinearAlgebra
import DeriskTestSupport
import Testing

/// BLAS wrappers against naive loops on seeded random data. Each level-3 result agrees with the loop
/// to a few ulps times the inner dimension (Higham, Accuracy and Stability, §3.5: |ŝ − s| ≤ γₖ Σ|aᵢbᵢ|).
@Suite("BLAS wrappers")
struct BLASTests {
  @Test("gemm with every transpose combination and α, β", arguments: [(false, false), (true, false), (false, true), (true, true)])
  func gemm(transposeA: Bool, transposeB: Bool) throws {
    var rng = SplitMix64(seed: 0x6E33 &+ (transposeA ? 2 : 0) &+ (transposeB ? 1 : 0))
    let (m, n, k) = (13, 9, 17)
    let a = TestMatrices.random(rows: transposeA ? k : m, columns: transposeA ? m : k, using: &rng)
    let b = TestMatrices.random(rows: transposeB ? n : k, columns: transposeB ? k : n, using: &rng)
    let c0 = TestMatrices.random(rows: m, columns: n, using: &rng)
    var c = c0
    try BLAS.gemm(1.5, a, transposeA: transposeA, b, transposeB: transposeB, -0.5, &c)
    let ab = TestMatrices.naiveProduct(transposeA ? a.transposed : a, transposeB ? b.transposed : b)
    var expected = c0
    for t in 0..<expected.storage.count { expected.storage[t] = 1.5 * ab.storage[t] - 0.5 * c0.storage[t] }
    // Entries are O(1) with k = 17 terms of size ≤ 1: absolute error ≤ 17 · 2u · 2 ≈ 1e-14.
    #expect(relativeError(c.storage, expected.storage) < 1e-14)
    // The operator form agrees.
    if !transposeA && !transposeB {
      #expect(relativeError(try (a * b).storage, ab.storage) < 1e-14)
    }
  }

  @Test("gemm and gemv reject operands that do not fit")
  func mismatch() throws {
    var c = Matrix(rows: 2, columns: 2)
    #expect(throws: LinearAlgebraError.self) { try BLAS.gemm(1, Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 2), 0, &c) }
    var y = [0.0, 0.0]
    #expect(throws: LinearAlgebraError.self) { try BLAS.gemv(1, Matrix(rows: 2, columns: 3), [1, 2], 0, &y) }
    var t = Matrix(rows: 3, columns: 1)
    #expect(throws: LinearAlgebraError.self) { try BLAS.trsm(1, Matrix.identity(2), lower: true, &t) }
    #expect(throws: LinearAlgebraError.self) { try BLAS.syrk(1, Matrix(rows: 3, columns: 2), 0, &c) }
    #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3]) }
    #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2], [3]]) }
  }

  @Test("gemv: y ← α A x + β y and Aᵀ x")
  func gemv() throws {
    var rng = SplitMix64(seed: 0x6E3)
    let a = TestMatrices.random(rows: 11, columns: 7, using: &rng)
    let x = TestMatrices.randomVector(7, using: &rng)
    let y0 = TestMatrices.randomVector(11, using: &rng)
    var y = y0
    try BLAS.gemv(2, a, x, 3, &y)
    let ax = TestMatrices.naiveProduct(a, x)
    expectClose(y, zip(ax, y0).map { 2 * $0 + 3 * $1 }, relative: 1e-14)
    expectClose(try a * x, ax, relative: 1e-14)
    let z = TestMatrices.randomVector(11, using: &rng)
    expectClose(try a.transposeTimes(z), TestMatrices.naiveProduct(a.transposed, z), relative: 1e-14)
  }

  @Test("syrk fills the lower triangle of α A Aᵀ + β C (and AᵀA with transpose)", arguments: [false, true])
  func syrk(transpose: Bool) throws {
    var rng = SplitMix64(seed: transpose ? 0x5F1 : 0x5F0)
    let a = TestMatrices.random(rows: transpose ? 6 : 8, columns: transpose ? 8 : 6, using: &rng)
    let n = transpose ? 8 : 8
    var c0 = TestMatrices.random(rows: n, columns: n, using: &rng)
    c0.symmetrizeFromLower()
    var c = c0
    try BLAS.syrk(0.5, a, transpose: transpose, 2, &c)
    let op = transpose ? a.transposed : a
    let aat = TestMatrices.naiveProduct(op, op.transposed)
    for j in 0..<n {
      for i in j..<n {
        #expect(abs(c[i, j] - (0.5 * aat[i, j] + 2 * c0[i, j])) < 1e-14, "C[\(i),\(j)]")
      }
      // The strict upper triangle is not touched.
      for i in 0..<j { #expect(c[i, j] == c0[i, j]) }
    }
  }

  @Test("trsm solves with lower and upper, transposed and unit-diagonal triangles",
        arguments: [(true, false, false), (true, true, false), (false, false, false), (false, true, true)])
  func trsm(lower: Bool, transpose: Bool, unit: Bool) throws {
    var rng = SplitMix64(seed: 0x7125)
    let n = 10
    var t = TestMatrices.random(rows: n, columns: n, using: &rng)
    for i in 0..<n { t[i, i] = unit ? 1 : 4 + t[i, i] }  // well-conditioned triangle
    for j in 0..<n { for i in 0..<n where lower ? i < j : i > j { t[i, j] = 0 } }
    let b = TestMatrices.random(rows: n, columns: 3, using: &rng)
    var x = b
    try BLAS.trsm(2, t, lower: lower, transpose: transpose, unitDiagonal: unit, &x)
    // Check op(T) X = 2 B with naive loops.
    let product = TestMatrices.naiveProduct(transpose ? t.transposed : t, x)
    #expect(relativeError(product.storage, b.storage.map { 2 * $0 }) < 1e-13)
  }

  @Test("Level 1: dot, axpy, scale, norm2 against loops")
  func level1() {
    // Hand values: (1,2,3)·(4,−5,6) = 4 − 10 + 18 = 12; ‖(3,4)‖ = 5.
    #expect(Vector.dot([1, 2, 3], [4, -5, 6]) == 12)
    #expect(Vector.norm2([3, 4]) == 5)
    #expect(Vector.normInf([1, -7, 3]) == 7)
    #expect(Vector.dot([], []) == 0 && Vector.norm2([]) == 0)
    var rng = SplitMix64(seed: 0x1E1)
    let x = TestMatrices.randomVector(1000, using: &rng)
    let y0 = TestMatrices.randomVector(1000, using: &rng)
    expectClose(Vector.dot(x, y0), zip(x, y0).reduce(0) { $0 + $1.0 * $1.1 }, relative: 1e-12)
    expectClose(Vector.norm2(x), x.reduce(0) { $0 + $1 * $1 }.squareRoot(), relative: 1e-14)
    // nrm2 avoids overflow: ‖(1e200, 1e200)‖ = √2 · 1e200.
    expectClose(Vector.norm2([1e200, 1e200]), 2.0.squareRoot() * 1e200, relative: 1e-15)
    var y = y0
    Vector.axpy(-2, x, &y)
    expectClose(y, zip(x, y0).map { -2 * $0 + $1 }, relative: 1e-15)
    var z = x
    Vector.scale(0.25, &z)
    expectClose(z, x.map { 0.25 * $0 }, relative: 0)
  }

  @Test("Matrix helpers: transpose, identity, Frobenius norm, symmetrize")
  func matrixHelpers() throws {
    let a = try Matrix([[1, 2, 3], [4, 5, 6]])
    #expect(a.transposed == (try Matrix([[1, 4], [2, 5], [3, 6]])))
    #expect(a.row(1) == [4, 5, 6] && a.column(2) == [3, 6])
    // ‖A‖_F² = 1 + 4 + 9 + 16 + 25 + 36 = 91.
    expectClose(a.frobeniusNorm, 91.0.squareRoot(), relative: 1e-15)
    #expect(a.maxAbs == 6)
    var s = try Matrix([[1, 0], [7, 2]])
    s.symmetrizeFromLower()
    #expect(s == (try Matrix([[1, 7], [7, 2]])))
    #expect(try (a + a) == (try Matrix([[2, 4, 6], [8, 10, 12]])))
    #expect(try (a - a) == Matrix(rows: 2, columns: 3))
  }
}
