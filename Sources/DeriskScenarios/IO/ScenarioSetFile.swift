import Foundation

/// The scenario set file (YAML or JSON):
///
///     normalize: false        # optional; true divides the probabilities by their sum
///     scenarios:
///       - name: baseline
///         probability: 0.6
///         attributes: {gallium_price: 1.0}
public struct ScenarioSetFile: Sendable, Hashable, Codable {
  public var normalize: Bool?
  public var scenarios: [Scenario]

  enum CodingKeys: String, CodingKey { case normalize, scenarios }
  enum ScenarioKeys: String, CodingKey { case name, probability, attributes }

  public init(normalize: Bool? = nil, scenarios: [Scenario]) {
    self.normalize = normalize
    self.scenarios = scenarios
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    normalize = try c.decodeIfPresent(Bool.self, forKey: .normalize)
    var list = try c.nestedUnkeyedContainer(forKey: .scenarios)
    var out: [Scenario] = []
    while !list.isAtEnd {
      let s = try list.nestedContainer(keyedBy: ScenarioKeys.self)
      out.append(Scenario(name: try s.decode(String.self, forKey: .name),
                          probability: try s.decode(Double.self, forKey: .probability),
                          attributes: try s.decodeIfPresent([String: Double].self, forKey: .attributes) ?? [:]))
    }
    scenarios = out
  }

  /// The validated set.
  public func scenarioSet() throws -> ScenarioSet {
    normalize == true ? try ScenarioSet(normalizing: scenarios) : try ScenarioSet(scenarios)
  }

  /// Reads and validates a scenario set file.
  /// - Throws: ``ScenarioError`` naming the place in the file.
  public static func load(path: String) throws -> ScenarioSet {
    let format = try FileFormat(path: path)
    return try format.decode(ScenarioSetFile.self, from: try readFile(path)).scenarioSet()
  }
}

func readFile(_ path: String) throws -> Data {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw ScenarioError(path: path, message: "cannot read file")
  }
  return data
}
