/// Matrix products and sums, each a single BLAS call where one exists.
extension Matrix {
  /// The product A B (gemm).
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `A.columns != B.rows`.
  public static func * (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    var result = Matrix(rows: lhs.rows, columns: rhs.columns)
    try BLAS.gemm(1, lhs, rhs, 0, &result)
    return result
  }

  /// The product A x (gemv).
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `A.columns != x.count`.
  public static func * (lhs: Matrix, rhs: [Double]) throws -> [Double] {
    var result = [Double](repeating: 0, count: lhs.rows)
    try BLAS.gemv(1, lhs, rhs, 0, &result)
    return result
  }

  /// A + B.
  public static func + (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    guard lhs.rows == rhs.rows, lhs.columns == rhs.columns else {
      throw LinearAlgebraError.dimensionMismatch("\(lhs.rows)×\(lhs.columns) + \(rhs.rows)×\(rhs.columns)")
    }
    var result = lhs
    for k in 0..<result.storage.count { result.storage[k] += rhs.storage[k] }
    return result
  }

  /// A − B.
  public static func - (lhs: Matrix, rhs: Matrix) throws -> Matrix {
    guard lhs.rows == rhs.rows, lhs.columns == rhs.columns else {
      throw LinearAlgebraError.dimensionMismatch("\(lhs.rows)×\(lhs.columns) − \(rhs.rows)×\(rhs.columns)")
    }
    var result = lhs
    for k in 0..<result.storage.count { result.storage[k] -= rhs.storage[k] }
    return result
  }

  /// Aᵀ x (gemv with the transpose).
  public func transposeTimes(_ x: [Double]) throws -> [Double] {
    guard x.count == rows else {
      throw LinearAlgebraError.dimensionMismatch("Aᵀx with A \(rows)×\(columns) and x of length \(x.count)")
    }
    var result = [Double](repeating: 0, count: columns)
    storage.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { xp in
        result.withUnsafeMutableBufferPointer { y in
          RawBLAS.gemv(transpose: true, rows, columns, 1, a.baseAddress!, max(1, rows), xp.baseAddress!, 0,
                       y.baseAddress!)
        }
      }
    }
    return result
  }
}
