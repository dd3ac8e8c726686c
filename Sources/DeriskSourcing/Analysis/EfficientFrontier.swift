import DeriskSolvers
import Foundation

/// The efficient frontier of expected cost against CVaR: the plans minimising E[C] + λ·CVaR_α(C)
/// for a grid of risk aversions λ ≥ 0.
///
/// For λ₁ < λ₂ the optimal plans satisfy E₁ ≤ E₂ and CVaR₁ ≥ CVaR₂ (exchange the two optimality
/// inequalities), so the points trace the lower-left boundary of the achievable (CVaR, E) set. Between
/// grid points the frontier is piecewise linear in λ-space: a kink is where the set of binding
/// constraints changes, and each ``FrontierEvent`` names the constraint that became (or stopped
/// being) binding, e.g. "Middle Corridor (TITR) capacity binds from λ = 0.7".
///
/// Every point is solved from scratch: the interior-point method has no warm start (a warm start
/// from a neighbouring optimum, which sits on the boundary, does not help a primal–dual path
/// method).
public struct EfficientFrontier: Sendable, Hashable, Codable {
  /// α of CVaR.
  public var cvarConfidence: Double
  /// One point per λ, increasing.
  public var points: [FrontierPoint]
  /// Constraints that start or stop binding between consecutive points.
  public var events: [FrontierEvent]
  public var currency: String

  public struct FrontierPoint: Sendable, Hashable, Codable {
    public var riskAversion: Double
    public var status: String
    /// E[C] + λ·CVaR_α(C).
    public var objective: Double
    public var expectedCost: Double
    public var valueAtRisk: Double
    public var cvar: Double
    /// Labels of the constraints with a nonzero shadow price at this point.
    public var binding: [String]
    /// Contracted tonnes per material and country.
    public var countryTonnes: [SourcingPlan.ShareLine]
  }

  public struct FrontierEvent: Sendable, Hashable, Codable {
    /// The first λ of the grid at which the change is seen.
    public var riskAversion: Double
    public var constraint: String
    /// `binds` or `released`.
    public var change: String
    /// "Middle Corridor (TITR) capacity binds from λ = 0.7".
    public var text: String
  }
}

/// How ``SourcingModel/efficientFrontier(settings:progress:)`` samples λ, with defaults.
///
/// The grid is λ₀ = 0 followed by N − 1 values from `minRiskAversion` to `maxRiskAversion`, spaced
/// geometrically by default (the frontier of a model often moves at λ ≈ 0.1 for one model and
/// λ ≈ 30 for another, since what matters is how cheaply the tail can be cut) or linearly.
public struct FrontierSettings: Sendable, Hashable {
  /// Number of points N ≥ 2. Default 13.
  public var points = 13
  /// The smallest positive λ. Default 0.1; valid (0, maxRiskAversion).
  public var minRiskAversion = 0.1
  /// The largest λ. Default 100; valid > 0 and finite.
  public var maxRiskAversion = 100.0
  /// Space the positive λ linearly instead of geometrically. Default false.
  public var linear = false
  /// α of CVaR; nil keeps the model's. Default nil.
  public var cvarConfidence: Double? = nil
  public var interiorPoint = InteriorPointSettings()

  public init(points: Int = 13, minRiskAversion: Double = 0.1, maxRiskAversion: Double = 100, linear: Bool = false,
              cvarConfidence: Double? = nil, interiorPoint: InteriorPointSettings = InteriorPointSettings()) {
    self.points = points
    self.minRiskAversion = minRiskAversion
    self.maxRiskAversion = maxRiskAversion
    self.linear = linear
    self.cvarConfidence = cvarConfidence
    self.interiorPoint = interiorPoint
  }

  /// The grid of λ: 0, then N − 1 values from min to max (one value, max, when N = 2).
  public var riskAversions: [Double] {
    let n = points - 1
    guard n >= 2 else { return [0, maxRiskAversion] }
    return [0] + (0..<n).map { k in
      let t = Double(k) / Double(n - 1)
      if linear { return minRiskAversion + (maxRiskAversion - minRiskAversion) * t }
      // Rounded to 3 significant digits so the labels read well.
      let x = minRiskAversion * pow(maxRiskAversion / minRiskAversion, t)
      return Double(String(format: "%.3g", x)) ?? x
    }
  }
}

