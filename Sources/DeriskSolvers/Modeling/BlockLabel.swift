/// The block of a two-stage scenario structure that a variable or constraint belongs to.
///
/// A two-stage stochastic program with scenarios s = 0, …, S−1 has the block-angular shape
///
///     minimise   f₀(x₀) + Σₛ fₛ(x₀, xₛ)
///     subject to A₀ x₀ ∈ [l₀, u₀]                  (first-stage rows)
///                Tₛ x₀ + Wₛ xₛ ∈ [lₛ, uₛ]          (rows of scenario s)
///
/// First-stage (here-and-now) variables x₀ link the scenarios; each scenario's recourse variables
/// xₛ appear only in that scenario's rows. The labels are recorded by `Model` and carried to
/// `LoweredModel.columnBlocks` / `rowBlocks` as metadata for a structure-exploiting solver; the
/// general solver ignores them.
public enum BlockLabel: Hashable, Sendable {
  /// The first stage: linking variables, and rows that involve only them.
  case firstStage
  /// Scenario s (s ≥ 0): its recourse variables and its rows.
  case scenario(Int)
}
