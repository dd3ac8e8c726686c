/// The element-wise kernels of the interior-point iteration (see `HomogeneousIteration.swift` for the
/// equations they serve), written out instead of calling BLAS.
///
/// The vectors are long (n + m grows with the number of scenarios) and each pass is memory-bound, so
/// long passes are split into fixed chunks of `grain` elements run on all cores; a reduction adds its
/// chunks' partial results in chunk order, so every result is the same bit for bit whatever the number
/// of threads. Not BLAS: a threaded `ddot` wakes OpenBLAS's worker threads, which then spin
/// (`sched_yield`) on the cores the scenario blocks run on, and sum in a thread-count-dependent order.
///
/// The kernels that read the bound parts by slot (`BoundSlots`) are in `BoundKernels.swift`.
enum IterationKernels {
  /// Elements per chunk. Fixed (not derived from the core count) so that reductions are reproducible.
  static let grain = 16_384

  /// Runs `body` on the ranges [k·grain, (k+1)·grain) ∩ [0, count), in parallel when there are several.
  @inline(__always)
  static func chunked(_ count: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let chunks = (count + grain - 1) / grain
    if chunks <= 1 { if count > 0 { body(0..<count) }; return }
    forEachChunkInParallel(chunks) { chunk in body(chunk * grain..<min(count, (chunk + 1) * grain)) }
  }

