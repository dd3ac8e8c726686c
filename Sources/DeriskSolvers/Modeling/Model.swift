/// A convex quadratic optimisation model built from named variables, affine constraints and a
/// quadratic objective, lowered to a `QuadraticProgram` for the solvers.
///
/// The model is
///
///     minimise (or maximise)  q(x) = Σₖ qₖ x_{iₖ} x_{jₖ} + Σⱼ cⱼ xⱼ + c₀
///     subject to              lᵢ ≤ aᵢᵀ x + kᵢ ≤ uᵢ          for every constraint i
///                             Lⱼ ≤ xⱼ ≤ Uⱼ                   for every variable j
///
/// and `lowered()` produces the `QuadraticProgram` with A's row i = aᵢ (duplicate terms summed),
/// row bounds [lᵢ − kᵢ, uᵢ − kᵢ] (the expression's constant moved to the bounds), c, c₀, and P
/// with ½ xᵀ P x = Σₖ qₖ x_{iₖ} x_{jₖ} (see `QuadraticExpression`).
///
/// Every mutating call validates its input and throws `ModelError` naming the variable or
/// constraint (NaN coefficients, lower > upper, duplicate names, handles from another model);
/// a call that throws leaves the model unchanged. Building is linear in the number of terms.
///
/// `Model` is a value type: a copy is an independent model that shares the original's identity,
/// so handles issued before the copy work on both.
public struct Model: Sendable {
  /// Identity token carried by every handle this model issues.
  let identity: ModelIdentity
  /// A name for reports (the MPS NAME of the lowered program).
  public var name: String

  // Columns.
  var columnLower: [Double] = []
  var columnUpper: [Double] = []
  /// The variables' names, explicit or automatic, and the lookup by name.
  var columnNames = NameTable()
  var columnBlocks: [BlockLabel?] = []

  // Rows, stored row by row: the terms of row i are rowColumns/rowCoefficients[rowStarts[i] ..< rowStarts[i+1]].
  var rowStarts: [Int] = [0]
  var rowColumns: [Int] = []
  var rowCoefficients: [Double] = []
  /// Bounds of aᵢᵀx, the constant already moved over: [lᵢ − kᵢ, uᵢ − kᵢ].
  var rowLower: [Double] = []
  var rowUpper: [Double] = []
  /// kᵢ, the constant of the expression the user wrote for row i.
  var rowConstants: [Double] = []
  /// The constraints' names, explicit or automatic, and the lookup by name.
  var rowNames = NameTable()
  var rowBlocks: [BlockLabel?] = []
  /// Whether `releaseBuildData()` dropped the names, rows, labels and objective (see there).
  var buildDataReleased = false

  /// The objective q(x); zero until `setObjective` is called.
  public private(set) var objective = QuadraticExpression()
  /// Whether the objective is minimised or maximised. Default `.minimize`.
  public private(set) var objectiveSense = ObjectiveSense.minimize

  /// An empty model with a fresh identity.
  public init(name: String = "") {
    self.identity = ModelIdentity.next()
    self.name = name
  }

