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

extension Matrix {
  /// ‖A‖∞ = maxᵢ Σⱼ |aᵢⱼ|, the largest absolute row sum (0 for an empty matrix).
  public var infinityNorm: Double {
    var rowSums = [Double](repeating: 0, count: rows)
    storage.withUnsafeBufferPointer { a in
      for j in 0..<columns { for i in 0..<rows { rowSums[i] += abs(a[i + j * rows]) } }
    }
    return rowSums.max() ?? 0
  }

  /// The relative residual ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞) of a computed solution x of A x = b; a backward-stable
  /// solve keeps it at a small multiple of the unit roundoff u ≈ 1.1e-16. Returns 0 when A x and b are both 0.
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when x or b do not fit A.
  public func relativeResidual(_ x: [Double], _ b: [Double]) throws -> Double {
    guard b.count == rows else {
      throw LinearAlgebraError.dimensionMismatch("relativeResidual: A is \(rows)×\(columns), b has \(b.count) entries")
    }
    var r = try self * x
    Vector.axpy(-1, b, &r)
    let residual = Vector.normInf(r)
    if residual == 0 { return 0 }
    return residual / (infinityNorm * Vector.normInf(x))
  }
}
