/// Unusable scenario, event or view input, with the place named as a path
/// (`scenarios[3].probability: must be ≥ 0, got -0.1`).
///
/// Thrown for wrong calls and wrong data. What the mathematics finds (for example, views that no
/// probability vector can satisfy) has its own error type, ``ConflictingViewsError``.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the problem is: a dotted path with `[i]` for list positions, or an argument name.
  public var path: String
  /// What is wrong, in a few words, with the offending value.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Formats a Double for error messages without trailing noise (`-0.1`, `1e-12`, `nan`).
func formatNumber(_ x: Double) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  return "\(x)"
}
