/// A `Model` in the solvers' standard form, with the model's block labels alongside.
///
/// `program` is the `QuadraticProgram` the solvers accept; `columnBlocks[j]` and `rowBlocks[i]`
/// are the `BlockLabel`s of column j and row i, for a solver that exploits the two-stage
/// scenario structure (the general solver ignores them).
public struct LoweredModel: Sendable, Hashable {
  /// The standard-form program: minimise/maximise ½xᵀPx + cᵀx + c₀ s.t. rowLower ≤ Ax ≤ rowUpper,
  /// columnLower ≤ x ≤ columnUpper.
  public var program: QuadraticProgram
  /// One label per column, or nil when no variable carries a label.
  public var columnBlocks: [BlockLabel]?
  /// One label per row, or nil when no constraint carries a label.
  public var rowBlocks: [BlockLabel]?

  public init(program: QuadraticProgram, columnBlocks: [BlockLabel]? = nil, rowBlocks: [BlockLabel]? = nil) {
    self.program = program
    self.columnBlocks = columnBlocks
    self.rowBlocks = rowBlocks
  }
}
