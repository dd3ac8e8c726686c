import DeriskSolvers
import DeriskTestSupport
import Testing

/// A Ruiz sweep over several column ranges, each with its own row maxima merged after, must give the
/// scaled entries and the maxima of a plain serial computation exactly (a maximum does not depend on the
/// order of its terms; each entry is scaled by itself), whatever the number of ranges.
struct RuizSweepTests {
  /// A random 500 × 3,000 pattern with 1–40 entries per column, values of mixed sign and magnitude, a few
  /// empty columns and rows.
  static func randomMatrix(seed: UInt64) throws -> SparseMatrix {
    var rng = SplitMix64(seed: seed)
    var triplets: [(row: Int, column: Int, value: Double)] = []
    for j in 0..<3_000 where j % 97 != 0 {
      var rows = Set<Int>()
      for _ in 0..<(1 + Int(rng.next() % 40)) { rows.insert(Int(rng.next() % 499)) }   // row 499 stays empty
      for i in rows { triplets.append((i, j, rng.uniform(-1, 1) * rng.uniform(1e-3, 1e3))) }
    }
    return try SparseMatrix(rows: 500, columns: 3_000, triplets: triplets)
  }

  /// What one pass must give, entry by entry: aᵢⱼ·(Eᵢ·Dⱼ), and the maxima of its magnitudes.
  static func reference(_ A: SparseMatrix, rowScale e: [Double], columnScale d: [Double])
    -> (values: [Double], columnNorm: [Double], rowNorm: [Double]) {
    var values = A.values, columnNorm = [Double](repeating: 0, count: A.columns)
    var rowNorm = [Double](repeating: 0, count: A.rows)
    for j in 0..<A.columns {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        values[p] *= e[A.rowIndices[p]] * d[j]
        columnNorm[j] = max(columnNorm[j], abs(values[p]))
        rowNorm[A.rowIndices[p]] = max(rowNorm[A.rowIndices[p]], abs(values[p]))
      }
    }
    return (values, columnNorm, rowNorm)
  }

  @Test(arguments: [1, 2, 3, 7])
  func rangesGiveTheSerialFiguresExactly(ranges: Int) throws {
    let A = try Self.randomMatrix(seed: 11)
    var rng = SplitMix64(seed: 12)
    let e = (0..<A.rows).map { _ in rng.uniform(0.1, 10) }, d = (0..<A.columns).map { _ in rng.uniform(0.1, 10) }
    var sweep = RuizSweep(A, rowCount: A.rows, ranges: ranges)
    var columnNorm = [Double](repeating: -1, count: A.columns), rowNorm = [Double](repeating: -1, count: A.rows)
    // Measure only, then scale and measure, then scale only: each against the serial computation.
    var values = A.values
    sweep.scaleAndMeasure(&values, scales: nil, columnNorm: &columnNorm, rowNorm: &rowNorm)
    let unscaled = Self.reference(A, rowScale: [Double](repeating: 1, count: A.rows),
                                  columnScale: [Double](repeating: 1, count: A.columns))
    #expect(values == A.values)
    #expect(columnNorm == unscaled.columnNorm)
    #expect(rowNorm == unscaled.rowNorm)
    #expect(rowNorm[499] == 0 && columnNorm[0] == 0)
    sweep.scaleAndMeasure(&values, scales: (e, d), columnNorm: &columnNorm, rowNorm: &rowNorm)
    let once = Self.reference(A, rowScale: e, columnScale: d)
    #expect(values == once.values)
    #expect(columnNorm == once.columnNorm)
    #expect(rowNorm == once.rowNorm)
    sweep.scale(&values, rowScale: e, columnScale: d)
    let twice = Self.reference(A.replacingValues(once.values), rowScale: e, columnScale: d)
    #expect(values == twice.values)
  }

  /// Without entries (no rows here) every column's maximum is 0, whatever the arrays held before.
  @Test func noEntriesMeasureZero() {
    var sweep = RuizSweep(SparseMatrix(rows: 0, columns: 3), rowCount: 0)
    var values: [Double] = [], columnNorm: [Double] = [-1, -1, -1], rowNorm: [Double] = []
    sweep.scaleAndMeasure(&values, scales: nil, columnNorm: &columnNorm, rowNorm: &rowNorm)
    #expect(columnNorm == [0, 0, 0])
  }
}
