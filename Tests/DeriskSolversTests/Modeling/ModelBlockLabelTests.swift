import DeriskSolvers
import Testing

/// Block labels are recorded per variable and constraint and lowered, in column and row order,
/// into `LoweredModel` (hand-built two-scenario model).
@Suite struct ModelBlockLabelTests {
  @Test func labelsAreLoweredInColumnAndRowOrder() throws {
    var model = Model()
    let buy = try model.addVariable(name: "buy", lower: 0, block: .firstStage)
    var recourse: [Variable] = []
    for s in 0..<2 {
      let r = try model.addVariable(name: "recourse[\(s)]", lower: 0, block: .scenario(s))
      recourse.append(r)
      try model.addConstraint(buy + r, .greaterOrEqual, Double(10 + s), name: "demand[\(s)]", block: .scenario(s))
    }
    try model.addConstraint(buy, .lessOrEqual, 8, name: "budget", block: .firstStage)
    try model.setObjective(buy + 0.5 * recourse[0] + 0.5 * recourse[1])
    let lowered = try model.lowered()
    #expect(lowered.columnBlocks == [.firstStage, .scenario(0), .scenario(1)])
    #expect(lowered.rowBlocks == [.scenario(0), .scenario(1), .firstStage])
    #expect(try model.block(of: recourse[1]) == .scenario(1))
    #expect(isClose(lowered.program.rowLower, [10, 11, -.infinity]))
    #expect(dense(lowered.program.constraintMatrix) == [[1, 1, 0], [1, 0, 1], [1, 0, 0]])
  }

  @Test func unlabelledModelHasNoLabels() throws {
    var model = Model()
    let x = try model.addVariable()
    try model.addConstraint(x, .lessOrEqual, 1)
    let lowered = try model.lowered()
    #expect(lowered.columnBlocks == nil && lowered.rowBlocks == nil)
    #expect(lowered.program.columnCount == 1)
  }

  @Test func partlyLabelledModelThrowsNamingTheUnlabelledItem() throws {
    var model = Model()
    let x = try model.addVariable(name: "x", block: .firstStage)
    let y = try model.addVariable(name: "y")
    try model.addConstraint(x + y, .lessOrEqual, 1, name: "c")
    #expect(thrownError { try model.lowered() }
      == .missingBlockLabel("variable 'y' has no block label, but variable 'x' has one; label all or none"))
  }
}
