import Foundation

/// A first-stage guess from a sample of the scenarios, for the full solve's proximal pull (`ProximalPull`).
///
/// On programs with many scenario blocks the iterations grow with how far the first stage has to move
/// (with the first stage fixed, 1,000 to 30,000 generated scenarios take 24–29 iterations; free, 31 to 67).
/// A sample of K = 1,000 of the S blocks (`ScenarioSample`), solved first by the same solver, puts its
/// first-stage values near the full program's (a 1,000-scenario generated program's contracts are within
/// 11.6 % of a capacity of the 10,000-scenario one's). Pulled towards them, the full solve took 40
/// iterations instead of 57 at 10,000 scenarios and 59 instead of 79 at 100,000 (session 36,
/// `Benchmarks/RESULTS.md`). A sample of 100 was too far off (1,000 scenarios: 31 → 65 iterations); below
/// 8·K blocks the gain did not always pay for the sample's 33–49 iterations (4,000 scenarios: 52 → 33 and
/// 51 → 41 on two seeds, 6,000: 46 → 44), so only programs with at least 8,000 blocks are sampled.
enum SampleCentre {
  /// Scenario blocks in the sample.
  static let sampleBlocks = 1_000
  /// Programs with fewer scenario blocks are solved without a sample.
  static let minimumBlocks = 8_000

  /// Whether `solve` samples this program: the option is on, the scenario-structured backend will be used,
  /// there are at least `minimumBlocks` blocks and a first-stage column with a box to pull in.
  static func applies(to problem: QuadraticProgram, structure: BlockStructure?, settings: InteriorPointSettings) -> Bool {
    guard settings.centreFromSample, let structure, structure.scenarioCount >= minimumBlocks else { return false }
    let boxedFirstStage = structure.columnBlocks.indices.contains {
      structure.columnBlocks[$0] == 0 && problem.columnLower[$0].isFinite && problem.columnUpper[$0].isFinite
        && problem.columnLower[$0] < problem.columnUpper[$0]
    }
    guard boxedFirstStage else { return false }
    switch settings.linearSystem {
    case .scenarioStructured: return true
    case .automatic: return problem.hasDiagonalHessian
    case .normalEquations, .augmented: return false
    }
  }

  /// Solves the sample and returns its first-stage values in the full program's columns (NaN elsewhere);
  /// no centre when the sample did not reach `optimal` or `almostOptimal` (the full solve then goes without
  /// a pull). The sample is solved to 1e-6: a guess needs no more.
  static func solve(_ problem: QuadraticProgram, structure: BlockStructure,
                    settings: InteriorPointSettings) -> (centre: [Double]?, info: CentreSampleInfo)? {
    let started = DispatchTime.now()
    guard let sample = try? ScenarioSample(problem, structure: structure, blocks: sampleBlocks) else { return nil }
    var sampleSettings = settings
    sampleSettings.centreFromSample = false
    sampleSettings.verbose = false
    sampleSettings.feasibilityTolerance = max(settings.feasibilityTolerance, 1e-6)
    sampleSettings.gapTolerance = max(settings.gapTolerance, 1e-6)
    sampleSettings.linearSystem = .scenarioStructured
    guard let result = try? DeriskSolvers.solve(sample.program, settings: sampleSettings, structure: sample.structure)
    else { return nil }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    let info = CentreSampleInfo(scenarios: sample.keptBlocks.count, of: structure.scenarioCount,
                                termination: result.termination, iterations: result.info.iterations,
                                objective: result.objective, seconds: seconds)
    guard result.termination == .optimal || result.termination == .almostOptimal else { return (nil, info) }
    var centre = [Double](repeating: .nan, count: problem.columnCount)
    for (k, j) in sample.columnOrigin.enumerated() where structure.columnBlocks[j] == 0 {
      centre[j] = result.solution.x[k]
    }
    return (centre, info)
  }
}

/// The sample behind a solve's proximal centre (`InteriorPointSettings.centreFromSample`).
public struct CentreSampleInfo: Sendable, Hashable {
  /// Scenario blocks in the sample, and in the program.
  public var scenarios: Int, of: Int
  /// How the sample's solve ended.
  public var termination: TerminationStatus
  /// The sample's iterations.
  public var iterations: Int
  /// The sample's objective: with the kept blocks' costs scaled by S / K, an estimate of the program's.
  public var objective: Double
  /// Seconds to build and solve the sample (counted in the full solve's `setupSeconds`).
  public var seconds: Double
}
