import DeriskLinearAlgebra
import Dispatch

/// The interior-point system of a dual block-angular program (see `BlockStructure`), solved by
/// eliminating every scenario block and factoring the first-stage Schur complement.
///
/// With Θ = (diag(P̄) + D + ρI)⁻¹ and the blocks (Tₛ, Wₛ), K [x; w] = [r₁; r₂] reads
///
///     Θ₀⁻¹x₀ + A₀ᵀw₀ + Σₛ Tₛᵀwₛ = r₁₀        A₀x₀ − δw₀ = r₂₀
///     Θₛ⁻¹xₛ + Wₛᵀwₛ = r₁ₛ                   Tₛx₀ + Wₛxₛ − δwₛ = r₂ₛ.
///
/// Eliminating xₛ gives Mₛwₛ = Tₛx₀ + gₛ with Mₛ = WₛΘₛWₛᵀ + δI and gₛ = WₛΘₛr₁ₛ − r₂ₛ, so
///
///     [Θ₀⁻¹ + Σₛ VₛᵀVₛ   A₀ᵀ] [x₀]   [r₁₀ − Σₛ Tₛᵀ Mₛ⁻¹ gₛ]
///     [A₀               −δI] [w₀] = [r₂₀                ],     Vₛ = Lₛ⁻¹Tₛ,  Mₛ = LₛLₛᵀ,
///
/// then wₛ = Mₛ⁻¹(Tₛx₀ + gₛ) and xₛ = Θₛ(r₁ₛ − Wₛᵀwₛ). The first-stage update is a sum of positive
/// semidefinite terms VₛᵀVₛ (never the subtractive form), accumulated block by block in a fixed order.
/// No BLAS call runs inside the parallel loop, so OpenBLAS's own threads never meet Derisk's: an
/// OpenBLAS call from several threads at once, with its thread count changed under it by another solve,
/// gave results that differed in the last bits. Each Mₛ is factored by a sparse Cholesky whose plan
/// (`BlockCholeskyPlan`) is shared by all blocks of the same pattern, with the boundary rows B (those
/// that touch the first stage) last, so Tₛ lives in the rows B and Vₛ = L_BB⁻¹(Tₛ)_B with L_BB the
/// trailing |B| × |B| triangle of Lₛ. Vₛ is formed only while factoring; the solves apply it as
/// Vₛx₀ = L_BB⁻¹(Tₛx₀) and Vₛᵀy = Tₛᵀ(L_BB⁻ᵀy), which reads far less memory than a stored dense Vₛ.
/// Chunks of scenarios run in parallel; partial sums are reduced in chunk order, so the result is
/// bit-for-bit the same whatever the number of threads. Memory is linear in the number of scenarios:
/// the factors, the block entries and one vector per block.
struct ScenarioSchurSystem: KKTSystem {
  let name = "scenario-structured Schur complement (sparse block Cholesky)"

  private let n: Int, mRows: Int
  private let hessianDiagonal: [Double]
  // First stage.
  private let firstColumns: [Int]
  private let firstRows: [Int]
  private let A0: SparseMatrix            // first-stage rows × first-stage columns
  // Scenario blocks (flat storage, offsets per block).
  private let scenarioCount: Int
  private let blockColumnOffset: [Int]    // into blockColumns
  private let blockColumns: [Int32]       // global column of each local column
  private let blockRowOffset: [Int]       // into blockRows
  private let blockRows: [Int32]          // global row at each permuted position of the block's plan
  private let wEntryOffset: [Int]         // into wValues (the pattern is the plan's)
  private let wValues: [Double]
  private let tOffset: [Int]              // into tRows / tColumns / tValues
  private let tRows: [Int32]              // permuted local row
  private let tColumns: [Int32]           // first-stage index
  private let tValues: [Double]
  private let plans: [BlockCholeskyPlan]
  private let planOfBlock: [Int]
  private let factorOffset: [Int]
  // Numeric state.
  private var theta: [Double]
  private var factors: [Double]
  private var firstStage: LDLTFactorization?
  private var delta = 0.0
  private let chunkSize = 32
  /// The sweeps' workspace for each right-hand-side slot, allocated once (see `SweepWorkspace`).
  private let workspaces = [SweepWorkspace(), SweepWorkspace()]

