// Arithmetic on `Variable`, `LinearExpression` and `QuadraticExpression`.
//
// Each operator appends to its left operand, taken as `consuming` so that a chain of temporaries
// (`2 * x + 3 * y - z + 1`) reuses one buffer: the whole chain is O(number of terms). Products
// of two affine expressions give a `QuadraticExpression` (see `QuadraticExpression.product`).

// MARK: Variable

extension Variable {
  public static prefix func - (v: Variable) -> LinearExpression { LinearExpression(v, coefficient: -1) }
  public static func * (a: Double, v: Variable) -> LinearExpression { LinearExpression(v, coefficient: a) }
  public static func * (v: Variable, a: Double) -> LinearExpression { LinearExpression(v, coefficient: a) }
  public static func / (v: Variable, a: Double) -> LinearExpression { LinearExpression(v, coefficient: 1 / a) }

  public static func + (u: Variable, v: Variable) -> LinearExpression {
    var e = LinearExpression(u)
    e.addTerm(v, 1)
    return e
  }
  public static func - (u: Variable, v: Variable) -> LinearExpression {
    var e = LinearExpression(u)
    e.addTerm(v, -1)
    return e
  }
  public static func + (v: Variable, a: Double) -> LinearExpression {
    var e = LinearExpression(v)
    e.constant = a
    return e
  }
  public static func - (v: Variable, a: Double) -> LinearExpression {
    var e = LinearExpression(v)
    e.constant = -a
    return e
  }
  public static func + (a: Double, v: Variable) -> LinearExpression {
    var e = LinearExpression(v)
    e.constant = a
    return e
  }
  public static func - (a: Double, v: Variable) -> LinearExpression {
    var e = LinearExpression(v, coefficient: -1)
    e.constant = a
    return e
  }

  /// The quadratic term u·v.
  public static func * (u: Variable, v: Variable) -> QuadraticExpression {
    var q = QuadraticExpression()
    q.addQuadraticTerm(u, v, 1)
    return q
  }
}

// MARK: LinearExpression

extension LinearExpression {
  public static prefix func - (e: consuming LinearExpression) -> LinearExpression {
    e.scale(by: -1)
    return e
  }
  public static func * (a: Double, e: consuming LinearExpression) -> LinearExpression {
    e.scale(by: a)
    return e
  }
  public static func * (e: consuming LinearExpression, a: Double) -> LinearExpression {
    e.scale(by: a)
    return e
  }
  public static func / (e: consuming LinearExpression, a: Double) -> LinearExpression {
    e.scale(by: 1 / a)
    return e
  }

  public static func + (e: consuming LinearExpression, f: LinearExpression) -> LinearExpression {
    e.add(f)
    return e
  }
  public static func - (e: consuming LinearExpression, f: LinearExpression) -> LinearExpression {
    e.add(f, times: -1)
    return e
  }
  public static func + (e: consuming LinearExpression, v: Variable) -> LinearExpression {
    e.addTerm(v, 1)
    return e
  }
  public static func - (e: consuming LinearExpression, v: Variable) -> LinearExpression {
    e.addTerm(v, -1)
    return e
  }
  public static func + (v: Variable, e: consuming LinearExpression) -> LinearExpression {
    e.addTerm(v, 1)
    return e
  }
  public static func - (v: Variable, e: consuming LinearExpression) -> LinearExpression {
    e.scale(by: -1)
    e.addTerm(v, 1)
    return e
  }
  public static func + (e: consuming LinearExpression, a: Double) -> LinearExpression {
    e.constant += a
    return e
  }
  public static func - (e: consuming LinearExpression, a: Double) -> LinearExpression {
    e.constant -= a
    return e
  }
  public static func + (a: Double, e: consuming LinearExpression) -> LinearExpression {
    e.constant += a
    return e
  }
  public static func - (a: Double, e: consuming LinearExpression) -> LinearExpression {
    e.scale(by: -1)
    e.constant += a
    return e
  }

