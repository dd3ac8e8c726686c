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
// The report (--report DIR, default ./central-asia-report) holds the plan with its charts, the
// efficient frontier, the single points of failure and the value of Middle Corridor capacity.
//
// Run: swift run -c release CentralAsia [MODEL.yaml] [--json] [--report DIR] [--no-report]
import Derisk
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())
let json = arguments.contains("--json")
let writeReport = !arguments.contains("--no-report")
var reportDirectory = "central-asia-report"
if let k = arguments.firstIndex(of: "--report"), k + 1 < arguments.count {
  reportDirectory = arguments[k + 1]
  arguments.removeSubrange(k...(k + 1))
}
let path = arguments.first { !$0.hasPrefix("--") }
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("central-asia.yaml").path

do {
  let model = try SourcingModel.load(path: path)
  FileHandle.standardError.write(Data("Solving \(model.name ?? path): \(model.materials.count) materials, \(model.suppliers.count) suppliers, \(model.legs.count) legs, \(model.scenarios.count) scenarios…\n".utf8))
  let plan = try model.solve()
  print(json ? try plan.json() : plan.text)
  if writeReport {
    func progress(_ done: Int, _ total: Int, _ what: String) {
      if done < total { FileHandle.standardError.write(Data("[\(done + 1)/\(total)] \(what)\n".utf8)) }
    }
    var report = plan.report(model: model)
    report.append(try model.efficientFrontier(progress: progress).report(modelName: nil))
    report.append(try model.stressTest(progress: progress).report(modelName: nil))
    if model.corridors.contains(where: { $0.id == "middle" }) {
      report.append(try model.valueOfCapacity(.corridor("middle"), progress: progress).report(modelName: nil))
    }
    try report.write(to: reportDirectory)
    FileHandle.standardError.write(Data("Report: \(reportDirectory)/report.html (and report.md, \(report.charts.count) charts)\n".utf8))
  }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
