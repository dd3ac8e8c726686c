/// A forcing row found by presolve, and the recovery of its dual.
///
/// Row i is forcing at its upper side when the least activity its columns' bounds allow already
/// reaches the upper bound, min Σⱼ aᵢⱼxⱼ = uᵢ (each xⱼ at lⱼ for aᵢⱼ > 0, at uⱼ for aᵢⱼ < 0): the only
/// feasible points put every column of the row at that bound, so the row has no interior. A closed
/// route (Σ flows ≤ 0, flows ≥ 0) is the typical case. Left in the program, the interior point can
/// only approach the face, the row's dual diverges and the whole path slows down (every scenario waits
/// for the few that are closed). Presolve fixes the columns and drops the row; symmetrically at the
/// lower side, with the greatest activity.
///
/// The dual: with z̃ⱼ = (Px)ⱼ + cⱼ − Σₖ≠ᵢ aₖⱼyₖ, a column fixed at its lower bound needs zⱼ = z̃ⱼ − aᵢⱼyᵢ ≥ 0
/// and one at its upper bound zⱼ ≤ 0; at the upper side both read yᵢ ≤ z̃ⱼ/aᵢⱼ, with yᵢ ≤ 0, so
/// yᵢ = min(0, minⱼ z̃ⱼ/aᵢⱼ); at the lower side yᵢ = max(0, maxⱼ z̃ⱼ/aᵢⱼ). Rows are recovered in the
/// reverse of the order presolve found them, so a row's z̃ already holds the duals of rows found later
/// (whose columns were live when this row was found fixed ones for them).
struct ForcingRow: Sendable {
  /// The user's row.
  let row: Int
  /// +1 when the row is forcing at its upper bound, −1 at its lower bound.
  let side: Double
  /// The columns this row fixed.
  let columns: [Int]

  /// Relative tolerance of "the extreme activity reaches the bound".
  static let tolerance = 1e-9

  /// Finds the forcing rows of `problem` given the columns already fixed (`fixed[j]` not NaN), fixes
  /// their columns in `fixed`, and repeats while that makes new forcing rows.
  /// `rows` is the constraint matrix's transpose (column i holds row i's entries).
  static func find(_ problem: QuadraticProgram, rows: SparseMatrix, fixing fixed: inout [Double]) -> [ForcingRow] {
    let m = problem.rowCount
    var found: [ForcingRow] = []
    var isForcing = [Bool](repeating: false, count: m)
    for _ in 0..<20 {
      var changed = false
      for i in 0..<m where !isForcing[i] {
        let lo = problem.rowLower[i], up = problem.rowUpper[i]
        if !lo.isFinite && !up.isFinite { continue }
        var least = 0.0, greatest = 0.0, live = 0
        for p in rows.columnStarts[i]..<rows.columnStarts[i + 1] {
          let j = rows.rowIndices[p], a = rows.values[p]
          if !fixed[j].isNaN { least += a * fixed[j]; greatest += a * fixed[j]; continue }
          live += 1
          let l = problem.columnLower[j], u = problem.columnUpper[j]
          least += a > 0 ? a * l : a * u
          greatest += a > 0 ? a * u : a * l
        }
        if live == 0 { continue }
        var side = 0.0
        if up.isFinite, least.isFinite, abs(least - up) <= tolerance * (1 + abs(up)) { side = 1 }
        else if lo.isFinite, greatest.isFinite, abs(greatest - lo) <= tolerance * (1 + abs(lo)) { side = -1 }
        if side == 0 { continue }
        var columns: [Int] = []
        for p in rows.columnStarts[i]..<rows.columnStarts[i + 1] {
          let j = rows.rowIndices[p], a = rows.values[p]
          guard fixed[j].isNaN else { continue }
          let atLower = (a > 0) == (side > 0)
          fixed[j] = atLower ? problem.columnLower[j] : problem.columnUpper[j]
          columns.append(j)
        }
        isForcing[i] = true
        found.append(ForcingRow(row: i, side: side, columns: columns))
        changed = true
      }
      if !changed { break }
    }
    return found
  }

  /// Fills in the duals of the forcing rows (minimisation sense) for the point x, given the duals of
  /// every other row in `y`. With `costWeight` 0 the same recovery completes a Farkas ray (z = −Aᵀy).
  static func recoverDuals(_ forcing: [ForcingRow], problem: QuadraticProgram, x: [Double], costWeight: Double,
                           sign: Double, y: inout [Double]) {
    guard !forcing.isEmpty else { return }
    let A = problem.constraintMatrix
    var Px = [Double](repeating: 0, count: problem.columnCount)
    if costWeight != 0 { problem.hessian?.symmetricMultiplyAdd(x, into: &Px, alpha: sign) }
    for f in forcing.reversed() {
      var bound = 0.0
      for j in f.columns {
        var zTilde = costWeight * (Px[j] + sign * problem.linearCost[j])
        var a = 0.0
        for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
          let i = A.rowIndices[p]
          if i == f.row { a = A.values[p] } else { zTilde -= A.values[p] * y[i] }
        }
        guard a != 0 else { continue }
        bound = f.side > 0 ? min(bound, zTilde / a) : max(bound, zTilde / a)
      }
      y[f.row] = bound
    }
  }
}
