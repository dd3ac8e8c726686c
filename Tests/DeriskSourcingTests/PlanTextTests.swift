import DeriskSourcing
import Foundation
import Testing

/// The terminal report of a plan with many scenarios stays readable: it names the costliest tail
/// scenarios and counts the rest, lists the costliest scenarios, and writes small probabilities and
/// weights with significant digits instead of rounding them to 0.00.
@Suite struct PlanTextTests {
  /// 200 generated scenarios (3 materials, 12 suppliers, 6 corridors, seed 1): 20 tail scenarios at
  /// CVaR_0.9, most of probability about 5·10⁻⁴.
  static let model: SourcingModel? = try? InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 200, seed: 1)
  static let plan: SourcingPlan? = try? model?.solve(options: SourcingSolveOptions(valueOfInformation: false))

  func lines(_ plan: SourcingPlan) -> [Substring] { plan.text.split(separator: "\n", omittingEmptySubsequences: false) }

  @Test func tailNamesTheTenCostliestAndCountsTheRest() throws {
    let plan = try #require(Self.plan)
    #expect(plan.status == "optimal")
    let tail = plan.tailScenarios
    try #require(tail.count > 10, "the test needs more than ten tail scenarios, got \(tail.count)")
    let line = try #require(lines(plan).first { $0.hasPrefix("Tail: ") })
    for t in tail.prefix(10) { #expect(line.contains("\(t.scenario) (")) }
    for t in tail.dropFirst(10) { #expect(!line.contains("\(t.scenario) (")) }
    let restWeight = tail.dropFirst(10).reduce(0) { $0 + $1.weight }
    #expect(line.hasSuffix(", and \(tail.count - 10) more (weight \(String(format: "%.2f", restWeight)))"), "\(line)")
    // Every named weight reads back within 5 % of the plan's (two significant digits; a fixed %.2f
    // wrote 0.0178 as 0.02).
    let weights = line.matches(of: /weight ([0-9.e+-]+)\)/).map { Double($0.output.1)! }
    #expect(weights.count == 11)
    for (w, t) in zip(weights, tail.prefix(10)) { #expect(abs(w - t.weight) <= 0.05 * t.weight, "\(w) vs \(t.weight)") }
  }

  @Test func manyScenariosListTheTwentyCostliest() throws {
    let plan = try #require(Self.plan)
    let all = lines(plan)
    let header = try #require(all.firstIndex { $0.hasPrefix("Scenarios") })
    #expect(all[header] == "Scenarios (the 20 costliest of 200; --json lists them all)")
    let listed = all[(header + 1)...].prefix { $0.hasPrefix("  ") }
    #expect(listed.count == 20)
    let costliest = plan.scenarios.sorted { $0.cost > $1.cost }.prefix(20)
    for (row, s) in zip(listed, costliest) {
      #expect(row.hasPrefix("  \(s.scenario) "), "\(row)")
      // Two significant digits at least: p about 5·10⁻⁴ is written 0.00052 (it was p=0.001), the
      // baseline's 0.4 as 0.397.
      let p = try #require(row.firstMatch(of: /p=([0-9.e+-]+)/)).output.1
      #expect(abs(Double(p)! - s.probability) <= 0.05 * s.probability, "\(row)")
    }
  }

  /// The report's scenario chart and table: the 20 costliest, said in the chart's title and caption.
  @Test func reportShowsTheTwentyCostliest() throws {
    let model = try #require(Self.model), plan = try #require(Self.plan)
    let report = plan.report(model: model)
    let chart = try #require(report.blocks.compactMap { block -> (caption: String, svg: String)? in
      if case .chart(let name, let caption, let svg) = block, name == "scenario-costs" { return (caption, svg) }
      return nil
    }.first)
    #expect(chart.caption.hasPrefix("Cost of the 20 costliest of the 200 scenarios under the plan"))
    #expect(chart.svg.contains("The 20 costliest of 200 scenarios"))
    let costliest = try #require(plan.scenarios.max { $0.cost < $1.cost })
    let cheapest = try #require(plan.scenarios.min { $0.cost < $1.cost })
    #expect(chart.svg.contains(">\(costliest.scenario)<"))
    #expect(!chart.svg.contains(">\(cheapest.scenario)<"))
  }

  /// Two scenarios: all listed in the model's order, probabilities and weights as before (0.90, 0.10).
  @Test func fewScenariosAreAllListed() throws {
    let plan = try handModel(feeB: 5, disruptedProbability: 0.1, policy: Policy(riskMeasure: .expectation))
      .solve(options: SourcingSolveOptions(valueOfInformation: false))
    let all = lines(plan)
    let header = try #require(all.firstIndex { $0 == "Scenarios" })
    #expect(all[header + 1].hasPrefix("  normal ") && all[header + 1].contains("p=0.900"))
    #expect(all[header + 2].hasPrefix("  disrupted ") && all[header + 2].contains("p=0.100"))
  }
}
