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
/// Blocks of one pattern (and one pattern of Tₛ) are grouped in *batches* of `Lanes.scalarCount`, stored lane by
/// lane and factored and swept together, one SIMD lane per block: the plan's index lists, which the
/// sparse kernels read once per operation, are then read once per batch. A batch short of blocks repeats
/// its first block in the spare lanes, whose results are never written out. Once the program's columns and
/// rows are renumbered lane by lane (`interleaveBatches`), a full batch reads and writes the global vectors
/// as whole vectors too (`BatchLanes`), without its index tables. Chunks of batches run in
/// parallel; partial sums are reduced in a fixed order (chunk, then batch, then lane), so the result is
/// bit-for-bit the same whatever the number of threads. Memory is linear in the number of scenarios:
/// the factors, Θ and the block entries, which also serve the iteration's products with Ā
/// (`ScenarioBlockProducts`).
struct ScenarioSchurSystem: KKTSystem {
  let name = "scenario-structured Schur complement (sparse block Cholesky)"

  private let n: Int, mRows: Int
  /// diag(P̄), or empty for an LP (P̄ = 0).
  private var hessianDiagonal: [Double]
  // First stage.
  private var firstColumns: [Int]
  private var firstRows: [Int]
  private let A0: SparseMatrix            // first-stage rows × first-stage columns
  /// The first-stage columns' entries in every row (global row indices, increasing within a column), for
  /// the products with Ā (`ScenarioBlockProducts`).
  private var firstColumnEntries: SparseMatrix
  // Scenario blocks, in batches of `Lanes.scalarCount` blocks of one plan (flat storage, offsets per batch).
  private let scenarioCount: Int
  private let batchPlan: [Int32]          // plan of each batch
  private let batchBlocks: [LaneIndices]  // the blocks (0-based scenario index) in each lane
  private let batchWidth: [Int32]         // lanes in use (the others repeat lane 0 and are not written out)
  private let batchColumnOffset: [Int]    // into batchColumns
  private var batchColumns: [LaneIndices] // global column of each local column, by lane
  private let batchRowOffset: [Int]       // into batchRows and the sweeps' workspace
  private var batchRows: [LaneIndices]    // global row at each permuted position of the plan, by lane
  private let wEntryOffset: [Int]         // into wValues (the pattern is the plan's)
  private let wValues: [Lanes]
  private let tOffset: [Int]              // into tRows / tColumns / tValues
  private let tRows: [Int32]              // permuted local row (the same in every lane of a batch)
  private let tColumns: [Int32]           // first-stage index (likewise)
  private let tValues: [Lanes]
  private let plans: [BlockCholeskyPlan]
  private let factorOffset: [Int]
  /// The batch of each column, −1 for a first-stage column (for right-hand sides given by their nonzero
  /// columns, see `solve(_:_:nonzeroColumns:)`).
  private var batchOfColumn: [Int32]
  /// Whether each batch's local columns each hold their lanes at consecutive indices (from the lane-0 index
  /// in `batchColumns`), and where its rows start in the lane-contiguous order, −1 for a batch whose rows
  /// are gathered through `batchRows` (see `interleaveBatches`).
  private var contiguousColumns: [Bool] = []
  private var contiguousRowStart: [Int] = []
  // Numeric state.
  /// Θ of the first-stage columns (in `firstColumns` order).
  private var firstTheta: [Double] = []
  /// Θ of the blocks' columns in batch-lane order (`batchColumns`' layout), written while factoring and
  /// read by the sweeps without a gather.
  private var thetaLanes: [Lanes] = []
  private var factors: [Lanes]
  private var firstStage: LDLTFactorization?
  private var delta = 0.0
  /// Batches per parallel chunk (64 blocks).
  private let chunkSize = 8
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
    // Offsets of block s (1-based) at entry s − 1, into the members after the first stage's.
    let blockColumnOffset = (1...max(1, S + 1)).map { cols.offset[min($0, S + 1)] - cols.offset[1] }
    let columnsOfBlocks = Array(cols.members[cols.offset[1]...])
    let blockRowOffset = (1...max(1, S + 1)).map { rows.offset[min($0, S + 1)] - rows.offset[1] }
    let rowsOfBlocks = Array(rows.members[rows.offset[1]...])

