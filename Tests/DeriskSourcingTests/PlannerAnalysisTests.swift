import DeriskSourcing
import Foundation
import Testing

/// Frontier, stress, value curve, appraisal and comparison on the hand-solved model (`handModel`);
/// every expected value is derived by hand in the comment above its test.
@Suite struct PlannerAnalysisTests {
  static let neutral = handModel(feeB: 2, disruptedProbability: 0.2, policy: Policy(riskMeasure: .expectation))

  /// Contracts fixed at cA = cB = 80 (fees 320 paid whatever fails).
  /// - A fails: both scenarios are "disrupted": B 80 over LH at 25 + spot 20 at 60 → 320 + 2000 + 1200 = 3520.
  /// - B fails: normal 2720 as planned; disrupted has neither: spot 50, short 50 → 320 + 3000 + 5000 = 8320;
  ///   E = 0.8·2720 + 0.2·8320 = 3840, E[short] = 0.2·50 = 10, worst 50.
  /// - LH (and corridor main) fails: nothing arrives: 8320 in both, E[short] = 50.
  /// - Country X = supplier A, leg LA = supplier A (its only way out).
  /// Margin of corridor main (80 t): spot has 30 t left after covering 20, so a shortfall starts when
  /// 80·δ > 30: δ* = 0.375 (bisection over 10 steps: within 2⁻¹⁰ above).
  @Test func stressFailsEachElementWithContractsFixed() throws {
    let stress = try Self.neutral.stressTest()
    #expect(close(stress.baseline.expectedCost, 2880, 1e-6))
    func outcome(_ kind: String, _ target: String) throws -> StressTest.StressOutcome {
      try #require(stress.failures.first { $0.kind == kind && $0.target == target })
    }
    #expect(close(try outcome("supplier", "A").expectedCost, 3520, 1e-6))
    #expect(abs(try outcome("supplier", "A").totalExpectedShortfall) < 1e-4)
    let b = try outcome("supplier", "B")
    #expect(close(b.expectedCost, 3840, 1e-6))
    #expect(close(b.expectedCostIncrease, 960, 1e-5))
    #expect(close(b.shortfall[0].expected, 10, 1e-5))
    #expect(close(b.shortfall[0].worst, 50, 1e-5))
    #expect(close(try outcome("leg", "LH").expectedCost, 8320, 1e-6))
    #expect(close(try outcome("corridor", "main").totalExpectedShortfall, 50, 1e-5))
    #expect(close(try outcome("country", "X").expectedCost, 3520, 1e-6))
    #expect(close(try outcome("leg", "LA").expectedCost, 3520, 1e-6))
    let margin = try #require(stress.corridorMargins.first)
    #expect(margin.capacity == 80)
    let share = try #require(margin.lossShare)
    #expect(share >= 0.375 - 1e-9 && share <= 0.375 + 1.0 / 1024 + 1e-9)
  }

  /// Independent of the stress code: supplier A failing with contracts fixed costs what the model
  /// without A costs at its own optimum (cB = 80 is optimal there too: B at 25 beats spot at 60; 3360)
  /// plus A's stranded fee 2·80 = 160.
  @Test func stressWithSupplierRemovedEqualsTheModelWithoutIt() throws {
    var withoutA = Self.neutral
    withoutA.suppliers.removeAll { $0.id == "A" }
    for s in withoutA.scenarios.indices { withoutA.scenarios[s].effects.removeAll { $0.supplier == "A" } }
    let reference = try withoutA.solve(options: SourcingSolveOptions(valueOfInformation: false))
    #expect(close(reference.expectedCost, 3360, 1e-6))
    let stress = try Self.neutral.stressTest(settings: StressSettings(bisectionSteps: 1))
    let a = try #require(stress.failures.first { $0.kind == "supplier" && $0.target == "A" })
    #expect(close(a.expectedCost, reference.expectedCost + 160, 1e-6))
  }

