/// The bound parts of a search direction, formed where they are read instead of being stored.
///
/// On one side (σ = 1 lower, σ = −1 upper) a direction with Δx, Δτ and residual weight η has
///
///     Δsₖ = σ(Δx[column k] − boundₖΔτ) + η·rₖ,    Δzₖ = −(tₖ + zₖΔsₖ)/sₖ,
///
/// with tₖ the complementarity targets it was solved for and rₖ the iterate's bound residual
/// (`boundResidual`, formed from x, τ and s). `IterationKernels.completeDirection` forms them
/// for its ratio test; the kernels here form them again, by the same expressions (so the same values, bit
/// for bit), for the three passes that read them: the Mehrotra targets (predictor), the Gondzio targets
/// (current direction) and the step. A direction then keeps Δx, Δy, Δτ and Δκ only: four vectors of
/// n_L or n_U entries fewer in each of the iteration's two directions (at 10,000 generated scenarios
/// 114 slots per scenario, 3.6 KB per scenario).
struct DirectionBoundSide {
  /// 1 for lower bounds (s = x_L − lτ), −1 for upper bounds (s = uτ − x_U).
  let sigma: Double
  let slots: BoundSlots
  /// The bound and the targets t the direction was solved for, by slot.
  let bound: [Double], targets: [Double]
  /// The iterate's x (by column) and τ, for the bound residuals.
  let x: [Double], tau: Double
}

/// Four slots' values, for the Gondzio targets' pass.
typealias Quad = SIMD4<Double>

/// p[k ..< k + 4] as one vector.
@inline(__always) func quad(_ p: SharedReads, _ k: Int) -> Quad {
  UnsafeRawPointer(p.base.unsafelyUnwrapped + k).loadUnaligned(as: Quad.self)
}

extension IterationKernels {
  /// Δsₖ of a direction (see `DirectionBoundSide`), from Δx at the slot's column.
  @inline(__always)
  static func boundStep(_ sigma: Double, _ dxAtColumn: Double, _ bound: Double, _ dTau: Double, _ eta: Double,
                        _ residual: Double) -> Double {
    // The lower side's σ = 1 is left out, the upper side's −1 is a negation: as `completeDirection`.
    (sigma > 0 ? (dxAtColumn - bound * dTau) : -(dxAtColumn - bound * dTau)) + eta * residual
  }

  /// Δzₖ of a direction from its Δsₖ.
  @inline(__always)
  static func boundDualStep(_ target: Double, _ s: Double, _ z: Double, _ ds: Double) -> Double {
    -(target + z * ds) / s
  }

  /// (Δsₖ, Δzₖ) at one slot: from the iterate's x at the slot's column, the bound, τ, s and z, and the
  /// direction's Δx at the column, Δτ, η and the slot's target t (the one place these are formed).
  @inline(__always)
  static func boundParts(_ sigma: Double, x: Double, dx: Double, bound: Double, tau: Double, dTau: Double, eta: Double,
                         target: Double, s: Double, z: Double) -> (ds: Double, dz: Double) {
    let ds = boundStep(sigma, dx, bound, dTau, eta, boundResidual(sigma, x, bound, tau, s))
    return (ds, boundDualStep(target, s, z, ds))
  }

  /// The ratio test at one slot: α ← min(α, −s/Δs) where Δs < 0 and min(α, −z/Δz) where Δz < 0, with
  /// (Δs, Δz) as `boundParts` forms them. A division is made only where the slot may lower α: with
  /// q = t + zΔs, Δz = −q/s < 0 exactly when q > 0, and −z/Δz = zs/q, so a slot whose s ≥ α(−Δs)·(1 + 10⁻¹²)
  /// or zs ≥ αq·(1 + 10⁻¹²) cannot (the margin covers the rounding of both sides). The quotients that are
  /// formed are `boundParts`' own, so α is the same, bit for bit. Most slots block nothing: in a solve of
  /// 10,000 generated scenarios −s/Δs is formed at 24,384 of 270 million slot visits.
  @inline(__always)
  static func ratioTest(_ alpha: inout Double, _ sigma: Double, x: Double, dx: Double, bound: Double, tau: Double,
                        dTau: Double, eta: Double, target: Double, s: Double, z: Double) {
    let margin = 1 + 1e-12
    let ds = boundStep(sigma, dx, bound, dTau, eta, boundResidual(sigma, x, bound, tau, s))
    // s > 0 and zs > 0 in the interior, so each test fails where Δs ≥ 0 or q ≤ 0: one branch per part,
    // rarely taken. A test of Δs's sign (negative at about three slots in five) was taken at random: without
    // it the pass took half the time.
    if s < alpha * -ds * margin { alpha = min(alpha, -s / ds) }
    let q = target + z * ds
    if z * s < alpha * q * margin {
      let dz = -q / s   // `boundDualStep`
      if dz < 0 { alpha = min(alpha, -z / dz) }
    }
  }

