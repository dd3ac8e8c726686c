import DeriskSolvers

/// The value-of-capacity curve of a leg or a corridor: the optimal objective as its capacity (or its
/// transit days) is scaled, with the first stage re-optimised at every point.
///
/// For a multiplier m the model is solved with capₗ ← m·capₗ for the leg (for a corridor: each of its
/// legs and its own cap) — or daysₗ ← m·daysₗ with `days` — giving z(m) = min E[C] + λ·ρ(C). The
/// saving z(1) − z(m) is what the change is worth per year. Along the curve:
/// - `shadowPrice`: the dual value −∂z/∂cap in $/t of the leg (of the corridor: all its legs and its
///   cap, see ``ShadowPrice``), a one-sided derivative at kinks; absent for days;
/// - `slope`: the finite-difference slope between neighbouring points: −Δz/Δcapacity ($/t, the value
///   of one more tonne) or +Δz/Δdays ($/day, the value of one day less).
/// z is convex and non-increasing in capacity (an LP's optimal value in its right-hand side).
public struct CapacityValueCurve: Sendable, Hashable, Codable {
  /// `leg` or `corridor`.
  public var kind: String
  public var target: String
  public var name: String
  /// `capacity` or `days`.
  public var variable: String
  /// The baseline capacity (t/yr) or transit days that the multiplier scales.
  public var baseline: Double
  /// z(1), the plan as the model stands.
  public var baselineObjective: Double
  public var baselineExpectedCost: Double
  public var currency: String
  public var points: [ValuePoint]
  /// Whether an investment reaching some multiplier pays, when one was given.
  public var appraisal: InvestmentAppraisal?

  public struct ValuePoint: Sendable, Hashable, Codable {
    public var multiplier: Double
    /// m·baseline: tonnes per year, or days.
    public var value: Double
    public var status: String
    public var objective: Double
    public var expectedCost: Double
    public var cvar: Double
    /// z(1) − z(m), per year (0 when within 10⁻⁷ relative: solver rounding).
    public var saving: Double
    /// −∂z/∂capacity from the duals, $/t (nil for days).
    public var shadowPrice: Double?
    /// Finite-difference slope to the next point (the last point repeats the previous one): −Δz/Δcapacity,
    /// the value of one more tonne, or +Δz/Δdays, the value of one day less.
    public var slope: Double?
  }
}

/// What the curve scales.
public enum CapacityTarget: Sendable, Hashable {
  case leg(String)
  case corridor(String)
}

/// How ``SourcingModel/valueOfCapacity(_:settings:progress:)`` samples, with defaults.
public struct CapacityValueSettings: Sendable, Hashable {
  /// Multipliers from `lower` to `upper`. Defaults 0 and 3 (capacity), 0 and 1 (days, see `days`).
  public var lower = 0.0
  public var upper = 3.0
  /// Number of points ≥ 2. Default 13.
  public var points = 13
  /// Scale transit days instead of capacity. Default false.
  public var days = false
  /// An investment to appraise against the curve. Default none.
  public var investment: Investment? = nil
  public var interiorPoint = InteriorPointSettings()

  public init(lower: Double = 0, upper: Double = 3, points: Int = 13, days: Bool = false, investment: Investment? = nil,
              interiorPoint: InteriorPointSettings = InteriorPointSettings()) {
    self.lower = lower
    self.upper = upper
    self.points = points
    self.days = days
    self.investment = investment
    self.interiorPoint = interiorPoint
  }

  public var multipliers: [Double] { (0..<points).map { lower + (upper - lower) * Double($0) / Double(max(1, points - 1)) } }
}

extension SourcingModel {
  /// today − other, with differences within the solver's relative gap tolerance (|Δ| ≤ 10⁻⁷·max(1, |today|))
  /// reported as 0: they are the two solves' rounding, not a saving.
  static func saving(_ today: Double, _ other: Double) -> Double {
    let d = today - other
    return abs(d) <= 1e-7 * max(1, abs(today)) ? 0 : d
  }

  /// The model with the target's capacity (or days) multiplied by `m`.
  /// - Throws: ``SourcingError`` for an unknown leg or corridor.
  public func scaling(_ target: CapacityTarget, by m: Double, days: Bool = false) throws -> SourcingModel {
    var out = self
    switch target {
    case .leg(let id):
      guard let l = legs.firstIndex(where: { $0.id == id }) else { throw SourcingError(path: "--leg", message: "unknown leg \"\(id)\"") }
      if days { out.legs[l].days *= m } else { out.legs[l].capacity *= m }
    case .corridor(let id):
      guard let k = corridors.firstIndex(where: { $0.id == id }) else {
        throw SourcingError(path: "--corridor", message: "unknown corridor \"\(id)\"")
      }
      let members = Set(corridors[k].legs)
      for l in legs.indices where members.contains(legs[l].id) {
        if days { out.legs[l].days *= m } else { out.legs[l].capacity *= m }
      }
      if !days, let cap = corridors[k].capacity { out.corridors[k].capacity = cap * m }
    }
    return out
  }

