import DeriskSolvers

/// The single-point-of-failure (N − 1) report of a plan.
///
/// The optimal first stage c* (contracts, reservations) is held fixed. For each supplier, leg,
/// corridor and supplier country e, the element fails alone in every scenario — its capacity is
/// multiplied by 0 after the scenario's own effects — and the recourse (deliveries, routing, spot,
/// stockpile, shortfall) is re-optimised:
///
///     C(e) = min over recourse of  E_p[Cₛ] + λ·ρ(Cₛ)   with c = c*, κₑₛ = 0 for all s.
///
/// The contract fees of c* are paid whatever fails. The reverse question, per corridor k: the smallest
/// loss δ ∈ [0, 1] of its capacity (every leg of k and its cap multiplied by 1 − δ in every scenario)
/// at which some material's shortfall in some scenario rises above the plan's own, found by bisection
/// (shortfall is non-decreasing in δ); nil when even δ = 1 causes none.
public struct StressTest: Sendable, Hashable, Codable {
  public var currency: String
  /// The plan itself (nothing failed).
  public var baseline: StressOutcome
  /// One outcome per failed element: suppliers, then legs, corridors, countries.
  public var failures: [StressOutcome]
  /// The smallest loss of each corridor's capacity that causes a shortfall.
  public var corridorMargins: [CorridorMargin]

  public struct StressOutcome: Sendable, Hashable, Codable {
    /// `none`, `supplier`, `leg`, `corridor` or `country`.
    public var kind: String
    public var target: String
    public var status: String
    /// E[C] + λ·ρ(C) with the element failed.
    public var objective: Double
    public var expectedCost: Double
    public var cvar: Double
    /// Increase of E[C] over the plan's.
    public var expectedCostIncrease: Double
    /// Per material: E[shortfall] and the worst scenario's shortfall, tonnes.
    public var shortfall: [MaterialShortfall]
    /// Σₘ E[shortfall].
    public var totalExpectedShortfall: Double
  }

  public struct MaterialShortfall: Sendable, Hashable, Codable {
    public var material: String
    public var expected: Double
    public var worst: Double
  }

  public struct CorridorMargin: Sendable, Hashable, Codable {
    public var corridor: String
    public var name: String
    /// Baseline capacity: the corridor's cap, else the sum of its entry legs' capacities, t/yr.
    public var capacity: Double
    /// δ*, the smallest share of capacity whose loss causes a shortfall; nil when none does.
    public var lossShare: Double?
    /// δ*·capacity, t/yr.
    public var lossTonnes: Double?
    /// The scenario and material where the shortfall appears first.
    public var scenario: String?
    public var material: String?

    enum CodingKeys: String, CodingKey { case corridor, name, capacity, lossShare, lossTonnes, scenario, material }

    /// Writes absent values as null, so every margin has the same keys.
    public func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(corridor, forKey: .corridor)
      try c.encode(name, forKey: .name)
      try c.encode(capacity, forKey: .capacity)
      try c.encode(lossShare, forKey: .lossShare)
      try c.encode(lossTonnes, forKey: .lossTonnes)
      try c.encode(scenario, forKey: .scenario)
      try c.encode(material, forKey: .material)
    }
  }
}

/// How ``SourcingModel/stressTest(settings:progress:)`` runs, with defaults.
public struct StressSettings: Sendable, Hashable {
  /// Bisection steps for each corridor margin (resolution 2⁻ⁿ of its capacity). Default 10.
  public var bisectionSteps = 10
  /// Shortfall above the plan's that counts, as a share of the material's demand. Default 1e-5.
  public var shortfallTolerance = 1e-5
  public var interiorPoint = InteriorPointSettings()

  public init(bisectionSteps: Int = 10, shortfallTolerance: Double = 1e-5, interiorPoint: InteriorPointSettings = InteriorPointSettings()) {
    self.bisectionSteps = bisectionSteps
    self.shortfallTolerance = shortfallTolerance
    self.interiorPoint = interiorPoint
  }
}

