/// What LAPACK found when factoring, as a typed error: never an assert, a crash or a silent NaN.
public enum FactorizationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// LAPACK `info < 0`: argument `position` was illegal. A bug in Derisk, reported rather than hidden.
  case illegalArgument(position: Int)
  /// `potrf` `info > 0`: the leading minor of this order (1-based) is not positive definite.
  case notPositiveDefinite(leadingMinor: Int)
  /// `getrf` / `sytrf` `info > 0`: the factor has an exact zero at this pivot (1-based).
  case singular(pivot: Int)
  /// `syevd` `info > 0`: the eigenvalue iteration failed to converge.
  case noConvergence(info: Int)
  /// `gels` `info > 0`: the matrix does not have full rank; diagonal element `index` (1-based) of R is zero.
  case rankDeficient(index: Int)
  /// The operands do not fit together; the message names the sizes.
  case dimensionMismatch(String)
  /// An input held NaN or ±∞; the message names it.
  case nonFinite(String)

  public var description: String {
    switch self {
    case .illegalArgument(let position): return "LAPACK rejected argument \(position) (a bug in Derisk)"
    case .notPositiveDefinite(let minor): return "matrix is not positive definite (leading minor \(minor))"
    case .singular(let pivot): return "matrix is singular (zero pivot \(pivot))"
    case .noConvergence(let info): return "eigenvalue iteration did not converge (info \(info))"
    case .rankDeficient(let index): return "matrix is rank deficient (R[\(index),\(index)] = 0)"
    case .dimensionMismatch(let what): return "dimension mismatch: \(what)"
    case .nonFinite(let what): return "non-finite value in \(what)"
    }
  }
}

extension FactorizationError {
  /// Checks that `matrix` is square and finite before it is handed to LAPACK.
  static func checkSquareFinite(_ matrix: Matrix, _ routine: String) throws {
    guard matrix.isSquare else {
      throw FactorizationError.dimensionMismatch("\(routine) needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
    }
    guard matrix.isFinite else { throw FactorizationError.nonFinite("the matrix given to \(routine)") }
  }

  /// Checks a right-hand side against the order n of a factored matrix.
  static func checkRightHandSide(_ b: [Double], _ n: Int, _ routine: String) throws {
    guard b.count == n else {
      throw FactorizationError.dimensionMismatch("\(routine): right-hand side has \(b.count) entries, matrix order is \(n)")
    }
    guard b.allSatisfy({ $0.isFinite }) else { throw FactorizationError.nonFinite("the right-hand side given to \(routine)") }
  }

  /// Checks a matrix of right-hand sides against the order n of a factored matrix.
  static func checkRightHandSides(_ B: Matrix, _ n: Int, _ routine: String) throws {
    guard B.rows == n else {
      throw FactorizationError.dimensionMismatch("\(routine): right-hand sides have \(B.rows) rows, matrix order is \(n)")
    }
    guard B.isFinite else { throw FactorizationError.nonFinite("the right-hand sides given to \(routine)") }
  }

  /// Maps a LAPACK `info` to nil (success) or an error, with `positive` describing `info > 0`.
  static func check(_ info: Int, positive: (Int) -> FactorizationError) throws {
    if info < 0 { throw FactorizationError.illegalArgument(position: -info) }
    if info > 0 { throw positive(info) }
  }
}
