/// The eigendecomposition A = V Λ Vᵀ of a symmetric matrix (LAPACK syevd, divide and conquer).
///
/// Only the lower triangle of A is read. Eigenvalues are in ascending order; column k of
/// `eigenvectors` is the unit eigenvector of `eigenvalues[k]`.
public struct SymmetricEigendecomposition: Sendable {
  /// λ₁ ≤ … ≤ λₙ.
  public let eigenvalues: [Double]
  /// V, orthogonal, or nil when only the eigenvalues were asked for.
  public let eigenvectors: Matrix?

  /// Decomposes A.
  /// - Throws: `FactorizationError.noConvergence(info:)` if the iteration fails;
  ///   `.dimensionMismatch` / `.nonFinite` for unusable input.
  public init(_ matrix: Matrix, computeVectors: Bool = true) throws {
    try FactorizationError.checkSquareFinite(matrix, "symmetric eigendecomposition")
    var a = matrix
    let n = a.rows
    var w = [Double](repeating: 0, count: n)
    if n > 0 {
      let info = a.storage.withUnsafeMutableBufferPointer { ap in
        w.withUnsafeMutableBufferPointer { RawLAPACK.syevd(vectors: computeVectors, n, ap.baseAddress!, n, $0.baseAddress!) }
      }
      try FactorizationError.check(info) { .noConvergence(info: $0) }
    }
    eigenvalues = w
    eigenvectors = computeVectors ? a : nil
  }
}
