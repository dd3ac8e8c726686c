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
  /// The rows merged into another and dropped (each group's rows but its first).
  var mergedCount = 0

  /// Finds the groups of parallel rows among the rows of `problem` not yet `dropped`, on the columns not
  /// fixed in `fixed` (`shift` holds each row's activity from fixed columns). Rows are compared only
  /// within one block of `rowBlock`, when given. Sets the kept row's bounds in `rowLower` and `rowUpper`
  /// (user bounds, fixed activity included) and `dropped` for the others. `rows` is the constraint matrix's
  /// transpose (column i holds row i's entries in increasing column order): the rows are read there, in
  /// parallel chunks, each row's entries in the order a sweep over the columns would meet them.
  static func find(_ problem: QuadraticProgram, rows: SparseMatrix, fixed: [Double], shift: [Double], rowBlock: [Int]?,
                   rowLower: inout [Double], rowUpper: inout [Double], dropped: inout [Bool]) -> ParallelRows {
    let m = problem.rowCount
    guard m > 0 else { return ParallelRows() }
    precondition(rows.columns == m && rows.rows == problem.columnCount
                   && rows.nonzeroCount == problem.constraintMatrix.nonzeroCount,
                 "ParallelRows.find: `rows` is not the transpose of the constraint matrix")
    let isLive = fixed.map(\.isNaN), isDropped = dropped
    let userLower = problem.rowLower, userUpper = problem.rowUpper
    let rowStarts = rows.columnStarts, rowColumns = rows.rowIndices, rowValues = rows.values
    // 1. Each candidate row's first live coefficient, its number of live entries, and a hash of its live
    // pattern and its coefficients divided by the first (by increasing column).
    var first = [Double](repeating: 0, count: m)
    var entries = [Int32](repeating: 0, count: m)
    var hash = [UInt64](repeating: 0, count: m)
    first.withUnsafeMutableBufferPointer { firstBuffer in
      entries.withUnsafeMutableBufferPointer { entriesBuffer in
        hash.withUnsafeMutableBufferPointer { hashBuffer in
          let firstOut = DisjointWrites(firstBuffer), entriesOut = DisjointWrites(entriesBuffer)
          let hashOut = DisjointWrites(hashBuffer)
          IterationKernels.chunked(m) { range in
            for i in range where !isDropped[i] && (userLower[i].isFinite || userUpper[i].isFinite) {
              var leading = 0.0, count: Int32 = 0, h: UInt64 = 0
              for p in rowStarts[i]..<rowStarts[i + 1] where rowValues[p] != 0 && isLive[rowColumns[p]] {
                if leading == 0 { leading = rowValues[p] }
                count += 1
                h = mix(mix(h, UInt64(rowColumns[p])), (rowValues[p] / leading).bitPattern)
              }
              firstOut[i] = leading
              entriesOut[i] = count
              hashOut[i] = h
            }
          }
        }
      }
    }

    // 2. A tentative representative for each row: the first row of its block with the same hash. Rows are
    // sorted by hash block by block (a few dozen rows each in a scenario program), the blocks in parallel
    // chunks, each row's representative written by its own block's chunk.
    var representative = [Int32](repeating: -1, count: m)
    let blockCount = (rowBlock?.max() ?? 0) + 1
    func block(_ i: Int) -> Int { rowBlock?[i] ?? 0 }
    var blockStart = [Int](repeating: 0, count: blockCount + 1)
    for i in 0..<m where first[i] != 0 { blockStart[block(i) + 1] += 1 }
    for b in 0..<blockCount { blockStart[b + 1] += blockStart[b] }
    var order = [Int32](repeating: 0, count: blockStart[blockCount])
    var next = blockStart
    for i in 0..<m where first[i] != 0 {
      order[next[block(i)]] = Int32(i)
      next[block(i)] += 1
    }
    next = []
    let blocksPerChunk = 1_024, blockChunks = (blockCount + blocksPerChunk - 1) / blocksPerChunk
    var represented = [Bool](repeating: false, count: blockChunks)
    representative.withUnsafeMutableBufferPointer { representativeBuffer in
      represented.withUnsafeMutableBufferPointer { representedBuffer in
        let representativeOut = DisjointWrites(representativeBuffer), representedOut = DisjointWrites(representedBuffer)
        let (blockStart, order, hash) = (blockStart, order, hash)
        forEachChunkInParallel(blockChunks) { chunk in
          var keys: [(hash: UInt64, row: Int32)] = []
          for b in chunk * blocksPerChunk..<min(blockCount, (chunk + 1) * blocksPerChunk)
          where blockStart[b + 1] - blockStart[b] > 1 {
            keys.removeAll(keepingCapacity: true)
            for k in blockStart[b]..<blockStart[b + 1] { keys.append((hash[Int(order[k])], order[k])) }
            keys.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.row < $1.row }
            for k in 1..<keys.count where keys[k].hash == keys[k - 1].hash {
              let head = keys[k - 1].row
              representativeOut[Int(keys[k].row)] = representativeOut[Int(head)] >= 0 ? representativeOut[Int(head)] : head
              representedOut[chunk] = true
            }
          }
        }
      }
    }
    hash = []
    order = []
    guard represented.contains(true) else { return ParallelRows() }

    // 3. Check each row against its representative entry by entry: an entry matches when the representative
    // has an entry in the same column with the same ratio to its first coefficient (both rows' entries are
    // sorted by column, so one walk along each).
    var matched = [Int32](repeating: 0, count: m)
    matched.withUnsafeMutableBufferPointer { matchedBuffer in
      let matchedOut = DisjointWrites(matchedBuffer)
      let (representative, first) = (representative, first)
      IterationKernels.chunked(m) { range in
        for i in range where representative[i] >= 0 {
          let r = Int(representative[i])
          var q = rowStarts[r], count: Int32 = 0
          let end = rowStarts[r + 1]
          for p in rowStarts[i]..<rowStarts[i + 1] where rowValues[p] != 0 && isLive[rowColumns[p]] {
            let j = rowColumns[p]
            while q < end && rowColumns[q] < j { q += 1 }
            if q < end, rowColumns[q] == j, rowValues[q] / first[r] == rowValues[p] / first[i] { count += 1 }
          }
          matchedOut[i] = count
        }
      }
    }

    // 4. Merge each group into its representative (its first row).
    var members: [(kept: Int32, row: Int32)] = []
    for i in 0..<m where representative[i] >= 0 {
      let r = Int(representative[i])
      if matched[i] == entries[i], entries[i] == entries[r] { members.append((Int32(r), Int32(i))) }
    }
    members.sort { $0.kept != $1.kept ? $0.kept < $1.kept : $0.row < $1.row }
    var result = ParallelRows()
    var k = 0
    while k < members.count {
      let r = members[k].kept
      var end = k
      while end < members.count && members[end].kept == r { end += 1 }
      let group = [r] + members[k..<end].map(\.row)
      k = end
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
      result.mergedCount += group.count - 1
      result.groups.append(Group(keptRow: r, lowerRow: lowerRow, lowerMultiple: lowerMultiple,
                                 upperRow: upperRow, upperMultiple: upperMultiple))
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