  /// Makes room for about `variables` more variables, `constraints` more constraints and `terms` more
  /// constraint terms, so that a model built in one go grows its storage once instead of by doubling:
  /// the name indexes in particular rehash every name on each growth (10.9 million names at 100,000
  /// sourcing scenarios). The names' bytes are reserved at the average length so far plus 8 (names that
  /// end in a scenario number grow by a few digits), or 24 bytes a name before the first. A large
  /// reservation's pages are first touched here, on all cores (`reserveCapacityTouchedInParallel`), not one
  /// by one by the appends on the building thread: at 100,000 generated sourcing scenarios, on a machine
  /// that clears fresh pages at 330 MB/s, building the program took 11.0–13.2 s instead of 17.2–21.1 s. So a
  /// reservation is resident from the start, unused capacity included. A hint only; a wrong count costs
  /// memory or time, never correctness.
  public mutating func reserveCapacity(variables: Int, constraints: Int, terms: Int) {
    let n = variableCount + max(0, variables), m = constraintCount + max(0, constraints)
    columnLower.reserveCapacityTouchedInParallel(n); columnUpper.reserveCapacityTouchedInParallel(n)
    columnBlocks.reserveCapacityTouchedInParallel(n)
    columnNames.reserveCapacity(names: n, bytes: Model.namesBytes(columnNames, reaching: n))
    rowStarts.reserveCapacityTouchedInParallel(m + 1)
    rowColumns.reserveCapacityTouchedInParallel(rowColumns.count + max(0, terms))
    rowCoefficients.reserveCapacityTouchedInParallel(rowCoefficients.count + max(0, terms))
    rowLower.reserveCapacityTouchedInParallel(m); rowUpper.reserveCapacityTouchedInParallel(m)
    rowConstants.reserveCapacityTouchedInParallel(m); rowBlocks.reserveCapacityTouchedInParallel(m)
    rowNames.reserveCapacity(names: m, bytes: Model.namesBytes(rowNames, reaching: m))
  }

  /// The bytes `names` needs for `total` names, those to come at the average length so far plus 8 (or 24).
  private static func namesBytes(_ names: NameTable, reaching total: Int) -> Int {
    let perName = names.count == 0 ? 24 : (names.byteCount + names.count - 1) / names.count + 8
    return names.byteCount + max(0, total - names.count) * perName
  }

  /// Gives back the storage that `reserveCapacity` (or growth by doubling) left unused in what the model
  /// keeps after `releaseBuildData()`: the variables' and constraints' bounds and constants, which the
  /// lowered program shares and which live through the solve and the reading back. At 10,000 generated
  /// sourcing scenarios, reserved from `ProgramSize`'s upper bounds, they held 47 MB for 22 MB of values.
  package mutating func releaseUnusedCapacity() {
    columnLower.releaseUnusedCapacity()
    columnUpper.releaseUnusedCapacity()
    rowLower.releaseUnusedCapacity()
    rowUpper.releaseUnusedCapacity()
    rowConstants.releaseUnusedCapacity()
  }

  /// Number of terms in the constraints' expressions so far (a repeated variable counted as added).
  package var termCount: Int { rowColumns.count }

  /// Number of variables n.
  public var variableCount: Int { columnLower.count }
  /// Number of constraints m.
  public var constraintCount: Int { rowLower.count }
  /// Every variable, in order of creation (column order).
  public var variables: [Variable] { (0..<variableCount).map { Variable(model: identity, index: $0) } }
  /// Every constraint, in order of creation (row order).
  public var constraints: [Constraint] { (0..<constraintCount).map { Constraint(model: identity, index: $0) } }
  /// The handle of column j, for a caller that stores column indices instead of handles (it must have
  /// had them from this model: j is not checked).
  package func variable(at j: Int) -> Variable { Variable(model: identity, index: j) }
  /// The handle of row i (likewise unchecked).
  package func constraint(at i: Int) -> Constraint { Constraint(model: identity, index: i) }
  /// Σₖ coefficients[k] · x_{columns[k]} + constant as an expression of this model's variables (the
  /// columns unchecked, as in `variable(at:)`), terms in the given order. Concrete slices, not generic
  /// collections: called from another module, the generic form was not specialised and spent its time in
  /// metadata lookups and dynamic casts (at 10,000 generated scenarios `derisk solve` reached the solver
  /// after 2.95–3.26 s with it, 2.50–2.57 s without).
  package func expression(columns: ArraySlice<Int32>, coefficients: ArraySlice<Double>,
                          constant: Double) -> LinearExpression {
    columnHandles.expression(columns: columns, coefficients: coefficients, constant: constant)
  }

