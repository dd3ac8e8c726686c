/// Weights of the complementarity pairs on the central path: the iteration targets
///
///     sₖ zₖ = μ wₖ      with μ = (τκ + Σₖ sₖzₖ) / (1 + Σₖ wₖ)
///
/// instead of sₖ zₖ = μ. Any fixed positive weights lead to the same optimum (μ → 0); they change which
/// path is followed. In a scenario program the costs of block B scale with its probability p_B, so its
/// dual slacks, and with them the products sₖzₖ it can reach, are p_B times smaller than the first
/// stage's: a uniform target keeps pushing the small blocks towards products they cannot reach while
/// the large ones already could go on, and the common step stalls. With
///
///     w_B = max(0.01, √(‖c_B‖∞ / max_B′ ‖c_B′‖∞))
///
/// (c the scaled costs, B a column block) the iteration took 35 instead of 37 iterations at 1,000
/// generated scenarios, 45 instead of 49 at 3,000 and 59 instead of 74 at 10,000 (centring
/// σ = (1 − α_aff)¹², solves accurate to a tenth of the smallest relative residual, four Gondzio
/// correctors aimed at the trial step 1.2α + 0.3, ρ = 1e-16, the fused direction kernels of
/// `BoundKernels.swift`; with σ = (1 − α_aff)³ it was 41 / 44, 51 / 64 and 71 / 88; before those kernels,
/// whose sums round differently, 40 / 44, 51 / 59 and 76 / 88; with 1.5α + 0.1 it was 39 / 48, 63 / 66 and
/// 81 / 97; with two correctors and ρ = 1e-12 it was 46 / 54, 69 / 72 and a wash at 10,000, 112 / 109). (Before
/// the generator stopped rounding probabilities to 10⁻⁴, a third of the 10,000 scenarios had probability
/// zero, and there the weights saved 24 iterations of 129.) The square root and the floor were the best of
/// the powers (¼, ½, ¾, 1) and floors (10⁻³ … 10⁻¹) tried, and zero-cost blocks (zero probability) get
/// the floor. Programs without blocks get wₖ = 1, the classical path. The starting point shifts the dual
/// slacks in proportion to wₖ² (`shiftStartingPoint`).
struct CentralPathWeights {
  /// The weights of the pairs on lower bounds (in the order of the iteration's L) and on upper bounds (U).
  let lower: SlotWeights, upper: SlotWeights
  /// 1 + Σₖ wₖ, the denominator of μ (1 for the τκ pair).
  let total: Double

  static let floor = 0.01

  init(columnBlock: [Int]?, costs c: [Double], lowerBounded L: BoundSlots, upperBounded U: BoundSlots, enabled: Bool) {
    guard enabled, let blocks = columnBlock, blocks.contains(where: { $0 > 0 }) else {
      lower = SlotWeights(table: [1], block: [])
      upper = lower
      total = Double(L.count + U.count + 1)
      return
    }
    var scale = [Double](repeating: 0, count: (blocks.max() ?? 0) + 1)
    for j in 0..<c.count { scale[blocks[j]] = max(scale[blocks[j]], abs(c[j])) }
    let top = scale.max() ?? 0
    let w = scale.map { top > 0 ? max(Self.floor, ($0 / top).squareRoot()) : 1 }
    let lower = SlotWeights(table: w, block: L.map { Int32(blocks[$0]) })
    let upper = SlotWeights(table: w, block: U.map { Int32(blocks[$0]) })
    total = (0..<L.count).reduce(0) { $0 + lower[$1] } + (0..<U.count).reduce(0) { $0 + upper[$1] } + 1
    self.lower = lower
    self.upper = upper
  }
}

