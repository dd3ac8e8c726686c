/// A quadratic expression  Σₖ qₖ x_{iₖ} x_{jₖ} + (affine part)  in the variables of a `Model`.
///
/// The quadratic terms are kept exactly as written: `3 * x * x + 2 * x * y` stores (x, x, 3) and
/// (x, y, 2). Lowering turns them into the solver's ½ xᵀ P x convention,
///
///     Σₖ qₖ x_{iₖ} x_{jₖ} = ½ xᵀ P x   with   P = Σₖ qₖ (e_{iₖ} e_{jₖ}ᵀ + e_{jₖ} e_{iₖ}ᵀ),
///
/// so a square term qₖ xᵢ² adds 2qₖ to P_ii and a cross term qₖ xᵢ xⱼ (i ≠ j) adds qₖ to P_ij and
/// to P_ji; the example gives P_xx = 6 and P_xy = P_yx = 2. Only the lower triangle is stored.
/// Appending terms is amortised O(1), as for `LinearExpression`.
public struct QuadraticExpression: Sendable {
  /// The affine part.
  public var linear: LinearExpression
  /// First variable of each quadratic term.
  public private(set) var firstVariables: [Variable]
  /// Second variable of each quadratic term.
  public private(set) var secondVariables: [Variable]
  /// Coefficient qₖ of each quadratic term x_{iₖ} x_{jₖ}.
  public private(set) var quadraticCoefficients: [Double]

  /// A quadratic expression with no quadratic terms and the given affine part.
  public init(_ linear: LinearExpression = LinearExpression()) {
    self.linear = linear
    self.firstVariables = []
    self.secondVariables = []
    self.quadraticCoefficients = []
  }

  /// Number of stored quadratic terms (before duplicates are merged).
  public var quadraticTermCount: Int { quadraticCoefficients.count }

  /// Appends the term `coefficient · first · second`. Amortised O(1).
  public mutating func addQuadraticTerm(_ first: Variable, _ second: Variable, _ coefficient: Double = 1) {
    firstVariables.append(first)
    secondVariables.append(second)
    quadraticCoefficients.append(coefficient)
  }

  /// Appends every term of `other` multiplied by `factor`.
  public mutating func add(_ other: QuadraticExpression, times factor: Double = 1) {
    linear.add(other.linear, times: factor)
    firstVariables.append(contentsOf: other.firstVariables)
    secondVariables.append(contentsOf: other.secondVariables)
    if factor == 1 {
      quadraticCoefficients.append(contentsOf: other.quadraticCoefficients)
    } else {
      for q in other.quadraticCoefficients { quadraticCoefficients.append(factor * q) }
    }
  }

  /// Multiplies every coefficient and the constant by `factor`.
  public mutating func scale(by factor: Double) {
    linear.scale(by: factor)
    for k in quadraticCoefficients.indices { quadraticCoefficients[k] *= factor }
  }

  /// The product of two affine expressions,
  /// (Σ aᵢ xᵢ + a₀)(Σ bⱼ xⱼ + b₀) = Σᵢⱼ aᵢbⱼ xᵢxⱼ + b₀ Σ aᵢxᵢ + a₀ Σ bⱼxⱼ + a₀b₀,
  /// with |a|·|b| quadratic terms.
  public static func product(_ a: LinearExpression, _ b: LinearExpression) -> QuadraticExpression {
    var q = QuadraticExpression()
    let count = a.termCount * b.termCount
    q.firstVariables.reserveCapacity(count)
    q.secondVariables.reserveCapacity(count)
    q.quadraticCoefficients.reserveCapacity(count)
    for k in 0..<a.termCount {
      for l in 0..<b.termCount {
        q.addQuadraticTerm(a.variables[k], b.variables[l], a.coefficients[k] * b.coefficients[l])
      }
    }
    // The affine cross terms only when the other factor has a constant, so that a product of
    // pure linear forms (the usual case, e.g. 0.5 * x * x) stores no zero terms.
    if b.constant != 0 { q.linear.add(a, times: b.constant) }
    if a.constant != 0 { q.linear.add(b, times: a.constant) }
    q.linear.constant = a.constant * b.constant
    return q
  }
}
