import Foundation

/// What `derisk scenarios` prints: the generated scenario set and how it was made.
public struct ScenariosReport: Sendable, Hashable, Codable {
  /// "enumeration" or "sampling".
  public var method: String
  public var scenarios: [Scenario]
  /// Mass pruned by the enumeration threshold (0 for sampling).
  public var droppedMass: Double
  public var effectiveNumber: Double
  public var samples: Int?
  public var seed: UInt64?

  /// Enumerates (with the file's threshold) or, when `samples` is given, samples with `seed` (default 0).
  public init(eventsPath: String, samples: Int? = nil, seed: UInt64? = nil) throws {
    let file = try EventsFile.load(path: eventsPath)
    try self.init(model: file.model(), threshold: file.threshold ?? 0, samples: samples, seed: seed)
  }

  public init(model: DisruptionModel, threshold: Double = 0, samples: Int? = nil, seed: UInt64? = nil) throws {
    if let count = samples {
      let set = try model.sample(count: count, seed: seed ?? 0)
      method = "sampling"; scenarios = set.scenarios; droppedMass = 0; effectiveNumber = set.effectiveNumber
      self.samples = count; self.seed = seed ?? 0
    } else {
      let result = try model.enumerate(threshold: threshold)
      method = "enumeration"; scenarios = result.scenarioSet.scenarios; droppedMass = result.droppedMass
      effectiveNumber = result.scenarioSet.effectiveNumber
      self.samples = nil; self.seed = nil
    }
  }

  /// JSON that is also a valid scenario set file (the extra keys are ignored when reading it back).
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  public var text: String {
    let attributes = Array(Set(scenarios.flatMap { $0.attributes.keys })).sorted()
    let width = max(8, scenarios.map(\.name.count).max() ?? 0)
    var out = "\("scenario".padding(toLength: width, withPad: " ", startingAt: 0))  \(pad("probability", 12))"
    for a in attributes { out += "  \(pad(a, max(10, a.count)))" }
    out += "\n"
    for s in scenarios {
      out += "\(s.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(pad(fixed(s.probability, 8), 12))"
      for a in attributes { out += "  \(pad(short(s.attributes[a] ?? 0), max(10, a.count)))" }
      out += "\n"
    }
    out += "\n\(scenarios.count) scenarios by \(method)"
    if let n = samples, let s = seed { out += " (\(n) samples, seed \(s))" }
    out += "; dropped mass \(short(droppedMass)); effective number \(fixed(effectiveNumber, 3))\n"
    return out
  }
}
