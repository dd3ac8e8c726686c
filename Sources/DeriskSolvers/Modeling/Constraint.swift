/// A handle to one constraint (one row) of a `Model`.
///
/// Row `index` of the lowered `QuadraticProgram` is this constraint. Like `Variable`, it carries
/// its model's identity token so that use with another model is detected.
public struct Constraint: Hashable, Sendable {
  /// Identity of the model that issued the handle.
  let model: ModelIdentity
  /// The row index i of this constraint in the lowered program (0-based, in order of creation).
  public let index: Int

  init(model: ModelIdentity, index: Int) {
    self.model = model
    self.index = index
  }
}

/// The relation of a one-sided or equality constraint `expression ⋈ rhs`.
public enum ConstraintSense: String, Hashable, Sendable, Codable {
  /// expression ≤ rhs.
  case lessOrEqual
  /// expression ≥ rhs.
  case greaterOrEqual
  /// expression = rhs.
  case equal
}
