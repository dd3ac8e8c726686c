import DeriskLinearAlgebra
import Foundation

/// Entropy pooling (Meucci 2008): the posterior q closest to the prior p in relative entropy that
/// satisfies the views,
///
///     minimise KL(q‖p) = Σ qₛ log(qₛ/pₛ)   s.t.  Σ qₛ = 1,  A_eq q = b_eq,  A_in q ≤ b_in,
///
/// (≥ views are negated into ≤ rows). Solved through the convex dual: with one multiplier λ_k per row
/// (λ_k ≥ 0 for inequalities), q(λ)ₛ = pₛ exp(−(Aᵀλ)ₛ)/Z(λ), and λ minimises
///
///     φ(λ) = log Z(λ) + bᵀλ,   ∇φ = b − A q(λ),   ∇²φ = Cov_q(A) = A diag(q) Aᵀ − (Aq)(Aq)ᵀ.
///
/// Method: projected Newton (Bertsekas 1982) on the bound-constrained dual. Inequality multipliers at
/// 0 whose gradient points outward form the active set and are held at 0; the Newton system on the
/// others is solved with ``CholeskyFactorization`` (a growing multiple of the identity is added when
/// the covariance is singular, e.g. for redundant views); the step is projected onto λ_in ≥ 0 with an
/// Armijo backtracking line search. Rows are scaled by max(maxₛ|aₛ|, |b|) first. Scenarios with
/// pₛ = 0 keep qₛ = 0.
///
/// Stopping rule: every view's residual (the violation, and for an inequality with a positive
/// multiplier the slack too) is at most `residualTolerance` in scaled units.
///
/// Conflicting views: if they cannot hold together, φ is unbounded below and λ runs off along a Farkas
/// direction d with dᵀb < minₛ (Aᵀd)ₛ. When the multipliers grow past `divergenceThreshold` (and at the
/// end), the direction λ/‖λ‖∞ is tested as such a certificate; if it is one,
/// ``ConflictingViewsError`` names the views with nonzero weight.
public enum EntropyPooling {
  /// The posterior of a scenario set under views.
  /// - Throws: ``ScenarioError`` for unusable views; ``ConflictingViewsError`` for views that cannot hold together.
  public static func solve(prior: ScenarioSet, views: [View], settings: EntropyPoolingSettings = .init()) throws -> EntropyPoolingResult {
    var rows: [ViewConstraint] = []
    for (k, view) in views.enumerated() {
      do { rows += try view.constraints(over: prior) } catch let e as ScenarioError where !e.path.hasPrefix("views[") {
        // Name the view the problem was found in: views[k].event.scenarios[1], or views[k]: scenarios[0].attributes: …
        if e.path.hasPrefix("event") { throw ScenarioError(path: "views[\(k)].\(e.path)", message: e.message) }
        throw ScenarioError(path: "views[\(k)]", message: e.path.isEmpty ? e.message : "\(e.path): \(e.message)")
      }
    }
    return try solve(prior: prior.probabilities, constraints: rows, settings: settings)
  }

