/// The kernels of the iteration that read the bound parts (s, z, r, targets and the bounds, kept by slot,
/// see `BoundSlots`). σ = 1 on the lower-bound side (s_l = x_L − lτ) and σ = −1 on the upper (s_u = uτ − x_U).
///
/// The two kernels run once per search direction (`newtonRightHandSide`, `completeDirection`) go over
/// chunks of *columns* and visit each chunk's lower and upper slots in the same pass, while the chunk's
/// columns are in cache: one pass where there were five (a cleared gather vector, a scatter per side and
/// a combination; an update of Δx and a gather per side). A reduction adds its chunks' partial results in
/// chunk order, so results are the same bit for bit whatever the number of threads.
extension IterationKernels {
  /// Runs `body` with read views of `arrays`, valid inside `body` only.
  static func withReads<R>(_ arrays: [[Double]], _ body: ([SharedReads]) -> R) -> R {
    var views: [SharedReads] = []
    views.reserveCapacity(arrays.count)
    func nest(_ i: Int) -> R {
      if i == arrays.count { return body(views) }
      return arrays[i].withUnsafeBufferPointer { buffer in
        views.append(SharedReads(buffer))
        return nest(i + 1)
      }
    }
    return nest(0)
  }

  /// Runs `body` with write views of two arrays, valid inside `body` only.
  static func withWrites<R>(_ a: inout [Double], _ b: inout [Double], _ body: (SharedWrites, SharedWrites) -> R) -> R {
    a.withUnsafeMutableBufferPointer { ab in b.withUnsafeMutableBufferPointer { bb in body(SharedWrites(ab), SharedWrites(bb)) } }
  }

  /// Runs `body` with the read view of a slot list, valid inside `body` only.
  static func withSlots<R>(_ slots: BoundSlots, _ body: (SharedIndices32) -> R) -> R {
    slots.columns.withUnsafeBufferPointer { body(SharedIndices32($0)) }
  }

  /// One side's terms of the Newton system, in one pass over its slots: d[column k] += zₖ/sₖ (the diagonal),
  /// (zₖ/sₖ)·boundₖ added at column k to r₁ (the constant solve's right-hand side) and to v (the τ-row's
  /// coefficients of Δx), and tₖ = sₖzₖ (the predictor's targets); returns Σₖ boundₖ²·zₖ/sₖ (the τ-row's
  /// coefficient). Each by the expression and, for the sum, over the chunks that separate passes used, so
  /// the values are theirs bit for bit. The quotients are not kept: the kernels that read them later divide
  /// again (the same value; a vector of n_L or n_U fewer).
  static func barrierTerms(_ z: [Double], _ s: [Double], _ bound: [Double], at slots: BoundSlots,
                           diagonal d: inout [Double], rightHandSide r1: inout [Double], tauRow v: inout [Double],
                           products t: inout [Double]) -> Double {
    precondition(z.count == slots.count && s.count == slots.count && bound.count == slots.count
                 && t.count == slots.count && slots.fit(in: d.count) && r1.count == d.count && v.count == d.count,
                 "barrierTerms: lengths differ")
    let parts = withReads([z, s, bound]) { p in
      withSlots(slots) { column in
        d.withUnsafeMutableBufferPointer { db in
          withWrites(&r1, &v) { rp, vp in
            t.withUnsafeMutableBufferPointer { tb in
              let zp = p[0], sp = p[1], bp = p[2], dp = SharedWrites(db), tp = SharedWrites(tb)
              return chunkResults(slots.count, filler: 0.0) { range in
                var sum = 0.0
                for k in range {
                  let j = Int(column[k])
                  dp[j] += zp[k] / sp[k]
                  let term = zp[k] / sp[k] * bp[k]
                  rp[j] += term
                  vp[j] += term
                  tp[k] = sp[k] * zp[k]
                  sum += bp[k] * bp[k] * (zp[k] / sp[k])
                }
                return sum
              }
            }
          }
        }
      }
    }
    return orderedSum(parts, count: slots.count)
  }