  /// What `expression(columns:coefficients:constant:)` needs of the model, without the model: for a builder that
  /// adds to the model while it still makes expressions of columns it has (a copy of the model held meanwhile
  /// would make the next addition copy all of the model's storage).
  package struct ColumnHandles: Sendable {
    let identity: ModelIdentity
    /// Σₖ coefficients[k] · x_{columns[k]} + constant, as `Model.expression(columns:coefficients:constant:)`.
    package func expression(columns: ArraySlice<Int32>, coefficients: ArraySlice<Double>,
                            constant: Double) -> LinearExpression {
      precondition(columns.count == coefficients.count, "expression: \(columns.count) columns, \(coefficients.count) coefficients")
      let id = identity
      return LinearExpression(variables: columns.map { Variable(model: id, index: Int($0)) },
                              coefficients: Array(coefficients), constant: constant)
    }
  }

  /// This model's `ColumnHandles`.
  package var columnHandles: ColumnHandles { ColumnHandles(identity: identity) }

  // MARK: Variables

  /// Adds a variable x_j with bounds lower ≤ x_j ≤ upper.
  ///
  /// - Parameters:
  ///   - name: a name unique among this model's variables; nil gives the automatic name "x<j>"
  ///     (or "x<j>_<k>" with the smallest k ≥ 1 that is free, if "x<j>" was taken explicitly). Names
  ///     compare by their UTF-8 bytes: canonically equivalent spellings ("é" as one scalar or as "e" and
  ///     a combining accent) are different names.
  ///   - lower: lower bound, −∞ allowed. Default −∞ (a free variable, as in JuMP; note that MPS
  ///     files default to 0).
  ///   - upper: upper bound, +∞ allowed. Default +∞.
  ///   - block: the scenario-structure block, or nil.
  /// - Returns: the handle of the new variable, whose `index` is its column.
  /// - Throws: `ModelError.duplicateName`, `.invalid` (empty name, negative scenario),
  ///   `.nonFinite` (a NaN bound), `.inconsistentBounds` (lower > upper, lower = +∞, upper = −∞).
  @discardableResult
  public mutating func addVariable(
    name: String? = nil, lower: Double = -.infinity, upper: Double = .infinity, block: BlockLabel? = nil
  ) throws -> Variable {
    try checkBuildData(in: "addVariable")
    let j = variableCount
    let resolved = try resolveName(name, automaticStem: "x", index: j, taken: columnNames, kind: "variable")
    try Model.checkBounds(lower, upper, of: "variable '\(resolved)'")
    try Model.checkBlock(block, of: "variable '\(resolved)'")
    columnLower.append(lower)
    columnUpper.append(upper)
    columnNames.append(resolved)
    columnBlocks.append(block)
    return Variable(model: identity, index: j)
  }

  /// Adds `count` variables with equal bounds and block, named "<namePrefix>[0]", …,
  /// "<namePrefix>[count−1]" (or automatic names when `namePrefix` is nil).
  /// - Throws: as `addVariable`; on a throw no variable is added.
  @discardableResult
  public mutating func addVariables(
    count: Int, namePrefix: String? = nil, lower: Double = -.infinity, upper: Double = .infinity,
    block: BlockLabel? = nil
  ) throws -> [Variable] {
    try checkBuildData(in: "addVariables")
    guard count >= 0 else { throw ModelError.invalid("addVariables: count must be ≥ 0, got \(count)") }
    // Validate everything first, so that a throw adds nothing and no copy of the model is needed.
    let place = namePrefix.map { "variables '\($0)[…]'" } ?? "addVariables"
    try Model.checkBounds(lower, upper, of: place)
    try Model.checkBlock(block, of: place)
    if let namePrefix {
      guard !namePrefix.isEmpty else { throw ModelError.invalid("addVariables: the name prefix must not be empty") }
      for k in 0..<count {
        let name = "\(namePrefix)[\(k)]"
        if let other = columnNames.lookup(name) {
          throw ModelError.duplicateName("variable name '\(name)' is already used by variable #\(other)")
        }
      }
    }
    var result: [Variable] = []
    result.reserveCapacity(count)
    for k in 0..<count {
      result.append(try addVariable(name: namePrefix.map { "\($0)[\(k)]" }, lower: lower, upper: upper, block: block))
    }
    return result
  }

