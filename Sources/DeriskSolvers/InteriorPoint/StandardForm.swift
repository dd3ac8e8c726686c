/// The interior-point method's internal form of a `QuadraticProgram`, and the maps back.
///
/// Every row becomes an equality by adding a slack column for each row that is not already one:
///
///     minimise ½ x̄ᵀ P̄ x̄ + c̄ᵀ x̄     subject to  Ā x̄ = b,   l ≤ x̄ ≤ u,
///
/// with x̄ = (x_kept, s): `x_kept` the columns that survive presolve and s one slack per inequality
/// row (row i: aᵢᵀx − sᵢ = 0, rowLowerᵢ ≤ sᵢ ≤ rowUpperᵢ). Presolve here is the minimum an interior
/// point needs: fixed columns (l = u) are substituted out, forcing rows (see `ForcingRow`) fix their
/// columns, inequality rows with one entry become bounds on its column (see `SingletonRows`), parallel
/// rows merge into one (see `ParallelRows`), free rows are dropped, empty rows checked and dropped, and
/// empty columns with no quadratic term set to their optimal bound. A maximisation is turned into the
/// minimisation of the negated objective.
struct StandardForm {
  /// Columns of the internal form: kept original columns first, then slacks.
  var columnCount: Int
  /// Rows of the internal form (equalities).
  var rowCount: Int
  /// Ā, rowCount × columnCount.
  var A: SparseMatrix
  /// P̄ lower triangle (zero rows/columns for slacks), or nil for an LP.
  var P: SparseMatrix?
  /// c̄ (minimisation sense).
  var c: [Double]
  /// b.
  var b: [Double]
  /// l, u (±∞ allowed).
  var lower: [Double]
  var upper: [Double]
  /// The constant collected from fixed columns (minimisation sense), plus the user's c₀ (negated for max).
  var constant: Double

  // Maps back to the original problem.
  /// For each internal column: the original column (≥ 0) or −(row + 1) for the slack of that row.
  /// 32-bit, as the iteration's indices (kept through the solve to map the point back).
  var columnOrigin: [Int32]
  /// For each internal row: the original row.
  var rowOrigin: [Int32]
  /// The original columns that presolve fixed, with their values, by increasing column (32-bit: kept
  /// through the solve, and few against all columns).
  var fixedColumns: [(column: Int32, value: Double)]
  /// The forcing rows presolve removed, in the order it found them (their duals are recovered in reverse).
  var forcingRows: [ForcingRow] = []
  /// The singleton rows presolve turned into column bounds (see `SingletonRows`).
  var singletonRows = SingletonRows()
  /// The groups of parallel rows presolve merged into one row each (see `ParallelRows`).
  var parallelRows = ParallelRows()
  /// The inequality rows presolve found implied by the rest and dropped (see `RedundantRows`); their duals are 0.
  var redundantRows: [Int32] = []

  /// Block of each internal column and row (0 first stage, s + 1 scenario s), when the caller gave a
  /// `BlockStructure`; a slack column belongs to its row's block.
  var columnBlock: [Int]?
  var rowBlock: [Int]?

  /// What presolve alone proved, if anything.
  enum Outcome {
    case reduced
    /// Row `row` cannot be met whatever x is; `side` is +1 when its lower bound is violated.
    case infeasibleRow(row: Int, side: Double)
    /// Column `column` can move in direction `direction` (±1) forever, lowering the objective.
    case unboundedColumn(column: Int, direction: Double)
  }
  var outcome: Outcome = .reduced

