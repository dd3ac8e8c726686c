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
  /// bounds with that activity included, `lower`/`upper` the columns' bounds. `rows` is the constraint
  /// matrix's transpose (column i holds row i's entries, in increasing column order), which the rows' passes
  /// read so that they run in parallel; each row's activity is summed in increasing column order, as a pass
  /// over the columns would sum it. Returns the rows dropped.
  static func find(_ problem: QuadraticProgram, rows: SparseMatrix, fixed: [Double], shift: [Double], lower: [Double],
                   upper: [Double], rowLower: [Double], rowUpper: [Double], dropped: inout [Bool]) -> [Int32] {
    let A = problem.constraintMatrix
    let m = problem.rowCount, n = problem.columnCount
    precondition(rows.columns == m && rows.rows == n && rows.nonzeroCount == A.nonzeroCount,
                 "RedundantRows.find: `rows` is not the transpose of the constraint matrix")
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
    let matrices = Matrices(columns: A, rows: rows, isLive: fixed.map(\.isNaN), liveColumns: liveColumns)

    // Pass 1: bounds implied by every live row; the candidates they prove redundant.
    let (lower1, upper1) = impliedBounds(matrices, sources: live, rowLo: rowLo, rowUp: rowUp, lower: lower, upper: upper)
    let optimistic = redundant(matrices, rows: candidate, rowLo: rowLo, rowUp: rowUp, lower: lower1, upper: upper1)
    guard optimistic.contains(true) else { return [] }
    // Pass 2: bounds implied by the rows outside that set alone, which all stay.
    var sources = live
    for i in 0..<m where optimistic[i] { sources[i] = false }
    let (lower2, upper2) = impliedBounds(matrices, sources: sources, rowLo: rowLo, rowUp: rowUp, lower: lower, upper: upper)
    let confirmed = redundant(matrices, rows: optimistic, rowLo: rowLo, rowUp: rowUp, lower: lower2, upper: upper2)
    var dropping: [Int32] = []
    for i in 0..<m where confirmed[i] {
      dropped[i] = true
      dropping.append(Int32(i))
    }
    return dropping
  }

  /// The constraint matrix by columns and by rows, and which columns are live.
  private struct Matrices {
    let columns: SparseMatrix, rows: SparseMatrix
    let isLive: [Bool]
    let liveColumns: [Int]
  }

  /// The least and greatest activity of each row in `rows` over the box [lower, upper]: finite parts and the
  /// number of infinite terms on each side. Rows run in parallel, each summed over its live columns in
  /// increasing order.
  private struct ActivityBounds {
    var least: [Double], greatest: [Double]
    var leastInfinite: [Int32], greatestInfinite: [Int32]
    /// Σ|aᵢⱼ|·max(|ℓⱼ|, |υⱼ|) over the finite bounds: the scale of the row's terms, for the margin.
    var magnitude: [Double]

    init(_ matrices: Matrices, rows: [Bool], lower: [Double], upper: [Double]) {
      let m = rows.count
      least = [Double](repeating: 0, count: m)
      greatest = least
      magnitude = least
      leastInfinite = [Int32](repeating: 0, count: m)
      greatestInfinite = leastInfinite
      guard m > 0 else { return }
      let R = matrices.rows
      R.columnStarts.withUnsafeBufferPointer { starts in
        R.rowIndices.withUnsafeBufferPointer { columnIndex in
          R.values.withUnsafeBufferPointer { values in
            matrices.isLive.withUnsafeBufferPointer { isLive in
              rows.withUnsafeBufferPointer { isRow in
                IterationKernels.withReads([lower, upper]) { bounds in
                  let starts = SharedIndices(starts), columnIndex = SharedIndices(columnIndex), values = SharedReads(values)
                  let isLive = SharedFlags(isLive), isRow = SharedFlags(isRow), l = bounds[0], u = bounds[1]
                  least.withUnsafeMutableBufferPointer { leastBuffer in
                    greatest.withUnsafeMutableBufferPointer { greatestBuffer in
                      magnitude.withUnsafeMutableBufferPointer { magnitudeBuffer in
                        leastInfinite.withUnsafeMutableBufferPointer { leastInfiniteBuffer in
                          greatestInfinite.withUnsafeMutableBufferPointer { greatestInfiniteBuffer in
                            let leastOut = DisjointWrites(leastBuffer), greatestOut = DisjointWrites(greatestBuffer)
                            let magnitudeOut = DisjointWrites(magnitudeBuffer)
                            let leastInfiniteOut = DisjointWrites(leastInfiniteBuffer)
                            let greatestInfiniteOut = DisjointWrites(greatestInfiniteBuffer)
                            IterationKernels.chunked(m) { range in
                              for i in range where isRow[i] {
                                var least = 0.0, greatest = 0.0, magnitude = 0.0
                                var leastInfinite: Int32 = 0, greatestInfinite: Int32 = 0
                                for p in starts[i]..<starts[i + 1] {
                                  let j = columnIndex[p], a = values[p]
                                  guard isLive[j], a != 0 else { continue }
                                  let (low, high) = a > 0 ? (a * l[j], a * u[j]) : (a * u[j], a * l[j])
                                  if low.isFinite { least += low } else { leastInfinite += 1 }
                                  if high.isFinite { greatest += high } else { greatestInfinite += 1 }
                                  magnitude += max(low.isFinite ? abs(low) : 0, high.isFinite ? abs(high) : 0)
                                }
                                leastOut[i] = least
                                greatestOut[i] = greatest
                                magnitudeOut[i] = magnitude
                                leastInfiniteOut[i] = leastInfinite
                                greatestInfiniteOut[i] = greatestInfinite
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Column bounds tightened, in two rounds, by what each row in `sources` implies (see the type's comment).
  /// Columns run in parallel, each over its entries in increasing row order.
  private static func impliedBounds(_ matrices: Matrices, sources: [Bool], rowLo: [Double], rowUp: [Double],
                                    lower: [Double], upper: [Double]) -> ([Double], [Double]) {
    var lo = lower, up = upper
    let A = matrices.columns, columns = matrices.liveColumns
    for _ in 0..<2 {
      let activity = ActivityBounds(matrices, rows: sources, lower: lo, upper: up)
      var nextLo = lo, nextUp = up
      A.columnStarts.withUnsafeBufferPointer { starts in
        A.rowIndices.withUnsafeBufferPointer { rowIndex in
          A.values.withUnsafeBufferPointer { values in
            columns.withUnsafeBufferPointer { columns in
              sources.withUnsafeBufferPointer { isSource in
                activity.leastInfinite.withUnsafeBufferPointer { leastInfinite in
                  activity.greatestInfinite.withUnsafeBufferPointer { greatestInfinite in
                    IterationKernels.withReads([lo, up, rowLo, rowUp, activity.least, activity.greatest]) { p in
                      IterationKernels.withWrites(&nextLo, &nextUp) { nextLo, nextUp in
                        let starts = SharedIndices(starts), rowIndex = SharedIndices(rowIndex), values = SharedReads(values)
                        let columns = SharedIndices(columns), isSource = SharedFlags(isSource)
                        let leastInfinite = SharedIndices32(leastInfinite), greatestInfinite = SharedIndices32(greatestInfinite)
                        let lo = p[0], up = p[1], rowLo = p[2], rowUp = p[3], least = p[4], greatest = p[5]
                        IterationKernels.chunked(matrices.liveColumns.count) { range in
                          for k in range {
                            let j = columns[k]
                            for q in starts[j]..<starts[j + 1] {
                              let i = rowIndex[q], a = values[q]
                              guard isSource[i], a != 0 else { continue }
                              let (low, high) = a > 0 ? (a * lo[j], a * up[j]) : (a * up[j], a * lo[j])
                              // The least and greatest activity of the row's other terms.
                              let restLeast = rest(least[i], infinite: leastInfinite[i], without: low, side: -.infinity)
                              let restGreatest = rest(greatest[i], infinite: greatestInfinite[i], without: high,
                                                      side: .infinity)
                              // L ≤ a xⱼ + rest ≤ U.
                              let fromUpper = rowUp[i] - restLeast, fromLower = rowLo[i] - restGreatest
                              let (bound1, bound2) = a > 0 ? (fromLower / a, fromUpper / a) : (fromUpper / a, fromLower / a)
                              if bound1.isFinite, bound1 > nextLo[j] { nextLo[j] = bound1 }
                              if bound2.isFinite, bound2 < nextUp[j] { nextUp[j] = bound2 }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
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
  private static func redundant(_ matrices: Matrices, rows: [Bool], rowLo: [Double], rowUp: [Double],
                                lower: [Double], upper: [Double]) -> [Bool] {
    let activity = ActivityBounds(matrices, rows: rows, lower: lower, upper: upper)
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
