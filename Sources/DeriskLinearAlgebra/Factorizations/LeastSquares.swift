/// Linear least squares through QR (LAPACK gels).
public enum LeastSquares {
  /// For m ≥ n, the x minimising ‖A x − b‖₂; for m < n, the minimum-norm solution of A x = b.
  /// A must have full rank.
  /// - Throws: `FactorizationError.rankDeficient(index:)` when A is not of full rank;
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
    return Array(rhs[0..<n])
  }
}
