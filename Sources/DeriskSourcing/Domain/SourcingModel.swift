/// A complete sourcing model: what is needed where, who can supply it, how it can travel, what may
/// happen, and the buyer's policy. The file format (YAML or JSON) is this type's Codable form; see
/// the README ("Sourcing models") and the DocC article.
public struct SourcingModel: Sendable, Hashable, Codable {
  /// A name for reports.
  public var name: String?
  /// What the model is about.
  public var description: String?
  /// Currency of every price. Default "USD".
  public var currency: String
  /// The node where demand is (the buyer's port).
  public var destination: String
  public var materials: [Material]
  public var suppliers: [Supplier]
  public var nodes: [Node]
  public var legs: [Leg]
  public var corridors: [Corridor]
  /// Risk scores by country.
  public var countries: [CountryProfile]
  public var scenarios: [SourcingScenario]
  public var policy: Policy

  public init(name: String? = nil, description: String? = nil, currency: String = "USD", destination: String,
              materials: [Material], suppliers: [Supplier], nodes: [Node], legs: [Leg], corridors: [Corridor] = [],
              countries: [CountryProfile] = [], scenarios: [SourcingScenario], policy: Policy = Policy()) {
    self.name = name
    self.description = description
    self.currency = currency
    self.destination = destination
    self.materials = materials
    self.suppliers = suppliers
    self.nodes = nodes
    self.legs = legs
    self.corridors = corridors
    self.countries = countries
    self.scenarios = scenarios
    self.policy = policy
  }

  enum CodingKeys: String, CodingKey {
    case name, description, currency, destination, materials, suppliers, nodes, legs, corridors, countries, scenarios, policy
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decodeIfPresent(String.self, forKey: .name)
    description = try c.decodeIfPresent(String.self, forKey: .description)
    currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? "USD"
    destination = try c.decode(String.self, forKey: .destination)
    materials = try c.decode([Material].self, forKey: .materials)
    suppliers = try c.decode([Supplier].self, forKey: .suppliers)
    nodes = try c.decode([Node].self, forKey: .nodes)
    legs = try c.decodeIfPresent([Leg].self, forKey: .legs) ?? []
    corridors = try c.decodeIfPresent([Corridor].self, forKey: .corridors) ?? []
    countries = try c.decodeIfPresent([CountryProfile].self, forKey: .countries) ?? []
    scenarios = try c.decode([SourcingScenario].self, forKey: .scenarios)
    policy = try c.decodeIfPresent(Policy.self, forKey: .policy) ?? Policy()
  }

  /// The risk scores of a supplier: its own, else its country's.
  public func riskScores(of supplier: Supplier) -> RiskScores? {
    supplier.risk ?? countries.first { $0.id == supplier.country }?.risk
  }

  /// The distinct supplier countries, in order of first appearance.
  public var supplierCountries: [String] {
    var seen = Set<String>()
    return suppliers.compactMap { seen.insert($0.country).inserted ? $0.country : nil }
  }
}
