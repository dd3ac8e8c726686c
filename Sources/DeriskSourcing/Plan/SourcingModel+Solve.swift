import DeriskScenarios
import DeriskSolvers
import Foundation

extension SourcingModel {
  /// Validates, builds the two-stage program, solves it and reads the plan back.
  ///
  /// The solver's outcome (optimal or not) is in ``SourcingPlan/status``; nothing the mathematics
  /// finds is thrown. VSS = EEV − RP and EVPI = RP − WS (Birge & Louveaux, ch. 4) use the same
  /// objective as RP: EEV fixes the first stage of the expected-value problem (every parameter
  /// replaced by its probability-weighted mean) and re-solves the scenarios; WS applies the risk
  /// objective to the per-scenario optimal costs, each scenario solved with perfect foresight.
  ///
  /// With `options.interiorPoint.verbose`, besides the solver's iteration log, each phase's wall time goes to
  /// standard error (building the program, solving it, reading the plan back, the value of information): on
  /// the generated 100,000-scenario benchmark about a quarter of `derisk solve`'s time is spent outside the
  /// solver (Benchmarks/RESULTS.md, session 32).
  /// - Throws: ``SourcingError`` for an invalid model.
  public func solve(options: SourcingSolveOptions = SourcingSolveOptions()) throws -> SourcingPlan {
    let phases = PhaseLog(enabled: options.interiorPoint.verbose)
    let (solved, parameters) = try solvedPlan(settings: options.interiorPoint, phases: phases)
    var plan = solved
    if options.valueOfInformation, plan.status == TerminationStatus.optimal.rawValue || plan.status == TerminationStatus.almostOptimal.rawValue {
      plan.valueOfInformation = try valueOfInformation(recourseObjective: plan.objective, parameters: parameters,
                                                       settings: options.interiorPoint)
      phases.mark("value of information (EEV and the wait-and-see solves)")
    }
    return plan
  }

  /// The recourse problem's plan, and the scenarios' parameters it was built from. The program and its
  /// solution live only in here, so that the value of information, which builds and solves a second
  /// program of the same size (EEV), does not hold them too (at 10,000 generated scenarios the peak resident
  /// set of `derisk solve` fell from 707 to 674 MB).
  private func solvedPlan(settings: InteriorPointSettings, phases: PhaseLog) throws -> (SourcingPlan, [ScenarioParameters]) {
    var program = try program()
    phases.mark("program built (\(program.model.constraintCount) rows, \(program.model.variableCount) columns)")
    // The plan reads the solution back by handle: the model's names and rows are not needed during the solve.
    // Nor are the scenarios' parameters, which the plan reads afterwards: they are dropped and computed
    // again from the model (`scenarioParameters()` built them), 3 KB per scenario that the solve's peak no
    // longer holds (0.3 GB at 100,000 scenarios).
    program.parameters = []
    // Computed by worker threads (`scenarioParameters()`), they were freed into those threads' malloc arenas,
    // which the solve's allocations on this thread do not reuse: at 30,000 scenarios the peak was 70 MB higher.
    releaseFreedMemory()
    let solution = try program.model.solveReleasingBuildData(settings: settings)
    phases.mark("solved (lowering, presolve and the interior point)")
    program.parameters = scenarioParameters()
    let plan = try SourcingPlan(program: program, solution: solution)
    phases.mark("plan read back (scenario parameters, flows, shadow prices, scenario costs)")
    return (plan, program.parameters)
  }

  /// EEV, WS, VSS and EVPI for the recourse-problem optimum `rp`.
  func valueOfInformation(recourseObjective rp: Double, parameters params: [ScenarioParameters],
                          settings: InteriorPointSettings) throws -> SourcingPlan.ValueOfInformation? {
    var neutral = self
    neutral.policy.riskMeasure = .expectation
    let p = scenarios.map(\.probability)
    // Expected-value problem.
    let ev = try SourcingProgram(sourcingModel: neutral, parameters: [ScenarioParameters.mean(params, weights: p)],
                                 probabilities: [1], scenarioNames: ["mean"])
    let evSolution = try ev.model.solve(settings: settings)
    guard evSolution.primalStatus == .feasiblePoint else { return nil }
    let decision = SourcingProgram.FirstStageDecision(
      contracts: try ev.contract.map { try $0.map { try evSolution.value(of: $0) } },
      reservations: try ev.reserve.map { try $0.map { try evSolution.value(of: $0) } ?? 0 })
    // EEV: with the first stage fixed, each scenario's recourse is a program of its own, and the risk
    // objective is nondecreasing in every scenario's cost (expectation, CVaR, worst case and the TV ball's
    // sup over distributions alike), so the fixed-plan stochastic program's optimum is the risk objective
    // of each scenario's least cost under that plan. Those are solved in groups like the wait-and-see
    // programs (at 100,000 generated scenarios the whole program took 16 s to build and 24 s to solve).
    guard let planned = try scenarioCosts(neutral, parameters: params, settings: settings, fixedFirstStage: decision)
    else { return nil }
    let expectedValuePlan = try riskObjective(costs: planned)
    guard let best = try waitAndSeeCosts(neutral, parameters: params, settings: settings) else { return nil }
    let waitAndSee = try riskObjective(costs: best)
    return .init(expectedValuePlanObjective: expectedValuePlan, waitAndSeeObjective: waitAndSee,
                 vss: expectedValuePlan - rp, evpi: rp - waitAndSee)
  }

  /// Each scenario's optimal cost with perfect foresight (the wait-and-see costs): scenario s's program
  /// alone, with probability 1 and the risk-neutral `neutral` model's policy (see `scenarioCosts`).
  package func waitAndSeeCosts(_ neutral: SourcingModel, parameters: [ScenarioParameters],
                               settings: InteriorPointSettings, groupSize: Int = 128) throws -> [Double]? {
    try scenarioCosts(neutral, parameters: parameters, settings: settings, fixedFirstStage: nil, groupSize: groupSize)
  }

