/// The derivative of an optimal objective with respect to each scenario probability, by the
/// envelope theorem: for V(p) = min_x ρ_p(L(x)) with the optimum x* held fixed,
///
/// - expectation: ∂V/∂pₛ = Lₛ(x*);
/// - CVaR_α (Rockafellar–Uryasev form t + Σ pₛ(Lₛ − t)₊/(1 − α), t* = VaR_α): ∂V/∂pₛ = (Lₛ − t*)₊/(1 − α);
/// - mean–CVaR: (1 − λ) Lₛ + λ (Lₛ − t*)₊/(1 − α);
/// - worst case: 0 (the value does not depend on p while the support is unchanged).
///
/// Because Σ pₛ = 1, moving mass to s from all scenarios in proportion, p ← p + δ(eₛ − p), changes V at
/// the rate gₛ − Σⱼ pⱼgⱼ (``ScenarioSensitivity/massShift``): the figure a planner compares across
/// scenarios. (Where the optimum is not unique or t* sits on a kink these are one-sided derivatives.)
public enum ProbabilitySensitivity {
  /// Sensitivities of ρ at the optimal losses `losses` (one per scenario, from the solution).
  /// - Throws: ``ScenarioError`` for VaR (not differentiable in p in general) or unusable inputs.
  public static func of(_ measure: RiskMeasure, losses: [Double], probabilities p: [Double], names: [String]? = nil) throws -> [ScenarioSensitivity] {
    try measure.validate()
    try RiskMeasure.checkInputs(losses, p)
    func cvarGradient(_ a: Double) -> [Double] {
      if a >= 1 { return losses.map { _ in 0 } }
      let t = RiskMeasure.valueAtRisk(losses, p, a)
      return losses.map { max(0, $0 - t) / (1 - a) }
    }
    let g: [Double]
    switch measure {
    case .expectation: g = losses
    case .conditionalValueAtRisk(let a): g = cvarGradient(a)
    case .meanCVaR(let w, let a): g = zip(losses, cvarGradient(a)).map { (1 - w) * $0 + w * $1 }
    case .worstCase: g = losses.map { _ in 0 }
    case .valueAtRisk: throw ScenarioError(path: "measure", message: "VaR has no envelope derivative in the probabilities")
    }
    var mean = 0.0
    for s in p.indices { mean += p[s] * g[s] }
    return p.indices.map { s in
      ScenarioSensitivity(scenario: names?[s] ?? "s\(s)", gradient: g[s], massShift: g[s] - mean)
    }
  }
}

/// ∂V/∂pₛ for one scenario.
public struct ScenarioSensitivity: Sendable, Hashable, Codable {
  public var scenario: String
  /// ∂V/∂pₛ with the other probabilities held fixed.
  public var gradient: Double
  /// d/dδ V(p + δ(eₛ − p)) at δ = 0: gₛ − Σⱼ pⱼgⱼ.
  public var massShift: Double
}
