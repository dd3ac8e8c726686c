import DeriskTestSupport
import Foundation
import Testing

/// `derisk reweight` and `derisk scenarios` on the example files of `Tests/Fixtures/scenarios`.
struct ScenarioCommandsTests {
  static func path(_ name: String) -> String { fixturesDirectory.appendingPathComponent("scenarios/\(name)").path }

  /// The views in views.yaml fix P(licence squeeze or both) = 0.4 and bound the others; the posterior must
  /// meet that view and sum to one (the library tests check the numbers against fortitudo.tech).
  @Test func reweightPrintsJSONMeetingTheViews() throws {
    let output = try DeriskExecutable.run(["reweight", Self.path("gallium.yaml"), "--views", Self.path("views.yaml"), "--json"])
    #expect(output.status == 0, "\(output.standardError)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    let scenarios = try #require(json["scenarios"] as? [[String: Any]])
    let posterior = scenarios.compactMap { $0["posterior"] as? Double }
    #expect(posterior.count == 4)
    #expect(abs(posterior.reduce(0, +) - 1) < 1e-9)
    #expect(abs(posterior[1] + posterior[3] - 0.4) < 1e-9)
    #expect(json["status"] as? String == "converged")
  }

  @Test func scenariosSamplingIsReproducibleBySeed() throws {
    let first = try DeriskExecutable.run(["scenarios", Self.path("events.yaml"), "--samples", "500", "--seed", "7", "--json"])
    let second = try DeriskExecutable.run(["scenarios", Self.path("events.yaml"), "--samples", "500", "--seed", "7", "--json"])
    let other = try DeriskExecutable.run(["scenarios", Self.path("events.yaml"), "--samples", "500", "--seed", "8", "--json"])
    #expect(first.status == 0, "\(first.standardError)")
    #expect(first.standardOutput == second.standardOutput)
    #expect(first.standardOutput != other.standardOutput)
  }

  @Test func badScenarioFileExitsTwoNamingThePath() throws {
    let output = try DeriskExecutable.run(["reweight", Self.path("bad-probability.yaml"), "--views", Self.path("views.yaml")])
    #expect(output.status == 2)
    #expect(output.standardError == "error: \(Self.path("bad-probability.yaml")): scenarios[3].probability: must be ≥ 0, got -0.1\n")
    #expect(output.standardOutput.isEmpty)
  }
}
