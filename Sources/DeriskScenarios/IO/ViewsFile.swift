import Foundation

/// The views file (YAML or JSON). Each view has a `name` and exactly one of:
///
/// - `event` (`{scenarios: [names]}` or `{attribute: a, comparison: ">", value: x}`) with `probability`;
/// - `expectation` (an attribute name) with `value`;
/// - `ranking` (a list of attribute names, highest expectation first);
///
/// and, for the first two, `relation`: `"="` (default), `"<="` or `">="`.
public struct ViewsFile: Sendable, Hashable, Codable {
  public var views: [ViewSpec]

  /// One view as written in the file.
  public struct ViewSpec: Sendable, Hashable, Codable {
    public var name: String
    public var event: EventSpec?
    public var probability: Double?
    public var expectation: String?
    public var value: Double?
    public var ranking: [String]?
    public var relation: ViewRelation?
  }

  /// An event as written in the file.
  public struct EventSpec: Sendable, Hashable, Codable {
    public var scenarios: [String]?
    public var attribute: String?
    public var comparison: ScenarioEvent.Comparison?
    public var value: Double?
  }

  /// The views, checked for shape (`views[2]: needs exactly one of event, expectation, ranking`).
  public func resolved() throws -> [View] {
    var out: [View] = []
    var seen: Set<String> = []
    for (i, v) in views.enumerated() {
      let here = "views[\(i)]"
      guard !v.name.isEmpty else { throw ScenarioError(path: "\(here).name", message: "must not be empty") }
      guard seen.insert(v.name).inserted else { throw ScenarioError(path: "\(here).name", message: "duplicate name \"\(v.name)\"") }
      let kinds = [v.event != nil, v.expectation != nil, v.ranking != nil].filter { $0 }.count
      guard kinds == 1 else { throw ScenarioError(path: here, message: "needs exactly one of event, expectation, ranking") }
      let relation = v.relation ?? .equal
      if let e = v.event {
        guard let x = v.probability else { throw ScenarioError(path: "\(here).probability", message: "missing (an event view needs it)") }
        guard x.isFinite, x >= 0, x <= 1 else {
          throw ScenarioError(path: "\(here).probability", message: "must be in [0, 1], got \(formatNumber(x))")
        }
        let event: ScenarioEvent
        if let names = e.scenarios, e.attribute == nil {
          event = .scenarios(names)
        } else if let a = e.attribute, let t = e.value, e.scenarios == nil {
          event = .attribute(a, e.comparison ?? .above, t)
        } else {
          throw ScenarioError(path: "\(here).event", message: "needs either scenarios, or attribute with value (and comparison)")
        }
        out.append(View(name: v.name, .eventProbability(event, relation, x)))
      } else if let a = v.expectation {
        guard let x = v.value else { throw ScenarioError(path: "\(here).value", message: "missing (an expectation view needs it)") }
        guard x.isFinite else { throw ScenarioError(path: "\(here).value", message: "must be finite, got \(formatNumber(x))") }
        out.append(View(name: v.name, .expectation(attribute: a, relation, x)))
      } else if let r = v.ranking {
        guard r.count >= 2 else { throw ScenarioError(path: "\(here).ranking", message: "needs at least two attributes, got \(r.count)") }
        out.append(View(name: v.name, .ranking(r)))
      }
    }
    return out
  }

  /// Reads a views file.
  /// - Throws: ``ScenarioError`` naming the place in the file.
  public static func load(path: String) throws -> [View] {
    let format = try FileFormat(path: path)
    return try format.decode(ViewsFile.self, from: try readFile(path)).resolved()
  }
}
