/// Rows that are multiples of one another, merged by presolve into one row, and the recovery of their duals.
///
/// Rows i and r are parallel when aᵢ = tᵢ·a_r on the columns presolve keeps (tᵢ ≠ 0). Row i's bounds,
/// lᵢ ≤ aᵢᵀx ≤ uᵢ less the activity of fixed columns, then bound a_rᵀx: [lᵢ/tᵢ, uᵢ/tᵢ] for tᵢ > 0,
/// swapped for tᵢ < 0. Presolve keeps r, the group's first row, with the intersection [L, U] of its
/// group's bounds and drops the others, so the interior point carries one row and at most one slack
/// instead of several. Legs in series that every route takes together (a rail leg and the sea leg after
/// it, the Caspian crossing and the Caucasus rail) are the typical case: their capacity rows hold the same
/// flows, and only the tighter one can bind. In a generated sourcing scenario 5 of its 52 rows go.
///
/// The dual: the kept row's yᵣ enters the stationarity condition as a_r·yᵣ = aᵢ·(yᵣ/tᵢ). When yᵣ > 0 (the
/// merged lower side L holds), the row that set L takes yᵢ = yᵣ/tᵢ — positive at its own lower side for
/// tᵢ > 0, negative at its upper side for tᵢ < 0 — and every other row of the group 0; when yᵣ < 0, the
/// row that set U does. A group whose bounds would cross keeps all its rows: the interior point then proves
/// the infeasibility with its certificate.
struct ParallelRows: Sendable {
  /// A merged group: the row kept, and the rows that set its lower and upper bound (−1 where that side is
  /// infinite) with their multiples tᵢ of the kept row.
  struct Group: Sendable {
    let keptRow: Int32
    let lowerRow: Int32, lowerMultiple: Double
    let upperRow: Int32, upperMultiple: Double
  }
  var groups: [Group] = []

