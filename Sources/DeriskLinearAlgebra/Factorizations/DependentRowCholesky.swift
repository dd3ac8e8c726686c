/// The Cholesky factorization of a symmetric positive *semi*definite matrix that drops the pivots rounding
/// has made tiny or negative, instead of failing (Wright, "Modified Cholesky factorizations in interior-point
/// algorithms for linear programming", SIAM J. Optim. 9, 1999).
///
/// Column k of L is formed as in A = LLᵀ unless its pivot (what is left of aₖₖ) is at most
/// `relativeTolerance` times A's largest diagonal entry. Such a pivot belongs to a row that, to rounding,
/// depends on the rows before it: column k is then set to zero, and a solve sets xₖ = 0, as if the pivot
/// were infinite. For a consistent system A x = b (b in A's range) the result still solves it to rounding;
/// the interior point's normal equations A D⁻¹Aᵀ become such systems at the end of the path, where D spans
/// thirty orders of magnitude and LAPACK's `potrf` meets a negative pivot. Right-looking and blocked like
/// `potrf`: panels of `panelWidth` columns are factored in Swift, and the trailing matrix is updated by
/// BLAS `syrk`, which carries the O(n³/3) bulk. It is meant as the fallback when `CholeskyFactorization` fails.
public struct DependentRowCholesky: Sendable {
  /// The order n of A.
  public let order: Int
  /// L in the lower triangle, column-major; dropped columns are zero.
  private var factor: [Double]
  /// Whether pivot k was dropped.
  public let dropped: [Bool]
  /// Columns per panel: the Swift part is O(n² · panelWidth), the syrk updates the rest.
  static let panelWidth = 64
  /// The number of dropped pivots.
  public var droppedCount: Int { dropped.reduce(0) { $0 + ($1 ? 1 : 0) } }

  /// Factors A, reading its lower triangle.
  /// - Throws: `FactorizationError.dimensionMismatch` / `.nonFinite` for unusable input.
  public init(_ matrix: Matrix, relativeTolerance: Double = 1e-20) throws {
    try FactorizationError.checkSquareFinite(matrix, "dependent-row Cholesky")
    let n = matrix.rows
    order = n
    var l = matrix.storage
    var dropped = [Bool](repeating: false, count: n)
    l.withUnsafeMutableBufferPointer { buffer in
      guard let a = buffer.baseAddress else { return }
      var largest = 0.0
      for k in 0..<n { largest = max(largest, a[k + k * n]) }
      let floor = relativeTolerance * largest
      // Right-looking by panels of `panelWidth` columns: each panel column by column (its pivot tested,
      // its updates applied to the panel's later columns), then the trailing lower triangle in one syrk.
      for p0 in stride(from: 0, to: n, by: Self.panelWidth) {
        let p1 = min(p0 + Self.panelWidth, n)
        for k in p0..<p1 {
          let pivot = a[k + k * n]
          if !(pivot > floor) {
            dropped[k] = true
            for i in k..<n { a[i + k * n] = 0 }
            continue
          }
          let root = pivot.squareRoot()
          a[k + k * n] = root
          for i in (k + 1)..<max(k + 1, n) { a[i + k * n] /= root }
          // The panel's later columns: a_ij −= l_ik l_jk for k < j < p1, i ≥ j.
          for j in (k + 1)..<max(k + 1, p1) {
            let ljk = a[j + k * n]
            if ljk == 0 { continue }
            for i in j..<n { a[i + j * n] -= a[i + k * n] * ljk }
          }
        }
        // A₂₂ ← A₂₂ − L₂₁ L₂₁ᵀ on the lower triangle (dropped columns of L₂₁ are zero).
        if p1 < n {
          RawBLAS.syrkLower(transpose: false, n - p1, p1 - p0, -1, a + p1 + p0 * n, n, 1, a + p1 + p1 * n, n)
        }
      }
    }
    factor = l
    self.dropped = dropped
  }

  /// Overwrites `x` (length n) with the solution of L Lᵀ x = x, its dropped components zero.
  public func solveInPlace(_ x: inout [Double]) {
    precondition(x.count == order, "dependent-row Cholesky solveInPlace: length \(x.count), order \(order)")
    let n = order
    factor.withUnsafeBufferPointer { l in
      x.withUnsafeMutableBufferPointer { b in
        for k in 0..<n {
          if dropped[k] { b[k] = 0; continue }
          b[k] /= l[k + k * n]
          let value = b[k]
          for i in (k + 1)..<max(k + 1, n) { b[i] -= l[i + k * n] * value }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
          if dropped[k] { b[k] = 0; continue }
          var sum = b[k]
          for i in (k + 1)..<max(k + 1, n) { sum -= l[i + k * n] * b[i] }
          b[k] = sum / l[k + k * n]
        }
      }
    }
  }
}
