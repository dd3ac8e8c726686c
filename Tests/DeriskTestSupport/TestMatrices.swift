import DeriskLinearAlgebra

/// Matrices with known properties, and seeded random ones, for the tests of every module.
public enum TestMatrices {
  /// The Hilbert matrix Hᵢⱼ = 1 / (i + j + 1) (0-based indices), symmetric positive definite
  /// and famously ill-conditioned.
  public static func hilbert(_ n: Int) -> Matrix {
    var h = Matrix(rows: n, columns: n)
    for j in 0..<n { for i in 0..<n { h[i, j] = 1 / Double(i + j + 1) } }
    return h
  }

  /// The exact inverse of the Hilbert matrix, which has integer entries
  /// (Choi, "Tricks or treats with the Hilbert matrix", Amer. Math. Monthly 90 (1983)):
  /// (H⁻¹)ᵢⱼ = (−1)^(i+j) (i+j+1) C(n+i, n−j−1) C(n+j, n−i−1) C(i+j, i)², 0-based.
  public static func hilbertInverse(_ n: Int) -> Matrix {
    var inverse = Matrix(rows: n, columns: n)
    for j in 0..<n {
      for i in 0..<n {
        let sign: Double = (i + j) % 2 == 0 ? 1 : -1
        let c = binomial(i + j, i)
        inverse[i, j] = sign * Double(i + j + 1) * binomial(n + i, n - j - 1) * binomial(n + j, n - i - 1) * c * c
      }
    }
    return inverse
  }

  /// The symmetric Pascal matrix Sᵢⱼ = C(i + j, i) (0-based); det S = 1 and S = L Lᵀ with
  /// L the lower-triangular Pascal matrix (`pascalLower`).
  public static func pascal(_ n: Int) -> Matrix {
    var s = Matrix(rows: n, columns: n)
    for j in 0..<n { for i in 0..<n { s[i, j] = binomial(i + j, i) } }
    return s
  }

  /// The lower-triangular Pascal matrix Lᵢⱼ = C(i, j) (0 above the diagonal).
  public static func pascalLower(_ n: Int) -> Matrix {
    var l = Matrix(rows: n, columns: n)
    for j in 0..<n { for i in j..<n { l[i, j] = binomial(i, j) } }
    return l
  }

  /// The binomial coefficient C(n, k) as an exact Double (exact while it stays below 2⁵³).
  public static func binomial(_ n: Int, _ k: Int) -> Double {
    if k < 0 || k > n { return 0 }
    let k = min(k, n - k)
    var result = 1.0
    // result = C(n, i) after step i; every intermediate is an integer.
    for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
    return result.rounded()
  }

  /// An m × n matrix with entries uniform in [−1, 1), fixed by the generator's seed.
  public static func random(rows m: Int, columns n: Int, using generator: inout SplitMix64) -> Matrix {
    var a = Matrix(rows: m, columns: n)
    for k in 0..<(m * n) { a.storage[k] = generator.uniform() }
    return a
  }

  /// A well-conditioned symmetric positive definite matrix B Bᵀ / n + I with B random n × n:
  /// its eigenvalues lie in [1, 1 + ‖B‖²/n], a few units for uniform [−1, 1) entries.
  public static func randomSPD(_ n: Int, using generator: inout SplitMix64) -> Matrix {
    let b = random(rows: n, columns: n, using: &generator)
    var a = Matrix.identity(n)
    for j in 0..<n {
      for i in 0..<n {
        var sum = 0.0
        for k in 0..<n { sum += b[i, k] * b[j, k] }
        a[i, j] += sum / Double(n)
      }
    }
    return a
  }

  /// A well-conditioned nonsymmetric matrix: random entries plus n on the diagonal (strictly
  /// diagonally dominant, so nonsingular with condition number a small constant).
  public static func randomDiagonallyDominant(_ n: Int, using generator: inout SplitMix64) -> Matrix {
    var a = random(rows: n, columns: n, using: &generator)
    for i in 0..<n { a[i, i] += Double(n) }
    return a
  }

  /// A random vector with entries uniform in [−1, 1).
  public static func randomVector(_ n: Int, using generator: inout SplitMix64) -> [Double] {
    (0..<n).map { _ in generator.uniform() }
  }

  /// A x by naive loops, independent of BLAS.
  public static func naiveProduct(_ a: Matrix, _ x: [Double]) -> [Double] {
    var y = [Double](repeating: 0, count: a.rows)
    for j in 0..<a.columns { for i in 0..<a.rows { y[i] += a[i, j] * x[j] } }
    return y
  }

  /// A B by naive loops, independent of BLAS.
  public static func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
    var c = Matrix(rows: a.rows, columns: b.columns)
    for j in 0..<b.columns {
      for k in 0..<a.columns { for i in 0..<a.rows { c[i, j] += a[i, k] * b[k, j] } }
    }
    return c
  }

  /// ‖A‖₁ = max_j Σᵢ |aᵢⱼ|, by loops.
  public static func normOne(_ a: Matrix) -> Double {
    var best = 0.0
    for j in 0..<a.columns {
      var sum = 0.0
      for i in 0..<a.rows { sum += abs(a[i, j]) }
      best = max(best, sum)
    }
    return best
  }

  /// The relative residual ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞) of a computed solution, by loops (independent
  /// of BLAS). A backward-stable solver keeps it at a modest multiple of the unit roundoff 1.1e-16.
  public static func relativeResidual(_ a: Matrix, _ x: [Double], _ b: [Double]) -> Double {
    let ax = naiveProduct(a, x)
    var residual = 0.0, normA = 0.0
    for i in 0..<a.rows {
      residual = max(residual, abs(ax[i] - b[i]))
      var rowSum = 0.0
      for j in 0..<a.columns { rowSum += abs(a[i, j]) }
      normA = max(normA, rowSum)
    }
    let normX = x.reduce(0) { max($0, abs($1)) }
    return residual / (normA * normX)
  }
}