  /// Runs `body` over chunks of slots with the side's arrays (bound, x, targets), s, z and Δx as read views.
  private static func overSlots(_ side: DirectionBoundSide, s: [Double], z: [Double], dx: [Double],
                                _ body: @Sendable (Range<Int>, SharedIndices32, [SharedReads]) -> Void) {
    precondition([side.bound.count, side.targets.count, s.count, z.count].allSatisfy { $0 == side.slots.count }
                 && side.slots.fit(in: dx.count) && side.x.count == dx.count, "direction bound parts: lengths differ")
    withReads([side.bound, side.x, side.targets, s, z, dx]) { p in
      withSlots(side.slots) { column in
        chunked(side.slots.count) { range in body(range, column, p) }
      }
    }
  }

  /// Mehrotra's complementarity targets on the weighted path (`CentralPathWeights`),
  /// outₖ = sₖzₖ + ΔsₖΔzₖ − shift·wₖ, for the predictor (Δx, Δτ, η) on `side`. `out` must not be
  /// `side.targets`.
  static func mehrotraTargets(_ side: DirectionBoundSide, s: [Double], z: [Double], dx: [Double], dTau: Double,
                              eta: Double, shift: Double, weights w: SlotWeights, into out: inout [Double]) {
    precondition((w.block.isEmpty || w.block.count == side.slots.count) && out.count == side.slots.count,
                 "mehrotraTargets: lengths differ")
    let sigma = side.sigma, tau = side.tau
    w.withReads { wp in
      out.withUnsafeMutableBufferPointer { ob in
        let op = SharedWrites(ob)
        overSlots(side, s: s, z: z, dx: dx) { range, column, p in
          let bp = p[0], xp = p[1], tp = p[2], sp = p[3], zp = p[4], dxp = p[5]
          for k in range {
            let (ds, dz) = boundParts(sigma, x: xp[Int(column[k])], dx: dxp[Int(column[k])], bound: bp[k], tau: tau,
                                      dTau: dTau, eta: eta, target: tp[k], s: sp[k], z: zp[k])
            op[k] = sp[k] * zp[k] + ds * dz - shift * wp[k]
          }
        }
      }
    }
  }

  /// Gondzio's correction of the targets t along the direction (Δx, Δτ, η) on `side`: at the trial step
  /// α̃ = `step` the products p = (s + α̃Δs)(z + α̃Δz) are pushed into the pair's band [low·wₖ, high·wₖ]:
  /// outₖ = tₖ − (low·wₖ − p) below it, tₖ − max(−high·wₖ, high·wₖ − p) above it, tₖ inside.
  static func gondzioTargets(_ t: [Double], _ side: DirectionBoundSide, s: [Double], z: [Double], dx: [Double],
                             dTau: Double, eta: Double, step: Double, low: Double, high: Double,
                             weights w: SlotWeights, into out: inout [Double]) {
    precondition(t.count == side.slots.count && (w.block.isEmpty || w.block.count == side.slots.count)
                 && out.count == side.slots.count, "gondzioTargets: lengths differ")
    let sigma = side.sigma, tau = side.tau
    withReads([t]) { q in
      w.withReads { wq in
        out.withUnsafeMutableBufferPointer { ob in
          let op = SharedWrites(ob), tq = q[0]
          overSlots(side, s: s, z: z, dx: dx) { range, column, p in
            let bp = p[0], xp = p[1], tp = p[2], sp = p[3], zp = p[4], dxp = p[5]
            for k in range {
              let (ds, dz) = boundParts(sigma, x: xp[Int(column[k])], dx: dxp[Int(column[k])], bound: bp[k], tau: tau,
                                        dTau: dTau, eta: eta, target: tp[k], s: sp[k], z: zp[k])
              op[k] = tq[k] - gondzioCorrection(sp[k], zp[k], ds, dz, step: step, low: low * wq[k], high: high * wq[k])
            }
          }
        }
      }
    }
  }

