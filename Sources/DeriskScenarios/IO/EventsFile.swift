import Foundation

/// The events file (YAML or JSON):
///
///     baseline: {gallium_price: 1.0}     # optional attribute values when nothing happens
///     threshold: 1.0e-4                  # optional enumeration pruning threshold (default 0)
///     events:
///       - name: regime shift
///         probability: 0.1
///       - name: China restricts gallium licences
///         probability: 0.2
///         effects: {gallium_price: 1.5}
///         given:
///           - when: [regime shift]
///             probability: 0.6
public struct EventsFile: Sendable, Hashable, Codable {
  public var baseline: [String: Double]?
  public var threshold: Double?
  public var events: [DisruptionEvent]

  /// The validated model.
  public func model() throws -> DisruptionModel {
    try DisruptionModel(baseline: baseline ?? [:], events: events)
  }

  /// Reads an events file.
  /// - Throws: ``ScenarioError`` naming the place in the file.
  public static func load(path: String) throws -> EventsFile {
    let format = try FileFormat(path: path)
    let file = try format.decode(EventsFile.self, from: try readFile(path))
    _ = try file.model()
    if let t = file.threshold, !(t.isFinite && t >= 0 && t < 1) {
      throw ScenarioError(path: "threshold", message: "must be in [0, 1), got \(formatNumber(t))")
    }
    return file
  }
}