  /// Changes the bounds of a variable to lower ≤ x_j ≤ upper.
  /// - Throws: `ModelError.foreignHandle`, `.nonFinite`, `.inconsistentBounds`.
  public mutating func setBounds(of variable: Variable, lower: Double, upper: Double) throws {
    try checkBuildData(in: "setBounds")
    let j = try columnIndex(of: variable, in: "setBounds")
    try Model.checkBounds(lower, upper, of: "variable '\(columnNames.name(at: j))'")
    columnLower[j] = lower
    columnUpper[j] = upper
  }

  /// The variable with this name (the same UTF-8 bytes), or nil.
  public func variable(named name: String) -> Variable? {
    columnNames.lookup(name).map { Variable(model: identity, index: $0) }
  }

  /// The name of a variable (explicit or automatic).
  /// - Throws: `ModelError.foreignHandle`.
  public func name(of variable: Variable) throws -> String {
    let j = try columnIndex(of: variable, in: "name(of:)")
    try checkBuildData(in: "name(of:)")
    return columnNames.name(at: j)
  }

  /// The bounds [L_j, U_j] of a variable.
  /// - Throws: `ModelError.foreignHandle`.
  public func bounds(of variable: Variable) throws -> (lower: Double, upper: Double) {
    let j = try columnIndex(of: variable, in: "bounds(of:)")
    return (columnLower[j], columnUpper[j])
  }

  /// The block label of a variable, or nil.
  /// - Throws: `ModelError.foreignHandle`.
  public func block(of variable: Variable) throws -> BlockLabel? {
    let j = try columnIndex(of: variable, in: "block(of:)")
    try checkBuildData(in: "block(of:)")
    return columnBlocks[j]
  }

  // MARK: Constraints

  /// Adds the constraint `expression ⋈ rhs` (⋈ one of ≤, ≥, =).
  ///
  /// With expression = aᵀx + k the row stored is  aᵀx ≤ rhs − k,  aᵀx ≥ rhs − k  or  aᵀx = rhs − k.
  /// - Parameters:
  ///   - name: unique among this model's constraints (by its UTF-8 bytes); nil gives "r<i>" (or "r<i>_<k>").
  ///   - block: the scenario-structure block, or nil.
  /// - Throws: `ModelError.foreignHandle` (a term's variable is from another model),
  ///   `.nonFinite` (a NaN or infinite coefficient or constant, a NaN rhs), `.inconsistentBounds`
  ///   (an equality with infinite rhs, `≤ −∞`, `≥ +∞`), `.duplicateName`, `.invalid`.
  @discardableResult
  public mutating func addConstraint(
    _ expression: LinearExpression, _ sense: ConstraintSense, _ rhs: Double, name: String? = nil,
    block: BlockLabel? = nil
  ) throws -> Constraint {
    switch sense {
    case .lessOrEqual: return try addConstraint(expression, lower: -.infinity, upper: rhs, name: name, block: block)
    case .greaterOrEqual: return try addConstraint(expression, lower: rhs, upper: .infinity, name: name, block: block)
    case .equal: return try addConstraint(expression, lower: rhs, upper: rhs, name: name, block: block)
    }
  }

  /// Adds the constraint `variable ⋈ rhs` as a row (use `setBounds` for a plain bound instead).
  @discardableResult
  public mutating func addConstraint(
    _ variable: Variable, _ sense: ConstraintSense, _ rhs: Double, name: String? = nil, block: BlockLabel? = nil
  ) throws -> Constraint {
    try addConstraint(LinearExpression(variable), sense, rhs, name: name, block: block)
  }

