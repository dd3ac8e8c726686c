import DeriskTestSupport
import Foundation

/// Runs the built `derisk` executable and captures its output.
enum DeriskExecutable {
  struct Output {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The `derisk` binary of this build: next to the test bundle (the products directory), else under
  /// `.build/release` or `.build/debug` of the package.
  static func url() throws -> URL {
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("derisk"))
    }
    candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("derisk"))
    for configuration in ["release", "debug"] {
      candidates.append(packageRootDirectory.appendingPathComponent(".build/\(configuration)/derisk"))
    }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      throw FixtureError(description: "no derisk binary in \(candidates.map(\.path)); run `swift build -c release` first")
    }
    return found
  }

  /// Runs `derisk` with `arguments`, adding `environment` to the current environment.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
    let process = Process()
    process.executableURL = try url()
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                  standardError: String(decoding: errData, as: UTF8.self))
  }
}
