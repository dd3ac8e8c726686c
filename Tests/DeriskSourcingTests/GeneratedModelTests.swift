import DeriskSolvers
import DeriskSourcing
import Foundation
import Testing

/// The HiGHS reference run recorded in Tests/Fixtures/sourcing/highs_reference.json
/// (HiGHS 1.16.0, `solve_mps.py FILE.mps --solver highs-ipm`, made by highs_reference.py).
struct HighsReference: Decodable {
  struct Case: Decodable {
    var materials, suppliers, corridors, scenarios: Int
    var seed: UInt64
    var status: String
    var objective: Double
  }
  struct Flagship: Decodable { var model: String; var status: String; var objective: Double }
  var highs_version: String
  var cases: [Case]
  var flagship: Flagship

  static func load() throws -> HighsReference {
    let data = try Data(contentsOf: sourcingFixtures.appendingPathComponent("highs_reference.json"))
    return try JSONDecoder().decode(HighsReference.self, from: data)
  }
}

@Suite struct GeneratedModelTests {
  static let cases = (try? HighsReference.load().cases) ?? []

  func model(_ c: HighsReference.Case) throws -> SourcingModel {
    try InstanceGenerator.generate(materials: c.materials, suppliers: c.suppliers, corridors: c.corridors,
                                   scenarios: c.scenarios, seed: c.seed)
  }

  /// Objective = HiGHS's optimum on the exported MPS to 1e-6 relative (recorded run, HiGHS 1.16.0).
  @Test(arguments: cases) func objectiveMatchesHighs(_ c: HighsReference.Case) throws {
    #expect(c.status == "optimal")
    let plan = try model(c).solve(options: SourcingSolveOptions(valueOfInformation: false))
    #expect(plan.status == "optimal")
    #expect(close(plan.objective, c.objective, 1e-6), "\(plan.objective) vs HiGHS \(c.objective)")
  }

  /// CVaR recomputed here from the reported per-scenario costs (sort descending, fill the tail mass
  /// 1 − α) equals the reported CVaR; and objective = E[C] + λ·CVaR (the policy's objective).
  @Test(arguments: cases) func reportedCVaRIsTheCVaROfTheScenarioCosts(_ c: HighsReference.Case) throws {
    let m = try model(c)
    let plan = try m.solve(options: SourcingSolveOptions(valueOfInformation: false))
    let alpha = m.policy.cvarConfidence
    let pairs = plan.scenarios.map { ($0.cost, $0.probability) }.sorted { $0.0 > $1.0 }
    var remaining = 1 - alpha, tail = 0.0
    for (cost, p) in pairs where remaining > 0 {
      let take = min(p, remaining)
      tail += take * cost
      remaining -= take
    }
    let cvar = tail / (1 - alpha)
    #expect(close(plan.cvar, cvar, 1e-9))
    let expected = plan.scenarios.reduce(0.0) { $0 + $1.probability * $1.cost }
    #expect(close(plan.expectedCost, expected, 1e-9))
    #expect(close(plan.objective, expected + m.policy.riskAversion * cvar, 1e-6))
  }

  /// VSS ≥ 0 and EVPI ≥ 0 (to solver accuracy), on the first three sizes.
  @Test(arguments: cases.prefix(3)) func valueOfInformationIsNonNegative(_ c: HighsReference.Case) throws {
    let plan = try model(c).solve()
    let v = try #require(plan.valueOfInformation)
    let tol = 1e-6 * abs(plan.objective)
    #expect(v.vss >= -tol, "VSS \(v.vss)")
    #expect(v.evpi >= -tol, "EVPI \(v.evpi)")
  }

