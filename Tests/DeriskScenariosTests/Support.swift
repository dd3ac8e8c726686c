import Foundation

/// |a − b| ≤ tol, elementwise for arrays.
func close(_ a: Double, _ b: Double, _ tol: Double) -> Bool { abs(a - b) <= tol }
func close(_ a: [Double], _ b: [Double], _ tol: Double) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol }
}

/// Tests/Fixtures/<relative>, found from this file's path (no SwiftPM resources).
func fixturePath(_ relative: String, file: String = #filePath) -> String {
  URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}

func loadJSON(_ relative: String) throws -> [String: Any] {
  let data = try Data(contentsOf: URL(fileURLWithPath: fixturePath(relative)))
  return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}
