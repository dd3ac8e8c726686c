import DeriskScenarios
import DeriskSolvers

/// The two-stage program of a ``SourcingModel``, built through the modeling layer.
///
/// Every variable and constraint carries its block: `.firstStage` for contracts, reservations,
/// the risk measure's thresholds and the policy rows on contracts; `.scenario(s)` for the recourse
/// of scenario s (deliveries, flows, spot, stockpile, shortfall) and its rows. A scenario's rows touch
/// only its own variables and first-stage ones; the scenario cost Cₛ is an affine *expression*, never
/// a variable, so the CVaR rows uₛ + t − Cₛ ≥ 0 hold the only coupling through t. See the DocC
/// article "The sourcing program" for the equations.
public struct SourcingProgram: Sendable {
  /// The sourcing model the program was built from.
  public let sourcingModel: SourcingModel
  /// The optimisation model (variables, rows, objective, block labels).
  public internal(set) var model: Model
  /// Scenario names and probabilities, in block order.
  public let scenarioNames: [String]
  public let probabilities: [Double]
  /// The scenario numbers after effects (empty only inside `SourcingModel.solve`, while the model is solved:
  /// see `solve(options:)`).
  public internal(set) var parameters: [ScenarioParameters]

  // First stage.
  package private(set) var contract: [[Variable]] = []   // [supplier][offer]
  package private(set) var reserve: [Variable?] = []     // [corridor]
  var reservationPrice: [Double] = []      // [corridor]
  var contractFee: [[Double]] = []         // [supplier][offer]
  var countryShareRows: [ShareRow] = []
  /// Per scenario, as column (row) indices in flat tables, read through the accessors below: the
  /// recourse columns, the rows, the scenario cost parts and the corridor share rows.
  var blocks = ScenarioBlockTables(offers: 0, legs: 0, materials: 0, corridors: 0, scenarios: 0)
  /// Where each supplier's offers start in a scenario's shipments.
  var offerStart: [Int] = []
  /// Cₛ split by part, Cₛ = Σ parts (see `costPart`): the first-stage parts, the same in every scenario,
  /// once; the scenario parts are in `blocks.costParts`.
  var firstStageCostParts: [CostPart: LinearExpression] = [:]
  /// The corridor share rows, one per scenario, corridor and capped material.
  var corridorShareRows: [ShareRow] { blocks.corridorShareRows }
  /// Entry legs of each corridor (its throughput is their flow).
  let entryLegs: [[Int]]
  /// The CVaR threshold t (VaR at the optimum), when the objective has one.
  var threshold: Variable?
  /// What builds the scenario blocks, kept only by a first-stage-only program (see `OneScenarioPrograms`).
  private(set) var scenarioBlockBuilder: ScenarioBlockBuilder?

  /// The shipment of a supplier's offer in scenario s, 0 ≤ y ≤ capacity (a bound: as a row
  /// y − slack = 0 it cost every scenario block a row and a column for what a bound says).
  func shipment(_ s: Int, supplier i: Int, offer o: Int) -> Variable {
    model.variable(at: blocks.ship[s, offerStart[i] + o]!)
  }

  /// The flow of material m on leg l in scenario s, when that pair can carry useful flow.
  func flowVariable(_ s: Int, leg l: Int, material m: Int) -> Variable? {
    blocks.flow[s, l * sourcingModel.materials.count + m].map { model.variable(at: $0) }
  }
  /// The spot purchase of material m in scenario s, when the market offers any.
  func spotVariable(_ s: Int, material m: Int) -> Variable? { blocks.spot[s, m].map { model.variable(at: $0) } }
  /// The stockpile draw of material m in scenario s, when the stockpile allows any.
  func drawVariable(_ s: Int, material m: Int) -> Variable? { blocks.draw[s, m].map { model.variable(at: $0) } }
  /// The shortfall of material m in scenario s.
  func shortfallVariable(_ s: Int, material m: Int) -> Variable { model.variable(at: blocks.shortfall[s, m]!) }
  /// The demand row of material m in scenario s.
  func demandConstraint(_ s: Int, material m: Int) -> Constraint { model.constraint(at: blocks.demandRows[s, m]!) }
  /// The capacity row of leg l in scenario s, when the leg carries any flow.
  func legConstraint(_ s: Int, leg l: Int) -> Constraint? { blocks.legRows[s, l].map { model.constraint(at: $0) } }
  /// The capacity row of corridor k in scenario s, when the corridor has a cap and an entry flow.
  func corridorConstraint(_ s: Int, corridor k: Int) -> Constraint? { blocks.corridorRows[s, k].map { model.constraint(at: $0) } }

