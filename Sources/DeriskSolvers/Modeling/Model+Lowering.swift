extension Model {
  /// The model in the solvers' standard form.
  ///
  /// - A: row i holds the terms of constraint i, a variable's repeated coefficients summed and
  ///   exact zeros dropped.
  /// - rowLower/rowUpper: [lᵢ − kᵢ, uᵢ − kᵢ], the expression's constant kᵢ moved to the bounds.
  /// - c: the summed linear coefficients of the objective; c₀ its constant.
  /// - P (lower triangle): for each objective term qₖ x_{iₖ} x_{jₖ}, P_ii += 2qₖ when iₖ = jₖ,
  ///   otherwise P_{max(i,j), min(i,j)} += qₖ, so that ½xᵀPx = Σₖ qₖ x_{iₖ} x_{jₖ}; nil when the
  ///   objective has no quadratic terms.
  /// - columnNames/rowNames: the explicit or automatic names; block labels as in `LoweredModel`.
  ///
  /// O(n + m + number of terms).
  /// - Throws: `ModelError.invalid` after `releaseBuildData()`; `ModelError.missingBlockLabel` when some but not all variables (or constraints) carry
  ///   a block label; `ProblemError` if the assembled program fails `QuadraticProgram.validate()`
  ///   (not expected: the model validates its input as it is built).
  public func lowered() throws -> LoweredModel { try lowered(withNames: true) }

  /// `lowered()`, with the program's `columnNames` and `rowNames` left empty when `withNames` is false (a
  /// program the solver takes without names, spared one `String` a name: 10.9 million at 100,000 sourcing
  /// scenarios). The errors are `lowered()`'s all the same: they name rows and columns from the model.
  package func lowered(withNames: Bool) throws -> LoweredModel {
    try checkBuildData(in: "lowered")
    let n = variableCount, m = constraintCount

    // A: the row-wise terms, compressed by column.
    let A = try CompressedColumnAssembly.matrix(
      rows: m, columns: n, rowStarts: rowStarts, columnIndices: rowColumns, values: rowCoefficients)

    // c and c₀.
    var c: [Double] = parallelFilledArray(repeating: 0, count: n)
    for (v, a) in zip(objective.linear.variables, objective.linear.coefficients) { c[v.index] += a }

    // P, lower triangle, in the ½xᵀPx convention.
    var hessian: SparseMatrix? = nil
    let quadraticCount = objective.quadraticTermCount
    if quadraticCount > 0 {
      var pRows = [Int](repeating: 0, count: quadraticCount)
      var pColumns = [Int](repeating: 0, count: quadraticCount)
      var pValues = [Double](repeating: 0, count: quadraticCount)
      for k in 0..<quadraticCount {
        let i = objective.firstVariables[k].index, j = objective.secondVariables[k].index
        let q = objective.quadraticCoefficients[k]
        pRows[k] = max(i, j)
        pColumns[k] = min(i, j)
        pValues[k] = i == j ? 2 * q : q
      }
      hessian = try CompressedColumnAssembly.matrix(
        rows: n, columns: n, rowIndices: pRows, columnIndices: pColumns, values: pValues)
    }

    let program = QuadraticProgram(
      name: name, sense: objectiveSense, linearCost: c, objectiveConstant: objective.linear.constant,
      hessian: hessian, constraintMatrix: A, rowLower: rowLower, rowUpper: rowUpper,
      columnLower: columnLower, columnUpper: columnUpper,
      columnNames: withNames ? columnNames.allNames() : [], rowNames: withNames ? rowNames.allNames() : [])
    try checkNamingRowsAndColumns(program) { try $0.validate() }
    return LoweredModel(
      program: program,
      columnBlocks: try Model.completeLabels(columnBlocks, names: columnNames.name(at:), kind: "variable"),
      rowBlocks: try Model.completeLabels(rowBlocks, names: rowNames.name(at:), kind: "constraint"))
  }

  /// Runs `check` on `program`, a lowering of this model; when `program` lacks the model's names and the
  /// check throws, runs it again on a copy that has them, so that the error names rows and columns as it
  /// would for `lowered()`'s program (instead of the "x<j>" and "r<i>" that `QuadraticProgram` falls back
  /// on). The checks are deterministic: the named run throws the same error with the names in it. The
  /// names are built only then, so a program that passes costs no `String`.
  func checkNamingRowsAndColumns(_ program: QuadraticProgram, _ check: (QuadraticProgram) throws -> Void) throws {
    do {
      try check(program)
    } catch {
      let hasNames = program.columnNames.count == columnNames.count && program.rowNames.count == rowNames.count
      guard !hasNames else { throw error }
      var named = program
      named.columnNames = columnNames.allNames()
      named.rowNames = rowNames.allNames()
      try check(named)
      throw error
    }
  }

  /// nil when no item is labelled, all labels when every item is, a throw naming the first
  /// unlabelled item otherwise (`names(k)`: the name of item k).
  static func completeLabels(_ labels: [BlockLabel?], names: (Int) -> String, kind: String) throws -> [BlockLabel]? {
    guard let firstLabelled = labels.firstIndex(where: { $0 != nil }) else { return nil }
    var result: [BlockLabel] = []
    result.reserveCapacityTouchedInParallel(labels.count)
    for (k, label) in labels.enumerated() {
      guard let label else {
        throw ModelError.missingBlockLabel(
          "\(kind) '\(names(k))' has no block label, but \(kind) '\(names(firstLabelled))' has one; label all or none")
      }
      result.append(label)
    }
    return result
  }
}
