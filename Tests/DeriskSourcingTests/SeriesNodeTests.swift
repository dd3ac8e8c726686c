import DeriskSourcing
import Testing

/// A corridor that is a chain of legs: the program has no balance row at a node with one way in and one
/// way out, and the chain's legs share one flow variable, but the plan reads as if each leg had its own.
@Suite struct SeriesNodeTests {
  /// `handModel` with its single leg H → D split into H → G ($3/t, 1000 t) and G → D ($2/t, 80 t): the
  /// same $5/t and the same 80 t bottleneck, so every hand-worked figure of
  /// `HandSolvedTests.expectationTwoSuppliersOneCorridorTwoScenarios` holds, with the leg price on G → D.
  static func chainModel() -> SourcingModel {
    var model = handModel(feeB: 2, disruptedProbability: 0.2, policy: Policy(riskMeasure: .expectation))
    model.nodes.append(Node(id: "G"))
    model.legs.removeAll { $0.id == "LH" }
    model.legs.append(Leg(id: "LHG", from: "H", to: "G", capacity: 1000, cost: 3, days: 0))
    model.legs.append(Leg(id: "LGD", from: "G", to: "D", capacity: 80, cost: 2, days: 0))
    model.corridors = [Corridor(id: "main", legs: ["LHG", "LGD"])]
    return model
  }

  @Test func chainHasNoBalanceRowAndOneVariable() throws {
    let program = try Self.chainModel().program()
    let names = try program.model.constraints.map { try program.model.name(of: $0) }
    // G (one leg in, one out) and the origins OA, OB (one offer in, one leg out) are series nodes; the
    // hub H (two legs in) keeps its balance row.
    #expect(!names.contains { $0.hasPrefix("balance[G,") })
    #expect(!names.contains { $0.hasPrefix("balance[OA,") || $0.hasPrefix("balance[OB,") })
    #expect(names.filter { $0.hasPrefix("balance[H,") }.count == 2)
    let variables = try program.model.variables.map { try program.model.name(of: $0) }
    #expect(!variables.contains { $0.hasPrefix("flow[LGD,") || $0.hasPrefix("flow[LA,") || $0.hasPrefix("flow[LB,") })
    #expect(variables.filter { $0.hasPrefix("flow[LHG,") }.count == 2)
    // Both legs' capacity rows hold the chain's variable.
    for scenario in ["normal", "disrupted"] {
      let first = try #require(program.model.constraint(named: "leg[LHG,\(scenario)]"))
      let second = try #require(program.model.constraint(named: "leg[LGD,\(scenario)]"))
      #expect(try program.model.expression(of: first).variables == program.model.expression(of: second).variables)
    }
  }

  /// The hand-worked figures (see `HandSolvedTests`): objective 2880, leg G → D worth 39 $/t (34 normal,
  /// 5 disrupted), H → D's slack leg worth 0, the corridor 39, and both legs carrying 80 t in each scenario.
  @Test func chainKeepsTheHandWorkedOptimumAndPrices() throws {
    let plan = try Self.chainModel().solve()
    #expect(plan.status == "optimal")
    #expect(close(plan.objective, 2880))
    #expect(close(plan.contract("A"), 80, 1e-5))
    #expect(close(plan.contract("B"), 80, 1e-5))
    let bottleneck = try #require(plan.price(.legCapacity, "LGD"))
    #expect(close(bottleneck.value, 39, 1e-5))
    #expect(close(bottleneck.perScenario["normal"] ?? .nan, 34, 1e-5))
    #expect(close(bottleneck.perScenario["disrupted"] ?? .nan, 5, 1e-5))
    #expect(abs(try #require(plan.price(.legCapacity, "LHG")).value) < 1e-5)
    #expect(close(try #require(plan.price(.corridorCapacity, "main")).value, 39, 1e-5))
    for leg in ["LHG", "LGD"] {
      let flow = try #require(plan.legFlows.first { $0.leg == leg })
      #expect(close(flow.expectedTonnes, 80, 1e-5))
    }
    // The origin legs carry what A and B deliver: 0.8·80 from A, 0.2·80 from B.
    #expect(close(try #require(plan.legFlows.first { $0.leg == "LA" }).expectedTonnes, 64, 1e-5))
    #expect(close(try #require(plan.legFlows.first { $0.leg == "LB" }).expectedTonnes, 16, 1e-5))
  }
}
