extension Model {
  /// Lowers the model, solves the program with the interior-point solver and reads the result
  /// back (see `lowered()` and `ModelSolution`).
  ///
  /// Infeasible, unbounded, limit and numerical outcomes are returned in
  /// `ModelSolution.termination`, never thrown.
  /// - Throws: `ModelError` / `ProblemError` for a model or settings that cannot be solved.
  public func solve(settings: InteriorPointSettings = .init()) throws -> ModelSolution {
    let lowered = try lowered()
    let result = try DeriskSolvers.solve(lowered.program, settings: settings)
    return try ModelSolution(result: result, model: self)
  }
}