  /// The value-of-capacity curve of a leg or corridor (see ``CapacityValueCurve``), and the appraisal of
  /// `settings.investment` when given.
  /// - Throws: ``SourcingError`` for an invalid model, an unknown target or bad settings.
  public func valueOfCapacity(_ target: CapacityTarget, settings: CapacityValueSettings = CapacityValueSettings(),
                              progress: AnalysisProgress = { _, _, _ in }) throws -> CapacityValueCurve {
    guard settings.points >= 2 else { throw SourcingError(path: "value.points", message: "must be ≥ 2, got \(settings.points)") }
    guard settings.lower.isFinite, settings.upper.isFinite, settings.lower >= 0, settings.upper > settings.lower else {
      throw SourcingError(path: "--range", message: "needs 0 ≤ lower < upper, got \(formatNumber(settings.lower)):\(formatNumber(settings.upper))")
    }
    try validate()
    let kind: String, id: String, name: String, baseline: Double
    switch target {
    case .leg(let x):
      guard let leg = legs.first(where: { $0.id == x }) else { throw SourcingError(path: "--leg", message: "unknown leg \"\(x)\"") }
      kind = "leg"; id = x; name = "leg \(x) (\(leg.from) → \(leg.to))"
      baseline = settings.days ? leg.days : leg.capacity
    case .corridor(let x):
      guard let corridor = corridors.first(where: { $0.id == x }) else {
        throw SourcingError(path: "--corridor", message: "unknown corridor \"\(x)\"")
      }
      kind = "corridor"; id = x; name = corridor.name ?? x
      let members = legs.filter { corridor.legs.contains($0.id) }
      if settings.days {
        baseline = members.reduce(0) { $0 + $1.days }
      } else {
        let ends = Set(members.map(\.to))
        let entry = members.filter { !ends.contains($0.from) }.reduce(0) { $0 + $1.capacity }
        baseline = corridor.capacity.map { min($0, entry) } ?? entry
      }
    }
    let grid = settings.multipliers
    let extra = settings.investment == nil ? 1 : 0
    let total = grid.count + 1 + extra
    progress(0, total, "baseline")
    let base = try solveWithDecision(settings: settings.interiorPoint).plan
    var points: [CapacityValueCurve.ValuePoint] = []
    for (k, m) in grid.enumerated() {
      progress(k + 1, total, "× \(formatNumber(m))")
      let plan = try scaling(target, by: m, days: settings.days).solveWithDecision(settings: settings.interiorPoint).plan
      var price: Double? = nil
      if !settings.days {
        let kindOfPrice: ShadowPrice.Kind = kind == "leg" ? .legCapacity : .corridorCapacity
        price = plan.shadowPrices.first { $0.kind == kindOfPrice && $0.target == id }?.value ?? 0
      }
      points.append(.init(multiplier: m, value: m * baseline, status: plan.status, objective: plan.objective,
                          expectedCost: plan.expectedCost, cvar: plan.cvar, saving: Self.saving(base.objective, plan.objective),
                          shadowPrice: price, slope: nil))
    }
    for k in points.indices {
      let (a, b) = k + 1 < points.count ? (k, k + 1) : (k - 1, k)
      let dx = points[b].value - points[a].value
      let sign: Double = settings.days ? 1 : -1
      points[k].slope = dx > 0 ? sign * (points[b].objective - points[a].objective) / dx : nil
    }
    var appraisal: InvestmentAppraisal? = nil
    if let investment = settings.investment {
      progress(total - 1, total, "investment at × \(formatNumber(investment.multiplier))")
      let plan = try scaling(target, by: investment.multiplier, days: settings.days).solveWithDecision(settings: settings.interiorPoint).plan
      appraisal = try InvestmentAppraisal(investment: investment, objectiveSaving: Self.saving(base.objective, plan.objective),
                                          expectedCostSaving: Self.saving(base.expectedCost, plan.expectedCost))
    }
    progress(total, total, "done")
    return CapacityValueCurve(kind: kind, target: id, name: name, variable: settings.days ? "days" : "capacity", baseline: baseline,
                              baselineObjective: base.objective, baselineExpectedCost: base.expectedCost, currency: currency,
                              points: points, appraisal: appraisal)
  }
}