  /// The wait-and-see costs, solved in groups of 16 scenarios side by side (four groups, the last partial:
  /// 50 scenarios of the benchmark's generator), equal each scenario's program solved on its own to 1e-8
  /// relative (each passed the check on its own program, gap ≤ 1e-8), and the plan's WS objective is the
  /// risk objective of the costs. (A group's costs read off the wrong block, or summed, miss by far more.)
  @Test func waitAndSeeCostsEqualTheScenariosSolvedOneByOne() throws {
    let model = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 50, seed: 1)
    let parameters = model.scenarioParameters()
    var neutral = model
    neutral.policy.riskMeasure = .expectation
    let costs = try #require(try model.waitAndSeeCosts(neutral, parameters: parameters, settings: .init(), groupSize: 16))
    #expect(costs.count == 50)
    for (s, scenario) in model.scenarios.enumerated() {
      let alone = try SourcingProgram(sourcingModel: neutral, parameters: [parameters[s]], probabilities: [1],
                                      scenarioNames: [scenario.name])
      let solution = try alone.model.solve(settings: .init())
      #expect(solution.primalStatus == .feasiblePoint)
      #expect(abs(costs[s] - solution.objective) <= 1e-8 * abs(solution.objective),
              "scenario \(s): \(costs[s]) against \(solution.objective) alone")
    }
    let defaultGroups = try #require(try model.waitAndSeeCosts(neutral, parameters: parameters, settings: .init()))
    let valueOfInformation = try model.solve().valueOfInformation
    let v = try #require(valueOfInformation)
    #expect(v.waitAndSeeObjective == (try model.riskObjective(costs: defaultGroups)))
  }

  /// A cancelled task gets no wait-and-see costs (nil, as a solve that ended `cancelled` gave before the
  /// solves ran in parallel), not a list of costs. This checks the outcome only: the function's own check
  /// between rounds of scenarios and the chunks Dispatch runs on the calling thread (whose solves see the
  /// cancellation and end `cancelled`) both give it, and the test cannot tell which did.
  @Test func waitAndSeeCostsStopWhenTheTaskIsCancelled() async throws {
    let model = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 50, seed: 1)
    let parameters = model.scenarioParameters()
    let task = Task { () throws -> [Double]? in
      withUnsafeCurrentTask { $0?.cancel() }
      return try model.waitAndSeeCosts(model, parameters: parameters, settings: .init())
    }
    let costs = try await task.value
    #expect(costs == nil)
  }

  /// Shadow prices vs finite differences. V(capacity) is convex (the capacity is a right-hand side of
  /// an LP), so any dual lies between the left and right secant slopes:
  /// (V(c) − V(c − δ))/δ ≤ −price ≤ (V(c + δ) − V(c))/δ. Checked for the dearest leg, the demand of
  /// each material and the dearest supplier capacity; where both secants agree, the price must equal them.
  @Test(arguments: cases.prefix(3)) func shadowPricesAgreeWithFiniteDifferences(_ c: HighsReference.Case) throws {
    let base = try model(c)
    let options = SourcingSolveOptions(valueOfInformation: false)
    let plan = try base.solve(options: options)
    func objective(_ edit: (inout SourcingModel) -> Void) throws -> Double {
      var m = base
      edit(&m)
      return try m.solve(options: options).objective
    }
    func check(_ price: ShadowPrice, sign: Double, delta: Double, _ edit: (inout SourcingModel, Double) -> Void) throws {
      let v0 = plan.objective
      let up = try objective { edit(&$0, delta) }, down = try objective { edit(&$0, -delta) }
      let right = (up - v0) / delta, left = (v0 - down) / delta
      let slope = sign * price.value
      let tol = 1e-7 * abs(v0) / delta + 1e-6 * abs(slope)
      #expect(left - tol <= slope && slope <= right + tol, "\(price.kind) \(price.target): left \(left), dual \(slope), right \(right)")
      if abs(right - left) <= 1e-6 * max(1, abs(right)) { #expect(close(slope, right, 1e-4)) }
    }
    let legs = plan.shadowPrices.filter { $0.kind == .legCapacity }.sorted { $0.value > $1.value }
    if let leg = legs.first, let l = base.legs.firstIndex(where: { $0.id == leg.target }) {
      try check(leg, sign: -1, delta: 1) { $0.legs[l].capacity += $1 }
    }
    for (m, material) in base.materials.enumerated() {
      let price = try #require(plan.price(.demand, material.id))
      try check(price, sign: 1, delta: 1) { $0.materials[m].demand += $1 }
    }
    let suppliers = plan.shadowPrices.filter { $0.kind == .supplierCapacity }.sorted { $0.value > $1.value }
    if let sp = suppliers.first, let i = base.suppliers.firstIndex(where: { $0.id == sp.target }),
       let o = base.suppliers[i].offers.firstIndex(where: { $0.material == sp.material }) {
      try check(sp, sign: -1, delta: 1) { $0.suppliers[i].offers[o].capacity += $1 }
    }
  }

  /// Scenario blocks touch each other only through first-stage columns: every row labelled
  /// `.scenario(s)` holds only columns of scenario s or the first stage, and every `.firstStage` row
  /// only first-stage columns.
  @Test(arguments: cases.prefix(2)) func scenarioBlocksAreSeparated(_ c: HighsReference.Case) throws {
    let lowered = try model(c).program().lowered()
    let columns = try #require(lowered.columnBlocks)
    let rows = try #require(lowered.rowBlocks)
    var bad = 0
    for t in lowered.program.constraintMatrix.triplets {
      let column = columns[t.column], row = rows[t.row]
      if column != .firstStage && column != row { bad += 1 }
    }
    #expect(bad == 0)
    #expect(rows.contains(.scenario(c.scenarios - 1)))
  }

  /// Same seed, same model (field by field); another seed, another model.
  @Test func generationIsDeterministicPerSeed() throws {
    let a = try InstanceGenerator.generate(materials: 2, suppliers: 4, corridors: 2, scenarios: 4, seed: 7)
    let b = try InstanceGenerator.generate(materials: 2, suppliers: 4, corridors: 2, scenarios: 4, seed: 7)
    let c = try InstanceGenerator.generate(materials: 2, suppliers: 4, corridors: 2, scenarios: 4, seed: 8)
    #expect(a == b)
    #expect(a != c)
    #expect(try a.encoded(as: .json) == b.encoded(as: .json))
    // The first draw of SplitMix64(seed 7) fixes mat0's value: 50 000 + 450 000 · u rounded to $1 000.
    #expect(a.materials[0].valuePerTonne >= 50_000 && a.materials[0].valuePerTonne <= 500_000)
    // Round trip through both formats.
    #expect(try SourcingModel.decode(a.encoded(as: .yaml), format: .yaml) == a)
    #expect(try SourcingModel.decode(a.encoded(as: .json), format: .json) == a)
  }
}

extension HighsReference.Case: CustomTestStringConvertible, Sendable {
  var testDescription: String { "M\(materials) I\(suppliers) K\(corridors) S\(scenarios) seed \(seed)" }
}

/// The flagship: the objective of Examples/CentralAsia/central-asia.yaml equals HiGHS's optimum.
@Suite struct FlagshipTests {
  @Test func centralAsiaMatchesHighs() throws {
    let reference = try HighsReference.load()
    let root = sourcingFixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let model = try SourcingModel.load(path: root.appendingPathComponent(reference.flagship.model).path)
    let plan = try model.solve(options: SourcingSolveOptions(valueOfInformation: false))
    #expect(plan.status == "optimal")
    #expect(close(plan.objective, reference.flagship.objective, 1e-6), "\(plan.objective) vs HiGHS \(reference.flagship.objective)")
    // The JSON form holds the required keys.
    let json = try JSONSerialization.jsonObject(with: Data(plan.json().utf8)) as? [String: Any]
    #expect(json?["status"] as? String == "optimal")
    for key in ["objective", "expected_cost", "cvar", "contracts", "scenarios", "shadow_prices"] { #expect(json?[key] != nil, "\(key)") }
  }
}
