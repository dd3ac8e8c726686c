import DeriskTestSupport
import Foundation
import Testing

/// Smoke tests: each example under Examples/ runs (built next to the `derisk` binary by
/// `swift build -c release`) and prints a value checked against its source.
struct ExamplesTests {
  static func run(_ name: String, _ arguments: [String] = []) throws -> DeriskExecutable.Output {
    let url = try DeriskExecutable.url().deletingLastPathComponent().appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      throw FixtureError(description: "no \(name) binary at \(url.path); run `swift build -c release` first")
    }
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return .init(status: process.terminationStatus, standardOutput: String(decoding: o, as: UTF8.self),
                 standardError: String(decoding: e, as: UTF8.self))
  }

  /// The flagship's objective 2.541 bn (HiGHS 1.16.0 reference in Tests/Fixtures/sourcing/highs_reference.json)
  /// and its report with eight charts.
  @Test func centralAsiaPrintsThePlanAndWritesItsReport() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("central-asia-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let output = try Self.run("CentralAsia", ["--report", dir])
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("Objective (E[C] + 1.0·cvar): 2.541 bn"))
    let svgs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".svg") }
    #expect(svgs.count == 8)
    let markdown = try String(contentsOfFile: dir + "/report.md", encoding: .utf8)
    #expect(markdown.contains("## Efficient frontier") && markdown.contains("## Single points of failure (N − 1)"))
  }

  /// λ = 0 is the expectation plan: E[C] = 912.737 m, as `derisk solve --risk-aversion 0` gives.
  @Test func efficientFrontierStartsAtTheExpectationPlan() throws {
    let output = try Self.run("EfficientFrontier")
    #expect(output.status == 0, "\(output.standardError)")
    let first = try #require(output.standardOutput.split(separator: "\n").first { $0.hasPrefix("0 ") })
    #expect(first.split(separator: " ").map(String.init).contains("912.737"))
  }

  /// One event view: q(S1) = 0.4 and everything else scaled by 0.6/0.8, so S0: 0.3 → 0.225 (by hand).
  @Test func scenarioViewsMeetsTheView() throws {
    let output = try Self.run("ScenarioViews")
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("S1-china-squeezes-japan      0.200     0.4000"))
    #expect(output.standardOutput.contains("S0-baseline                  0.300     0.2250"))
  }

  /// The concessional loan's annuity: 30 m · 0.015/(1 − 1.015⁻²⁰) = 1 747 372 (1.015²⁰ = 1.346855).
  @Test func corridorInvestmentPricesTheLoan() throws {
    let output = try Self.run("CorridorInvestment")
    #expect(output.status == 0, "\(output.standardError)")
    #expect(output.standardOutput.contains("annualised cost USD      1747372"))
  }

  /// Netlib afiro: published optimum −4.6475314286E+02 (Netlib's lp/data readme), met to the solver's
  /// relative gap tolerance of 1e-8.
  @Test func solveMPSSolvesAfiro() throws {
    let output = try Self.run("SolveMPS")
    #expect(output.status == 0, "\(output.standardError)")
    let line = try #require(output.standardOutput.split(separator: "\n").first { $0.hasPrefix("objective") })
    let objective = try #require(Double(line.split(separator: " ").last.map(String.init) ?? ""))
    #expect(abs(objective - -464.75314286) <= 1e-8 * 464.75314286, "\(objective)")
  }

  /// The hand-solved two-supplier model: E[C] = 2880, cA = cB = 80 (HandSolvedTests).
  @Test func embeddingSolvesTheHandModel() throws {
    let output = try Self.run("Embedding")
    #expect(output.status == 0)
    let line = try #require(output.standardOutput.split(separator: "\n").first)
    let objective = try #require(Double(line.split(separator: " ").last.map(String.init) ?? ""))
    #expect(abs(objective - 2880) < 1e-5)
  }
}
