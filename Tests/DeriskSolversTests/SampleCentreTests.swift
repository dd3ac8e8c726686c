import DeriskSolvers
import Testing

/// The first stage's centre from a sample of the scenarios (`InteriorPointSettings.centreFromSample`): when it
/// is solved, what the sample estimates, and that the full solve's answer does not depend on it.
struct SampleCentreTests {
  /// min x₀ + Σₛ (2/S)·yₛ  s.t.  x₀ + yₛ ≥ 5 (scenario s),  0 ≤ x₀ ≤ 10, yₛ ≥ 0: every scenario alike, so the
  /// optimum is x₀ = 5 with objective 10 − x₀ = 5 (a shortfall costs 2 per unit, buying ahead 1), and a sample
  /// of K of the S scenarios with its costs scaled by S / K is the same program. Without the scaling the
  /// sample's shortfall would cost 2K/S per unit, x₀ = 0 and its objective 10K/S.
  static func identicalScenarios(_ S: Int, firstStageUpper: Double = 10) throws -> (QuadraticProgram, BlockStructure) {
    var triplets: [(row: Int, column: Int, value: Double)] = []
    for s in 0..<S { triplets.append((s, 0, 1)); triplets.append((s, s + 1, 1)) }
    let A = try SparseMatrix(rows: S, columns: S + 1, triplets: triplets)
    let program = QuadraticProgram(linearCost: [1] + [Double](repeating: 2 / Double(S), count: S), constraintMatrix: A,
                                   rowLower: [Double](repeating: 5, count: S), rowUpper: [Double](repeating: .infinity, count: S),
                                   columnLower: [Double](repeating: 0, count: S + 1),
                                   columnUpper: [firstStageUpper] + [Double](repeating: .infinity, count: S))
    return (program, BlockStructure(columnBlocks: [0] + Array(1...S), rowBlocks: Array(1...S)))
  }

  @Test func aSampleWithItsCostsScaledEstimatesTheExpectation() throws {
    let (program, structure) = try Self.identicalScenarios(8_000)
    let result = try solve(program, structure: structure)
    #expect(result.termination == .optimal)
    #expect(abs(result.objective - 5) <= 1e-7 * 5, "\(result.objective)")
    #expect(abs(result.solution.x[0] - 5) <= 1e-6, "\(result.solution.x[0])")
    let sample = try #require(result.info.centreSample)
    #expect(sample.scenarios == 1_000 && sample.of == 8_000)
    #expect(sample.termination == .optimal)
    // Solved to 1e-6 (`SampleCentre.solve`).
    #expect(abs(sample.objective - 5) <= 1e-5 * 5, "the sample's objective \(sample.objective)")
    #expect(sample.seconds > 0 && sample.seconds <= result.info.setupSeconds)
  }

  /// Below 8,000 blocks, without a boxed first-stage column to pull, or with the option off there is no sample.
  @Test func noSampleBelowTheThresholdOrWhenTurnedOff() throws {
    let (small, smallStructure) = try Self.identicalScenarios(7_999)
    #expect(try solve(small, structure: smallStructure).info.centreSample == nil)
    let (unboxed, unboxedStructure) = try Self.identicalScenarios(8_000, firstStageUpper: .infinity)
    let unboxedResult = try solve(unboxed, structure: unboxedStructure)
    #expect(unboxedResult.info.centreSample == nil)
    #expect(abs(unboxedResult.objective - 5) <= 1e-7 * 5, "\(unboxedResult.objective)")
    let (program, structure) = try ScenarioStructuredTests.twoStage(scenarios: 8_000, seed: 7)
    var off = InteriorPointSettings()
    off.centreFromSample = false
    #expect(try solve(program, settings: off, structure: structure).info.centreSample == nil)
  }

  /// On random two-stage programs (scenarios that differ, so the sample's centre is off the optimum by
  /// a sampling error) the pull changes the path, not the answer: both solves `optimal` on the user's
  /// problem and the objectives equal to 1e-7 relative.
  @Test(arguments: [UInt64(3), 4])
  func thePullKeepsTheOptimum(seed: UInt64) throws {
    let (program, structure) = try ScenarioStructuredTests.twoStage(scenarios: 9_000, seed: seed, sharedPattern: seed == 4)
    var off = InteriorPointSettings()
    off.centreFromSample = false
    let pulled = try solve(program, structure: structure)
    let plain = try solve(program, settings: off, structure: structure)
    #expect(pulled.termination == .optimal)
    #expect(plain.termination == .optimal)
    #expect(pulled.info.centreSample?.scenarios == 1_000)
    #expect(abs(pulled.objective - plain.objective) <= 1e-7 * (1 + abs(plain.objective)),
            "\(pulled.objective) vs \(plain.objective)")
  }
}