  init(A: SparseMatrix, hessianDiagonal: [Double], columnBlock: [Int], rowBlock: [Int]) {
    n = A.columns
    mRows = A.rows
    self.hessianDiagonal = hessianDiagonal
    let S = max(columnBlock.max() ?? 0, rowBlock.max() ?? 0)
    scenarioCount = S
    // Group columns and rows by block (stable: increasing index within a block).
    func group(_ blocks: [Int]) -> (offset: [Int], members: [Int], local: [Int]) {
      var counts = [Int](repeating: 0, count: S + 2)
      for b in blocks { counts[b + 1] += 1 }
      for b in 0...S { counts[b + 1] += counts[b] }
      var next = counts
      var members = [Int](repeating: 0, count: blocks.count)
      var local = [Int](repeating: 0, count: blocks.count)
      for (i, b) in blocks.enumerated() {
        members[next[b]] = i
        local[i] = next[b] - counts[b]
        next[b] += 1
      }
      return (counts, members, local)
    }
    let cols = group(columnBlock), rows = group(rowBlock)
    firstColumns = Array(cols.members[cols.offset[0]..<cols.offset[1]])
    firstRows = Array(rows.members[rows.offset[0]..<rows.offset[1]])
    let n0 = firstColumns.count
    // Block offsets re-based so that block s (1-based) is entry s − 1.
    blockColumnOffset = (1...max(1, S + 1)).map { cols.offset[min($0, S + 1)] - cols.offset[1] }
    let columnsOfBlocks = Array(cols.members[cols.offset[1]...].prefix(cols.members.count - cols.offset[1]))
    blockColumns = columnsOfBlocks.map { Int32($0) }
    blockRowOffset = (1...max(1, S + 1)).map { rows.offset[min($0, S + 1)] - rows.offset[1] }
    let rowsOfBlocks = Array(rows.members[rows.offset[1]...].prefix(rows.members.count - rows.offset[1]))

    // First-stage matrix A₀ and the coupling entries Tₛ (by block).
    var a0: [(row: Int, column: Int, value: Double)] = []
    var tCount = [Int](repeating: 0, count: S + 1)
    for (f, j) in firstColumns.enumerated() {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        let i = A.rowIndices[p], b = rowBlock[i]
        if b == 0 { a0.append((rows.local[i], f, A.values[p])) } else { tCount[b] += 1 }
      }
    }
    var tOff = [Int](repeating: 0, count: S + 1)
    for s in 0..<S { tOff[s + 1] = tOff[s] + tCount[s + 1] }
    var tNext = tOff
    var tR = [Int32](repeating: 0, count: tOff[S]), tC = tR, tV = [Double](repeating: 0, count: tOff[S])
    for (f, j) in firstColumns.enumerated() {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        let i = A.rowIndices[p], b = rowBlock[i]
        if b == 0 { continue }
        let q = tNext[b - 1]
        tR[q] = Int32(rows.local[i]); tC[q] = Int32(f); tV[q] = A.values[p]
        tNext[b - 1] += 1
      }
    }
    tOffset = tOff; tColumns = tC; tValues = tV
    A0 = (try? SparseMatrix(rows: firstRows.count, columns: n0, triplets: a0)) ?? SparseMatrix(rows: firstRows.count, columns: n0)

    // Wₛ in local CSC, and one Cholesky plan per distinct pattern.
    var weOff: [Int] = [0]
    var wv: [Double] = []
    var plans: [BlockCholeskyPlan] = []
    var planKeys: [Int: [Int]] = [:]     // pattern hash → plan indices
    var planPatterns: [([Int32], [Int32], [Bool])] = []
    var planOf = [Int](repeating: 0, count: S)
    var fOff: [Int] = [0]
    for s in 0..<S {
      let colRange = blockColumnOffset[s]..<blockColumnOffset[s + 1]
      let m = blockRowOffset[s + 1] - blockRowOffset[s]
      var starts: [Int32] = [0]
      var rowsLocal: [Int32] = []
      for c in colRange {
        let j = columnsOfBlocks[c]
        for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
          rowsLocal.append(Int32(rows.local[A.rowIndices[p]]))
          wv.append(A.values[p])
        }
        starts.append(Int32(rowsLocal.count))
      }
      var boundary = [Bool](repeating: false, count: m)
      for q in tOff[s]..<tOff[s + 1] { boundary[Int(tR[q])] = true }
      var hasher = Hasher()
      hasher.combine(m); hasher.combine(starts); hasher.combine(rowsLocal); hasher.combine(boundary)
      let key = hasher.finalize()
      var found = -1
      for candidate in planKeys[key] ?? [] {
        let (ps, pr, pb) = planPatterns[candidate]
        if ps == starts && pr == rowsLocal && pb == boundary { found = candidate; break }
      }
      if found < 0 {
        found = plans.count
        plans.append(BlockCholeskyPlan(m: m, columnStarts: starts, rowIndices: rowsLocal, isBoundary: boundary))
        planPatterns.append((starts, rowsLocal, boundary))
        planKeys[key, default: []].append(found)
      }
      planOf[s] = found
      weOff.append(wv.count)
      fOff.append(fOff[s] + plans[found].slotCount)
    }
    // Store row indices in each block's plan order, so that solves need no lookups.
    var permutedRows = [Int32](repeating: 0, count: rowsOfBlocks.count)
    for s in 0..<S {
      let plan = plans[planOf[s]]
      for q in tOff[s]..<tOff[s + 1] { tR[q] = plan.position[Int(tR[q])] }
      let base = blockRowOffset[s]
      for k in 0..<plan.m { permutedRows[base + k] = Int32(rowsOfBlocks[base + Int(plan.order[k])]) }
    }
    blockRows = permutedRows
    wEntryOffset = weOff; wValues = wv
    tRows = tR
    self.plans = plans
    planOfBlock = planOf
    factorOffset = fOff
    theta = [Double](repeating: 0, count: n)
    factors = [Double](repeating: 0, count: fOff[S])
  }

  /// Number of distinct block patterns (for logs and tests).
  var patternCount: Int { plans.count }

  /// One line for the iteration log: blocks, first-stage size, and the first pattern's shape.
  var summary: String {
    guard let plan = plans.first else { return "no scenario blocks" }
    return "\(scenarioCount) blocks, \(plans.count) pattern(s); first stage \(firstColumns.count) columns, "
      + "\(firstRows.count) rows; block rows \(plan.m) (boundary \(plan.m - plan.boundaryStart)), "
      + "L entries \(plan.lRows.count), elimination updates \(plan.updateA.count)"
  }

  // MARK: - Factor

  mutating func factor(diagonal d: [Double], primalRegularization rho: Double, dualRegularization delta: Double) throws {
    self.delta = delta
    for j in 0..<n { theta[j] = 1 / (hessianDiagonal[j] + d[j] + rho) }
    let n0 = firstColumns.count
    let chunks = (scenarioCount + chunkSize - 1) / chunkSize
    var partial = [Double](repeating: 0, count: max(1, chunks) * max(1, n0 * n0))
    var failures = [Int](repeating: -1, count: max(1, chunks))   // first failing block of each chunk
    // Move the factor storage out of `self` so that the copy the parallel loop captures does not share
    // (and so copy on write) it.
    var storage = factors
    factors = []
    if storage.isEmpty { storage = [0] }
    let system = self
    storage.withUnsafeMutableBufferPointer { fac in
      partial.withUnsafeMutableBufferPointer { part in
        failures.withUnsafeMutableBufferPointer { fail in
          let facW = DisjointWrites(fac), partW = DisjointWrites(part), failW = DisjointWrites(fail)
          forEachChunkInParallel(chunks) { chunk in
            system.factorChunk(chunk, factors: facW, partial: partW, failures: failW)
          }
        }
      }
    }
    factors = storage
    if let s = failures.first(where: { $0 >= 0 }) {
      throw FactorizationError.notPositiveDefinite(leadingMinor: s + 1)
    }
    // First-stage system F = [Θ₀⁻¹ + Σ VₛᵀVₛ, A₀ᵀ; A₀, −δI], reduced in chunk order.
    let m0 = firstRows.count, size = n0 + m0
    var F = Matrix(rows: size, columns: size)
    for chunk in 0..<chunks {
      let base = chunk * n0 * n0
      for j in 0..<n0 { for i in j..<n0 { F[i, j] += partial[base + i + j * n0] } }
    }
    for (f, j) in firstColumns.enumerated() { F[f, f] += 1 / theta[j] }
    for j in 0..<n0 {
      for p in A0.columnStarts[j]..<A0.columnStarts[j + 1] { F[n0 + A0.rowIndices[p], j] = A0.values[p] }
    }
    for i in 0..<m0 { F[n0 + i, n0 + i] = -delta }
    firstStage = try LDLTFactorization(F)
  }

  /// Factors the blocks of one chunk and adds Σ VₛᵀVₛ of the chunk into its slot of `partial` (Vₛ is
  /// formed in a scratch buffer and not kept: the solves apply it through Tₛ and L_BB, see `solve`).
  private func factorChunk(_ chunk: Int, factors: DisjointWrites<Double>, partial: DisjointWrites<Double>,
                           failures: DisjointWrites<Int>) {
    let n0 = firstColumns.count
    let first = chunk * chunkSize, last = min(scenarioCount, first + chunkSize)
    let base = chunk * n0 * n0
    var localTheta: [Double] = []
    var work: [Double] = []
    var vScratch: [Double] = []
    var nonzeroColumns: [Int] = []
    theta.withUnsafeBufferPointer { th in
      wValues.withUnsafeBufferPointer { wv in
        for s in first..<last {
          let plan = plans[planOfBlock[s]]
          localTheta.removeAll(keepingCapacity: true)
          for c in blockColumnOffset[s]..<blockColumnOffset[s + 1] { localTheta.append(th[Int(blockColumns[c])]) }
          let slots = factors.slice(factorOffset[s], factorOffset[s + 1])
          do {
            try localTheta.withUnsafeBufferPointer { lt in
              try plan.factor(values: UnsafeBufferPointer(rebasing: wv[wEntryOffset[s]..<wEntryOffset[s + 1]]),
                              theta: lt, delta: delta, into: slots)
            }
          } catch {
            failures[chunk] = s
            return
          }
          // Vₛ = L⁻¹Tₛ, nonzero only in the boundary rows, one first-stage column at a time.
          let height = plan.m - plan.boundaryStart
          if height == 0 { continue }
          if vScratch.count < height * n0 { vScratch = [Double](repeating: 0, count: height * n0) }
          vScratch.withUnsafeMutableBufferPointer { vBlock in
            for k in 0..<(height * n0) { vBlock[k] = 0 }
            for q in tOffset[s]..<tOffset[s + 1] {
              vBlock[Int(tColumns[q]) * height + Int(tRows[q]) - plan.boundaryStart] += tValues[q]
            }
            if work.count < plan.m { work = [Double](repeating: 0, count: plan.m) }
            work.withUnsafeMutableBufferPointer { x in
              for f in 0..<n0 {
                var any = false
                for k in 0..<height {
                  x[plan.boundaryStart + k] = vBlock[f * height + k]
                  any = any || vBlock[f * height + k] != 0
                }
                if !any { continue }
                plan.forward(UnsafeBufferPointer(slots), x, from: plan.boundaryStart)
                for k in 0..<height { vBlock[f * height + k] = x[plan.boundaryStart + k] }
              }
            }
            // partial += VₛᵀVₛ (lower triangle), a sum of positive semidefinite terms in a fixed order, over
            // the columns of Vₛ that are not zero (first-stage columns this block does not touch are).
            nonzeroColumns.removeAll(keepingCapacity: true)
            for f in 0..<n0 where (0..<height).contains(where: { vBlock[f * height + $0] != 0 }) { nonzeroColumns.append(f) }
            for (a, f) in nonzeroColumns.enumerated() {
              for g in nonzeroColumns[a...] {
                var sum = 0.0
                for k in 0..<height { sum += vBlock[g * height + k] * vBlock[f * height + k] }
                partial[base + g + f * n0] += sum
              }
            }
          }
        }
      }
    }
  }

  // MARK: - Solve

  /// Solves in place with one forward and one backward sweep per block (plus sweeps over the boundary
  /// triangle L_BB): yₛ = Lₛ⁻¹gₛ gives the first-stage right-hand side through Σ Vₛᵀ(yₛ)_B (as
  /// Tₛᵀ Mₛ⁻¹ gₛ = VₛᵀLₛ⁻¹gₛ), then wₛ = Lₛ⁻ᵀ(yₛ + Vₛx₀) and xₛ = Θₛ(r₁ₛ − Wₛᵀwₛ).
  func solve(_ r1: inout [Double], _ r2: inout [Double]) {
    withSweepVectors(&r1, &r2, slot: 0) { solveInPlace([$0]) }
  }

  /// Both right-hand sides in the same sweeps: each block's factor and entries are read from memory once
  /// and used for the two while they are in cache. The arithmetic per right-hand side is that of `solve`.
  func solvePair(_ r1: inout [Double], _ r2: inout [Double], _ s1: inout [Double], _ s2: inout [Double]) {
    withSweepVectors(&r1, &r2, slot: 0) { a in withSweepVectors(&s1, &s2, slot: 1) { b in solveInPlace([a, b]) } }
  }

  /// One right-hand side in the sweeps: the global vectors it reads and overwrites (r₁ by column, r₂ by row),
  /// its block-row workspace y and its per-chunk first-stage partial sums.
  private struct SweepVectors: @unchecked Sendable {
    let r1: DisjointWrites<Double>, r2: DisjointWrites<Double>, y: DisjointWrites<Double>, partial: DisjointWrites<Double>
  }

  /// Runs `body` with the sweep view of (r1, r2) and the workspace of `slot` (0 or 1: `solvePair` uses both).
  /// Every entry of y is written before it is read, and the partial sums are cleared here.
  private func withSweepVectors(_ r1: inout [Double], _ r2: inout [Double], slot: Int, _ body: (SweepVectors) -> Void) {
    let chunks = (scenarioCount + chunkSize - 1) / chunkSize
    let workspace = workspaces[slot]
    workspace.reserve(rows: max(1, blockRows.count), partials: max(1, chunks * firstColumns.count))
    r1.withUnsafeMutableBufferPointer { r1p in
      r2.withUnsafeMutableBufferPointer { r2p in
        workspace.y.withUnsafeMutableBufferPointer { yp in
          workspace.partial.withUnsafeMutableBufferPointer { part in
            for k in 0..<part.count { part[k] = 0 }
            // Empty r₁ or r₂ (no columns or rows) are never indexed; any non-empty buffer stands in.
            body(SweepVectors(r1: DisjointWrites(r1p.count > 0 ? r1p : part), r2: DisjointWrites(r2p.count > 0 ? r2p : part),
                              y: DisjointWrites(yp), partial: DisjointWrites(part)))
          }
        }
      }
    }
  }

  /// The forward sweeps, the first-stage solves and the backward sweeps for each right-hand side.
  private func solveInPlace(_ vectors: [SweepVectors]) {
    let n0 = firstColumns.count, m0 = firstRows.count
    let chunks = (scenarioCount + chunkSize - 1) / chunkSize
    forEachChunkInParallel(chunks) { chunk in self.forwardChunk(chunk, vectors) }
    // First stage, one right-hand side at a time.
    var firstStageSolutions: [[Double]] = []
    for v in vectors {
        var rhs = [Double](repeating: 0, count: n0 + m0)
        for (f, j) in firstColumns.enumerated() { rhs[f] = v.r1[j] }
        for chunk in 0..<chunks { for f in 0..<n0 { rhs[f] += v.partial[chunk * n0 + f] } }
        for (i, row) in firstRows.enumerated() { rhs[n0 + i] = v.r2[row] }
        firstStage?.solveInPlace(&rhs)
        for (f, j) in firstColumns.enumerated() { v.r1[j] = rhs[f] }
        for (i, row) in firstRows.enumerated() { v.r2[row] = rhs[n0 + i] }
        firstStageSolutions.append(Array(rhs[0..<n0]))
    }
    let x0 = firstStageSolutions
    forEachChunkInParallel(chunks) { chunk in self.backwardChunk(chunk, x0: x0, vectors) }
  }

  /// Runs `body` with the buffers a block sweep reads: the factors, Θ, Wₛ's values and the block maps.
  private func withSweepBuffers(_ body: (_ factors: UnsafeBufferPointer<Double>, _ theta: UnsafeBufferPointer<Double>,
                                         _ wValues: UnsafeBufferPointer<Double>, _ blockColumns: UnsafeBufferPointer<Int32>,
                                         _ blockRows: UnsafeBufferPointer<Int32>) -> Void) {
    factors.withUnsafeBufferPointer { fac in
      theta.withUnsafeBufferPointer { th in
        wValues.withUnsafeBufferPointer { wv in
          blockColumns.withUnsafeBufferPointer { bc in
            blockRows.withUnsafeBufferPointer { br in body(fac, th, wv, bc, br) }
          }
        }
      }
    }
  }

  /// yₛ = Lₛ⁻¹(WₛΘₛr₁ₛ − r₂ₛ) for the blocks of a chunk, and the chunk's −Σ Vₛᵀ(yₛ)_B, for each right-hand side.
  private func forwardChunk(_ chunk: Int, _ vectors: [SweepVectors]) {
    let first = chunk * chunkSize, last = min(scenarioCount, first + chunkSize)
    var scratch: [Double] = []
    withSweepBuffers { fac, th, wv, bc, br in
      for s in first..<last {
        let plan = plans[planOfBlock[s]]
        let rowBase = blockRowOffset[s], entryBase = wEntryOffset[s], columnBase = blockColumnOffset[s]
        let blockFactor = UnsafeBufferPointer(rebasing: fac[factorOffset[s]..<factorOffset[s + 1]])
        for v in vectors {
          let x = v.y.slice(rowBase, rowBase + plan.m)
          for k in 0..<plan.m { x[k] = -v.r2[Int(br[rowBase + k])] }
          plan.wStarts.withUnsafeBufferPointer { ws in
            plan.wRows.withUnsafeBufferPointer { wr in
              for c in 0..<(blockColumnOffset[s + 1] - columnBase) {
                let j = Int(bc[columnBase + c])
                let scaled = th[j] * v.r1[j]
                if scaled != 0 {
                  for e in Int(ws[c])..<Int(ws[c + 1]) { x[Int(wr[e])] += wv[entryBase + e] * scaled }
                }
              }
            }
          }
          plan.forward(blockFactor, x)
          // −Vₛᵀ(yₛ)_B = −Tₛᵀ L_BB⁻ᵀ (yₛ)_B: a backward sweep over the boundary rows only.
          if plan.boundaryStart < plan.m {
            if scratch.count < plan.m { scratch = [Double](repeating: 0, count: plan.m) }
            scratch.withUnsafeMutableBufferPointer { t in
              for k in plan.boundaryStart..<plan.m { t[k] = x[k] }
              plan.backward(blockFactor, t, through: plan.boundaryStart)
              let base = chunk * self.firstColumns.count
              for q in tOffset[s]..<tOffset[s + 1] {
                v.partial[base + Int(tColumns[q])] -= tValues[q] * t[Int(tRows[q])]
              }
            }
          }
        }
      }
    }
  }

  /// wₛ = Lₛ⁻ᵀ(yₛ + Vₛx₀) and xₛ = Θₛ(r₁ₛ − Wₛᵀwₛ) for the blocks of a chunk, written into r₂ and r₁, for
  /// each right-hand side (with its first-stage solution x₀).
  private func backwardChunk(_ chunk: Int, x0 firstStageSolutions: [[Double]], _ vectors: [SweepVectors]) {
    let first = chunk * chunkSize, last = min(scenarioCount, first + chunkSize)
    var scratch: [Double] = []
    withSweepBuffers { fac, th, wv, bc, br in
      for s in first..<last {
        let plan = plans[planOfBlock[s]]
        let rowBase = blockRowOffset[s], entryBase = wEntryOffset[s], columnBase = blockColumnOffset[s]
        let blockFactor = UnsafeBufferPointer(rebasing: fac[factorOffset[s]..<factorOffset[s + 1]])
        for (v, x0) in zip(vectors, firstStageSolutions) {
          let x = v.y.slice(rowBase, rowBase + plan.m)
          // (yₛ)_B += Vₛx₀ = L_BB⁻¹ Tₛx₀: a forward sweep over the boundary rows only.
          if plan.boundaryStart < plan.m {
            if scratch.count < plan.m { scratch = [Double](repeating: 0, count: plan.m) }
            scratch.withUnsafeMutableBufferPointer { t in
              for k in plan.boundaryStart..<plan.m { t[k] = 0 }
              for q in tOffset[s]..<tOffset[s + 1] { t[Int(tRows[q])] += tValues[q] * x0[Int(tColumns[q])] }
              plan.forward(blockFactor, t, from: plan.boundaryStart)
              for k in plan.boundaryStart..<plan.m { x[k] += t[k] }
            }
          }
          plan.backward(blockFactor, x)
          plan.wStarts.withUnsafeBufferPointer { ws in
            plan.wRows.withUnsafeBufferPointer { wr in
              for c in 0..<(blockColumnOffset[s + 1] - columnBase) {
                let j = Int(bc[columnBase + c])
                var sum = v.r1[j]
                for e in Int(ws[c])..<Int(ws[c + 1]) { sum -= wv[entryBase + e] * x[Int(wr[e])] }
                v.r1[j] = th[j] * sum
              }
            }
          }
          for k in 0..<plan.m { v.r2[Int(br[rowBase + k])] = x[k] }
        }
      }
    }
  }
}

/// The sweeps' workspace of one right-hand-side slot: the block-row vector y (as long as all the
/// scenario rows together) and the per-chunk first-stage partial sums. Allocated on the first solve and
/// reused: a fresh y per solve cost a page-faulting allocation of 70 MB per solve at 100,000 scenarios
/// (larger than glibc's mmap threshold, so it was mapped and unmapped every time).
///
/// `@unchecked Sendable`: it is touched only by the thread that calls `solve` / `solvePair` (the parallel
/// chunks write disjoint parts of its buffers through `DisjointWrites`), and a `ScenarioSchurSystem` is
/// not solved from two threads at once.
private final class SweepWorkspace: @unchecked Sendable {
  var y: [Double] = []
  var partial: [Double] = []

  func reserve(rows: Int, partials: Int) {
    if y.count != rows { y = [Double](repeating: 0, count: rows) }
    if partial.count != partials { partial = [Double](repeating: 0, count: partials) }
  }
}