extension CentralPathWeights {
  /// Mehrotra's final shift of the starting point, on the weighted path: sₖ += δs and zₖ += δz·wₖ², with
  ///
  ///     δs = ½ sᵀz / Σₖ zₖ,   δz = ½ sᵀz / Σₖ sₖ wₖ²,
  ///
  /// then sₖ ≥ 10⁻⁴ and zₖ ≥ 10⁻⁴·wₖ² (Mehrotra's δs, δz and floors when every wₖ = 1, so a program without
  /// blocks starts where it always did). A scenario's dual slacks scale with its probability; a uniform δz
  /// put the rare scenarios' duals far above what their costs support, and the first iterations took steps
  /// of 0.005–0.09 pulling them back. Iterations (`derisk generate --materials 3 --suppliers 12 --corridors
  /// 6`, seed 1 at 1,000 / 3,000 / 10,000 / 30,000 / 100,000 scenarios, seeds 2 and 3 at 3,000 and 10,000):
  /// 31 / 42 / 57 / 67 / 79 and 50, 59, 62, 79 against 31 / 43 / 63 / 78 / 88 and 53, 66, 65, 92 with the
  /// uniform shift (2026-12-01; 100,000 scenarios 73.9 / 78.8 s against 93.7 / 79.4 s, alternated). δz ∝ wₖ,
  /// √wₖ on both sides, wₖ^1.5, wₖ³ and wₖ⁴ were each worse at 1,000 or 10,000 scenarios; the Netlib and
  /// Maros–Mészáros fixtures, without blocks, take the same iterations to the same digits; of the 72
  /// fixed-plan programs that `BlockPivotDroppingTests` describes, 6 end `almostOptimal` against 9.
  static func shiftStartingPoint(lower sl: inout [Double], _ zl: inout [Double], weights wL: SlotWeights,
                                 upper su: inout [Double], _ zu: inout [Double], weights wU: SlotWeights) {
    var sz = 0.0, sumZ = 0.0, sumWeightedS = 0.0
    for k in sl.indices { sz += sl[k] * zl[k]; sumZ += zl[k]; sumWeightedS += sl[k] * wL[k] * wL[k] }
    for k in su.indices { sz += su[k] * zu[k]; sumZ += zu[k]; sumWeightedS += su[k] * wU[k] * wU[k] }
    let addS = sumZ > 0 ? 0.5 * sz / sumZ : 0, addZ = sumWeightedS > 0 ? 0.5 * sz / sumWeightedS : 0
    for k in sl.indices {
      let w2 = wL[k] * wL[k]
      sl[k] = max(sl[k] + addS, 1e-4); zl[k] = max(zl[k] + addZ * w2, 1e-4 * w2)
    }
    for k in su.indices {
      let w2 = wU[k] * wU[k]
      su[k] = max(su[k] + addS, 1e-4); zu[k] = max(zu[k] + addZ * w2, 1e-4 * w2)
    }
  }
}

/// One side's pair weights, by block: wₖ = table[block[k]], or table[0] for every pair when `block` is
/// empty (the classical path). A weight depends on its block only, so a 32-bit block per pair and one
/// weight per block replace a weight per pair (half the memory: 0.45 KB per scenario of the generated
/// benchmark).
struct SlotWeights: Sendable {
  let table: [Double]
  let block: [Int32]

  subscript(k: Int) -> Double { block.isEmpty ? table[0] : table[Int(block[k])] }

  /// Runs `body` with a read view of the weights, valid inside `body` only.
  func withReads<R>(_ body: (SlotWeightReads) -> R) -> R {
    table.withUnsafeBufferPointer { t in
      block.withUnsafeBufferPointer { b in body(SlotWeightReads(table: SharedReads(t), block: b.isEmpty ? nil : SharedIndices32(b))) }
    }
  }
}

/// The weights as parallel chunks read them (see `SlotWeights`).
struct SlotWeightReads: Sendable {
  let table: SharedReads
  let block: SharedIndices32?

  @inline(__always) subscript(k: Int) -> Double {
    if let block { return table[Int(block[k])] }
    return table[0]
  }
}
