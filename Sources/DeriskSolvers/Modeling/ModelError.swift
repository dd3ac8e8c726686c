/// Misuse of the modeling layer, with the offending variable, constraint or name named.
///
/// Thrown for wrong calls and wrong data only (a NaN coefficient, a lower bound above its upper
/// bound, a handle from another model, a name used twice). What the mathematics finds — an
/// infeasible or unbounded model — is never thrown; it comes back in `ModelSolution.termination`.
public enum ModelError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A name already used by another variable (or, separately, by another constraint).
  case duplicateName(String)
  /// A name that no variable or constraint carries.
  case unknownName(String)
  /// A `Variable` or `Constraint` handle that was created by a different `Model`, or that refers
  /// past the end of this one (a handle from a diverged copy).
  case foreignHandle(String)
  /// NaN, or ±∞ where a finite number is required (coefficients and constants must be finite;
  /// bounds may be ±∞ but never NaN).
  case nonFinite(String)
  /// A lower bound above its upper bound, or a bound that empties the set (lower = +∞, upper = −∞).
  case inconsistentBounds(String)
  /// Block labels given to some variables (or rows) but not to all of them.
  case missingBlockLabel(String)
  /// Vectors whose sizes do not fit the model (a `SolveResult` from a different problem).
  case dimensionMismatch(String)
  /// Any other invalid input (an empty name, a negative scenario number); the message says what.
  case invalid(String)

  public var description: String {
    switch self {
    case .duplicateName(let s): return "duplicate name: \(s)"
    case .unknownName(let s): return "unknown name: \(s)"
    case .foreignHandle(let s): return "handle from another model: \(s)"
    case .nonFinite(let s): return "non-finite value: \(s)"
    case .inconsistentBounds(let s): return "inconsistent bounds: \(s)"
    case .missingBlockLabel(let s): return "missing block label: \(s)"
    case .dimensionMismatch(let s): return "dimension mismatch: \(s)"
    case .invalid(let s): return s
    }
  }
}
