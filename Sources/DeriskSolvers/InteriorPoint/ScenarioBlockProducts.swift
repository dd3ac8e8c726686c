/// Āᵀy and Āx for the iteration, from what the scenario-structured backend already holds: the blocks'
/// entries Wₛ and couplings Tₛ in batch-lane order (`ScenarioSchurSystem`), and the first stage's rows
/// and columns in two small compressed matrices.
///
/// The compressed Ā and Āᵀ the general path multiplies with (`CompressedProducts`) are then not built:
/// at 10,000 generated scenarios they held 66 MB next to the backend's own copy of the entries. Each
/// output entry is summed in the order the compressed products sum it, so the products are the same bit
/// for bit:
/// - (Āᵀy)ⱼ over column j's entries in increasing row order: a block column's entries are stored in
///   that order, a first-stage column's are kept compressed;
/// - (Āx)ᵢ over row i's entries in increasing column order: a batch's columns are visited in the global
///   order of its first block's columns, the first-stage columns of Tₛ merged in by `tInsertion` (blocks
///   batched together have one pattern, and in a two-stage program built scenario by scenario their
///   columns interleave with the first stage's in the same way; a block that did not would be summed in
///   its batch's order, deterministic still, and different in the last bits only);
/// - a first-stage row's entries are all first-stage columns, summed from a compressed copy of A₀'s rows.
/// Chunks of batches run in parallel and write disjoint entries.
struct ScenarioBlockProducts: ConstraintProducts {
  let rowCount: Int, columnCount: Int
  let nonzeroCount: Int
  private let system: ScenarioSchurSystem.Layout
  /// The first-stage columns' entries (all rows, global row indices, increasing within a column).
  private let firstColumnEntries: IterationMatrix
  /// A₀ by rows: column i of this matrix is first-stage row i, its "rows" the first-stage indices f.
  private let firstRowEntries: IterationMatrix
  /// For each coupling entry q of a batch (ordered by first-stage column, then row): how many of the
  /// batch's local columns precede its first-stage column in the first block's global order.
  private let tInsertion: [Int32]

  /// The products of the rowCount × columnCount Ā with `nonzeroCount` entries whose blocks `layout` holds.
  init(_ layout: ScenarioSchurSystem.Layout, rowCount: Int, columnCount: Int, nonzeroCount: Int) {
    system = layout
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.nonzeroCount = nonzeroCount
    firstColumnEntries = IterationMatrix(layout.firstColumnEntries)
    firstRowEntries = IterationMatrix(transposeOf: layout.A0)
    // Where each coupling entry's first-stage column falls among the batch's columns (first lane).
    var insertion = [Int32](repeating: 0, count: layout.tRows.count)
    for b in 0..<layout.batchPlan.count {
      let columnBase = layout.batchColumnOffset[b], columnEnd = layout.batchColumnOffset[b + 1]
      var c = columnBase
      for q in layout.tOffset[b]..<layout.tOffset[b + 1] {
        let global = Int32(layout.firstColumns[Int(layout.tColumns[q])])
        while c < columnEnd && layout.batchColumns[c][0] < global { c += 1 }
        insertion[q] = Int32(c - columnBase)
      }
    }
    tInsertion = insertion
  }

  /// out ← Āᵀy.
  func transposeTimes(_ y: [Double], into out: inout [Double]) {
    precondition(y.count == rowCount && out.count == columnCount, "ScenarioBlockProducts.transposeTimes: sizes differ")
    y.withUnsafeBufferPointer { yb in
      out.withUnsafeMutableBufferPointer { ob in
        let yp = SharedReads(yb), op = SharedWrites(ob)
        blockProducts(times: nil, transposeTimes: (yp, op))
        firstStageColumns(yp, into: op)
      }
    }
  }

  /// (Āᵀy)ⱼ of the first-stage columns j, one per task.
  private func firstStageColumns(_ yp: SharedReads, into op: SharedWrites) {
    let M = firstColumnEntries, columns = system.firstColumns
    M.columnStarts.withUnsafeBufferPointer { sb in
      M.rowIndices.withUnsafeBufferPointer { rb in
        M.values.withUnsafeBufferPointer { vb in
          let starts = SharedIndices(sb), rows = SharedIndices32(rb), values = SharedReads(vb)
          columns.withUnsafeBufferPointer { cb in
            let target = SharedIndices(cb)
            forEachChunkInParallel(columns.count) { f in
              var sum = 0.0
              for p in starts[f]..<starts[f + 1] { sum += values[p] * yp[Int(rows[p])] }
              op[target[f]] = sum
            }
          }
        }
      }
    }
  }

  /// out ← Āx.
  func times(_ x: [Double], into out: inout [Double]) {
    precondition(x.count == columnCount && out.count == rowCount, "ScenarioBlockProducts.times: sizes differ")
    x.withUnsafeBufferPointer { xb in
      out.withUnsafeMutableBufferPointer { ob in
        let xp = SharedReads(xb), op = SharedWrites(ob)
        blockProducts(times: (xp, op), transposeTimes: nil)
        firstStageRows(xp, into: op)
      }
    }
  }

  /// (Āx)ᵢ of the first-stage rows i (first-stage columns only).
  private func firstStageRows(_ xp: SharedReads, into op: SharedWrites) {
    let M = firstRowEntries, layout = system
    for (r, i) in layout.firstRows.enumerated() {
      var sum = 0.0
      for p in M.columnStarts[r]..<M.columnStarts[r + 1] { sum += M.values[p] * xp[layout.firstColumns[Int(M.rowIndices[p])]] }
      op[i] = sum
    }
  }

