import Testing

/// |a − b| / max(|b|, tiny): the error of `actual` relative to `expected`, or the absolute error
/// when `expected` is zero.
public func relativeError(_ actual: Double, _ expected: Double) -> Double {
  let scale = abs(expected)
  return scale == 0 ? abs(actual) : abs(actual - expected) / scale
}

/// max_i |aᵢ − bᵢ| / max(max_i |bᵢ|, tiny): the error of a vector in the ∞-norm relative to the expected one.
/// Vectors of different lengths have error +∞.
public func relativeError(_ actual: [Double], _ expected: [Double]) -> Double {
  guard actual.count == expected.count else { return .infinity }
  var difference = 0.0, scale = 0.0
  for (a, b) in zip(actual, expected) {
    difference = max(difference, abs(a - b))
    scale = max(scale, abs(b))
  }
  return scale == 0 ? difference : difference / scale
}

/// Records a test issue unless `actual` is within `relative` of `expected`
/// (|actual − expected| ≤ relative · |expected|, or ≤ relative when expected is 0).
public func expectClose(
  _ actual: Double, _ expected: Double, relative: Double,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  let error = relativeError(actual, expected)
  #expect(
    error <= relative,
    "\(actual) vs expected \(expected): relative error \(error) > \(relative)\(comment.map { " — \($0)" } ?? "")",
    sourceLocation: sourceLocation)
}

/// Records a test issue unless the vectors agree to `relative` in the ∞-norm (see `relativeError(_:_:)`).
public func expectClose(
  _ actual: [Double], _ expected: [Double], relative: Double,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  let error = relativeError(actual, expected)
  #expect(
    error <= relative,
    "vectors differ: relative error \(error) > \(relative)\(comment.map { " — \($0)" } ?? "")",
    sourceLocation: sourceLocation)
}