extension SourcingModel {
  /// The efficient frontier E[C] against CVaR_α(C), solving the model with the CVaR measure at each λ of
  /// the grid (whatever the model's own measure is).
  /// - Throws: ``SourcingError`` for an invalid model or settings (fewer than 2 points, λmax not > 0 and finite).
  public func efficientFrontier(settings: FrontierSettings = FrontierSettings(),
                                progress: AnalysisProgress = { _, _, _ in }) throws -> EfficientFrontier {
    guard settings.points >= 2 else {
      throw SourcingError(path: "--points", message: "must be ≥ 2, got \(settings.points)")
    }
    guard settings.maxRiskAversion.isFinite, settings.maxRiskAversion > 0 else {
      throw SourcingError(path: "--max-risk-aversion", message: "must be > 0 and finite, got \(formatNumber(settings.maxRiskAversion))")
    }
    guard settings.minRiskAversion.isFinite, settings.minRiskAversion > 0, settings.minRiskAversion < settings.maxRiskAversion else {
      throw SourcingError(path: "--min-risk-aversion", message: "must be in (0, max risk aversion), got \(formatNumber(settings.minRiskAversion))")
    }
    var base = self
    base.policy.riskMeasure = .cvar
    if let alpha = settings.cvarConfidence { base.policy.cvarConfidence = alpha }
    try base.validate()
    let grid = settings.riskAversions
    var points: [EfficientFrontier.FrontierPoint] = []
    for (k, lambda) in grid.enumerated() {
      progress(k, grid.count, "λ = \(formatNumber(lambda))")
      var model = base
      model.policy.riskAversion = lambda
      let plan = try model.solveWithDecision(settings: settings.interiorPoint).plan
      points.append(.init(riskAversion: lambda, status: plan.status, objective: plan.objective, expectedCost: plan.expectedCost,
                          valueAtRisk: plan.valueAtRisk, cvar: plan.cvar, binding: base.bindingLabels(of: plan),
                          countryTonnes: plan.countryShares))
    }
    progress(grid.count, grid.count, "done")
    var events: [EfficientFrontier.FrontierEvent] = []
    for k in 1..<points.count {
      let before = Set(points[k - 1].binding), after = Set(points[k].binding)
      let lambda = points[k].riskAversion
      for label in points[k].binding where !before.contains(label) {
        events.append(.init(riskAversion: lambda, constraint: label, change: "binds",
                            text: "\(label) binds from λ = \(formatNumber(lambda))"))
      }
      for label in points[k - 1].binding where !after.contains(label) {
        events.append(.init(riskAversion: lambda, constraint: label, change: "released",
                            text: "\(label) stops binding from λ = \(formatNumber(lambda))"))
      }
    }
    return EfficientFrontier(cvarConfidence: base.policy.cvarConfidence, points: points, events: events, currency: currency)
  }

  /// Readable labels of the limits whose shadow price is nonzero (demand excluded: it always prices).
  ///
  /// A limit binds when |shadow price| > 10⁻⁶·max(1, largest |shadow price|): interior-point duals of
  /// slack rows are of the order of the barrier parameter, far below that.
  func bindingLabels(of plan: SourcingPlan) -> [String] {
    let limits = plan.shadowPrices.filter { $0.kind != .demand }
    let scale = max(1, limits.map { abs($0.value) }.max() ?? 0)
    return limits.filter { abs($0.value) > 1e-6 * scale }.map { label(of: $0) }
  }

  /// "Middle Corridor (TITR) capacity", "leg L5 capacity", "supplier CN-REE capacity (ndpr_oxide)", …
  func label(of price: ShadowPrice) -> String {
    let material = price.material.map { " (\($0))" } ?? ""
    switch price.kind {
    case .legCapacity: return "leg \(price.target) capacity"
    case .corridorCapacity: return "\(corridorName(price.target)) capacity"
    case .supplierCapacity: return "supplier \(price.target) capacity\(material)"
    case .demand: return "demand\(material.isEmpty ? " (\(price.target))" : material)"
    case .countryShareCap: return "\(price.target) share cap\(material)"
    case .corridorShareCap: return "\(corridorName(price.target)) share cap\(material)"
    }
  }
}