  /// Finds the groups of parallel rows among the rows of `problem` not yet `dropped`, on the columns not
  /// fixed in `fixed` (`shift` holds each row's activity from fixed columns). Rows are compared only
  /// within one block of `rowBlock`, when given. Sets the kept row's bounds in `rowLower` and `rowUpper`
  /// (user bounds, fixed activity included) and `dropped` for the others.
  static func find(_ problem: QuadraticProgram, fixed: [Double], shift: [Double], rowBlock: [Int]?,
                   rowLower: inout [Double], rowUpper: inout [Double], dropped: inout [Bool]) -> ParallelRows {
    let A = problem.constraintMatrix
    let m = problem.rowCount
    func isCandidate(_ i: Int) -> Bool {
      !dropped[i] && (problem.rowLower[i].isFinite || problem.rowUpper[i].isFinite)
    }
    // Each row's first live coefficient, and a hash of its block, live pattern and coefficients divided
    // by that first one (rows are swept by increasing column, so the order is the same for every row).
    var first = [Double](repeating: 0, count: m)
    var hash = [UInt64](repeating: 0, count: m)
    if let rowBlock { for i in 0..<m { hash[i] = mix(0x9E37_79B9_7F4A_7C15, UInt64(rowBlock[i])) } }
    for j in 0..<problem.columnCount where fixed[j].isNaN {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] where A.values[p] != 0 {
        let i = A.rowIndices[p]
        guard isCandidate(i) else { continue }
        if first[i] == 0 { first[i] = A.values[p] }
        hash[i] = mix(mix(hash[i], UInt64(j)), (A.values[p] / first[i]).bitPattern)
      }
    }
    var keyed: [(hash: UInt64, row: Int32)] = []
    for i in 0..<m where first[i] != 0 && isCandidate(i) { keyed.append((hash[i], Int32(i))) }
    hash = []
    keyed.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.row < $1.row }

    // The rows that share a hash with another, and their live entries row by row.
    var slot = [Int32](repeating: -1, count: m)
    var runs: [Range<Int>] = []
    var start = 0
    while start < keyed.count {
      var end = start + 1
      while end < keyed.count && keyed[end].hash == keyed[start].hash { end += 1 }
      if end - start > 1 {
        runs.append(start..<end)
        for k in start..<end { slot[Int(keyed[k].row)] = 0 }
      }
      start = end
    }
    guard !runs.isEmpty else { return ParallelRows() }
    var rowsInRuns: [Int32] = []
    for run in runs { for k in run { rowsInRuns.append(keyed[k].row) } }
    var entryStart = [Int](repeating: 0, count: rowsInRuns.count + 1)
    for (s, i) in rowsInRuns.enumerated() { slot[Int(i)] = Int32(s) }
    for j in 0..<problem.columnCount where fixed[j].isNaN {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] where A.values[p] != 0 && slot[A.rowIndices[p]] >= 0 {
        entryStart[Int(slot[A.rowIndices[p]]) + 1] += 1
      }
    }
    for s in 0..<rowsInRuns.count { entryStart[s + 1] += entryStart[s] }
    var fill = entryStart
    var entryColumn = [Int](repeating: 0, count: entryStart[rowsInRuns.count])
    var entryRatio = [Double](repeating: 0, count: entryStart[rowsInRuns.count])
    for j in 0..<problem.columnCount where fixed[j].isNaN {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] where A.values[p] != 0 && slot[A.rowIndices[p]] >= 0 {
        let i = A.rowIndices[p], s = Int(slot[i])
        entryColumn[fill[s]] = j
        entryRatio[fill[s]] = A.values[p] / first[i]
        fill[s] += 1
      }
    }
    func sameRow(_ i: Int32, _ k: Int32) -> Bool {
      if let rowBlock, rowBlock[Int(i)] != rowBlock[Int(k)] { return false }
      let si = Int(slot[Int(i)]), sk = Int(slot[Int(k)])
      guard entryStart[si + 1] - entryStart[si] == entryStart[sk + 1] - entryStart[sk] else { return false }
      for d in 0..<(entryStart[si + 1] - entryStart[si]) {
        let p = entryStart[si] + d, q = entryStart[sk] + d
        if entryColumn[p] != entryColumn[q] || entryRatio[p] != entryRatio[q] { return false }
      }
      return true
    }

    // Merge each group into its first row (within a run, rows are in increasing order).
    var result = ParallelRows()
    for run in runs {
      var members = run.map { keyed[$0].row }
      while let r = members.first {
        let group = members.filter { sameRow(r, $0) }
        members.removeAll { sameRow(r, $0) }
        guard group.count > 1 else { continue }
        var lower = -Double.infinity, upper = Double.infinity
        var lowerRow: Int32 = -1, upperRow: Int32 = -1, lowerMultiple = 1.0, upperMultiple = 1.0
        for i in group {
          let t = first[Int(i)] / first[Int(r)]
          let lo = problem.rowLower[Int(i)] - shift[Int(i)], up = problem.rowUpper[Int(i)] - shift[Int(i)]
          let (impliedLower, impliedUpper) = t > 0 ? (lo / t, up / t) : (up / t, lo / t)
          if impliedLower > lower { lower = impliedLower; lowerRow = i; lowerMultiple = t }
          if impliedUpper < upper { upper = impliedUpper; upperRow = i; upperMultiple = t }
        }
        guard lower <= upper else { continue }
        let keptShift = shift[Int(r)]
        rowLower[Int(r)] = lower.isFinite ? lower + keptShift : -.infinity
        rowUpper[Int(r)] = lower == upper ? rowLower[Int(r)] : (upper.isFinite ? upper + keptShift : .infinity)
        for i in group where i != r { dropped[Int(i)] = true }
        result.groups.append(Group(keptRow: r, lowerRow: lowerRow, lowerMultiple: lowerMultiple,
                                   upperRow: upperRow, upperMultiple: upperMultiple))
      }
    }
    return result
  }

  /// Moves each kept row's dual (minimisation sense, in `y` over the user's rows) to the row of its group
  /// whose bound holds: yᵢ = yᵣ/tᵢ for the row that set the lower side when yᵣ > 0, the upper side when
  /// yᵣ < 0. Linear in y, so the same moves complete a Farkas ray.
  func recoverDuals(y: inout [Double]) {
    for group in groups {
      let r = Int(group.keptRow), value = y[r]
      if value > 0, group.lowerRow >= 0 {
        y[r] = 0
        y[Int(group.lowerRow)] = value / group.lowerMultiple
      } else if value < 0, group.upperRow >= 0 {
        y[r] = 0
        y[Int(group.upperRow)] = value / group.upperMultiple
      }
    }
  }

  /// A 64-bit mix (the SplitMix64 finaliser applied to h + v·golden ratio), deterministic across runs.
  private static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
    var z = h &+ v &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
