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
}
