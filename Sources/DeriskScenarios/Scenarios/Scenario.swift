/// One named state of the world with its probability and numeric attributes
/// (losses, prices, availabilities: whatever the planner measures per scenario).
public struct Scenario: Sendable, Hashable, Codable {
  /// A name unique within its ``ScenarioSet``.
  public var name: String
  /// The probability pₛ ∈ [0, 1].
  public var probability: Double
  /// Named numeric attributes xₛ(a). A missing attribute is an error where it is read.
  public var attributes: [String: Double]

  public init(name: String, probability: Double, attributes: [String: Double] = [:]) {
    self.name = name
    self.probability = probability
    self.attributes = attributes
  }
}
