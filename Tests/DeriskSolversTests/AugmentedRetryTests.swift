import DeriskSolvers
import DeriskTestSupport
import Testing

/// `automatic` solves a small program again with the augmented system when the normal equations fail the
/// check on the user's problem. The fixture (`Tests/Fixtures/sourcing/fixed-plan-scenario.mps`, see the README
/// there) is a sourcing scenario under a fixed plan whose contracts of 10⁻⁷ t feed rows of flows that small;
/// reference optimum HiGHS 1.16.0 simplex, 609,546,014.4570446.
struct AugmentedRetryTests {
  static let reference = 609_546_014.4570446

  static func program() throws -> QuadraticProgram {
    try MPSReader.read(contentsOf: fixturesDirectory.appendingPathComponent("sourcing/fixed-plan-scenario.mps")).problem
  }

  @Test func automaticRetriesWithTheAugmentedSystem() throws {
    let program = try Self.program()
    let result = try solve(program)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - Self.reference) <= 1e-9 * Self.reference, "\(result.objective)")
    #expect(result.info.linearSystem.hasPrefix("augmented system"), "\(result.info.linearSystem)")
    #expect(result.info.linearSystem.hasSuffix("after the normal equations ended almostOptimal"),
            "\(result.info.linearSystem)")
    let check = OptimalityCheck(problem: program, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(check.judged(by: .init()).status == .optimal)
  }

  /// A backend chosen by the caller is kept: no retry.
  @Test func anExplicitBackendIsKept() throws {
    var settings = InteriorPointSettings()
    settings.linearSystem = .normalEquations
    let result = try solve(try Self.program(), settings: settings)
    #expect(result.info.linearSystem == "normal equations (dense Cholesky)")
  }
}
