import DeriskSolvers
import DeriskTestSupport

/// Random programs built from a seed (SplitMix64), each with a property known by construction:
/// feasible (a point x₀ strictly inside the bounds satisfies every row), bounded (every column has
/// finite bounds, or P ≻ 0), primal infeasible (two rows a·x ≤ t and a·x ≥ t + δ, δ > 0), or
/// unbounded (a column with negative cost, no upper bound, and only non-negative coefficients in
/// ≥ rows, so increasing it keeps every row and lowers the objective without end).
enum RandomPrograms {
  /// A feasible LP or QP with n columns in [0, 5] (or free when `quadratic`, then P ≻ 0 keeps it bounded)
  /// and m rows of every kind (=, ≤, ≥, ranged) through x₀ ∈ [1, 4]ⁿ.
  static func feasible(seed: UInt64, quadratic: Bool = false) throws -> QuadraticProgram {
    var rng = SplitMix64(seed: seed)
    let n = 3 + Int(rng.next() % 6), m = 1 + Int(rng.next() % 5)
    let x0 = (0..<n).map { _ in rng.uniform(1, 4) }
    var triplets: [(row: Int, column: Int, value: Double)] = []
    var activity = [Double](repeating: 0, count: m)
    for i in 0..<m {
      for j in 0..<n where rng.uniform(0, 1) < 0.6 || j == i % n {
        let a = rng.uniform(-1, 1)
        triplets.append((i, j, a))
        activity[i] += a * x0[j]
      }
    }
    var lower = [Double](), upper = [Double]()
    for i in 0..<m {
      switch rng.next() % 4 {
      case 0: lower.append(activity[i]); upper.append(activity[i])
      case 1: lower.append(-.infinity); upper.append(activity[i] + rng.uniform(0.1, 1))
      case 2: lower.append(activity[i] - rng.uniform(0.1, 1)); upper.append(.infinity)
      default: lower.append(activity[i] - rng.uniform(0.1, 1)); upper.append(activity[i] + rng.uniform(0.1, 1))
      }
    }
    let cost = (0..<n).map { _ in rng.uniform(-2, 2) }
    var hessian: SparseMatrix? = nil
    if quadratic {
      // P = L Lᵀ + I/10 with L random lower triangular: positive definite; stored as its lower triangle.
      var L = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
      for i in 0..<n { for j in 0...i { L[i][j] = rng.uniform(-1, 1) } }
      var entries: [(row: Int, column: Int, value: Double)] = []
      for i in 0..<n {
        for j in 0...i {
          var v = (0..<n).reduce(0) { $0 + L[i][$1] * L[j][$1] }
          if i == j { v += 0.1 }
          entries.append((i, j, v))
        }
      }
      hessian = try SparseMatrix(rows: n, columns: n, triplets: entries)
    }
    return QuadraticProgram(linearCost: cost, hessian: hessian, constraintMatrix: try SparseMatrix(rows: m, columns: n, triplets: triplets),
                            rowLower: lower, rowUpper: upper,
                            columnLower: [Double](repeating: quadratic ? -.infinity : 0, count: n),
                            columnUpper: [Double](repeating: quadratic ? .infinity : 5, count: n))
  }

  /// A feasible program with two extra rows a·x ≤ t and a·x ≥ t + δ (δ ∈ [0.1, 1]): no x meets both.
  static func infeasible(seed: UInt64, quadratic: Bool = false) throws -> QuadraticProgram {
    var p = try feasible(seed: seed, quadratic: quadratic)
    var rng = SplitMix64(seed: seed ^ 0x5EED)
    let n = p.columnCount, m = p.rowCount
    var triplets = p.constraintMatrix.triplets
    for j in 0..<n {
      let a = rng.uniform(-1, 1)
      triplets.append((m, j, a)); triplets.append((m + 1, j, a))
    }
    let t = rng.uniform(-1, 1), delta = rng.uniform(0.1, 1)
    p.constraintMatrix = try SparseMatrix(rows: m + 2, columns: n, triplets: triplets)
    p.rowLower += [-.infinity, t + delta]
    p.rowUpper += [t, .infinity]
    return p
  }

