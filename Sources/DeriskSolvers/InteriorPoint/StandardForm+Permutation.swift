/// Renumbering the internal form's columns and rows (see `ScenarioSchurSystem.interleaveBatches`, which
/// chooses the order). With permutations p (columns) and q (rows), `order[k]` the old index of new index k,
/// the program becomes c′ = c[p], l′ = l[p], u′ = u[p], b′ = b[q], P̄′ = P̄[p, p] and Ā′ = Ā[q, p]: the same
/// program, its solution x′ = x[p], y′ = y[q]. The maps back (`columnOrigin`, `rowOrigin`, the blocks) move
/// with them, so everything read back through them is unchanged.
extension StandardForm {
  /// Applies the column order and the row order (each a permutation of 0..<count) to the form. Ā is not
  /// renumbered: the caller has released it (`A` empty), and reads it through a backend that holds its own
  /// renumbered copy (`ScenarioSchurSystem`).
  mutating func permute(columnOrder: [Int], rowOrder: [Int]) {
    precondition(columnOrder.count == columnCount && rowOrder.count == rowCount && A.nonzeroCount == 0,
                 "StandardForm.permute: orders of \(columnOrder.count) and \(rowOrder.count) for \(columnCount) × \(rowCount), Ā not released")
    if let P {
      var newColumn = [Int](repeating: 0, count: columnCount)
      for (k, j) in columnOrder.enumerated() { newColumn[j] = k }
      let triplets = P.triplets.map { t in
        (row: max(newColumn[t.row], newColumn[t.column]), column: min(newColumn[t.row], newColumn[t.column]), value: t.value)
      }
      // A permutation keeps every index in range, so the assembly cannot fail (and must not drop P̄).
      guard let permuted = try? SparseMatrix(rows: columnCount, columns: columnCount, triplets: triplets) else {
        preconditionFailure("StandardForm.permute: P̄ renumbered out of range")
      }
      self.P = permuted
    }
    c = Self.gathered(c, columnOrder)
    lower = Self.gathered(lower, columnOrder)
    upper = Self.gathered(upper, columnOrder)
    columnOrigin = Self.gathered(columnOrigin, columnOrder)
    columnBlock = columnBlock.map { Self.gathered($0, columnOrder) }
    b = Self.gathered(b, rowOrder)
    rowOrigin = Self.gathered(rowOrigin, rowOrder)
    rowBlock = rowBlock.map { Self.gathered($0, rowOrder) }
  }

  /// values[order[k]] for each k, in parallel chunks.
  static func gathered<T: BitwiseCopyable & Sendable>(_ values: [T], _ order: [Int]) -> [T] {
    parallelGathered(values, at: order) { $0 }
  }
}

extension Equilibration {
  /// The scale factors in the order of a form permuted by `StandardForm.permute`.
  mutating func permute(columnOrder: [Int], rowOrder: [Int]) {
    columnScale = StandardForm.gathered(columnScale, columnOrder)
    rowScale = StandardForm.gathered(rowScale, rowOrder)
  }
}
