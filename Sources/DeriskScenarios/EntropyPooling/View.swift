/// How a view compares its quantity with its target.
public enum ViewRelation: String, Sendable, Hashable, Codable {
  case equal = "="
  case atMost = "<="
  case atLeast = ">="
}

/// A planner's view on the scenario weights, for ``EntropyPooling``.
///
/// - eventProbability(E, rel, x): P_q(E) rel x.
/// - expectation(a, rel, x): E_q[a] rel x for a scenario attribute a.
/// - ranking([a₁, …, a_k]): E_q[a₁] ≥ E_q[a₂] ≥ … ≥ E_q[a_k] (k − 1 inequality rows).
public struct View: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case eventProbability(ScenarioEvent, ViewRelation, Double)
    case expectation(attribute: String, ViewRelation, Double)
    case ranking([String])
  }

  /// A name used in reports and in conflict errors.
  public var name: String
  public var kind: Kind

  public init(name: String, _ kind: Kind) {
    self.name = name
    self.kind = kind
  }

  /// The linear rows aᵀq rel b this view stands for over `set`.
  /// - Throws: ``ScenarioError`` for a target that is not finite, a probability target outside [0, 1],
  ///   unknown scenarios or attributes, or a ranking of fewer than two attributes.
  public func constraints(over set: ScenarioSet) throws -> [ViewConstraint] {
    switch kind {
    case .eventProbability(let event, let relation, let x):
      guard x.isFinite, x >= 0, x <= 1 else {
        throw ScenarioError(path: "views[\(name)].probability", message: "must be in [0, 1], got \(formatNumber(x))")
      }
      let member = try event.membership(in: set)
      return [ViewConstraint(name: name, coefficients: member.map { $0 ? 1 : 0 }, relation: relation, target: x)]
    case .expectation(let attribute, let relation, let x):
      guard x.isFinite else { throw ScenarioError(path: "views[\(name)].value", message: "must be finite, got \(formatNumber(x))") }
      return [ViewConstraint(name: name, coefficients: try set.attribute(attribute), relation: relation, target: x)]
    case .ranking(let attributes):
      guard attributes.count >= 2 else {
        throw ScenarioError(path: "views[\(name)].ranking", message: "needs at least two attributes, got \(attributes.count)")
      }
      var rows: [ViewConstraint] = []
      for k in 1..<attributes.count {
        let hi = try set.attribute(attributes[k - 1]), lo = try set.attribute(attributes[k])
        let rowName = attributes.count == 2 ? name : "\(name) (\(attributes[k - 1]) ≥ \(attributes[k]))"
        rows.append(ViewConstraint(name: rowName, coefficients: zip(hi, lo).map { $0 - $1 }, relation: .atLeast, target: 0))
      }
      return rows
    }
  }
}

/// One linear view row Σₛ aₛ qₛ (=, ≤, ≥) b.
public struct ViewConstraint: Sendable, Hashable {
  public var name: String
  /// aₛ, one per scenario.
  public var coefficients: [Double]
  public var relation: ViewRelation
  /// b.
  public var target: Double

  public init(name: String, coefficients: [Double], relation: ViewRelation, target: Double) {
    self.name = name
    self.coefficients = coefficients
    self.relation = relation
    self.target = target
  }
}
