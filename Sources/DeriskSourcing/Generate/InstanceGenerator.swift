import DeriskScenarios
import DeriskSolvers

/// Random but realistic sourcing models for tests and benchmarks, the same for a seed on every
/// platform (SplitMix64 and only +, −, ×, ÷ and rounding: no library transcendental functions).
///
/// The generating distribution (U[a, b] uniform; every draw rounded as stated):
/// - Materials m = 0…M−1 (`mat<m>`): value U[50 000, 500 000] $/t (to $1 000); demand U[100, 1 000] t
///   (to 10 t); shortfall penalty 3 × its highest unit cost; spot market at 1.5 × its mean unit
///   cost for U[10 %, 30 %] of demand; even m also hold a stockpile of 10 % of demand (draw at value).
/// - Countries `C0`…: max(2, ⌈I/2⌉); supplier i is in country i mod that number.
/// - Corridors k = 0…K−1 (`K<k>`): entry node → gate (trunk, capacity U[0.3, 0.8] × total demand,
///   $U[50, 300]/t, U[5, 30] days) → destination `DEST` (final leg, capacity 2 × total demand,
///   $U[20, 150]/t, U[2, 20] days); the corridor is both legs.
/// - Suppliers i = 0…I−1 (`S<i>`, needs I ≥ M): origin `O<i>` with a feeder leg (capacity 2 × total
///   demand, $U[10, 60]/t, U[1, 5] days) into corridor i mod K, and with probability ½ (K > 1) into a
///   second corridor (7i + 3) mod K when that differs; offers material i mod M and with probability
///   0.4 one more (i + 1) mod M; capacity U[0.2, 0.6] × demand (to 1 t), unit cost value × U[0.7, 1.0]
///   (to $10); contract fee the policy default (5 % of unit cost).
/// - Scenarios: `baseline` (no effects) with probability U[0.3, 0.6] (to 1e-4); `shock<s>` for s = 1…S−1
///   share the rest in proportion to weights U[0.5, 1.5], not rounded (rounded to 1e-4 they were zero
///   for a third of the shocks at S = 10 000 and for all at S = 100 000), and the baseline takes what
///   the shocks leave, so the probabilities sum to one to the last bits;
///   each cuts one random country's capacity to U[0, 0.5] ×, raises the others' unit costs by
///   U[1, 1.5] ×, cuts one random corridor's capacity to U[0, 0.6] × and adds U[0, 15] days to it.
/// - Policy: E[C] + 0.5·CVaR_0.9; no country above 70 % of a material's demand.
public enum InstanceGenerator {
  /// A generated model (already valid).
  /// - Throws: ``SourcingError`` for sizes out of range (M, K, S ≥ 1; I ≥ M) or too large for the
  ///   memory budget (`MemoryBudget`; checked before anything is allocated).
  public static func generate(materials M: Int, suppliers I: Int, corridors K: Int, scenarios S: Int, seed: UInt64) throws -> SourcingModel {
    guard M >= 1 else { throw SourcingError(path: "materials", message: "must be ≥ 1, got \(M)") }
    guard I >= M else { throw SourcingError(path: "suppliers", message: "must be ≥ the number of materials (\(M)), got \(I)") }
    guard K >= 1 else { throw SourcingError(path: "corridors", message: "must be ≥ 1, got \(K)") }
    guard S >= 1 else { throw SourcingError(path: "scenarios", message: "must be ≥ 1, got \(S)") }
    // Sizes first, before anything is allocated: the model (≈ 1 kB per scenario, supplier and corridor)
    // and the program it implies (at most 2 offers per supplier, 2 + 2 legs per corridor and supplier).
    let (m, i, k, s) = (Double(M), Double(I), Double(K), Double(S))
    let modelBytes = 1000 * (s + i + k + m)
    let size = ProgramSize(scenarios: s, materials: m, offers: i, nodes: 1 + 2 * k + i, legs: 2 * k + i)
    if let refusal = MemoryBudget.refusal(needing: modelBytes + size.bytes) {
      throw SourcingError(path: "scenarios", message: "\(M) materials × \(I) suppliers × \(K) corridors × \(S) scenarios: "
                            + String(format: "the model and its program (about %.3g rows, %.3g nonzeros) ", size.rows, size.nonzeros) + refusal)
    }
    var rng = SplitMix64(seed: seed)
    func u(_ a: Double, _ b: Double) -> Double { a + (b - a) * rng.nextUniform() }
    // Steps below 1 divide by the integer 1/step, so the result is the double nearest the decimal
    // (what a file reader parses back): 29/100, not 29 × 0.01.
    func round(_ x: Double, _ step: Double) -> Double {
      if step < 1 { let inverse = (1 / step).rounded(); return (x * inverse).rounded() / inverse }
      return (x / step).rounded() * step
    }

    var materials: [Material] = (0..<M).map { m in
      Material(id: "mat\(m)", valuePerTonne: round(u(50_000, 500_000), 1000), demand: round(u(100, 1000), 10), shortfallPenalty: 0)
    }
    let totalDemand = materials.reduce(0) { $0 + $1.demand }
    var nodes = [Node(id: "DEST", name: "destination")]
    var legs: [Leg] = []
    var corridors: [Corridor] = []
    for k in 0..<K {
      nodes += [Node(id: "K\(k)-in"), Node(id: "K\(k)-gate")]
      let trunk = Leg(id: "K\(k)a", from: "K\(k)-in", to: "K\(k)-gate", mode: "rail",
                      capacity: round(u(0.3, 0.8) * totalDemand, 1), cost: round(u(50, 300), 1), days: round(u(5, 30), 1))
      let final = Leg(id: "K\(k)b", from: "K\(k)-gate", to: "DEST", mode: "sea",
                      capacity: 2 * totalDemand, cost: round(u(20, 150), 1), days: round(u(2, 20), 1))
      legs += [trunk, final]
      corridors.append(Corridor(id: "K\(k)", legs: [trunk.id, final.id]))
    }
    let countryCount = max(2, (I + 1) / 2)
    var suppliers: [Supplier] = []
    for i in 0..<I {
      nodes.append(Node(id: "O\(i)"))
      var targets = [i % K]
      let second = (7 * i + 3) % K
      if K > 1, rng.nextUniform() < 0.5, second != targets[0] { targets.append(second) }
      for k in targets {
        legs.append(Leg(id: "F\(i)-\(k)", from: "O\(i)", to: "K\(k)-in", mode: "rail", capacity: 2 * totalDemand,
                        cost: round(u(10, 60), 1), days: round(u(1, 5), 1)))
      }
      var offered = [i % M]
      if M > 1, rng.nextUniform() < 0.4 { offered.append((i + 1) % M) }
      let offers = offered.map { m in
        SupplyOffer(material: "mat\(m)", capacity: round(u(0.2, 0.6) * materials[m].demand, 1),
                    unitCost: round(materials[m].valuePerTonne * u(0.7, 1.0), 10))
      }
      suppliers.append(Supplier(id: "S\(i)", country: "C\(i % countryCount)", origin: "O\(i)", offers: offers))
    }
    for m in 0..<M {
      let costs = suppliers.flatMap { $0.offers.filter { $0.material == "mat\(m)" }.map(\.unitCost) }
      let highest = costs.max() ?? materials[m].valuePerTonne
      let mean = costs.isEmpty ? highest : costs.reduce(0, +) / Double(costs.count)
      materials[m].shortfallPenalty = 3 * highest
      materials[m].spot = SpotMarket(price: round(1.5 * mean, 10), volume: round(u(0.1, 0.3) * materials[m].demand, 1))
      if m % 2 == 0 { materials[m].stockpile = Stockpile(initial: round(0.1 * materials[m].demand, 1)) }
    }

    let countries = (0..<countryCount).map { "C\($0)" }.filter { c in suppliers.contains { $0.country == c } }
    let baseline = round(u(0.3, 0.6), 1e-4)
    var weights: [Double] = []
    for _ in 1..<max(S, 1) { weights.append(u(0.5, 1.5)) }
    let weightSum = weights.reduce(0, +)
    var probabilities = weights.map { (1 - baseline) * $0 / weightSum }
    let rest = 1 - probabilities.reduce(0, +)
    var scenarios = [SourcingScenario(name: "baseline", probability: S == 1 ? 1 : rest, description: "no disruption")]
    for s in 1..<max(S, 1) {
      let country = countries[Int(rng.nextUniform() * Double(countries.count)) % countries.count]
      let corridor = Int(rng.nextUniform() * Double(K)) % K
      let effects = [
        ScenarioEffect(country: country, capacity: round(u(0, 0.5), 0.01)),
        ScenarioEffect(exceptCountry: country, cost: round(u(1, 1.5), 0.01)),
        ScenarioEffect(corridor: "K\(corridor)", capacity: round(u(0, 0.6), 0.01), addDays: round(u(0, 15), 1)),
      ]
      scenarios.append(SourcingScenario(name: "shock\(s)", probability: probabilities[s - 1],
                                        description: "\(country) supply cut, corridor K\(corridor) disrupted", effects: effects))
    }
    if S > 1 { probabilities.removeAll() }
    let model = SourcingModel(
      name: "generated-M\(M)-I\(I)-K\(K)-S\(S)-seed\(seed)", destination: "DEST", materials: materials,
      suppliers: suppliers, nodes: nodes, legs: legs, corridors: corridors, scenarios: scenarios,
      policy: Policy(riskMeasure: .cvar, cvarConfidence: 0.9, riskAversion: 0.5, countryShareCaps: [CountryShareCap(share: 0.7)]))
    try model.validate()
    return model
  }
}
