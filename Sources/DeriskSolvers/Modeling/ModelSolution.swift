/// The result of solving a `Model`, read back in the model's own terms: values of variables and
/// expressions, duals, slacks and reduced costs by handle or by name.
///
/// Built from a `SolveResult` of the model's lowered program. The vectors follow the conventions
/// of `Solution`: with row duals y and reduced costs z, P x + c − Aᵀ y − z = 0; yᵢ ≥ 0 when the
/// lower bound of row i is active and ≤ 0 when its upper bound is active, so that
/// yᵢ = ∂(optimal objective)/∂(active bound of row i) in the user's sense (min or max).
///
/// Statuses are passed through unchanged: an infeasible or unbounded model is reported, never
/// thrown. Read `primalStatus` / `dualStatus` before trusting the numbers; for
/// `.infeasibilityCertificate` the "values" are a ray, not a point. When the solver returned no
/// vector at all (an empty array), every value read from it is NaN.
public struct ModelSolution: Sendable {
  /// The model that was solved (a snapshot; later edits to the original do not affect it).
  public let model: Model
  /// The solver's result, in the lowered program's column and row order.
  public let result: SolveResult

  /// Why the solver stopped.
  public var termination: TerminationStatus { result.termination }
  /// What the primal values are.
  public var primalStatus: SolutionStatus { result.primalStatus }
  /// What the duals and reduced costs are.
  public var dualStatus: SolutionStatus { result.dualStatus }
  /// The objective value q(x*) in the model's sense, constant included (NaN without a primal point).
  public var objective: Double { result.objective }
  /// Iterations, residuals, gap and times.
  public var info: SolveInfo { result.info }

  /// Reads `result` back against `model`.
  ///
  /// - Throws: `ModelError.dimensionMismatch` when a vector of `result.solution` is neither empty
  ///   nor of the model's size (x and reduced costs: one per variable; row duals and activities:
  ///   one per constraint), i.e. the result is not of this model's lowered program.
  public init(result: SolveResult, model: Model) throws {
    let n = model.variableCount, m = model.constraintCount
    let s = result.solution
    for (what, count, expected) in [("x", s.x.count, n), ("reducedCosts", s.reducedCosts.count, n),
                                    ("rowDuals", s.rowDuals.count, m), ("rowActivities", s.rowActivities.count, m)]
    where count != 0 && count != expected {
      throw ModelError.dimensionMismatch("solution.\(what) has \(count) entries, the model has \(expected)")
    }
    self.model = model
    self.result = result
  }

  // MARK: Primal values

  /// x_j, the value of a variable (NaN when the solver returned no x).
  /// - Throws: `ModelError.foreignHandle`.
  public func value(of variable: Variable) throws -> Double {
    let j = try model.columnIndex(of: variable, in: "value(of:)")
    let x = result.solution.x
    return x.isEmpty ? .nan : x[j]
  }

  /// Σ aₖ x_{jₖ} + k, the value of an affine expression at x.
  /// - Throws: `ModelError.foreignHandle` for a term from another model.
  public func value(of expression: LinearExpression) throws -> Double {
    let x = result.solution.x
    var total = expression.constant
    for (v, a) in zip(expression.variables, expression.coefficients) {
      guard let j = model.checkedIndex(of: v) else { throw model.foreignVariable(v, in: "value(of:)") }
      total += a * (x.isEmpty ? .nan : x[j])
    }
    return total
  }

  /// Σ qₖ x_{iₖ} x_{jₖ} + (affine part), the value of a quadratic expression at x.
  /// - Throws: `ModelError.foreignHandle` for a term from another model.
  public func value(of expression: QuadraticExpression) throws -> Double {
    var total = try value(of: expression.linear)
    for k in 0..<expression.quadraticTermCount {
      total += expression.quadraticCoefficients[k]
        * (try value(of: expression.firstVariables[k])) * (try value(of: expression.secondVariables[k]))
    }
    return total
  }

