// What if a Chinese licence squeeze on Japan (scenario S1) is 40 % likely, not 20 %?
//
// Entropy pooling (Meucci 2008) finds the scenario weights q closest to the model's p in relative
// entropy that satisfy the view:
//
//     minimise Σₛ qₛ log(qₛ/pₛ)   subject to  Σₛ qₛ = 1,  q(S1) = 0.4.
//
// For a single event view the answer is a rescaling: q = p·0.4/0.2 on S1 and p·0.6/0.8 elsewhere.
// The example re-solves the flagship under q and shows how the plan moves.
//
// Run: swift run -c release ScenarioViews [MODEL.yaml] [PROBABILITY]
import Derisk
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let path = arguments.first
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../CentralAsia/central-asia.yaml").standardizedFileURL.path
let target = arguments.count > 1 ? Double(arguments[1]) ?? 0.4 : 0.4
let event = "S1-china-squeezes-japan"

do {
  let model = try SourcingModel.load(path: path)
  let prior = model.scenarios.map(\.probability)
  let view = ViewConstraint(name: "P(\(event)) = \(target)", coefficients: model.scenarios.map { $0.name == event ? 1 : 0 },
                            relation: .equal, target: target)
  let pooled = try EntropyPooling.solve(prior: prior, constraints: [view])
  print("scenario                     prior   posterior")
  for (s, scenario) in model.scenarios.enumerated() {
    print(scenario.name.padding(toLength: 28, withPad: " ", startingAt: 0) + String(format: "%6.3f   %8.4f", prior[s], pooled.posterior[s]))
  }
  print(String(format: "KL divergence %.5f\n", pooled.klDivergence))

  var reweighted = model
  for s in reweighted.scenarios.indices { reweighted.scenarios[s].probability = pooled.posterior[s] }
  let options = SourcingSolveOptions(valueOfInformation: false)
  let before = try model.solve(options: options), after = try reweighted.solve(options: options)
  let comparison = PlanComparison(before, named: "prior", after, named: "view")
  for row in comparison.summary where row.name != "expected_shortfall" {
    print(row.name.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%10.2f → %10.2f  USD m/yr", row.a / 1e6, row.b / 1e6))
  }
  let moved = comparison.contracts.filter { abs($0.difference) > 0.05 }
  print("\nContracts that move (t/yr): " + (moved.isEmpty ? "none — the plan already hedges the squeeze; only its weight in the costs changes" : ""))
  for row in moved {
    print("  " + row.name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "%8.1f → %8.1f", row.a, row.b))
  }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
