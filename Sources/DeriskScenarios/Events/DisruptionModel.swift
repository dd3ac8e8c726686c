/// Scenarios from disruption events: each scenario is one combination of events happening or not.
///
/// Events are decided in their listed order. Event k happens with probability
/// πₖ(ω₁…ωₖ₋₁) = the first matching rule of `given`, else `probability`; so
/// P(ω) = Πₖ πₖ^ωₖ (1 − πₖ)^(1−ωₖ), a Bayesian network whose parents precede their children.
/// A scenario's attributes are `baseline` plus the `effects` of every event that happens.
public struct DisruptionModel: Sendable, Hashable, Codable {
  /// Attribute values when nothing happens.
  public var baseline: [String: Double]
  /// The events, parents before children.
  public var events: [DisruptionEvent]

  /// Validates the events.
  /// - Throws: ``ScenarioError`` naming the place (`events[2].given[0].when[0]: …`).
  public init(baseline: [String: Double] = [:], events: [DisruptionEvent]) throws {
    self.baseline = baseline
    self.events = events
    try validate()
  }

  /// The checks behind the initialiser.
  public func validate() throws {
    guard !events.isEmpty else { throw ScenarioError(path: "events", message: "must hold at least one event") }
    for (key, value) in baseline.sorted(by: { $0.key < $1.key }) where !value.isFinite {
      throw ScenarioError(path: "baseline.\(key)", message: "must be finite, got \(formatNumber(value))")
    }
    var index: [String: Int] = [:]
    for (k, e) in events.enumerated() {
      let here = "events[\(k)]"
      if e.name.isEmpty { throw ScenarioError(path: "\(here).name", message: "must not be empty") }
      if let j = index[e.name] {
        throw ScenarioError(path: "\(here).name", message: "duplicate name \"\(e.name)\" (also events[\(j)])")
      }
      try Self.checkProbability(e.probability, "\(here).probability")
      for (key, value) in e.effects.sorted(by: { $0.key < $1.key }) where !value.isFinite {
        throw ScenarioError(path: "\(here).effects.\(key)", message: "must be finite, got \(formatNumber(value))")
      }
      for (r, rule) in e.given.enumerated() {
        try Self.checkProbability(rule.probability, "\(here).given[\(r)].probability")
        if rule.when.isEmpty { throw ScenarioError(path: "\(here).given[\(r)].when", message: "must name at least one event") }
        for (w, parent) in rule.when.enumerated() where index[parent] == nil {
          throw ScenarioError(
            path: "\(here).given[\(r)].when[\(w)]",
            message: "\"\(parent)\" is not an event declared before \"\(e.name)\"")
        }
      }
      index[e.name] = k
    }
  }

  static func checkProbability(_ p: Double, _ path: String) throws {
    guard p.isFinite, p >= 0, p <= 1 else {
      throw ScenarioError(path: path, message: "must be in [0, 1], got \(formatNumber(p))")
    }
  }

  /// Parent indices of each rule, resolved once.
  private var resolvedRules: [[(parents: [Int], probability: Double)]] {
    var index: [String: Int] = [:]
    for (k, e) in events.enumerated() { index[e.name] = k }
    return events.map { e in e.given.map { rule in (rule.when.compactMap { index[$0] }, rule.probability) } }
  }

  /// πₖ given the outcomes of the earlier events.
  private func conditionalProbability(_ k: Int, _ outcome: [Bool], _ rules: [[(parents: [Int], probability: Double)]]) -> Double {
    for rule in rules[k] where rule.parents.allSatisfy({ outcome[$0] }) { return rule.probability }
    return events[k].probability
  }

  /// The scenario for one combination of outcomes.
  private func scenario(_ outcome: [Bool], probability: Double) -> Scenario {
    var attributes = baseline
    var names: [String] = []
    for (k, e) in events.enumerated() where outcome[k] {
      names.append(e.name)
      for (a, d) in e.effects { attributes[a, default: 0] += d }
    }
    // Attributes only some events touch read as 0 in the baseline.
    for e in events { for a in e.effects.keys where attributes[a] == nil { attributes[a] = 0 } }
    return Scenario(name: names.isEmpty ? "baseline" : names.joined(separator: " + "), probability: probability, attributes: attributes)
  }

