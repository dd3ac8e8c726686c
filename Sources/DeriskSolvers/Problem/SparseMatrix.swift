import Foundation

/// A sparse matrix in compressed sparse column (CSC) form.
///
/// The entries of column j are `values[columnStarts[j] ..< columnStarts[j+1]]` at rows
/// `rowIndices[…]`, sorted by row with no duplicates.
public struct SparseMatrix: Sendable, Hashable {
  /// Number of rows.
  public let rows: Int
  /// Number of columns.
  public let columns: Int
  /// `columns + 1` offsets into `rowIndices` / `values`.
  public private(set) var columnStarts: [Int]
  /// Row index of each stored entry.
  public private(set) var rowIndices: [Int]
  /// Value of each stored entry.
  public private(set) var values: [Double]

  /// The number of stored entries.
  public var nonzeroCount: Int { values.count }

  /// An empty (all-zero) rows × columns matrix.
  public init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    self.columnStarts = [Int](repeating: 0, count: columns + 1)
    self.rowIndices = []
    self.values = []
  }

  /// Builds a CSC matrix from (row, column, value) triplets; duplicates are summed, explicit
  /// zeros kept out.
  /// - Throws: `ProblemError.indexOutOfRange` for a triplet outside the matrix,
  ///   `.nonFinite` for NaN or ±∞.
  public init(rows: Int, columns: Int, triplets: [(row: Int, column: Int, value: Double)]) throws {
    guard rows >= 0, columns >= 0 else {
      throw ProblemError.dimensionMismatch("a sparse matrix cannot have \(rows) rows and \(columns) columns")
    }
    var counts = [Int](repeating: 0, count: columns + 1)
    for (k, t) in triplets.enumerated() {
      guard t.row >= 0, t.row < rows, t.column >= 0, t.column < columns else {
        throw ProblemError.indexOutOfRange("entry \(k) at (\(t.row), \(t.column)) lies outside a \(rows)×\(columns) matrix")
      }
      guard t.value.isFinite else { throw ProblemError.nonFinite("entry \(k) at (\(t.row), \(t.column)) is \(t.value)") }
      counts[t.column + 1] += 1
    }
    for j in 0..<columns { counts[j + 1] += counts[j] }
    var next = counts
    var rowIdx = [Int](repeating: 0, count: triplets.count)
    var vals = [Double](repeating: 0, count: triplets.count)
    for t in triplets {
      let p = next[t.column]
      rowIdx[p] = t.row
      vals[p] = t.value
      next[t.column] += 1
    }
    // Sort each column by row and merge duplicates.
    var starts = [Int](repeating: 0, count: columns + 1)
    var outRows: [Int] = []
    var outValues: [Double] = []
    outRows.reserveCapacity(triplets.count)
    outValues.reserveCapacity(triplets.count)
    for j in 0..<columns {
      let range = counts[j]..<counts[j + 1]
      let order = range.sorted { rowIdx[$0] < rowIdx[$1] }
      var lastRow = -1
      for p in order {
        if rowIdx[p] == lastRow {
          outValues[outValues.count - 1] += vals[p]
        } else {
          outRows.append(rowIdx[p])
          outValues.append(vals[p])
          lastRow = rowIdx[p]
        }
      }
      // Drop entries that summed to exactly zero.
      var write = starts[j]
      for read in starts[j]..<outRows.count where outValues[read] != 0 {
        outRows[write] = outRows[read]
        outValues[write] = outValues[read]
        write += 1
      }
      outRows.removeLast(outRows.count - write)
      outValues.removeLast(outValues.count - write)
      starts[j + 1] = outRows.count
    }
    self.rows = rows
    self.columns = columns
    self.columnStarts = starts
    self.rowIndices = outRows
    self.values = outValues
  }

  /// Builds a CSC matrix from its arrays, checking that they are consistent.
  /// - Throws: `ProblemError` naming the first inconsistency.
  public init(rows: Int, columns: Int, columnStarts: [Int], rowIndices: [Int], values: [Double]) throws {
    guard columnStarts.count == columns + 1, columnStarts.first == 0, columnStarts.last == values.count,
      rowIndices.count == values.count
    else {
      throw ProblemError.dimensionMismatch("CSC arrays do not describe a \(rows)×\(columns) matrix")
    }
    for j in 0..<columns {
      guard columnStarts[j] <= columnStarts[j + 1] else {
        throw ProblemError.dimensionMismatch("columnStarts decreases at column \(j)")
      }
      var last = -1
      for p in columnStarts[j]..<columnStarts[j + 1] {
        guard rowIndices[p] > last, rowIndices[p] < rows else {
          throw ProblemError.indexOutOfRange("column \(j): row indices must be increasing and below \(rows)")
        }
        guard values[p].isFinite else { throw ProblemError.nonFinite("entry (\(rowIndices[p]), \(j)) is \(values[p])") }
        last = rowIndices[p]
      }
    }
    self.rows = rows
    self.columns = columns
    self.columnStarts = columnStarts
    self.rowIndices = rowIndices
    self.values = values
  }

  /// A CSC matrix from arrays its builder knows to be valid (each column's rows increasing and in range,
  /// values finite), without the pass over every entry that checks it; the shapes are still checked.
  init(checkedByConstruction rows: Int, columns: Int, columnStarts: [Int], rowIndices: [Int], values: [Double]) {
    precondition(columnStarts.count == columns + 1 && columnStarts.first == 0 && columnStarts.last == values.count
                   && rowIndices.count == values.count, "SparseMatrix: CSC arrays of the wrong shape")
    self.rows = rows
    self.columns = columns
    self.columnStarts = columnStarts
    self.rowIndices = rowIndices
    self.values = values
  }

  /// Entry (i, j), zero when not stored. O(log nnz(column j)).
  public subscript(i: Int, j: Int) -> Double {
    var lo = columnStarts[j], hi = columnStarts[j + 1]
    while lo < hi {
      let mid = (lo + hi) / 2
      if rowIndices[mid] < i { lo = mid + 1 } else { hi = mid }
    }
    return lo < columnStarts[j + 1] && rowIndices[lo] == i ? values[lo] : 0
  }

  /// y = A x.
  public func times(_ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: rows)
    times(x, into: &y)
    return y
  }

  /// y = Aᵀ x.
  public func transposeTimes(_ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: columns)
    transposeTimes(x, into: &y)
    return y
  }

  /// Aᵀ as a CSC matrix (equivalently, A in compressed sparse row form).
  public var transposed: SparseMatrix {
    guard !values.isEmpty else { return SparseMatrix(rows: columns, columns: rows) }
    // Large matrices go in column ranges (`parallelRangeCount` of them, split by `balancedColumnRanges`): each
    // range counts its entries by row, a row's entries are laid out range after range (so by increasing
    // column, as one serial pass lays them out), and each range writes its own. The result is the serial one.
    let rangeStarts = balancedColumnRanges(parallelRangeCount), ranges = rangeStarts.count - 1
    let rows = rows, entries = values.count
    // next[k·rows + i]: where range k writes its next entry of row i (counts first).
    var next = [Int](repeating: 0, count: ranges * rows)
    next.withUnsafeMutableBufferPointer { nextBuffer in
      let counts = DisjointWrites(nextBuffer)
      forEachChunkInParallel(ranges) { k in
        for p in columnStarts[rangeStarts[k]]..<columnStarts[rangeStarts[k + 1]] { counts[k * rows + rowIndices[p]] += 1 }
      }
    }
    var starts = [Int](repeating: 0, count: rows + 1)
    var position = 0
    for i in 0..<rows {
      starts[i] = position
      for k in 0..<ranges {
        let count = next[k * rows + i]
        next[k * rows + i] = position
        position += count
      }
    }
    starts[rows] = position
    var outRows = [Int](), outValues = [Double]()
    next.withUnsafeMutableBufferPointer { nextBuffer in
      outRows = [Int](unsafeUninitializedCapacity: entries) { rowsBuffer, rowsWritten in
        outValues = [Double](unsafeUninitializedCapacity: entries) { valuesBuffer, valuesWritten in
          let next = DisjointWrites(nextBuffer), rowsOut = DisjointWrites(rowsBuffer)
          let valuesOut = DisjointWrites(valuesBuffer)
          forEachChunkInParallel(ranges) { k in
            for j in rangeStarts[k]..<rangeStarts[k + 1] {
              for p in columnStarts[j]..<columnStarts[j + 1] {
                let slot = k * rows + rowIndices[p], q = next[slot]
                rowsOut[q] = j
                valuesOut[q] = values[p]
                next[slot] = q + 1
              }
            }
          }
          valuesWritten = entries
        }
        rowsWritten = entries
      }
    }
    var result = SparseMatrix(rows: columns, columns: rows)
    result.columnStarts = starts
    result.rowIndices = outRows
    result.values = outValues
    return result
  }

  /// How many column ranges a parallel pass over the entries takes: one per core (at most four) from 2¹⁸
  /// entries, where each range holds enough to pay for its own per-row array; one below.
  var parallelRangeCount: Int {
    let cores = min(4, max(1, ProcessInfo.processInfo.activeProcessorCount))
    return values.count >= 1 << 18 && columns >= cores ? cores : 1
  }

  /// The first column of each of `parts` contiguous column ranges holding about equal numbers of entries,
  /// then `columns` (parts + 1 values; a range may be empty).
  func balancedColumnRanges(_ parts: Int) -> [Int] {
    var starts = [0]
    for k in 1..<max(1, parts) {
      // The first column whose entries start at or after k/parts of all entries.
      let target = values.count / parts * k
      var low = starts[k - 1], high = columns
      while low < high {
        let mid = (low + high) / 2
        if columnStarts[mid] < target { low = mid + 1 } else { high = mid }
      }
      starts.append(low)
    }
    starts.append(columns)
    return starts
  }

  /// The same sparsity pattern with other values (same count, in storage order).
  public func replacingValues(_ newValues: [Double]) -> SparseMatrix {
    precondition(newValues.count == values.count, "replacingValues: \(newValues.count) values for \(values.count) entries")
    var result = self
    result.values = newValues
    return result
  }

  /// y ← y + α · S x for the symmetric matrix S whose lower triangle this matrix stores.
  public func symmetricMultiplyAdd(_ x: [Double], into y: inout [Double], alpha: Double = 1) {
    precondition(rows == columns && x.count == columns && y.count == rows)
    for j in 0..<columns {
      let xj = x[j]
      var sum = 0.0
      for p in columnStarts[j]..<columnStarts[j + 1] {
        let i = rowIndices[p], v = values[p]
        y[i] += alpha * v * xj
        if i != j { sum += v * x[i] }
      }
      y[j] += alpha * sum
    }
  }

  /// All stored entries as triplets, column by column.
  public var triplets: [(row: Int, column: Int, value: Double)] {
    var result: [(row: Int, column: Int, value: Double)] = []
    result.reserveCapacity(values.count)
    for j in 0..<columns {
      for p in columnStarts[j]..<columnStarts[j + 1] { result.append((rowIndices[p], j, values[p])) }
    }
    return result
  }
}

