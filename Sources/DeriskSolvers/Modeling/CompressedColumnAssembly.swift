/// Assembles a CSC `SparseMatrix` from triplets in O(rows + columns + entries), for the lowering
/// of large models.
///
/// Two stable counting sorts — by row, then by column — leave each column's entries sorted by
/// row; duplicates are then adjacent and are summed, and entries that sum to exactly zero are
/// dropped. (`SparseMatrix(rows:columns:triplets:)` sorts each column by comparison instead; the
/// result is the same matrix.)
enum CompressedColumnAssembly {
  /// The matrix Σₖ values[k] · e_{rowIndices[k]} e_{columnIndices[k]}ᵀ.
  /// Indices must already be in range and values finite (the model checked them when they were added).
  static func matrix(
    rows: Int, columns: Int, rowIndices: [Int], columnIndices: [Int], values: [Double]
  ) throws -> SparseMatrix {
    let count = values.count
    // Pass 1: stable counting sort of the entries by row.
    var rowStart = [Int](repeating: 0, count: rows + 1)
    for i in rowIndices { rowStart[i + 1] += 1 }
    for i in 0..<rows { rowStart[i + 1] += rowStart[i] }
    var byRow = [Int](repeating: 0, count: count)
    rowStart.withUnsafeMutableBufferPointer { next in
      byRow.withUnsafeMutableBufferPointer { out in
        for k in 0..<count {
          let i = rowIndices[k]
          out[next[i]] = k
          next[i] += 1
        }
      }
    }
    // Pass 2: stable counting sort by column; within a column the rows come out increasing.
    var columnStart = [Int](repeating: 0, count: columns + 1)
    for j in columnIndices { columnStart[j + 1] += 1 }
    for j in 0..<columns { columnStart[j + 1] += columnStart[j] }
    var sorted = [Int](repeating: 0, count: count)
    var next = columnStart
    for k in byRow {
      let j = columnIndices[k]
      sorted[next[j]] = k
      next[j] += 1
    }
    // Merge duplicates and drop exact zeros, column by column.
    var starts = [Int](repeating: 0, count: columns + 1)
    var outRows: [Int] = []
    var outValues: [Double] = []
    outRows.reserveCapacity(count)
    outValues.reserveCapacity(count)
    for j in 0..<columns {
      var p = columnStart[j]
      while p < columnStart[j + 1] {
        let i = rowIndices[sorted[p]]
        var sum = 0.0
        while p < columnStart[j + 1], rowIndices[sorted[p]] == i {
          sum += values[sorted[p]]
          p += 1
        }
        if sum != 0 {
          outRows.append(i)
          outValues.append(sum)
        }
      }
      starts[j + 1] = outRows.count
    }
    return try SparseMatrix(rows: rows, columns: columns, columnStarts: starts, rowIndices: outRows, values: outValues)
  }
}