  /// rₖ = σ(x[column k] − boundₖτ) − sₖ: the bound residuals r_l = x_L − lτ − s_l (σ = 1) and
  /// r_u = uτ − x_U − s_u (σ = −1). Not kept: each kernel that reads them forms them from the iterate
  /// (a vector of n_L or n_U fewer), which does not change until the step.
  @inline(__always)
  static func boundResidual(_ sigma: Double, _ x: Double, _ bound: Double, _ tau: Double, _ s: Double) -> Double {
    sigma * (x - bound * tau) - s
  }

  /// ‖Āᵀy + z_l − z_u‖∞, z_l and z_u added at their slots' columns: the residual of a Farkas ray, formed a
  /// chunk of columns at a time instead of in a copy of Āᵀy (n entries, 73 MB at 100,000 scenarios, each
  /// iteration that runs the infeasibility test).
  static func rayResidualNorm(_ ATy: [Double], lower zl: [Double], at L: BoundSlots, upper zu: [Double],
                              at U: BoundSlots) -> Double {
    precondition(zl.count == L.count && zu.count == U.count && L.fit(in: ATy.count) && U.fit(in: ATy.count),
                 "rayResidualNorm: lengths differ")
    return withReads([ATy, zl, zu]) { p in
      withSlots(L) { lowerColumn in
        withSlots(U) { upperColumn in
          let ap = p[0], lz = p[1], uz = p[2]
          return chunkedExtreme(ATy.count, initial: 0, largest: true) { range in
            var entries = range.map { ap[$0] }
            for k in L.slots(ofColumns: range) { entries[Int(lowerColumn[k]) - range.lowerBound] += lz[k] }
            for k in U.slots(ofColumns: range) { entries[Int(upperColumn[k]) - range.lowerBound] -= uz[k] }
            return entries.reduce(0) { max($0, abs($1)) }
          }
        }
      }
    }
  }

  /// One side's data for `newtonRightHandSide`: complementarity targets t, s, z and the bound, by slot.
  struct RightHandSideTerms {
    let slots: BoundSlots
    let targets: [Double], s: [Double], z: [Double], bound: [Double]
  }

  /// The first block of the Newton right-hand side, outⱼ = −η·(r_x)ⱼ − Σ σ·gₖ over the slots k of column j
  /// on both sides, with gₖ = tₖ/sₖ + (zₖ/sₖ)·η·rₖ; returns Σₖ σ·boundₖ·gₖ over both sides (the τ-row's share).
  static func newtonRightHandSide(eta: Double, _ rx: [Double], x: [Double], tau: Double, lower: RightHandSideTerms,
                                  upper: RightHandSideTerms, into out: inout [Double]) -> Double {
    for side in [lower, upper] {
      precondition([side.targets.count, side.s.count, side.z.count, side.bound.count]
        .allSatisfy { $0 == side.slots.count } && side.slots.fit(in: out.count),
                   "newtonRightHandSide: lengths differ")
    }
    precondition(rx.count == out.count && x.count == out.count, "newtonRightHandSide: lengths differ")
    return withReads([rx, lower.targets, lower.s, lower.z, x, lower.bound,
                      upper.targets, upper.s, upper.z, upper.bound]) { p in
      withSlots(lower.slots) { lowerColumn in
        withSlots(upper.slots) { upperColumn in
          out.withUnsafeMutableBufferPointer { ob in
            let rxp = p[0], op = SharedWrites(ob)
            let lt = p[1], ls = p[2], lz = p[3], xp = p[4], lb = p[5]
            let ut = p[6], us = p[7], uz = p[8], ub = p[9]
            let lowerSlots = lower.slots, upperSlots = upper.slots
            return chunkedSum(ob.count) { range in
              for j in range { op[j] = -eta * rxp[j] }
              var constant = 0.0
              for k in lowerSlots.slots(ofColumns: range) {
                let r = boundResidual(1, xp[Int(lowerColumn[k])], lb[k], tau, ls[k])
                let g = lt[k] / ls[k] + lz[k] / ls[k] * eta * r
                op[Int(lowerColumn[k])] -= g
                constant += lb[k] * g
              }
              for k in upperSlots.slots(ofColumns: range) {
                let r = boundResidual(-1, xp[Int(upperColumn[k])], ub[k], tau, us[k])
                let g = ut[k] / us[k] + uz[k] / us[k] * eta * r
                op[Int(upperColumn[k])] += g
                constant -= ub[k] * g
              }
              return constant
            }
          }
        }
      }
    }
  }

