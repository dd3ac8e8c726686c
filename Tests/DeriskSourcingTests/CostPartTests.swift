import DeriskSolvers
import DeriskSourcing
import Testing

/// The cost of each scenario by part (`ScenarioOutcome.costParts`, read back through
/// `SourcingProgram.costPart`): the parts add up to the scenario's cost, the probability-weighted costs to
/// the expected cost, and the shortfall and spot parts equal what the plan's own tonnes cost at the
/// model's prices (penalty × shortfall, the scenario's spot price × spot tonnes), recomputed here.
struct CostPartTests {
  @Test func partsAddUpAndPriceThePlansTonnes() throws {
    let model = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 200, seed: 1)
    let plan = try model.solve(options: SourcingSolveOptions(valueOfInformation: false))
    #expect(plan.status == "optimal")
    let program = try model.program()
    var expected = 0.0
    let fees = plan.scenarios.map { $0.costParts["contract_fees"] ?? .nan }
    #expect(fees.allSatisfy { $0 == fees[0] } && fees[0] > 0, "contract fees differ between scenarios or are zero")
    for (s, outcome) in plan.scenarios.enumerated() {
      #expect(Set(outcome.costParts.keys) == Set(SourcingProgram.CostPart.allCases.map(\.rawValue)))
      let sum = outcome.costParts.values.reduce(0, +)
      #expect(abs(sum - outcome.cost) <= 1e-9 * max(1, abs(outcome.cost)), "scenario \(s): parts \(sum), cost \(outcome.cost)")
      var shortfall = 0.0, spot = 0.0
      for (m, material) in model.materials.enumerated() {
        let tonnes = try #require(outcome.materials.first { $0.material == material.id })
        shortfall += material.shortfallPenalty * tonnes.shortfall
        spot += program.parameters[s].spotPrice[m] * tonnes.spot
      }
      let tolerance = 1e-6 * max(1, outcome.cost)
      #expect(abs((outcome.costParts["shortfall"] ?? .nan) - shortfall) <= tolerance, "scenario \(s) shortfall part")
      #expect(abs((outcome.costParts["spot"] ?? .nan) - spot) <= tolerance, "scenario \(s) spot part")
      expected += outcome.probability * outcome.cost
    }
    #expect(abs(expected - plan.expectedCost) <= 1e-9 * abs(plan.expectedCost), "\(expected) vs \(plan.expectedCost)")
  }
}
