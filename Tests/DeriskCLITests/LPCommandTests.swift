import DeriskTestSupport
import Foundation
import Testing

/// `derisk lp` run as a user runs it: the built binary on fixture files.
struct LPCommandTests {
  static let afiro = fixturesDirectory.appendingPathComponent("netlib/afiro.mps").path

  /// afiro's optimum is −464.75314286 (Netlib readme, `Tests/Fixtures/netlib/netlib.csv`); 27 rows and
  /// 32 columns once the objective row is set apart.
  @Test func jsonReportsOptimalAfiro() throws {
    let output = try DeriskExecutable.run(["lp", Self.afiro, "--json"])
    #expect(output.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(json["status"] as? String == "optimal")
    let objective = try #require(json["objective"] as? Double)
    #expect(abs(objective - (-464.75314286)) / 464.75314286 < 1e-8)
    #expect(json["rows"] as? Int == 27)
    #expect(json["columns"] as? Int == 32)
    for key in ["iterations", "solve_seconds", "primal_residual", "dual_residual", "gap"] {
      #expect(json[key] != nil, "missing \(key)")
    }
    #expect((json["primal_residual"] as? Double ?? 1) < 1e-6)
  }

  @Test func humanSummaryAndSolutionFile() throws {
    let csv = FileManager.default.temporaryDirectory.appendingPathComponent("afiro-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: csv) }
    let output = try DeriskExecutable.run(["lp", Self.afiro, "--solution", csv.path])
    #expect(output.status == 0)
    #expect(output.standardOutput.contains("status      optimal"))
    #expect(output.standardOutput.contains("objective   -464.753142"))
    let lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "kind,name,value,dual")
    #expect(lines.count == 1 + 32 + 27)
  }

  @Test func verboseLogGoesToStandardError() throws {
    let output = try DeriskExecutable.run(["lp", Self.afiro, "--json", "--verbose"])
    #expect(output.status == 0)
    #expect(output.standardError.contains("iter"))
    #expect(!output.standardOutput.contains("iter "))
  }

  @Test func iterationLimitStillExitsZero() throws {
    let output = try DeriskExecutable.run(["lp", Self.afiro, "--json", "--max-iterations", "2"])
    #expect(output.status == 0)
    #expect(output.standardOutput.contains("\"status\" : \"iterationLimit\""))
  }

  @Test func unusableInputExitsTwoWithTheReason() throws {
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).mps")
    defer { try? FileManager.default.removeItem(at: bad) }
    try "NAME BAD\nROWS\n N COST\nCOLUMNS\n X FOO 1\nENDATA\n".write(to: bad, atomically: true, encoding: .utf8)
    let output = try DeriskExecutable.run(["lp", bad.path])
    #expect(output.status == 2)
    #expect(output.standardError.contains(":5:"))
    #expect(output.standardOutput.isEmpty)
    let missing = try DeriskExecutable.run(["lp", "/nonexistent/file.mps"])
    #expect(missing.status == 2)
    #expect(missing.standardError.hasPrefix("error:"))
    let badFlag = try DeriskExecutable.run(["lp", Self.afiro, "--max-iterations", "0"])
    #expect(badFlag.status == 2)
    #expect(badFlag.standardError.contains("maxIterations"))
  }
}
