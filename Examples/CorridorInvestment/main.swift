// Is more Middle Corridor capacity worth paying for — port dredging at Aktau, more ferries, more rail
// at the border — and does the answer depend on how it is financed?
//
// The value curve solves the flagship with the corridor's capacity scaled by m = 0 … 3 (contracts
// re-optimised each time): z(m) = min E[C] + λ·CVaR(C). The saving z(1) − z(m) is what the extra
// capacity is worth per year. An investment of K over n years financed at rate r costs the annuity
//
//     A = K · r / (1 − (1 + r)⁻ⁿ)   per year,
//
// so it pays when the saving is at least A. A concessional development loan (1.5 %) and an export
// credit (6.5 %) give different A for the same K; the break-even capital is saving / CRF.
//
// Run: swift run -c release CorridorInvestment [MODEL.yaml] [CORRIDOR] [CAPITAL]
import Derisk
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let path = arguments.first
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../CentralAsia/central-asia.yaml").standardizedFileURL.path
let corridor = arguments.count > 1 ? arguments[1] : "middle"
let capital = arguments.count > 2 ? Double(arguments[2]) ?? 30e6 : 30e6

do {
  let model = try SourcingModel.load(path: path)
  let investment = Investment(capitalCost: capital, lifetimeYears: 20, multiplier: 2,
                              financing: [Financing(name: "concessional loan", rate: 0.015), Financing(name: "export credit", rate: 0.065)])
  let curve = try model.valueOfCapacity(.corridor(corridor), settings: CapacityValueSettings(lower: 0, upper: 3, points: 7, investment: investment))
  print("\(curve.name): today \(Int(curve.baseline)) t/yr\n")
  print("   ×   capacity t/yr   saving USD m/yr   shadow price USD/t")
  for p in curve.points {
    print(String(format: "%4.1f %15.0f %17.3f %20.1f", p.multiplier, p.value, p.saving / 1e6, p.shadowPrice ?? .nan))
  }
  guard let appraisal = curve.appraisal else { exit(1) }
  print(String(format: "\nDoubling capacity for USD %.0f m over 20 years saves USD %.3f m a year.", capital / 1e6, appraisal.objectiveSaving / 1e6))
  for option in appraisal.options {
    print("  " + option.name.padding(toLength: 18, withPad: " ", startingAt: 0)
          + String(format: " rate %4.1f%%  annualised cost USD %12.0f  ", option.rate * 100, option.annualisedCost)
          + (option.pays ? "pays" : "does not pay") + String(format: "  (break-even capital USD %.1f m)", option.breakEvenCapitalCost / 1e6))
  }
  if curve.points.allSatisfy({ $0.saving == 0 }) {
    print("\nThe corridor's capacity is not what limits this plan: the cargo it could carry is bounded upstream.")
  }
  // The limits that do bind, for contrast: what one more unit of each is worth.
  let plan = try model.solve(options: SourcingSolveOptions(valueOfInformation: false))
  print("\nLargest shadow prices of capacity in the plan:")
  for price in plan.shadowPrices.filter({ $0.kind != .demand }).sorted(by: { $0.value > $1.value }).prefix(5) {
    let target = price.target + (price.material.map { "/\($0)" } ?? "")
    print("  " + price.kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0) + target.padding(toLength: 24, withPad: " ", startingAt: 0)
          + String(format: "%12.0f ", price.value) + price.unit)
  }
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
