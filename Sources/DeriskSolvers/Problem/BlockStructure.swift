/// The two-stage structure of a program: which block each column and row belongs to.
///
/// Block 0 is the first stage; block s + 1 is scenario s. A scenario's rows may touch its own columns and
/// first-stage columns; first-stage rows touch first-stage columns only. So the constraint matrix is
/// dual block-angular,
///
///     [ A₀             ]  first-stage rows
///     [ T₁  W₁         ]  scenario 1
///     [ T₂      W₂     ]  scenario 2
///     [ …           …  ]
///
/// and the scenario-structured backend eliminates each (Tₛ, Wₛ) block on its own.
public struct BlockStructure: Sendable, Hashable {
  /// Per column: 0 for the first stage, s + 1 for scenario s.
  public var columnBlocks: [Int]
  /// Per row: 0 for the first stage, s + 1 for scenario s.
  public var rowBlocks: [Int]

  public init(columnBlocks: [Int], rowBlocks: [Int]) {
    self.columnBlocks = columnBlocks
    self.rowBlocks = rowBlocks
  }

  /// From the modeling layer's labels (`BlockLabel.scenario(s)` becomes block s + 1).
  public init(columnLabels: [BlockLabel], rowLabels: [BlockLabel]) {
    func block(_ label: BlockLabel) -> Int {
      switch label {
      case .firstStage: return 0
      case .scenario(let s): return s + 1
      }
    }
    self.init(columnBlocks: columnLabels.map(block), rowBlocks: rowLabels.map(block))
  }

  /// The number of scenario blocks (the largest block number).
  public var scenarioCount: Int { max(columnBlocks.max() ?? 0, rowBlocks.max() ?? 0) }

  /// Checks sizes and the dual block-angular shape on `problem`, naming the first offending row.
  /// - Throws: `ProblemError`.
  public func validate(for problem: QuadraticProgram) throws {
    guard columnBlocks.count == problem.columnCount, rowBlocks.count == problem.rowCount else {
      throw ProblemError.dimensionMismatch(
        "block structure has \(columnBlocks.count) columns and \(rowBlocks.count) rows; the program has "
          + "\(problem.columnCount) and \(problem.rowCount)")
    }
    if let j = columnBlocks.firstIndex(where: { $0 < 0 }) {
      throw ProblemError.invalid("column \(problem.columnName(j)) has negative block \(columnBlocks[j])")
    }
    if let i = rowBlocks.firstIndex(where: { $0 < 0 }) {
      throw ProblemError.invalid("row \(problem.rowName(i)) has negative block \(rowBlocks[i])")
    }
    let A = problem.constraintMatrix
    for j in 0..<A.columns {
      let cb = columnBlocks[j]
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        let rb = rowBlocks[A.rowIndices[p]]
        if cb != 0 && cb != rb {
          throw ProblemError.invalid(
            "row \(problem.rowName(A.rowIndices[p])) (block \(rb)) touches column \(problem.columnName(j)) of block \(cb): "
              + "a row may use only its own block's columns and first-stage columns")
        }
      }
    }
    if let P = problem.hessian {
      for j in 0..<P.columns {
        for p in P.columnStarts[j]..<P.columnStarts[j + 1] where P.rowIndices[p] != j {
          throw ProblemError.invalid(
            "the scenario-structured solver needs a diagonal P; entry (\(problem.columnName(P.rowIndices[p])), "
              + "\(problem.columnName(j))) is off the diagonal")
        }
      }
    }
  }
}
