import Foundation

/// The Cholesky factorization A = L Lᵀ of a symmetric positive definite matrix (LAPACK potrf).
///
/// Only the lower triangle of A is read. Solving A x = b costs two triangular solves (potrs).
public struct CholeskyFactorization: Sendable {
  /// The order n of A.
  public let order: Int
  /// L in the lower triangle; the strict upper triangle holds whatever A had there.
  public private(set) var factor: Matrix
  /// ‖A‖₁, kept for the condition estimate.
  private let normOne: Double

  /// Factors A.
  /// - Throws: `FactorizationError.notPositiveDefinite(leadingMinor:)` when the leading minor of that
  ///   order is not positive definite; `.dimensionMismatch` / `.nonFinite` for unusable input.
  public init(_ matrix: Matrix) throws {
    try FactorizationError.checkSquareFinite(matrix, "Cholesky")
    var a = matrix
    let n = a.rows
    order = n
    normOne = n == 0 ? 0 : a.storage.withUnsafeBufferPointer { RawLAPACK.lansy1(n, $0.baseAddress!, n) }
    if n > 0 {
      let info = a.storage.withUnsafeMutableBufferPointer { RawLAPACK.potrf(n, $0.baseAddress!, n) }
      try FactorizationError.check(info) { .notPositiveDefinite(leadingMinor: $0) }
    }
    factor = a
  }

  /// x = A⁻¹ b.
  public func solve(_ b: [Double]) throws -> [Double] {
    try FactorizationError.checkRightHandSide(b, order, "Cholesky solve")
    var x = b
    solveInPlace(&x)
    return x
  }

  /// X = A⁻¹ B for several right-hand sides.
  public func solve(_ B: Matrix) throws -> Matrix {
    try FactorizationError.checkRightHandSides(B, order, "Cholesky solve")
    var X = B
    if order > 0 && B.columns > 0 {
      let info = factor.storage.withUnsafeBufferPointer { l in
        X.storage.withUnsafeMutableBufferPointer {
          RawLAPACK.potrs(order, B.columns, l.baseAddress!, order, $0.baseAddress!, order)
        }
      }
      try FactorizationError.check(info) { _ in .illegalArgument(position: 0) }
    }
    return X
  }

  /// Overwrites `x` (length n, unchecked beyond a precondition) with A⁻¹ x. For hot loops.
  public func solveInPlace(_ x: inout [Double]) {
    precondition(x.count == order, "Cholesky solveInPlace: length \(x.count), order \(order)")
    if order == 0 { return }
    _ = factor.storage.withUnsafeBufferPointer { l in
      x.withUnsafeMutableBufferPointer { RawLAPACK.potrs(order, 1, l.baseAddress!, order, $0.baseAddress!, order) }
    }
  }

  /// log det A = 2 Σ log Lᵢᵢ.
  public var logDeterminant: Double {
    var sum = 0.0
    for i in 0..<order { sum += 2 * Foundation.log(factor[i, i]) }
    return sum
  }

  /// Estimate of 1 / (‖A‖₁ ‖A⁻¹‖₁) (LAPACK pocon); near 0 means ill-conditioned.
  public func reciprocalCondition() throws -> Double {
    if order == 0 { return 1 }
    let (rcond, info) = factor.storage.withUnsafeBufferPointer { RawLAPACK.pocon(order, $0.baseAddress!, order, normOne) }
    try FactorizationError.check(info) { _ in .illegalArgument(position: 0) }
    return rcond
  }
}