  /// λ = 0 and λ = 1 on handModel(feeB 5, q 0.05) with CVaR_0.9 (HandSolvedTests.cvarTailChangesTheDecision):
  /// (E, CVaR) = (2840, 5360) and (3000, 3360): B's contract goes 0 → 80 and the frontier moves left
  /// and up; leg LH (80 t, full in "normal" at both ends) binds at both points.
  @Test func frontierEndpointsAreTheHandSolvedPlans() throws {
    let model = handModel(feeB: 5, disruptedProbability: 0.05, policy: Policy(riskMeasure: .cvar, cvarConfidence: 0.9, riskAversion: 1))
    var seen: [Int] = []
    let frontier = try model.efficientFrontier(settings: FrontierSettings(points: 2, maxRiskAversion: 1)) { done, _, _ in seen.append(done) }
    #expect(frontier.points.map(\.riskAversion) == [0, 1])
    #expect(seen == [0, 1, 2])
    #expect(close(frontier.points[0].expectedCost, 2840, 1e-6))
    #expect(close(frontier.points[0].cvar, 5360, 1e-6))
    #expect(close(frontier.points[1].expectedCost, 3000, 1e-6))
    #expect(close(frontier.points[1].cvar, 3360, 1e-6))
    #expect(close(frontier.points[1].objective, 6360, 1e-6))
    #expect(frontier.points.allSatisfy { $0.binding.contains("leg LH capacity") })
  }

  /// The default geometric grid: 0, then 0.1 … 100 over 12 points rounded to 3 digits.
  @Test func frontierGridIsZeroThenGeometric() {
    let grid = FrontierSettings().riskAversions
    #expect(grid.count == 13)
    #expect(grid[0] == 0 && grid[1] == 0.1 && grid[12] == 100)
    #expect(close(grid[2], 0.1 * pow(1000, 1.0 / 11), 5e-3))   // 0.187
  }

  /// LH scaled by 0.5 (40 t): cA = cB = 40 (an A tonne replaces shortfall, then spot, in "normal"; a B
  /// tonne replaces shortfall in "disrupted", 0.2·75 = 15 > 2). Normal: 40·15 + 50·60 + 10·100 = 4600;
  /// disrupted: 40·25 + 3000 + 1000 = 5000; fees 160: z = 160 + 0.8·4600 + 0.2·5000 = 4840, saving −1960.
  /// Shadow price there: one more tonne of LH means cA + 1, cB + 1 (fees 4) replacing shortfall:
  /// 0.8·(100 − 15) + 0.2·(100 − 25) − 4 = 79. At ×1 the price is 39 (HandSolvedTests).
  @Test func valueCurvePointsAreSolvesWithTheScaledCapacity() throws {
    let curve = try Self.neutral.valueOfCapacity(.leg("LH"), settings: CapacityValueSettings(lower: 0.5, upper: 1, points: 2))
    #expect(curve.baseline == 80)
    #expect(close(curve.points[0].objective, 4840, 1e-6))
    #expect(close(curve.points[0].saving, -1960, 1e-5))
    #expect(close(curve.points[0].shadowPrice ?? .nan, 79, 1e-5))
    #expect(close(curve.points[1].objective, 2880, 1e-6))
    #expect(curve.points[1].saving == 0)
    #expect(close(curve.points[1].shadowPrice ?? .nan, 39, 1e-5))
    // Slope between the points: (4840 − 2880)/40 = 49 $/t.
    #expect(close(curve.points[0].slope ?? .nan, 49, 1e-5))
    let scaled = try Self.neutral.scaling(.leg("LH"), by: 0.5).solve(options: SourcingSolveOptions(valueOfInformation: false))
    #expect(close(scaled.objective, curve.points[0].objective, 1e-9))
  }

