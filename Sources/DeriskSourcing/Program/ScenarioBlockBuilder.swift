import Foundation
import DeriskSolvers

/// Where a sourcing program's scenario blocks put their columns and rows: one flat table per kind (see
/// `ScenarioIndexTable`), the scenario cost parts, and the corridor share rows, scenario after scenario.
struct ScenarioBlockTables: Sendable {
  /// Offers in supplier order ([s][offerStart[supplier] + offer]); the supplier's capacity in the scenario is
  /// the variable's upper bound, not a row.
  var ship: ScenarioIndexTable
  /// [s][leg · M + material].
  var flow: ScenarioIndexTable
  var spot: ScenarioIndexTable        // [s][material]
  var draw: ScenarioIndexTable        // [s][material]
  var shortfall: ScenarioIndexTable   // [s][material]
  var demandRows: ScenarioIndexTable  // [s][material]
  var legRows: ScenarioIndexTable     // [s][leg]
  var corridorRows: ScenarioIndexTable  // [s][corridor]
  /// The scenario parts of Cₛ (the first-stage parts live in the program).
  var costParts = ScenarioCostTable(parts: [.goods, .freight, .pipelineInventory, .spot, .stockpile, .shortfall])
  var corridorShareRows: [SourcingProgram.ShareRow] = []

  /// Empty tables for `scenarios` scenarios of a model with these dimensions.
  init(offers: Int, legs: Int, materials: Int, corridors: Int, scenarios: Int) {
    ship = ScenarioIndexTable(width: offers, scenarios: scenarios)
    flow = ScenarioIndexTable(width: legs * materials, scenarios: scenarios)
    spot = ScenarioIndexTable(width: materials, scenarios: scenarios)
    draw = ScenarioIndexTable(width: materials, scenarios: scenarios)
    shortfall = ScenarioIndexTable(width: materials, scenarios: scenarios)
    demandRows = ScenarioIndexTable(width: materials, scenarios: scenarios)
    legRows = ScenarioIndexTable(width: legs, scenarios: scenarios)
    corridorRows = ScenarioIndexTable(width: corridors, scenarios: scenarios)
  }

  /// Appends the scenarios of `other`, whose columns j ≥ `shift.firstColumn` (and rows i ≥ `shift.firstRow`)
  /// are `columns` (`rows`) further on in `model` (see `Model.append(_:above:)`).
  mutating func append(_ other: ScenarioBlockTables, shift: ScenarioShift, in model: Model) {
    ship.append(other.ship, shiftingFrom: shift.firstColumn, by: shift.columns)
    flow.append(other.flow, shiftingFrom: shift.firstColumn, by: shift.columns)
    spot.append(other.spot, shiftingFrom: shift.firstColumn, by: shift.columns)
    draw.append(other.draw, shiftingFrom: shift.firstColumn, by: shift.columns)
    shortfall.append(other.shortfall, shiftingFrom: shift.firstColumn, by: shift.columns)
    demandRows.append(other.demandRows, shiftingFrom: shift.firstRow, by: shift.rows)
    legRows.append(other.legRows, shiftingFrom: shift.firstRow, by: shift.rows)
    corridorRows.append(other.corridorRows, shiftingFrom: shift.firstRow, by: shift.rows)
    costParts.append(other.costParts, shiftingFrom: shift.firstColumn, by: shift.columns)
    for var r in other.corridorShareRows {
      if r.row.index >= shift.firstRow { r.row = model.constraint(at: r.row.index + shift.rows) }
      corridorShareRows.append(r)
    }
  }
}

/// How a fragment's own columns and rows move when it is appended: index j ≥ firstColumn becomes j + columns.
struct ScenarioShift: Sendable {
  var firstColumn: Int, columns: Int
  var firstRow: Int, rows: Int
}

/// Adds one scenario block of a sourcing program to a model: the recourse variables of scenario s, its rows
/// (take ≤ contract, demand, balances, leg and corridor capacities, corridor shares) and its cost parts. It
/// holds only what every scenario shares, read-only, so that blocks can be built on several threads, each
/// into its own copy of the first-stage model (see `SourcingProgram.build`).
struct ScenarioBlockBuilder: Sendable {
  let sm: SourcingModel
  let parameters: [ScenarioParameters]
  let scenarioNames: [String]
  /// [leg][material]: whether the leg can carry useful flow of the material.
  let usable: [[Bool]]
  let series: SeriesNodes
  let offerStart: [Int]
  let entryLegs: [[Int]]
  /// The first stage's contracts [supplier][offer] and reservations [corridor].
  let contract: [[Variable]]
  let reserve: [Variable?]
  /// [supplier][offer]: the offer's material index, when its origin balances it (not a series node).
  private let offerBalance: [[Int?]]
  /// [leg]: the corridors (in order) the leg belongs to.
  private let corridorsOfLeg: [[Int]]
  /// [corridor][material]: the tightest corridor share cap, when any applies.
  private let shareCap: [[Double?]]
  /// The nodes a balance row may be written for, in the order of their names' `<` (the order of the rows),
  /// and by number: each supplier's origin, each leg's ends and the destination. A block's balances are
  /// gathered by node number, so building one hashes no node name.
  private let nodeNames: [String]
  private let originNode: [Int]
  private let legNodes: [(from: Int, to: Int)]
  private let destinationNode: Int
  /// [leg][material]: whether the leg's flow enters the balance of its origin (from) and of its end (to),
  /// i.e. whether that node is not a series node of the material.
  private let legBalances: [[(from: Bool, to: Bool)]]