  /// One share-cap row and what it caps.
  struct ShareRow: Sendable {
    var target: String
    var material: Int
    var scenario: Int?
    var share: Double
    var row: Constraint
  }

  /// The parts of a scenario cost.
  public enum CostPart: String, Sendable, Hashable, Codable, CaseIterable {
    case contractFees = "contract_fees", reservations, goods, freight, pipelineInventory = "pipeline_inventory"
    case spot, stockpile, shortfall
  }

  /// Cₛ, the cost of scenario s as an affine expression of the program's variables.
  public func scenarioCost(_ s: Int) -> LinearExpression {
    Self.scenarioCost(s, firstStage: firstStageCostParts, scenarioParts: blocks.costParts, in: model.columnHandles)
  }

  /// Cₛ from its parts: the first stage's (`firstStage`) and the scenario's (`scenarioParts`), in `CostPart` order.
  static func scenarioCost(_ s: Int, firstStage: [CostPart: LinearExpression], scenarioParts: ScenarioCostTable,
                           in handles: Model.ColumnHandles) -> LinearExpression {
    var e = LinearExpression()
    for part in CostPart.allCases {
      if let x = firstStage[part] ?? scenarioParts.expression(s, part, in: handles) { e += x }
    }
    return e
  }

  /// One part of Cₛ, or nil when scenario s has none.
  public func costPart(_ s: Int, _ part: CostPart) -> LinearExpression? {
    firstStageCostParts[part] ?? blocks.costParts.expression(s, part, in: model.columnHandles)
  }

  /// The value of one part of Cₛ at the solution (what `solution.value(of: costPart(s, part))` gives,
  /// without building the expression), or nil when scenario s has none.
  func costPartValue(_ s: Int, _ part: CostPart, in solution: ModelSolution) throws -> Double? {
    if let e = firstStageCostParts[part] { return try solution.value(of: e) }
    return blocks.costParts.value(s, part, at: solution.result.solution.x)
  }

  /// Builds the program of `sourcingModel` over the given scenarios.
  ///
  /// - Parameters:
  ///   - parameters: one entry per scenario block (normally the model's scenarios with their effects).
  ///   - probabilities: their probabilities (summing to one).
  ///   - fixedFirstStage: contracts (and reservations) to hold fixed, for evaluating a given plan.
  /// - Throws: ``SourcingError`` for an invalid model; `ModelError` cannot occur for a valid one.
  public init(sourcingModel sm: SourcingModel, parameters: [ScenarioParameters], probabilities: [Double],
              scenarioNames: [String], fixedFirstStage: FirstStageDecision? = nil) throws {
    try self.init(sourcingModel: sm, parameters: parameters, probabilities: probabilities, scenarioNames: scenarioNames,
                  fixedFirstStage: fixedFirstStage, firstStageOnly: false)
  }

