import DeriskLinearAlgebra

/// The symbolic part of a sparse Cholesky factorization of one scenario block's matrix
///
///     Mₛ = Wₛ Θₛ Wₛᵀ + δI      (mₛ × mₛ, Wₛ the block's rows restricted to the block's own columns),
///
/// computed once for a sparsity pattern and shared by every scenario block with the same pattern.
///
/// Rows are ordered by minimum degree among the *interior* rows (those that touch no first-stage column),
/// with the *boundary* rows (those that do) last. Then L⁻¹Tₛ, the part of the block that reaches the
/// first stage, is nonzero only in the trailing boundary rows, so each block contributes a small dense
/// |B| × n₀ matrix Vₛ to the first-stage Schur complement Σ VₛᵀVₛ.
///
/// The numeric factorization is a right-looking column Cholesky driven by precomputed index lists
/// (assembly pairs and elimination updates), so no searching happens per scenario. It runs on a batch
/// of `Lanes.scalarCount` blocks of the pattern at once, one SIMD lane per block: each index read then serves
/// every block of the batch, and the lanes' arithmetic is independent, as if each block were alone. Storage of the
/// factor (per lane): `values[0 ..< m]` the *reciprocal* diagonal 1/Lₖₖ (the sweeps multiply by it: a division's latency
/// sat on the sweeps' dependency chain), `values[m + p]` the p-th stored off-diagonal entry.
final class BlockCholeskyPlan: Sendable {
  /// Rows of the block.
  let m: Int
  /// permuted position → local row.
  let order: [Int32]
  /// local row → permuted position.
  let position: [Int32]
  /// First permuted position of the boundary rows.
  let boundaryStart: Int
  /// L's strictly-lower pattern by column (permuted indices): rows lRows[lStarts[k] ..< lStarts[k+1]], sorted.
  let lStarts: [Int32]
  let lRows: [Int32]
  /// For each local column c of Wₛ, the pairs (entry a, entry b) of that column and the factor slot
  /// they add w_a θ_c w_b to: assemblyStarts[c] ..< assemblyStarts[c+1].
  let assemblyStarts: [Int32]
  let assemblyA: [Int32]
  let assemblyB: [Int32]
  let assemblyTarget: [Int32]
  /// For pivot k, the updates slot[dst] −= slot[a]·slot[b]: updateStarts[k] ..< updateStarts[k+1].
  let updateStarts: [Int32]
  let updateA: [Int32]
  let updateB: [Int32]
  let updateTarget: [Int32]

  /// The pattern of Wₛ itself, shared by the blocks of this plan: column c's entries are
  /// wStarts[c] ..< wStarts[c+1], in rows wRows (permuted positions, so sweeps need no lookup).
  let wStarts: [Int32]
  let wRows: [Int32]

  /// Number of factor slots (diagonal plus stored off-diagonal entries).
  var slotCount: Int { m + lRows.count }

