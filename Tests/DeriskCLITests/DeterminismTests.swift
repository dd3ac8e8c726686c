import DeriskTestSupport
import Foundation
import Testing

/// Identical input gives byte-identical JSON (issue 8), also across OpenBLAS thread counts: the
/// `derisk lp --json` report of Netlib afiro and the `derisk solve --json` plan of the hand-solved
/// model, with the timing lines (`"…seconds" : …`, the only fields that may differ) removed.
struct DeterminismTests {
  static func withoutTiming(_ json: String) -> String {
    json.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("seconds\" :") }.joined(separator: "\n")
  }

  static let commands: [[String]] = [
    ["lp", fixturesDirectory.appendingPathComponent("netlib/afiro.mps").path, "--json", "--quiet"],
    ["lp", fixturesDirectory.appendingPathComponent("maros/HS76.qps").path, "--json", "--quiet"],
    ["solve", fixturesDirectory.appendingPathComponent("planner/hand-cvar.yaml").path, "--json", "--quiet"],
    ["solve", packageRootDirectory.appendingPathComponent("Examples/CentralAsia/central-asia.yaml").path, "--json", "--quiet",
     "--no-value-of-information"],
  ]

  @Test(arguments: commands)
  func sameInputSameBytesAcrossThreadCounts(_ arguments: [String]) throws {
    let outputs = try ["1", "1", "2"].map { threads in
      try DeriskExecutable.run(arguments, environment: ["OPENBLAS_NUM_THREADS": threads])
    }
    for output in outputs { #expect(output.status == 0, "\(output.standardError)") }
    let texts = outputs.map { Self.withoutTiming($0.standardOutput) }
    #expect(texts[0].count > 100)                 // a real report, not an empty line
    #expect(texts[0] == texts[1], "two runs with one thread differ")
    #expect(texts[0] == texts[2], "one and two threads differ")
    // The timing fields were the only ones removed: each report had exactly one or two of them.
    let removed = outputs[0].standardOutput.split(separator: "\n").count - texts[0].split(separator: "\n").count
    #expect((1...2).contains(removed))
  }
}
