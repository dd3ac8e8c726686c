/// Building a model in parallel: copies of one base model grow independently, then are appended in order.
///
/// A builder that adds many independent pieces (a scenario program's blocks) takes a copy of the model as it
/// stands (`size`, the base), adds a piece to each copy on its own thread with the usual calls, and then
/// appends the copies to the model one after the other with `append(_:above:)`. A copy's own variables get
/// new indices on the way (index j ≥ base.columns becomes j + the columns the model gained since the base
/// was taken); the base's variables keep theirs, so the copies' rows may use them. The result is the model
/// that adding the pieces one after the other would have built, whatever the number of threads.
extension Model {
  /// How many variables, constraints and constraint terms a model holds: where a fragment's own part starts.
  public struct Size: Sendable, Hashable {
    public var columns: Int
    public var rows: Int
    public var terms: Int

    public init(columns: Int, rows: Int, terms: Int) {
      self.columns = columns
      self.rows = rows
      self.terms = terms
    }
  }

  /// The model's size now.
  public var size: Size { Size(columns: variableCount, rows: constraintCount, terms: termCount) }

  /// Appends what `fragment` added above `base`: its variables `base.columns ..< fragment.variableCount` and
  /// its constraints `base.rows ..< fragment.constraintCount`, in order, with their names, bounds and blocks;
  /// the constraints' terms on fragment columns j ≥ base.columns move to j + `columnShift` and those on
  /// columns below stay. `fragment` must be a copy of this model taken when it had size `base` (the same
  /// identity, so handles issued before the copy mean the same on both), with no change below `base` and
  /// no new objective (the fragment's objective is ignored).
  ///
  /// - Returns: the shifts of the fragment's own columns and rows (this model's counts before the call
  ///   minus `base`'s): a handle the fragment issued for index k ≥ base is this model's k + shift.
  /// - Throws: `ModelError.duplicateName` when a fragment name is already this model's (nothing is then
  ///   appended), `.invalid` when the names were released or `fragment` is not such a copy.
  @discardableResult
  public mutating func append(_ fragment: Model, above base: Size) throws -> (columns: Int, rows: Int) {
    try checkBuildData(in: "append")
    try fragment.checkBuildData(in: "append")
    guard fragment.identity == identity, base.columns <= variableCount, base.rows <= constraintCount,
          base.columns <= fragment.variableCount, base.rows <= fragment.constraintCount,
          base.terms == fragment.rowStarts[base.rows] else {
      throw ModelError.invalid("append: the fragment is not a copy of this model taken at \(base)")
    }
    let columnShift = variableCount - base.columns, rowShift = constraintCount - base.rows
    if let (name, existing) = columnNames.append(contentsOf: fragment.columnNames, from: base.columns) {
      throw ModelError.duplicateName("variable name '\(name)' is already used by variable #\(existing)")
    }
    if let (name, existing) = rowNames.append(contentsOf: fragment.rowNames, from: base.rows) {
      columnNames.removeLast(fragment.variableCount - base.columns)
      throw ModelError.duplicateName("constraint name '\(name)' is already used by constraint #\(existing)")
    }
    columnLower.append(contentsOf: fragment.columnLower[base.columns...])
    columnUpper.append(contentsOf: fragment.columnUpper[base.columns...])
    columnBlocks.append(contentsOf: fragment.columnBlocks[base.columns...])

    let termShift = rowColumns.count - base.terms
    for i in base.rows..<fragment.constraintCount { rowStarts.append(fragment.rowStarts[i + 1] + termShift) }
    let firstOwn = base.columns
    for j in fragment.rowColumns[base.terms...] { rowColumns.append(j < firstOwn ? j : j + columnShift) }
    rowCoefficients.append(contentsOf: fragment.rowCoefficients[base.terms...])
    rowLower.append(contentsOf: fragment.rowLower[base.rows...])
    rowUpper.append(contentsOf: fragment.rowUpper[base.rows...])
    rowConstants.append(contentsOf: fragment.rowConstants[base.rows...])
    rowBlocks.append(contentsOf: fragment.rowBlocks[base.rows...])
    return (columnShift, rowShift)
  }
}
