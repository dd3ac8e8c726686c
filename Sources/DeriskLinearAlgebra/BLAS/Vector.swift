/// Level-1 BLAS on `[Double]` vectors: dot products, norms, y ← αx + y, x ← αx.
public enum Vector {
  /// xᵀy (ddot). Vectors of different lengths are a programming error caught by `precondition`.
  @inlinable
  public static func dot(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
    if x.isEmpty { return 0 }
    return x.withUnsafeBufferPointer { xp in
      y.withUnsafeBufferPointer { yp in RawBLAS.dot(x.count, xp.baseAddress!, 1, yp.baseAddress!, 1) }
    }
  }

  /// ‖x‖₂ (dnrm2, which avoids overflow).
  @inlinable
  public static func norm2(_ x: [Double]) -> Double {
    if x.isEmpty { return 0 }
    return x.withUnsafeBufferPointer { RawBLAS.nrm2(x.count, $0.baseAddress!, 1) }
  }

  /// ‖x‖_∞ = max |xᵢ| (0 for an empty vector).
  @inlinable
  public static func normInf(_ x: [Double]) -> Double {
    var result = 0.0
    for value in x { result = max(result, abs(value)) }
    return result
  }

  /// y ← αx + y (daxpy).
  @inlinable
  public static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    precondition(x.count == y.count, "axpy: lengths \(x.count) and \(y.count) differ")
    if x.isEmpty { return }
    let n = x.count
    x.withUnsafeBufferPointer { xp in
      y.withUnsafeMutableBufferPointer { yp in RawBLAS.axpy(n, alpha, xp.baseAddress!, 1, yp.baseAddress!, 1) }
    }
  }

  /// x ← αx (dscal).
  @inlinable
  public static func scale(_ alpha: Double, _ x: inout [Double]) {
    if x.isEmpty { return }
    let n = x.count
    x.withUnsafeMutableBufferPointer { RawBLAS.scal(n, alpha, $0.baseAddress!, 1) }
  }
}
