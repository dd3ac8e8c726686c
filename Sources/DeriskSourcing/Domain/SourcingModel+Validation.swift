import DeriskScenarios

extension SourcingModel {
  /// Checks the model before any solve; the first problem found is thrown with its path.
  ///
  /// Rules: non-empty unique ids (materials, suppliers, nodes, legs, corridors, scenarios, countries);
  /// every reference known (destination, origins, leg ends, corridor legs, offer materials, effect
  /// selectors, policy targets); every quantity finite and ≥ 0 (capacities, costs, days, demand,
  /// prices, multipliers); probabilities ≥ 0 summing to 1 within 1e-9; shares and α in range;
  /// every material offered by some supplier; every supplier's origin reaches the destination.
  /// - Throws: ``SourcingError`` naming the path (`legs[3].to: unknown node "AKT"`).
  public func validate() throws {
    func fail(_ path: String, _ message: String) -> SourcingError { SourcingError(path: path, message: message) }
    func nonNegative(_ x: Double, _ path: String) throws {
      guard x.isFinite else { throw fail(path, "must be finite, got \(formatNumber(x))") }
      guard x >= 0 else { throw fail(path, "must be ≥ 0, got \(formatNumber(x))") }
    }
    func unique(_ ids: [String], _ list: String) throws -> [String: Int] {
      var seen: [String: Int] = [:]
      for (i, id) in ids.enumerated() {
        guard !id.isEmpty else { throw fail("\(list)[\(i)].id", "must not be empty") }
        if let j = seen[id] { throw fail("\(list)[\(i)].id", "duplicate id \"\(id)\" (also \(list)[\(j)])") }
        seen[id] = i
      }
      return seen
    }
    let materialIndex = try unique(materials.map(\.id), "materials")
    let supplierIndex = try unique(suppliers.map(\.id), "suppliers")
    let nodeIndex = try unique(nodes.map(\.id), "nodes")
    let legIndex = try unique(legs.map(\.id), "legs")
    let corridorIndex = try unique(corridors.map(\.id), "corridors")
    _ = try unique(countries.map(\.id), "countries")
    var scenarioNames: [String: Int] = [:]
    for (i, s) in scenarios.enumerated() {
      guard !s.name.isEmpty else { throw fail("scenarios[\(i)].name", "must not be empty") }
      if let j = scenarioNames[s.name] { throw fail("scenarios[\(i)].name", "duplicate name \"\(s.name)\" (also scenarios[\(j)])") }
      scenarioNames[s.name] = i
    }
    func scores(_ r: RiskScores?, _ path: String) throws {
      guard let r else { return }
      for kind in RiskKind.allCases { if let v = r[kind] { try nonNegative(v, "\(path).\(kind.rawValue)") } }
    }

    guard nodeIndex[destination] != nil else { throw fail("destination", "unknown node \"\(destination)\"") }
    guard !materials.isEmpty else { throw fail("materials", "must hold at least one material") }
    for (i, m) in materials.enumerated() {
      let p = "materials[\(i)]"
      try nonNegative(m.valuePerTonne, "\(p).value_per_tonne")
      try nonNegative(m.demand, "\(p).demand")
      try nonNegative(m.shortfallPenalty, "\(p).shortfall_penalty")
      if let s = m.stockpile {
        try nonNegative(s.initial, "\(p).stockpile.initial")
        if let x = s.maxDraw { try nonNegative(x, "\(p).stockpile.max_draw") }
        if let x = s.holdingCost { try nonNegative(x, "\(p).stockpile.holding_cost") }
        if let x = s.drawCost { try nonNegative(x, "\(p).stockpile.draw_cost") }
      }
      if let s = m.spot {
        try nonNegative(s.price, "\(p).spot.price")
        try nonNegative(s.volume, "\(p).spot.volume")
      }
    }
    for (l, leg) in legs.enumerated() {
      let p = "legs[\(l)]"
      guard nodeIndex[leg.from] != nil else { throw fail("\(p).from", "unknown node \"\(leg.from)\"") }
      guard nodeIndex[leg.to] != nil else { throw fail("\(p).to", "unknown node \"\(leg.to)\"") }
      guard leg.from != leg.to else { throw fail(p, "starts and ends at \"\(leg.from)\"") }
      try nonNegative(leg.capacity, "\(p).capacity")
      try nonNegative(leg.cost, "\(p).cost")
      try nonNegative(leg.days, "\(p).days")
      try scores(leg.risk, "\(p).risk")
    }
    for (k, corridor) in corridors.enumerated() {
      let p = "corridors[\(k)]"
      guard !corridor.legs.isEmpty else { throw fail("\(p).legs", "must name at least one leg") }
      for (j, id) in corridor.legs.enumerated() where legIndex[id] == nil {
        throw fail("\(p).legs[\(j)]", "unknown leg \"\(id)\"")
      }
      if let c = corridor.capacity { try nonNegative(c, "\(p).capacity") }
      try scores(corridor.risk, "\(p).risk")
    }
    for (i, c) in countries.enumerated() { try scores(c.risk, "countries[\(i)].risk") }
    for (i, s) in suppliers.enumerated() {
      let p = "suppliers[\(i)]"
      guard nodeIndex[s.origin] != nil else { throw fail("\(p).origin", "unknown node \"\(s.origin)\"") }
      guard !s.offers.isEmpty else { throw fail("\(p).offers", "must hold at least one offer") }
      var offered = Set<String>()
      for (j, o) in s.offers.enumerated() {
        let q = "\(p).offers[\(j)]"
        guard materialIndex[o.material] != nil else { throw fail("\(q).material", "unknown material \"\(o.material)\"") }
        guard offered.insert(o.material).inserted else { throw fail("\(q).material", "\"\(o.material)\" is offered twice") }
        try nonNegative(o.capacity, "\(q).capacity")
        try nonNegative(o.unitCost, "\(q).unit_cost")
        if let f = o.contractFee { try nonNegative(f, "\(q).contract_fee") }
      }
      if let r = s.realisationProbability {
        guard r.isFinite, r > 0, r <= 1 else { throw fail("\(p).realisation_probability", "must be in (0, 1], got \(formatNumber(r))") }
      }
      try scores(s.risk, "\(p).risk")
    }
    // One pass over the offers, not one per material (materials × offers comparisons before).
    let offeredMaterials = Set(suppliers.lazy.flatMap(\.offers).map(\.material))
    for (m, material) in materials.enumerated() where !offeredMaterials.contains(material.id) {
      throw fail("materials[\(m)]", "no supplier offers \"\(material.id)\"")
    }
    let knownCountries = Set(suppliers.map(\.country))
    let reaching = nodesReachingDestination()
    for (i, s) in suppliers.enumerated() where !reaching.contains(s.origin) {
      throw fail("suppliers[\(i)].origin", "no leg path leads from \"\(s.origin)\" to the destination \"\(destination)\"")
    }

    // Scenarios.
    guard !scenarios.isEmpty else { throw fail("scenarios", "must hold at least one scenario") }
    var total = 0.0
    for (i, s) in scenarios.enumerated() {
      let p = "scenarios[\(i)]"
      guard s.probability.isFinite, s.probability >= 0 else {
        throw fail("\(p).probability", "must be ≥ 0 and finite, got \(formatNumber(s.probability))")
      }
      total += s.probability
      for (j, e) in s.effects.enumerated() {
        try validate(effect: e, path: "\(p).effects[\(j)]", materials: materialIndex, suppliers: supplierIndex,
                     countries: knownCountries, legs: legIndex, corridors: corridorIndex)
      }
    }
    guard abs(total - 1) <= ScenarioSet.sumTolerance else {
      throw fail("scenarios", "probabilities must sum to 1 (within 1e-9), got \(formatNumber(total))")
    }

    // Policy.
    let pol = policy
    guard pol.cvarConfidence.isFinite, pol.cvarConfidence >= 0, pol.cvarConfidence < 1 else {
      throw fail("policy.cvar_confidence", "must be in [0, 1), got \(formatNumber(pol.cvarConfidence))")
    }
    try nonNegative(pol.riskAversion, "policy.risk_aversion")
    guard pol.tvRadius.isFinite, pol.tvRadius >= 0, pol.tvRadius <= 1 else {
      throw fail("policy.tv_radius", "must be in [0, 1], got \(formatNumber(pol.tvRadius))")
    }
    try nonNegative(pol.inventoryCarryingRate, "policy.inventory_carrying_rate")
    try nonNegative(pol.contractFeeShare, "policy.contract_fee_share")
    func share(_ x: Double, _ path: String) throws {
      guard x.isFinite, x >= 0, x <= 1 else { throw fail(path, "must be in [0, 1], got \(formatNumber(x))") }
    }
    func material(_ id: String?, _ path: String) throws {
      if let id, materialIndex[id] == nil { throw fail(path, "unknown material \"\(id)\"") }
    }
    for (i, cap) in pol.countryShareCaps.enumerated() {
      let p = "policy.country_share_caps[\(i)]"
      if let c = cap.country, !knownCountries.contains(c) { throw fail("\(p).country", "no supplier is in \"\(c)\"") }
      try material(cap.material, "\(p).material")
      try share(cap.share, "\(p).share")
    }
    for (i, cap) in pol.corridorShareCaps.enumerated() {
      let p = "policy.corridor_share_caps[\(i)]"
      if let c = cap.corridor, corridorIndex[c] == nil { throw fail("\(p).corridor", "unknown corridor \"\(c)\"") }
      try material(cap.material, "\(p).material")
      try share(cap.share, "\(p).share")
    }
    for (i, cap) in pol.riskScoreCaps.enumerated() {
      let p = "policy.risk_score_caps[\(i)]"
      try material(cap.material, "\(p).material")
      try nonNegative(cap.max, "\(p).max")
    }
    if let k = pol.minSupplierCountries, k < 1 {
      throw fail("policy.min_supplier_countries", "must be ≥ 1, got \(k)")
    }
    if let b = pol.budget { try nonNegative(b, "policy.budget") }
    var reserved = Set<String>()
    for (i, r) in pol.reservations.enumerated() {
      let p = "policy.reservations[\(i)]"
      guard corridorIndex[r.corridor] != nil else { throw fail("\(p).corridor", "unknown corridor \"\(r.corridor)\"") }
      guard reserved.insert(r.corridor).inserted else { throw fail("\(p).corridor", "\"\(r.corridor)\" is reserved twice") }
      try nonNegative(r.price, "\(p).price")
      try nonNegative(r.max, "\(p).max")
    }
  }