  /// `partial(range)` of every chunk, in chunk order, the chunks run on all cores (`filler` only sizes
  /// the array: every entry is overwritten).
  @inline(__always)
  static func chunkResults<T>(_ count: Int, filler: T, _ partial: @Sendable (Range<Int>) -> T) -> [T] {
    let chunks = (count + grain - 1) / grain
    var results = [T](repeating: filler, count: chunks)
    if chunks == 0 { return results }
    results.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointWrites(buffer)
      forEachChunkInParallel(chunks) { chunk in out[chunk] = partial(chunk * grain..<min(count, (chunk + 1) * grain)) }
    }
    return results
  }

  /// Σ over chunks (in chunk order) of `partial(range)`.
  @inline(__always)
  static func chunkedSum(_ count: Int, _ partial: @Sendable (Range<Int>) -> Double) -> Double {
    if count <= grain { return count > 0 ? partial(0..<count) : 0 }
    return orderedSum(chunkResults(count, filler: 0.0, partial), count: count)
  }

  /// Partial sums of the chunks of `count` entries added as `chunkedSum` adds them (one chunk: its sum as it
  /// is), for passes that return other results beside a sum.
  static func orderedSum(_ parts: [Double], count: Int) -> Double {
    if count <= grain { return count > 0 ? parts[0] : 0 }
    var total = 0.0
    for part in parts { total += part }
    return total
  }

  /// max or min over chunks of `partial(range)` (order-free), starting from `initial`.
  @inline(__always)
  static func chunkedExtreme(_ count: Int, initial: Double, largest: Bool,
                             _ partial: @Sendable (Range<Int>) -> Double) -> Double {
    if count <= grain { return count > 0 ? (largest ? max(initial, partial(0..<count)) : min(initial, partial(0..<count))) : initial }
    return chunkResults(count, filler: initial, partial).reduce(initial) { largest ? max($0, $1) : min($0, $1) }
  }

  /// xᵀy: per chunk four interleaved partial sums, chunks added in order.
  static func dot(_ x: [Double], _ y: [Double]) -> Double {
    precondition(x.count == y.count, "dot: lengths \(x.count) and \(y.count) differ")
    return x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in
        let xp = SharedReads(xb), yp = SharedReads(yb)
        return chunkedSum(xb.count) { range in interleavedDot(xp, yp, range) }
      }
    }
  }

  /// ‖x‖∞.
  static func normInf(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { xb in
      let xp = SharedReads(xb)
      return chunkedExtreme(xb.count, initial: 0, largest: true) { range in
        var result = 0.0
        for i in range { result = max(result, abs(xp[i])) }
        return result
      }
    }
  }

  /// y ← y + αx.
  static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    precondition(x.count == y.count, "axpy: lengths \(x.count) and \(y.count) differ")
    x.withUnsafeBufferPointer { xb in
      y.withUnsafeMutableBufferPointer { yb in
        let xp = SharedReads(xb), yp = SharedWrites(yb)
        chunked(yb.count) { range in for i in range { yp[i] += alpha * xp[i] } }
      }
    }
  }

  /// y ← −(y + αx).
  static func negatedAxpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    precondition(x.count == y.count, "negatedAxpy: lengths differ")
    x.withUnsafeBufferPointer { xb in
      y.withUnsafeMutableBufferPointer { yb in
        let xp = SharedReads(xb), yp = SharedWrites(yb)
        chunked(yb.count) { range in for i in range { yp[i] = -(yp[i] + alpha * xp[i]) } }
      }
    }
  }

  /// y ← −(y + αx) + z (`negatedAxpy`, then z added, in one pass).
  static func negatedAxpyPlus(_ alpha: Double, _ x: [Double], _ y: inout [Double], plus z: [Double]) {
    precondition(x.count == y.count && z.count == y.count, "negatedAxpyPlus: lengths differ")
    x.withUnsafeBufferPointer { xb in
      z.withUnsafeBufferPointer { zb in
        y.withUnsafeMutableBufferPointer { yb in
          let xp = SharedReads(xb), zp = SharedReads(zb), yp = SharedWrites(yb)
          chunked(yb.count) { range in for i in range { yp[i] = -(yp[i] + alpha * xp[i]) + zp[i] } }
        }
      }
    }
  }

  /// v ← c.
  static func fill(_ v: inout [Double], _ c: Double) {
    v.withUnsafeMutableBufferPointer { vb in
      let vp = SharedWrites(vb)
      chunked(vb.count) { range in for i in range { vp[i] = c } }
    }
  }

  /// out ← x.
  static func copy(_ x: [Double], into out: inout [Double]) {
    precondition(x.count == out.count, "copy: lengths differ")
    x.withUnsafeBufferPointer { xb in
      out.withUnsafeMutableBufferPointer { ob in
        let xp = SharedReads(xb), op = SharedWrites(ob)
        chunked(ob.count) { range in for i in range { op[i] = xp[i] } }
      }
    }
  }

  /// out ← a·x.
  static func scaled(_ a: Double, _ x: [Double], into out: inout [Double]) {
    precondition(x.count == out.count, "scaled: lengths differ")
    x.withUnsafeBufferPointer { xb in
      out.withUnsafeMutableBufferPointer { ob in
        let xp = SharedReads(xb), op = SharedWrites(ob)
        chunked(ob.count) { range in for i in range { op[i] = a * xp[i] } }
      }
    }
  }

  /// out ← a·x + b·y.
  static func combine(_ a: Double, _ x: [Double], _ b: Double, _ y: [Double], into out: inout [Double]) {
    precondition(x.count == out.count && y.count == out.count, "combine: lengths differ")
    x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in
        out.withUnsafeMutableBufferPointer { ob in
          let xp = SharedReads(xb), yp = SharedReads(yb), op = SharedWrites(ob)
          chunked(ob.count) { range in for i in range { op[i] = a * xp[i] + b * yp[i] } }
        }
      }
    }
  }

  /// out ← a·x + b·y + c·z.
  static func combine(_ a: Double, _ x: [Double], _ b: Double, _ y: [Double], _ c: Double, _ z: [Double],
                      into out: inout [Double]) {
    precondition(x.count == out.count && y.count == out.count && z.count == out.count, "combine: lengths differ")

    x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in
        z.withUnsafeBufferPointer { zb in
          out.withUnsafeMutableBufferPointer { ob in
            let xp = SharedReads(xb), yp = SharedReads(yb), zp = SharedReads(zb), op = SharedWrites(ob)
            chunked(ob.count) { range in for i in range { op[i] = a * xp[i] + b * yp[i] + c * zp[i] } }
          }
        }
      }
    }
  }

  /// Gondzio's correction of one pair's target: at the trial step α̃ = `step` the product
  /// p = (s + α̃Δs)(z + α̃Δz) is pushed into the pair's band [low, high]: the target is lowered by low − p
  /// below it, by max(−high, high − p) above it, and kept inside (see `gondzioTargets`).
  @inline(__always)
  static func gondzioCorrection(_ s: Double, _ z: Double, _ ds: Double, _ dz: Double, step: Double, low: Double,
                                high: Double) -> Double {
    let product = (s + step * ds) * (z + step * dz)
    if product < low { return low - product }
    if product > high { return max(-high, high - product) }
    return 0
  }

  /// e₁ = r₁ − (p + d∘x), e₂ = r₂ − q in place of p and q; returns max(‖e₁‖∞, ‖e₂‖∞) (the residual of a
  /// KKT solve, with p = Aᵀw + P x and q = A x computed by the caller) and, from the same pass,
  /// max(‖r₁‖∞, ‖r₂‖∞). In place, so that the residual needs no vectors beside the products'.
  static func kktResidual(_ r1: [Double], _ d: [Double], _ x: [Double], _ r2: [Double],
                          productsIntoErrors e1: inout [Double], _ e2: inout [Double]) -> (error: Double, rightHandSide: Double) {
    precondition([r1.count, d.count, x.count].allSatisfy { $0 == e1.count } && r2.count == e2.count,
                 "kktResidual: lengths differ")
    // Per chunk: the error's norm and the right-hand side's, as one pair of partial results.
    func pass(_ count: Int, _ body: @Sendable (Range<Int>) -> (Double, Double)) -> (Double, Double) {
      if count <= grain { return count > 0 ? body(0..<count) : (0, 0) }
      return chunkResults(count, filler: (0.0, 0.0), body).reduce((0.0, 0.0)) { (max($0.0, $1.0), max($0.1, $1.1)) }
    }
    var first = (0.0, 0.0), second = (0.0, 0.0)
    r1.withUnsafeBufferPointer { r1b in
      d.withUnsafeBufferPointer { db in
        x.withUnsafeBufferPointer { xb in
          e1.withUnsafeMutableBufferPointer { e1b in
            let r1p = SharedReads(r1b), dp = SharedReads(db), xp = SharedReads(xb), ep = SharedWrites(e1b)
            first = pass(e1b.count) { range in
              var norm = 0.0, side = 0.0
              for j in range {
                let value = r1p[j] - (ep[j] + dp[j] * xp[j])
                ep[j] = value
                norm = max(norm, abs(value))
                side = max(side, abs(r1p[j]))
              }
              return (norm, side)
            }
          }
        }
      }
    }
    r2.withUnsafeBufferPointer { r2b in
      e2.withUnsafeMutableBufferPointer { e2b in
        let r2p = SharedReads(r2b), ep = SharedWrites(e2b)
        second = pass(e2b.count) { range in
          var norm = 0.0, side = 0.0
          for i in range {
            let value = r2p[i] - ep[i]
            ep[i] = value
            norm = max(norm, abs(value))
            side = max(side, abs(r2p[i]))
          }
          return (norm, side)
        }
      }
    }
    return (max(first.0, second.0), max(first.1, second.1))
  }
}

