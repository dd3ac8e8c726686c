import Foundation

/// `<package root>/Tests/Fixtures`, found from this file's own path so tests need no SwiftPM resources.
public let fixturesDirectory: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()  // DeriskTestSupport
  .deletingLastPathComponent()  // Tests
  .appendingPathComponent("Fixtures", isDirectory: true)

/// `<package root>`, the directory holding Package.swift.
public let packageRootDirectory: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent()

/// Errors reading a fixture file.
public struct FixtureError: Error, CustomStringConvertible {
  public let description: String
  public init(description: String) { self.description = description }
}

/// Reads a fixture of `key value` lines (`#` starts a comment) under `fixturesDirectory` into a dictionary.
/// - Throws: `FixtureError` naming the file and line when a value is not a number.
public func keyValueFixture(_ relativePath: String) throws -> [String: Double] {
  let url = fixturesDirectory.appendingPathComponent(relativePath)
  let text = try String(contentsOf: url, encoding: .utf8)
  var values: [String: Double] = [:]
  for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
    let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let value = Double(parts[1]) else {
      throw FixtureError(description: "\(relativePath):\(number + 1): expected `key value`, got `\(trimmed)`")
    }
    values[String(parts[0])] = value
  }
  return values
}
