import DeriskScenarios
import DeriskSolvers

extension SourcingModel {
  /// Validates, builds the two-stage program, solves it and reads the plan back.
  ///
  /// The solver's outcome (optimal or not) is in ``SourcingPlan/status``; nothing the mathematics
  /// finds is thrown. VSS = EEV − RP and EVPI = RP − WS (Birge & Louveaux, ch. 4) use the same
  /// objective as RP: EEV fixes the first stage of the expected-value problem (every parameter
  /// replaced by its probability-weighted mean) and re-solves the scenarios; WS applies the risk
  /// objective to the per-scenario optimal costs, each scenario solved with perfect foresight.
  /// - Throws: ``SourcingError`` for an invalid model.
  public func solve(options: SourcingSolveOptions = SourcingSolveOptions()) throws -> SourcingPlan {
    var program = try program()
    // The plan reads the solution back by handle: the model's names and rows are not needed during the solve.
    // Nor are the scenarios' parameters, which the plan reads afterwards: they are dropped and computed
    // again from the model (`scenarioParameters()` built them), 3 KB per scenario that the solve's peak no
    // longer holds (0.3 GB at 100,000 scenarios).
    program.parameters = []
    let solution = try program.model.solveReleasingBuildData(settings: options.interiorPoint)
    program.parameters = scenarioParameters()
    var plan = try SourcingPlan(program: program, solution: solution)
    if options.valueOfInformation, plan.status == TerminationStatus.optimal.rawValue || plan.status == TerminationStatus.almostOptimal.rawValue {
      plan.valueOfInformation = try valueOfInformation(recourseObjective: plan.objective, program: program, settings: options.interiorPoint)
    }
    return plan
  }

  /// EEV, WS, VSS and EVPI for the recourse-problem optimum `rp`.
  func valueOfInformation(recourseObjective rp: Double, program: SourcingProgram,
                          settings: InteriorPointSettings) throws -> SourcingPlan.ValueOfInformation? {
    var neutral = self
    neutral.policy.riskMeasure = .expectation
    let p = scenarios.map(\.probability)
    let params = program.parameters
    // Expected-value problem.
    let ev = try SourcingProgram(sourcingModel: neutral, parameters: [ScenarioParameters.mean(params, weights: p)],
                                 probabilities: [1], scenarioNames: ["mean"])
    let evSolution = try ev.model.solve(settings: settings)
    guard evSolution.primalStatus == .feasiblePoint else { return nil }
    let decision = SourcingProgram.FirstStageDecision(
      contracts: try ev.contract.map { try $0.map { try evSolution.value(of: $0) } },
      reservations: try ev.reserve.map { try $0.map { try evSolution.value(of: $0) } ?? 0 })
    let eev = try SourcingProgram(sourcingModel: self, parameters: params, probabilities: p,
                                  scenarioNames: scenarios.map(\.name), fixedFirstStage: decision)
    let eevSolution = try eev.model.solve(settings: settings)
    guard eevSolution.primalStatus == .feasiblePoint else { return nil }
    // Wait and see.
    var best: [Double] = []
    for (s, par) in params.enumerated() {
      let ws = try SourcingProgram(sourcingModel: neutral, parameters: [par], probabilities: [1], scenarioNames: [scenarios[s].name])
      let sol = try ws.model.solve(settings: settings)
      guard sol.primalStatus == .feasiblePoint else { return nil }
      best.append(sol.objective)
    }
    let waitAndSee = try riskObjective(costs: best)
    return .init(expectedValuePlanObjective: eevSolution.objective, waitAndSeeObjective: waitAndSee,
                 vss: eevSolution.objective - rp, evpi: rp - waitAndSee)
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
