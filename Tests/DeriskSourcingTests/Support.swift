import DeriskSourcing
import Foundation
import Testing

/// |a − b| ≤ tol · max(1, |b|).
func close(_ a: Double, _ b: Double, _ tol: Double = 1e-6) -> Bool { abs(a - b) <= tol * max(1, abs(b)) }

/// Tests/Fixtures/sourcing, found from this file's path.
let sourcingFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().appendingPathComponent("Fixtures/sourcing")

/// The hand-solved network: suppliers A (country X, origin OA) and B (country Y, origin OB) feed a hub H;
/// one corridor "main" is the single leg LH: H → D (80 t/yr, $5/t, 0 days). One material "m": demand
/// 100 t, shortfall $100/t, spot $60/t up to 50 t, value 0 (no pipeline cost). A: 100 t at $10/t,
/// fee $2/t; B: 100 t at $20/t, fee `feeB`. Scenario "normal" (1 − q) and "disrupted" (q): A's
/// capacity ×0.
func handModel(feeB: Double, disruptedProbability q: Double, policy: Policy) -> SourcingModel {
  SourcingModel(
    name: "hand", destination: "D",
    materials: [Material(id: "m", valuePerTonne: 0, demand: 100, shortfallPenalty: 100, spot: SpotMarket(price: 60, volume: 50))],
    suppliers: [
      Supplier(id: "A", country: "X", origin: "OA", offers: [SupplyOffer(material: "m", capacity: 100, unitCost: 10, contractFee: 2)]),
      Supplier(id: "B", country: "Y", origin: "OB", offers: [SupplyOffer(material: "m", capacity: 100, unitCost: 20, contractFee: feeB)]),
    ],
    nodes: [Node(id: "OA"), Node(id: "OB"), Node(id: "H"), Node(id: "D")],
    legs: [
      Leg(id: "LA", from: "OA", to: "H", capacity: 1000, cost: 0, days: 0),
      Leg(id: "LB", from: "OB", to: "H", capacity: 1000, cost: 0, days: 0),
      Leg(id: "LH", from: "H", to: "D", capacity: 80, cost: 5, days: 0),
    ],
    corridors: [Corridor(id: "main", legs: ["LH"])],
    scenarios: [
      SourcingScenario(name: "normal", probability: 1 - q),
      SourcingScenario(name: "disrupted", probability: q, effects: [ScenarioEffect(supplier: "A", capacity: 0)]),
    ],
    policy: policy)
}

extension SourcingPlan {
  func contract(_ supplier: String) -> Double { contracts.first { $0.supplier == supplier }?.tonnes ?? .nan }
  func cost(_ scenario: String) -> Double { scenarios.first { $0.scenario == scenario }?.cost ?? .nan }
  func price(_ kind: ShadowPrice.Kind, _ target: String) -> ShadowPrice? { shadowPrices.first { $0.kind == kind && $0.target == target } }
}
