/// A critical material bought for one destination.
///
/// Demand Dₘ (tonnes per year) is delivered at the destination, from contracted suppliers over
/// the network, from the spot market, from a stockpile, or falls short at `shortfallPenalty` $/t.
/// `valuePerTonne` prices the pipeline inventory: a tonne on a leg of d days costs
/// value × r × d / 365 with r the policy's inventory carrying rate.
public struct Material: Sendable, Hashable, Codable {
  /// Unique id (`ndpr_oxide`).
  public var id: String
  /// Display name; the id when absent.
  public var name: String?
  /// The unit of quantities. Default "t" (all quantities are tonnes).
  public var unit: String
  /// Value in $ per tonne, for the pipeline-inventory cost. Valid ≥ 0.
  public var valuePerTonne: Double
  /// Annual demand Dₘ at the destination, tonnes. Valid ≥ 0.
  public var demand: Double
  /// Cost of each tonne of demand not met, $/t. Valid ≥ 0.
  public var shortfallPenalty: Double
  /// An optional stockpile at the destination.
  public var stockpile: Stockpile?
  /// An optional spot market delivering at the destination.
  public var spot: SpotMarket?

  public init(id: String, name: String? = nil, unit: String = "t", valuePerTonne: Double, demand: Double,
              shortfallPenalty: Double, stockpile: Stockpile? = nil, spot: SpotMarket? = nil) {
    self.id = id
    self.name = name
    self.unit = unit
    self.valuePerTonne = valuePerTonne
    self.demand = demand
    self.shortfallPenalty = shortfallPenalty
    self.stockpile = stockpile
    self.spot = spot
  }

  enum CodingKeys: String, CodingKey {
    case id, name, unit, valuePerTonne = "value_per_tonne", demand, shortfallPenalty = "shortfall_penalty", stockpile, spot
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    name = try c.decodeIfPresent(String.self, forKey: .name)
    unit = try c.decodeIfPresent(String.self, forKey: .unit) ?? "t"
    valuePerTonne = try c.decodeIfPresent(Double.self, forKey: .valuePerTonne) ?? 0
    demand = try c.decode(Double.self, forKey: .demand)
    shortfallPenalty = try c.decode(Double.self, forKey: .shortfallPenalty)
    stockpile = try c.decodeIfPresent(Stockpile.self, forKey: .stockpile)
    spot = try c.decodeIfPresent(SpotMarket.self, forKey: .spot)
  }
}

/// A stockpile at the destination: up to min(initial, maxDraw) tonnes can be drawn in a scenario.
///
/// A drawn tonne costs `drawCost` (the price of replenishing it; default the material's value per
/// tonne). Holding the initial stock costs `holdingCost` × initial in every scenario (a constant).
public struct Stockpile: Sendable, Hashable, Codable {
  /// Tonnes held at the start of the year. Valid ≥ 0.
  public var initial: Double
  /// Largest draw in one year, tonnes. Default: `initial`. Valid ≥ 0.
  public var maxDraw: Double?
  /// $ per tonne held per year. Default 0. Valid ≥ 0.
  public var holdingCost: Double?
  /// $ per tonne drawn. Default: the material's value per tonne. Valid ≥ 0.
  public var drawCost: Double?

  public init(initial: Double, maxDraw: Double? = nil, holdingCost: Double? = nil, drawCost: Double? = nil) {
    self.initial = initial
    self.maxDraw = maxDraw
    self.holdingCost = holdingCost
    self.drawCost = drawCost
  }

  enum CodingKeys: String, CodingKey {
    case initial, maxDraw = "max_draw", holdingCost = "holding_cost", drawCost = "draw_cost"
  }
}

/// A spot market at the destination: up to `volume` tonnes at `price` $/t (both scaled by scenario effects).
public struct SpotMarket: Sendable, Hashable, Codable {
  /// $ per tonne. Valid ≥ 0.
  public var price: Double
  /// Largest purchase, tonnes per year. Valid ≥ 0.
  public var volume: Double

  public init(price: Double, volume: Double) {
    self.price = price
    self.volume = volume
  }
}