extension SparseMatrix {
  /// y ← A x, into an existing vector (no allocation).
  public func times(_ x: [Double], into y: inout [Double]) {
    precondition(x.count == columns && y.count == rows)
    columnStarts.withUnsafeBufferPointer { starts in
      rowIndices.withUnsafeBufferPointer { rowsIndex in
        values.withUnsafeBufferPointer { v in
          x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
              for i in 0..<rows { yp[i] = 0 }
              for j in 0..<columns {
                let xj = xp[j]
                if xj == 0 { continue }
                for p in starts[j]..<starts[j + 1] { yp[rowsIndex[p]] += v[p] * xj }
              }
            }
          }
        }
      }
    }
  }

  /// y ← Aᵀ x, into an existing vector (no allocation).
  public func transposeTimes(_ x: [Double], into y: inout [Double]) {
    precondition(x.count == rows && y.count == columns)
    columnStarts.withUnsafeBufferPointer { starts in
      rowIndices.withUnsafeBufferPointer { rowsIndex in
        values.withUnsafeBufferPointer { v in
          x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
              for j in 0..<columns {
                var sum = 0.0
                for p in starts[j]..<starts[j + 1] { sum += v[p] * xp[rowsIndex[p]] }
                yp[j] = sum
              }
            }
          }
        }
      }
    }
  }
}
