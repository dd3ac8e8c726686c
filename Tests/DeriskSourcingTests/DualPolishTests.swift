import DeriskSolvers
import DeriskSourcing
import Testing

/// The dual polish (`SolveInfo.dualsPolished`): when a point meets the tolerances on the scaled problem but
/// its duals fail the check on the user's problem, one least-squares solve with the last factorization
/// moves the dual residual off the basic columns. On the 500-scenario generated model of seed 2 with the
/// gap tolerance tightened to 1e-12 the first such point (39 iterations) fails the check with its own duals
/// and passes it with the polished ones (measured 2026-11-30 in release mode, after presolve began dropping
/// implied rows; 38 iterations when it had just begun merging parallel rows). Whether a point needs the
/// polish depends on the exact path, and each change to the path has moved it: with this build, 300 of
/// seed 2, 700 of seeds 2 and 5 and 1,000 of seeds 1–2 need it too, 300 of seeds 1 and 3–5, 500 of seeds 1,
/// 3 and 5, 700 of seeds 1 and 3 and 1,000 of seeds 3–5 pass unpolished, and 500 and 700 of seed 4 stop
/// `almostOptimal`. The assertion on `dualsPolished` says so when a change to the path moves this case too.
struct DualPolishTests {
  @Test func polishedDualsPassTheCheckOnTheUsersProblem() throws {
    let program = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 500, seed: 2)
      .program()
    var settings = InteriorPointSettings()
    settings.gapTolerance = 1e-12
    let solution = try program.model.solve(settings: settings)
    #expect(solution.termination == .optimal)
    #expect(solution.info.dualsPolished, "optimal without the polish: the test no longer exercises it")
    // The figures are recomputed here from the reported point on the user's problem, not taken from the solver.
    let check = OptimalityCheck(problem: try program.lowered().program, x: solution.result.solution.x,
                                rowDuals: solution.result.solution.rowDuals)
    #expect(check.relativeGap <= 1e-12, "relative gap \(check.relativeGap)")
    #expect(check.relativePrimalResidual <= 1e-8 && check.relativeDualResidual <= 1e-8,
            "residuals \(check.relativePrimalResidual), \(check.relativeDualResidual)")
    // Same optimum as the default solve.
    let plain = try program.model.solve(settings: InteriorPointSettings())
    #expect(abs(solution.objective - plain.objective) <= 1e-8 * abs(plain.objective))
  }
}
