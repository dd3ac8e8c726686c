/// Inequality rows that the column bounds and the other rows already imply, found by presolve and dropped.
///
/// Row i, Lᵢ ≤ aᵢᵀx ≤ Uᵢ, is *redundant* when every x within the column bounds that meets the rows kept
/// meets it too. It then never binds: its dual is zero, and dropping it changes neither the feasible set nor
/// the optimum (a Farkas ray of the rest is one of the whole, with yᵢ = 0). The test is on activity bounds:
///
///     Σ_{aᵢⱼ>0} aᵢⱼℓⱼ + Σ_{aᵢⱼ<0} aᵢⱼυⱼ ≥ Lᵢ + mᵢ   and   Σ_{aᵢⱼ>0} aᵢⱼυⱼ + Σ_{aᵢⱼ<0} aᵢⱼℓⱼ ≤ Uᵢ − mᵢ,
///
/// with a margin mᵢ (below) and bounds ℓⱼ ≤ xⱼ ≤ υⱼ that may be *implied*: a row s gives, for a column j in it,
///
///     xⱼ ≤ (U_s − min Σ_{k≠j} a_sk x_k) / a_sj   and   xⱼ ≥ (L_s − max Σ_{k≠j} a_sk x_k) / a_sj   (a_sj > 0,
///
/// the sides swapped for a_sj < 0), applied in two rounds, each from the bounds of the round before (so
/// the order of the rows does not matter). A leg's capacity row, for instance, is implied when the supply
/// that can reach the leg — ship ≤ contract through the take rows, then the balance rows at the origin — is
/// smaller: in a generated sourcing scenario about 10 of its 47 rows.
///
/// A bound implied by row i itself, or by a row dropped on the strength of i, must not prove i redundant.
/// So the rows are found in two passes: the first, with bounds implied by every row, gives the candidates
/// O; the second implies bounds from the rows outside O alone, and drops the candidates still redundant.
/// Every row dropped is then implied by rows that all stay (Andersen & Andersen, "Presolving in linear
/// programming", Math. Program. 71, 1995, §3; the redundant-row rule of HiGHS's presolve).
///
/// The margin, mᵢ = 10⁻⁷(1 + |bound|) + 10⁻⁹ Σⱼ|aᵢⱼ|·max(|ℓⱼ|, |υⱼ|), keeps rows that are only just implied:
/// the interior point meets the kept rows to a tolerance, and a row implied with no room to spare could
/// then be missed by as much on the check against the user's problem.
enum RedundantRows {
  /// Marks in `dropped` the redundant inequality rows among those not yet dropped, on the columns not
  /// fixed in `fixed`; `shift` holds each row's activity from fixed columns, `rowLower`/`rowUpper` the rows'
  /// bounds with that activity included, `lower`/`upper` the columns' bounds. Returns the rows dropped.
  static func find(_ problem: QuadraticProgram, fixed: [Double], shift: [Double], lower: [Double], upper: [Double],
                   rowLower: [Double], rowUpper: [Double], dropped: inout [Bool]) -> [Int32] {
    let A = problem.constraintMatrix
    let m = problem.rowCount, n = problem.columnCount
    // The live rows, their bounds on the live columns' activity, and the candidates (live inequalities).
    var live = [Bool](repeating: false, count: m), candidate = live
    var rowLo = [Double](repeating: -.infinity, count: m), rowUp = [Double](repeating: .infinity, count: m)
    for i in 0..<m where !dropped[i] && (rowLower[i].isFinite || rowUpper[i].isFinite) {
      live[i] = true
      rowLo[i] = rowLower[i] - shift[i]
      rowUp[i] = rowUpper[i] - shift[i]
      candidate[i] = rowLower[i] != rowUpper[i]
    }
    guard candidate.contains(true) else { return [] }
    let liveColumns = (0..<n).filter { fixed[$0].isNaN }

    // Pass 1: bounds implied by every live row; the candidates they prove redundant.
    let (lower1, upper1) = impliedBounds(A, columns: liveColumns, sources: live, rowLo: rowLo, rowUp: rowUp,
                                         lower: lower, upper: upper)
    let optimistic = redundant(A, columns: liveColumns, rows: candidate, rowLo: rowLo, rowUp: rowUp,
                               lower: lower1, upper: upper1)
    guard optimistic.contains(true) else { return [] }
    // Pass 2: bounds implied by the rows outside that set alone, which all stay.
    var sources = live
    for i in 0..<m where optimistic[i] { sources[i] = false }
    let (lower2, upper2) = impliedBounds(A, columns: liveColumns, sources: sources, rowLo: rowLo, rowUp: rowUp,
                                         lower: lower, upper: upper)
    let confirmed = redundant(A, columns: liveColumns, rows: optimistic, rowLo: rowLo, rowUp: rowUp,
                              lower: lower2, upper: upper2)
    var rows: [Int32] = []
    for i in 0..<m where confirmed[i] {
      dropped[i] = true
      rows.append(Int32(i))
    }
    return rows
  }

