// TEMPORARY: stands in for the interior-point entry point, which lives on another branch.
// Delete this file at merge; `Model.solve(settings:)` then calls the real function.
func solve(_ problem: QuadraticProgram, settings: InteriorPointSettings = .init()) throws -> SolveResult {
  throw ProblemError.invalid("solver not yet available")
}
