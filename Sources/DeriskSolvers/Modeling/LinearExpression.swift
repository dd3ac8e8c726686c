/// An affine expression  Σₖ aₖ x_{jₖ} + k  in the variables of a `Model`.
///
/// Terms are stored as two parallel arrays (variables, coefficients) in the order they were
/// written; a variable may appear more than once and its coefficients are summed only once, when
/// the model lowers the expression. Appending a term is amortised O(1), so building an expression
/// with N terms by `+=`, by chained temporaries such as `2 * x + 3 * y - z`, or by
/// `LinearExpression.sum` is O(N). (Only the pattern `e = e + …` on a named variable may copy `e`;
/// write `e += …` in loops.)
public struct LinearExpression: Sendable {
  /// The variable of each term, in the order written (repeats allowed).
  public private(set) var variables: [Variable]
  /// The coefficient of each term; `coefficients[k]` multiplies `variables[k]`.
  public private(set) var coefficients: [Double]
  /// The constant k.
  public var constant: Double

  /// The constant expression `constant` (no terms).
  public init(constant: Double = 0) {
    self.variables = []
    self.coefficients = []
    self.constant = constant
  }

  /// The expression `coefficient · variable`.
  public init(_ variable: Variable, coefficient: Double = 1) {
    self.variables = [variable]
    self.coefficients = [coefficient]
    self.constant = 0
  }

  /// The expression Σ (coefficient · variable) + constant over the given pairs.
  public init<S: Sequence>(terms: S, constant: Double = 0) where S.Element == (Variable, Double) {
    self.init(constant: constant)
    let estimate = terms.underestimatedCount
    variables.reserveCapacity(estimate)
    coefficients.reserveCapacity(estimate)
    for (v, a) in terms { addTerm(v, a) }
  }

  /// The expression Σₖ coefficients[k] · variables[k] + constant, from the two arrays as they are.
  package init(variables: [Variable], coefficients: [Double], constant: Double) {
    precondition(variables.count == coefficients.count, "LinearExpression: \(variables.count) variables, \(coefficients.count) coefficients")
    self.variables = variables
    self.coefficients = coefficients
    self.constant = constant
  }

  /// Number of stored terms (before duplicates are merged).
  public var termCount: Int { variables.count }

  /// Reserves room for `count` terms in total, to avoid regrowth when the final size is known.
  /// Call it once up front: reserving an exact size before every append defeats the arrays'
  /// geometric growth and makes building quadratic.
  public mutating func reserveCapacity(_ count: Int) {
    variables.reserveCapacity(count)
    coefficients.reserveCapacity(count)
  }

  /// Appends the term `coefficient · variable`. Amortised O(1).
  public mutating func addTerm(_ variable: Variable, _ coefficient: Double = 1) {
    variables.append(variable)
    coefficients.append(coefficient)
  }

  /// Appends every term of `other` multiplied by `factor`, and adds `factor · other.constant`.
  public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
    variables.append(contentsOf: other.variables)
    if factor == 1 {
      coefficients.append(contentsOf: other.coefficients)
    } else {
      for a in other.coefficients { coefficients.append(factor * a) }
    }
    constant += factor * other.constant
  }

  /// Multiplies every coefficient and the constant by `factor`.
  public mutating func scale(by factor: Double) {
    for k in coefficients.indices { coefficients[k] *= factor }
    constant *= factor
  }

  /// Σᵢ vᵢ, in O(count).
  public static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
    var e = LinearExpression()
    e.variables = Array(variables)
    e.coefficients = [Double](repeating: 1, count: e.variables.count)
    return e
  }

  /// Σᵢ eᵢ (terms concatenated, constants added), in O(total terms).
  public static func sum<S: Sequence>(_ expressions: S) -> LinearExpression where S.Element == LinearExpression {
    var e = LinearExpression()
    for x in expressions { e.add(x) }
    return e
  }

  /// Σᵢ wᵢ vᵢ, the weighted sum (dot product) of coefficients and variables, in O(count).
  /// - Throws: `ModelError.dimensionMismatch` when the two arrays differ in length.
  public static func weightedSum(_ weights: [Double], _ variables: [Variable]) throws -> LinearExpression {
    guard weights.count == variables.count else {
      throw ModelError.dimensionMismatch("weightedSum: \(weights.count) weights for \(variables.count) variables")
    }
    var e = LinearExpression()
    e.variables = variables
    e.coefficients = weights
    return e
  }
}
