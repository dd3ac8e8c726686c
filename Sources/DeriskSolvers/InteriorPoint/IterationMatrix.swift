/// Ā or Āᵀ as the general path's iteration multiplies with it (`CompressedProducts`): compressed columns
/// with 32-bit row indices.
///
/// The iteration computes y ← Mᵀx with Ā and with Āᵀ twice for its residuals and twice for every solve
/// it checks, and each product reads every entry's index and value once. `SparseMatrix` stores an index
/// in 8 bytes; here it takes 4, so a product reads 12 bytes per entry instead of 16, and each copy of Ā
/// (33 million entries at 100,000 scenarios) holds a quarter less memory. The row count must fit in
/// 32 bits (2³¹ − 1 rows, far beyond what fits in memory as a dense iterate).
struct IterationMatrix: Sendable {
  let rows: Int, columns: Int
  /// `columns + 1` offsets into `rowIndices` / `values`.
  let columnStarts: [Int]
  let rowIndices: [Int32]
  let values: [Double]

  var nonzeroCount: Int { values.count }

  /// M itself.
  init(_ M: SparseMatrix) {
    precondition(M.rows <= Int(Int32.max), "IterationMatrix: \(M.rows) rows do not fit 32-bit indices")
    rows = M.rows
    columns = M.columns
    columnStarts = M.columnStarts
    rowIndices = M.rowIndices.map { Int32(truncatingIfNeeded: $0) }
    values = M.values
  }

  /// Mᵀ, built straight from M's columns (entries of each column of Mᵀ in increasing row order).
  init(transposeOf M: SparseMatrix) {
    precondition(M.columns <= Int(Int32.max), "IterationMatrix: \(M.columns) columns do not fit 32-bit indices")
    rows = M.columns
    columns = M.rows
    var starts = [Int](repeating: 0, count: M.rows + 1)
    for i in M.rowIndices { starts[i + 1] += 1 }
    for i in 0..<M.rows { starts[i + 1] += starts[i] }
    var next = starts
    var indices = [Int32](repeating: 0, count: M.nonzeroCount)
    var entries = [Double](repeating: 0, count: M.nonzeroCount)
    for j in 0..<M.columns {
      for p in M.columnStarts[j]..<M.columnStarts[j + 1] {
        let i = M.rowIndices[p], q = next[i]
        indices[q] = Int32(truncatingIfNeeded: j)
        entries[q] = M.values[p]
        next[i] = q + 1
      }
    }
    columnStarts = starts
    rowIndices = indices
    values = entries
  }
}

extension IterationKernels {
  /// y ← Mᵀx, one column per output entry, columns split into chunks run on all cores (each entry is
  /// summed by one thread in a fixed order). With `M` built as the transpose of a matrix B, this is
  /// y ← Bx.
  static func transposeTimes(_ M: IterationMatrix, _ x: [Double], into y: inout [Double]) {
    precondition(x.count == M.rows && y.count == M.columns, "transposeTimes: sizes differ")
    M.columnStarts.withUnsafeBufferPointer { sb in
      M.rowIndices.withUnsafeBufferPointer { rb in
        M.values.withUnsafeBufferPointer { vb in
          x.withUnsafeBufferPointer { xb in
            y.withUnsafeMutableBufferPointer { yb in
              let starts = SharedIndices(sb), rows = SharedIndices32(rb), values = SharedReads(vb)
              let xp = SharedReads(xb), yp = SharedWrites(yb)
              chunked(yb.count) { range in
                for j in range {
                  var sum = 0.0
                  for p in starts[j]..<starts[j + 1] { sum += values[p] * xp[Int(rows[p])] }
                  yp[j] = sum
                }
              }
            }
          }
        }
      }
    }
  }
}

/// A 32-bit index array shared read-only by parallel chunks.
struct SharedIndices32: @unchecked Sendable {
  let base: UnsafePointer<Int32>?
  init(_ buffer: UnsafeBufferPointer<Int32>) { base = buffer.baseAddress }
  @inline(__always) subscript(i: Int) -> Int32 { base.unsafelyUnwrapped[i] }
}

/// Āᵀy and Āx as the iteration forms them: for its residuals, its starting point and the checks of its
/// solves.
protocol ConstraintProducts {
  /// Entries of Ā (for the log).
  var nonzeroCount: Int { get }
  /// out ← Āᵀy.
  func transposeTimes(_ y: [Double], into out: inout [Double])
  /// out ← Āx.
  func times(_ x: [Double], into out: inout [Double])
  /// ax ← Āx and aty ← Āᵀy, the same values as `times` and `transposeTimes` (a backend may make one pass).
  func timesAndTransposeTimes(_ x: [Double], _ y: [Double], intoAx ax: inout [Double], intoATy aty: inout [Double])
}

extension ConstraintProducts {
  func timesAndTransposeTimes(_ x: [Double], _ y: [Double], intoAx ax: inout [Double], intoATy aty: inout [Double]) {
    transposeTimes(y, into: &aty)
    times(x, into: &ax)
  }
}

/// The general path's products: Āᵀy as Ā's column dot products and Āx as Āᵀ's, both split across cores.
struct CompressedProducts: ConstraintProducts {
  private let A: IterationMatrix, AT: IterationMatrix

  init(_ M: SparseMatrix) {
    A = IterationMatrix(M)
    AT = IterationMatrix(transposeOf: M)
  }

  var nonzeroCount: Int { A.nonzeroCount }
  func transposeTimes(_ y: [Double], into out: inout [Double]) { IterationKernels.transposeTimes(A, y, into: &out) }
  func times(_ x: [Double], into out: inout [Double]) { IterationKernels.transposeTimes(AT, x, into: &out) }
}
