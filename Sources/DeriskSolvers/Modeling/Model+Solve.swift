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

  /// Solves like `solve(settings:)` — same program, same result, same errors — but first releases what
  /// the solve does not need (`releaseBuildData()`): the model is lowered to a program without names, and
  /// keeps only what reading the solution back needs (`releaseUnusedCapacity()` first). For a caller that
  /// builds a large model only to solve it once and read the result back by handle.
  ///
  /// The checks whose messages name rows and columns (the program's, in lowering, and the block
  /// structure's) run before the model's names are dropped, and on a throw run again with the names (see
  /// `checkNamingRowsAndColumns`), so a model that cannot be solved throws the same error as
  /// `solve(settings:)`. Lookups by name find nothing afterwards, whether it throws or not.
  /// - Throws: as `solve(settings:)`.
  package mutating func solveReleasingBuildData(settings: InteriorPointSettings = .init()) throws -> ModelSolution {
    // Before lowering, which shares the bounds with the program the solver holds.
    releaseUnusedCapacity()
    // The name indexes serve lookups by name only, which neither lowering nor its error messages (they read
    // the names by index) make: they go before the lowering adds Ā to the model's peak, not after (at
    // 100,000 generated sourcing scenarios 2²³ + 2²⁴ Int32 slots, 0.1 GB).
    columnNames.dropIndex()
    rowNames.dropIndex()
    var lowered = try lowered(withNames: false)
    let structure = lowered.blockStructure
    lowered.columnBlocks = nil
    lowered.rowBlocks = nil
    // In the order `DeriskSolvers.solve` checks them, while the model's names are there.
    try settings.validate()
    if let structure { try checkNamingRowsAndColumns(lowered.program) { try structure.validate(for: $0) } }
    releaseBuildData()
    let result = try DeriskSolvers.solve(lowered.program, settings: settings, structure: consume structure)
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