  /// Builds the plan for a block whose own-column matrix has CSC pattern (columnStarts, rowIndices) over
  /// m local rows, with `isBoundary[r]` marking rows that touch first-stage columns.
  init(m: Int, columnStarts: [Int32], rowIndices: [Int32], isBoundary: [Bool]) {
    self.m = m
    // Row adjacency: two rows are adjacent when some column holds both.
    var adjacency = [Set<Int>](repeating: [], count: m)
    let columns = columnStarts.count - 1
    for c in 0..<columns {
      let lo = Int(columnStarts[c]), hi = Int(columnStarts[c + 1])
      if hi - lo < 2 { continue }
      for p in lo..<hi {
        for q in lo..<hi where p != q { adjacency[Int(rowIndices[p])].insert(Int(rowIndices[q])) }
      }
    }
    // Minimum-degree elimination of interior rows (ties by lowest row for determinism), boundary last.
    var eliminated = [Bool](repeating: false, count: m)
    var orderList: [Int] = []
    orderList.reserveCapacity(m)
    var patterns: [[Int]] = []   // neighbours (local rows) of each pivot at its elimination
    func eliminate(_ r: Int) {
      let neighbours = adjacency[r].filter { !eliminated[$0] }
      for a in neighbours {
        adjacency[a].remove(r)
        for b in neighbours where b != a { adjacency[a].insert(b) }
      }
      eliminated[r] = true
      orderList.append(r)
      patterns.append(Array(neighbours))
    }
    let interiorCount = isBoundary.filter { !$0 }.count
    for _ in 0..<interiorCount {
      var best = -1, bestDegree = Int.max
      for r in 0..<m where !eliminated[r] && !isBoundary[r] {
        let degree = adjacency[r].count
        if degree < bestDegree { best = r; bestDegree = degree }
      }
      eliminate(best)
    }
    for r in 0..<m where isBoundary[r] { eliminate(r) }
    boundaryStart = interiorCount

    var position = [Int32](repeating: 0, count: m)
    for (k, r) in orderList.enumerated() { position[r] = Int32(k) }
    self.order = orderList.map { Int32($0) }
    self.position = position
    wStarts = columnStarts
    wRows = rowIndices.map { position[Int($0)] }

    // L pattern in permuted indices.
    var starts: [Int32] = [0]
    var rows: [Int32] = []
    for k in 0..<m {
      let column = patterns[k].map { Int(position[$0]) }.sorted()
      for r in column { rows.append(Int32(r)) }
      starts.append(Int32(rows.count))
    }
    lStarts = starts
    lRows = rows
    // slot(i, j), i ≥ j permuted: the diagonal slot j, or m + the stored position of i in column j.
    func slot(_ i: Int, _ j: Int) -> Int32 {
      if i == j { return Int32(j) }
      var lo = Int(starts[j]), hi = Int(starts[j + 1])
      while lo < hi {
        let mid = (lo + hi) / 2
        if Int(rows[mid]) < i { lo = mid + 1 } else { hi = mid }
      }
      return Int32(m + lo)  // present by construction: adjacency implies fill
    }
    // Assembly of M = W Θ Wᵀ: each column's entry pairs (lower triangle in permuted order).
    var aStarts: [Int32] = [0], aA: [Int32] = [], aB: [Int32] = [], aT: [Int32] = []
    for c in 0..<columns {
      let lo = Int(columnStarts[c]), hi = Int(columnStarts[c + 1])
      for p in lo..<hi {
        for q in lo...p {
          let i = Int(position[Int(rowIndices[p])]), j = Int(position[Int(rowIndices[q])])
          aA.append(Int32(p))
          aB.append(Int32(q))
          aT.append(slot(max(i, j), min(i, j)))
        }
      }
      aStarts.append(Int32(aA.count))
    }
    assemblyStarts = aStarts
    assemblyA = aA
    assemblyB = aB
    assemblyTarget = aT
    // Right-looking updates: for pivot k and stored rows a ≥ b of column k: L[a][b] −= L[a][k] L[b][k].
    var uStarts: [Int32] = [0], uA: [Int32] = [], uB: [Int32] = [], uT: [Int32] = []
    for k in 0..<m {
      let lo = Int(starts[k]), hi = Int(starts[k + 1])
      for p in lo..<hi {
        for q in lo...p {
          uA.append(Int32(m + p))
          uB.append(Int32(m + q))
          uT.append(slot(Int(rows[p]), Int(rows[q])))
        }
      }
      uStarts.append(Int32(uA.count))
    }
    updateStarts = uStarts
    updateA = uA
    updateB = uB
    updateTarget = uT
  }

