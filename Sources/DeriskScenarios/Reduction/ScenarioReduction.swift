/// Scenario reduction by fast forward selection (Heitsch & Römisch 2003, "Scenario reduction
/// algorithms in stochastic programming", Algorithm 2.4).
///
/// Distance between scenarios: c(i, j) = ‖x_i − x_j‖₂ over the chosen attributes. Starting from
/// nothing, each step adds the scenario u minimising Σ_{j not kept} pⱼ min_{i ∈ kept ∪ {u}} c(i, j).
/// At the end each dropped scenario's probability goes to its nearest kept scenario (ties: the one
/// kept first), and the reduction distance D = Σ_{j dropped} pⱼ min_{i kept} c(i, j) is the
/// Kantorovich (Wasserstein-1) distance between the original and the reduced distribution.
public enum ScenarioReduction {
  /// Reduces `set` to `count` scenarios.
  /// - Parameters:
  ///   - attributes: the attributes spanning the distance; nil means all common attributes.
  /// - Throws: ``ScenarioError`` when `count` is outside 1...N or an attribute is missing.
  public static func forwardSelection(_ set: ScenarioSet, to count: Int, attributes: [String]? = nil) throws -> ReductionResult {
    let n = set.count
    guard count >= 1, count <= n else { throw ScenarioError(path: "count", message: "must be in 1...\(n), got \(count)") }
    let names = attributes ?? set.commonAttributeNames
    let columns = try names.map { try set.attribute($0) }
    let p = set.probabilities
    var c = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in 0..<i {
        var d2 = 0.0
        for col in columns { d2 += (col[i] - col[j]) * (col[i] - col[j]) }
        c[i][j] = d2.squareRoot(); c[j][i] = c[i][j]
      }
    }
    var kept: [Int] = []
    var isKept = [Bool](repeating: false, count: n)
    var nearest = [Double](repeating: .infinity, count: n)  // min over kept of c(i, j)
    for _ in 0..<count {
      var best = -1, bestValue = Double.infinity
      for u in 0..<n where !isKept[u] {
        var value = 0.0
        for j in 0..<n where !isKept[j] && j != u { value += p[j] * min(nearest[j], c[u][j]) }
        if value < bestValue { bestValue = value; best = u }
      }
      kept.append(best); isKept[best] = true
      for j in 0..<n { nearest[j] = min(nearest[j], c[best][j]) }
    }
    var weights = [Double](repeating: 0, count: n)
    var distance = 0.0
    for j in 0..<n {
      if isKept[j] { weights[j] += p[j]; continue }
      var target = kept[0]
      for i in kept where c[i][j] < c[target][j] { target = i }
      weights[target] += p[j]
      distance += p[j] * c[target][j]
    }
    kept.sort()
    let scenarios = kept.map { i -> Scenario in var s = set.scenarios[i]; s.probability = weights[i]; return s }
    return ReductionResult(scenarioSet: try ScenarioSet(normalizing: scenarios), keptIndices: kept, distance: distance)
  }
}

/// The reduced set, which original scenarios it kept, and the Kantorovich distance to the original.
public struct ReductionResult: Sendable, Hashable {
  public var scenarioSet: ScenarioSet
  /// Indices into the original set, ascending.
  public var keptIndices: [Int]
  public var distance: Double
}
