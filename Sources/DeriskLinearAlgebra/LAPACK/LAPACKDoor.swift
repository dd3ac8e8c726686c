// The only Swift file in Derisk that imports the BLAS/LAPACK shim.
//
// Every raw call is wrapped here in an internal function that takes Swift `Int` sizes and
// buffer pointers, converts them to LP64 `Int32`, and supplies gfortran's hidden string-length
// arguments. The rest of the module calls these wrappers and turns `info` into typed errors.
// On Apple platforms the same wrappers can call Accelerate instead (not built or tested here).
#if canImport(Accelerate)
import Accelerate
#else
import CDeriskLAPACK
#endif

@usableFromInline typealias LAPACKInt = Int32

@inline(__always) private func i32(_ value: Int) -> LAPACKInt { LAPACKInt(truncatingIfNeeded: value) }

// MARK: - BLAS level 1

@usableFromInline
enum RawBLAS {
  @usableFromInline static func dot(_ n: Int, _ x: UnsafePointer<Double>, _ incx: Int,
                                    _ y: UnsafePointer<Double>, _ incy: Int) -> Double {
    cblas_ddot(i32(n), x, i32(incx), y, i32(incy))
  }
  @usableFromInline static func axpy(_ n: Int, _ alpha: Double, _ x: UnsafePointer<Double>, _ incx: Int,
                                     _ y: UnsafeMutablePointer<Double>, _ incy: Int) {
    cblas_daxpy(i32(n), alpha, x, i32(incx), y, i32(incy))
  }
  @usableFromInline static func scal(_ n: Int, _ alpha: Double, _ x: UnsafeMutablePointer<Double>, _ incx: Int) {
    cblas_dscal(i32(n), alpha, x, i32(incx))
  }
  @usableFromInline static func nrm2(_ n: Int, _ x: UnsafePointer<Double>, _ incx: Int) -> Double {
    cblas_dnrm2(i32(n), x, i32(incx))
  }

  // MARK: BLAS level 2 and 3 (column major throughout)

  /// y ← α op(A) x + β y.
  @usableFromInline static func gemv(transpose: Bool, _ m: Int, _ n: Int, _ alpha: Double,
                                     _ a: UnsafePointer<Double>, _ lda: Int, _ x: UnsafePointer<Double>,
                                     _ beta: Double, _ y: UnsafeMutablePointer<Double>) {
    cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, i32(m), i32(n), alpha, a, i32(lda),
                x, 1, beta, y, 1)
  }
  /// C ← α op(A) op(B) + β C.
  @usableFromInline static func gemm(transposeA: Bool, transposeB: Bool, _ m: Int, _ n: Int, _ k: Int,
                                     _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int,
                                     _ b: UnsafePointer<Double>, _ ldb: Int, _ beta: Double,
                                     _ c: UnsafeMutablePointer<Double>, _ ldc: Int) {
    cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                i32(m), i32(n), i32(k), alpha, a, i32(lda), b, i32(ldb), beta, c, i32(ldc))
  }
  /// C ← α op(A) op(A)ᵀ + β C on the lower triangle of C (n × n); op(A) is n × k.
  @usableFromInline static func syrkLower(transpose: Bool, _ n: Int, _ k: Int, _ alpha: Double,
                                          _ a: UnsafePointer<Double>, _ lda: Int, _ beta: Double,
                                          _ c: UnsafeMutablePointer<Double>, _ ldc: Int) {
    cblas_dsyrk(CblasColMajor, CblasLower, transpose ? CblasTrans : CblasNoTrans, i32(n), i32(k), alpha, a,
                i32(lda), beta, c, i32(ldc))
  }
  /// B ← α op(A)⁻¹ B (left side) with A triangular m × m, B m × n.
  @usableFromInline static func trsmLeft(lower: Bool, transpose: Bool, unitDiagonal: Bool, _ m: Int, _ n: Int,
                                         _ alpha: Double, _ a: UnsafePointer<Double>, _ lda: Int,
                                         _ b: UnsafeMutablePointer<Double>, _ ldb: Int) {
    cblas_dtrsm(CblasColMajor, CblasLeft, lower ? CblasLower : CblasUpper, transpose ? CblasTrans : CblasNoTrans,
                unitDiagonal ? CblasUnit : CblasNonUnit, i32(m), i32(n), alpha, a, i32(lda), b, i32(ldb))
  }
}