  /// Adds the ranged constraint  lower ≤ expression ≤ upper  (either side may be infinite; equal
  /// sides make an equality).
  ///
  /// With expression = aᵀx + k the row stored is  lower − k ≤ aᵀx ≤ upper − k.
  /// - Throws: as `addConstraint(_:_:_:name:block:)`, and `.inconsistentBounds` for lower > upper.
  @discardableResult
  public mutating func addConstraint(
    _ expression: LinearExpression, lower: Double, upper: Double, name: String? = nil, block: BlockLabel? = nil
  ) throws -> Constraint {
    try checkBuildData(in: "addConstraint")
    let i = constraintCount
    let resolved = try resolveName(name, automaticStem: "r", index: i, taken: rowNames, kind: "constraint")
    var place: String { "constraint '\(resolved)'" }
    try Model.checkBounds(lower, upper, of: place)
    try Model.checkBlock(block, of: place)
    let start = rowColumns.count
    for (v, a) in zip(expression.variables, expression.coefficients) {
      guard let j = checkedIndex(of: v) else {
        rowColumns.removeLast(rowColumns.count - start)
        rowCoefficients.removeLast(rowCoefficients.count - start)
        throw foreignVariable(v, in: place)
      }
      guard a.isFinite else {
        rowColumns.removeLast(rowColumns.count - start)
        rowCoefficients.removeLast(rowCoefficients.count - start)
        throw ModelError.nonFinite("\(place): the coefficient of variable '\(columnNames.name(at: j))' is \(a)")
      }
      rowColumns.append(j)
      rowCoefficients.append(a)
    }
    let k = expression.constant
    guard k.isFinite else {
      rowColumns.removeLast(rowColumns.count - start)
      rowCoefficients.removeLast(rowCoefficients.count - start)
      throw ModelError.nonFinite("\(place): the expression's constant is \(k)")
    }
    rowStarts.append(rowColumns.count)
    rowLower.append(lower - k)
    rowUpper.append(upper - k)
    rowConstants.append(k)
    rowNames.append(resolved)
    rowBlocks.append(block)
    return Constraint(model: identity, index: i)
  }

  /// Adds the ranged constraint  lower ≤ variable ≤ upper  as a row (use `setBounds` for a plain bound instead).
  @discardableResult
  public mutating func addConstraint(
    _ variable: Variable, lower: Double, upper: Double, name: String? = nil, block: BlockLabel? = nil
  ) throws -> Constraint {
    try addConstraint(LinearExpression(variable), lower: lower, upper: upper, name: name, block: block)
  }

  /// The constraint with this name (the same UTF-8 bytes), or nil.
  public func constraint(named name: String) -> Constraint? {
    rowNames.lookup(name).map { Constraint(model: identity, index: $0) }
  }

  /// The name of a constraint (explicit or automatic).
  /// - Throws: `ModelError.foreignHandle`.
  public func name(of constraint: Constraint) throws -> String {
    let i = try rowIndex(of: constraint, in: "name(of:)")
    try checkBuildData(in: "name(of:)")
    return rowNames.name(at: i)
  }

  /// The bounds [lᵢ, uᵢ] on the expression as the user wrote it (constant included).
  /// - Throws: `ModelError.foreignHandle`.
  public func bounds(of constraint: Constraint) throws -> (lower: Double, upper: Double) {
    let i = try rowIndex(of: constraint, in: "bounds(of:)")
    return (rowLower[i] + rowConstant(i), rowUpper[i] + rowConstant(i))
  }

  /// The expression aᵢᵀx + kᵢ of a constraint, with its terms as stored (duplicates not merged).
  /// - Throws: `ModelError.foreignHandle`.
  public func expression(of constraint: Constraint) throws -> LinearExpression {
    let i = try rowIndex(of: constraint, in: "expression(of:)")
    try checkBuildData(in: "expression(of:)")
    var e = LinearExpression(constant: rowConstant(i))
    e.reserveCapacity(rowStarts[i + 1] - rowStarts[i])
    for p in rowStarts[i]..<rowStarts[i + 1] { e.addTerm(Variable(model: identity, index: rowColumns[p]), rowCoefficients[p]) }
    return e
  }

