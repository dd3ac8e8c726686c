import DeriskSolvers
import DeriskTestSupport
import Testing

/// The scenario-structured backend against the general one on random two-stage programs.
struct ScenarioStructuredTests {
  /// A random feasible, bounded two-stage LP with S scenarios:
  ///   min c₀ᵀx₀ + Σₛ pₛ qₛᵀyₛ  s.t.  A₀x₀ ≤ b₀ (first stage),  Tₛx₀ + Wₛyₛ ≥ hₛ,  one equality row per
  ///   scenario, ranged rows, 0 ≤ x₀ ≤ 10, yₛ ≥ 0 (a few free), costs > 0 on bounded-below columns.
  /// Feasible by construction (h is built from a known point minus a margin); bounded because every
  /// column with a negative-direction freedom has a row pinning it. With `sharedPattern` every scenario
  /// has the same sparsity (drawn once) and its own values, so the structured backend batches blocks
  /// together (full batches and a partial one when S is not a multiple of the batch width).
  static func twoStage(scenarios S: Int, firstStage n0: Int = 4, recourse ny: Int = 6, rows my: Int = 5,
                       seed: UInt64, sharedPattern: Bool = false) throws -> (QuadraticProgram, BlockStructure) {
    var rng = SplitMix64(seed: seed)
    var patternRNG = SplitMix64(seed: seed &+ 1000)
    var triplets: [(row: Int, column: Int, value: Double)] = []
    var cost: [Double] = [], lower: [Double] = [], upper: [Double] = []
    var rowLower: [Double] = [], rowUpper: [Double] = []
    var columnBlocks: [Int] = [], rowBlocks: [Int] = []
    let x0 = (0..<n0).map { _ in rng.uniform(1, 5) }
    for _ in 0..<n0 {
      cost.append(rng.uniform(0.5, 2)); lower.append(0); upper.append(10); columnBlocks.append(0)
    }
    // First-stage row: Σ x₀ ≤ Σ x̂₀ + 5.
    for j in 0..<n0 { triplets.append((0, j, 1)) }
    rowLower.append(-.infinity); rowUpper.append(x0.reduce(0, +) + 5); rowBlocks.append(0)
    var probabilities = (0..<S).map { _ in rng.uniform(0.2, 1) }
    let total = probabilities.reduce(0, +)
    probabilities = probabilities.map { $0 / total }
    for s in 0..<S {
      if sharedPattern { patternRNG = SplitMix64(seed: seed &+ 1000) }
      let columnBase = cost.count
      let y = (0..<ny).map { _ in rng.uniform(0.5, 3) }
      for k in 0..<ny {
        cost.append(probabilities[s] * rng.uniform(0.5, 3))
        lower.append(0); upper.append(k == ny - 1 ? 50 : .infinity); columnBlocks.append(s + 1)
      }
      for r in 0..<my {
        let row = rowLower.count
        var activity = 0.0
        for j in 0..<n0 where (sharedPattern ? patternRNG.uniform(0, 1) : rng.uniform(0, 1)) < 0.5 {
          let v = rng.uniform(-1, 1)
          triplets.append((row, j, v)); activity += v * x0[j]
        }
        for k in 0..<ny where (sharedPattern ? patternRNG.uniform(0, 1) : rng.uniform(0, 1)) < 0.5 || k == r % ny {
          let v = rng.uniform(0.2, 2)
          triplets.append((row, columnBase + k, v)); activity += v * y[k]
        }
        if r == 0 {
          rowLower.append(activity); rowUpper.append(activity)          // an equality
        } else if r == 1 {
          rowLower.append(activity - 1); rowUpper.append(activity + 3)  // a ranged row
        } else {
          rowLower.append(activity - rng.uniform(0, 2)); rowUpper.append(.infinity)
        }
        rowBlocks.append(s + 1)
      }
    }
    let A = try SparseMatrix(rows: rowLower.count, columns: cost.count, triplets: triplets)
    let problem = QuadraticProgram(name: "two-stage-\(S)-\(seed)", linearCost: cost, constraintMatrix: A,
                                   rowLower: rowLower, rowUpper: rowUpper, columnLower: lower, columnUpper: upper)
    return (problem, BlockStructure(columnBlocks: columnBlocks, rowBlocks: rowBlocks))
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var scenarios: Int, seed: UInt64, sharedPattern = false
    var testDescription: String { "S=\(scenarios) seed=\(seed)\(sharedPattern ? " shared pattern" : "")" }
  }

  @Test(arguments: [Case(scenarios: 1, seed: 1), Case(scenarios: 3, seed: 2), Case(scenarios: 20, seed: 3),
                    Case(scenarios: 50, seed: 4), Case(scenarios: 7, seed: 5),
                    Case(scenarios: 3, seed: 6, sharedPattern: true), Case(scenarios: 4, seed: 7, sharedPattern: true),
                    Case(scenarios: 23, seed: 8, sharedPattern: true)])
  func structuredAgreesWithGeneral(_ c: Case) throws {
    let (problem, structure) = try Self.twoStage(scenarios: c.scenarios, seed: c.seed, sharedPattern: c.sharedPattern)
    try Self.expectStructuredAgreesWithGeneral(problem, structure)
  }