  /// Every combination of outcomes with probability ≥ `threshold`, by depth-first enumeration.
  ///
  /// A partial combination whose probability is already below the threshold is cut with its whole
  /// subtree (its completions can only be less likely), and its probability is added to
  /// ``EnumerationResult/droppedMass``. The kept scenarios' probabilities sum to 1 − droppedMass
  /// before ``EnumerationResult/scenarioSet`` renormalises them. Zero-probability combinations are
  /// always dropped (with zero mass).
  /// - Parameters:
  ///   - threshold: prune below this probability; default 0 keeps every possible combination.
  ///   - maximumScenarios: refuse to build more than this many scenarios (default 1,000,000).
  /// - Throws: ``ScenarioError`` for a threshold outside [0, 1), or when the enumeration would exceed
  ///   `maximumScenarios` (raise the threshold or sample instead).
  public func enumerate(threshold: Double = 0, maximumScenarios: Int = 1_000_000) throws -> EnumerationResult {
    guard threshold.isFinite, threshold >= 0, threshold < 1 else {
      throw ScenarioError(path: "threshold", message: "must be in [0, 1), got \(formatNumber(threshold))")
    }
    let rules = resolvedRules
    var kept: [Scenario] = []
    var dropped = 0.0
    var droppedCount = 0
    var outcome = [Bool](repeating: false, count: events.count)
    var overflow = false
    func visit(_ k: Int, _ mass: Double) {
      if overflow { return }
      if mass == 0 { return }
      if mass < threshold { dropped += mass; droppedCount += 1; return }
      if k == events.count {
        if kept.count >= maximumScenarios { overflow = true; return }
        kept.append(scenario(outcome, probability: mass))
        return
      }
      let pi = conditionalProbability(k, outcome, rules)
      outcome[k] = false
      visit(k + 1, mass * (1 - pi))
      outcome[k] = true
      visit(k + 1, mass * pi)
      outcome[k] = false
    }
    visit(0, 1)
    if overflow {
      throw ScenarioError(path: "events", message: "enumeration exceeds \(maximumScenarios) scenarios; raise the threshold or sample")
    }
    let set = try ScenarioSet(normalizing: kept)
    return EnumerationResult(scenarioSet: set, keptMass: kept.reduce(0.0) { $0 + $1.probability },
                             droppedMass: dropped, droppedBranches: droppedCount)
  }

  /// The largest sample count `sample(count:seed:)` accepts: 10⁸ draws take about a minute, so a
  /// larger request (a typo such as `--samples 1000000000000`) is refused instead of running for days.
  public static let maximumSamples = 100_000_000

  /// `count` independent draws of the event chain from ``SplitMix64`` seeded with `seed`; each draw
  /// has weight 1/count and identical combinations are merged (probability = frequency).
  ///
  /// Draw: for k = 1…K, event k happens when u < πₖ with u the generator's next uniform double, so a
  /// seed gives the same scenarios on every platform. Scenarios are listed in order of first draw.
  /// - Throws: ``ScenarioError`` when `count` < 1 or above ``maximumSamples``.
  public func sample(count: Int, seed: UInt64) throws -> ScenarioSet {
    guard count >= 1 else { throw ScenarioError(path: "samples", message: "must be ≥ 1, got \(count)") }
    guard count <= Self.maximumSamples else {
      throw ScenarioError(path: "samples", message: "must be at most \(Self.maximumSamples) (about a minute of sampling), got \(count)")
    }
    let rules = resolvedRules
    var generator = SplitMix64(seed: seed)
    var counts: [[Bool]: Int] = [:]
    var order: [[Bool]] = []
    var outcome = [Bool](repeating: false, count: events.count)
    for _ in 0..<count {
      for k in events.indices {
        let pi = conditionalProbability(k, outcome, rules)
        outcome[k] = generator.nextUniform() < pi
      }
      if counts[outcome] == nil { order.append(outcome) }
      counts[outcome, default: 0] += 1
    }
    let scenarios = order.map { scenario($0, probability: Double(counts[$0] ?? 0) / Double(count)) }
    return try ScenarioSet(normalizing: scenarios)
  }
}

/// What ``DisruptionModel/enumerate(threshold:maximumScenarios:)`` kept and dropped.
public struct EnumerationResult: Sendable, Hashable {
  /// The kept scenarios, renormalised to sum to one.
  public var scenarioSet: ScenarioSet
  /// Σ of the kept scenarios' probabilities before renormalising (= 1 − droppedMass up to rounding).
  public var keptMass: Double
  /// Probability mass of the pruned combinations.
  public var droppedMass: Double
  /// Number of pruned subtrees.
  public var droppedBranches: Int
}
