/// The numbers of one scenario after its effects are applied to the baseline.
///
/// For offer o of supplier i: capacity κ·ρᵢ·capᵢₒ + add (clamped at 0), unit cost γ·costᵢₒ; for leg l:
/// capacity multiplier κₗ (also applied to reserved capacity), freight γₗ·costₗ, days daysₗ + δₗ
/// (clamped at 0), extra capacity addₗ; per material: demand, spot price and volume scaled.
public struct ScenarioParameters: Sendable, Hashable {
  /// [supplier][offer] capacity in tonnes.
  public var offerCapacity: [[Double]]
  /// [supplier][offer] ∂capacity/∂(baseline capacity) = ρᵢκ (0 where the capacity is clamped at 0).
  public var offerCapacityMultiplier: [[Double]]
  /// [supplier][offer] unit cost, $/t.
  public var offerUnitCost: [[Double]]
  /// Per leg: capacity multiplier κₗ.
  public var legCapacityMultiplier: [Double]
  /// Per leg: tonnes added to capacity.
  public var legAddedCapacity: [Double]
  /// Per leg: freight, $/t.
  public var legCost: [Double]
  /// Per leg: transit days.
  public var legDays: [Double]
  /// Per corridor: multiplier of its own capacity cap (and of its reservations on that cap).
  public var corridorCapacityMultiplier: [Double]
  /// Per material.
  public var demand: [Double]
  public var spotPrice: [Double]
  public var spotVolume: [Double]

  /// The leg's capacity in this scenario: κₗ capₗ + addₗ (clamped at 0).
  func legCapacity(_ l: Int, base: Double) -> Double { max(0, legCapacityMultiplier[l] * base + legAddedCapacity[l]) }

  /// The baseline of `model` with `effects` applied.
  public init(model: SourcingModel, effects: [ScenarioEffect]) {
    let legIndex = Dictionary(model.legs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    let corridorIndex = Dictionary(model.corridors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    var capMul = model.suppliers.map { $0.offers.map { _ in 1.0 } }
    var capAdd = model.suppliers.map { $0.offers.map { _ in 0.0 } }
    var costMul = capMul
    var legMul = model.legs.map { _ in 1.0 }
    var legAdd = model.legs.map { _ in 0.0 }
    var legCostMul = legMul
    var legDaysAdd = legAdd
    var corridorMul = model.corridors.map { _ in 1.0 }
    var demandMul = model.materials.map { _ in 1.0 }
    var spotPriceMul = demandMul
    var spotVolumeMul = demandMul

    for e in effects {
      if e.isTransport {
        var selected = Set(model.legs.indices)
        if let id = e.leg { selected.formIntersection(legIndex[id].map { [$0] } ?? []) }
        if let id = e.corridor, let k = corridorIndex[id] {
          selected.formIntersection(model.corridors[k].legs.compactMap { legIndex[$0] })
          if let c = e.capacity { corridorMul[k] *= c }
        }
        if let mode = e.mode { selected = selected.filter { model.legs[$0].mode == mode } }
        for l in selected {
          if let c = e.capacity { legMul[l] *= c; legAdd[l] *= c }
          if let a = e.addCapacity { legAdd[l] += a }
          if let c = e.cost { legCostMul[l] *= c }
          if let d = e.addDays { legDaysAdd[l] += d }
        }
      } else {
        for (i, s) in model.suppliers.enumerated() {
          if let id = e.supplier, s.id != id { continue }
          if let c = e.country, s.country != c { continue }
          if let c = e.exceptCountry, s.country == c { continue }
          for (o, offer) in s.offers.enumerated() {
            if let m = e.material, offer.material != m { continue }
            if let c = e.capacity { capMul[i][o] *= c; capAdd[i][o] *= c }
            if let a = e.addCapacity { capAdd[i][o] += a }
            if let c = e.cost { costMul[i][o] *= c }
          }
        }
        for (m, material) in model.materials.enumerated() {
          if let id = e.material, material.id != id { continue }
          if let x = e.demand { demandMul[m] *= x }
          if let x = e.spotPrice { spotPriceMul[m] *= x }
          if let x = e.spotVolume { spotVolumeMul[m] *= x }
        }
      }
    }
    offerCapacity = model.suppliers.enumerated().map { i, s in
      let rho = s.realisationProbability ?? 1
      return s.offers.enumerated().map { o, offer in max(0, rho * (capMul[i][o] * offer.capacity + capAdd[i][o])) }
    }
    offerCapacityMultiplier = model.suppliers.enumerated().map { i, s in
      let rho = s.realisationProbability ?? 1
      return s.offers.enumerated().map { o, offer in capMul[i][o] * offer.capacity + capAdd[i][o] > 0 ? rho * capMul[i][o] : 0 }
    }
    offerUnitCost = model.suppliers.enumerated().map { i, s in s.offers.enumerated().map { o, offer in costMul[i][o] * offer.unitCost } }
    legCapacityMultiplier = legMul
    legAddedCapacity = legAdd
    legCost = model.legs.enumerated().map { l, leg in legCostMul[l] * leg.cost }
    legDays = model.legs.enumerated().map { l, leg in max(0, leg.days + legDaysAdd[l]) }
    corridorCapacityMultiplier = corridorMul
    demand = model.materials.enumerated().map { m, x in demandMul[m] * x.demand }
    spotPrice = model.materials.enumerated().map { m, x in spotPriceMul[m] * (x.spot?.price ?? 0) }
    spotVolume = model.materials.enumerated().map { m, x in spotVolumeMul[m] * (x.spot?.volume ?? 0) }
  }

  /// The probability-weighted mean of several scenarios' parameters (the expected-value scenario).
  public static func mean(_ list: [ScenarioParameters], weights p: [Double]) -> ScenarioParameters {
    var out = list[0]
    func avg(_ key: KeyPath<ScenarioParameters, [Double]>) -> [Double] {
      var r = [Double](repeating: 0, count: list[0][keyPath: key].count)
      for (s, x) in list.enumerated() { for j in r.indices { r[j] += p[s] * x[keyPath: key][j] } }
      return r
    }
    func avg2(_ key: KeyPath<ScenarioParameters, [[Double]]>) -> [[Double]] {
      var r = list[0][keyPath: key].map { $0.map { _ in 0.0 } }
      for (s, x) in list.enumerated() {
        for i in r.indices { for j in r[i].indices { r[i][j] += p[s] * x[keyPath: key][i][j] } }
      }
      return r
    }
    out.offerCapacity = avg2(\.offerCapacity)
    out.offerUnitCost = avg2(\.offerUnitCost)
    out.offerCapacityMultiplier = avg2(\.offerCapacityMultiplier)
    out.legCapacityMultiplier = avg(\.legCapacityMultiplier)
    out.legAddedCapacity = avg(\.legAddedCapacity)
    out.legCost = avg(\.legCost)
    out.legDays = avg(\.legDays)
    out.corridorCapacityMultiplier = avg(\.corridorCapacityMultiplier)
    out.demand = avg(\.demand)
    out.spotPrice = avg(\.spotPrice)
    out.spotVolume = avg(\.spotVolume)
    return out
  }
}