  /// The value of the variable with this name.
  /// - Throws: `ModelError.unknownName`.
  public func value(ofVariableNamed name: String) throws -> Double {
    guard let v = model.variable(named: name) else { throw ModelError.unknownName("no variable is named '\(name)'") }
    return try value(of: v)
  }

  /// aᵢᵀx + kᵢ, the value of the constraint's expression as the user wrote it (constant included).
  /// Taken from the solver's row activity Aᵢx when present, computed from x otherwise.
  /// - Throws: `ModelError.foreignHandle`.
  public func activity(of constraint: Constraint) throws -> Double {
    let i = try model.rowIndex(of: constraint, in: "activity(of:)")
    let activities = result.solution.rowActivities
    if !activities.isEmpty { return activities[i] + model.rowConstant(i) }
    return try value(of: model.expression(of: constraint))
  }

  /// The slack of a constraint lᵢ ≤ aᵢᵀx + kᵢ ≤ uᵢ at x: the distance from the activity
  /// gᵢ = aᵢᵀx + kᵢ to the nearer bound,
  ///
  ///     slackᵢ = min(gᵢ − lᵢ, uᵢ − gᵢ),  an infinite bound contributing +∞.
  ///
  /// For `expr ≤ b` it is b − g, for `expr ≥ b` it is g − b, for an equality −|g − b|. It is
  /// ≥ 0 at a feasible point and 0 when a bound is active; a negative value is the amount by
  /// which the violated bound is exceeded; +∞ for a free row.
  /// - Throws: `ModelError.foreignHandle`.
  public func slack(of constraint: Constraint) throws -> Double {
    let g = try activity(of: constraint)
    let (lower, upper) = try model.bounds(of: constraint)
    return min(lower == -.infinity ? .infinity : g - lower, upper == .infinity ? .infinity : upper - g)
  }

  /// The slack of the constraint with this name (see `slack(of:)`).
  /// - Throws: `ModelError.unknownName`.
  public func slack(ofConstraintNamed name: String) throws -> Double {
    try slack(of: constraint(named: name))
  }

  // MARK: Dual values

  /// yᵢ, the dual of a constraint: ∂(optimal objective)/∂(active bound), ≥ 0 when the lower bound
  /// is active and ≤ 0 when the upper bound is active (see `Solution`). For a `≤ b` resource
  /// constraint in a maximisation it is the shadow price of one more unit of b. NaN when the
  /// solver returned no duals.
  /// - Throws: `ModelError.foreignHandle`.
  public func dual(of constraint: Constraint) throws -> Double {
    let i = try model.rowIndex(of: constraint, in: "dual(of:)")
    let y = result.solution.rowDuals
    return y.isEmpty ? .nan : y[i]
  }

  /// The dual of the constraint with this name.
  /// - Throws: `ModelError.unknownName`.
  public func dual(ofConstraintNamed name: String) throws -> Double {
    try dual(of: constraint(named: name))
  }

  /// z_j = (P x + c − Aᵀ y)_j, the reduced cost of a variable: the dual of its bounds, ≥ 0 when
  /// the lower bound is active and ≤ 0 when the upper bound is active. NaN when absent.
  /// - Throws: `ModelError.foreignHandle`.
  public func reducedCost(of variable: Variable) throws -> Double {
    let j = try model.columnIndex(of: variable, in: "reducedCost(of:)")
    let z = result.solution.reducedCosts
    return z.isEmpty ? .nan : z[j]
  }

  /// The reduced cost of the variable with this name.
  /// - Throws: `ModelError.unknownName`.
  public func reducedCost(ofVariableNamed name: String) throws -> Double {
    guard let v = model.variable(named: name) else { throw ModelError.unknownName("no variable is named '\(name)'") }
    return try reducedCost(of: v)
  }

  private func constraint(named name: String) throws -> Constraint {
    guard let c = model.constraint(named: name) else { throw ModelError.unknownName("no constraint is named '\(name)'") }
    return c
  }
}
