// Japan sources NdPr oxide, dysprosium oxide and gallium from China, Central Asia and elsewhere,
// over the routes via China, the Middle Corridor, the Northern route and the southern route via
// Iran, under eight weighted disruption scenarios (China squeezing Japan, escalation of export
// controls, the Russian route closed, Caspian low water, a Kazakh rail bottleneck, a Taiwan
// contingency, the corridor build-out succeeding, and the baseline).
//
// The buyer contracts now (first stage) and ships, buys spot, draws stock or falls short once a
// scenario happens (second stage), minimising
//
//     E[C] + λ·CVaR_α(C),   C = contract fees + goods + freight + pipeline inventory + spot + shortfall,
//
// subject to supplier and leg capacities, demand and the policy's share caps. Every number in
// `central-asia.yaml` carries the fact id it comes from (see SOURCES.md) or says it is assumed.
//
// Run: swift run -c release CentralAsia [MODEL.yaml] [--json]
import Derisk
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--json")
let path = arguments.first { !$0.hasPrefix("--") }
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("central-asia.yaml").path

do {
  let model = try SourcingModel.load(path: path)
  FileHandle.standardError.write(Data("Solving \(model.name ?? path): \(model.materials.count) materials, \(model.suppliers.count) suppliers, \(model.legs.count) legs, \(model.scenarios.count) scenarios…\n".utf8))
  let plan = try model.solve()
  print(json ? try plan.json() : plan.text)
} catch let error as SourcingError {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