  /// An unbounded LP: every row a·x ≥ b with x₀ feasible, column k has cost −1 − U[0, 1], no upper
  /// bound and only non-negative coefficients.
  static func unbounded(seed: UInt64) throws -> QuadraticProgram {
    var rng = SplitMix64(seed: seed)
    let n = 3 + Int(rng.next() % 5), m = 1 + Int(rng.next() % 4)
    let k = Int(rng.next() % UInt64(n))
    let x0 = (0..<n).map { _ in rng.uniform(1, 4) }
    var triplets: [(row: Int, column: Int, value: Double)] = []
    var activity = [Double](repeating: 0, count: m)
    for i in 0..<m {
      for j in 0..<n where rng.uniform(0, 1) < 0.7 {
        let a = j == k ? rng.uniform(0, 1) : rng.uniform(-1, 1)
        triplets.append((i, j, a))
        activity[i] += a * x0[j]
      }
    }
    var cost = (0..<n).map { _ in rng.uniform(-1, 1) }
    cost[k] = -1 - rng.uniform(0, 1)
    var upper = [Double](repeating: 5, count: n)
    upper[k] = .infinity
    return QuadraticProgram(linearCost: cost, constraintMatrix: try SparseMatrix(rows: m, columns: n, triplets: triplets),
                            rowLower: activity.map { $0 - rng.uniform(0, 1) }, rowUpper: [Double](repeating: .infinity, count: m),
                            columnLower: [Double](repeating: 0, count: n), columnUpper: upper)
  }

  /// A two-stage LP in dual block-angular form: n₀ first-stage columns, S scenarios each with its own
  /// columns and rows (which may also use first-stage columns), feasible through x₀, all columns in [0, 5].
  static func blockStructured(seed: UInt64) throws -> (QuadraticProgram, BlockStructure) {
    var rng = SplitMix64(seed: seed)
    let n0 = 1 + Int(rng.next() % 3), S = 2 + Int(rng.next() % 3)
    var columnBlocks = [Int](repeating: 0, count: n0), rowBlocks: [Int] = []
    var x0 = (0..<n0).map { _ in rng.uniform(1, 4) }
    var triplets: [(row: Int, column: Int, value: Double)] = []
    var lower: [Double] = [], upper: [Double] = []
    for s in 1...S {
      let ns = 2 + Int(rng.next() % 3), ms = 1 + Int(rng.next() % 3)
      let first = x0.count
      for _ in 0..<ns { x0.append(rng.uniform(1, 4)); columnBlocks.append(s) }
      for r in 0..<ms {
        let i = rowBlocks.count
        rowBlocks.append(s)
        var activity = 0.0
        for j in Array(0..<n0) + Array(first..<(first + ns)) where rng.uniform(0, 1) < 0.7 || j == first + r % ns {
          let a = rng.uniform(-1, 1)
          triplets.append((i, j, a))
          activity += a * x0[j]
        }
        if rng.next() % 2 == 0 { lower.append(activity); upper.append(activity) } else {
          lower.append(-.infinity); upper.append(activity + rng.uniform(0.1, 1))
        }
      }
    }
    let n = x0.count
    let problem = QuadraticProgram(linearCost: (0..<n).map { _ in rng.uniform(-2, 2) },
                                   constraintMatrix: try SparseMatrix(rows: rowBlocks.count, columns: n, triplets: triplets),
                                   rowLower: lower, rowUpper: upper,
                                   columnLower: [Double](repeating: 0, count: n), columnUpper: [Double](repeating: 5, count: n))
    return (problem, BlockStructure(columnBlocks: columnBlocks, rowBlocks: rowBlocks))
  }
}
