import Foundation

/// What `derisk reweight` prints: prior and posterior weights, KL divergence, effective numbers,
/// and each view's value, residual and multiplier.
public struct ReweightReport: Sendable, Hashable, Codable {
  public struct Row: Sendable, Hashable, Codable {
    public var scenario: String
    public var prior: Double
    public var posterior: Double
  }
  public var status: EntropyPoolingStatus
  public var scenarios: [Row]
  public var klDivergence: Double
  public var priorEffectiveNumber: Double
  public var posteriorEffectiveNumber: Double
  public var views: [ViewReport]
  public var iterations: Int

  /// Loads both files and solves.
  /// - Throws: ``ScenarioError`` for unusable files, ``ConflictingViewsError`` for conflicting views.
  public init(scenariosPath: String, viewsPath: String, settings: EntropyPoolingSettings = .init()) throws {
    let set = try ScenarioSetFile.load(path: scenariosPath)
    let views = try ViewsFile.load(path: viewsPath)
    try self.init(prior: set, views: views, settings: settings)
  }

  public init(prior set: ScenarioSet, views: [View], settings: EntropyPoolingSettings = .init()) throws {
    let result = try EntropyPooling.solve(prior: set, views: views, settings: settings)
    status = result.status
    scenarios = set.names.indices.map { Row(scenario: set.names[$0], prior: result.prior[$0], posterior: result.posterior[$0]) }
    klDivergence = result.klDivergence
    priorEffectiveNumber = result.priorEffectiveNumber
    posteriorEffectiveNumber = result.posteriorEffectiveNumber
    self.views = result.views
    iterations = result.iterations
  }

  /// Pretty-printed JSON with sorted keys.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// A plain-text table.
  public var text: String {
    let width = max(8, scenarios.map(\.scenario.count).max() ?? 0)
    var out = "\("scenario".padding(toLength: width, withPad: " ", startingAt: 0))  \(pad("prior"))  \(pad("posterior"))\n"
    for r in scenarios {
      out += "\(r.scenario.padding(toLength: width, withPad: " ", startingAt: 0))  \(pad(fixed(r.prior)))  \(pad(fixed(r.posterior)))\n"
    }
    out += "\nKL divergence         \(fixed(klDivergence))\n"
    out += "effective scenarios   prior \(fixed(priorEffectiveNumber, 3)) of \(scenarios.count), posterior \(fixed(posteriorEffectiveNumber, 3))\n"
    out += "status                \(status.rawValue) after \(iterations) Newton iterations\n\nviews\n"
    for v in views {
      out += "  \(v.name): \(v.relation.rawValue) \(short(v.target)), value \(short(v.value)), residual \(short(v.residual)), multiplier \(short(v.multiplier))\n"
    }
    return out
  }
}

func pad(_ s: String, _ width: Int = 10) -> String {
  String(repeating: " ", count: max(0, width - s.count)) + s
}

func fixed(_ x: Double, _ digits: Int = 6) -> String { String(format: "%.\(digits)f", x) }

func short(_ x: Double) -> String { String(format: "%.6g", x) }