  /// Assembles and factors Mₛ = Wₛ diag(θ) Wₛᵀ + δI for the `Lanes.scalarCount` blocks of a batch at once, lane by
  /// lane (every block of a batch has this plan's pattern, so one pass over the index lists serves them all,
  /// and the arithmetic of each lane is that of a lone block).
  /// - Parameters:
  ///   - values: the batch's own-column entries, in the pattern's CSC order, one lane per block.
  ///   - theta: θ for each local column, one lane per block.
  ///   - factor: the batch's factor slots (`slotCount` of them).
  ///   - dropPivots: drop, lane by lane, each *interior* pivot (a row that touches no first-stage column)
  ///     that is at most 10⁻²⁰ of the lane's largest diagonal entry, instead of failing (as
  ///     `DependentRowCholesky` does for the normal equations, after Wright 1999): its reciprocal and its
  ///     column of L are set to zero, so a sweep sets that component to zero, as if the pivot were infinite.
  ///     An interior pivot then fails only when NaN or +∞; boundary pivots are tested as without dropping
  ///     (dropping them too cut the blocks' coupling to the first stage: 25 of 72 generated stochastic
  ///     programs with CVaR or expectation objectives then ended short of `optimal`, against none). Meant for
  ///     a batch whose plain factorization failed, since small positive pivots that the plain one keeps are
  ///     dropped too.
  /// - Returns: the lanes whose matrix was not positive definite (all false when the factorization succeeded).
  func factor(values: UnsafeBufferPointer<Lanes>, theta: UnsafeBufferPointer<Lanes>, delta: Double,
              dropPivots: Bool = false, into factor: UnsafeMutableBufferPointer<Lanes>) -> SIMDMask<Lanes.MaskStorage> {
    for s in 0..<slotCount { factor[s] = Lanes() }
    for k in 0..<m { factor[k] = Lanes(repeating: delta) }
    let columns = assemblyStarts.count - 1
    assemblyStarts.withUnsafeBufferPointer { starts in
      assemblyA.withUnsafeBufferPointer { a in
        assemblyB.withUnsafeBufferPointer { b in
          assemblyTarget.withUnsafeBufferPointer { t in
            for c in 0..<columns {
              let th = theta[c]
              for e in Int(starts[c])..<Int(starts[c + 1]) {
                factor[Int(t[e])] += values[Int(a[e])] * th * values[Int(b[e])]
              }
            }
          }
        }
      }
    }
    var failed = SIMDMask<Lanes.MaskStorage>(repeating: false)
    var floor = Lanes.zero
    if dropPivots {
      for k in 0..<m { floor = pointwiseMax(floor, factor[k]) }
      floor *= 1e-20
    }
    lStarts.withUnsafeBufferPointer { ls in
      updateStarts.withUnsafeBufferPointer { us in
        updateA.withUnsafeBufferPointer { ua in
          updateB.withUnsafeBufferPointer { ub in
            updateTarget.withUnsafeBufferPointer { ut in
              for k in 0..<m {
                let d = factor[k]
                var inverse: Lanes
                if dropPivots && k < boundaryStart {
                  // NaN and +∞ fail (d < ∞ is false for both); a pivot at most the floor is dropped.
                  let bad = .!(d .< Lanes(repeating: .infinity))
                  if any(bad) { failed = bad; return }
                  let kept = d .> floor
                  inverse = 1 / d.replacing(with: 1, where: .!kept).squareRoot()
                  inverse.replace(with: 0, where: .!kept)
                } else {
                  // NaN fails the first test, +∞ the second.
                  let bad = .!((d .> Lanes(repeating: 1e-300)) .& (d .< Lanes(repeating: .infinity)))
                  if any(bad) { failed = bad; return }
                  inverse = 1 / d.squareRoot()
                }
                factor[k] = inverse
                for p in Int(ls[k])..<Int(ls[k + 1]) { factor[m + p] *= inverse }
                for u in Int(us[k])..<Int(us[k + 1]) {
                  factor[Int(ut[u])] -= factor[Int(ua[u])] * factor[Int(ub[u])]
                }
              }
            }
          }
        }
      }
    }
    return failed
  }

  /// Overwrites x (permuted order, length m, one lane per block) with L⁻¹ x, starting at permuted row `from`.
  func forward(_ factor: UnsafeBufferPointer<Lanes>, _ x: UnsafeMutableBufferPointer<Lanes>, from: Int = 0) {
    lStarts.withUnsafeBufferPointer { ls in
      lRows.withUnsafeBufferPointer { lr in
        for k in from..<m {
          let xk = x[k] * factor[k]
          x[k] = xk
          for p in Int(ls[k])..<Int(ls[k + 1]) { x[Int(lr[p])] -= factor[m + p] * xk }
        }
      }
    }
  }

  /// Overwrites x (permuted order, one lane per block) with L⁻ᵀ x. With `lowest` > 0 only the trailing block
  /// is solved: x[lowest...] ← L₂₂⁻ᵀ x[lowest...] for L₂₂ = L[lowest..., lowest...] (its columns hold no
  /// rows above `lowest`, so nothing else is read or written).
  func backward(_ factor: UnsafeBufferPointer<Lanes>, _ x: UnsafeMutableBufferPointer<Lanes>, through lowest: Int = 0) {
    lStarts.withUnsafeBufferPointer { ls in
      lRows.withUnsafeBufferPointer { lr in
        for k in stride(from: m - 1, through: lowest, by: -1) {
          var sum = x[k]
          for p in Int(ls[k])..<Int(ls[k + 1]) { sum -= factor[m + p] * x[Int(lr[p])] }
          x[k] = sum * factor[k]
        }
      }
    }
  }
}

