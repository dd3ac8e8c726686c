/// A place in the network: a mine or refinery gate, a hub, a border crossing, a port, the destination.
public struct Node: Sendable, Hashable, Codable {
  /// Unique id.
  public var id: String
  /// Display name.
  public var name: String?
  /// The country the node is in (for reports).
  public var country: String?

  public init(id: String, name: String? = nil, country: String? = nil) {
    self.id = id
    self.name = name
    self.country = country
  }
}

/// A directed leg of the network, shared by every route that uses it.
///
/// In scenario s the leg carries Σₘ fₗₘₛ ≤ κₗₛ (capₗ + reserved capacity) tonnes, at
/// costₗ·γₗₛ $/t of freight plus the pipeline inventory valueₘ·r·(daysₗ + δₗₛ)/365 $/t, where κ, γ
/// and δ come from the scenario's effects.
public struct Leg: Sendable, Hashable, Codable {
  /// Unique id.
  public var id: String
  /// Node ids.
  public var from: String
  public var to: String
  /// rail, sea, road, ferry, … (effects can select legs by mode).
  public var mode: String
  /// Tonnes per year available to the buyer. Valid ≥ 0.
  public var capacity: Double
  /// Freight, $ per tonne. Valid ≥ 0.
  public var cost: Double
  /// Transit days (including dwell). Valid ≥ 0.
  public var days: Double
  /// Risk scores of this leg (reports only).
  public var risk: RiskScores?

  public init(id: String, from: String, to: String, mode: String = "rail", capacity: Double, cost: Double,
              days: Double, risk: RiskScores? = nil) {
    self.id = id
    self.from = from
    self.to = to
    self.mode = mode
    self.capacity = capacity
    self.cost = cost
    self.days = days
    self.risk = risk
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    from = try c.decode(String.self, forKey: .from)
    to = try c.decode(String.self, forKey: .to)
    mode = try c.decodeIfPresent(String.self, forKey: .mode) ?? "rail"
    capacity = try c.decode(Double.self, forKey: .capacity)
    cost = try c.decodeIfPresent(Double.self, forKey: .cost) ?? 0
    days = try c.decodeIfPresent(Double.self, forKey: .days) ?? 0
    risk = try c.decodeIfPresent(RiskScores.self, forKey: .risk)
  }
}

/// A named group of legs (Middle Corridor, Northern route, …) for caps, reservations and reports.
///
/// Its throughput of material m in scenario s is the flow on its *entry legs*: the legs of the
/// corridor whose origin node is not the end of another of its legs (for a path, the first leg).
/// Cargo is counted once however many of the corridor's legs it then uses.
public struct Corridor: Sendable, Hashable, Codable {
  /// Unique id.
  public var id: String
  /// Display name.
  public var name: String?
  /// Leg ids.
  public var legs: [String]
  /// Optional cap on the corridor's total throughput, tonnes per year (scaled by corridor effects).
  public var capacity: Double?
  /// Risk scores of the corridor (for its legs without their own).
  public var risk: RiskScores?

  public init(id: String, name: String? = nil, legs: [String], capacity: Double? = nil, risk: RiskScores? = nil) {
    self.id = id
    self.name = name
    self.legs = legs
    self.capacity = capacity
    self.risk = risk
  }
}
