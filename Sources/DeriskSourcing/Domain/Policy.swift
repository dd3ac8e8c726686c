/// What the buyer optimises and the limits it sets itself.
///
/// Objective (see the DocC article): E[C] + λ·ρ(C) over the scenario costs C, with ρ
/// - `expectation`: none (the objective is E[C]);
/// - `cvar`: CVaR_α(C) (Rockafellar–Uryasev);
/// - `worst_case`: maxₛ Cₛ;
/// - `tv_ball`: the objective becomes sup_q E_q[C] + λ·sup_q CVaR^q_α(C) over the total-variation
///   ball ½‖q − p‖₁ ≤ ε.
public struct Policy: Sendable, Hashable, Codable {
  /// The risk measure. Default `.cvar`.
  public var riskMeasure: PolicyRiskMeasure
  /// α of CVaR. Default 0.9; valid [0, 1).
  public var cvarConfidence: Double
  /// λ, the weight of ρ. Default 1; valid ≥ 0.
  public var riskAversion: Double
  /// ε of the TV ball. Default 0.1; valid [0, 1].
  public var tvRadius: Double
  /// r, the annual carrying rate of pipeline inventory. Default 0.15; valid ≥ 0.
  public var inventoryCarryingRate: Double
  /// Contract fee as a share of unit cost, for offers without their own fee. Default 0.05; valid ≥ 0.
  public var contractFeeShare: Double
  /// Caps on contracted tonnes per country and material, as a share of demand.
  public var countryShareCaps: [CountryShareCap]
  /// Caps on corridor throughput per material and scenario, as a share of that scenario's demand.
  public var corridorShareCaps: [CorridorShareCap]
  /// Caps on the tonnage-weighted average supplier risk score of the contracts, per material and kind.
  public var riskScoreCaps: [RiskScoreCap]
  /// A minimum number k of distinct supplier countries per material, imposed through its linear
  /// surrogate: no country holds more than Dₘ/k of the contracts (so covering demand needs k countries).
  public var minSupplierCountries: Int?
  /// Largest first-stage spend (contract fees + reservations), $. Default none.
  public var budget: Double?
  /// Corridor capacity that can be reserved up front.
  public var reservations: [Reservation]

  public init(riskMeasure: PolicyRiskMeasure = .cvar, cvarConfidence: Double = 0.9, riskAversion: Double = 1,
              tvRadius: Double = 0.1, inventoryCarryingRate: Double = 0.15, contractFeeShare: Double = 0.05,
              countryShareCaps: [CountryShareCap] = [], corridorShareCaps: [CorridorShareCap] = [],
              riskScoreCaps: [RiskScoreCap] = [], minSupplierCountries: Int? = nil, budget: Double? = nil,
              reservations: [Reservation] = []) {
    self.riskMeasure = riskMeasure
    self.cvarConfidence = cvarConfidence
    self.riskAversion = riskAversion
    self.tvRadius = tvRadius
    self.inventoryCarryingRate = inventoryCarryingRate
    self.contractFeeShare = contractFeeShare
    self.countryShareCaps = countryShareCaps
    self.corridorShareCaps = corridorShareCaps
    self.riskScoreCaps = riskScoreCaps
    self.minSupplierCountries = minSupplierCountries
    self.budget = budget
    self.reservations = reservations
  }

  enum CodingKeys: String, CodingKey {
    case riskMeasure = "risk_measure", cvarConfidence = "cvar_confidence", riskAversion = "risk_aversion"
    case tvRadius = "tv_radius", inventoryCarryingRate = "inventory_carrying_rate"
    case contractFeeShare = "contract_fee_share", countryShareCaps = "country_share_caps"
    case corridorShareCaps = "corridor_share_caps", riskScoreCaps = "risk_score_caps"
    case minSupplierCountries = "min_supplier_countries", budget, reservations
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = Policy()
    riskMeasure = try c.decodeIfPresent(PolicyRiskMeasure.self, forKey: .riskMeasure) ?? d.riskMeasure
    cvarConfidence = try c.decodeIfPresent(Double.self, forKey: .cvarConfidence) ?? d.cvarConfidence
    riskAversion = try c.decodeIfPresent(Double.self, forKey: .riskAversion) ?? d.riskAversion
    tvRadius = try c.decodeIfPresent(Double.self, forKey: .tvRadius) ?? d.tvRadius
    inventoryCarryingRate = try c.decodeIfPresent(Double.self, forKey: .inventoryCarryingRate) ?? d.inventoryCarryingRate
    contractFeeShare = try c.decodeIfPresent(Double.self, forKey: .contractFeeShare) ?? d.contractFeeShare
    countryShareCaps = try c.decodeIfPresent([CountryShareCap].self, forKey: .countryShareCaps) ?? []
    corridorShareCaps = try c.decodeIfPresent([CorridorShareCap].self, forKey: .corridorShareCaps) ?? []
    riskScoreCaps = try c.decodeIfPresent([RiskScoreCap].self, forKey: .riskScoreCaps) ?? []
    minSupplierCountries = try c.decodeIfPresent(Int.self, forKey: .minSupplierCountries)
    budget = try c.decodeIfPresent(Double.self, forKey: .budget)
    reservations = try c.decodeIfPresent([Reservation].self, forKey: .reservations) ?? []
  }
}

/// The risk measure ρ of the policy.
public enum PolicyRiskMeasure: String, Sendable, Hashable, Codable, CaseIterable {
  case expectation
  case cvar
  case worstCase = "worst_case"
  case tvBall = "tv_ball"
}

/// Σ_{i in country} cᵢₘ ≤ share·Dₘ (every country when `country` is nil; every material when `material` is nil).
public struct CountryShareCap: Sendable, Hashable, Codable {
  public var country: String?
  public var material: String?
  /// Valid [0, 1].
  public var share: Double

  public init(country: String? = nil, material: String? = nil, share: Double) {
    self.country = country
    self.material = material
    self.share = share
  }
}

/// Throughput of the corridor ≤ share·Dₘₛ in every scenario (every corridor when `corridor` is nil).
public struct CorridorShareCap: Sendable, Hashable, Codable {
  public var corridor: String?
  public var material: String?
  /// Valid [0, 1].
  public var share: Double

  public init(corridor: String? = nil, material: String? = nil, share: Double) {
    self.corridor = corridor
    self.material = material
    self.share = share
  }
}

/// Σᵢ scoreᵢ cᵢₘ ≤ max · Σᵢ cᵢₘ: the tonnage-weighted average score of the contracts of material m
/// (every material when nil) on one kind of risk is at most `max`. Suppliers without a score of that
/// kind (own or country's) count as 0.
public struct RiskScoreCap: Sendable, Hashable, Codable {
  public var material: String?
  public var kind: RiskKind
  public var max: Double

  public init(material: String? = nil, kind: RiskKind, max: Double) {
    self.material = material
    self.kind = kind
    self.max = max
  }
}

/// Reserved capacity on a corridor: rₖ ∈ [0, max] tonnes bought up front at `price` $/t, added to
/// the capacity of each of the corridor's legs (and its own cap), scaled like them in each scenario.
public struct Reservation: Sendable, Hashable, Codable {
  public var corridor: String
  /// $ per tonne reserved. Valid ≥ 0.
  public var price: Double
  /// Largest reservation, tonnes. Valid ≥ 0.
  public var max: Double

  public init(corridor: String, price: Double, max: Double) {
    self.corridor = corridor
    self.price = price
    self.max = max
  }
}