  /// Āx and Āᵀy in one pass over the batches: each batch's entries are read from memory once for both, and
  /// its rows of y are gathered once (not once per entry). Every output entry is summed in the order
  /// `times` and `transposeTimes` sum it, so both are the same bit for bit.
  func timesAndTransposeTimes(_ x: [Double], _ y: [Double], intoAx ax: inout [Double], intoATy aty: inout [Double]) {
    precondition(x.count == columnCount && ax.count == rowCount && y.count == rowCount && aty.count == columnCount,
                 "ScenarioBlockProducts.timesAndTransposeTimes: sizes differ")
    x.withUnsafeBufferPointer { xb in
      y.withUnsafeBufferPointer { yb in
        ax.withUnsafeMutableBufferPointer { axb in
          aty.withUnsafeMutableBufferPointer { atyb in
            let xp = SharedReads(xb), yp = SharedReads(yb), axOut = SharedWrites(axb), atyOut = SharedWrites(atyb)
            blockProducts(times: (xp, axOut), transposeTimes: (yp, atyOut))
            firstStageColumns(yp, into: atyOut)
            firstStageRows(xp, into: axOut)
          }
        }
      }
    }
  }

  /// The blocks' part of Āx (`times` = (x, out): (Āx)ᵢ of the blocks' rows i) and of Āᵀy (`transposeTimes` =
  /// (y, out): (Āᵀy)ⱼ of the blocks' columns j), either or both in one pass over the batches. A row's sum runs
  /// over the batch's columns in the global order of its first block's columns, the first-stage columns of Tₛ
  /// merged in by `tInsertion`; a column's over its entries in increasing row order.
  private func blockProducts(times: (x: SharedReads, out: SharedWrites)?,
                             transposeTimes: (y: SharedReads, out: SharedWrites)?) {
    let layout = system, insertion = tInsertion
    let chunks = (layout.batchPlan.count + layout.chunkSize - 1) / layout.chunkSize
    forEachChunkInParallel(chunks) { chunk in
      var accumulator = [Lanes](repeating: .zero, count: 2 * layout.largestBlock)
      layout.wValues.withUnsafeBufferPointer { wv in
      layout.batchColumns.withUnsafeBufferPointer { columnIndex in
      layout.batchRows.withUnsafeBufferPointer { rowIndex in
        accumulator.withUnsafeMutableBufferPointer { workspace in
          // Āx's row sums, then y at the batch's rows.
          let acc = UnsafeMutableBufferPointer(rebasing: workspace[0..<layout.largestBlock])
          let yRows = UnsafeMutableBufferPointer(rebasing: workspace[layout.largestBlock...])
          let first = chunk * layout.chunkSize, last = min(layout.batchPlan.count, first + layout.chunkSize)
          for b in first..<last {
            let plan = layout.plans[Int(layout.batchPlan[b])]
            let entryBase = layout.wEntryOffset[b]
            let columnBase = layout.batchColumnOffset[b], columnCount = layout.batchColumnOffset[b + 1] - columnBase
            plan.order.withUnsafeBufferPointer { order in
            let place = BatchLanes(columnIndex: columnIndex.baseAddress.map { $0 + columnBase },
                                   rowIndex: rowIndex.baseAddress.map { $0 + layout.batchRowOffset[b] },
                                   order: order.baseAddress, columnsContiguous: layout.contiguousColumns[b],
                                   rowStart: layout.contiguousRowStart[b], lanes: Int(layout.batchWidth[b]))
            for k in 0..<plan.m { acc[k] = .zero }
            if let transposeTimes {
              for k in 0..<plan.m { yRows[k] = place.row(transposeTimes.y.base.unsafelyUnwrapped, k) }
            }
            var q = layout.tOffset[b]
            let tEnd = layout.tOffset[b + 1]
            /// The coupling entries whose first-stage column comes before local column `c`.
            func addCoupling(before c: Int, _ xp: SharedReads) {
              while q < tEnd && Int(insertion[q]) <= c {
                let value = xp[layout.firstColumns[Int(layout.tColumns[q])]]
                acc[Int(layout.tRows[q])] += layout.tValues[q] * Lanes(repeating: value)
                q += 1
              }
            }
            plan.wStarts.withUnsafeBufferPointer { ws in
              plan.wRows.withUnsafeBufferPointer { wr in
                for c in 0..<columnCount {
                  let entries = Int(ws[c])..<Int(ws[c + 1])
                  switch (times, transposeTimes) {
                  case let (times?, transposeTimes?):
                    addCoupling(before: c, times.x)
                    let xc = place.column(times.x.base.unsafelyUnwrapped, c)
                    var sum = Lanes.zero
                    for e in entries {
                      let w = wv[entryBase + e], row = Int(wr[e])
                      acc[row] += w * xc
                      sum += w * yRows[row]
                    }
                    place.setColumn(sum, transposeTimes.out.base.unsafelyUnwrapped, c)
                  case let (times?, nil):
                    addCoupling(before: c, times.x)
                    let xc = place.column(times.x.base.unsafelyUnwrapped, c)
                    for e in entries { acc[Int(wr[e])] += wv[entryBase + e] * xc }
                  case let (nil, transposeTimes?):
                    var sum = Lanes.zero
                    for e in entries { sum += wv[entryBase + e] * yRows[Int(wr[e])] }
                    place.setColumn(sum, transposeTimes.out.base.unsafelyUnwrapped, c)
                  case (nil, nil):
                    return
                  }
                }
              }
            }
            if let times {
              addCoupling(before: columnCount, times.x)
              for k in 0..<plan.m { place.setRow(acc[k], times.out.base.unsafelyUnwrapped, k) }
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
