import Synchronization

/// The identity token of a `Model`: every `Model()` draws a fresh one, and every handle it
/// issues carries it, so a handle used on another model is detected rather than silently
/// aliasing a column or row of the same index.
///
/// Copies of a model share its token (a copy is the same model until it diverges); a handle
/// issued by a diverged copy beyond the other's size is still caught by the index check.
struct ModelIdentity: Hashable, Sendable {
  let raw: UInt64

  private static let counter = Atomic<UInt64>(0)

  /// A token no other `Model` in this process has.
  static func next() -> ModelIdentity {
    ModelIdentity(raw: counter.wrappingAdd(1, ordering: .relaxed).newValue)
  }
}
