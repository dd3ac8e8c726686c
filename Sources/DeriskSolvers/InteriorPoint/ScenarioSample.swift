/// A sample of a two-stage program's scenarios: the first stage with every k-th scenario block.
///
/// With S blocks of which K are kept, each kept block's costs (linear and quadratic) are multiplied by S / K,
/// so that an objective that sums probability-weighted scenario costs, Σₛ pₛ fₛ(x, yₛ), becomes the sample's
/// estimate of it, (S / K) Σ_{s kept} pₛ fₛ(x, yₛ); first-stage costs and every row are kept as they are. The
/// sample is a program of the same shape (first stage, then blocks renumbered 1…K) that the same solver
/// solves; its first-stage solution is a guess of the full program's (see `SampleCentre`).
struct ScenarioSample {
  var program: QuadraticProgram
  var structure: BlockStructure
  /// For each column of the sample, its column in the full program.
  var columnOrigin: [Int]
  /// The scenario blocks kept (the full program's block numbers, 1…S).
  var keptBlocks: [Int]

  /// Keeps blocks 1, 1 + k, 1 + 2k, … with k = ⌊S / `blocks`⌋ (at most `blocks` of them).
  /// - Throws: `ProblemError` only if `problem`'s matrices are malformed (a validated program's are not).
  init(_ problem: QuadraticProgram, structure full: BlockStructure, blocks wanted: Int) throws {
    let S = full.scenarioCount
    let k = max(1, S / max(1, wanted))
    let keptBlocks = Array(stride(from: 1, through: S, by: k).prefix(wanted))
    var newBlock = [Int](repeating: -1, count: S + 1)
    newBlock[0] = 0
    for (position, block) in keptBlocks.enumerated() { newBlock[block] = position + 1 }
    let costFactor = Double(S) / Double(max(1, keptBlocks.count))

    var columnMap = [Int](repeating: -1, count: problem.columnCount)
    var columnOrigin: [Int] = []
    for j in 0..<problem.columnCount where newBlock[full.columnBlocks[j]] >= 0 {
      columnMap[j] = columnOrigin.count
      columnOrigin.append(j)
    }
    var rowMap = [Int](repeating: -1, count: problem.rowCount)
    var rowOrigin: [Int] = []
    for i in 0..<problem.rowCount where newBlock[full.rowBlocks[i]] >= 0 {
      rowMap[i] = rowOrigin.count
      rowOrigin.append(i)
    }
    /// The columns kept of a column-compressed matrix, their rows renumbered by `rows` (dropped where −1).
    func kept(_ matrix: SparseMatrix, rows: [Int], rowCount: Int, factor: (Int) -> Double) throws -> SparseMatrix {
      var starts = [0], indices: [Int] = [], values: [Double] = []
      for j in columnOrigin {
        for p in matrix.columnStarts[j]..<matrix.columnStarts[j + 1] where rows[matrix.rowIndices[p]] >= 0 {
          indices.append(rows[matrix.rowIndices[p]])
          values.append(matrix.values[p] * factor(j))
        }
        starts.append(indices.count)
      }
      // Each column's rows keep their increasing order under an increasing renumbering.
      return try SparseMatrix(rows: rowCount, columns: columnOrigin.count, columnStarts: starts, rowIndices: indices,
                               values: values)
    }
    let blocks = full.columnBlocks
    func scale(_ j: Int) -> Double { blocks[j] == 0 ? 1 : costFactor }
    self.keptBlocks = keptBlocks
    self.columnOrigin = columnOrigin
    program = QuadraticProgram(
      name: problem.name + " (a sample of \(keptBlocks.count) of \(S) scenarios)", sense: problem.sense,
      linearCost: columnOrigin.map { problem.linearCost[$0] * scale($0) }, objectiveConstant: problem.objectiveConstant,
      hessian: try problem.hessian.map { try kept($0, rows: columnMap, rowCount: columnOrigin.count, factor: scale) },
      constraintMatrix: try kept(problem.constraintMatrix, rows: rowMap, rowCount: rowOrigin.count, factor: { _ in 1 }),
      rowLower: rowOrigin.map { problem.rowLower[$0] }, rowUpper: rowOrigin.map { problem.rowUpper[$0] },
      columnLower: columnOrigin.map { problem.columnLower[$0] }, columnUpper: columnOrigin.map { problem.columnUpper[$0] })
    structure = BlockStructure(columnBlocks: columnOrigin.map { newBlock[blocks[$0]] },
                               rowBlocks: rowOrigin.map { newBlock[full.rowBlocks[$0]] })
  }
}