  /// Solves `problem` with the normal equations and with the scenario backend on `structure`, expects both
  /// `optimal` and their objectives equal to 1e-7 relative; returns the normal equations' objective.
  @discardableResult
  static func expectStructuredAgreesWithGeneral(_ problem: QuadraticProgram, _ structure: BlockStructure) throws -> Double {
    var general = InteriorPointSettings()
    general.linearSystem = .normalEquations
    let reference = try solve(problem, settings: general)
    var structuredSettings = InteriorPointSettings()
    structuredSettings.linearSystem = .scenarioStructured
    let structured = try solve(problem, settings: structuredSettings, structure: structure)
    #expect(reference.termination == .optimal)
    #expect(structured.termination == .optimal)
    #expect(structured.info.linearSystem.hasPrefix("scenario-structured"))
    #expect(abs(structured.objective - reference.objective) <= 1e-7 * max(1, abs(reference.objective)),
            "\(structured.objective) vs \(reference.objective)")
    return reference.objective
  }

  /// A diagonal P̄ (a small quadratic cost on every recourse column) goes through the scenario backend, whose
  /// lane-contiguous order renumbers P̄ with the columns (`StandardForm.permute`) and its own copy of diag(P̄):
  /// the structured and general backends agree on the objective to 1e-7, with full batches (23 scenarios of
  /// one pattern: two full batches and a partial one) and without.
  @Test(arguments: [Case(scenarios: 20, seed: 3), Case(scenarios: 23, seed: 8, sharedPattern: true)])
  func diagonalQuadraticCostAgreesWithGeneral(_ c: Case) throws {
    let (linear, structure) = try Self.twoStage(scenarios: c.scenarios, seed: c.seed, sharedPattern: c.sharedPattern)
    var rng = SplitMix64(seed: c.seed &+ 77)
    let diagonal = structure.columnBlocks.enumerated().filter { $0.element > 0 }.map { (row: $0.offset, column: $0.offset,
                                                                                      value: rng.uniform(0.01, 0.1)) }
    let n = linear.columnCount
    let problem = QuadraticProgram(name: linear.name + "-qp", linearCost: linear.linearCost,
                                   hessian: try SparseMatrix(rows: n, columns: n, triplets: diagonal),
                                   constraintMatrix: linear.constraintMatrix, rowLower: linear.rowLower,
                                   rowUpper: linear.rowUpper, columnLower: linear.columnLower, columnUpper: linear.columnUpper)
    let reference = try Self.expectStructuredAgreesWithGeneral(problem, structure)
    // The quadratic term is not negligible: the LP's optimum differs.
    var general = InteriorPointSettings()
    general.linearSystem = .normalEquations
    let lp = try solve(linear, settings: general)
    #expect(abs(lp.objective - reference) > 1e-4 * max(1, abs(reference)))
  }

  /// An iteration trusted on the margin of the previous iteration's check (`checkEveryFactorization` false,
  /// the default) skips a check that would have passed: the solve ends where the one that checks every
  /// factorization ends, and the skipped checks are counted.
  @Test(arguments: [Case(scenarios: 50, seed: 4), Case(scenarios: 23, seed: 8, sharedPattern: true)])
  func checksSkippedOnThePreviousMarginLeaveTheSolveAsItWas(_ c: Case) throws {
    let (problem, structure) = try Self.twoStage(scenarios: c.scenarios, seed: c.seed, sharedPattern: c.sharedPattern)
    var settings = InteriorPointSettings()
    settings.linearSystem = .scenarioStructured
    let trusting = try solve(problem, settings: settings, structure: structure)
    settings.checkEveryFactorization = true
    let checking = try solve(problem, settings: settings, structure: structure)
    #expect(trusting.termination == .optimal)
    #expect(checking.termination == .optimal)
    #expect(trusting.info.newtonSolveChecksSkipped > 0)
    #expect(trusting.info.newtonSolveChecksSkipped <= (trusting.info.iterations + 1) / 2)   // never two running
    #expect(checking.info.newtonSolveChecksSkipped == 0)
    #expect(checking.info.newtonSolveChecks >= checking.info.iterations)
    #expect(checking.info.newtonSolveChecks - trusting.info.newtonSolveChecks >= trusting.info.newtonSolveChecksSkipped)
    #expect(abs(trusting.objective - checking.objective) <= 1e-9 * max(1, abs(checking.objective)))
  }

  @Test func automaticPicksTheStructuredBackendWhenGivenBlocks() throws {
    let (problem, structure) = try Self.twoStage(scenarios: 4, seed: 9)
    let result = try solve(problem, structure: structure)
    #expect(result.info.linearSystem.hasPrefix("scenario-structured"))
    let plain = try solve(problem)
    #expect(plain.info.linearSystem.hasPrefix("normal equations"))
  }

  @Test func structureThatDoesNotMatchIsRejected() throws {
    let (problem, structure) = try Self.twoStage(scenarios: 2, seed: 11)
    var wrong = structure
    // Put a scenario-1 column into scenario 2: its rows (scenario 1) now touch another scenario's column.
    if let j = wrong.columnBlocks.firstIndex(of: 1) { wrong.columnBlocks[j] = 2 }
    #expect(throws: ProblemError.self) { try solve(problem, structure: wrong) }
    var settings = InteriorPointSettings()
    settings.linearSystem = .scenarioStructured
    #expect(throws: ProblemError.self) { try solve(problem, settings: settings) }
  }
}
