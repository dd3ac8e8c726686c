import DeriskSolvers
import DeriskSourcing
import Testing

/// The starting point on the weighted central path (`CentralPathWeights.shiftStartingPoint`): Mehrotra's
/// final shift adds δz·wₖ² to each dual slack instead of one δz to all. The case: `derisk generate
/// --materials 3 --suppliers 12 --corridors 6 --scenarios 3000 --seed 3` (E[C] + 0.5·CVaR₀.₉), solved as
/// `derisk solve --no-value-of-information` does. Iterations measured 2026-12-02 under each BLAS path this
/// machine offers (OpenBLAS 0.3.21 with its SkylakeX, Haswell, Zen and Prescott kernels; the reference
/// BLAS/LAPACK): 59, 61, 61, 62 and 60 with the weighted shift, 66, 65, 65, 67 and 67 with the uniform one.
/// The first-stage factorization's rounding differs between those paths, and with it the path; 63 separates
/// the two starts on every one of them.
struct WeightedStartingPointTests {
  @Test func aGeneratedScenarioProgramStartsOnItsPath() throws {
    let model = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 3000, seed: 3)
    let plan = try model.solve(options: SourcingSolveOptions(valueOfInformation: false))
    #expect(plan.status == "optimal")
    #expect(plan.solver.iterations <= 63, "\(plan.solver.iterations) iterations")
    // HiGHS 1.16's dual simplex on the exported program (`derisk export-mps`, 222,010 rows, 174,018 columns):
    // 351,926,493.74155545 (`../shared/peers/solve_mps.py FILE --solver highs-simplex`, 2026-12-02).
    #expect(abs(plan.objective - 351_926_493.741_555_45) <= 1e-8 * 351_926_493.741_555_45, "\(plan.objective)")
  }
}
