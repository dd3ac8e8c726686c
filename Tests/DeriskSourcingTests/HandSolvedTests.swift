import DeriskSourcing
import Testing

/// Small models solved by hand (see `handModel` for the data).
@Suite struct HandSolvedTests {
  /// Expectation, feeB = 2, q = 0.2.
  ///
  /// Normal: A ships at 10 + 5 = 15 $/t up to the leg's 80 t, the other 20 t come from spot at 60.
  /// Each contracted A tonne (fee 2) saves 0.8·(25 − 15) = 8 against B, so cA = 80 (more is useless:
  /// the leg holds 80). Disrupted: A is gone; a B tonne replaces shortfall (100) for the first 50 t and
  /// spot (60) for the next 30, saving 0.2·75 = 15 and 0.2·35 = 7 > 2, so cB = 80.
  /// C(normal) = 2·160 + 80·15 + 20·60 = 2720; C(disrupted) = 320 + 80·25 + 20·60 = 3520;
  /// E[C] = 0.8·2720 + 0.2·3520 = 2880.
  /// Leg LH: one more tonne lets A (normal) and B (disrupted) replace spot: 0.8·45 + 0.2·35 − 2 − 2 = 39,
  /// split by the duals as normal 0.8·(60 − 15 − 2/0.8) = 34 and disrupted 0.2·(60 − 25 − 2/0.2) = 5.
  /// Demand: one more tonne is bought spot in both scenarios: 60 (48 + 12).
  /// VSS: the mean scenario has A at 80 t, so the EV plan is cA = 80, cB = 0; evaluated: C = 2560 and
  /// 160 + 50·60 + 50·100 = 8160, EEV = 0.8·2560 + 0.2·8160 = 3680, VSS = 800.
  /// EVPI: wait-and-see costs 2560 (A only) and 160 + 2000 + 1200 = 3360; WS = 2720, EVPI = 160.
  @Test func expectationTwoSuppliersOneCorridorTwoScenarios() throws {
    let model = handModel(feeB: 2, disruptedProbability: 0.2, policy: Policy(riskMeasure: .expectation))
    let plan = try model.solve()
    #expect(plan.status == "optimal")
    #expect(close(plan.objective, 2880))
    #expect(close(plan.expectedCost, 2880))
    #expect(close(plan.contract("A"), 80, 1e-5))
    #expect(close(plan.contract("B"), 80, 1e-5))
    #expect(close(plan.cost("normal"), 2720, 1e-6))
    #expect(close(plan.cost("disrupted"), 3520, 1e-6))
    let leg = try #require(plan.price(.legCapacity, "LH"))
    #expect(close(leg.value, 39, 1e-5))
    #expect(close(leg.perScenario["normal"] ?? .nan, 34, 1e-5))
    #expect(close(leg.perScenario["disrupted"] ?? .nan, 5, 1e-5))
    let corridor = try #require(plan.price(.corridorCapacity, "main"))
    #expect(close(corridor.value, 39, 1e-5))
    let demand = try #require(plan.price(.demand, "m"))
    #expect(close(demand.value, 60, 1e-5))
    #expect(close(demand.perScenario["normal"] ?? .nan, 48, 1e-5))
    let voi = try #require(plan.valueOfInformation)
    #expect(close(voi.expectedValuePlanObjective, 3680, 1e-6))
    #expect(close(voi.vss, 800, 1e-5))
    #expect(close(voi.waitAndSeeObjective, 2720, 1e-6))
    #expect(close(voi.evpi, 160, 1e-5))
    // Disrupted: 80 t supplied over the leg, 20 t spot, no shortfall.
    let disrupted = try #require(plan.scenarios.first { $0.scenario == "disrupted" })
    #expect(close(disrupted.materials[0].spot, 20, 1e-5))
    #expect(abs(disrupted.materials[0].shortfall) < 1e-5)
  }

  /// feeB = 5, q = 0.05: the tail changes the decision.
  ///
  /// Expectation: a B tonne saves at most 0.05·75 = 3.75 < 5, so cB = 0, cA = 80:
  /// C(normal) = 160 + 1200 + 1200 = 2560, C(disrupted) = 160 + 50·60 + 50·100 = 8160,
  /// E = 0.95·2560 + 0.05·8160 = 2840.
  /// E + CVaR_0.9 (λ = 1): the tail mass 0.1 is half "disrupted", half "normal", so a B tonne saves
  /// (0.05 + 0.5)·75 = 41.25 (first 50 t) or (0.05 + 0.5)·35 = 19.25 (next 30 t), against a fee that
  /// raises both E and CVaR: 5 + 5 = 10. So cB = 80, cA = 80 (an A tonne still saves 0.95·10 − 2 > 0
  /// and 0.5·10 − 2 > 0). Fees 560: C(normal) = 560 + 1200 + 1200 = 2960, C(disrupted) = 560 + 2000 +
  /// 1200 = 3760; E = 0.95·2960 + 0.05·3760 = 3000; VaR_0.9 = 2960 (P(C ≤ 2960) = 0.95 ≥ 0.9);
  /// CVaR = (0.05·3760 + 0.05·2960)/0.1 = 3360; objective 6360.
  @Test func cvarTailChangesTheDecision() throws {
    let neutral = try handModel(feeB: 5, disruptedProbability: 0.05, policy: Policy(riskMeasure: .expectation)).solve()
    #expect(neutral.status == "optimal")
    #expect(close(neutral.objective, 2840))
    #expect(abs(neutral.contract("B")) < 1e-4)
    #expect(close(neutral.contract("A"), 80, 1e-5))

    let averse = try handModel(feeB: 5, disruptedProbability: 0.05,
                               policy: Policy(riskMeasure: .cvar, cvarConfidence: 0.9, riskAversion: 1)).solve()
    #expect(averse.status == "optimal")
    #expect(close(averse.objective, 6360))
    #expect(close(averse.contract("B"), 80, 1e-5))
    #expect(close(averse.contract("A"), 80, 1e-5))
    #expect(close(averse.expectedCost, 3000, 1e-6))
    #expect(close(averse.valueAtRisk, 2960, 1e-6))
    #expect(close(averse.cvar, 3360, 1e-6))
    #expect(averse.tailScenarios.map(\.scenario) == ["disrupted", "normal"])
    #expect(close(averse.tailScenarios[0].weight, 0.5, 1e-9))
  }
}
