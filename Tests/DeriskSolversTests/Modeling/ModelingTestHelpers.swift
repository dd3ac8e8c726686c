import DeriskSolvers

// Helpers for the modeling tests. (Kept local to this folder until the shared
// DeriskTestSupport target offers tolerance helpers; move them there then.)

/// a = b (so equal infinities match), or |a − b| ≤ tolerance · max(1, |b|).
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
  a == b || abs(a - b) <= tolerance * max(1, abs(b))
}

/// Element-wise `isClose` of two equal-length arrays.
func isClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-12) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: tolerance) }
}

/// The dense form of a sparse matrix, row by row.
func dense(_ matrix: SparseMatrix) -> [[Double]] {
  (0..<matrix.rows).map { i in (0..<matrix.columns).map { j in matrix[i, j] } }
}

/// The error a throwing call raised, or nil.
func thrownError<T>(_ body: () throws -> T) -> ModelError? {
  do {
    _ = try body()
    return nil
  } catch let error as ModelError {
    return error
  } catch {
    return nil
  }
}