  /// The block label of a constraint, or nil.
  /// - Throws: `ModelError.foreignHandle`.
  public func block(of constraint: Constraint) throws -> BlockLabel? {
    let i = try rowIndex(of: constraint, in: "block(of:)")
    try checkBuildData(in: "block(of:)")
    return rowBlocks[i]
  }

  // MARK: Objective

  /// Sets the objective to q(x) = Σₖ qₖ x_{iₖ} x_{jₖ} + cᵀx + c₀, minimised or maximised.
  ///
  /// The solvers need a convex problem: Σₖ qₖ x_{iₖ} x_{jₖ} must be positive semidefinite for
  /// `.minimize` and negative semidefinite for `.maximize`; the model does not check this (the
  /// solver reports what it finds).
  /// - Throws: `ModelError.foreignHandle`, `.nonFinite` (a NaN or infinite coefficient or constant);
  ///   on a throw the previous objective is kept.
  public mutating func setObjective(_ objective: QuadraticExpression, sense: ObjectiveSense = .minimize) throws {
    try checkBuildData(in: "setObjective")
    for k in 0..<objective.quadraticTermCount {
      let u = objective.firstVariables[k], v = objective.secondVariables[k], q = objective.quadraticCoefficients[k]
      guard let i = checkedIndex(of: u) else { throw foreignVariable(u, in: "objective") }
      guard let j = checkedIndex(of: v) else { throw foreignVariable(v, in: "objective") }
      guard q.isFinite else {
        throw ModelError.nonFinite("objective: the coefficient of '\(columnNames.name(at: i))'·'\(columnNames.name(at: j))' is \(q)")
      }
    }
    try checkLinear(objective.linear, place: "objective")
    self.objective = objective
    self.objectiveSense = sense
  }

  /// Sets a linear objective cᵀx + c₀.
  /// - Throws: as `setObjective(_: QuadraticExpression, sense:)`.
  public mutating func setObjective(_ objective: LinearExpression, sense: ObjectiveSense = .minimize) throws {
    try setObjective(QuadraticExpression(objective), sense: sense)
  }

  /// Sets the objective to a single variable.
  public mutating func setObjective(_ variable: Variable, sense: ObjectiveSense = .minimize) throws {
    try setObjective(QuadraticExpression(LinearExpression(variable)), sense: sense)
  }

  // MARK: Releasing what a solve does not need

  /// Drops the names (and their lookup tables), the stored rows, the block labels and the objective
  /// expression, keeping the identity, the counts, the column and row bounds and the row constants:
  /// what `ModelSolution` needs to read values, duals, reduced costs, activities and slacks back by
  /// handle. For a caller that has lowered the model and keeps it only to read the solution back
  /// (a large scenario program's names and rows are a good part of its memory).
  ///
  /// Afterwards lookups by name find nothing, and naming, adding, lowering, `expression(of:)`,
  /// `block(of:)` and `setObjective` throw `ModelError.invalid`.
  package mutating func releaseBuildData() {
    columnNames.removeAll()
    columnBlocks = []
    rowStarts = [0]
    rowColumns = []
    rowCoefficients = []
    rowNames.removeAll()
    rowBlocks = []
    objective = QuadraticExpression()
    // Kept to read activities back; when every constant is +0 (a sourcing program's rows), `rowConstant`
    // gives that +0 without the vector.
    if rowConstants.allSatisfy({ $0.bitPattern == 0 }) { rowConstants = [] }
    buildDataReleased = true
  }

  /// The constant of constraint i's expression (moved to its bounds in the lowered program).
  func rowConstant(_ i: Int) -> Double { rowConstants.isEmpty ? 0 : rowConstants[i] }

