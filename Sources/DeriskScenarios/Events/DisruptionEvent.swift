/// A disruption that happens or not ("China restricts gallium licences"), with its probability and
/// its additive effects on scenario attributes.
///
/// Linked events: `given` lists rules "if all of these earlier events happen, my probability is x".
/// The first rule whose events all happened applies; when none applies, `probability` does. So
/// `probability` is P(event | no rule applies), not the marginal, unless `given` is empty.
public struct DisruptionEvent: Sendable, Hashable, Codable {
  /// A unique name.
  public var name: String
  /// P(event) when no rule of `given` applies.
  public var probability: Double
  /// Added to the scenario attributes when the event happens (attribute name → increment).
  public var effects: [String: Double]
  /// Conditional probabilities, tried in order.
  public var given: [ConditionalProbability]

  public init(name: String, probability: Double, effects: [String: Double] = [:], given: [ConditionalProbability] = []) {
    self.name = name
    self.probability = probability
    self.effects = effects
    self.given = given
  }

  enum CodingKeys: String, CodingKey { case name, probability, effects, given }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    probability = try c.decode(Double.self, forKey: .probability)
    effects = try c.decodeIfPresent([String: Double].self, forKey: .effects) ?? [:]
    given = try c.decodeIfPresent([ConditionalProbability].self, forKey: .given) ?? []
  }
}

/// "If all events in `when` happen, the probability is `probability`."
public struct ConditionalProbability: Sendable, Hashable, Codable {
  /// Names of events declared earlier in the list.
  public var when: [String]
  /// The conditional probability.
  public var probability: Double

  public init(when: [String], probability: Double) {
    self.when = when
    self.probability = probability
  }
}
