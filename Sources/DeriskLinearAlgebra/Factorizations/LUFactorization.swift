/// The LU factorization P A = L U with partial pivoting of a square matrix (LAPACK getrf).
public struct LUFactorization: Sendable {
  /// The order n of A.
  public let order: Int
  /// L (unit lower, below the diagonal) and U (upper) packed as getrf leaves them.
  public private(set) var factor: Matrix
  /// getrf's pivots: row i was interchanged with row pivots[i] (1-based).
  public private(set) var pivots: [Int32]
  private let normOne: Double

  /// Factors A.
  /// - Throws: `FactorizationError.singular(pivot:)` when U has an exact zero at that pivot (1-based);
  ///   `.dimensionMismatch` / `.nonFinite` for unusable input.
  public init(_ matrix: Matrix) throws {
    try FactorizationError.checkSquareFinite(matrix, "LU")
    var a = matrix
    let n = a.rows
    order = n
    normOne = n == 0 ? 0 : a.storage.withUnsafeBufferPointer { RawLAPACK.lange1(n, n, $0.baseAddress!, n) }
    var ipiv = [Int32](repeating: 0, count: n)
    if n > 0 {
      let info = a.storage.withUnsafeMutableBufferPointer { ap in
        ipiv.withUnsafeMutableBufferPointer { RawLAPACK.getrf(n, n, ap.baseAddress!, n, $0.baseAddress!) }
      }
      try FactorizationError.check(info) { .singular(pivot: $0) }
    }
    factor = a
    pivots = ipiv
  }

  /// x = A⁻¹ b (or A⁻ᵀ b with `transpose`).
  public func solve(_ b: [Double], transpose: Bool = false) throws -> [Double] {
    try FactorizationError.checkRightHandSide(b, order, "LU solve")
    let B = try Matrix(rows: order, columns: 1, columnMajor: b)
    return try solve(B, transpose: transpose).storage
  }

  /// X = A⁻¹ B (or A⁻ᵀ B).
  public func solve(_ B: Matrix, transpose: Bool = false) throws -> Matrix {
    try FactorizationError.checkRightHandSides(B, order, "LU solve")
    var X = B
    if order > 0 && B.columns > 0 {
      let info = factor.storage.withUnsafeBufferPointer { l in
        pivots.withUnsafeBufferPointer { p in
          X.storage.withUnsafeMutableBufferPointer {
            RawLAPACK.getrs(transpose: transpose, order, B.columns, l.baseAddress!, order, p.baseAddress!,
                            $0.baseAddress!, order)
          }
        }
      }
      try FactorizationError.check(info) { _ in .illegalArgument(position: 0) }
    }
    return X
  }

  /// det A = sign(P) Π Uᵢᵢ.
  public var determinant: Double {
    var det = 1.0
    for i in 0..<order {
      det *= factor[i, i]
      if Int(pivots[i]) != i + 1 { det = -det }
    }
    return det
  }

  /// A⁻¹ (solves against the identity).
  public func inverse() throws -> Matrix { try solve(Matrix.identity(order)) }

  /// Estimate of 1 / (‖A‖₁ ‖A⁻¹‖₁) (LAPACK gecon).
  public func reciprocalCondition() throws -> Double {
    if order == 0 { return 1 }
    let (rcond, info) = factor.storage.withUnsafeBufferPointer { RawLAPACK.gecon(order, $0.baseAddress!, order, normOne) }
    try FactorizationError.check(info) { _ in .illegalArgument(position: 0) }
    return rcond
  }
}