  /// The whole program, or with `firstStageOnly` its first stage alone (contracts, reservations, the policy
  /// rows on them, no scenario block and no objective), whose scenario blocks `scenarioBlockBuilder` adds
  /// (see `OneScenarioPrograms`).
  init(sourcingModel sm: SourcingModel, parameters: [ScenarioParameters], probabilities: [Double],
       scenarioNames: [String], fixedFirstStage: FirstStageDecision?, firstStageOnly: Bool) throws {
    guard parameters.count == probabilities.count, parameters.count == scenarioNames.count, !parameters.isEmpty else {
      throw SourcingError(path: "scenarios", message: "\(parameters.count) parameter sets for \(probabilities.count) probabilities")
    }
    self.sourcingModel = sm
    self.parameters = parameters
    self.probabilities = probabilities
    self.scenarioNames = scenarioNames
    self.model = Model(name: sm.name.map { $0.replacingOccurrences(of: " ", with: "_") } ?? "sourcing")
    let legIndex = Dictionary(sm.legs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    self.entryLegs = sm.corridors.map { corridor in
      let members = corridor.legs.compactMap { legIndex[$0] }
      let ends = Set(members.map { sm.legs[$0].to })
      return members.filter { !ends.contains(sm.legs[$0].from) }
    }
    let builder = try buildFirstStage(fixed: fixedFirstStage)
    if firstStageOnly {
      scenarioBlockBuilder = builder
    } else {
      try addScenarioBlocks(builder)
      try setRiskObjective()
    }
  }

  /// Contracts and reservations: the here-and-now decisions.
  public struct FirstStageDecision: Sendable, Hashable {
    /// [supplier][offer] tonnes.
    public var contracts: [[Double]]
    /// [corridor] tonnes reserved (0 where none can be).
    public var reservations: [Double]
    public init(contracts: [[Double]], reservations: [Double]) {
      self.contracts = contracts
      self.reservations = reservations
    }
  }

  /// Adds the first stage to the empty model and returns what its scenario blocks are built with.
  private mutating func buildFirstStage(fixed: FirstStageDecision?) throws -> ScenarioBlockBuilder {
    let sm = sourcingModel
    let policy = sm.policy
    let dest = sm.destination
    let M = sm.materials.count

    // Which (leg, material) pairs can carry useful flow.
    let reaching = sm.nodesReachingDestination()
    var usable = [[Bool]](repeating: [Bool](repeating: false, count: M), count: sm.legs.count)
    var outgoing: [String: [Int]] = [:]
    for (l, leg) in sm.legs.enumerated() { outgoing[leg.from, default: []].append(l) }
    for (m, material) in sm.materials.enumerated() {
      var seen = Set(sm.suppliers.filter { $0.origin != dest && $0.offers.contains { $0.material == material.id } }.map(\.origin))
      var stack = Array(seen)
      while let n = stack.popLast() {
        for l in outgoing[n] ?? [] {
          let to = sm.legs[l].to
          guard reaching.contains(to), n != dest else { continue }
          usable[l][m] = true
          if to != dest, seen.insert(to).inserted { stack.append(to) }
        }
      }
    }

    offerStart = [0]
    for s in sm.suppliers { offerStart.append((offerStart.last ?? 0) + s.offers.count) }
    let series = SeriesNodes(sm, usable: usable, offerStart: offerStart)

    // First stage: contracts.
    for (i, s) in sm.suppliers.enumerated() {
      var row: [Variable] = [], fees: [Double] = []
      for (o, offer) in s.offers.enumerated() {
        let upper = parameters.map { $0.offerCapacity[i][o] }.max() ?? 0
        let name = "contract[\(s.id),\(offer.material)]"
        let v: Variable
        if let fixed {
          // Not clamped to the scenarios' largest capacity: a contract signed with a supplier that
          // then fails everywhere (a stress test) still costs its fee.
          let x = max(0, fixed.contracts[i][o])
          v = try model.addVariable(name: name, lower: x, upper: x, block: .firstStage)
        } else {
          v = try model.addVariable(name: name, lower: 0, upper: upper, block: .firstStage)
        }
        row.append(v)
        fees.append(offer.contractFee ?? policy.contractFeeShare * offer.unitCost)
      }
      contract.append(row)
      contractFee.append(fees)
    }
    // First stage: reservations.
    for (k, corridor) in sm.corridors.enumerated() {
      if let r = policy.reservations.first(where: { $0.corridor == corridor.id }) {
        let name = "reserve[\(corridor.id)]"
        if let fixed {
          let x = min(max(0, fixed.reservations[k]), r.max)
          reserve.append(try model.addVariable(name: name, lower: x, upper: x, block: .firstStage))
        } else {
          reserve.append(try model.addVariable(name: name, lower: 0, upper: r.max, block: .firstStage))
        }
        reservationPrice.append(r.price)
      } else {
        reserve.append(nil)
        reservationPrice.append(0)
      }
    }
    var firstStageCost = LinearExpression()
    for i in contract.indices { for o in contract[i].indices { firstStageCost.addTerm(contract[i][o], contractFee[i][o]) } }
    var reservationCost = LinearExpression()
    for k in reserve.indices { if let r = reserve[k] { reservationCost.addTerm(r, reservationPrice[k]) } }

    firstStageCostParts = [.contractFees: firstStageCost, .reservations: reservationCost]
    try addContractPolicyRows()
    if let budget = policy.budget {
      try model.addConstraint(firstStageCost + reservationCost, .lessOrEqual, budget, name: "budget", block: .firstStage)
    }

    // Second stage, one block per scenario: what builds them.
    return ScenarioBlockBuilder(sm: sm, parameters: parameters, scenarioNames: scenarioNames, usable: usable,
                                series: series, offerStart: offerStart, entryLegs: entryLegs,
                                contract: contract, reserve: reserve)
  }

  /// Reserves the model's storage for `count` more scenarios of the size of the first (`first`: its columns,
  /// rows and terms), and for the risk rows that follow them (about one column, one row and the scenario
  /// cost's terms each), so that storage grows once instead of by doubling (the name dictionaries rehash
  /// every name on each growth). Every scenario has the first one's structure; only its numbers differ.
  /// `ProgramSize`, which serves to refuse a model too large for the machine, counts an upper bound instead
  /// (every leg carrying every material, every node a balance row: 111 columns and 121 rows per scenario
  /// on the generated benchmark, against 46 and 63 built), and reserving from it held twice the storage
  /// the model needs until the names were released (about 100 MB at 10,000 scenarios).
  mutating func reserveForScenarios(_ count: Int, like first: Model.Size) {
    let costTerms = CostPart.allCases.reduce(0) { $0 + (costPart(0, $1)?.termCount ?? 0) }
    model.reserveCapacity(variables: count * first.columns + (count + 1) + 1, constraints: count * first.rows + (count + 1),
                          terms: count * first.terms + (count + 1) * (costTerms + 2))
  }

  /// Country share caps, the minimum-countries surrogate and risk-score caps, all on contracts.
  private mutating func addContractPolicyRows() throws {
    let sm = sourcingModel
    let policy = sm.policy
    for (m, material) in sm.materials.enumerated() {
      for country in sm.supplierCountries {
        var shares = policy.countryShareCaps.filter {
          ($0.country == nil || $0.country == country) && ($0.material == nil || $0.material == material.id)
        }.map(\.share)
        if let k = policy.minSupplierCountries { shares.append(1 / Double(k)) }
        guard let share = shares.min() else { continue }
        var e = LinearExpression()
        for (i, s) in sm.suppliers.enumerated() where s.country == country {
          for (o, offer) in s.offers.enumerated() where offer.material == material.id { e.addTerm(contract[i][o], 1) }
        }
        guard e.termCount > 0 else { continue }
        let row = try model.addConstraint(e, .lessOrEqual, share * material.demand,
                                          name: "country_share[\(country),\(material.id)]", block: .firstStage)
        countryShareRows.append(ShareRow(target: country, material: m, scenario: nil, share: share, row: row))
      }
      for (c, cap) in policy.riskScoreCaps.enumerated() where cap.material == nil || cap.material == material.id {
        var e = LinearExpression()
        for (i, s) in sm.suppliers.enumerated() {
          let score = sm.riskScores(of: s)?[cap.kind] ?? 0
          for (o, offer) in s.offers.enumerated() where offer.material == material.id { e.addTerm(contract[i][o], score - cap.max) }
        }
        guard e.termCount > 0 else { continue }
        try model.addConstraint(e, .lessOrEqual, 0, name: "risk_cap[\(c),\(cap.kind.rawValue),\(material.id)]", block: .firstStage)
      }
    }
  }

  /// The objective E_p[C] + λ·ρ(C) (or its TV-ball form), see ``Policy``.
  private mutating func setRiskObjective() throws {
    let policy = sourcingModel.policy
    let p = probabilities
    let lambda = policy.riskAversion
    // Each Cₛ is made where it is used, from the cost tables, not all held at once: at 100,000 scenarios the
    // array of them took 264 MB of fresh memory (11 million terms), which this machine kind's kernel hands out
    // slowly (Benchmarks/RESULTS.md, session 29). The copies below are read-only while the model grows.
    let firstStage = firstStageCostParts, scenarioParts = blocks.costParts, handles = model.columnHandles
    let costs = { (s: Int) in SourcingProgram.scenarioCost(s, firstStage: firstStage, scenarioParts: scenarioParts, in: handles) }
    let firstStageTerms = CostPart.allCases.reduce(0) { $0 + (firstStage[$1]?.termCount ?? 0) }
    let costTerms = p.indices.reduce(0) { total, s in
      CostPart.allCases.reduce(total + firstStageTerms) { $0 + (firstStage[$1] == nil ? scenarioParts.termCount(s, $1) : 0) }
    }
    // Reserved (the expected cost's terms and a few per scenario for the risk terms), not grown by doubling:
    // at 100,000 scenarios the objective holds 11 million terms while the model still has its names.
    var objective = LinearExpression()
    objective.reserveCapacity(costTerms + 2 * p.count + 2)
    switch policy.riskMeasure {
    case .tvBall:
      let wcE = try AmbiguitySet.totalVariation(radius: policy.tvRadius).expectationFormulation(nominal: p)
      try addRisk(wcE, weight: 1, prefix: "tv_mean", costs: costs, objective: &objective)
      if lambda > 0 {
        let wcC = try AmbiguitySet.totalVariation(radius: policy.tvRadius).cvarFormulation(nominal: p, confidence: policy.cvarConfidence)
        threshold = try addRisk(wcC, weight: lambda, prefix: "tv_cvar", costs: costs, objective: &objective).first
      }
    default:
      for s in p.indices { objective.add(costs(s), times: p[s]) }
      guard lambda > 0 else { break }
      if policy.riskMeasure == .cvar {
        let f = try LinearRiskFormulation.conditionalValueAtRisk(probabilities: p, confidence: policy.cvarConfidence)
        threshold = try addRisk(f, weight: lambda, prefix: "cvar", costs: costs, objective: &objective).first
      } else if policy.riskMeasure == .worstCase {
        try addRisk(.worstCase(probabilities: p), weight: lambda, prefix: "worst", costs: costs, objective: &objective)
      }
    }
    try model.setObjective(objective)
  }

  /// Adds a risk formulation with each scenario loss replaced by the expression Cₛ.
  ///
  /// Blocks: a row is in scenario s when every loss and every auxiliary variable it holds belongs to s
  /// (or to the first stage); an auxiliary variable is in scenario s when all its rows are; anything
  /// else is first stage (found by a fixed-point pass).
  @discardableResult
  private mutating func addRisk(_ f: LinearRiskFormulation, weight: Double, prefix: String, costs: (Int) -> LinearExpression,
                                objective: inout LinearExpression) throws -> [Variable] {
    let n = f.auxiliaryVariables.count
    var varScenario = [Int?](repeating: nil, count: n)
    var rowScenario = [Int?](repeating: nil, count: f.rows.count)
    // The rows holding each auxiliary variable, so that each pass below is linear in the formulation's
    // size (scanning every row for every variable was quadratic in the scenarios: minutes at 100,000).
    var rowsOfAuxiliary = [[Int]](repeating: [], count: n)
    for (r, row) in f.rows.enumerated() {
      for t in row.terms { if case .auxiliary(let i) = t.operand { rowsOfAuxiliary[i].append(r) } }
    }
    var changed = true
    while changed {
      changed = false
      for (r, row) in f.rows.enumerated() {
        var set = Set<Int>()
        for t in row.terms {
          switch t.operand {
          case .scenarioLoss(let s): set.insert(s)
          case .auxiliary(let i): if let s = varScenario[i] { set.insert(s) }
          }
        }
        let s = set.count == 1 ? set.first : nil
        if s != rowScenario[r] { rowScenario[r] = s; changed = true }
      }
      for i in 0..<n {
        var set = Set<Int?>()
        for r in rowsOfAuxiliary[i] { set.insert(rowScenario[r]) }
        let s: Int? = (set.count == 1 ? set.first ?? nil : nil)
        if s != varScenario[i] { varScenario[i] = s; changed = true }
      }
    }
    let aux = try f.auxiliaryVariables.enumerated().map { i, v in
      try model.addVariable(name: "\(prefix).\(v.name)", lower: v.lower, upper: v.upper,
                            block: varScenario[i].map { .scenario($0) } ?? .firstStage)
    }
    func expression(_ terms: [LinearRiskFormulation.Term]) -> LinearExpression {
      var e = LinearExpression()
      for t in terms {
        switch t.operand {
        case .auxiliary(let i): e.addTerm(aux[i], t.coefficient)
        case .scenarioLoss(let s): e.add(costs(s), times: t.coefficient)
        }
      }
      return e
    }
    for (r, row) in f.rows.enumerated() {
      try model.addConstraint(expression(row.terms), lower: row.lower, upper: row.upper, name: "\(prefix).\(row.name)",
                              block: rowScenario[r].map { .scenario($0) } ?? .firstStage)
    }
    objective.add(expression(f.objective), times: weight)
    return aux
  }

  /// The program in the solvers' standard form, with the block labels.
  public func lowered() throws -> LoweredModel { try model.lowered() }
}

extension SourcingModel {
  /// The scenario parameters of every scenario, in order.
  /// Computed in chunks of 256 scenarios on all cores (each scenario's numbers depend on its effects alone).
  public func scenarioParameters() -> [ScenarioParameters] {
    let chunk = 256, count = scenarios.count
    guard count > chunk else { return scenarios.map { ScenarioParameters(model: self, effects: $0.effects) } }
    var result = [ScenarioParameters?](repeating: nil, count: count)
    result.withUnsafeMutableBufferPointer { buffer in
      let out = DisjointWrites(buffer)
      forEachChunkInParallel((count + chunk - 1) / chunk) { c in
        for s in c * chunk..<min(count, (c + 1) * chunk) { out[s] = ScenarioParameters(model: self, effects: scenarios[s].effects) }
      }
    }
    return result.map { $0! }
  }

  /// Validates the model and builds its two-stage program (the program `solve` solves and
  /// `export-mps` writes).
  /// - Throws: ``SourcingError`` naming the place of the first problem, or the sizes when the
  ///   program could not fit in memory (``ProgramSize``).
  public func program() throws -> SourcingProgram {
    try validate()
    try ProgramSize(self).checkFitsInMemory("scenarios")
    return try SourcingProgram(sourcingModel: self, parameters: scenarioParameters(),
                               probabilities: scenarios.map(\.probability), scenarioNames: scenarios.map(\.name))
  }
}
