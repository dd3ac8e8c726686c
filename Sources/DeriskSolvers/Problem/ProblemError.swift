/// A problem that cannot be handed to a solver, with the offending place named.
///
/// Thrown by validation (wrong call or wrong data); what the mathematics finds (infeasible,
/// unbounded) is never thrown but returned as a `TerminationStatus`.
public enum ProblemError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Sizes that do not fit together.
  case dimensionMismatch(String)
  /// An index outside its range.
  case indexOutOfRange(String)
  /// NaN or ±∞ where a finite number is required (bounds may be ±∞, never NaN).
  case nonFinite(String)
  /// A lower bound above its upper bound.
  case inconsistentBounds(String)
  /// The quadratic objective is not symmetric / not given as one triangle.
  case notSymmetric(String)
  /// Any other invalid input; the message says what.
  case invalid(String)

  public var description: String {
    switch self {
    case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
    case .indexOutOfRange(let s): return "index out of range: \(s)"
    case .nonFinite(let s): return "non-finite value: \(s)"
    case .inconsistentBounds(let s): return "inconsistent bounds: \(s)"
    case .notSymmetric(let s): return "not symmetric: \(s)"
    case .invalid(let s): return s
    }
  }
}