extension SourcingModel {
  /// The N − 1 report of the model's optimal plan (see ``StressTest``).
  /// - Throws: ``SourcingError`` for an invalid model, bad settings, or when the model itself cannot be solved.
  public func stressTest(settings: StressSettings = StressSettings(),
                         progress: AnalysisProgress = { _, _, _ in }) throws -> StressTest {
    guard settings.bisectionSteps >= 1, settings.bisectionSteps <= 60 else {
      throw SourcingError(path: "stress.bisection_steps", message: "must be in 1...60, got \(settings.bisectionSteps)")
    }
    let (plan, decision) = try solveWithDecision(settings: settings.interiorPoint)
    guard let decision, plan.isSolved else {
      throw SourcingError(path: name ?? "model", message: "the plan could not be solved (status \(plan.status)); nothing to stress")
    }
    var elements: [(kind: String, target: String, effect: ScenarioEffect)] = []
    for s in suppliers { elements.append(("supplier", s.id, ScenarioEffect(supplier: s.id, capacity: 0))) }
    for l in legs { elements.append(("leg", l.id, ScenarioEffect(leg: l.id, capacity: 0))) }
    for k in corridors { elements.append(("corridor", k.id, ScenarioEffect(corridor: k.id, capacity: 0))) }
    for c in supplierCountries { elements.append(("country", c, ScenarioEffect(country: c, capacity: 0))) }
    let total = elements.count + corridors.count * settings.bisectionSteps

    func outcome(_ kind: String, _ target: String, _ p: SourcingPlan) -> StressTest.StressOutcome {
      let expected = p.expectedShortfall, worst = p.worstShortfall
      let lines = materials.map { StressTest.MaterialShortfall(material: $0.id, expected: expected[$0.id] ?? 0, worst: worst[$0.id] ?? 0) }
      return .init(kind: kind, target: target, status: p.status, objective: p.objective, expectedCost: p.expectedCost, cvar: p.cvar,
                   expectedCostIncrease: p.expectedCost - plan.expectedCost, shortfall: lines,
                   totalExpectedShortfall: lines.reduce(0) { $0 + $1.expected })
    }
    let baseline = outcome("none", "", plan)
    var failures: [StressTest.StressOutcome] = []
    for (k, e) in elements.enumerated() {
      progress(k, total, "\(e.kind) \(e.target) fails")
      failures.append(outcome(e.kind, e.target, try evaluate(decision: decision, extraEffects: [e.effect], settings: settings.interiorPoint)))
    }

    // Reverse question: bisection on δ for each corridor.
    var done = elements.count
    var margins: [StressTest.CorridorMargin] = []
    let legIndex = Dictionary(legs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    for corridor in corridors {
      let members = corridor.legs.compactMap { legIndex[$0] }
      let ends = Set(members.map { legs[$0].to })
      let entryCapacity = members.filter { !ends.contains(legs[$0].from) }.reduce(0.0) { $0 + legs[$1].capacity }
      let capacity = corridor.capacity.map { min($0, entryCapacity) } ?? entryCapacity
      // Where a shortfall first exceeds the plan's, if anywhere.
      func breach(_ p: SourcingPlan) -> (scenario: String, material: String)? {
        for (s, outcome) in p.scenarios.enumerated() {
          for (m, x) in outcome.materials.enumerated() {
            let base = plan.scenarios[s].materials[m]
            if x.shortfall - base.shortfall > settings.shortfallTolerance * max(1, base.demand) { return (outcome.scenario, x.material) }
          }
        }
        return nil
      }
      func trial(_ delta: Double) throws -> (scenario: String, material: String)? {
        try breach(evaluate(decision: decision, extraEffects: [ScenarioEffect(corridor: corridor.id, capacity: 1 - delta)],
                            settings: settings.interiorPoint))
      }
      guard var found = try trial(1) else {
        done += settings.bisectionSteps
        margins.append(.init(corridor: corridor.id, name: corridor.name ?? corridor.id, capacity: capacity, lossShare: nil,
                             lossTonnes: nil, scenario: nil, material: nil))
        continue
      }
      var lo = 0.0, hi = 1.0
      for step in 0..<settings.bisectionSteps {
        progress(done + step, total, "corridor \(corridor.id) margin")
        let mid = (lo + hi) / 2
        if let b = try trial(mid) { hi = mid; found = b } else { lo = mid }
      }
      done += settings.bisectionSteps
      margins.append(.init(corridor: corridor.id, name: corridor.name ?? corridor.id, capacity: capacity, lossShare: hi,
                           lossTonnes: hi * capacity, scenario: found.scenario, material: found.material))
    }
    progress(total, total, "done")
    return StressTest(currency: currency, baseline: baseline, failures: failures, corridorMargins: margins)
  }
}
