import DeriskTestSupport
import Foundation
import Testing

/// The bad-input catalogue (issue 8) through the `derisk` binary: every case must end with exit
/// status 2 (so no crash, which would be a signal), within the time limit (no hang), with exactly one
/// line on standard error, `error: …` containing the fragment that names the place, and nothing but
/// the input file left in the case's directory (no partial `--solution`, `--report`, `--csv`,
/// `export-mps` or `generate` output). The cases and why each fragment is expected are in
/// `Tests/DeriskTestSupport/BadInputCatalogue.swift` (each a valid file changed in one place).
struct BadInputCatalogueTests {
  /// Runs `derisk` with a time limit; a run that exceeds it is killed and reported as timed out.
  static func runBounded(_ arguments: [String], environment: [String: String], seconds: Double) throws
    -> (output: DeriskExecutable.Output, timedOut: Bool) {
    let process = Process()
    process.executableURL = try DeriskExecutable.url()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let deadline = DispatchTime.now() + seconds
    let finished = DispatchSemaphore(value: 0)
    // Drain both pipes on their own threads so a chatty child cannot block on a full pipe.
    nonisolated(unsafe) var outData = Data(), errData = Data()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
    var timedOut = false
    if finished.wait(timeout: deadline) == .timedOut {
      timedOut = true
      process.terminate()
      kill(process.processIdentifier, SIGKILL)
      finished.wait()
    }
    group.wait()
    let output = DeriskExecutable.Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                                         standardError: String(decoding: errData, as: UTF8.self))
    return (output, timedOut)
  }

  @Test func theCatalogueHoldsAtLeastSixtyCases() {
    // Issue 8 asks for ≥ 60 cases; the catalogue's own count.
    #expect(BadInputCatalogue.cases.count >= 60)
    #expect(Set(BadInputCatalogue.cases.map(\.name)).count == BadInputCatalogue.cases.count)
  }

  @Test(arguments: BadInputCatalogue.cases)
  func badInputExitsTwoNamingThePlace(_ badInput: BadInputCase) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derisk-bad-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent(badInput.fileName)
    if badInput.kind != .arguments { try Data(badInput.bytes).write(to: input) }
    let arguments = badInput.arguments.map {
      $0.replacingOccurrences(of: "{in}", with: input.path).replacingOccurrences(of: "{dir}", with: dir.path)
    }
    let (output, timedOut) = try Self.runBounded(arguments, environment: badInput.environment, seconds: 30)
    #expect(!timedOut, "\(badInput.name): no answer within 30 s")
    #expect(output.status == 2, "\(badInput.name): exit \(output.status), stderr: \(output.standardError)")
    let errorLines = output.standardError.split(separator: "\n").filter { $0.hasPrefix("error: ") }
    #expect(errorLines.count == 1, "\(badInput.name): stderr: \(output.standardError)")
    let fragment = badInput.fragment.replacingOccurrences(of: "{in}", with: input.path)
    #expect(errorLines.first?.contains(fragment) == true, "\(badInput.name): expected “\(fragment)” in: \(output.standardError)")
    #expect(!output.standardError.contains("Fatal error") && !output.standardError.contains("Stack dump"))
    let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != badInput.fileName }
    #expect(left.isEmpty, "\(badInput.name): left behind \(left)")
  }
}
