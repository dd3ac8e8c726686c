/// One weighted state of the world and how it changes the baseline.
public struct SourcingScenario: Sendable, Hashable, Codable {
  /// Unique name.
  public var name: String
  /// pₛ; the probabilities of a model sum to one (within 1e-9).
  public var probability: Double
  /// What the scenario is, in words.
  public var description: String?
  /// Its effects, applied in order (multipliers multiply, additions add).
  public var effects: [ScenarioEffect]

  public init(name: String, probability: Double, description: String? = nil, effects: [ScenarioEffect] = []) {
    self.name = name
    self.probability = probability
    self.description = description
    self.effects = effects
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    probability = try c.decode(Double.self, forKey: .probability)
    description = try c.decodeIfPresent(String.self, forKey: .description)
    effects = try c.decodeIfPresent([ScenarioEffect].self, forKey: .effects) ?? []
  }
}

/// One effect of a scenario: a selector and what it changes.
///
/// The selector decides what the effect applies to:
/// - **supply** — `supplier`, `country`, `except_country`, `material` (any combination; all given
///   must match): `capacity` (×), `add_capacity` (+ t) and `cost` (× unit cost) act on the matching
///   offers; `spot_price`, `spot_volume` and `demand` (×) act on the matching materials (all when no
///   `material` is given) — these three ignore the supplier selectors only when none is given;
/// - **transport** — `leg`, `corridor`, `mode` (all given must match): `capacity` (×), `add_capacity`
///   (+ t), `cost` (× freight) and `add_days` act on the matching legs; a `corridor` effect also
///   scales that corridor's own capacity cap.
///
/// Supply and transport selectors cannot be mixed in one effect. An effect with no selector at all
/// acts on every offer (capacity, cost), every material (spot, demand) — not on legs.
public struct ScenarioEffect: Sendable, Hashable, Codable {
  public var supplier: String?
  public var country: String?
  public var exceptCountry: String?
  public var material: String?
  public var leg: String?
  public var corridor: String?
  public var mode: String?

  /// Capacity multiplier (≥ 0).
  public var capacity: Double?
  /// Tonnes added to capacity (after multiplying; the result is clamped at 0).
  public var addCapacity: Double?
  /// Cost multiplier (≥ 0): unit cost of matching offers, or freight of matching legs.
  public var cost: Double?
  /// Days added to matching legs (the result is clamped at 0).
  public var addDays: Double?
  /// Spot price multiplier (≥ 0).
  public var spotPrice: Double?
  /// Spot volume multiplier (≥ 0).
  public var spotVolume: Double?
  /// Demand multiplier (≥ 0).
  public var demand: Double?

  public init(supplier: String? = nil, country: String? = nil, exceptCountry: String? = nil, material: String? = nil,
              leg: String? = nil, corridor: String? = nil, mode: String? = nil, capacity: Double? = nil,
              addCapacity: Double? = nil, cost: Double? = nil, addDays: Double? = nil, spotPrice: Double? = nil,
              spotVolume: Double? = nil, demand: Double? = nil) {
    self.supplier = supplier
    self.country = country
    self.exceptCountry = exceptCountry
    self.material = material
    self.leg = leg
    self.corridor = corridor
    self.mode = mode
    self.capacity = capacity
    self.addCapacity = addCapacity
    self.cost = cost
    self.addDays = addDays
    self.spotPrice = spotPrice
    self.spotVolume = spotVolume
    self.demand = demand
  }

  enum CodingKeys: String, CodingKey {
    case supplier, country, exceptCountry = "except_country", material, leg, corridor, mode, capacity
    case addCapacity = "add_capacity", cost, addDays = "add_days", spotPrice = "spot_price"
    case spotVolume = "spot_volume", demand
  }

  /// Whether the effect selects legs (`leg`, `corridor` or `mode` given).
  public var isTransport: Bool { leg != nil || corridor != nil || mode != nil }
  /// Whether the effect names a supplier-side selector.
  var hasSupplySelector: Bool { supplier != nil || country != nil || exceptCountry != nil }
}