  public static func += (e: inout LinearExpression, f: LinearExpression) { e.add(f) }
  public static func -= (e: inout LinearExpression, f: LinearExpression) { e.add(f, times: -1) }
  public static func += (e: inout LinearExpression, v: Variable) { e.addTerm(v, 1) }
  public static func -= (e: inout LinearExpression, v: Variable) { e.addTerm(v, -1) }
  public static func += (e: inout LinearExpression, a: Double) { e.constant += a }
  public static func -= (e: inout LinearExpression, a: Double) { e.constant -= a }
  public static func *= (e: inout LinearExpression, a: Double) { e.scale(by: a) }

  /// The product of two affine expressions (see `QuadraticExpression.product`).
  public static func * (e: LinearExpression, f: LinearExpression) -> QuadraticExpression {
    QuadraticExpression.product(e, f)
  }
  public static func * (e: LinearExpression, v: Variable) -> QuadraticExpression {
    QuadraticExpression.product(e, LinearExpression(v))
  }
  public static func * (v: Variable, e: LinearExpression) -> QuadraticExpression {
    QuadraticExpression.product(LinearExpression(v), e)
  }
}

// MARK: QuadraticExpression

extension QuadraticExpression {
  public static prefix func - (q: consuming QuadraticExpression) -> QuadraticExpression {
    q.scale(by: -1)
    return q
  }
  public static func * (a: Double, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.scale(by: a)
    return q
  }
  public static func * (q: consuming QuadraticExpression, a: Double) -> QuadraticExpression {
    q.scale(by: a)
    return q
  }
  public static func / (q: consuming QuadraticExpression, a: Double) -> QuadraticExpression {
    q.scale(by: 1 / a)
    return q
  }

  public static func + (q: consuming QuadraticExpression, r: QuadraticExpression) -> QuadraticExpression {
    q.add(r)
    return q
  }
  public static func - (q: consuming QuadraticExpression, r: QuadraticExpression) -> QuadraticExpression {
    q.add(r, times: -1)
    return q
  }
  public static func + (q: consuming QuadraticExpression, e: LinearExpression) -> QuadraticExpression {
    q.linear.add(e)
    return q
  }
  public static func - (q: consuming QuadraticExpression, e: LinearExpression) -> QuadraticExpression {
    q.linear.add(e, times: -1)
    return q
  }
  public static func + (e: LinearExpression, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.linear.add(e)
    return q
  }
  public static func - (e: LinearExpression, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.scale(by: -1)
    q.linear.add(e)
    return q
  }
  public static func + (q: consuming QuadraticExpression, v: Variable) -> QuadraticExpression {
    q.linear.addTerm(v, 1)
    return q
  }
  public static func - (q: consuming QuadraticExpression, v: Variable) -> QuadraticExpression {
    q.linear.addTerm(v, -1)
    return q
  }
  public static func + (v: Variable, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.linear.addTerm(v, 1)
    return q
  }
  public static func - (v: Variable, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.scale(by: -1)
    q.linear.addTerm(v, 1)
    return q
  }
  public static func + (q: consuming QuadraticExpression, a: Double) -> QuadraticExpression {
    q.linear.constant += a
    return q
  }
  public static func - (q: consuming QuadraticExpression, a: Double) -> QuadraticExpression {
    q.linear.constant -= a
    return q
  }
  public static func + (a: Double, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.linear.constant += a
    return q
  }
  public static func - (a: Double, q: consuming QuadraticExpression) -> QuadraticExpression {
    q.scale(by: -1)
    q.linear.constant += a
    return q
  }

  public static func += (q: inout QuadraticExpression, r: QuadraticExpression) { q.add(r) }
  public static func -= (q: inout QuadraticExpression, r: QuadraticExpression) { q.add(r, times: -1) }
  public static func += (q: inout QuadraticExpression, e: LinearExpression) { q.linear.add(e) }
  public static func -= (q: inout QuadraticExpression, e: LinearExpression) { q.linear.add(e, times: -1) }
  public static func += (q: inout QuadraticExpression, v: Variable) { q.linear.addTerm(v, 1) }
  public static func -= (q: inout QuadraticExpression, v: Variable) { q.linear.addTerm(v, -1) }
  public static func += (q: inout QuadraticExpression, a: Double) { q.linear.constant += a }
  public static func -= (q: inout QuadraticExpression, a: Double) { q.linear.constant -= a }
  public static func *= (q: inout QuadraticExpression, a: Double) { q.scale(by: a) }
}
