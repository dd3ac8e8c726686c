import DeriskSolvers
import DeriskSourcing
import Testing

/// EEV, the risk objective of the expected-value plan: `solve` computes it from each scenario's least cost
/// under that plan, each scenario's program solved on its own (in groups, `solveSeparately`). The
/// definition (Birge & Louveaux, ch. 4) is the optimum of the stochastic program with the first stage
/// fixed at the plan; this builds and solves that program and checks that the two agree to 1e-7 relative,
/// for every risk measure (each is nondecreasing in every scenario's cost, which is what makes them equal),
/// on generated models, one with zero-probability scenarios and one whose expected-value plan has contracts
/// of 10⁻⁷ t. The fixed-plan program is a hard one for the interior point: flows that are zero at the
/// optimum sit in balance rows checked to 10⁻⁸ of their own (tiny) size, and over seeds 10–45 of this
/// generator at 25 scenarios, with the expectation and CVaR objectives, 5 of 72 such programs end
/// `almostOptimal` (2026-12-03; 10 of 72 before presolve dropped implied rows, 15 of 72 after it and before
/// the block factorizations dropped interior pivots; which ones moves with rounding, see
/// `BlockPivotDroppingTests`).
/// Their EEV, from each scenario's own program, is not affected.
struct ExpectedValuePlanTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var scenarios: Int, seed: UInt64, measure: PolicyRiskMeasure, zeroProbabilities = false
    var testDescription: String { "S=\(scenarios) seed=\(seed) \(measure.rawValue)\(zeroProbabilities ? " with p = 0" : "")" }
  }

  static let cases: [Case] = [
    Case(scenarios: 12, seed: 12, measure: .cvar),
    Case(scenarios: 25, seed: 16, measure: .expectation),
    Case(scenarios: 8, seed: 14, measure: .worstCase),
    Case(scenarios: 10, seed: 15, measure: .tvBall),
    Case(scenarios: 24, seed: 31, measure: .cvar, zeroProbabilities: true),
  ]

  /// The definition: the stochastic program with its first stage fixed at the expected-value problem's
  /// (the mean scenario, risk-neutral).
  static func fixedAtExpectedValuePlan(_ model: SourcingModel) throws -> SourcingProgram {
    let parameters = model.scenarioParameters()
    let p = model.scenarios.map(\.probability)
    var neutral = model
    neutral.policy.riskMeasure = .expectation
    let ev = try SourcingProgram(sourcingModel: neutral, parameters: [ScenarioParameters.mean(parameters, weights: p)],
                                 probabilities: [1], scenarioNames: ["mean"])
    let evSolution = try ev.model.solve()
    #expect(evSolution.termination == .optimal)
    let decision = SourcingProgram.FirstStageDecision(
      contracts: try ev.contract.map { try $0.map { try evSolution.value(of: $0) } },
      reservations: try ev.reserve.map { try $0.map { try evSolution.value(of: $0) } ?? 0 })
    return try SourcingProgram(sourcingModel: model, parameters: parameters, probabilities: p,
                               scenarioNames: model.scenarios.map(\.name), fixedFirstStage: decision)
  }

  @Test(arguments: cases)
  func eevEqualsTheFixedPlanStochasticProgram(_ c: Case) throws {
    var model = try InstanceGenerator.generate(materials: 3, suppliers: 8, corridors: 4, scenarios: c.scenarios, seed: c.seed)
    model.policy.riskMeasure = c.measure
    if c.zeroProbabilities {
      for k in stride(from: 0, to: model.scenarios.count, by: 4) { model.scenarios[k].probability = 0 }
      let total = model.scenarios.reduce(0) { $0 + $1.probability }
      for k in model.scenarios.indices { model.scenarios[k].probability /= total }
    }
    let plan = try model.solve()
    let valueOfInformation = plan.valueOfInformation

    let definition = try Self.fixedAtExpectedValuePlan(model).model.solve()
    // Seed 12's plan holds contracts of 10⁻⁷ t (zero, to the interior point's accuracy) and one of 0.004 t.
    // The fixed-plan program ends `almostOptimal` with them (the rows of flows that small are checked to 10⁻⁸
    // of their own size), and session 19's EEV, that program's solve, was missing.
    #expect(definition.termination == .optimal || (c.seed == 12 && definition.termination == .almostOptimal))
    let reported = try #require(valueOfInformation).expectedValuePlanObjective
    #expect(abs(reported - definition.objective) <= 1e-7 * abs(definition.objective),
            "EEV \(reported) from the scenarios' own programs, \(definition.objective) from the fixed-plan program")
    // The recourse problem's optimum is no larger (VSS ≥ 0), and the plan says so.
    #expect(plan.objective <= definition.objective * (1 + 1e-7))
  }
}