  /// One scenario effect; `countries` is the set of supplier countries, built once by the caller
  /// (it was rebuilt per effect: effects × suppliers work).
  private func validate(effect e: ScenarioEffect, path p: String, materials: [String: Int], suppliers: [String: Int],
                        countries known: Set<String>, legs: [String: Int], corridors: [String: Int]) throws {
    func fail(_ path: String, _ message: String) -> SourcingError { SourcingError(path: path, message: message) }
    if let s = e.supplier, suppliers[s] == nil { throw fail("\(p).supplier", "unknown supplier \"\(s)\"") }
    if let c = e.country, !known.contains(c) { throw fail("\(p).country", "no supplier is in \"\(c)\"") }
    if let c = e.exceptCountry, !known.contains(c) { throw fail("\(p).except_country", "no supplier is in \"\(c)\"") }
    if let m = e.material, materials[m] == nil { throw fail("\(p).material", "unknown material \"\(m)\"") }
    if let l = e.leg, legs[l] == nil { throw fail("\(p).leg", "unknown leg \"\(l)\"") }
    if let k = e.corridor, corridors[k] == nil { throw fail("\(p).corridor", "unknown corridor \"\(k)\"") }
    if e.isTransport {
      if e.hasSupplySelector || e.material != nil {
        throw fail(p, "mixes transport selectors (leg, corridor, mode) with supply selectors (supplier, country, except_country, material)")
      }
      if e.spotPrice != nil || e.spotVolume != nil || e.demand != nil {
        throw fail(p, "spot_price, spot_volume and demand do not apply to legs")
      }
    } else if e.addDays != nil {
      throw fail("\(p).add_days", "applies to legs only (give leg, corridor or mode)")
    }
    for (key, value) in [("capacity", e.capacity), ("cost", e.cost), ("spot_price", e.spotPrice),
                         ("spot_volume", e.spotVolume), ("demand", e.demand)] {
      if let v = value {
        guard v.isFinite, v >= 0 else { throw fail("\(p).\(key)", "multiplier must be ≥ 0 and finite, got \(formatNumber(v))") }
      }
    }
    for (key, value) in [("add_capacity", e.addCapacity), ("add_days", e.addDays)] {
      if let v = value, !v.isFinite { throw fail("\(p).\(key)", "must be finite, got \(formatNumber(v))") }
    }
  }

  /// Nodes from which some leg path leads to the destination (the destination included).
  func nodesReachingDestination() -> Set<String> {
    var reach: Set<String> = [destination]
    var incoming: [String: [String]] = [:]
    for leg in legs { incoming[leg.to, default: []].append(leg.from) }
    var stack = [destination]
    while let n = stack.popLast() {
      for m in incoming[n] ?? [] where reach.insert(m).inserted { stack.append(m) }
    }
    return reach
  }
}