    // First-stage matrix A₀ and the coupling entries Tₛ (by block, in first-stage column order).
    var a0: [(row: Int, column: Int, value: Double)] = []
    var tCount = [Int](repeating: 0, count: S + 1)
    for (f, j) in firstColumns.enumerated() {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        let i = A.rowIndices[p], b = rowBlock[i]
        if b == 0 { a0.append((rows.local[i], f, A.values[p])) } else { tCount[b] += 1 }
      }
    }
    var blockTOffset = [Int](repeating: 0, count: S + 1)
    for s in 0..<S { blockTOffset[s + 1] = blockTOffset[s] + tCount[s + 1] }
    var tNext = blockTOffset
    var tR = [Int32](repeating: 0, count: blockTOffset[S]), tC = tR, tV = [Double](repeating: 0, count: blockTOffset[S])
    for (f, j) in firstColumns.enumerated() {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        let i = A.rowIndices[p], b = rowBlock[i]
        if b == 0 { continue }
        let q = tNext[b - 1]
        tR[q] = Int32(rows.local[i]); tC[q] = Int32(f); tV[q] = A.values[p]
        tNext[b - 1] += 1
      }
    }
    A0 = (try? SparseMatrix(rows: firstRows.count, columns: n0, triplets: a0)) ?? SparseMatrix(rows: firstRows.count, columns: n0)
    var firstStarts = [0], firstEntryRows: [Int] = [], firstEntryValues: [Double] = []
    for j in firstColumns {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] { firstEntryRows.append(A.rowIndices[p]); firstEntryValues.append(A.values[p]) }
      firstStarts.append(firstEntryRows.count)
    }
    firstColumnEntries = SparseMatrix(checkedByConstruction: A.rows, columns: n0, columnStarts: firstStarts,
                                      rowIndices: firstEntryRows, values: firstEntryValues)

    // One Cholesky plan per distinct pattern of Wₛ (with its boundary rows); Tₛ's rows in plan order.
    var plans: [BlockCholeskyPlan] = []
    var planKeys: [Int: [Int]] = [:]     // pattern hash → plan indices
    var planPatterns: [([Int32], [Int32], [Bool])] = []
    var planOf = [Int](repeating: 0, count: S)
    for s in 0..<S {
      let m = blockRowOffset[s + 1] - blockRowOffset[s]
      var starts: [Int32] = [0]
      var rowsLocal: [Int32] = []
      for c in blockColumnOffset[s]..<blockColumnOffset[s + 1] {
        let j = columnsOfBlocks[c]
        for p in A.columnStarts[j]..<A.columnStarts[j + 1] { rowsLocal.append(Int32(rows.local[A.rowIndices[p]])) }
        starts.append(Int32(rowsLocal.count))
      }
      var boundary = [Bool](repeating: false, count: m)
      for q in blockTOffset[s]..<blockTOffset[s + 1] { boundary[Int(tR[q])] = true }
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
      for q in blockTOffset[s]..<blockTOffset[s + 1] { tR[q] = plans[found].position[Int(tR[q])] }
    }

    // Batches: blocks in increasing order join the open batch of their plan and Tₛ pattern, which is
    // closed when full; the batches still open at the end are closed in the order they were opened.
    let width = Lanes.scalarCount
    var batches: [[Int]] = []
    var open: [Int: [Int]] = [:]                 // pattern hash → indices into `batches` still open
    func sameCoupling(_ s: Int, _ t: Int) -> Bool {
      guard planOf[s] == planOf[t], tCount[s + 1] == tCount[t + 1] else { return false }
      for k in 0..<tCount[s + 1] {
        let p = blockTOffset[s] + k, q = blockTOffset[t] + k
        if tR[p] != tR[q] || tC[p] != tC[q] { return false }
      }
      return true
    }
    for s in 0..<S {
      var hasher = Hasher()
      hasher.combine(planOf[s])
      for q in blockTOffset[s]..<blockTOffset[s + 1] { hasher.combine(tR[q]); hasher.combine(tC[q]) }
      let key = hasher.finalize()
      if let k = open[key]?.firstIndex(where: { sameCoupling(batches[$0][0], s) }), let b = open[key]?[k] {
        batches[b].append(s)
        if batches[b].count == width { open[key]?.remove(at: k) }
      } else {
        batches.append([s])
        if width > 1 { open[key, default: []].append(batches.count - 1) }
      }
    }

    // Batched storage: lane ℓ of batch b holds block batches[b][ℓ] (or the batch's first block).
    let B = batches.count
    var bPlan = [Int32](repeating: 0, count: B), bBlocks = [LaneIndices](repeating: .zero, count: B)
    var bWidth = [Int32](repeating: 0, count: B)
    var bColumnOffset = [0], bRowOffset = [0], bEntryOffset = [0], bTOffset = [0], bFactorOffset = [0]
    bColumnOffset.reserveCapacity(B + 1); bRowOffset.reserveCapacity(B + 1); bEntryOffset.reserveCapacity(B + 1)
    bTOffset.reserveCapacity(B + 1); bFactorOffset.reserveCapacity(B + 1)
    for (b, members) in batches.enumerated() {
      let plan = plans[planOf[members[0]]]
      let s = members[0]
      bPlan[b] = Int32(planOf[s])
      bWidth[b] = Int32(members.count)
      for lane in 0..<width { bBlocks[b][lane] = Int32(members[lane < members.count ? lane : 0]) }
      bColumnOffset.append(bColumnOffset[b] + blockColumnOffset[s + 1] - blockColumnOffset[s])
      bRowOffset.append(bRowOffset[b] + plan.m)
      bEntryOffset.append(bEntryOffset[b] + plan.wRows.count)
      bTOffset.append(bTOffset[b] + tCount[s + 1])
      bFactorOffset.append(bFactorOffset[b] + plan.slotCount)
    }
    // Each batch fills its own ranges of the batched arrays, the batches in parallel chunks.
    var bColumns = parallelFilledArray(repeating: LaneIndices.zero, count: bColumnOffset[B])
    var bRows = parallelFilledArray(repeating: LaneIndices.zero, count: bRowOffset[B])
    var bW = parallelFilledArray(repeating: Lanes.zero, count: bEntryOffset[B])
    var bTRows = parallelFilledArray(repeating: Int32(0), count: bTOffset[B])
    var bTColumns = parallelFilledArray(repeating: Int32(0), count: bTOffset[B])
    var bTValues = parallelFilledArray(repeating: Lanes.zero, count: bTOffset[B])
    let batchesPerChunk = 256
    bColumns.withUnsafeMutableBufferPointer { columnsBuffer in
      bRows.withUnsafeMutableBufferPointer { rowsBuffer in
        bW.withUnsafeMutableBufferPointer { wBuffer in
          bTRows.withUnsafeMutableBufferPointer { tRowsBuffer in
            bTColumns.withUnsafeMutableBufferPointer { tColumnsBuffer in
              bTValues.withUnsafeMutableBufferPointer { tValuesBuffer in
                // Any of these may be empty (no coupling entries in a block-diagonal program, say): nil then,
                // and never written.
                func writes<T>(_ buffer: UnsafeMutableBufferPointer<T>) -> DisjointWrites<T>? {
                  buffer.isEmpty ? nil : DisjointWrites(buffer)
                }
                let columnsOut = writes(columnsBuffer), rowsOut = writes(rowsBuffer), wOut = writes(wBuffer)
                let tRowsOut = writes(tRowsBuffer), tColumnsOut = writes(tColumnsBuffer)
                let tValuesOut = writes(tValuesBuffer)
                let (bPlan, bBlocks) = (bPlan, bBlocks)
                let (bColumnOffset, bRowOffset, bEntryOffset, bTOffset) = (bColumnOffset, bRowOffset, bEntryOffset, bTOffset)
                let (tR, tC, tV, tCount, blockTOffset, plans) = (tR, tC, tV, tCount, blockTOffset, plans)
                forEachChunkInParallel((B + batchesPerChunk - 1) / batchesPerChunk) { chunk in
                  for b in chunk * batchesPerChunk..<min(B, (chunk + 1) * batchesPerChunk) {
                    let plan = plans[Int(bPlan[b])]
                    for lane in 0..<width {
                      let s = Int(bBlocks[b][lane])
                      var e = bEntryOffset[b]
                      for (c, cGlobal) in (blockColumnOffset[s]..<blockColumnOffset[s + 1]).enumerated() {
                        let j = columnsOfBlocks[cGlobal]
                        columnsOut?[bColumnOffset[b] + c][lane] = Int32(j)
                        for p in A.columnStarts[j]..<A.columnStarts[j + 1] { wOut?[e][lane] = A.values[p]; e += 1 }
                      }
                      let base = blockRowOffset[s]
                      for k in 0..<plan.m { rowsOut?[bRowOffset[b] + k][lane] = Int32(rowsOfBlocks[base + Int(plan.order[k])]) }
                      for k in 0..<tCount[s + 1] {
                        let q = blockTOffset[s] + k, t = bTOffset[b] + k
                        tRowsOut?[t] = tR[q]; tColumnsOut?[t] = tC[q]; tValuesOut?[t][lane] = tV[q]
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    batchPlan = bPlan; batchBlocks = bBlocks; batchWidth = bWidth
    batchColumnOffset = bColumnOffset; batchColumns = bColumns
    batchRowOffset = bRowOffset; batchRows = bRows
    wEntryOffset = bEntryOffset; wValues = bW
    tOffset = bTOffset; tRows = bTRows; tColumns = bTColumns; tValues = bTValues
    self.plans = plans
    factorOffset = bFactorOffset
    thetaLanes = parallelFilledArray(repeating: .zero, count: bColumnOffset[B])
    factors = parallelFilledArray(repeating: .zero, count: bFactorOffset[B])
    var columnBatch = [Int32](repeating: -1, count: n)
    for b in 0..<B {
      for c in bColumnOffset[b]..<bColumnOffset[b + 1] {
        for lane in 0..<Int(bWidth[b]) { columnBatch[Int(bColumns[c][lane])] = Int32(b) }
      }
    }
    batchOfColumn = columnBatch
    contiguousColumns = [Bool](repeating: false, count: B)
    contiguousRowStart = [Int](repeating: -1, count: B)
  }

  // MARK: - Lane-contiguous order

  /// Renumbers the program's columns and rows so that the blocks of each batch lie lane by lane, and
  /// returns the new order (`columnOrder[k]` the old index of new column k; likewise the rows), which the
  /// caller applies to everything else indexed by column or row (`StandardForm.permute`).
  ///
  /// The first stage's columns and rows come first, in their order. Each local column of a batch then
  /// takes w consecutive indices, one per lane (w the lanes in use), and these groups are placed by
  /// `columnKind` of their column (0 ..< 4; the iteration passes lower-bounded only, boxed, upper-bounded
  /// only, free), in batch and local order within a kind: the passes over the bound slots then find each
  /// side's slots packed together, as in the program's own order (spread through every batch, those passes
  /// took a quarter longer at 100,000 scenarios). Rows follow batch after batch, local row r of lane ℓ at
  /// start + r·w + ℓ. A full batch (w = `Lanes.scalarCount`, all but a few dozen) then reads and writes
  /// each local column's and row's lanes as one contiguous vector (a column's from its lane-0 index in
  /// `batchColumns`, a row's from the batch's start): the sweeps and the products gathered and scattered them
  /// lane by lane. Within a block the columns and rows keep their order, so the blocks' patterns, plans
  /// and batches are those before. Returns nil, and changes nothing, when the batches do not cover every
  /// column and row once.
  mutating func interleaveBatches(columnKind: (Int) -> Int) -> (columnOrder: [Int], rowOrder: [Int])? {
    let B = batchCount, width = Lanes.scalarCount
    // How many columns and rows the batches hold, and where each batch's rows start in the new order.
    var columnFrom = [Int](repeating: 0, count: B + 1), rowFrom = columnFrom
    columnFrom[0] = firstColumns.count
    rowFrom[0] = firstRows.count
    for b in 0..<B {
      let lanes = Int(batchWidth[b])
      columnFrom[b + 1] = columnFrom[b] + (batchColumnOffset[b + 1] - batchColumnOffset[b]) * lanes
      rowFrom[b + 1] = rowFrom[b] + (batchRowOffset[b + 1] - batchRowOffset[b]) * lanes
    }
    guard columnFrom[B] == n, rowFrom[B] == mRows else { return nil }
    // Each plan's position of local row r.
    let positionOfRow = plans.map(\.position)
    // The old index at each new one: the rows batch after batch, in parallel chunks.
    var columnOrder = [Int](repeating: 0, count: n), rowOrder = [Int](repeating: 0, count: mRows)
    for (f, j) in firstColumns.enumerated() { columnOrder[f] = j }
    for (f, i) in firstRows.enumerated() { rowOrder[f] = i }
    let batchesPerChunk = 256
    columnOrder.withUnsafeMutableBufferPointer { columnBuffer in
      rowOrder.withUnsafeMutableBufferPointer { rowBuffer in
        guard let rowOut = rowBuffer.isEmpty ? nil : DisjointWrites(rowBuffer) else { return }
        let rowFrom = rowFrom
        let (batchWidth, batchPlan, batchRowOffset, batchRows) = (batchWidth, batchPlan, batchRowOffset, batchRows)
        forEachChunkInParallel((B + batchesPerChunk - 1) / batchesPerChunk) { chunk in
          for b in chunk * batchesPerChunk..<min(B, (chunk + 1) * batchesPerChunk) {
            let lanes = Int(batchWidth[b]), rowBase = batchRowOffset[b]
            let position = positionOfRow[Int(batchPlan[b])]
            for r in 0..<position.count {
              for lane in 0..<lanes { rowOut[rowFrom[b] + r * lanes + lane] = Int(batchRows[rowBase + Int(position[r])][lane]) }
            }
          }
        }
      }
    }
    // The columns: each local column's lanes together, the groups by kind (its lane-0 column's).
    var kindOfGroup = [UInt8](repeating: 0, count: batchColumns.count)
    for (g, index) in batchColumns.enumerated() {
      let kind = columnKind(Int(index[0]))
      guard (0..<4).contains(kind) else { return nil }
      kindOfGroup[g] = UInt8(kind)
    }
    var next = firstColumns.count
    for kind in 0..<UInt8(4) {
      for b in 0..<B {
        let lanes = Int(batchWidth[b])
        for g in batchColumnOffset[b]..<batchColumnOffset[b + 1] where kindOfGroup[g] == kind {
          for lane in 0..<lanes { columnOrder[next] = Int(batchColumns[g][lane]); next += 1 }
        }
      }
    }
    // The new index of each old one; a repeated index leaves another unset, and the order is refused.
    guard let newColumn = Self.inverted(columnOrder), let newRow = Self.inverted(rowOrder) else { return nil }
    // Spare lanes repeat their batch's first block, and are renumbered as it is.
    @Sendable func renumbered(_ index: LaneIndices, _ map: [Int32]) -> LaneIndices {
      var result = LaneIndices.zero
      for lane in 0..<width { result[lane] = map[Int(index[lane])] }
      return result
    }
    Self.renumberInPlace(&batchColumns) { renumbered($0, newColumn) }
    Self.renumberInPlace(&batchRows) { renumbered($0, newRow) }
    firstColumns = firstColumns.map { Int(newColumn[$0]) }
    firstRows = firstRows.map { Int(newRow[$0]) }
    firstColumnEntries = Self.renumberedRows(firstColumnEntries, newRow, rows: mRows)
    batchOfColumn = parallelGathered(batchOfColumn, at: columnOrder) { $0 }
    if !hessianDiagonal.isEmpty { hessianDiagonal = parallelGathered(hessianDiagonal, at: columnOrder) { $0 } }
    contiguousColumns = (0..<B).map { batchWidth[$0] == width }
    contiguousRowStart = (0..<B).map { batchWidth[$0] == width ? rowFrom[$0] : -1 }
    return (columnOrder, rowOrder)
  }

  /// Each entry of `table` replaced by `transform` of it, in parallel chunks.
  private static func renumberInPlace(_ table: inout [LaneIndices], _ transform: @Sendable (LaneIndices) -> LaneIndices) {
    table.withUnsafeMutableBufferPointer { buffer in
      guard !buffer.isEmpty else { return }
      let entries = DisjointWrites(buffer)
      IterationKernels.chunked(buffer.count) { range in
        for k in range { entries[k] = transform(entries[k]) }
      }
    }
  }

  /// The inverse of the permutation `order` (new index of each old one), or nil when `order` is not one.
  private static func inverted(_ order: [Int]) -> [Int32]? {
    guard !order.isEmpty else { return [] }
    var inverse = parallelFilledArray(repeating: Int32(-1), count: order.count)
    let valid = inverse.withUnsafeMutableBufferPointer { buffer -> Bool in
      let out = DisjointWrites(buffer)
      let inRange = IterationKernels.chunkResults(order.count, filler: true) { range in
        for k in range {
          guard order[k] >= 0 && order[k] < order.count else { return false }
          out[order[k]] = Int32(k)
        }
        return true
      }
      guard inRange.allSatisfy({ $0 }) else { return false }
      let everySet = IterationKernels.chunkResults(order.count, filler: true) { range in
        for k in range where out[k] < 0 { return false }
        return true
      }
      return everySet.allSatisfy { $0 }
    }
    return valid ? inverse : nil
  }

  /// M with its row indices renumbered by `newRow` and sorted again within each column; columns in parallel.
  private static func renumberedRows(_ M: SparseMatrix, _ newRow: [Int32], rows: Int) -> SparseMatrix {
    let entries = M.nonzeroCount
    guard entries > 0 else { return SparseMatrix(rows: rows, columns: M.columns) }
    var rowIndices: [Int] = []
    let values = [Double](unsafeUninitializedCapacity: entries) { valuesBuffer, valuesWritten in
      rowIndices = [Int](unsafeUninitializedCapacity: entries) { rowsBuffer, rowsWritten in
        let rowsOut = DisjointWrites(rowsBuffer), valuesOut = DisjointWrites(valuesBuffer)
        forEachChunkInParallel(M.columns) { f in
          let range = M.columnStarts[f]..<M.columnStarts[f + 1]
          let sorted = range.map { (row: Int(newRow[M.rowIndices[$0]]), value: M.values[$0]) }.sorted { $0.row < $1.row }
          for (offset, entry) in sorted.enumerated() {
            rowsOut[range.lowerBound + offset] = entry.row
            valuesOut[range.lowerBound + offset] = entry.value
          }
        }
        rowsWritten = entries
      }
      valuesWritten = entries
    }
    return SparseMatrix(checkedByConstruction: rows, columns: M.columns, columnStarts: M.columnStarts,
                        rowIndices: rowIndices, values: values)
  }

  /// The arrays that place the blocks' entries, which `ScenarioBlockProducts` multiplies with: shared
  /// with this system (never copied; none of them changes once `interleaveBatches` has run), without its
  /// numeric state.
  struct Layout: Sendable {
    let firstColumns: [Int], firstRows: [Int], A0: SparseMatrix, firstColumnEntries: SparseMatrix
    let batchPlan: [Int32], batchWidth: [Int32]
    let batchColumnOffset: [Int], batchColumns: [LaneIndices]
    let batchRowOffset: [Int], batchRows: [LaneIndices]
    let wEntryOffset: [Int], wValues: [Lanes]
    let tOffset: [Int], tRows: [Int32], tColumns: [Int32], tValues: [Lanes]
    let plans: [BlockCholeskyPlan]
    let chunkSize: Int
    /// The most rows of any block.
    let largestBlock: Int
    /// Whether a batch's columns are lane-contiguous, and where its rows start (−1: read through the
    /// indices; see `interleaveBatches`).
    let contiguousColumns: [Bool], contiguousRowStart: [Int]
  }

  var layout: Layout {
    Layout(firstColumns: firstColumns, firstRows: firstRows, A0: A0, firstColumnEntries: firstColumnEntries, batchPlan: batchPlan, batchWidth: batchWidth,
           batchColumnOffset: batchColumnOffset, batchColumns: batchColumns, batchRowOffset: batchRowOffset,
           batchRows: batchRows, wEntryOffset: wEntryOffset, wValues: wValues, tOffset: tOffset, tRows: tRows,
           tColumns: tColumns, tValues: tValues, plans: plans, chunkSize: chunkSize,
           largestBlock: max(1, plans.map(\.m).max() ?? 1), contiguousColumns: contiguousColumns,
           contiguousRowStart: contiguousRowStart)
  }

  /// Number of distinct block patterns (for logs and tests).
  var patternCount: Int { plans.count }

  /// Number of batches of blocks factored together.
  private var batchCount: Int { batchPlan.count }

  /// One line for the iteration log: blocks, batches, first-stage size, and the first pattern's shape.
  var summary: String {
    guard let plan = plans.first else { return "no scenario blocks" }
    return "\(scenarioCount) blocks in \(batchCount) batches of up to \(Lanes.scalarCount), \(plans.count) pattern(s); "
      + "first stage \(firstColumns.count) columns, \(firstRows.count) rows; block rows \(plan.m) "
      + "(boundary \(plan.m - plan.boundaryStart)), L entries \(plan.lRows.count), elimination updates \(plan.updateA.count)"
  }

  /// The lanes of x at the indices of `index`, one per lane.
  @inline(__always) private static func gather(_ x: UnsafeBufferPointer<Double>, _ index: LaneIndices) -> Lanes {
    gatherLanes(x.baseAddress.unsafelyUnwrapped, index)
  }

  // MARK: - Factor

  mutating func factor(diagonal d: [Double], primalRegularization rho: Double, dualRegularization delta: Double) throws {
    self.delta = delta
    precondition(d.count == n, "ScenarioSchurSystem.factor: \(d.count) diagonal entries for \(n) columns")
    firstTheta = firstColumns.map { j in 1 / ((hessianDiagonal.isEmpty ? 0 : hessianDiagonal[j]) + d[j] + rho) }
    let n0 = firstColumns.count
    let chunks = (batchCount + chunkSize - 1) / chunkSize
    var partial = [Double](repeating: 0, count: max(1, chunks) * max(1, n0 * n0))
    var failures = [Int](repeating: -1, count: max(1, chunks))   // first failing block of each chunk
    // Move the factor storage out of `self` so that the copy the parallel loop captures does not share
    // (and so copy on write) it.
    var storage = factors, thetaStorage = thetaLanes
    factors = []
    thetaLanes = []
    if storage.isEmpty { storage = [.zero] }
    if thetaStorage.isEmpty { thetaStorage = [.zero] }
    let system = self
    storage.withUnsafeMutableBufferPointer { fac in
      thetaStorage.withUnsafeMutableBufferPointer { th in
        partial.withUnsafeMutableBufferPointer { part in
          failures.withUnsafeMutableBufferPointer { fail in
            d.withUnsafeBufferPointer { db in
              let facW = DisjointWrites(fac), thW = DisjointWrites(th), partW = DisjointWrites(part)
              let failW = DisjointWrites(fail), dR = SharedReads(db)
              forEachChunkInParallel(chunks) { chunk in
                system.factorChunk(chunk, diagonal: dR, rho: rho, theta: thW, factors: facW, partial: partW, failures: failW)
              }
            }
          }
        }
      }
    }
    factors = storage
    thetaLanes = thetaStorage
    if let s = failures.filter({ $0 >= 0 }).min() {
      throw FactorizationError.notPositiveDefinite(leadingMinor: s + 1)
    }
    // First-stage system F = [Θ₀⁻¹ + Σ VₛᵀVₛ, A₀ᵀ; A₀, −δI], reduced in chunk order.
    let m0 = firstRows.count, size = n0 + m0
    var F = Matrix(rows: size, columns: size)
    for chunk in 0..<chunks {
      let base = chunk * n0 * n0
      for j in 0..<n0 { for i in j..<n0 { F[i, j] += partial[base + i + j * n0] } }
    }
    for f in 0..<n0 { F[f, f] += 1 / firstTheta[f] }
    for j in 0..<n0 {
      for p in A0.columnStarts[j]..<A0.columnStarts[j + 1] { F[n0 + A0.rowIndices[p], j] = A0.values[p] }
    }
    for i in 0..<m0 { F[n0 + i, n0 + i] = -delta }
    firstStage = try LDLTFactorization(F)
  }

  /// Factors the batches of one chunk and adds Σ VₛᵀVₛ of their blocks into the chunk's slot of `partial`
  /// (Vₛ is formed in a scratch buffer and not kept: the solves apply it through Tₛ and L_BB, see `solve`).
  /// Θ = (diag(P̄) + d + ρ)⁻¹ of the chunk's columns is formed here, lane by lane, into `theta`.
  private func factorChunk(_ chunk: Int, diagonal d: SharedReads, rho: Double, theta: DisjointWrites<Lanes>,
                           factors: DisjointWrites<Lanes>, partial: DisjointWrites<Double>, failures: DisjointWrites<Int>) {
    let n0 = firstColumns.count
    let first = chunk * chunkSize, last = min(batchCount, first + chunkSize)
    let base = chunk * n0 * n0
    var work: [Lanes] = []
    var vScratch: [Lanes] = []
    var nonzeroColumns: [Int] = []
    var firstRow: [Int] = []   // first boundary row (from boundaryStart) of each nonzero column of Tₛ
    let dp = UnsafeBufferPointer(start: d.base, count: n)
    hessianDiagonal.withUnsafeBufferPointer { hd in
      wValues.withUnsafeBufferPointer { wv in
        for b in first..<last {
          let plan = plans[Int(batchPlan[b])]
          let lanes = Int(batchWidth[b])
          let localTheta = theta.slice(batchColumnOffset[b], batchColumnOffset[b + 1])
          let contiguous = contiguousColumns[b]
          /// The lanes of v at local column c (contiguous from its lane-0 index in a full batch).
          func columnLanes(_ v: UnsafeBufferPointer<Double>, _ c: Int) -> Lanes {
            contiguous ? loadLanes(v.baseAddress.unsafelyUnwrapped, Int(batchColumns[c][0])) : Self.gather(v, batchColumns[c])
          }
          for (k, c) in (batchColumnOffset[b]..<batchColumnOffset[b + 1]).enumerated() {
            let h = hd.isEmpty ? Lanes.zero : columnLanes(hd, c)
            localTheta[k] = 1 / (h + columnLanes(dp, c) + Lanes(repeating: rho))
          }
          let slots = factors.slice(factorOffset[b], factorOffset[b + 1])
          let values = UnsafeBufferPointer(rebasing: wv[wEntryOffset[b]..<wEntryOffset[b + 1]])
          var failed = plan.factor(values: values, theta: UnsafeBufferPointer(localTheta), delta: delta, into: slots)
          // Once δ has been raised a hundredfold, a batch that still fails is factored again dropping the tiny
          // or negative pivots of its interior rows (the normal equations' `DependentRowCholesky` rule; the
          // boundary rows, which couple the block to the first stage, are never dropped).
          if any(failed) && delta >= NormalEquationsSystem.dropPivotsFrom {
            failed = plan.factor(values: values, theta: UnsafeBufferPointer(localTheta), delta: delta, dropPivots: true,
                                 into: slots)
          }
          if any(failed) {
            failures[chunk] = (0..<lanes).filter { failed[$0] }.map { Int(batchBlocks[b][$0]) }.min() ?? Int(batchBlocks[b][0])
            return
          }
          // Vₛ = L⁻¹Tₛ, nonzero only in the boundary rows, one first-stage column at a time. Column f of Tₛ is
          // zero above its first entry's row, and so is column f of Vₛ (L is lower triangular): its forward
          // sweep starts there, and an entry of VₛᵀVₛ sums over the rows where both columns may be nonzero.
          // The rows skipped would add exact zeros, so the values are those of full-length sweeps and sums.
          let height = plan.m - plan.boundaryStart
          if height == 0 { continue }
          if vScratch.count < height * n0 { vScratch = [Lanes](repeating: .zero, count: height * n0) }
          if firstRow.count < n0 { firstRow = [Int](repeating: 0, count: n0) }
          vScratch.withUnsafeMutableBufferPointer { vBlock in
            nonzeroColumns.removeAll(keepingCapacity: true)
            for q in tOffset[b]..<tOffset[b + 1] {
              let f = Int(tColumns[q]), row = Int(tRows[q]) - plan.boundaryStart
              if !nonzeroColumns.contains(f) {
                nonzeroColumns.append(f)
                firstRow[f] = row
                for k in 0..<height { vBlock[f * height + k] = .zero }
              } else {
                firstRow[f] = min(firstRow[f], row)
              }
              vBlock[f * height + row] += tValues[q]
            }
            // Only the first-stage columns the blocks touch (the same in every lane): Vₛ's other columns are zero.
            nonzeroColumns.sort()
            if work.count < plan.m { work = [Lanes](repeating: .zero, count: plan.m) }
            work.withUnsafeMutableBufferPointer { x in
              for f in nonzeroColumns {
                let start = firstRow[f]
                for k in start..<height { x[plan.boundaryStart + k] = vBlock[f * height + k] }
                plan.forward(UnsafeBufferPointer(slots), x, from: plan.boundaryStart + start)
                for k in start..<height { vBlock[f * height + k] = x[plan.boundaryStart + k] }
              }
            }
            // partial += VₛᵀVₛ (lower triangle), a sum of positive semidefinite terms in a fixed order
            // (by entry, then lane).
            for (a, f) in nonzeroColumns.enumerated() {
              for g in nonzeroColumns[a...] {
                var sum = Lanes.zero
                for k in max(firstRow[f], firstRow[g])..<height { sum += vBlock[g * height + k] * vBlock[f * height + k] }
                for lane in 0..<lanes { partial[base + g + f * n0] += sum[lane] }
              }
            }
          }
        }
      }
    }
  }

  // MARK: - Solve

  /// The forward sweep skips every batch whose right-hand side is zero.
  var solvesSparseRightHandSidesFaster: Bool { true }

  /// Solves in place with one forward and one backward sweep per block (plus sweeps over the boundary
  /// triangle L_BB): yₛ = Lₛ⁻¹gₛ gives the first-stage right-hand side through Σ Vₛᵀ(yₛ)_B (as
  /// Tₛᵀ Mₛ⁻¹ gₛ = VₛᵀLₛ⁻¹gₛ), then wₛ = Lₛ⁻ᵀ(yₛ + Vₛx₀) and xₛ = Θₛ(r₁ₛ − Wₛᵀwₛ).
  func solve(_ r1: inout [Double], _ r2: inout [Double]) {
    withSweepVectors(&r1, &r2, slot: 0) { solveInPlace([$0]) }
  }

  /// `solve` for a right-hand side that is zero outside r₁'s `nonzeroColumns` and in r₂ (whose input is not
  /// read): the forward sweep visits the batches of those columns only, where `solve` reads every batch's
  /// right-hand side to find the zero ones (at 100,000 generated scenarios a fifth of a corrector's forward
  /// sweep), and takes r₂ as zero, so the caller need not clear it (29 MB a corrector there).
  func solve(_ r1: inout [Double], _ r2: inout [Double], nonzeroColumns: [Int32]) {
    var touched = [Bool](repeating: false, count: max(1, batchCount))
    for j in nonzeroColumns {
      let b = batchOfColumn[Int(j)]
      if b >= 0 { touched[Int(b)] = true }
    }
    touched.withUnsafeBufferPointer { t in
      withSweepVectors(&r1, &r2, slot: 0, touched: SharedFlags(t)) { solveInPlace([$0]) }
    }
  }

  /// Both right-hand sides in the same sweeps: each batch's factor and entries are read from memory once
  /// and used for the two while they are in cache. The arithmetic per right-hand side is that of `solve`.
  func solvePair(_ r1: inout [Double], _ r2: inout [Double], _ s1: inout [Double], _ s2: inout [Double]) {
    withSweepVectors(&r1, &r2, slot: 0) { a in withSweepVectors(&s1, &s2, slot: 1) { b in solveInPlace([a, b]) } }
  }

  /// One right-hand side in the sweeps: the global vectors it reads and overwrites (r₁ by column, r₂ by row)
  /// and its per-chunk first-stage partial sums. Between the forward and the backward sweeps each block's
  /// yₛ is kept in r₂ at the block's rows, whose right-hand side the forward sweep has read (no block-row
  /// workspace: 0.5 KB per scenario and right-hand side on the generated benchmark).
  private struct SweepVectors: @unchecked Sendable {
    let r1: DisjointWrites<Double>, r2: DisjointWrites<Double>, partial: DisjointWrites<Double>
    /// When given, the batches whose right-hand side may be nonzero (the others are zero), and r₂'s input is
    /// zero and not read.
    let touched: SharedFlags?
  }

  /// Runs `body` with the sweep view of (r1, r2) and the partial sums of `slot` (0 or 1: `solvePair` uses
  /// both), cleared here.
  private func withSweepVectors(_ r1: inout [Double], _ r2: inout [Double], slot: Int, touched: SharedFlags? = nil,
                                _ body: (SweepVectors) -> Void) {
    let chunks = (batchCount + chunkSize - 1) / chunkSize
    let workspace = workspaces[slot]
    workspace.reserve(partials: max(1, chunks * firstColumns.count))
    r1.withUnsafeMutableBufferPointer { r1p in
      r2.withUnsafeMutableBufferPointer { r2p in
        workspace.partial.withUnsafeMutableBufferPointer { part in
          for k in 0..<part.count { part[k] = 0 }
          // Empty r₁ or r₂ (no columns or rows) are never indexed; any non-empty buffer stands in.
          body(SweepVectors(r1: DisjointWrites(r1p.count > 0 ? r1p : part), r2: DisjointWrites(r2p.count > 0 ? r2p : part),
                            partial: DisjointWrites(part), touched: touched))
        }
      }
    }
  }

  /// The forward sweeps, the first-stage solves and the backward sweeps for each right-hand side.
  private func solveInPlace(_ vectors: [SweepVectors]) {
    let n0 = firstColumns.count, m0 = firstRows.count
    let chunks = (batchCount + chunkSize - 1) / chunkSize
    forEachChunkInParallel(chunks) { chunk in self.forwardChunk(chunk, vectors) }
    // First stage, one right-hand side at a time.
    // The first-stage solutions x₀, one after the other (n₀ entries per right-hand side).
    var firstStageSolutions: [Double] = []
    for v in vectors {
        var rhs = [Double](repeating: 0, count: n0 + m0)
        for (f, j) in firstColumns.enumerated() { rhs[f] = v.r1[j] }
        for chunk in 0..<chunks { for f in 0..<n0 { rhs[f] += v.partial[chunk * n0 + f] } }
        if v.touched == nil { for (i, row) in firstRows.enumerated() { rhs[n0 + i] = v.r2[row] } }
        firstStage?.solveInPlace(&rhs)
        for (f, j) in firstColumns.enumerated() { v.r1[j] = rhs[f] }
        for (i, row) in firstRows.enumerated() { v.r2[row] = rhs[n0 + i] }
        firstStageSolutions.append(contentsOf: rhs[0..<n0])
    }
    let x0 = firstStageSolutions
    forEachChunkInParallel(chunks) { chunk in self.backwardChunk(chunk, x0: x0, vectors) }
  }

  /// Runs `body` with the buffers a batch sweep reads: the factors, Θ, Wₛ's values and the batches' indices.
  private func withSweepBuffers(_ body: (_ factors: UnsafeBufferPointer<Lanes>, _ theta: UnsafeBufferPointer<Lanes>,
                                         _ wValues: UnsafeBufferPointer<Lanes>, _ columns: UnsafeBufferPointer<LaneIndices>,
                                         _ rows: UnsafeBufferPointer<LaneIndices>) -> Void) {
    factors.withUnsafeBufferPointer { fac in
      thetaLanes.withUnsafeBufferPointer { th in
        wValues.withUnsafeBufferPointer { wv in
          batchColumns.withUnsafeBufferPointer { columns in
            batchRows.withUnsafeBufferPointer { rows in body(fac, th, wv, columns, rows) }
          }
        }
      }
    }
  }

  /// Batch b's lanes in the global vectors (see `BatchLanes`), valid while `columns`, `rows` and the plan's
  /// `order` are.
  @inline(__always)
  private func lanes(of b: Int, order: UnsafeBufferPointer<Int32>,
                     columns: UnsafeBufferPointer<LaneIndices>, rows: UnsafeBufferPointer<LaneIndices>) -> BatchLanes {
    BatchLanes(columnIndex: columns.baseAddress.map { $0 + batchColumnOffset[b] },
               rowIndex: rows.baseAddress.map { $0 + batchRowOffset[b] }, order: order.baseAddress,
               columnsContiguous: contiguousColumns[b], rowStart: contiguousRowStart[b], lanes: Int(batchWidth[b]))
  }

  /// Whether r₁ at batch b's columns and r₂ at its `rows` rows are all zero (it stops at the first
  /// nonzero, the first column of a dense right-hand side).
  @inline(__always)
  private func rightHandSideIsZero(_ r1: UnsafeBufferPointer<Double>, _ r2: UnsafeBufferPointer<Double>, batch b: Int,
                                   _ lanes: BatchLanes, rows: Int) -> Bool {
    let r1p = r1.baseAddress.unsafelyUnwrapped, r2p = r2.baseAddress.unsafelyUnwrapped
    for c in 0..<(batchColumnOffset[b + 1] - batchColumnOffset[b]) where lanes.column(r1p, c) != .zero { return false }
    for k in 0..<rows where lanes.row(r2p, k) != .zero { return false }
    return true
  }

  /// Batch b's plan, lanes in use, and where its rows, Wₛ entries and columns start.
  @inline(__always)
  private func layout(of b: Int) -> (plan: BlockCholeskyPlan, lanes: Int, rowBase: Int, entryBase: Int, columnBase: Int) {
    (plans[Int(batchPlan[b])], Int(batchWidth[b]), batchRowOffset[b], wEntryOffset[b], batchColumnOffset[b])
  }

  /// yₛ = Lₛ⁻¹(WₛΘₛr₁ₛ − r₂ₛ) for the blocks of a chunk, and the chunk's −Σ Vₛᵀ(yₛ)_B, for each right-hand side.
  private func forwardChunk(_ chunk: Int, _ vectors: [SweepVectors]) {
    let first = chunk * chunkSize, last = min(batchCount, first + chunkSize)
    var scratch: [Lanes] = []
    var blockY = [Lanes](repeating: .zero, count: plans.reduce(1) { max($0, $1.m) })
    let partialBase = chunk * firstColumns.count
    blockY.withUnsafeMutableBufferPointer { yb in withSweepBuffers { fac, th, wv, columnIndex, rowIndex in
      for b in first..<last {
        let (plan, lanes, _, entryBase, columnBase) = layout(of: b)
        let batchFactor = UnsafeBufferPointer(rebasing: fac[factorOffset[b]..<factorOffset[b + 1]])
        plan.order.withUnsafeBufferPointer { order in
        let place = self.lanes(of: b, order: order, columns: columnIndex, rows: rowIndex)
        for v in vectors {
          let x = UnsafeMutableBufferPointer(rebasing: yb[0..<plan.m])
          let r1 = UnsafeBufferPointer(start: v.r1.base, count: n), r2 = UnsafeBufferPointer(start: v.r2.base, count: mRows)
          // A batch whose right-hand side is zero has yₛ = 0, which its rows of r₂ already hold, and adds
          // nothing to the first stage: its factor is not read (`solvesSparseRightHandSidesFaster`).
          if let touched = v.touched { if !touched[b] { continue } } else if rightHandSideIsZero(r1, r2, batch: b, place, rows: plan.m) {
            continue
          }
          if v.touched == nil {
            for k in 0..<plan.m { x[k] = -place.row(v.r2.base, k) }
          } else {
            for k in 0..<plan.m { x[k] = -Lanes.zero }   // −r₂ with r₂ = 0 (not read): −0, as the gather gives
          }
          plan.wStarts.withUnsafeBufferPointer { ws in
            plan.wRows.withUnsafeBufferPointer { wr in
              for c in 0..<(batchColumnOffset[b + 1] - columnBase) {
                let scaled = th[columnBase + c] * place.column(v.r1.base, c)
                for e in Int(ws[c])..<Int(ws[c + 1]) { x[Int(wr[e])] += wv[entryBase + e] * scaled }
              }
            }
          }
          plan.forward(batchFactor, x)
          // −Vₛᵀ(yₛ)_B = −Tₛᵀ L_BB⁻ᵀ (yₛ)_B: a backward sweep over the boundary rows only.
          if plan.boundaryStart < plan.m {
            if scratch.count < plan.m { scratch = [Lanes](repeating: .zero, count: plan.m) }
            scratch.withUnsafeMutableBufferPointer { t in
              for k in plan.boundaryStart..<plan.m { t[k] = x[k] }
              plan.backward(batchFactor, t, through: plan.boundaryStart)
              for q in tOffset[b]..<tOffset[b + 1] {
                let product = tValues[q] * t[Int(tRows[q])]
                for lane in 0..<lanes { v.partial[partialBase + Int(tColumns[q])] -= product[lane] }
              }
            }
          }
          // yₛ into r₂ at the block's rows, read above; the backward sweep reads it back.
          for k in 0..<plan.m { place.setRow(x[k], v.r2.base, k) }
        }
        }
      }
    } }
  }

  /// wₛ = Lₛ⁻ᵀ(yₛ + Vₛx₀) and xₛ = Θₛ(r₁ₛ − Wₛᵀwₛ) for the blocks of a chunk, written into r₂ and r₁, for
  /// each right-hand side (with its first-stage solution x₀). Spare lanes are computed and dropped.
  private func backwardChunk(_ chunk: Int, x0 firstStageSolutions: [Double], _ vectors: [SweepVectors]) {
    let first = chunk * chunkSize, last = min(batchCount, first + chunkSize)
    var scratch: [Lanes] = []
    var blockY = [Lanes](repeating: .zero, count: plans.reduce(1) { max($0, $1.m) })
    let n0 = firstColumns.count
    blockY.withUnsafeMutableBufferPointer { yb in firstStageSolutions.withUnsafeBufferPointer { x0s in
    withSweepBuffers { fac, th, wv, columnIndex, rowIndex in
      for b in first..<last {
        let (plan, _, _, entryBase, columnBase) = layout(of: b)
        let batchFactor = UnsafeBufferPointer(rebasing: fac[factorOffset[b]..<factorOffset[b + 1]])
        plan.order.withUnsafeBufferPointer { order in
        let place = self.lanes(of: b, order: order, columns: columnIndex, rows: rowIndex)
        for (k, v) in vectors.enumerated() {
          let x0 = UnsafeBufferPointer(rebasing: x0s[k * n0..<(k + 1) * n0])
          // yₛ, which the forward sweep left in r₂ (spare lanes read their first lane's block, as they computed it).
          let x = UnsafeMutableBufferPointer(rebasing: yb[0..<plan.m])
          // A batch the forward sweep skipped has a zero right-hand side and yₛ = 0: nothing to gather.
          let zeroRightHandSide = v.touched.map { !$0[b] } ?? false
          if zeroRightHandSide {
            for k in 0..<plan.m { x[k] = .zero }
          } else {
            for k in 0..<plan.m { x[k] = place.row(v.r2.base, k) }
          }
          // (yₛ)_B += Vₛx₀ = L_BB⁻¹ Tₛx₀: a forward sweep over the boundary rows only.
          if plan.boundaryStart < plan.m {
            if scratch.count < plan.m { scratch = [Lanes](repeating: .zero, count: plan.m) }
            scratch.withUnsafeMutableBufferPointer { t in
              for k in plan.boundaryStart..<plan.m { t[k] = .zero }
              for q in tOffset[b]..<tOffset[b + 1] { t[Int(tRows[q])] += tValues[q] * x0[Int(tColumns[q])] }
              plan.forward(batchFactor, t, from: plan.boundaryStart)
              for k in plan.boundaryStart..<plan.m { x[k] += t[k] }
            }
          }
          plan.backward(batchFactor, x)
          plan.wStarts.withUnsafeBufferPointer { ws in
            plan.wRows.withUnsafeBufferPointer { wr in
              for c in 0..<(batchColumnOffset[b + 1] - columnBase) {
                var sum = zeroRightHandSide ? .zero : place.column(v.r1.base, c)
                for e in Int(ws[c])..<Int(ws[c + 1]) { sum -= wv[entryBase + e] * x[Int(wr[e])] }
                place.setColumn(th[columnBase + c] * sum, v.r1.base, c)
              }
            }
          }
          for k in 0..<plan.m { place.setRow(x[k], v.r2.base, k) }
        }
        }
      }
    } } }
  }
}

/// The sweeps' workspace of one right-hand-side slot: the per-chunk first-stage partial sums, allocated on
/// the first solve and reused.
///
/// `@unchecked Sendable`: it is touched only by the thread that calls `solve` / `solvePair` (the parallel
/// chunks write disjoint parts of its buffer through `DisjointWrites`), and a `ScenarioSchurSystem` is
/// not solved from two threads at once.
private final class SweepWorkspace: @unchecked Sendable {
  var partial: [Double] = []

  func reserve(partials: Int) {
    if partial.count != partials { partial = [Double](repeating: 0, count: partials) }
  }
}