  /// One side's data for `completeDirection`: the bound, the targets t, and s, z, by slot.
  struct DirectionTerms {
    let slots: BoundSlots
    let bound: [Double], targets: [Double], s: [Double], z: [Double]
  }

  /// Completes a direction from x₂ (in dx): Δx = x₂ + Δτ·x₁ (x₂ + `x1Scale`·x₁ when given; (x₂ + `base`) + … when
  /// `base` is given, the sum of two solutions), then on each side forms Δsₖ = σ(Δx[column k] −
  /// boundₖΔτ) + η·rₖ and Δzₖ = −(tₖ + zₖΔsₖ)/sₖ and returns the largest α ≤ `limit` with s + αΔs ≥ 0 and
  /// z + αΔz ≥ 0 on both sides (the ratio test, done while the values are at hand). Δs and Δz are not kept:
  /// the passes that read them form them again (see `DirectionBoundSide`).
  static func completeDirection(dTau: Double, _ x1: [Double], _ dx: inout [Double], eta: Double, x: [Double], tau: Double,
                                lower: DirectionTerms, upper: DirectionTerms, stepLimit limit: Double,
                                x1Scale: Double? = nil, base: [Double]? = nil) -> Double {
    for side in [lower, upper] {
      precondition([side.bound.count, side.targets.count, side.s.count, side.z.count]
        .allSatisfy { $0 == side.slots.count } && side.slots.fit(in: dx.count),
                   "completeDirection: lengths differ")
    }
    precondition(x1.count == dx.count && x.count == dx.count && (base?.count ?? dx.count) == dx.count,
                 "completeDirection: lengths differ")
    return withReads([x1, lower.bound, x, lower.targets, lower.s, lower.z,
                      upper.bound, upper.targets, upper.s, upper.z, base ?? []]) { p in
      withSlots(lower.slots) { lowerColumn in
        withSlots(upper.slots) { upperColumn in
          dx.withUnsafeMutableBufferPointer { dxb in
            let x1p = p[0], dxp = SharedWrites(dxb)
            let lb = p[1], xp = p[2], lt = p[3], ls = p[4], lz = p[5]
            let ub = p[6], ut = p[7], us = p[8], uz = p[9]
            let lowerSlots = lower.slots, upperSlots = upper.slots
            let scale = x1Scale ?? dTau
            let basep = p[10], hasBase = base != nil
            return chunkedExtreme(dxb.count, initial: limit, largest: false) { range in
              if hasBase {
                for j in range { dxp[j] = (dxp[j] + basep[j]) + scale * x1p[j] }
              } else {
                for j in range { dxp[j] += scale * x1p[j] }
              }
              var alpha = limit
              for k in lowerSlots.slots(ofColumns: range) {
                ratioTest(&alpha, 1, x: xp[Int(lowerColumn[k])], dx: dxp[Int(lowerColumn[k])], bound: lb[k], tau: tau,
                          dTau: dTau, eta: eta, target: lt[k], s: ls[k], z: lz[k])
              }
              for k in upperSlots.slots(ofColumns: range) {
                ratioTest(&alpha, -1, x: xp[Int(upperColumn[k])], dx: dxp[Int(upperColumn[k])], bound: ub[k], tau: tau,
                          dTau: dTau, eta: eta, target: ut[k], s: us[k], z: uz[k])
              }
              return alpha
            }
          }
        }
      }
    }
  }
}
