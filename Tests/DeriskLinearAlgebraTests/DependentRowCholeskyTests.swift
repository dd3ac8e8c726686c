import DeriskLinearAlgebra
import DeriskTestSupport
import Testing

@Suite("Cholesky that drops dependent rows' pivots")
struct DependentRowCholeskyTests {
  @Test("SPD by hand: [[4,2],[2,3]] x = (8, 7) gives (1.25, 1.5), nothing dropped")
  func positiveDefinite() throws {
    // As in CholeskyTests: Cramer's rule, x1 = (8·3 − 2·7)/8, x2 = (4·7 − 2·8)/8.
    let f = try DependentRowCholesky(try Matrix([[4, 2], [2, 3]]))
    #expect(f.droppedCount == 0)
    var x = [8.0, 7]
    f.solveInPlace(&x)
    expectClose(x, [1.25, 1.5], relative: 1e-15)
  }

  @Test("Rank 2 of order 3: row 3 = row 1 + row 2 is dropped, a consistent system is still solved")
  func dependentRow() throws {
    // A = B Bᵀ with B = [[1, 0], [1, 1], [2, 1]]: row 3 of B is row 1 + row 2, so A's third pivot is zero
    // (to rounding) and LAPACK's potrf fails on it. By hand: A = [[1,1,2],[1,2,3],[2,3,5]];
    // l11 = 1, l21 = 1, l31 = 2; l22 = √(2 − 1) = 1, l32 = (3 − 2)/1 = 1; pivot 3 = 5 − 4 − 1 = 0.
    let a = try Matrix([[1, 1, 2], [1, 2, 3], [2, 3, 5]])
    #expect(throws: FactorizationError.self) { try CholeskyFactorization(a) }
    let f = try DependentRowCholesky(a)
    #expect(f.dropped == [false, false, true])
    // b = A (1, 1, 1) = (4, 6, 10), in A's range. With x₃ = 0: x₁ + x₂ = 4, x₁ + 2x₂ = 6, so x = (2, 2, 0).
    var x = [4.0, 6, 10]
    f.solveInPlace(&x)
    expectClose(x, [2, 2, 0], relative: 1e-14)
  }

  @Test("A negative pivot, −1e-15 (aₖₖ − l²), is dropped, not a failure")
  func negativePivot() throws {
    // Second pivot (1 − 10⁻¹⁵) − 1² < 0: A is indefinite by 10⁻¹⁵, as rounding leaves a normal-equations matrix.
    let a = try Matrix([[1, 1], [1, 1 - 1e-15]])
    #expect(throws: FactorizationError.self) { try CholeskyFactorization(a) }
    let f = try DependentRowCholesky(a)
    #expect(f.dropped == [false, true])
    var x = [3.0, 3]
    f.solveInPlace(&x)
    expectClose(x, [3, 0], relative: 1e-15)
  }

  @Test("Across panels: A = M Mᵀ of order 200 in small integers, zero pivots at 5, 70, 150 and 199 dropped, A x = b solved exactly")
  func panels() throws {
    // M lower triangular with small integers: diagonal 1 or 2, except columns 5, 70, 150 and 199, which are
    // zero on and below the diagonal. Then M is A's Cholesky factor with those columns dropped: each dropped
    // pivot is Σᵢ<ₖ m²ₖᵢ − Σᵢ<ₖ l²ₖᵢ = 0 exactly (every intermediate is an integer below 2⁵³, so no rounding
    // in any order of summation), row k of A is a combination of the rows before it, and potrf fails there.
    // The order spans four panels of `panelWidth` (64), so the trailing syrk updates are in play.
    let n = 200, zeroPivots: Set = [5, 70, 150, 199]
    var random = SplitMix64(seed: 21)
    var m = [Double](repeating: 0, count: n * n)   // row-major M
    for i in 0..<n {
      for k in 0..<i where !zeroPivots.contains(k) && random.next() % 2 == 0 { m[i * n + k] = Double(Int(random.next() % 5) - 2) }
      m[i * n + i] = zeroPivots.contains(i) ? 0 : Double(1 + Int(random.next() % 2))
    }
    var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n { for j in 0...i {
      var sum = 0.0
      for k in 0...j { sum += m[i * n + k] * m[j * n + k] }
      rows[i][j] = sum; rows[j][i] = sum
    } }
    let a = try Matrix(rows)
    #expect(throws: FactorizationError.self) { try CholeskyFactorization(a) }
    let f = try DependentRowCholesky(a)
    #expect(Set(f.dropped.indices.filter { f.dropped[$0] }) == zeroPivots)
    // b = A x₀ with x₀ zero at the dropped places: the solution with those components zero is unique (M without
    // them is nonsingular), so it is x₀, and integer arithmetic throughout makes it exact.
    let x0 = (0..<n).map { zeroPivots.contains($0) ? 0.0 : Double(Int(random.next() % 7) - 3) }
    var x = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + rows[i][$1] * x0[$1] } }
    f.solveInPlace(&x)
    expectClose(x, x0, relative: 1e-12)
  }
}
