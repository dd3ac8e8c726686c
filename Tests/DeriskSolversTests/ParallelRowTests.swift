import DeriskSolvers
import Testing

/// Rows that are multiples of one another (the capacity rows of legs in series that every route takes
/// together) merge into one row in presolve; each original row must still get its own dual, the one whose
/// bound holds taking all of it, and certificates must still hold.
struct ParallelRowTests {
  /// min x₁ + 2x₂ + 10s  s.t.  x₁ + x₂ + s = 5 (demand, row 0), and three capacity rows on x₁ + x₂:
  /// x₁ + x₂ ≤ `first` (row 1), 2x₁ + 2x₂ ≤ `second` (row 2, t = 2), −x₁ − x₂ ≥ −`third` (row 3, t = −1),
  /// with 0 ≤ x₁ ≤ 2, x₂, s ≥ 0. Whichever row is tightest, say x₁ + x₂ ≤ k: x₁ = 2, x₂ = k − 2,
  /// s = 5 − k, objective 2 + 2(k − 2) + 10(5 − k) = 48 − 8k. Duals (z = c − Aᵀy): s is basic, so
  /// y₀ = 10; x₂ is basic, so 2 − 10 − tᵢyᵢ = 0 for the tight row i: yᵢ = −8/tᵢ (−8, −4 or +8, the last
  /// at row 3's lower side); the other two rows 0; x₁ sits at its bound with z₁ = 1 − 10 + 8 = −1.
  static func legsInSeries(first: Double, second: Double, third: Double) throws -> QuadraticProgram {
    let A = try SparseMatrix(rows: 4, columns: 3, triplets: [(0, 0, 1), (0, 1, 1), (0, 2, 1), (1, 0, 1), (1, 1, 1),
                                                             (2, 0, 2), (2, 1, 2), (3, 0, -1), (3, 1, -1)])
    return QuadraticProgram(linearCost: [1, 2, 10], constraintMatrix: A,
                            rowLower: [5, -.infinity, -.infinity, -third], rowUpper: [5, first, second, .infinity],
                            columnLower: [0, 0, 0], columnUpper: [2, .infinity, .infinity])
  }

  /// (capacities of rows 1–3, the tight capacity k, the expected duals of rows 0–3)
  static let cases: [([Double], Double, [Double])] = [
    ([3, 8, 3.5], 3, [10, -8, 0, 0]),      // the kept row (the group's first) is tightest
    ([3.5, 5.6, 4], 2.8, [10, 0, -4, 0]),  // a multiple t = 2 is tightest
    ([3.5, 8, 2.8], 2.8, [10, 0, 0, 8]),   // a negative multiple t = −1 is tightest: its lower side holds
  ]

  @Test(arguments: [LinearSystemChoice.automatic, .normalEquations, .augmented])
  func theTightRowTakesTheDual(system: LinearSystemChoice) throws {
    var settings = InteriorPointSettings()
    settings.linearSystem = system
    for (capacities, k, duals) in Self.cases {
      let problem = try Self.legsInSeries(first: capacities[0], second: capacities[1], third: capacities[2])
      let result = try solve(problem, settings: settings)
      #expect(result.termination == .optimal)
      #expect(abs(result.objective - (48 - 8 * k)) < 1e-8 * (49 - 8 * k), "k = \(k)")
      #expect(result.info.parallelRowsMerged == 2)
      #expect(abs(result.solution.x[0] - 2) < 1e-7)
      #expect(abs(result.solution.x[1] - (k - 2)) < 1e-7)
      for (i, value) in duals.enumerated() {
        #expect(abs(result.solution.rowDuals[i] - value) < 1e-6, "k = \(k), row \(i): \(result.solution.rowDuals[i])")
      }
      #expect(abs(result.solution.reducedCosts[0] - (-1)) < 1e-6)
      let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
      #expect(check.relativeDualResidual <= InteriorPointSettings().feasibilityTolerance)
      #expect(check.relativeGap < 1e-8)
    }
  }

  /// The tight row's dual is the slope of the optimum in its own bound: row 2 (2x₁ + 2x₂ ≤ 5.6) moved to
  /// 5.62 lets x₁ + x₂ grow by 0.01, so the objective falls by 0.08 = −y₂·0.02 with y₂ = −4.
  @Test func theDualIsTheSlopeInTheRowsOwnBound() throws {
    let base = try solve(Self.legsInSeries(first: 3.5, second: 5.6, third: 4))
    let moved = try solve(Self.legsInSeries(first: 3.5, second: 5.62, third: 4))
    #expect(moved.termination == .optimal)
    #expect(abs((moved.objective - base.objective) / 0.02 - base.solution.rowDuals[2]) < 1e-4)
  }