  /// CRF(5 %, 10) = 0.05/(1 − 1.05⁻¹⁰) = 0.129504575 (1.05¹⁰ = 1.628894627); CRF(0, 10) = 0.1.
  /// Saving 1960 (LH from 40 to 80 t, see above) against K = 10 000: at 5 % A = 1295.05 pays; at 20 %
  /// CRF = 0.2/(1 − 1.2⁻¹⁰) = 0.238522757, A = 2385.23 does not. Break-even at 5 %: 1960/0.1295 = 15 134.6.
  @Test func investmentAppraisalUsesTheCapitalRecoveryFactor() throws {
    #expect(close(InvestmentAppraisal.capitalRecoveryFactor(rate: 0.05, years: 10), 0.129504575, 1e-8))
    #expect(InvestmentAppraisal.capitalRecoveryFactor(rate: 0, years: 10) == 0.1)
    let a = try InvestmentAppraisal(investment: Investment(capitalCost: 10_000, lifetimeYears: 10, multiplier: 2,
                                                           financing: [Financing(name: "concessional", rate: 0.05), Financing(name: "export credit", rate: 0.2)]),
                                    objectiveSaving: 1960, expectedCostSaving: 1960)
    #expect(close(a.options[0].annualisedCost, 1295.04575, 1e-7))
    #expect(a.options[0].pays)
    #expect(close(a.options[1].annualisedCost, 2385.22757, 1e-7))
    #expect(!a.options[1].pays)
    #expect(close(a.options[0].breakEvenCapitalCost, 1960 / 0.129504575, 1e-7))
    #expect(throws: SourcingError.self) {
      try InvestmentAppraisal(investment: Investment(capitalCost: 1, lifetimeYears: 0.5, multiplier: 2, financing: [Financing(name: "x", rate: 0.05)]),
                              objectiveSaving: 0, expectedCostSaving: 0)
    }
  }

  /// The neutral and the CVaR plan of handModel(feeB 5, q 0.05): objectives 2840 and 6360, B's
  /// contract 0 and 80 (HandSolvedTests); a plan read back from its JSON compares equal to itself.
  @Test func comparisonAndPlanJSONRoundTrip() throws {
    let a = try handModel(feeB: 5, disruptedProbability: 0.05, policy: Policy(riskMeasure: .expectation)).solve()
    let b = try handModel(feeB: 5, disruptedProbability: 0.05, policy: Policy(riskMeasure: .cvar, cvarConfidence: 0.9, riskAversion: 1)).solve()
    let c = PlanComparison(a, named: "neutral", b, named: "averse")
    let objective = try #require(c.summary.first { $0.name == "objective" })
    #expect(close(objective.difference, 6360 - 2840, 1e-6))
    let contractB = try #require(c.contracts.first { $0.name == "B/m" })
    #expect(close(contractB.difference, 80, 1e-5))
    let decoded = try SourcingPlan.decode(json: try b.json(), path: "b.json")
    #expect(decoded == b)
    #expect(throws: SourcingError.self) { try SourcingPlan.decode(json: "{}", path: "x.json") }
  }

  /// Unknown targets and bad settings throw with the place named.
  @Test func badAnalysisInputThrows() {
    #expect(throws: SourcingError(path: "--leg", message: "unknown leg \"NOPE\"")) { try Self.neutral.valueOfCapacity(.leg("NOPE")) }
    #expect(throws: SourcingError.self) { try Self.neutral.efficientFrontier(settings: FrontierSettings(points: 1)) }
    #expect(throws: SourcingError.self) { try Self.neutral.valueOfCapacity(.leg("LH"), settings: CapacityValueSettings(lower: 2, upper: 1)) }
  }

  /// The plan's report: key figures equal the plan's numbers (rounded to whole units), every chart is a
  /// complete SVG, the HTML holds the charts inline and loads nothing from outside.
  @Test func planReportCarriesThePlanNumbersAndSelfContainedCharts() throws {
    let plan = try Self.neutral.solve()
    let doc = plan.report(model: Self.neutral)
    #expect(doc.markdown.contains("| Expected cost E[C] | 2,880 |"))
    #expect(doc.markdown.contains("| VSS | 800 |"))   // HandSolvedTests: VSS = 800
    #expect(Set(doc.charts.map(\.file)) == ["allocation-by-country.svg", "allocation-by-corridor.svg", "scenario-costs.svg", "flows.svg"])
    for chart in doc.charts {
      #expect(chart.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
      #expect(chart.svg.contains("</svg>"))
    }
    let html = doc.html
    #expect(html.components(separatedBy: "<svg ").count - 1 == 4)
    #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("<script"))
  }
}
