// Derisk used from another Swift program: build a sourcing model in code, solve it, read the plan.
//
// Two suppliers ship one material through a hub and one 80 t/yr sea leg to the destination D.
// Supplier A is cheap (10 $/t) but fails in a 20 % scenario; B costs 20 $/t; the spot market sells
// 50 t at 60 $/t; a tonne short costs 100 $. Minimising expected cost, the buyer contracts 80 t with
// each (B only as insurance): E[C] = 0.8·2720 + 0.2·3520 = 2880.
//
// In your Package.swift: .package(path: "../Derisk") and .product(name: "Derisk", package: "Derisk").
import Derisk

let model = SourcingModel(
  name: "embedded", destination: "D",
  materials: [Material(id: "m", valuePerTonne: 0, demand: 100, shortfallPenalty: 100, spot: SpotMarket(price: 60, volume: 50))],
  suppliers: [
    Supplier(id: "A", country: "X", origin: "OA", offers: [SupplyOffer(material: "m", capacity: 100, unitCost: 10, contractFee: 2)]),
    Supplier(id: "B", country: "Y", origin: "OB", offers: [SupplyOffer(material: "m", capacity: 100, unitCost: 20, contractFee: 2)]),
  ],
  nodes: [Node(id: "OA"), Node(id: "OB"), Node(id: "H"), Node(id: "D")],
  legs: [
    Leg(id: "LA", from: "OA", to: "H", capacity: 1000, cost: 0, days: 0),
    Leg(id: "LB", from: "OB", to: "H", capacity: 1000, cost: 0, days: 0),
    Leg(id: "LH", from: "H", to: "D", mode: "sea", capacity: 80, cost: 5, days: 0),
  ],
  scenarios: [
    SourcingScenario(name: "normal", probability: 0.8),
    SourcingScenario(name: "A fails", probability: 0.2, effects: [ScenarioEffect(supplier: "A", capacity: 0)]),
  ],
  policy: Policy(riskMeasure: .expectation))

do {
  let plan = try model.solve()
  print("status \(plan.status), objective \(plan.objective)")
  for c in plan.contracts { print("contract \(c.supplier): \(c.tonnes) t") }
  if let leg = plan.shadowPrices.first(where: { $0.kind == .legCapacity && $0.target == "LH" }) {
    print("one more tonne of LH capacity is worth \(leg.value) \(leg.unit)")
  }
} catch {
  print("error: \(error)")
}
