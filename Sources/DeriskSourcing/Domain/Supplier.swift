/// A supplier: a country, an origin node of the network, and offers of materials.
///
/// The buyer contracts cᵢₘ tonnes now (paying the contract fee on every contracted tonne, whatever
/// happens), and in a scenario takes delivery of yᵢₘₛ ≤ min(cᵢₘ, capacity in that scenario) at the
/// unit cost (scaled by the scenario's cost multiplier).
///
/// `realisationProbability` ρ ∈ (0, 1] is the chance that an MOU turns into supply ("dead-letter"
/// risk); the model uses its expectation, multiplying the supplier's capacity by ρ in every scenario.
public struct Supplier: Sendable, Hashable, Codable {
  /// Unique id.
  public var id: String
  /// Display name.
  public var name: String?
  /// The supplier's country (for share caps, risk scores and reports).
  public var country: String
  /// The node where its goods enter the network (the destination itself for domestic supply).
  public var origin: String
  /// What it sells.
  public var offers: [SupplyOffer]
  /// ρ ∈ (0, 1]; default 1.
  public var realisationProbability: Double?
  /// Risk scores of this supplier (overriding its country's).
  public var risk: RiskScores?

  public init(id: String, name: String? = nil, country: String, origin: String, offers: [SupplyOffer],
              realisationProbability: Double? = nil, risk: RiskScores? = nil) {
    self.id = id
    self.name = name
    self.country = country
    self.origin = origin
    self.offers = offers
    self.realisationProbability = realisationProbability
    self.risk = risk
  }

  enum CodingKeys: String, CodingKey {
    case id, name, country, origin, offers, realisationProbability = "realisation_probability", risk
  }
}

/// One material a supplier sells.
public struct SupplyOffer: Sendable, Hashable, Codable {
  /// The material id.
  public var material: String
  /// Baseline capacity available to the buyer, tonnes per year. Valid ≥ 0.
  public var capacity: Double
  /// $ per tonne delivered at the origin. Valid ≥ 0.
  public var unitCost: Double
  /// $ per tonne contracted, paid in every scenario. Default: the policy's `contract_fee_share` ×
  /// unit cost. Valid ≥ 0.
  public var contractFee: Double?

  public init(material: String, capacity: Double, unitCost: Double, contractFee: Double? = nil) {
    self.material = material
    self.capacity = capacity
    self.unitCost = unitCost
    self.contractFee = contractFee
  }

  enum CodingKeys: String, CodingKey { case material, capacity, unitCost = "unit_cost", contractFee = "contract_fee" }
}

/// Risk scores a planner assigns (for example 0–10 from an index the user trusts), one per kind of risk.
public struct RiskScores: Sendable, Hashable, Codable {
  /// Political / geopolitical risk.
  public var political: Double?
  /// Logistics / physical risk.
  public var logistics: Double?
  /// Legal / institutional risk.
  public var legal: Double?

  public init(political: Double? = nil, logistics: Double? = nil, legal: Double? = nil) {
    self.political = political
    self.logistics = logistics
    self.legal = legal
  }

  /// The score of one kind, if given.
  public subscript(kind: RiskKind) -> Double? {
    switch kind {
    case .political: return political
    case .logistics: return logistics
    case .legal: return legal
    }
  }
}

/// The three kinds of risk a planner weighs.
public enum RiskKind: String, Sendable, Hashable, Codable, CaseIterable {
  case political, logistics, legal
}

/// Risk scores of a country, used for its suppliers that carry none of their own.
public struct CountryProfile: Sendable, Hashable, Codable {
  /// The country name as written in `Supplier.country`.
  public var id: String
  public var risk: RiskScores

  public init(id: String, risk: RiskScores) {
    self.id = id
    self.risk = risk
  }
}
