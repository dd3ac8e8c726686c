import DeriskSolvers

/// Reports how far a long analysis has got: `done` of `total` solves, and what is being solved.
/// The CLI prints it on standard error as `k/N what`; library callers may ignore it.
public typealias AnalysisProgress = (_ done: Int, _ total: Int, _ what: String) -> Void

extension SourcingModel {
  /// Solves the model and returns the plan with the optimal first stage (contracts and reservations),
  /// so that analyses can hold it fixed. No VSS/EVPI.
  /// - Throws: ``SourcingError`` for an invalid model.
  func solveWithDecision(settings: InteriorPointSettings) throws -> (plan: SourcingPlan, decision: SourcingProgram.FirstStageDecision?) {
    var program = try program()
    let solution = try program.model.solveReleasingBuildData(settings: settings)
    let plan = try SourcingPlan(program: program, solution: solution)
    guard solution.primalStatus == .feasiblePoint else { return (plan, nil) }
    let decision = SourcingProgram.FirstStageDecision(
      contracts: try program.contract.map { try $0.map { try solution.value(of: $0) } },
      reservations: try program.reserve.map { try $0.map { try solution.value(of: $0) } ?? 0 })
    return (plan, decision)
  }

  /// The plan of a fixed first stage (contracts and reservations) with the recourse re-optimised in
  /// every scenario, each scenario's effects followed by `extraEffects`.
  ///
  /// The objective is the policy's E[C] + λ·ρ(C) with only the second stage free.
  /// - Throws: ``SourcingError`` for an invalid model or effect.
  func evaluate(decision: SourcingProgram.FirstStageDecision, extraEffects: [ScenarioEffect],
                settings: InteriorPointSettings) throws -> SourcingPlan {
    let parameters = scenarios.map { ScenarioParameters(model: self, effects: $0.effects + extraEffects) }
    var program = try SourcingProgram(sourcingModel: self, parameters: parameters, probabilities: scenarios.map(\.probability),
                                      scenarioNames: scenarios.map(\.name), fixedFirstStage: decision)
    let solution = try program.model.solveReleasingBuildData(settings: settings)
    return try SourcingPlan(program: program, solution: solution)
  }

  /// Display name of a corridor (its name, else its id).
  func corridorName(_ id: String) -> String { corridors.first { $0.id == id }?.name ?? id }
}

extension SourcingPlan {
  /// Whether the solver's answer can be read as a plan (optimal or almost optimal).
  public var isSolved: Bool { status == "optimal" || status == "almost_optimal" || status == "almostOptimal" }

  /// E[shortfall] of each material, tonnes: Σₛ pₛ σₘₛ.
  public var expectedShortfall: [String: Double] {
    var out: [String: Double] = [:]
    for s in scenarios { for m in s.materials { out[m.material, default: 0] += s.probability * m.shortfall } }
    return out
  }

  /// The largest shortfall of each material over the scenarios, tonnes.
  public var worstShortfall: [String: Double] {
    var out: [String: Double] = [:]
    for s in scenarios { for m in s.materials { out[m.material] = max(out[m.material] ?? 0, m.shortfall) } }
    return out
  }
}
