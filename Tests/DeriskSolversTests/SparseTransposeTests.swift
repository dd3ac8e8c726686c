import DeriskSolvers
import DeriskTestSupport
import Testing

/// Aᵀ of a matrix large enough for the parallel column ranges (2¹⁸ entries and more) must be the matrix the
/// swapped triplets build, entry for entry and in the same order.
struct SparseTransposeTests {
  @Test func largeTransposeMatchesTheTriplets() throws {
    var rng = SplitMix64(seed: 21)
    var triplets: [(row: Int, column: Int, value: Double)] = []
    for j in 0..<20_000 where j % 113 != 0 {   // some empty columns
      var rows = Set<Int>()
      for _ in 0..<(1 + Int(rng.next() % 30)) { rows.insert(Int(rng.next() % 1_999)) }   // row 1,999 empty
      for i in rows { triplets.append((i, j, rng.uniform(-1, 1))) }
    }
    #expect(triplets.count >= 1 << 18)
    let A = try SparseMatrix(rows: 2_000, columns: 20_000, triplets: triplets)
    let expected = try SparseMatrix(rows: 20_000, columns: 2_000, triplets: triplets.map { ($0.column, $0.row, $0.value) })
    let transposed = A.transposed
    #expect(transposed == expected)
    #expect(transposed.transposed == A)
  }

  /// Matrices without entries (no rows, no columns, or neither) transpose to the empty matrix of the swapped shape.
  @Test(arguments: [(3, 0), (0, 5), (0, 0), (4, 6)])
  func emptyTransposes(shape: (rows: Int, columns: Int)) {
    let transposed = SparseMatrix(rows: shape.rows, columns: shape.columns).transposed
    #expect(transposed == SparseMatrix(rows: shape.columns, columns: shape.rows))
  }
}
