extension Model {
  /// Lowers the model, solves the program with the interior-point solver and reads the result
  /// back (see `lowered()` and `ModelSolution`).
  ///
  /// When every variable and constraint carries a `BlockLabel`, the labels are passed to the solver as a
  /// `BlockStructure`, so `settings.linearSystem == .automatic` uses the scenario-structured backend.
  /// Infeasible, unbounded, limit and numerical outcomes are returned in
  /// `ModelSolution.termination`, never thrown.
  /// - Throws: `ModelError` / `ProblemError` for a model or settings that cannot be solved.
  public func solve(settings: InteriorPointSettings = .init()) throws -> ModelSolution {
    let lowered = try lowered()
    let result = try DeriskSolvers.solve(lowered.program, settings: settings, structure: lowered.blockStructure)
    return try ModelSolution(result: result, model: self)
  }
}

extension LoweredModel {
  /// The block structure of the labels, when both columns and rows are labelled (an empty list of rows
  /// counts as labelled); nil otherwise.
  public var blockStructure: BlockStructure? {
    guard let columns = columnBlocks else { return nil }
    let rows = rowBlocks ?? (program.rowCount == 0 ? [] : nil)
    guard let rows else { return nil }
    return BlockStructure(columnLabels: columns, rowLabels: rows)
  }
}
