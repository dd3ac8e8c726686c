/// Level-2 and level-3 BLAS on `Matrix` values, with dimension checks that throw.
public enum BLAS {
  /// y ← α A x + β y (dgemv).
  public static func gemv(_ alpha: Double, _ A: Matrix, _ x: [Double], _ beta: Double, _ y: inout [Double]) throws {
    guard A.columns == x.count, A.rows == y.count else {
      throw LinearAlgebraError.dimensionMismatch("gemv: A \(A.rows)×\(A.columns), x \(x.count), y \(y.count)")
    }
    if A.rows == 0 { return }
    if A.columns == 0 { for i in 0..<y.count { y[i] *= beta }; return }
    A.storage.withUnsafeBufferPointer { a in
      x.withUnsafeBufferPointer { xp in
        y.withUnsafeMutableBufferPointer { yp in
          RawBLAS.gemv(transpose: false, A.rows, A.columns, alpha, a.baseAddress!, A.rows, xp.baseAddress!, beta,
                       yp.baseAddress!)
        }
      }
    }
  }

  /// C ← α op(A) op(B) + β C (dgemm); op is the transpose when the flag is set.
  public static func gemm(_ alpha: Double, _ A: Matrix, transposeA: Bool = false, _ B: Matrix,
                          transposeB: Bool = false, _ beta: Double, _ C: inout Matrix) throws {
    let (m, k) = transposeA ? (A.columns, A.rows) : (A.rows, A.columns)
    let (kb, n) = transposeB ? (B.columns, B.rows) : (B.rows, B.columns)
    guard k == kb, C.rows == m, C.columns == n else {
      throw LinearAlgebraError.dimensionMismatch(
        "gemm: op(A) \(m)×\(k), op(B) \(kb)×\(n), C \(C.rows)×\(C.columns)")
    }
    if m == 0 || n == 0 { return }
    if k == 0 { for t in 0..<C.storage.count { C.storage[t] *= beta }; return }
    A.storage.withUnsafeBufferPointer { a in
      B.storage.withUnsafeBufferPointer { b in
        C.storage.withUnsafeMutableBufferPointer { c in
          RawBLAS.gemm(transposeA: transposeA, transposeB: transposeB, m, n, k, alpha, a.baseAddress!,
                       max(1, A.rows), b.baseAddress!, max(1, B.rows), beta, c.baseAddress!, m)
        }
      }
    }
  }

  /// C ← α op(A) op(A)ᵀ + β C on the lower triangle of the symmetric C (dsyrk).
  /// With `transpose` false op(A) = A (C is A.rows square); otherwise op(A) = Aᵀ.
  public static func syrk(_ alpha: Double, _ A: Matrix, transpose: Bool = false, _ beta: Double,
                          _ C: inout Matrix) throws {
    let (n, k) = transpose ? (A.columns, A.rows) : (A.rows, A.columns)
    guard C.rows == n, C.columns == n else {
      throw LinearAlgebraError.dimensionMismatch("syrk: op(A) \(n)×\(k), C \(C.rows)×\(C.columns)")
    }
    if n == 0 { return }
    if k == 0 { for t in 0..<C.storage.count { C.storage[t] *= beta }; return }
    A.storage.withUnsafeBufferPointer { a in
      C.storage.withUnsafeMutableBufferPointer { c in
        RawBLAS.syrkLower(transpose: transpose, n, k, alpha, a.baseAddress!, max(1, A.rows), beta,
                          c.baseAddress!, n)
      }
    }
  }

  /// B ← α op(T)⁻¹ B with T triangular (dtrsm, left side).
  public static func trsm(_ alpha: Double, _ T: Matrix, lower: Bool, transpose: Bool = false,
                          unitDiagonal: Bool = false, _ B: inout Matrix) throws {
    guard T.isSquare, T.rows == B.rows else {
      throw LinearAlgebraError.dimensionMismatch("trsm: T \(T.rows)×\(T.columns), B \(B.rows)×\(B.columns)")
    }
    if B.rows == 0 || B.columns == 0 { return }
    T.storage.withUnsafeBufferPointer { t in
      B.storage.withUnsafeMutableBufferPointer { b in
        RawBLAS.trsmLeft(lower: lower, transpose: transpose, unitDiagonal: unitDiagonal, B.rows, B.columns, alpha,
                         t.baseAddress!, T.rows, b.baseAddress!, B.rows)
      }
    }
  }
}