  /// One side of `gondzioTargetsAndChange`: its bound parts, s, z and the central-path weights.
  struct GondzioSide {
    let side: DirectionBoundSide
    let s: [Double], z: [Double]
    let weights: SlotWeights
  }

  /// `gondzioTargets` on both sides, t′ from the targets t = `side.targets` (into `lowerOut` and `upperOut`),
  /// and how `newtonRightHandSide`'s first block changes from t to t′: change ← 0, then changeⱼ −= σ(t′ₖ − tₖ)/sₖ
  /// over the slots k of column j on both sides; returns the change of its τ-row share, Σₖ σ·boundₖ(t′ₖ − tₖ)/sₖ.
  /// The change is zero at every column whose targets did not move, and the scenario backend skips the
  /// blocks whose right-hand side is zero (at 30,000 generated scenarios a corrector's change reaches 28 % of
  /// the batches, averaged over the solve; measured 2026-12-01). One pass over chunks of columns, each slot's change scattered while its
  /// s, z and bound are in cache (it was two passes over the slots and one over the columns). Also returns
  /// the columns where the change may be nonzero (`KKTSystem.solve(_:_:nonzeroColumns:)`).
  static func gondzioTargetsAndChange(_ lower: GondzioSide, _ upper: GondzioSide, dx: [Double], dTau: Double,
                                      eta: Double, step: Double, low: Double, high: Double,
                                      into lowerOut: inout [Double], _ upperOut: inout [Double],
                                      change out: inout [Double]) -> (constant: Double, nonzeroColumns: [Int32]) {
    for (g, count) in [(lower, lowerOut.count), (upper, upperOut.count)] {
      precondition([g.side.bound.count, g.side.targets.count, g.s.count, g.z.count, count].allSatisfy { $0 == g.side.slots.count }
                   && (g.weights.block.isEmpty || g.weights.block.count == g.side.slots.count)
                   && g.side.slots.fit(in: out.count) && g.side.x.count == out.count, "gondzioTargetsAndChange: lengths differ")
    }
    precondition(dx.count == out.count && lower.side.tau == upper.side.tau, "gondzioTargetsAndChange: lengths differ")
    let tau = lower.side.tau
    return withReads([lower.side.x, dx, lower.side.bound, lower.side.targets, lower.s, lower.z,
                      upper.side.bound, upper.side.targets, upper.s, upper.z]) { p in
      lower.weights.withReads { lw in
        upper.weights.withReads { uw in
          withSlots(lower.side.slots) { lowerColumn in
            withSlots(upper.side.slots) { upperColumn in
              lowerOut.withUnsafeMutableBufferPointer { lob in
                upperOut.withUnsafeMutableBufferPointer { uob in
                  out.withUnsafeMutableBufferPointer { ob in
                    let op = SharedWrites(ob), lop = SharedWrites(lob), uop = SharedWrites(uob)
                    let xp = p[0], dxp = p[1], lb = p[2], lt = p[3], ls = p[4], lz = p[5]
                    let ub = p[6], ut = p[7], us = p[8], uz = p[9]
                    let lowerSlots = lower.side.slots, upperSlots = upper.side.slots
                    let chunks = chunkResults(ob.count, filler: (0.0, [Int32]())) { range in
                      for j in range { op[j] = 0 }
                      var constant = 0.0
                      var changed: [Int32] = []
                      /// One side's slots in the chunk (σ = 1 lower, −1 upper: the change enters r₁ as −σg
                      /// and the τ-row as σ·bound·g, exactly as the two signs written out would).
                      @inline(__always)
                      func visit(_ sigma: Double, _ slots: Range<Int>, _ columnOf: SharedIndices32, bound: SharedReads,
                                 targets: SharedReads, s: SharedReads, z: SharedReads, weights: SlotWeightReads,
                                 into newTargets: SharedWrites) {
                        /// The change of slot k's target (new target t′ ≠ t): g = (t′ − t)/s enters op and the constant.
                        @inline(__always) func record(_ k: Int, _ target: Double) {
                          let g = (target - targets[k]) / s[k]
                          op[Int(columnOf[k])] -= sigma * g
                          constant += sigma * bound[k] * g
                          changed.append(columnOf[k])
                        }
                        // Four slots at a time: the same expressions lane by lane (so the same values, bit for bit),
                        // the changed slots then recorded in slot order.
                        var k = slots.lowerBound
                        while k + 4 <= slots.upperBound {
                          let c0 = Int(columnOf[k]), c1 = Int(columnOf[k + 1]), c2 = Int(columnOf[k + 2]), c3 = Int(columnOf[k + 3])
                          let xv = Quad(xp[c0], xp[c1], xp[c2], xp[c3]), dxv = Quad(dxp[c0], dxp[c1], dxp[c2], dxp[c3])
                          let bv = quad(bound, k), tv = quad(targets, k), sv = quad(s, k), zv = quad(z, k)
                          let wv = Quad(weights[k], weights[k + 1], weights[k + 2], weights[k + 3])
                          let residual = sigma * (xv - bv * tau) - sv
                          let move = dxv - bv * dTau
                          let ds = (sigma > 0 ? move : -move) + eta * residual
                          let dz = -(tv + zv * ds) / sv
                          let product = (sv + step * ds) * (zv + step * dz)
                          let lowW = low * wv, highW = high * wv
                          let above = pointwiseMax(-highW, highW - product)
                          let correction = Quad.zero.replacing(with: above, where: product .> highW)
                            .replacing(with: lowW - product, where: product .< lowW)
                          let target = tv - correction
                          UnsafeMutableRawPointer(newTargets.base.unsafelyUnwrapped + k).storeBytes(of: target, as: Quad.self)
                          let isChanged = target .!= tv
                          if any(isChanged) {
                            for lane in 0..<4 where isChanged[lane] { record(k + lane, target[lane]) }
                          }
                          k += 4
                        }
                        while k < slots.upperBound {
                          let column = Int(columnOf[k])
                          let (ds, dz) = boundParts(sigma, x: xp[column], dx: dxp[column], bound: bound[k], tau: tau,
                                                    dTau: dTau, eta: eta, target: targets[k], s: s[k], z: z[k])
                          let target = targets[k] - gondzioCorrection(s[k], z[k], ds, dz, step: step, low: low * weights[k],
                                                                      high: high * weights[k])
                          newTargets[k] = target
                          if target != targets[k] { record(k, target) }
                          k += 1
                        }
                      }
                      visit(1, lowerSlots.slots(ofColumns: range), lowerColumn, bound: lb, targets: lt, s: ls, z: lz,
                            weights: lw, into: lop)
                      visit(-1, upperSlots.slots(ofColumns: range), upperColumn, bound: ub, targets: ut, s: us, z: uz,
                            weights: uw, into: uop)
                      return (constant, changed)
                    }
                    return (orderedSum(chunks.map(\.0), count: ob.count), chunks.flatMap(\.1))
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The step on one side: s ← s + αΔs and z ← z + αΔz for the direction (Δx, Δτ, η), both parts formed
  /// from the iterate before the step (x, τ, s and z: the caller steps x and τ after this).
  static func stepBounds(_ sigma: Double, slots: BoundSlots, bound: [Double], targets: [Double], x: [Double], tau: Double,
                         dx: [Double], dTau: Double, eta: Double, alpha: Double,
                         s: inout [Double], z: inout [Double]) {
    precondition([bound.count, targets.count, s.count, z.count].allSatisfy { $0 == slots.count }
                 && slots.fit(in: dx.count) && x.count == dx.count, "stepBounds: lengths differ")
    withReads([bound, x, targets, dx]) { p in
      withSlots(slots) { column in
        withWrites(&s, &z) { sw, zw in
          let bp = p[0], xp = p[1], tp = p[2], dxp = p[3]
          chunked(slots.count) { range in
            for k in range {
              let (ds, dz) = boundParts(sigma, x: xp[Int(column[k])], dx: dxp[Int(column[k])], bound: bp[k], tau: tau,
                                        dTau: dTau, eta: eta, target: tp[k], s: sw[k], z: zw[k])
              sw[k] += alpha * ds
              zw[k] += alpha * dz
            }
          }
        }
      }
    }
  }
}
