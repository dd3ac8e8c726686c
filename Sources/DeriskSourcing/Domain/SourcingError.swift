/// Unusable sourcing input, with the place named as a path into the model file
/// (`suppliers[2].offers[0].capacity: must be ≥ 0, got -5`).
///
/// Thrown for wrong data and wrong calls, before any solve. What the mathematics finds (an
/// infeasible or unbounded program, a solver that stopped early) is reported in the plan's
/// status, never thrown.
public struct SourcingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the problem is: a dotted path with `[i]` for list positions (or a file path).
  public var path: String
  /// What is wrong, with the offending value.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// A number for messages and reports without trailing noise.
func formatNumber(_ x: Double) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
  return "\(x)"
}
