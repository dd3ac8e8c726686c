// The efficient frontier of the Central Asia flagship: how much expected cost does it take to
// lighten the tail?
//
// For risk aversions λ = 0, 0.1, …, 100 the plan minimises
//
//     E[C] + λ·CVaR_0.9(C)
//
// and the frontier is the curve of (CVaR, E[C]) pairs: moving along it buys a smaller average cost
// of the worst 10 % of outcomes with a higher expected cost. Where the set of binding limits
// changes, the frontier has a kink; the example prints those events ("China share cap (ndpr_oxide)
// stops binding from λ = 4.33").
//
// Run: swift run -c release EfficientFrontier [MODEL.yaml]
import Derisk
import Foundation

let path = CommandLine.arguments.dropFirst().first
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../CentralAsia/central-asia.yaml").standardizedFileURL.path

do {
  let model = try SourcingModel.load(path: path)
  let frontier = try model.efficientFrontier(settings: FrontierSettings(points: 13, minRiskAversion: 0.1, maxRiskAversion: 100))
  print("λ          E[C] (USD m/yr)   CVaR_0.9 (USD m/yr)")
  for p in frontier.points {
    print(String(format: "%-8g %14.3f %18.3f", p.riskAversion, p.expectedCost / 1e6, p.cvar / 1e6))
  }
  guard let first = frontier.points.first, let last = frontier.points.last else { exit(1) }
  print(String(format: "\nCutting CVaR by %.1f m costs %.1f m a year in expectation (λ from 0 to %g).",
               (first.cvar - last.cvar) / 1e6, (last.expectedCost - first.expectedCost) / 1e6, last.riskAversion))
  print("\nKinks:")
  for event in frontier.events { print("  " + event.text) }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
