/// Why the solver stopped: what was learned about the model (not whether the call worked).
public enum TerminationStatus: String, Sendable, Hashable, Codable {
  /// Unscaled primal and dual residuals and the relative gap all met the tolerances.
  case optimal
  /// The same checks met a looser tolerance (the tolerances × `almostOptimalFactor`).
  case almostOptimal
  /// A Farkas certificate (a dual ray) proving that no x satisfies the constraints was found and checked.
  case primalInfeasible
  /// A primal ray along which the objective decreases without bound was found and checked.
  case dualInfeasible
  /// The iteration limit was reached first.
  case iterationLimit
  /// The time limit was reached first.
  case timeLimit
  /// The linear algebra broke down (an unrecoverable factorization failure, or no progress).
  case numericalError
  /// The surrounding `Task` was cancelled.
  case cancelled
}

/// What the returned vector is (MathOptInterface's primal / dual status).
public enum SolutionStatus: String, Sendable, Hashable, Codable {
  /// A point that meets the feasibility tolerance.
  case feasiblePoint
  /// Not a point but a ray proving infeasibility of the other side.
  case infeasibilityCertificate
  /// A point that is not (yet) feasible within tolerance.
  case infeasiblePoint
  /// Nothing useful.
  case noSolution
}