/// A read-only view of a buffer shared by parallel chunks (`@unchecked Sendable`: only made inside
/// `withUnsafeBufferPointer`, and nobody writes the buffer during the parallel loop).
struct SharedReads: @unchecked Sendable {
  let base: UnsafePointer<Double>?
  init(_ buffer: UnsafeBufferPointer<Double>) { base = buffer.baseAddress }
  @inline(__always) subscript(i: Int) -> Double { base.unsafelyUnwrapped[i] }
}

/// An index array shared read-only by parallel chunks.
struct SharedIndices: @unchecked Sendable {
  let base: UnsafePointer<Int>?
  init(_ buffer: UnsafeBufferPointer<Int>) { base = buffer.baseAddress }
  @inline(__always) subscript(i: Int) -> Int { base.unsafelyUnwrapped[i] }
}

/// A Bool array shared read-only by parallel chunks.
struct SharedFlags: @unchecked Sendable {
  let base: UnsafePointer<Bool>?
  init(_ buffer: UnsafeBufferPointer<Bool>) { base = buffer.baseAddress }
  @inline(__always) subscript(i: Int) -> Bool { base.unsafelyUnwrapped[i] }
}

/// A buffer parallel chunks write at disjoint indices (see `DisjointWrites`; this one accepts an empty
/// buffer, whose loops do not run).
struct SharedWrites: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>?
  init(_ buffer: UnsafeMutableBufferPointer<Double>) { base = buffer.baseAddress }
  @inline(__always) subscript(i: Int) -> Double {
    get { base.unsafelyUnwrapped[i] }
    nonmutating set { base.unsafelyUnwrapped[i] = newValue }
  }
}