  /// Throws when `releaseBuildData()` dropped what `place` needs.
  func checkBuildData(in place: String) throws {
    guard !buildDataReleased else {
      throw ModelError.invalid("\(place): the model's names, rows and objective were released after its solve")
    }
  }

  // MARK: Validation helpers

  /// The column of a handle issued by this model, or nil.
  func checkedIndex(of v: Variable) -> Int? {
    v.model == identity && v.index >= 0 && v.index < variableCount ? v.index : nil
  }

  func foreignVariable(_ v: Variable, in place: String) -> ModelError {
    v.model == identity
      ? .foreignHandle("\(place): variable #\(v.index) does not exist in this model (it has \(variableCount) variables)")
      : .foreignHandle("\(place): variable #\(v.index) belongs to another model")
  }

  func columnIndex(of v: Variable, in place: String) throws -> Int {
    guard let j = checkedIndex(of: v) else { throw foreignVariable(v, in: place) }
    return j
  }

  func rowIndex(of c: Constraint, in place: String) throws -> Int {
    guard c.model == identity else { throw ModelError.foreignHandle("\(place): constraint #\(c.index) belongs to another model") }
    guard c.index >= 0, c.index < constraintCount else {
      throw ModelError.foreignHandle("\(place): constraint #\(c.index) does not exist in this model (it has \(constraintCount) constraints)")
    }
    return c.index
  }

  /// Checks the terms and constant of an affine expression.
  func checkLinear(_ e: LinearExpression, place: String) throws {
    for (v, a) in zip(e.variables, e.coefficients) {
      guard let j = checkedIndex(of: v) else { throw foreignVariable(v, in: place) }
      guard a.isFinite else { throw ModelError.nonFinite("\(place): the coefficient of variable '\(columnNames.name(at: j))' is \(a)") }
    }
    guard e.constant.isFinite else { throw ModelError.nonFinite("\(place): the constant is \(e.constant)") }
  }

  /// `place` names the variable or constraint in the error; it is formed only when one is thrown. (Formed on
  /// every call, it took a tenth of a sourcing program's build: 30,000 generated scenarios 6.6–7.3 s against
  /// 6.4–6.5 s, measured 2026-12-02.)
  static func checkBounds(_ lower: Double, _ upper: Double, of place: @autoclosure () -> String) throws {
    if lower <= upper, lower != .infinity, upper != -.infinity { return }   // false for a NaN too
    let place = place()
    guard !lower.isNaN else { throw ModelError.nonFinite("\(place): lower bound is NaN") }
    guard !upper.isNaN else { throw ModelError.nonFinite("\(place): upper bound is NaN") }
    guard lower != .infinity else { throw ModelError.inconsistentBounds("\(place): lower bound is +∞") }
    guard upper != -.infinity else { throw ModelError.inconsistentBounds("\(place): upper bound is −∞") }
    guard lower <= upper else { throw ModelError.inconsistentBounds("\(place): lower bound \(lower) > upper bound \(upper)") }
  }

  static func checkBlock(_ block: BlockLabel?, of place: @autoclosure () -> String) throws {
    if case .scenario(let s)? = block, s < 0 {
      throw ModelError.invalid("\(place()): scenario number must be ≥ 0, got \(s)")
    }
  }

  /// The explicit name checked for uniqueness (by its UTF-8 bytes, see `NameTable`), or the first free
  /// automatic name.
  func resolveName(_ name: String?, automaticStem: String, index: Int, taken: NameTable, kind: String) throws -> String {
    if let name {
      guard !name.isEmpty else { throw ModelError.invalid("\(kind) #\(index): a name must not be empty") }
      if let other = taken.lookup(name) {
        throw ModelError.duplicateName("\(kind) name '\(name)' is already used by \(kind) #\(other)")
      }
      return name
    }
    let base = "\(automaticStem)\(index)"
    if taken.lookup(base) == nil { return base }
    var k = 1
    while taken.lookup("\(base)_\(k)") != nil { k += 1 }
    return "\(base)_\(k)"
  }
}
