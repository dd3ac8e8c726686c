import DeriskSolvers
import Testing

/// `Model`'s names, kept in a `NameTable`: automatic names step around explicit ones, duplicates throw
/// naming the holder, names survive lowering byte for byte, and copies of a model name independently.
@Suite struct ModelNameTests {
  /// "x<j>" / "r<i>", or "<stem>_k" with the smallest free k ≥ 1 when taken (Model.addVariable's doc).
  @Test func automaticNamesStepAroundExplicitOnes() throws {
    var model = Model()
    let a = try model.addVariable(name: "x2")
    let b = try model.addVariable(name: "x2_1")
    let c = try model.addVariable()  // column 2: "x2" and "x2_1" taken → "x2_2"
    let d = try model.addVariable()  // column 3: "x3"
    #expect(try [a, b, c, d].map(model.name(of:)) == ["x2", "x2_1", "x2_2", "x3"])
    #expect(model.variable(named: "x2_2") == c && model.variable(named: "x3") == d)
    #expect(model.variable(named: "x0") == nil && model.variable(named: "x2_3") == nil)
    let r0 = try model.addConstraint(a, .lessOrEqual, 1, name: "r1")
    let r1 = try model.addConstraint(b, .lessOrEqual, 1)  // row 1: "r1" taken → "r1_1"
    #expect(try model.name(of: r0) == "r1" && model.name(of: r1) == "r1_1")
    #expect(model.constraint(named: "r1_1") == r1 && model.constraint(named: "r0") == nil)
    #expect(try model.lowered().program.columnNames == ["x2", "x2_1", "x2_2", "x3"])
    #expect(try model.lowered().program.rowNames == ["r1", "r1_1"])
  }

  /// An explicit name equal to an earlier automatic one is a duplicate, with the same message as any other.
  @Test func explicitNameTakenByAnAutomaticOneThrows() throws {
    var model = Model()
    let x = try model.addVariable()
    try model.addConstraint(x, .lessOrEqual, 1)
    #expect(thrownError { try model.addVariable(name: "x0") }
      == .duplicateName("variable name 'x0' is already used by variable #0"))
    #expect(thrownError { try model.addConstraint(x, .greaterOrEqual, 0, name: "r0") }
      == .duplicateName("constraint name 'r0' is already used by constraint #0"))
    #expect(model.variableCount == 1 && model.constraintCount == 1)
  }

  /// Names are compared by their UTF-8 bytes: canonically equivalent names with different bytes are two
  /// names (String's == would call them equal), and each comes back, and lowers, with its own bytes.
  @Test func nonASCIINamesKeepTheirBytes() throws {
    let precomposed = "flow[Zürich,café]", decomposed = "flow[Zu\u{308}rich,cafe\u{301}]"
    var model = Model()
    let p = try model.addVariable(name: precomposed, lower: 0)
    let q = try model.addVariable(name: decomposed, lower: 0)
    let copper = try model.addConstraint(p + q, .lessOrEqual, 1, name: "銅[北京]")
    #expect(model.variable(named: precomposed) == p && model.variable(named: decomposed) == q)
    #expect(model.constraint(named: "銅[北京]") == copper)
    #expect(Array(try model.name(of: q).utf8) == Array(decomposed.utf8))
    let program = try model.lowered().program
    #expect(program.columnNames.map { Array($0.utf8) } == [Array(precomposed.utf8), Array(decomposed.utf8)])
    #expect(program.rowNames == ["銅[北京]"])
    #expect(thrownError { try model.addVariable(name: precomposed) }
      == .duplicateName("variable name '\(precomposed)' is already used by variable #0"))
  }

  /// A copy of a model is an independent model: names added to one are not found in the other.
  @Test func copiesNameIndependently() throws {
    var original = Model()
    for k in 0..<20 { try original.addVariable(name: "v\(k)") }
    var copy = original
    for k in 20..<60 { try copy.addVariable(name: "v\(k)") }  // past a regrowth of the copy's index
    let z = try original.addVariable(name: "z")
    #expect(original.variable(named: "v40") == nil && copy.variable(named: "v40") != nil)
    #expect(copy.variable(named: "z") == nil && original.variable(named: "z") == z)
    #expect(try original.name(of: z) == "z" && copy.name(of: z) == "v20")  // the same handle, column 20
    try copy.addVariable(name: "z")  // free in the copy
    #expect(original.variableCount == 21 && copy.variableCount == 61)
  }

  /// Many names through `reserveCapacity` (and past it): every one found at its column, none invented.
  @Test func manyNamesAreFoundAfterReserving() throws {
    var model = Model()
    model.reserveCapacity(variables: 1_000, constraints: 10, terms: 0)
    let x = try model.addVariables(count: 5_000, namePrefix: "ship[s,m]")
    var misplaced = 0
    for k in 0..<5_000 where model.variable(named: "ship[s,m][\(k)]") != x[k] { misplaced += 1 }
    #expect(misplaced == 0)
    #expect(model.variable(named: "ship[s,m][5000]") == nil)
    #expect(try model.lowered().program.columnNames[4_999] == "ship[s,m][4999]")
  }
}