  /// The merged row's two sides come from different rows: min x₁ + 2x₂ s.t. x₁ + x₂ ≥ 1 (row 0),
  /// 3x₁ + 3x₂ ≥ 4.5 (row 1, t = 3: x₁ + x₂ ≥ 1.5, the tighter lower side), x₁ + x₂ ≤ 10 (row 2), x ≥ 0.
  /// By hand x = (1.5, 0), objective 1.5; x₁ basic: 1 − 3y₁ = 0, y₁ = 1/3; rows 0 and 2 get 0.
  @Test func lowerAndUpperSidesFromDifferentRows() throws {
    let A = try SparseMatrix(rows: 3, columns: 2, triplets: [(0, 0, 1), (0, 1, 1), (1, 0, 3), (1, 1, 3),
                                                             (2, 0, 1), (2, 1, 1)])
    let problem = QuadraticProgram(linearCost: [1, 2], constraintMatrix: A, rowLower: [1, 4.5, -.infinity],
                                   rowUpper: [.infinity, .infinity, 10], columnLower: [0, 0],
                                   columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 1.5) < 1e-8 * 2.5)
    let expected: [Double] = [0, 1.0 / 3, 0]
    for (i, value) in expected.enumerated() {
      #expect(abs(result.solution.rowDuals[i] - value) < 1e-7, "row \(i): \(result.solution.rowDuals[i])")
    }
  }

  /// 2x₁ + 2x₂ ≤ 8 (row 0, kept) and −x₁ − x₂ ≥ −3 (row 1, t = −½, the tighter: x₁ + x₂ ≤ 3) with
  /// x₁ ≥ 3.5: infeasible. The certificate must use row 1, which presolve merged away: y = (0, t) with
  /// t > 0 (row 1's lower side), since yᵀ(row bounds) = −3t exceeds sup over x₁ ≥ 3.5, x₂ ≥ 0 of
  /// (Aᵀy)ᵀx = −t(x₁ + x₂), which is −3.5t.
  @Test func farkasRayThroughAMergedRow() throws {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 2), (0, 1, 2), (1, 0, -1), (1, 1, -1)])
    let problem = QuadraticProgram(linearCost: [1, 1], constraintMatrix: A, rowLower: [-.infinity, -3],
                                   rowUpper: [8, .infinity], columnLower: [3.5, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) < 1e-8)
    #expect(abs(result.solution.rowDuals[0]) < 1e-9 && result.solution.rowDuals[1] > 0)
  }

  /// Rows whose bounds cross (x₁ + x₂ ≥ 4 and 2x₁ + 2x₂ ≤ 6) are not merged; the interior point proves
  /// the infeasibility with a ray on both: y₀ > 0 at row 0's lower side, y₁ < 0 at row 1's upper side
  /// (a certificate needs y₀ + 2y₁ ≤ 0 for x ≥ 0 and 4y₀ + 6y₁ > 0, so −⅔y₀ < y₁ ≤ −½y₀).
  @Test func crossingRowsStayRowsAndGetACertificate() throws {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 1, 1), (1, 0, 2), (1, 1, 2)])
    let problem = QuadraticProgram(linearCost: [1, 1], constraintMatrix: A, rowLower: [4, -.infinity],
                                   rowUpper: [.infinity, 6], columnLower: [0, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(result.info.parallelRowsMerged == 0)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) < 1e-8)
    let y = result.solution.rowDuals
    #expect(y[0] > 0 && y[1] < -0.5 * y[0] * (1 - 1e-9) && y[1] > -2.0 / 3 * y[0])
  }

  /// A parallel equality and inequality merge into the equality: x₁ + x₂ = 2 (row 0) and 3x₁ + 3x₂ ≤ 9
  /// (row 1, x₁ + x₂ ≤ 3, slack). min x₁ − x₂: x = (0, 2), objective −2; x₂ basic: −1 − y₀ = 0, y₀ = −1;
  /// row 1 gets 0.
  @Test func anEqualityAbsorbsAParallelInequality() throws {
    let A = try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 1, 1), (1, 0, 3), (1, 1, 3)])
    let problem = QuadraticProgram(linearCost: [1, -1], constraintMatrix: A, rowLower: [2, -.infinity],
                                   rowUpper: [2, 9], columnLower: [0, 0], columnUpper: [.infinity, .infinity])
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - (-2)) < 1e-8 * 3)
    #expect(abs(result.solution.rowDuals[0] - (-1)) < 1e-7)
    #expect(abs(result.solution.rowDuals[1]) < 1e-7)
  }

  /// Presolve reads the rows in parallel chunks of 16,384 and sorts the blocks' rows in chunks of 1,024
  /// blocks: 5,000 blocks of four rows cross both kinds of chunk edge. Block b is `legsInSeries` of kind
  /// b mod 4 coupled to one first-stage column w (cost 1, 0 ≤ w ≤ 1) through its demand row,
  /// x₁ + x₂ + s + w = 5: each block saves 10 per unit of w (one unit of shortfall), so w = 1 and each block
  /// has x₁ + x₂ + s = 4, objective 38 − 8k for its tight capacity k (see `legsInSeries`). Kinds 0–2 are
  /// `cases`; kind 3 has row 2 almost parallel to row 1, 2x₁ + 2.5x₂ ≤ 6.5, which must stay a row of its own:
  /// x₁ = 2, x₂ = 1, s = 1, objective 14, y = (10, 0, −3.2, 0) (x₂ basic: 2 − 10 − 2.5y₂ = 0). Merged with
  /// row 1 as if t = 2 it would allow x₁ + x₂ ≤ 3.25 and an objective of 12. Every other parallel row must
  /// be found: two rows merged away in each block of kinds 0–2, one (row 3, t = −1) in kind 3.
  @Test func rowsMergeAcrossTheParallelChunks() throws {
    let blocks = 5_000
    var triplets: [(row: Int, column: Int, value: Double)] = []
    var cost = [1.0], columnLower = [0.0], columnUpper = [1.0], columnBlocks = [0]
    var rowLower: [Double] = [], rowUpper: [Double] = [], rowBlocks: [Int] = []
    var expectedObjective = 1.0
    var expectedDuals: [Double] = []
    for b in 0..<blocks {
      let kind = b % 4, row = 4 * b, column = 1 + 3 * b
      cost += [1, 2, 10]
      columnLower += [0, 0, 0]
      columnUpper += [2, .infinity, .infinity]
      columnBlocks += [b + 1, b + 1, b + 1]
      let secondX2 = kind == 3 ? 2.5 : 2
      let capacities: [Double] = kind == 3 ? [3.5, 6.5, 4] : Self.cases[kind].0
      triplets += [(row, 0, 1), (row, column, 1), (row, column + 1, 1), (row, column + 2, 1),
                   (row + 1, column, 1), (row + 1, column + 1, 1),
                   (row + 2, column, 2), (row + 2, column + 1, secondX2),
                   (row + 3, column, -1), (row + 3, column + 1, -1)]
      rowLower += [5, -.infinity, -.infinity, -capacities[2]]
      rowUpper += [5, capacities[0], capacities[1], .infinity]
      rowBlocks += [b + 1, b + 1, b + 1, b + 1]
      expectedObjective += kind == 3 ? 14 : 38 - 8 * Self.cases[kind].1
      expectedDuals += kind == 3 ? [10, 0, -3.2, 0] : Self.cases[kind].2
    }
    let A = try SparseMatrix(rows: rowLower.count, columns: cost.count, triplets: triplets)
    let problem = QuadraticProgram(linearCost: cost, constraintMatrix: A, rowLower: rowLower, rowUpper: rowUpper,
                                   columnLower: columnLower, columnUpper: columnUpper)
    let result = try solve(problem, structure: BlockStructure(columnBlocks: columnBlocks, rowBlocks: rowBlocks))
    #expect(result.termination == .optimal)
    #expect(result.info.linearSystem.contains("scenario"))
    // Rows 1–3 merge in blocks of kinds 0–2 (two rows dropped each), rows 1 and 3 in kind 3 (one).
    #expect(result.info.parallelRowsMerged == blocks / 4 * 7)
    #expect(abs(result.objective - expectedObjective) < 1e-8 * expectedObjective)
    #expect(abs(result.solution.x[0] - 1) < 1e-6)
    var worst = 0.0
    for (i, value) in expectedDuals.enumerated() { worst = max(worst, abs(result.solution.rowDuals[i] - value)) }
    #expect(worst < 1e-5)
  }

  /// A program without rows has no parallel rows to find: min x₁ − x₂ over 1 ≤ x₁ ≤ 2, 0 ≤ x₂ ≤ 3 is −2.
  @Test func aProgramWithoutRows() throws {
    let problem = QuadraticProgram(linearCost: [1, -1], constraintMatrix: SparseMatrix(rows: 0, columns: 2),
                                   rowLower: [], rowUpper: [], columnLower: [1, 0], columnUpper: [2, 3])
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - (-2)) < 1e-8)
    #expect(result.info.parallelRowsMerged == 0)
  }
}
