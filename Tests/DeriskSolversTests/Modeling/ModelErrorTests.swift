import DeriskSolvers
import Testing

/// Misuse throws `ModelError` naming the place, and a call that throws leaves the model unchanged.
/// Expected messages are the ones the API documents (Model.swift).
@Suite struct ModelErrorTests {
  @Test func duplicateNamesThrowNamingTheName() throws {
    var model = Model()
    let x = try model.addVariable(name: "steel")
    #expect(thrownError { try model.addVariable(name: "steel") }
      == .duplicateName("variable name 'steel' is already used by variable #0"))
    try model.addConstraint(x, .lessOrEqual, 1, name: "cap")
    #expect(thrownError { try model.addConstraint(x, .greaterOrEqual, 0, name: "cap") }
      == .duplicateName("constraint name 'cap' is already used by constraint #0"))
    // Variables and constraints have separate name spaces (as in MPS).
    #expect(thrownError { try model.addConstraint(x, .greaterOrEqual, 0, name: "steel") } == nil)
    // A batch whose name collides adds nothing.
    _ = try model.addVariable(name: "q[1]")
    #expect(thrownError { try model.addVariables(count: 3, namePrefix: "q") }
      == .duplicateName("variable name 'q[1]' is already used by variable #1"))
    #expect(model.variableCount == 2)
    #expect(thrownError { try model.addVariable(name: "") } == .invalid("variable #2: a name must not be empty"))
  }

  @Test func nonFiniteCoefficientsThrowNamingConstraintAndVariable() throws {
    var model = Model()
    let x = try model.addVariable(name: "x")
    let y = try model.addVariable(name: "y")
    #expect(thrownError { try model.addConstraint(x + .nan * y, .lessOrEqual, 1, name: "bad") }
      == .nonFinite("constraint 'bad': the coefficient of variable 'y' is nan"))
    #expect(thrownError { try model.addConstraint(x + .infinity, .lessOrEqual, 1, name: "bad") }
      == .nonFinite("constraint 'bad': the expression's constant is inf"))
    #expect(thrownError { try model.addConstraint(x + y, .lessOrEqual, .nan, name: "bad") }
      == .nonFinite("constraint 'bad': upper bound is NaN"))
    // Nothing was added by the failed calls: the next constraint is row 0 with 2 terms.
    #expect(model.constraintCount == 0)
    let ok = try model.addConstraint(x + y, .lessOrEqual, 1)
    #expect(try ok.index == 0 && (model.lowered().program.constraintMatrix.nonzeroCount) == 2)
    // (x·y)·NaN also makes the (zero) constant NaN; the quadratic term is reported first.
    #expect(thrownError { try model.setObjective(x * y * .nan) }
      == .nonFinite("objective: the coefficient of 'x'·'y' is nan"))
    #expect(thrownError { try model.setObjective((x + y) * .nan) }
      == .nonFinite("objective: the coefficient of variable 'x' is nan"))
    #expect(thrownError { try model.setObjective(2 * x + .nan) } == .nonFinite("objective: the constant is nan"))
  }

  @Test func inconsistentBoundsThrow() throws {
    var model = Model()
    #expect(thrownError { try model.addVariable(name: "x", lower: 2, upper: 1) }
      == .inconsistentBounds("variable 'x': lower bound 2.0 > upper bound 1.0"))
    #expect(thrownError { try model.addVariable(name: "x", lower: .nan) } == .nonFinite("variable 'x': lower bound is NaN"))
    #expect(thrownError { try model.addVariable(name: "x", lower: .infinity) }
      == .inconsistentBounds("variable 'x': lower bound is +∞"))
    // A finite lower bound with a NaN or −∞ upper one (the checks pass over ordered, finite-ended bounds).
    #expect(thrownError { try model.addVariable(name: "x", lower: 0, upper: .nan) } == .nonFinite("variable 'x': upper bound is NaN"))
    #expect(thrownError { try model.addVariable(name: "x", upper: -.infinity) }
      == .inconsistentBounds("variable 'x': upper bound is −∞"))
    #expect(model.variableCount == 0)
    let x = try model.addVariable(name: "x")
    #expect(thrownError { try model.addConstraint(LinearExpression(x), lower: 5, upper: 4, name: "r") }
      == .inconsistentBounds("constraint 'r': lower bound 5.0 > upper bound 4.0"))
    #expect(thrownError { try model.addConstraint(x, .equal, .infinity, name: "r") }
      == .inconsistentBounds("constraint 'r': lower bound is +∞"))
    #expect(thrownError { try model.setBounds(of: x, lower: 1, upper: 0) }
      == .inconsistentBounds("variable 'x': lower bound 1.0 > upper bound 0.0"))
  }

  @Test func foreignHandlesAreDetected() throws {
    var a = Model()
    var b = Model()
    let x = try a.addVariable(name: "x")
    let y = try b.addVariable(name: "y")
    #expect(thrownError { try a.addConstraint(x + y, .lessOrEqual, 1, name: "mixed") }
      == .foreignHandle("constraint 'mixed': variable #0 belongs to another model"))
    #expect(thrownError { try a.setObjective(x * y) } == .foreignHandle("objective: variable #0 belongs to another model"))
    #expect(thrownError { try a.setBounds(of: y, lower: 0, upper: 1) }
      == .foreignHandle("setBounds: variable #0 belongs to another model"))
    let r = try b.addConstraint(y, .lessOrEqual, 1)
    #expect(thrownError { try a.name(of: r) } == .foreignHandle("name(of:): constraint #0 belongs to another model"))
    #expect(a.constraintCount == 0)
  }

  @Test func handleFromADivergedCopyIsDetected() throws {
    var a = Model()
    _ = try a.addVariable(name: "x")
    var copy = a                        // same identity
    let extra = try copy.addVariable()  // column 1 exists only in the copy
    #expect(thrownError { try a.addConstraint(extra, .lessOrEqual, 1) }
      == .foreignHandle("constraint 'r0': variable #1 does not exist in this model (it has 1 variables)"))
  }

  @Test func negativeScenarioNumberThrows() throws {
    var model = Model()
    #expect(thrownError { try model.addVariable(name: "x", block: .scenario(-1)) }
      == .invalid("variable 'x': scenario number must be ≥ 0, got -1"))
  }
}