  /// Builds the internal form of a validated problem (and of its block structure, if any).
  init(_ problem: QuadraticProgram, structure: BlockStructure? = nil) {
    let n = problem.columnCount, m = problem.rowCount
    let sign: Double = problem.sense == .maximize ? -1 : 1
    let Acsc = problem.constraintMatrix

    // Full symmetric adjacency of P to know which columns have quadratic terms.
    var hasQuadratic = [Bool](repeating: false, count: n)
    if let P = problem.hessian {
      for t in P.triplets { hasQuadratic[t.row] = true; hasQuadratic[t.column] = true }
    }

    // 1. Fixed columns.
    var fixed = [Double](repeating: .nan, count: n)
    for j in 0..<n where problem.columnLower[j] == problem.columnUpper[j] { fixed[j] = problem.columnLower[j] }

    // 1b. Forcing rows, repeated while fixing columns makes new ones.
    // The rows' entries, for the presolve steps that walk rows (column i of the transpose is row i).
    let rowwise = Acsc.transposed
    let forcingRows = ForcingRow.find(problem, rows: rowwise, fixing: &fixed)

    // Row shifts from fixed columns: activity contributed by fixed columns.
    var shift = [Double](repeating: 0, count: m)
    var liveCount = [Int](repeating: 0, count: m)
    for j in 0..<n {
      for p in Acsc.columnStarts[j]..<Acsc.columnStarts[j + 1] {
        let i = Acsc.rowIndices[p]
        if fixed[j].isNaN { liveCount[i] += 1 } else { shift[i] += Acsc.values[p] * fixed[j] }
      }
    }

    // 1c. Inequality rows with one entry, in a live column, become bounds on it.
    var columnLower = problem.columnLower, columnUpper = problem.columnUpper
    var isDropped = [Bool](repeating: false, count: m)
    let singletonRows = SingletonRows.find(problem, fixed: fixed, lower: &columnLower, upper: &columnUpper,
                                           dropped: &isDropped)

    // 1d. Parallel rows merge into their group's first row, which takes the intersection of their bounds.
    var rowLower = problem.rowLower, rowUpper = problem.rowUpper
    let parallelRows = ParallelRows.find(problem, rows: rowwise, fixed: fixed, shift: shift, rowBlock: structure?.rowBlocks,
                                         rowLower: &rowLower, rowUpper: &rowUpper, dropped: &isDropped)

    // 1e. Inequality rows that the column bounds and the other rows imply are dropped (their duals are zero).
    let redundantRows = RedundantRows.find(problem, rows: rowwise, fixed: fixed, shift: shift, lower: columnLower, upper: columnUpper,
                                           rowLower: rowLower, rowUpper: rowUpper, dropped: &isDropped)

    // 2. Rows: drop free rows; check and drop empty rows; the rest become equalities (with a slack if ranged).
    var keptRows: [Int] = []
    var outcome = Outcome.reduced
    for i in 0..<m where !isDropped[i] {
      let lo = rowLower[i], up = rowUpper[i]
      if lo == -.infinity && up == .infinity { continue }
      if liveCount[i] == 0 {
        let tolerance = 1e-9 * (1 + abs(shift[i]))
        if shift[i] < lo - tolerance * (1 + abs(lo)) { outcome = .infeasibleRow(row: i, side: 1) }
        if shift[i] > up + tolerance * (1 + abs(up)) { outcome = .infeasibleRow(row: i, side: -1) }
        continue
      }
      keptRows.append(i)
    }

    // 3. Columns: empty columns without quadratic terms are set to their best bound.
    var rowKept = [Int](repeating: -1, count: m)
    for (r, i) in keptRows.enumerated() { rowKept[i] = r }
    var keptColumns: [Int] = []
    for j in 0..<n where fixed[j].isNaN {
      var empty = !hasQuadratic[j]
      if empty {
        for p in Acsc.columnStarts[j]..<Acsc.columnStarts[j + 1] where rowKept[Acsc.rowIndices[p]] >= 0 {
          empty = false
          break
        }
      }
      if !empty { keptColumns.append(j); continue }
      let cost = sign * problem.linearCost[j]
      let lo = columnLower[j], up = columnUpper[j]
      if cost > 0 {
        if lo == -.infinity { outcome = .unboundedColumn(column: j, direction: -1); fixed[j] = 0 } else { fixed[j] = lo }
      } else if cost < 0 {
        if up == .infinity { outcome = .unboundedColumn(column: j, direction: 1); fixed[j] = 0 } else { fixed[j] = up }
      } else {
        fixed[j] = min(max(0, lo), up)
      }
    }
    // Empty columns just fixed may sit in dropped rows only, so shifts of kept rows are unaffected;
    // recompute the shifts of kept rows to include every fixed column.
    shift = [Double](repeating: 0, count: m)
    for j in 0..<n where !fixed[j].isNaN {
      for p in Acsc.columnStarts[j]..<Acsc.columnStarts[j + 1] { shift[Acsc.rowIndices[p]] += Acsc.values[p] * fixed[j] }
    }

    // 4. Assemble Ā, b, bounds, c̄.
    var columnOrigin = keptColumns
    var internalIndex = [Int](repeating: -1, count: n)
    for (k, j) in keptColumns.enumerated() { internalIndex[j] = k }
    var lower = keptColumns.map { columnLower[$0] }
    var upper = keptColumns.map { columnUpper[$0] }
    var c = keptColumns.map { sign * problem.linearCost[$0] }
    var b = [Double](repeating: 0, count: keptRows.count)
    // Ā in CSC straight away: a kept column's entries keep their increasing row order (rowKept is
    // increasing), a slack column has one entry, so there is nothing to sort or merge; stored zeros are
    // dropped as the triplet assembly would. The kept columns are counted, then copied, in parallel chunks;
    // the arrays have room for a slack per kept row.
    var starts = [Int](repeating: 0, count: keptColumns.count + 1)
    starts.reserveCapacity(keptColumns.count + keptRows.count + 1)
    let kept = keptColumns, keptRow = rowKept
    starts.withUnsafeMutableBufferPointer { startsBuffer in
      let counts = DisjointWrites(startsBuffer)
      IterationKernels.chunked(kept.count) { range in
        for k in range {
          var count = 0
          for p in Acsc.columnStarts[kept[k]]..<Acsc.columnStarts[kept[k] + 1]
          where keptRow[Acsc.rowIndices[p]] >= 0 && Acsc.values[p] != 0 { count += 1 }
          counts[k + 1] = count
        }
      }
    }
    for k in 0..<kept.count { starts[k + 1] += starts[k] }
    let keptEntries = starts[kept.count], capacity = keptEntries + keptRows.count
    var rowIndices: [Int] = [], values: [Double] = []
    rowIndices = [Int](unsafeUninitializedCapacity: capacity) { rowsBuffer, rowsWritten in
      values = [Double](unsafeUninitializedCapacity: capacity) { valuesBuffer, valuesWritten in
        guard capacity > 0 else { return }
        let rowsOut = DisjointWrites(rowsBuffer), valuesOut = DisjointWrites(valuesBuffer), keptStarts = starts
        IterationKernels.chunked(kept.count) { range in
          for k in range {
            var q = keptStarts[k]
            for p in Acsc.columnStarts[kept[k]]..<Acsc.columnStarts[kept[k] + 1] {
              let r = keptRow[Acsc.rowIndices[p]]
              if r >= 0, Acsc.values[p] != 0 {
                rowsOut[q] = r
                valuesOut[q] = Acsc.values[p]
                q += 1
              }
            }
          }
        }
        valuesWritten = keptEntries
      }
      rowsWritten = keptEntries
    }
    for (r, i) in keptRows.enumerated() {
      let lo = rowLower[i] - shift[i], up = rowUpper[i] - shift[i]
      if rowLower[i] == rowUpper[i] {
        b[r] = rowLower[i] - shift[i]
      } else {
        columnOrigin.append(-(i + 1))
        lower.append(lo)
        upper.append(up)
        c.append(0)
        rowIndices.append(r)
        values.append(-1)
        starts.append(rowIndices.count)
      }
    }

    // 5. Objective constant and the linear terms that fixed columns induce through P.
    var constant = sign * problem.objectiveConstant
    for j in 0..<n where !fixed[j].isNaN { constant += sign * problem.linearCost[j] * fixed[j] }
    var Ptriplets: [(row: Int, column: Int, value: Double)] = []
    if let P = problem.hessian {
      for t in P.triplets {
        let v = sign * t.value
        let fi = fixed[t.row], fj = fixed[t.column]
        let ki = internalIndex[t.row], kj = internalIndex[t.column]
        if fi.isNaN && fj.isNaN {
          Ptriplets.append((max(ki, kj), min(ki, kj), v))
        } else if !fi.isNaN && !fj.isNaN {
          constant += t.row == t.column ? 0.5 * v * fi * fj : v * fi * fj
        } else if fi.isNaN {
          c[ki] += v * fj
        } else {
          c[kj] += v * fi
        }
      }
    }

    let N = columnOrigin.count
    self.columnCount = N
    self.rowCount = keptRows.count
    // In range, sorted and finite by construction (the problem was validated).
    self.A = SparseMatrix(checkedByConstruction: keptRows.count, columns: N, columnStarts: starts, rowIndices: rowIndices,
                          values: values)
    let Pmatrix = Ptriplets.isEmpty ? nil : (try? SparseMatrix(rows: N, columns: N, triplets: Ptriplets))
    self.P = (Pmatrix?.nonzeroCount ?? 0) > 0 ? Pmatrix : nil
    self.c = c
    self.b = b
    self.lower = lower
    self.upper = upper
    self.constant = constant
    self.columnOrigin = columnOrigin.map { Int32($0) }
    self.rowOrigin = keptRows.map { Int32($0) }
    self.fixedColumns = fixed.indices.compactMap { fixed[$0].isNaN ? nil : (Int32($0), fixed[$0]) }
    self.forcingRows = forcingRows
    self.singletonRows = singletonRows
    self.parallelRows = parallelRows
    self.redundantRows = redundantRows
    self.outcome = outcome
    if let structure {
      self.columnBlock = columnOrigin.map { $0 >= 0 ? structure.columnBlocks[$0] : structure.rowBlocks[-$0 - 1] }
      self.rowBlock = keptRows.map { structure.rowBlocks[$0] }
    }
  }
}