  /// The least and greatest activity of each row in `rows` over the box [lower, upper]: finite parts and the
  /// number of infinite terms on each side.
  private struct ActivityBounds {
    var least: [Double], greatest: [Double]
    var leastInfinite: [Int32], greatestInfinite: [Int32]
    /// Σ|aᵢⱼ|·max(|ℓⱼ|, |υⱼ|) over the finite bounds: the scale of the row's terms, for the margin.
    var magnitude: [Double]

    init(_ A: SparseMatrix, columns: [Int], rows: [Bool], lower: [Double], upper: [Double]) {
      let m = rows.count
      least = [Double](repeating: 0, count: m)
      greatest = least
      magnitude = least
      leastInfinite = [Int32](repeating: 0, count: m)
      greatestInfinite = leastInfinite
      for j in columns {
        let l = lower[j], u = upper[j]
        for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
          let i = A.rowIndices[p], a = A.values[p]
          guard rows[i], a != 0 else { continue }
          let (low, high) = a > 0 ? (a * l, a * u) : (a * u, a * l)
          if low.isFinite { least[i] += low } else { leastInfinite[i] += 1 }
          if high.isFinite { greatest[i] += high } else { greatestInfinite[i] += 1 }
          magnitude[i] += max(low.isFinite ? abs(low) : 0, high.isFinite ? abs(high) : 0)
        }
      }
    }
  }

  /// Column bounds tightened, in two rounds, by what each row in `sources` implies (see the type's comment).
  private static func impliedBounds(_ A: SparseMatrix, columns: [Int], sources: [Bool], rowLo: [Double],
                                    rowUp: [Double], lower: [Double], upper: [Double]) -> ([Double], [Double]) {
    var lo = lower, up = upper
    for _ in 0..<2 {
      let activity = ActivityBounds(A, columns: columns, rows: sources, lower: lo, upper: up)
      var nextLo = lo, nextUp = up
      for j in columns {
        for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
          let i = A.rowIndices[p], a = A.values[p]
          guard sources[i], a != 0 else { continue }
          let (low, high) = a > 0 ? (a * lo[j], a * up[j]) : (a * up[j], a * lo[j])
          // The least and greatest activity of the row's other terms.
          let restLeast = rest(activity.least[i], infinite: activity.leastInfinite[i], without: low, side: -.infinity)
          let restGreatest = rest(activity.greatest[i], infinite: activity.greatestInfinite[i], without: high,
                                  side: .infinity)
          // L ≤ a xⱼ + rest ≤ U.
          let fromUpper = rowUp[i] - restLeast, fromLower = rowLo[i] - restGreatest
          let (bound1, bound2) = a > 0 ? (fromLower / a, fromUpper / a) : (fromUpper / a, fromLower / a)
          if bound1.isFinite, bound1 > nextLo[j] { nextLo[j] = bound1 }
          if bound2.isFinite, bound2 < nextUp[j] { nextUp[j] = bound2 }
        }
      }
      lo = nextLo
      up = nextUp
    }
    return (lo, up)
  }

  /// A row's activity bound without one of its terms: the finite sum less the term when every term is
  /// finite, the finite sum when the term is the only infinite one, and `side` (−∞ for the least activity,
  /// +∞ for the greatest) otherwise.
  @inline(__always)
  private static func rest(_ sum: Double, infinite: Int32, without term: Double, side: Double) -> Double {
    if term.isFinite { return infinite == 0 ? sum - term : side }
    return infinite == 1 ? sum : side
  }

  /// The rows in `rows` whose activity over [lower, upper] stays inside their bounds by the margin.
  private static func redundant(_ A: SparseMatrix, columns: [Int], rows: [Bool], rowLo: [Double], rowUp: [Double],
                                lower: [Double], upper: [Double]) -> [Bool] {
    let activity = ActivityBounds(A, columns: columns, rows: rows, lower: lower, upper: upper)
    var result = [Bool](repeating: false, count: rows.count)
    for i in rows.indices where rows[i] {
      let lowSide: Bool
      if rowLo[i] == -.infinity {
        lowSide = true
      } else {
        let margin = 1e-7 * (1 + abs(rowLo[i])) + 1e-9 * activity.magnitude[i]
        lowSide = activity.leastInfinite[i] == 0 && activity.least[i] >= rowLo[i] + margin
      }
      let highSide: Bool
      if rowUp[i] == .infinity {
        highSide = true
      } else {
        let margin = 1e-7 * (1 + abs(rowUp[i])) + 1e-9 * activity.magnitude[i]
        highSide = activity.greatestInfinite[i] == 0 && activity.greatest[i] <= rowUp[i] - margin
      }
      result[i] = lowSide && highSide
    }
    return result
  }
}
