import ArgumentParser
import Foundation

/// How every subcommand fails: one clear line on standard error and exit status 2.
enum CommandFailure {
  /// Prints `error: <message>` on standard error and returns the exit code to throw.
  static func unusableInput(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(2)
  }

  /// Deterministic JSON (sorted keys) for a report.
  static func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