  init(sm: SourcingModel, parameters: [ScenarioParameters], scenarioNames: [String], usable: [[Bool]],
       series: SeriesNodes, offerStart: [Int], entryLegs: [[Int]], contract: [[Variable]], reserve: [Variable?]) {
    self.sm = sm
    self.parameters = parameters
    self.scenarioNames = scenarioNames
    self.usable = usable
    self.series = series
    self.offerStart = offerStart
    self.entryLegs = entryLegs
    self.contract = contract
    self.reserve = reserve
    let materialIndex = Dictionary(sm.materials.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    offerBalance = sm.suppliers.map { sup in
      sup.offers.map { offer in materialIndex[offer.material].flatMap { series.contains(sup.origin, $0) ? nil : $0 } }
    }
    corridorsOfLeg = sm.legs.map { leg in sm.corridors.indices.filter { sm.corridors[$0].legs.contains(leg.id) } }
    nodeNames = Set(sm.suppliers.map(\.origin) + sm.legs.flatMap { [$0.from, $0.to] } + [sm.destination]).sorted()
    let nodeIndex = Dictionary(uniqueKeysWithValues: nodeNames.enumerated().map { ($1, $0) })
    originNode = sm.suppliers.map { nodeIndex[$0.origin]! }
    legNodes = sm.legs.map { (nodeIndex[$0.from]!, nodeIndex[$0.to]!) }
    destinationNode = nodeIndex[sm.destination]!
    legBalances = sm.legs.map { leg in
      sm.materials.indices.map { m in (!series.contains(leg.from, m), !series.contains(leg.to, m)) }
    }
    let caps = sm.policy.corridorShareCaps
    shareCap = sm.corridors.map { corridor in
      sm.materials.map { material in
        caps.filter { ($0.corridor == nil || $0.corridor == corridor.id) && ($0.material == nil || $0.material == material.id) }
          .map(\.share).min()
      }
    }
  }

  /// Empty tables for `scenarios` scenarios of this program.
  func tables(scenarios: Int) -> ScenarioBlockTables {
    ScenarioBlockTables(offers: offerStart.last ?? 0, legs: sm.legs.count, materials: sm.materials.count,
                        corridors: sm.corridors.count, scenarios: scenarios)
  }

  /// Adds scenario s's block to `model` and its entries to `tables`, labelled as scenario `label` (s
  /// itself unless the block goes into a program of its own, see `OneScenarioPrograms`).
  func add(_ s: Int, to model: inout Model, tables: inout ScenarioBlockTables, label: Int? = nil) throws {
    let policy = sm.policy
    let M = sm.materials.count
    let par = parameters[s]
    let block = BlockLabel.scenario(label ?? s)
    var goods = LinearExpression(), freight = LinearExpression(), pipeline = LinearExpression()
    var spotCost = LinearExpression(), stockCost = LinearExpression(), shortCost = LinearExpression()
    // Balance of material m at node n (by number, see `nodeNames`): inflow + supply − outflow.
    var balance = [[LinearExpression]?](repeating: nil, count: nodeNames.count)
    func add(_ node: Int, _ m: Int, _ v: Variable, _ a: Double) {
      if balance[node] == nil { balance[node] = [LinearExpression](repeating: LinearExpression(), count: M) }
      balance[node]![m].addTerm(v, a)
    }

    var shipS: [Variable] = []
    shipS.reserveCapacity(offerStart.last ?? 0)
    for (i, sup) in sm.suppliers.enumerated() {
      for (o, offer) in sup.offers.enumerated() {
        let tag = "\(sup.id),\(offer.material),\(scenarioNames[s])"
        let y = try model.addVariable(name: "ship[\(tag)]", lower: 0, upper: par.offerCapacity[i][o], block: block)
        try model.addConstraint(y - contract[i][o], .lessOrEqual, 0, name: "take[\(tag)]", block: block)
        goods.addTerm(y, par.offerUnitCost[i][o])
        if let m = offerBalance[i][o] { add(originNode[i], m, y, 1) }
        shipS.append(y)
      }
    }
    tables.ship.append(shipS.map(\.index))

    var flowS = [[Variable?]](repeating: [Variable?](repeating: nil, count: M), count: sm.legs.count)
    for (l, leg) in sm.legs.enumerated() {
      for (m, material) in sm.materials.enumerated() where usable[l][m] && series.source(leg: l, material: m) == nil {
        flowS[l][m] = try model.addVariable(name: "flow[\(leg.id),\(material.id),\(scenarioNames[s])]", lower: 0,
                                            upper: .infinity, block: block)
      }
    }
    for l in sm.legs.indices {
      for (m, material) in sm.materials.enumerated() where usable[l][m] {
        // A leg out of a series node carries what came in: the variable of the way in.
        let f: Variable
        switch series.source(leg: l, material: m) {
        case nil: f = flowS[l][m]!
        case .leg(let root)?: f = flowS[root][m]!
        case .offer(let k)?: f = shipS[k]
        }
        flowS[l][m] = f
        freight.addTerm(f, par.legCost[l])
        let carrying = material.valuePerTonne * policy.inventoryCarryingRate * par.legDays[l] / 365
        if carrying != 0 { pipeline.addTerm(f, carrying) }
        if legBalances[l][m].from { add(legNodes[l].from, m, f, -1) }
        if legBalances[l][m].to { add(legNodes[l].to, m, f, 1) }
      }
    }
    tables.flow.append(flowS.flatMap { $0.map { $0?.index } })

    var spotS: [Variable?] = [], drawS: [Variable?] = [], shortS: [Variable] = [], demandS: [Constraint] = []
    for (m, material) in sm.materials.enumerated() {
      let tag = "\(material.id),\(scenarioNames[s])"
      var v: Variable? = nil
      if material.spot != nil, par.spotVolume[m] > 0 {
        let z = try model.addVariable(name: "spot[\(tag)]", lower: 0, upper: par.spotVolume[m], block: block)
        spotCost.addTerm(z, par.spotPrice[m])
        add(destinationNode, m, z, 1)
        v = z
      }
      spotS.append(v)
      var d: Variable? = nil
      if let stock = material.stockpile {
        let limit = min(stock.initial, stock.maxDraw ?? stock.initial)
        if limit > 0 {
          let x = try model.addVariable(name: "draw[\(tag)]", lower: 0, upper: limit, block: block)
          stockCost.addTerm(x, stock.drawCost ?? material.valuePerTonne)
          add(destinationNode, m, x, 1)
          d = x
        }
        stockCost.constant += (stock.holdingCost ?? 0) * stock.initial
      }
      drawS.append(d)
      let short = try model.addVariable(name: "shortfall[\(tag)]", lower: 0, upper: .infinity, block: block)
      shortCost.addTerm(short, material.shortfallPenalty)
      add(destinationNode, m, short, 1)
      shortS.append(short)
    }
    tables.spot.append(spotS.map { $0?.index })
    tables.draw.append(drawS.map { $0?.index })
    tables.shortfall.append(shortS.map(\.index))

    for m in 0..<M {
      let e = balance[destinationNode]?[m] ?? LinearExpression()
      demandS.append(try model.addConstraint(e, .equal, par.demand[m], name: "demand[\(sm.materials[m].id),\(scenarioNames[s])]", block: block))
    }
    tables.demandRows.append(demandS.map(\.index))
    for node in nodeNames.indices where node != destinationNode {
      for m in 0..<M {
        guard let e = balance[node]?[m], e.termCount > 0 else { continue }
        try model.addConstraint(e, .equal, 0, name: "balance[\(nodeNames[node]),\(sm.materials[m].id),\(scenarioNames[s])]", block: block)
      }
    }

    // Leg capacities (with reserved capacity of the corridors the leg belongs to).
    var legS = [Constraint?](repeating: nil, count: sm.legs.count)
    for (l, leg) in sm.legs.enumerated() {
      let flows = flowS[l].compactMap { $0 }
      guard !flows.isEmpty else { continue }
      var e = LinearExpression.sum(flows)
      for k in corridorsOfLeg[l] {
        if let r = reserve[k] { e.addTerm(r, -par.legCapacityMultiplier[l]) }
      }
      legS[l] = try model.addConstraint(e, .lessOrEqual, par.legCapacity(l, base: leg.capacity),
                                        name: "leg[\(leg.id),\(scenarioNames[s])]", block: block)
    }
    tables.legRows.append(legS.map { $0?.index })
    // Corridor caps.
    var corridorS = [Constraint?](repeating: nil, count: sm.corridors.count)
    for (k, corridor) in sm.corridors.enumerated() {
      guard let cap = corridor.capacity else { continue }
      var e = LinearExpression()
      for l in entryLegs[k] { for f in flowS[l] { if let f { e.addTerm(f, 1) } } }
      guard e.termCount > 0 else { continue }
      if let r = reserve[k] { e.addTerm(r, -par.corridorCapacityMultiplier[k]) }
      corridorS[k] = try model.addConstraint(e, .lessOrEqual, par.corridorCapacityMultiplier[k] * cap,
                                             name: "corridor[\(corridor.id),\(scenarioNames[s])]", block: block)
    }
    tables.corridorRows.append(corridorS.map { $0?.index })
    // Corridor share caps, as a share of this scenario's demand.
    for (k, corridor) in sm.corridors.enumerated() {
      for m in 0..<M {
        guard let share = shareCap[k][m] else { continue }
        var e = LinearExpression()
        for l in entryLegs[k] { if let f = flowS[l][m] { e.addTerm(f, 1) } }
        guard e.termCount > 0 else { continue }
        let row = try model.addConstraint(e, .lessOrEqual, share * par.demand[m],
                                          name: "corridor_share[\(corridor.id),\(sm.materials[m].id),\(scenarioNames[s])]", block: block)
        tables.corridorShareRows.append(.init(target: corridor.id, material: m, scenario: label ?? s, share: share, row: row))
      }
    }
    tables.costParts.append([.goods: goods, .freight: freight, .pipelineInventory: pipeline, .spot: spotCost,
                             .stockpile: stockCost, .shortfall: shortCost])
  }
}

extension SourcingProgram {
  /// Scenarios per chunk of `addScenarioBlocks`: each chunk is built on one thread into its own copy of the
  /// first-stage model, and chunks are appended in order.
  static let scenariosPerChunk = 128

