/// Level-1 kernels of the interior-point iteration, written out instead of calling BLAS.
///
/// The iteration's vectors are long (n + m grows with the number of scenarios) but its level-1 work
/// is tiny per call: a threaded BLAS `ddot` wakes its worker threads for each call, and they then
/// spin (`sched_yield`) on the core the scenario blocks run on, and sum in an order that depends on the
/// thread count. These loops run on the calling thread, in a fixed order.
enum IterationKernels {
  /// xᵀy with four interleaved partial sums, combined in a fixed order.
  @inline(__always)
  static func dot(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
    return x.withUnsafeBufferPointer { xp in
      y.withUnsafeBufferPointer { yp in
        let n = xp.count
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= n {
          s0 += xp[i] * yp[i]; s1 += xp[i + 1] * yp[i + 1]
          s2 += xp[i + 2] * yp[i + 2]; s3 += xp[i + 3] * yp[i + 3]
          i += 4
        }
        while i < n { s0 += xp[i] * yp[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
      }
    }
  }

  /// ‖x‖∞.
  @inline(__always)
  static func normInf(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { xp in
      var result = 0.0
      for value in xp { result = max(result, abs(value)) }
      return result
    }
  }
}