// MARK: - LAPACK

/// Raw LAPACK calls. Each returns LAPACK's `info` unchanged; callers map it to `FactorizationError`.
@usableFromInline
enum RawLAPACK {
  static func potrf(_ n: Int, _ a: UnsafeMutablePointer<Double>, _ lda: Int) -> Int {
    var uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), lda32 = i32(lda), info: LAPACKInt = 0
    #if canImport(Accelerate)
    dpotrf_(&uplo, &n32, a, &lda32, &info)
    #else
    dpotrf_(&uplo, &n32, a, &lda32, &info, 1)
    #endif
    return Int(info)
  }

  static func potrs(_ n: Int, _ nrhs: Int, _ a: UnsafePointer<Double>, _ lda: Int,
                    _ b: UnsafeMutablePointer<Double>, _ ldb: Int) -> Int {
    var uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), nrhs32 = i32(nrhs), lda32 = i32(lda), ldb32 = i32(ldb)
    var info: LAPACKInt = 0
    #if canImport(Accelerate)
    dpotrs_(&uplo, &n32, &nrhs32, UnsafeMutablePointer(mutating: a), &lda32, b, &ldb32, &info)
    #else
    dpotrs_(&uplo, &n32, &nrhs32, a, &lda32, b, &ldb32, &info, 1)
    #endif
    return Int(info)
  }

  /// Reciprocal condition number (1-norm) of a Cholesky-factored matrix whose 1-norm was `anorm`.
  static func pocon(_ n: Int, _ a: UnsafePointer<Double>, _ lda: Int, _ anorm: Double) -> (rcond: Double, info: Int) {
    var uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), lda32 = i32(lda), norm = anorm, rcond = 0.0
    var info: LAPACKInt = 0
    var work = [Double](repeating: 0, count: max(1, 3 * n))
    var iwork = [LAPACKInt](repeating: 0, count: max(1, n))
    #if canImport(Accelerate)
    dpocon_(&uplo, &n32, UnsafeMutablePointer(mutating: a), &lda32, &norm, &rcond, &work, &iwork, &info)
    #else
    dpocon_(&uplo, &n32, a, &lda32, &norm, &rcond, &work, &iwork, &info, 1)
    #endif
    return (rcond, Int(info))
  }

  static func sytrf(_ n: Int, _ a: UnsafeMutablePointer<Double>, _ lda: Int,
                    _ ipiv: UnsafeMutablePointer<LAPACKInt>) -> Int {
    var uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), lda32 = i32(lda), info: LAPACKInt = 0
    var lwork: LAPACKInt = -1, query = 0.0
    #if canImport(Accelerate)
    dsytrf_(&uplo, &n32, a, &lda32, ipiv, &query, &lwork, &info)
    #else
    dsytrf_(&uplo, &n32, a, &lda32, ipiv, &query, &lwork, &info, 1)
    #endif
    lwork = max(1, LAPACKInt(query))
    var work = [Double](repeating: 0, count: Int(lwork))
    #if canImport(Accelerate)
    dsytrf_(&uplo, &n32, a, &lda32, ipiv, &work, &lwork, &info)
    #else
    dsytrf_(&uplo, &n32, a, &lda32, ipiv, &work, &lwork, &info, 1)
    #endif
    return Int(info)
  }

  static func sytrs(_ n: Int, _ nrhs: Int, _ a: UnsafePointer<Double>, _ lda: Int,
                    _ ipiv: UnsafePointer<LAPACKInt>, _ b: UnsafeMutablePointer<Double>, _ ldb: Int) -> Int {
    var uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), nrhs32 = i32(nrhs), lda32 = i32(lda), ldb32 = i32(ldb)
    var info: LAPACKInt = 0
    #if canImport(Accelerate)
    dsytrs_(&uplo, &n32, &nrhs32, UnsafeMutablePointer(mutating: a), &lda32, UnsafeMutablePointer(mutating: ipiv),
            b, &ldb32, &info)
    #else
    dsytrs_(&uplo, &n32, &nrhs32, a, &lda32, ipiv, b, &ldb32, &info, 1)
    #endif
    return Int(info)
  }

  static func sycon(_ n: Int, _ a: UnsafePointer<Double>, _ lda: Int, _ ipiv: UnsafePointer<LAPACKInt>,
                    _ anorm: Double) -> (rcond: Double, info: Int) {
    var uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), lda32 = i32(lda), norm = anorm, rcond = 0.0
    var info: LAPACKInt = 0
    var work = [Double](repeating: 0, count: max(1, 2 * n))
    var iwork = [LAPACKInt](repeating: 0, count: max(1, n))
    #if canImport(Accelerate)
    dsycon_(&uplo, &n32, UnsafeMutablePointer(mutating: a), &lda32, UnsafeMutablePointer(mutating: ipiv), &norm,
            &rcond, &work, &iwork, &info)
    #else
    dsycon_(&uplo, &n32, a, &lda32, ipiv, &norm, &rcond, &work, &iwork, &info, 1)
    #endif
    return (rcond, Int(info))
  }

  static func getrf(_ m: Int, _ n: Int, _ a: UnsafeMutablePointer<Double>, _ lda: Int,
                    _ ipiv: UnsafeMutablePointer<LAPACKInt>) -> Int {
    var m32 = i32(m), n32 = i32(n), lda32 = i32(lda), info: LAPACKInt = 0
    dgetrf_(&m32, &n32, a, &lda32, ipiv, &info)
    return Int(info)
  }

  static func getrs(transpose: Bool, _ n: Int, _ nrhs: Int, _ a: UnsafePointer<Double>, _ lda: Int,
                    _ ipiv: UnsafePointer<LAPACKInt>, _ b: UnsafeMutablePointer<Double>, _ ldb: Int) -> Int {
    var trans = CChar(UInt8(ascii: transpose ? "T" : "N")), n32 = i32(n), nrhs32 = i32(nrhs)
    var lda32 = i32(lda), ldb32 = i32(ldb), info: LAPACKInt = 0
    #if canImport(Accelerate)
    dgetrs_(&trans, &n32, &nrhs32, UnsafeMutablePointer(mutating: a), &lda32, UnsafeMutablePointer(mutating: ipiv),
            b, &ldb32, &info)
    #else
    dgetrs_(&trans, &n32, &nrhs32, a, &lda32, ipiv, b, &ldb32, &info, 1)
    #endif
    return Int(info)
  }

  static func gecon(_ n: Int, _ a: UnsafePointer<Double>, _ lda: Int, _ anorm: Double) -> (rcond: Double, info: Int) {
    var norm = CChar(UInt8(ascii: "1")), n32 = i32(n), lda32 = i32(lda), anormCopy = anorm, rcond = 0.0
    var info: LAPACKInt = 0
    var work = [Double](repeating: 0, count: max(1, 4 * n))
    var iwork = [LAPACKInt](repeating: 0, count: max(1, n))
    #if canImport(Accelerate)
    dgecon_(&norm, &n32, UnsafeMutablePointer(mutating: a), &lda32, &anormCopy, &rcond, &work, &iwork, &info)
    #else
    dgecon_(&norm, &n32, a, &lda32, &anormCopy, &rcond, &work, &iwork, &info, 1)
    #endif
    return (rcond, Int(info))
  }

  static func gels(_ m: Int, _ n: Int, _ nrhs: Int, _ a: UnsafeMutablePointer<Double>, _ lda: Int,
                   _ b: UnsafeMutablePointer<Double>, _ ldb: Int) -> Int {
    var trans = CChar(UInt8(ascii: "N")), m32 = i32(m), n32 = i32(n), nrhs32 = i32(nrhs)
    var lda32 = i32(lda), ldb32 = i32(ldb), info: LAPACKInt = 0, lwork: LAPACKInt = -1, query = 0.0
    #if canImport(Accelerate)
    dgels_(&trans, &m32, &n32, &nrhs32, a, &lda32, b, &ldb32, &query, &lwork, &info)
    #else
    dgels_(&trans, &m32, &n32, &nrhs32, a, &lda32, b, &ldb32, &query, &lwork, &info, 1)
    #endif
    lwork = max(1, LAPACKInt(query))
    var work = [Double](repeating: 0, count: Int(lwork))
    #if canImport(Accelerate)
    dgels_(&trans, &m32, &n32, &nrhs32, a, &lda32, b, &ldb32, &work, &lwork, &info)
    #else
    dgels_(&trans, &m32, &n32, &nrhs32, a, &lda32, b, &ldb32, &work, &lwork, &info, 1)
    #endif
    return Int(info)
  }

  static func syevd(vectors: Bool, _ n: Int, _ a: UnsafeMutablePointer<Double>, _ lda: Int,
                    _ w: UnsafeMutablePointer<Double>) -> Int {
    var jobz = CChar(UInt8(ascii: vectors ? "V" : "N")), uplo = CChar(UInt8(ascii: "L"))
    var n32 = i32(n), lda32 = i32(lda), info: LAPACKInt = 0
    var lwork: LAPACKInt = -1, liwork: LAPACKInt = -1, query = 0.0, iquery: LAPACKInt = 0
    #if canImport(Accelerate)
    dsyevd_(&jobz, &uplo, &n32, a, &lda32, w, &query, &lwork, &iquery, &liwork, &info)
    #else
    dsyevd_(&jobz, &uplo, &n32, a, &lda32, w, &query, &lwork, &iquery, &liwork, &info, 1, 1)
    #endif
    lwork = max(1, LAPACKInt(query)); liwork = max(1, iquery)
    var work = [Double](repeating: 0, count: Int(lwork))
    var iwork = [LAPACKInt](repeating: 0, count: Int(liwork))
    #if canImport(Accelerate)
    dsyevd_(&jobz, &uplo, &n32, a, &lda32, w, &work, &lwork, &iwork, &liwork, &info)
    #else
    dsyevd_(&jobz, &uplo, &n32, a, &lda32, w, &work, &lwork, &iwork, &liwork, &info, 1, 1)
    #endif
    return Int(info)
  }

  /// 1-norm of a general matrix.
  static func lange1(_ m: Int, _ n: Int, _ a: UnsafePointer<Double>, _ lda: Int) -> Double {
    var norm = CChar(UInt8(ascii: "1")), m32 = i32(m), n32 = i32(n), lda32 = i32(lda)
    var work = [Double](repeating: 0, count: max(1, m))
    #if canImport(Accelerate)
    return Double(dlange_(&norm, &m32, &n32, UnsafeMutablePointer(mutating: a), &lda32, &work))
    #else
    return dlange_(&norm, &m32, &n32, a, &lda32, &work, 1)
    #endif
  }

  /// 1-norm of a symmetric matrix stored in its lower triangle.
  static func lansy1(_ n: Int, _ a: UnsafePointer<Double>, _ lda: Int) -> Double {
    var norm = CChar(UInt8(ascii: "1")), uplo = CChar(UInt8(ascii: "L")), n32 = i32(n), lda32 = i32(lda)
    var work = [Double](repeating: 0, count: max(1, n))
    #if canImport(Accelerate)
    return Double(dlansy_(&norm, &uplo, &n32, UnsafeMutablePointer(mutating: a), &lda32, &work))
    #else
    return dlansy_(&norm, &uplo, &n32, a, &lda32, &work, 1, 1)
    #endif
  }
}
