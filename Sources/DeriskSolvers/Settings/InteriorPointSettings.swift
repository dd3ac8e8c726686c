/// Settings of the interior-point solver, each with its default at the declaration.
public struct InteriorPointSettings: Sendable, Hashable, Codable {
  /// Largest number of iterations. Default 200; valid 1...
  public var maxIterations = 200
  /// Wall-clock limit in seconds; nil means none. Valid > 0.
  public var timeLimitSeconds: Double? = nil
  /// Primal and dual feasibility tolerance, relative to the data's size. Default 1e-8; valid (0, 1).
  public var feasibilityTolerance = 1e-8
  /// Relative gap tolerance. Default 1e-8; valid (0, 1).
  public var gapTolerance = 1e-8
  /// `almostOptimal` is reported when the checks pass with the tolerances multiplied by this.
  /// Default 1e3; valid ≥ 1.
  public var almostOptimalFactor = 1e3
  /// Tolerance on the certificates of infeasibility. Default 1e-8; valid (0, 1).
  public var infeasibilityTolerance = 1e-8
  /// Ruiz equilibration passes before solving. Default 10; 0 turns scaling off.
  public var scalingPasses = 10
  /// Extra Gondzio centrality correctors per iteration. Default 4; valid 0... (On the generated scenario
  /// programs, measured 2026-11-29 with ρ = 1e-12: 46 → 39 iterations at 1,000 scenarios in the same time, 109 → 81 at
  /// 10,000, 19.5 → 17.4 s, against 2; the gain grows with the scenarios, whose blocking pairs the
  /// correctors move. Netlib and Maros–Mészáros pass with either.)
  public var gondzioCorrectors = 4
  /// Weight each scenario block's complementarity targets by the square root of its cost scale
  /// (`sₖzₖ = μwₖ`, see the DocC article on the method). Changes the path, not the optimum; no effect on
  /// programs without block labels. Default true.
  public var weightedCentralPath = true
  /// On a program with at least 8,000 scenario blocks solved by the scenario-structured backend, solve a
  /// sample of 1,000 of them first and pull the first stage towards the sample's solution with a proximal
  /// term that fades with μ (`ProximalPull`): fewer iterations (10,000 generated scenarios 57 → 40, 100,000
  /// 79 → 59), the same optimum and checks. The sample's time counts in `setupSeconds`. Default true.
  public var centreFromSample = true
  /// Check every iteration's factorization by the residual of its constant solve (two products with Ā and a
  /// pass over the vectors, 6 % of an iteration on the 100,000-scenario benchmark). When false, an iteration
  /// is trusted unchecked when the previous iteration's check met its tolerance twentyfold at the base
  /// regularisation, and never two iterations running; an unchecked solve less accurate than asked only
  /// slows the iteration (the iterate's own residuals decide termination). Default false.
  public var checkEveryFactorization = false
  /// Print an iteration log to standard error. Default false.
  public var verbose = false
  /// Which linear-system backend to use. Default `.automatic`.
  public var linearSystem: LinearSystemChoice = .automatic

  public init() {}

  /// Checks every setting against its valid range.
  /// - Throws: `ProblemError.invalid` naming the setting.
  public func validate() throws {
    guard maxIterations >= 1 else { throw ProblemError.invalid("maxIterations must be ≥ 1, got \(maxIterations)") }
    if let t = timeLimitSeconds, !(t > 0) { throw ProblemError.invalid("timeLimitSeconds must be > 0, got \(t)") }
    for (name, value) in [("feasibilityTolerance", feasibilityTolerance), ("gapTolerance", gapTolerance),
                          ("infeasibilityTolerance", infeasibilityTolerance)] {
      guard value > 0, value < 1 else { throw ProblemError.invalid("\(name) must be in (0, 1), got \(value)") }
    }
    guard almostOptimalFactor >= 1 else { throw ProblemError.invalid("almostOptimalFactor must be ≥ 1") }
    guard scalingPasses >= 0 else { throw ProblemError.invalid("scalingPasses must be ≥ 0") }
    guard gondzioCorrectors >= 0 else { throw ProblemError.invalid("gondzioCorrectors must be ≥ 0") }
  }
}

/// The linear system solved at each interior-point iteration.
public enum LinearSystemChoice: String, Sendable, Hashable, Codable, CaseIterable {
  /// The scenario-structured system when the program has scenario blocks (and P is diagonal); else the
  /// normal equations for LPs and QPs with diagonal P, the augmented system otherwise.
  case automatic
  /// A D⁻¹ Aᵀ Δy = r with dense Cholesky (LP or diagonal P only).
  case normalEquations
  /// The quasi-definite augmented system with dense LDLᵀ.
  case augmented
  /// Scenario blocks eliminated one by one (sparse Cholesky each), then the first-stage Schur complement
  /// (dense). Needs a `BlockStructure` and a diagonal P; `automatic` picks it when one is given.
  case scenarioStructured
}
