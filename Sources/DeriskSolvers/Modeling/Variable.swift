/// A handle to one decision variable (one column) of a `Model`.
///
/// It is an index wrapper: column `index` of the lowered `QuadraticProgram` is this variable.
/// It also carries its model's identity token, so handing it to a different model throws
/// `ModelError.foreignHandle` instead of silently addressing that model's column `index`.
public struct Variable: Hashable, Sendable {
  /// Identity of the model that issued the handle.
  let model: ModelIdentity
  /// The column index j of this variable in the lowered program (0-based, in order of creation).
  public let index: Int

  init(model: ModelIdentity, index: Int) {
    self.model = model
    self.index = index
  }
}
