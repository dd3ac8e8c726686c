/// The symmetric indefinite factorization P A Pᵀ = L D Lᵀ with Bunch–Kaufman pivoting (LAPACK sytrf),
/// D block diagonal with 1×1 and 2×2 blocks.
///
/// Only the lower triangle of A is read. Solves with sytrs.
public struct LDLTFactorization: Sendable {
  /// The order n of A.
  public let order: Int
  /// L and D as sytrf packs them (lower triangle).
  public private(set) var factor: Matrix
  /// sytrf's pivot vector (1-based, negative for 2×2 blocks).
  public private(set) var pivots: [Int32]
  private let normOne: Double

  /// Factors A.
  /// - Throws: `FactorizationError.singular(pivot:)` when D has an exact zero block at that pivot;
  ///   `.dimensionMismatch` / `.nonFinite` for unusable input.
  public init(_ matrix: Matrix) throws {
    try FactorizationError.checkSquareFinite(matrix, "LDLᵀ")
    var a = matrix
    let n = a.rows
    order = n
    normOne = n == 0 ? 0 : a.storage.withUnsafeBufferPointer { RawLAPACK.lansy1(n, $0.baseAddress!, n) }
    var ipiv = [Int32](repeating: 0, count: n)
    if n > 0 {
      let info = a.storage.withUnsafeMutableBufferPointer { ap in
        ipiv.withUnsafeMutableBufferPointer { RawLAPACK.sytrf(n, ap.baseAddress!, n, $0.baseAddress!) }
      }
      try FactorizationError.check(info) { .singular(pivot: $0) }
    }
    factor = a
    pivots = ipiv
  }

  /// x = A⁻¹ b.
  public func solve(_ b: [Double]) throws -> [Double] {
    try FactorizationError.checkRightHandSide(b, order, "LDLᵀ solve")
    var x = b
    solveInPlace(&x)
    return x
  }

  /// X = A⁻¹ B.
  public func solve(_ B: Matrix) throws -> Matrix {
    try FactorizationError.checkRightHandSides(B, order, "LDLᵀ solve")
    var X = B
    if order > 0 && B.columns > 0 {
      let info = factor.storage.withUnsafeBufferPointer { l in
        pivots.withUnsafeBufferPointer { p in
          X.storage.withUnsafeMutableBufferPointer {
            RawLAPACK.sytrs(order, B.columns, l.baseAddress!, order, p.baseAddress!, $0.baseAddress!, order)
          }
        }
      }
      try FactorizationError.check(info) { _ in .illegalArgument(position: 0) }
    }
    return X
  }

  /// Overwrites `x` with A⁻¹ x. For hot loops.
  public func solveInPlace(_ x: inout [Double]) {
    precondition(x.count == order, "LDLᵀ solveInPlace: length \(x.count), order \(order)")
    if order == 0 { return }
    _ = factor.storage.withUnsafeBufferPointer { l in
      pivots.withUnsafeBufferPointer { p in
        x.withUnsafeMutableBufferPointer {
          RawLAPACK.sytrs(order, 1, l.baseAddress!, order, p.baseAddress!, $0.baseAddress!, order)
        }
      }
    }
  }

  /// The inertia of A (numbers of positive, negative and zero eigenvalues), read from D
  /// by Sylvester's law: a 2×2 block always contributes one positive and one negative.
  public var inertia: (positive: Int, negative: Int, zero: Int) {
    var positive = 0, negative = 0, zero = 0
    var k = 0
    while k < order {
      if pivots[k] > 0 {
        let d = factor[k, k]
        if d > 0 { positive += 1 } else if d < 0 { negative += 1 } else { zero += 1 }
        k += 1
      } else {
        positive += 1; negative += 1
        k += 2
      }
    }
    return (positive, negative, zero)
  }

  /// Estimate of 1 / (‖A‖₁ ‖A⁻¹‖₁) (LAPACK sycon).
  public func reciprocalCondition() throws -> Double {
    if order == 0 { return 1 }
    let (rcond, info) = factor.storage.withUnsafeBufferPointer { l in
      pivots.withUnsafeBufferPointer { RawLAPACK.sycon(order, l.baseAddress!, order, $0.baseAddress!, normOne) }
    }
    try FactorizationError.check(info) { _ in .illegalArgument(position: 0) }
    return rcond
  }
}
