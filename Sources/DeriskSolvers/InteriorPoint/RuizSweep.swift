/// One sweep of a Ruiz pass over Ā's entries (see `Equilibration`): each entry scaled, aᵢⱼ ← aᵢⱼ·(Eᵢ·Dⱼ), and
/// the maxima of the scaled |aᵢⱼ| by column and by row taken on the way, on all cores.
///
/// The columns go in a few contiguous ranges of about equal entries, one per core (at most four). A column's
/// maximum is its own range's; a row's entries lie in several ranges, so each range takes the row maxima of
/// its own entries (the first range in the caller's array, the others in `spare`) and they are merged after.
/// A maximum does not depend on the order its terms come in, so every figure is the same for any number of
/// ranges, and the same as one serial sweep's.
package struct RuizSweep {
  private let columnStarts: [Int], rowIndices: [Int]
  private let m: Int
  /// The first column of each range, and the end.
  private let rangeStarts: [Int]
  /// The row maxima of ranges 1, 2, …: (ranges − 1)·m entries, zero between sweeps.
  private var spare: [Double]

  /// A sweep over `pattern`'s entries (`rowCount` rows) in `ranges` column ranges of about equal entries (by
  /// default `SparseMatrix.parallelRangeCount`).
  package init(_ pattern: SparseMatrix, rowCount: Int, ranges: Int? = nil) {
    columnStarts = pattern.columnStarts
    rowIndices = pattern.rowIndices
    m = rowCount
    let ranges = max(1, min(pattern.columns, ranges ?? pattern.parallelRangeCount))
    rangeStarts = pattern.balancedColumnRanges(ranges)
    spare = [Double](repeating: 0, count: (ranges - 1) * rowCount)
  }

  /// Scales `values` (Ā's entries in `pattern`'s order), each as aᵢⱼ·(Eᵢ·Dⱼ) with E = `rowScale`, D = `columnScale`.
  package mutating func scale(_ values: inout [Double], rowScale: [Double], columnScale: [Double]) {
    sweep(&values, scales: (rowScale, columnScale), measuring: false, columnNorm: nil, rowNorm: nil)
  }

  /// Scales `values` as `scale` does when `scales` is given, and writes the maxima of the resulting |aᵢⱼ| by
  /// column into `columnNorm` (n entries) and by row into `rowNorm` (m entries).
  package mutating func scaleAndMeasure(_ values: inout [Double], scales: (rows: [Double], columns: [Double])?,
                                columnNorm: inout [Double], rowNorm: inout [Double]) {
    precondition(columnNorm.count == rangeStarts[rangeStarts.count - 1] && rowNorm.count == m,
                 "RuizSweep: norm arrays of the wrong size")
    for i in rowNorm.indices { rowNorm[i] = 0 }
    columnNorm.withUnsafeMutableBufferPointer { columns in
      rowNorm.withUnsafeMutableBufferPointer { rows in
        sweep(&values, scales: scales, measuring: true, columnNorm: columns.baseAddress, rowNorm: rows.baseAddress)
      }
    }
    // The other ranges' row maxima into the first's, and their arrays back to zero.
    let ranges = rangeStarts.count - 1
    guard ranges > 1 else { return }
    let m = m
    rowNorm.withUnsafeMutableBufferPointer { rowBuffer in
      spare.withUnsafeMutableBufferPointer { spareBuffer in
        let rows = DisjointWrites(rowBuffer), spare = DisjointWrites(spareBuffer)
        IterationKernels.chunked(m) { range in
          for i in range {
            var norm = rows[i]
            for k in 1..<ranges {
              norm = max(norm, spare[(k - 1) * m + i])
              spare[(k - 1) * m + i] = 0
            }
            rows[i] = norm
          }
        }
      }
    }
  }

  /// The sweep itself, one range per parallel chunk; when `measuring`, the column maxima go to `columnNorm` (n
  /// entries), the row maxima of range 0 to `rowNorm` (m entries, zero on entry) and those of range k ≥ 1 to
  /// `spare` (the pointers are nil only for arrays without entries, which are then never written).
  private mutating func sweep(_ values: inout [Double], scales: (rows: [Double], columns: [Double])?, measuring: Bool,
                              columnNorm: UnsafeMutablePointer<Double>?, rowNorm: UnsafeMutablePointer<Double>?) {
    let ranges = rangeStarts.count - 1, m = m, rangeStarts = rangeStarts
    let scaled = scales != nil
    guard !values.isEmpty, scaled || measuring else {
      if measuring { for j in 0..<rangeStarts[ranges] { columnNorm.unsafelyUnwrapped[j] = 0 } }
      return
    }
    let outputs = NormOutputs(columns: columnNorm, rows: rowNorm)
    columnStarts.withUnsafeBufferPointer { startsBuffer in
      rowIndices.withUnsafeBufferPointer { rowsBuffer in
        IterationKernels.withReads([scales?.rows ?? [], scales?.columns ?? []]) { scale in
          values.withUnsafeMutableBufferPointer { valuesBuffer in
            spare.withUnsafeMutableBufferPointer { spareBuffer in
              let starts = SharedIndices(startsBuffer), rows = SharedIndices(rowsBuffer)
              let e = scale[0], d = scale[1], v = SharedWrites(valuesBuffer), spare = NormOutputs(columns: nil, rows: spareBuffer.baseAddress)
              forEachChunkInParallel(ranges) { k in
                for j in rangeStarts[k]..<rangeStarts[k + 1] {
                  let dj = scaled ? d[j] : 1
                  if !measuring {
                    for p in starts[j]..<starts[j + 1] { v[p] *= e[rows[p]] * dj }
                    continue
                  }
                  let rowOut = k == 0 ? outputs.rows.unsafelyUnwrapped : spare.rows.unsafelyUnwrapped + (k - 1) * m
                  var norm = 0.0
                  for p in starts[j]..<starts[j + 1] {
                    var a = v[p]
                    if scaled {
                      a *= e[rows[p]] * dj
                      v[p] = a
                    }
                    let magnitude = abs(a), i = rows[p]
                    norm = max(norm, magnitude)
                    rowOut[i] = max(rowOut[i], magnitude)
                  }
                  outputs.columns.unsafelyUnwrapped[j] = norm
                }
              }
            }
          }
        }
      }
    }
  }
}

/// Where a sweep's chunks write their maxima (each chunk its own columns, and its own range's row array).
private struct NormOutputs: @unchecked Sendable {
  let columns: UnsafeMutablePointer<Double>?, rows: UnsafeMutablePointer<Double>?
}