  /// Each scenario's least cost, its program solved alone with probability 1 and the risk-neutral `neutral`
  /// model's policy: with perfect foresight (`fixedFirstStage` nil, the wait-and-see costs) or under the
  /// first stage `fixedFirstStage`. A cost is taken when its solve ends `optimal` or `almostOptimal` (the
  /// checks met at 1000× the tolerances). A plan's contracts can be tiny (the interior point leaves a
  /// contract at its bound of zero as 10⁻⁷ t), and the rows of the flows they feed, whose terms are then
  /// that small, are checked to 10⁻⁸ of their own size: three scenarios of a generated model ended
  /// `almostOptimal` so (relative gaps 3·10⁻¹⁰ to 1.2·10⁻⁷) until the normal equations dropped the pivots
  /// rounding made negative instead of raising their regularisation (`NormalEquationsSystem`); a cost that
  /// still ends `almostOptimal` is accurate to those tolerances.
  /// Nil when some scenario's solve ends otherwise (no feasible point, a limit, numerical trouble); the
  /// first error in scenario order is rethrown.
  ///
  /// The S programs are independent. They are solved `groupSize` at a time as one block-diagonal program
  /// (`solveSeparately`), each cost checked on its own program as a lone solve's would be: one iteration
  /// serves the group, and the setup, presolve and block plan are done once per group. The programs come
  /// from `OneScenarioPrograms`, which builds the first stage and the block builder's tables once (built
  /// from scratch, they were half the time of the value of information). The groups run in
  /// parallel on all cores, each cost written at its scenario's index, so the costs, and the risk objective
  /// summed from them in order, are the same for any number of threads. (One solve per scenario took 8 of
  /// the 20.8 s of a full `derisk solve` at 10,000 generated scenarios; groups of 128 take about 2 s.)
  /// They are not logged (`verbose` is off for them): the main solve's log stays readable. They run on
  /// Dispatch's threads, which the calling task's cancellation does not reach, so it is checked here between
  /// rounds of 16 groups (about half a second): a cancelled task gets nil (no value of information), as
  /// when a solve ended `cancelled`.
  package func scenarioCosts(_ neutral: SourcingModel, parameters: [ScenarioParameters], settings: InteriorPointSettings,
                             fixedFirstStage: SourcingProgram.FirstStageDecision?, groupSize: Int = 128) throws -> [Double]? {
    precondition(groupSize >= 1, "scenarioCosts: groups need at least one scenario")
    let count = parameters.count
    guard count > 0 else { return [] }
    let programsAlone = try OneScenarioPrograms(neutral, parameters: parameters, scenarioNames: scenarios.map(\.name),
                                                fixedFirstStage: fixedFirstStage)
    let quiet = { var quiet = settings; quiet.verbose = false; return quiet }()
    /// Each scenario's cost, or NaN when its program has no feasible point.
    var costs = [Double](repeating: .nan, count: count)
    var errors = [(any Error)?](repeating: nil, count: count)
    let groupsPerRound = 16
    let groupCount = (count + groupSize - 1) / groupSize
    for firstGroup in stride(from: 0, to: groupCount, by: groupsPerRound) {
      if Task.isCancelled { return nil }
      costs.withUnsafeMutableBufferPointer { costBuffer in
        errors.withUnsafeMutableBufferPointer { errorBuffer in
          let cost = DisjointWrites(costBuffer), failure = DisjointWrites(errorBuffer)
          forEachChunkInParallel(min(groupsPerRound, groupCount - firstGroup)) { k in
            let group = firstGroup + k
            let members = group * groupSize..<min(count, (group + 1) * groupSize)
            var programs: [QuadraticProgram] = []
            programs.reserveCapacity(members.count)
            for s in members {
              do {
                programs.append(try programsAlone.program(s))
              } catch {
                // The group is not solved; this scenario's error is the group's first in scenario order.
                failure[s] = error
                return
              }
            }
            do {
              for (s, result) in zip(members, try solveSeparately(programs, settings: quiet))
              where result.termination == .optimal || result.termination == .almostOptimal {
                cost[s] = result.objective
              }
            } catch {
              // Not expected: lowering validated each program, and the settings are the main solve's.
              failure[members.lowerBound] = error
            }
          }
        }
      }
    }
    if let error = errors.lazy.compactMap({ $0 }).first { throw error }
    return costs.contains(where: \.isNaN) ? nil : costs
  }

  /// The policy's objective evaluated at given scenario costs: E_p[C] + λ·ρ(C) (TV ball: sup_q E_q[C] + λ·sup_q CVaR^q_α(C)).
  public func riskObjective(costs: [Double]) throws -> Double {
    let p = scenarios.map(\.probability)
    let lambda = policy.riskAversion
    let mean = zip(p, costs).reduce(0.0) { $0 + $1.0 * $1.1 }
    switch policy.riskMeasure {
    case .expectation: return mean
    case .cvar: return mean + lambda * (try RiskMeasure.conditionalValueAtRisk(confidence: policy.cvarConfidence).evaluate(losses: costs, probabilities: p))
    case .worstCase: return mean + lambda * (try RiskMeasure.worstCase.evaluate(losses: costs, probabilities: p))
    case .tvBall:
      let set = AmbiguitySet.totalVariation(radius: policy.tvRadius)
      let e = try set.worstCaseExpectation(losses: costs, nominal: p).value
      return e + lambda * (try set.worstCaseCVaR(losses: costs, nominal: p, confidence: policy.cvarConfidence).value)
    }
  }
}
