/// The iterate's residuals, with the sums and norms the convergence test reads, in one pass over the
/// columns, one over the rows and one over each side's bound slots.
///
///     r_x = P̄x + τc − Āᵀy − z_l + z_u    (z_l and z_u added at their slots' columns; P̄x = 0 for an LP)
///     r_y = Āx − τb
///
/// Each value is formed by the expressions, and each sum over the same chunks with the same four
/// interleaved partial sums, as the single-purpose passes they replace (`combine`, `dot`, `normInf`, a
/// scatter of z per side), so the results are the same bit for bit; they were seventeen passes, each reading
/// its vectors from memory again (at 100,000 generated scenarios 6.5 million columns and 9.2 million slots).
extension IterationKernels {
  /// What the column pass returns.
  struct ColumnResidualSums {
    /// ‖r_x‖∞, ‖Āᵀy‖∞, ‖x‖∞ and ‖P̄x‖∞ (0 for an LP).
    var dualResidualNorm = 0.0, aTyNorm = 0.0, xNorm = 0.0, pxNorm = 0.0
    /// cᵀx and xᵀP̄x (0 for an LP).
    var cx = 0.0, xPx = 0.0
  }

  /// r_x into `rx` (see the extension's comment), with its norms and cᵀx, xᵀP̄x. `Px` is empty for an LP.
  static func dualResidual(tau: Double, c: [Double], ATy: [Double], Px: [Double], x: [Double], lower zl: [Double],
                           at L: BoundSlots, upper zu: [Double], at U: BoundSlots,
                           into rx: inout [Double]) -> ColumnResidualSums {
    let n = rx.count
    precondition(c.count == n && ATy.count == n && x.count == n && (Px.isEmpty || Px.count == n)
                 && zl.count == L.count && zu.count == U.count && L.fit(in: n) && U.fit(in: n),
                 "dualResidual: lengths differ")
    let quadratic = !Px.isEmpty
    let parts = withReads([c, ATy, Px, x, zl, zu]) { p in
      withSlots(L) { lowerColumn in
        withSlots(U) { upperColumn in
          rx.withUnsafeMutableBufferPointer { rb in
            let cp = p[0], ap = p[1], pp = p[2], xp = p[3], lz = p[4], uz = p[5], rp = SharedWrites(rb)
            return chunkResults(n, filler: ColumnResidualSums()) { range in
              if quadratic {
                for j in range { rp[j] = 1 * pp[j] + tau * cp[j] + -1 * ap[j] }
              } else {
                for j in range { rp[j] = tau * cp[j] + -1 * ap[j] }
              }
              for k in L.slots(ofColumns: range) { rp[Int(lowerColumn[k])] += -1 * lz[k] }
              for k in U.slots(ofColumns: range) { rp[Int(upperColumn[k])] += 1 * uz[k] }
              var sums = ColumnResidualSums()
              for j in range {
                sums.dualResidualNorm = max(sums.dualResidualNorm, abs(rp[j]))
                sums.aTyNorm = max(sums.aTyNorm, abs(ap[j]))
                sums.xNorm = max(sums.xNorm, abs(xp[j]))
              }
              sums.cx = interleavedDot(cp, xp, range)
              if quadratic {
                for j in range { sums.pxNorm = max(sums.pxNorm, abs(pp[j])) }
                sums.xPx = interleavedDot(xp, pp, range)
              }
              return sums
            }
          }
        }
      }
    }
    var total = ColumnResidualSums()
    total.cx = orderedSum(parts.map(\.cx), count: n)
    total.xPx = orderedSum(parts.map(\.xPx), count: n)
    for part in parts {
      total.dualResidualNorm = max(total.dualResidualNorm, part.dualResidualNorm)
      total.aTyNorm = max(total.aTyNorm, part.aTyNorm)
      total.xNorm = max(total.xNorm, part.xNorm)
      total.pxNorm = max(total.pxNorm, part.pxNorm)
    }
    return total
  }

  /// r_y = Āx − τb into `ry`; returns ‖r_y‖∞, ‖Āx‖∞ and bᵀy.
  static func primalResidual(tau: Double, Ax: [Double], b: [Double], y: [Double],
                             into ry: inout [Double]) -> (norm: Double, axNorm: Double, by: Double) {
    let m = ry.count
    precondition(Ax.count == m && b.count == m && y.count == m, "primalResidual: lengths differ")
    let parts = withReads([Ax, b, y]) { p in
      ry.withUnsafeMutableBufferPointer { rb in
        let ap = p[0], bp = p[1], yp = p[2], rp = SharedWrites(rb)
        return chunkResults(m, filler: (0.0, 0.0, 0.0)) { range in
          var norm = 0.0, axNorm = 0.0
          for i in range {
            rp[i] = 1 * ap[i] + -tau * bp[i]
            norm = max(norm, abs(rp[i]))
            axNorm = max(axNorm, abs(ap[i]))
          }
          return (norm, axNorm, interleavedDot(bp, yp, range))
        }
      }
    }
    return (parts.reduce(0) { max($0, $1.0) }, parts.reduce(0) { max($0, $1.1) }, orderedSum(parts.map(\.2), count: m))
  }

  /// One side's bound sums: ‖r‖∞ of its bound residuals (`boundResidual`), boundᵀz and sᵀz.
  static func boundSums(_ sigma: Double, x: [Double], at slots: BoundSlots, bound: [Double], tau: Double, s: [Double],
                        z: [Double]) -> (residualNorm: Double, boundZ: Double, sZ: Double) {
    precondition(bound.count == slots.count && s.count == slots.count && z.count == slots.count && slots.fit(in: x.count),
                 "boundSums: lengths differ")
    let parts = withReads([x, bound, s, z]) { p in
      withSlots(slots) { column in
        let xp = p[0], bp = p[1], sp = p[2], zp = p[3]
        return chunkResults(slots.count, filler: (0.0, 0.0, 0.0)) { range in
          var largest = 0.0
          for k in range { largest = max(largest, abs(boundResidual(sigma, xp[Int(column[k])], bp[k], tau, sp[k]))) }
          return (largest, interleavedDot(bp, zp, range), interleavedDot(sp, zp, range))
        }
      }
    }
    return (parts.reduce(0) { max($0, $1.0) }, orderedSum(parts.map(\.1), count: slots.count),
            orderedSum(parts.map(\.2), count: slots.count))
  }

  /// Σ xᵢyᵢ over `range` with `dot`'s four interleaved partial sums.
  @inline(__always)
  static func interleavedDot(_ xp: SharedReads, _ yp: SharedReads, _ range: Range<Int>) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = range.lowerBound
    while i + 4 <= range.upperBound {
      s0 += xp[i] * yp[i]; s1 += xp[i + 1] * yp[i + 1]
      s2 += xp[i + 2] * yp[i + 2]; s3 += xp[i + 3] * yp[i + 3]
      i += 4
    }
    while i < range.upperBound { s0 += xp[i] * yp[i]; i += 1 }
    return (s0 + s1) + (s2 + s3)
  }
}
