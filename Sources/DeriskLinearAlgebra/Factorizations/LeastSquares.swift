/// Linear least squares through QR (LAPACK gels).
public enum LeastSquares {
  /// For m ≥ n, the x minimising ‖A x − b‖₂; for m < n, the minimum-norm solution of A x = b.
  /// A must have full rank.
  ///
  /// gels factors A = Q R (m ≥ n) or A = L Q (m < n) and only reports an *exactly* zero diagonal entry.
  /// A matrix that is rank deficient in exact arithmetic usually leaves a diagonal entry of rounding size
  /// instead, and the solution then blows up to ~1/u. So the triangular factor's diagonal is also checked:
  /// |rₖₖ| ≤ max(m, n) · u · maxⱼ |rⱼⱼ| (u the unit roundoff) counts as numerically rank deficient.
  /// - Throws: `FactorizationError.rankDeficient(index:)` (1-based) when A is not of full rank, exactly or
  ///   numerically;
  ///   `.dimensionMismatch` / `.nonFinite` for unusable input.
  public static func solve(_ A: Matrix, _ b: [Double]) throws -> [Double] {
    guard b.count == A.rows else {
      throw FactorizationError.dimensionMismatch("least squares: A is \(A.rows)×\(A.columns), b has \(b.count) entries")
    }
    guard A.isFinite, b.allSatisfy({ $0.isFinite }) else { throw FactorizationError.nonFinite("least-squares data") }
    let m = A.rows, n = A.columns
    if n == 0 { return [] }
    if m == 0 { return [Double](repeating: 0, count: n) }
    var a = A
    let ldb = max(m, n)
    var rhs = [Double](repeating: 0, count: ldb)
    for i in 0..<m { rhs[i] = b[i] }
    let info = a.storage.withUnsafeMutableBufferPointer { ap in
      rhs.withUnsafeMutableBufferPointer { RawLAPACK.gels(m, n, 1, ap.baseAddress!, m, $0.baseAddress!, ldb) }
    }
    try FactorizationError.check(info) { .rankDeficient(index: $0) }
    // The diagonal of R (upper triangle, m ≥ n) or L (lower triangle, m < n): both sit at a[k, k].
    let rank = min(m, n)
    var largest = 0.0
    for k in 0..<rank { largest = max(largest, abs(a[k, k])) }
    let threshold = Double(max(m, n)) * Double.ulpOfOne * largest
    if let k = (0..<rank).first(where: { abs(a[$0, $0]) <= threshold }) {
      throw FactorizationError.rankDeficient(index: k + 1)
    }
    return Array(rhs[0..<n])
  }
}
