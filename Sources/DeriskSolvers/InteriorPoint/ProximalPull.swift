/// A pull of the boxed first-stage columns towards a centre x̂ that fades with μ.
///
/// Each boxed first-stage column j (internal units, bounds lⱼ < uⱼ both finite) gets the proximal term
/// ½ρⱼ(xⱼ/τ − x̂ⱼ)²·τ in the Newton system only: ρⱼ is added to the diagonal D and ρⱼ(xⱼ − τx̂ⱼ) to the
/// residual r_x that the directions' right-hand sides read, with ρⱼ = κμ/(uⱼ − lⱼ)², κ = 30 times the
/// curvature of a barrier term at the middle of the box. The residuals that decide termination, and the
/// checks on the user's problem, are the program's own, and ρ → 0 with μ: the answer is the program's
/// whatever x̂ is, and x̂ only shapes the path. (κ measured on the 10,000-scenario generated program with the
/// optimum of a 1,000-scenario one as x̂: 1 → 47 iterations, 10 → 44, 30 → 42, 100 → 42, 300 → 54, 1,000 → 87;
/// unpulled 57. Session 36, `Benchmarks/RESULTS.md`.)
struct ProximalPull {
  static let strength = 30.0
  /// Internal columns pulled, their centres x̂ⱼ and κ/(uⱼ − lⱼ)².
  private(set) var columns: [Int] = []
  private var centre: [Double] = [], weight: [Double] = []

  /// No pull.
  init() {}

  /// The pull for a user-unit centre (`userCentre[origin]`, NaN for none) on the internal form's columns.
  /// - Parameters:
  ///   - columnBlock: the internal columns' blocks (0 the first stage); `columnOrigin` their user columns,
  ///     `columnScale` their scale (user value = scale · internal value), `lower`/`upper` internal bounds.
  init(userCentre: [Double], columnBlock: [Int], columnOrigin: [Int32], columnScale: [Double],
       lower: [Double], upper: [Double]) {
    for k in columnBlock.indices where columnBlock[k] == 0 && columnOrigin[k] >= 0 {
      let value = userCentre[Int(columnOrigin[k])] / columnScale[k]
      let width = upper[k] - lower[k]
      guard value.isFinite, lower[k].isFinite, upper[k].isFinite, width > 0 else { continue }
      columns.append(k)
      centre.append(min(max(value, lower[k]), upper[k]))
      weight.append(Self.strength / (width * width))
    }
  }

  /// D += ρ.
  func addCurvature(mu: Double, into d: inout [Double]) {
    for (i, k) in columns.enumerated() { d[k] += mu * weight[i] }
  }

  /// r_x += ρ∘(x − τx̂).
  func addPull(mu: Double, x: [Double], tau: Double, into rx: inout [Double]) {
    for (i, k) in columns.enumerated() { rx[k] += mu * weight[i] * (x[k] - tau * centre[i]) }
  }
}