/// One value per block of a batch: the blocks of a batch share a `BlockCholeskyPlan` and are factored and
/// swept together, one SIMD lane each (see `ScenarioSchurSystem`). Eight lanes, not four: each index read
/// then serves eight blocks, and an AVX2 build does each operation in two full registers (measured
/// 2026-11-30, time per iteration at 10,000 generated scenarios, medians of 4–8 alternating runs: four
/// lanes 165 ms, eight lanes 157 ms; compiled for Haswell, four lanes 151 ms, eight 140 ms).
typealias Lanes = SIMD8<Double>
/// One index per lane of `Lanes`.
typealias LaneIndices = SIMD8<Int32>

/// The lanes of x at the indices of `index`: lane ℓ reads x[index[ℓ]].
@inline(__always) func gatherLanes(_ x: UnsafePointer<Double>, _ index: LaneIndices) -> Lanes {
  var value = Lanes()
  for lane in 0..<Lanes.scalarCount { value[lane] = x[Int(index[lane])] }
  return value
}

/// x[start ..< start + Lanes.scalarCount] as one vector: a lane-contiguous batch's column or row.
@inline(__always) func loadLanes(_ x: UnsafePointer<Double>, _ start: Int) -> Lanes {
  UnsafeRawPointer(x + start).loadUnaligned(as: Lanes.self)
}

/// Writes `value` to x[start ..< start + Lanes.scalarCount] as one vector.
@inline(__always) func storeLanes(_ value: Lanes, _ x: UnsafeMutablePointer<Double>, _ start: Int) {
  UnsafeMutableRawPointer(x + start).storeBytes(of: value, as: Lanes.self)
}

/// Where the lanes of one batch's local columns and rows are in the global vectors: contiguous
/// (`ScenarioSchurSystem.interleaveBatches`), or at the batch's indices, gathered and scattered.
struct BatchLanes {
  /// The batch's column indices (one `LaneIndices` per local column) and row indices (one per plan position).
  /// (nil where the batch has no columns or no rows, which are then never read.)
  let columnIndex: UnsafePointer<LaneIndices>?, rowIndex: UnsafePointer<LaneIndices>?
  /// The plan's local row at each position.
  let order: UnsafePointer<Int32>?
  /// Whether each local column's lanes are consecutive from its lane-0 index, and the first contiguous row
  /// (−1 when the rows are gathered).
  let columnsContiguous: Bool, rowStart: Int
  /// Lanes in use.
  let lanes: Int

  /// The lanes of x at local column c.
  @inline(__always) func column(_ x: UnsafePointer<Double>, _ c: Int) -> Lanes {
    columnsContiguous ? loadLanes(x, Int(columnIndex.unsafelyUnwrapped[c][0])) : gatherLanes(x, columnIndex.unsafelyUnwrapped[c])
  }

  /// The lanes of x at plan position k.
  @inline(__always) func row(_ x: UnsafePointer<Double>, _ k: Int) -> Lanes {
    rowStart >= 0 ? loadLanes(x, rowStart + Int(order.unsafelyUnwrapped[k]) &* Lanes.scalarCount)
      : gatherLanes(x, rowIndex.unsafelyUnwrapped[k])
  }

  /// Writes the lanes in use of `value` to x at local column c.
  @inline(__always) func setColumn(_ value: Lanes, _ x: UnsafeMutablePointer<Double>, _ c: Int) {
    if columnsContiguous { storeLanes(value, x, Int(columnIndex.unsafelyUnwrapped[c][0])); return }
    let index = columnIndex.unsafelyUnwrapped[c]
    for lane in 0..<lanes { x[Int(index[lane])] = value[lane] }
  }

  /// Writes the lanes in use of `value` to x at plan position k.
  @inline(__always) func setRow(_ value: Lanes, _ x: UnsafeMutablePointer<Double>, _ k: Int) {
    if rowStart >= 0 { storeLanes(value, x, rowStart + Int(order.unsafelyUnwrapped[k]) &* Lanes.scalarCount); return }
    let index = rowIndex.unsafelyUnwrapped[k]
    for lane in 0..<lanes { x[Int(index[lane])] = value[lane] }
  }
}
