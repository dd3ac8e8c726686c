import DeriskSolvers
import Testing

/// `Model.append(_:above:)`: pieces built on copies of a base model and appended in order give the model that
/// adding the pieces one after the other builds (the lowered programs equal, names, bounds, rows and blocks),
/// and a clash of names or a copy of another size is refused with nothing appended.
@Suite struct ModelFragmentTests {
  /// A base with two first-stage columns and a row, as a sourcing program's first stage.
  static func base() throws -> Model {
    var model = Model(name: "fragments")
    let x = try model.addVariable(name: "x", lower: 0, upper: 10, block: .firstStage)
    let y = try model.addVariable(name: "y", lower: 0, upper: 5, block: .firstStage)
    try model.addConstraint(x + y, .lessOrEqual, 12, name: "budget", block: .firstStage)
    return model
  }

  /// Scenario s's piece: two columns, a row on a first-stage column, a row on its own columns with a constant.
  static func addPiece(_ s: Int, to model: inout Model) throws {
    let x = try #require(model.variable(named: "x"))
    let u = try model.addVariable(name: "u[\(s)]", lower: 0, upper: Double(s + 1), block: .scenario(s))
    let v = try model.addVariable(name: "v[\(s)]", lower: -1, upper: .infinity, block: .scenario(s))
    try model.addConstraint(u - 2 * x, .lessOrEqual, Double(s), name: "take[\(s)]", block: .scenario(s))
    try model.addConstraint(u + 3 * v + 1.5, lower: -4, upper: 7, name: "mix[\(s)]", block: .scenario(s))
  }

  @Test func appendedPiecesBuildTheModelOfAnOrderedLoop() throws {
    var serial = try Self.base()
    for s in 0..<7 { try Self.addPiece(s, to: &serial) }

    let base = try Self.base()
    var joined = base
    var shifts: [(columns: Int, rows: Int)] = []
    for range in [0..<3, 3..<4, 4..<7] {
      var fragment = base
      for s in range { try Self.addPiece(s, to: &fragment) }
      shifts.append(try joined.append(fragment, above: base.size))
    }
    #expect(shifts.map(\.columns) == [0, 6, 8] && shifts.map(\.rows) == [0, 6, 8])
    try joined.setObjective(LinearExpression())
    try serial.setObjective(LinearExpression())
    #expect(try joined.lowered() == serial.lowered())
    // Found by name where the loop put them, rows with their first-stage terms and constants kept.
    let mix5 = try #require(joined.constraint(named: "mix[5]"))
    #expect(mix5.index == 1 + 2 * 5 + 1)
    #expect(try joined.bounds(of: mix5) == (-4, 7))
    #expect(try joined.expression(of: mix5).constant == 1.5)
    let take4 = try #require(joined.constraint(named: "take[4]"))
    let terms = try joined.expression(of: take4)
    // As stored by the loop's `addConstraint(u − 2x …)`: x's term first.
    #expect(terms.variables == [joined.variable(named: "x"), joined.variable(named: "u[4]")].compactMap { $0 })
    #expect(terms.coefficients == [-2, 1])
  }

  @Test func aClashingNameAppendsNothing() throws {
    let base = try Self.base()
    var joined = base
    var first = base, second = base
    try Self.addPiece(0, to: &first)
    try Self.addPiece(1, to: &second)
    try second.addVariable(name: "u[0]", block: .scenario(1))  // a column name the first piece has
    try joined.append(first, above: base.size)
    let size = joined.size
    #expect(thrownError { try joined.append(second, above: base.size) }
            == .duplicateName("variable name 'u[0]' is already used by variable #2"))
    #expect(joined.size == size && joined.variable(named: "u[1]") == nil)

    var rowClash = base
    try Self.addPiece(2, to: &rowClash)
    try rowClash.addConstraint(LinearExpression(), .lessOrEqual, 0, name: "take[0]", block: .scenario(2))
    #expect(thrownError { try joined.append(rowClash, above: base.size) }
            == .duplicateName("constraint name 'take[0]' is already used by constraint #1"))
    #expect(joined.size == size && joined.variable(named: "u[2]") == nil)
    try joined.addVariable(name: "u[2]")  // the refused names are free again
  }

  @Test func aCopyOfAnotherSizeIsRefused() throws {
    var joined = try Self.base()
    let stranger = Model(name: "other")
    #expect(thrownError { try joined.append(stranger, above: stranger.size) }?.description.hasPrefix("append: the fragment is not a copy") == true)
    var grown = joined
    try Self.addPiece(0, to: &grown)
    #expect(thrownError { try joined.append(grown, above: Model.Size(columns: 2, rows: 1, terms: 3)) }?.description.hasPrefix("append:") == true)
  }
}