  /// Adds every scenario's block: scenario 0 into the model itself (its size then reserves the storage of
  /// the rest), the others in chunks of `scenariosPerChunk`, built in parallel on copies of the first-stage
  /// model and appended in scenario order (`Model.append(_:above:)`). The chunks do not depend on the number
  /// of threads, so the model is the one a loop over the scenarios builds, column for column and name for
  /// name. Each round builds two chunks per core, then appends them, so at most one round of chunks is held
  /// at once. (Appending one round while the next is built, through a pointer to the program, measured the
  /// same: 3.58–4.06 s against 3.59–4.72 s.) At 30,000 generated scenarios the program took 3.6–3.9 s to
  /// build on two cores against 5.8–6.6 s with every scenario in one chunk (Benchmarks/RESULTS.md, session 29).
  mutating func addScenarioBlocks(_ builder: ScenarioBlockBuilder) throws {
    let S = parameters.count
    let base = model, baseSize = model.size
    blocks = builder.tables(scenarios: S)
    try builder.add(0, to: &model, tables: &blocks)
    defer { blocks.costParts.releaseUnusedCapacity() }
    guard S > 1 else { return }
    let perScenario = Model.Size(columns: model.variableCount - baseSize.columns, rows: model.constraintCount - baseSize.rows,
                                 terms: model.termCount - baseSize.terms)
    reserveForScenarios(S - 1, like: perScenario)
    blocks.costParts.reserveCapacity(scenarios: S)

    let chunk = Self.scenariosPerChunk
    let chunkCount = (S - 1 + chunk - 1) / chunk
    let wave = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    for first in stride(from: 0, to: chunkCount, by: wave) {
      var built = [Result<(Model, ScenarioBlockTables), any Error>?](repeating: nil, count: min(wave, chunkCount - first))
      built.withUnsafeMutableBufferPointer { buffer in
        let out = DisjointWrites(buffer)
        forEachChunkInParallel(buffer.count) { c in
          let lower = 1 + (first + c) * chunk, upper = min(S, lower + chunk)
          out[c] = Result {
            var fragment = base
            fragment.reserveCapacity(variables: (upper - lower) * perScenario.columns,
                                     constraints: (upper - lower) * perScenario.rows, terms: (upper - lower) * perScenario.terms)
            var tables = builder.tables(scenarios: upper - lower)
            for s in lower..<upper { try builder.add(s, to: &fragment, tables: &tables) }
            return (fragment, tables)
          }
        }
      }
      // In scenario order: the first failure thrown is the first scenario's that failed.
      for result in built {
        let (fragment, tables) = try result!.get()
        let appended = try model.append(fragment, above: baseSize)
        blocks.append(tables, shift: ScenarioShift(firstColumn: baseSize.columns, columns: appended.columns,
                                                   firstRow: baseSize.rows, rows: appended.rows), in: model)
      }
    }
    // The chunks were allocated in the worker threads' malloc arenas, which keep what is freed for those
    // threads: at 30,000 generated scenarios the process held 240 MB more through the solve than with the
    // scenarios built one by one, and peaked 100 MB higher, until this gave it back.
    releaseFreedMemory()
  }
}
