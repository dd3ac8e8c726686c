/// Inequality rows with a single entry, turned into bounds on that column by presolve, and the recovery
/// of their duals.
///
/// Row i whose one entry is aᵢⱼ reads lᵢ ≤ aᵢⱼxⱼ ≤ uᵢ: a bound on xⱼ, [lᵢ/aᵢⱼ, uᵢ/aᵢⱼ] for aᵢⱼ > 0 and
/// the same swapped for aᵢⱼ < 0. Presolve intersects it with xⱼ's bounds and drops the row, so the
/// interior point carries neither the row nor its slack. A leg that only one route uses (flow ≤
/// capacity, in every scenario) is the typical case: 11 of the 63 rows of a generated sourcing scenario.
/// Rows that have one live column only because presolve fixed the others stay rows: in a program whose
/// contracts are fixed at a previous solve's values (the expected-value plan's evaluation) they are
/// `delivered ≤ contract` rows, and as bounds they made the 10,000-scenario evaluation end 1.8e-8 short
/// of the check on the user's problem, where it passes with them as rows.
///
/// The dual: with z̃ⱼ = (Px)ⱼ + cⱼ − Σₖ aₖⱼyₖ over the other rows, xⱼ's reduced cost would be z̃ⱼ. When
/// the bound a row set is the one that holds xⱼ — the lower bound when z̃ⱼ > 0, the upper when z̃ⱼ < 0 —
/// that row carries it: yᵢ = z̃ⱼ/aᵢⱼ (≥ 0 at the row's lower side, ≤ 0 at its upper side, as the sign
/// of aᵢⱼ makes it), and xⱼ's reduced cost is 0; every other singleton row of xⱼ gets yᵢ = 0. Where the
/// column's own bound is as tight as the rows', the column keeps the reduced cost.
struct SingletonRows: Sendable {
  /// A column bounded by singleton rows: the rows that set its lower and upper bound (−1 where its own
  /// bound is as tight), with their coefficients.
  struct Column: Sendable {
    let column: Int
    let lowerRow: Int, lowerCoefficient: Double
    let upperRow: Int, upperCoefficient: Double
  }
  var columns: [Column] = []

  /// Finds the inequality rows of `problem` with one entry, in a column not fixed in `fixed`; tightens
  /// `lower` and `upper` (the columns' bounds) and sets `dropped` for those rows. A column whose bounds
  /// would cross keeps its rows: the interior point then proves the infeasibility with its certificate.
  /// So does a column whose box would be narrower than 10⁻⁶ of its bounds, as a precaution: the iteration
  /// reduces each bound's residual in proportion to its start, which can leave it larger than such a box.
  /// That failure was seen only before rows with fixed columns were excluded (a box [0, 1.6e-8] left flows
  /// 1.3e-6 below zero and failed the check on the user's problem); with one-entry rows of 1.6e-8, 1e-7
  /// and 3e-9 t (the 50-scenario generated program, contracts folded into the right-hand sides, `derisk
  /// lp`) the solve is `optimal` with or without the precaution, and no test tells the two apart.
  static func find(_ problem: QuadraticProgram, fixed: [Double],
                   lower: inout [Double], upper: inout [Double], dropped: inout [Bool]) -> SingletonRows {
    let A = problem.constraintMatrix
    var singletons = SingletonRows()
    var entryCount = [Int32](repeating: 0, count: problem.rowCount)
    for i in A.rowIndices { entryCount[i] += 1 }
    for j in 0..<problem.columnCount where fixed[j].isNaN {
      var lo = lower[j], up = upper[j]
      var lowerRow = -1, lowerCoefficient = 0.0, upperRow = -1, upperCoefficient = 0.0
      var found = false
      func isSingleton(_ p: Int) -> Bool {
        let i = A.rowIndices[p]
        return entryCount[i] == 1 && A.values[p] != 0 && problem.rowLower[i] != problem.rowUpper[i]
          && (problem.rowLower[i].isFinite || problem.rowUpper[i].isFinite)
      }
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] where isSingleton(p) {
        found = true
        // The row's bounds on xⱼ.
        let i = A.rowIndices[p], a = A.values[p]
        let fromLower = problem.rowLower[i] / a, fromUpper = problem.rowUpper[i] / a
        let (impliedLo, impliedUp) = a > 0 ? (fromLower, fromUpper) : (fromUpper, fromLower)
        if impliedLo > lo { lo = impliedLo; lowerRow = i; lowerCoefficient = a }
        if impliedUp < up { up = impliedUp; upperRow = i; upperCoefficient = a }
      }
      let crossedOrNarrow = lo.isFinite && up.isFinite && up - lo <= 1e-6 * (1 + max(abs(lo), abs(up)))
      guard found, !crossedOrNarrow else { continue }
      lower[j] = lo
      upper[j] = up
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] where isSingleton(p) { dropped[A.rowIndices[p]] = true }
      singletons.columns.append(Column(column: j, lowerRow: lowerRow, lowerCoefficient: lowerCoefficient,
                                  upperRow: upperRow, upperCoefficient: upperCoefficient))
    }
    return singletons
  }

  /// Fills in the duals of the singleton rows (minimisation sense) for the point x, given the duals of
  /// every other row in `y` (the singleton rows' entries 0). With `costWeight` 0 the same recovery
  /// completes a Farkas ray (z = −Aᵀy), the rows taking the part of z that their bounds carry.
  func recoverDuals(problem: QuadraticProgram, x: [Double], costWeight: Double, sign: Double, y: inout [Double]) {
    guard !columns.isEmpty else { return }
    let A = problem.constraintMatrix
    var Px = [Double](repeating: 0, count: problem.columnCount)
    if costWeight != 0 { problem.hessian?.symmetricMultiplyAdd(x, into: &Px, alpha: sign) }
    for entry in columns {
      let j = entry.column
      var zTilde = costWeight * (Px[j] + sign * problem.linearCost[j])
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] { zTilde -= A.values[p] * y[A.rowIndices[p]] }
      if zTilde > 0, entry.lowerRow >= 0 { y[entry.lowerRow] = zTilde / entry.lowerCoefficient }
      if zTilde < 0, entry.upperRow >= 0 { y[entry.upperRow] = zTilde / entry.upperCoefficient }
    }
  }
}