  /// The posterior of a probability vector under linear view rows.
  public static func solve(prior p: [Double], constraints: [ViewConstraint], settings: EntropyPoolingSettings = .init()) throws -> EntropyPoolingResult {
    try settings.validate()
    try RiskMeasure.checkInputs(p, p)
    let n = p.count, m = constraints.count
    // Rows in ≤/= form, scaled: sign·a/scale.
    var A = [[Double]](), b = [Double](), scale = [Double](), sign = [Double](), isInequality = [Bool]()
    for (k, c) in constraints.enumerated() {
      guard c.coefficients.count == n else {
        throw ScenarioError(path: "views[\(k)]", message: "\"\(c.name)\" has \(c.coefficients.count) coefficients for \(n) scenarios")
      }
      guard c.target.isFinite, c.coefficients.allSatisfy(\.isFinite) else {
        throw ScenarioError(path: "views[\(k)]", message: "\"\(c.name)\" has a non-finite coefficient or target")
      }
      let s = max(c.coefficients.map(abs).max() ?? 0, abs(c.target), 1e-300)
      let g: Double = c.relation == .atLeast ? -1 : 1
      A.append(c.coefficients.map { g * $0 / s })
      b.append(g * c.target / s)
      scale.append(s); sign.append(g); isInequality.append(c.relation != .equal)
    }
    let support = (0..<n).filter { p[$0] > 0 }
    let logP = p.map { $0 > 0 ? log($0) : -Double.infinity }

    func posterior(_ lambda: [Double]) -> (q: [Double], logZ: Double) {
      var z = [Double](repeating: -.infinity, count: n)
      var zmax = -Double.infinity
      for s in support {
        var e = logP[s]
        for k in 0..<m { e -= lambda[k] * A[k][s] }
        z[s] = e
        zmax = max(zmax, e)
      }
      var total = 0.0
      for s in support { total += exp(z[s] - zmax) }
      let logZ = zmax + log(total)
      var q = [Double](repeating: 0, count: n)
      for s in support { q[s] = exp(z[s] - logZ) }
      return (q, logZ)
    }
    func dual(_ lambda: [Double]) -> (phi: Double, q: [Double], grad: [Double]) {
      let (q, logZ) = posterior(lambda)
      var phi = logZ
      var grad = b
      for k in 0..<m {
        phi += b[k] * lambda[k]
        var aq = 0.0
        for s in support { aq += A[k][s] * q[s] }
        grad[k] -= aq
      }
      return (phi, q, grad)
    }
    func converged(_ lambda: [Double], _ grad: [Double]) -> Bool {
      let tol = settings.residualTolerance
      for k in 0..<m {
        let r = -grad[k]  // (A q − b)_k
        if isInequality[k] {
          if r > tol { return false }
          if lambda[k] > 0 && r < -tol { return false }
        } else if abs(r) > tol { return false }
      }
      return true
    }
    func certificate(_ lambda: [Double]) -> ConflictingViewsError? {
      let big = lambda.map(abs).max() ?? 0
      guard big > 0 else { return nil }
      let d = lambda.map { $0 / big }
      var db = 0.0
      for k in 0..<m { db += d[k] * b[k] }
      var minimum = Double.infinity
      for s in support {
        var v = 0.0
        for k in 0..<m { v += d[k] * A[k][s] }
        minimum = min(minimum, v)
      }
      guard db < minimum - 1e-7 else { return nil }
      let named = (0..<m).filter { abs(d[$0]) > 1e-6 }
      return ConflictingViewsError(views: named.map { constraints[$0].name }, weights: named.map { d[$0] })
    }

    var lambda = [Double](repeating: 0, count: m)
    var (phi, q, grad) = dual(lambda)
    var status = EntropyPoolingStatus.iterationLimit
    var iterations = 0
    while iterations < settings.maxIterations {
      if converged(lambda, grad) { status = .converged; break }
      iterations += 1
      // Active set: inequality multipliers at 0 pushed outward.
      let free = (0..<m).filter { !(isInequality[$0] && lambda[$0] <= 1e-14 && grad[$0] > 0) }
      var direction = [Double](repeating: 0, count: m)
      if !free.isEmpty {
        let f = free.count
        var Aq = [Double](repeating: 0, count: m)
        for k in free { for s in support { Aq[k] += A[k][s] * q[s] } }
        var H = Matrix(rows: f, columns: f)
        for (i, k) in free.enumerated() {
          for (j, l) in free.enumerated() where j <= i {
            var h = 0.0
            for s in support { h += A[k][s] * A[l][s] * q[s] }
            h -= Aq[k] * Aq[l]
            H[i, j] = h; H[j, i] = h
          }
        }
        let rhs = free.map { -grad[$0] }
        var maxDiag = 0.0
        for i in 0..<f { maxDiag = max(maxDiag, H[i, i]) }
        var shift = 0.0
        var step: [Double]? = nil
        for _ in 0..<30 {
          var Hs = H
          for i in 0..<f { Hs[i, i] += shift }
          if let chol = try? CholeskyFactorization(Hs), let x = try? chol.solve(rhs), x.allSatisfy(\.isFinite) {
            step = x
            break
          }
          shift = shift == 0 ? max(1e-12 * maxDiag, 1e-14) : shift * 100
        }
        let x = step ?? rhs
        for (i, k) in free.enumerated() { direction[k] = x[i] }
      }
      // Projected Armijo search.
      var t = 1.0
      var accepted = false
      for _ in 0..<60 {
        var trial = lambda
        for k in 0..<m {
          trial[k] += t * direction[k]
          if isInequality[k] && trial[k] < 0 { trial[k] = 0 }
        }
        let (phiT, qT, gradT) = dual(trial)
        var decrease = 0.0
        for k in 0..<m { decrease += grad[k] * (trial[k] - lambda[k]) }
        if phiT.isFinite && phiT <= phi + 1e-4 * decrease {
          accepted = trial != lambda
          lambda = trial; phi = phiT; q = qT; grad = gradT
          break
        }
        t *= 0.5
      }
      if (lambda.map(abs).max() ?? 0) > settings.divergenceThreshold, let conflict = certificate(lambda) { throw conflict }
      if !accepted {
        status = converged(lambda, grad) ? .converged : .stalled
        break
      }
    }
    if status != .converged, let conflict = certificate(lambda) { throw conflict }

    // Report in the views' own units.
    var reports: [ViewReport] = []
    for (k, c) in constraints.enumerated() {
      var value = 0.0
      for s in 0..<n { value += c.coefficients[s] * q[s] }
      let residual: Double
      switch c.relation {
      case .equal: residual = value - c.target
      case .atMost: residual = max(0, value - c.target)
      case .atLeast: residual = max(0, c.target - value)
      }
      reports.append(ViewReport(name: c.name, relation: c.relation, target: c.target, value: value, residual: residual,
                                multiplier: sign[k] * lambda[k] / scale[k]))
    }
    var kl = 0.0
    for s in support where q[s] > 0 { kl += q[s] * log(q[s] / p[s]) }
    return EntropyPoolingResult(status: status, prior: p, posterior: q, klDivergence: kl,
                                priorEffectiveNumber: ScenarioSet.effectiveNumber(p),
                                posteriorEffectiveNumber: ScenarioSet.effectiveNumber(q), views: reports, iterations: iterations)
  }
}
