import DeriskLinearAlgebra
import Foundation

/// Solves a convex quadratic program with the homogeneous self-dual interior-point method.
///
/// - Parameters:
///   - structure: the program's two-stage block structure, if it has one. With
///     `settings.linearSystem == .automatic` a structure with scenario blocks (and a diagonal P) selects
///     the scenario-structured backend; the iteration, its termination and trust checks are the same.
/// - Throws: `ProblemError` only for unusable input (sizes, NaN, crossed bounds, invalid settings, a
///   structure that does not match). Whatever the mathematics finds — optimal, infeasible, unbounded,
///   limits — is returned.
public func solve(_ problem: QuadraticProgram, settings: InteriorPointSettings = .init(),
                  structure: BlockStructure? = nil) throws -> SolveResult {
  try problem.validate()
  try settings.validate()
  if let structure { try structure.validate(for: problem) }
  if settings.linearSystem == .scenarioStructured && (structure?.scenarioCount ?? 0) == 0 {
    throw ProblemError.invalid("the scenario-structured linear system needs a block structure with scenario blocks")
  }
  var solver = InteriorPointSolver(problem: problem, settings: settings, structure: structure)
  return solver.run()
}

/// The homogeneous self-dual embedding of the internal form (see `StandardForm`) with
/// Mehrotra's predictor–corrector, after Goulart & Chen, "Clarabel: an interior-point solver for conic
/// programs with quadratic objectives" (2024), specialised to bounds and equalities:
///
///     r_x = P̄x + c̄τ − Āᵀy − z_l + z_u = 0        r_y = Āx − bτ = 0
///     r_l = x_L − l τ − s_l = 0                  r_u = u τ − x_U − s_u = 0
///     r_τ = c̄ᵀx + xᵀP̄x/τ − bᵀy − lᵀz_l + uᵀz_u + κ = 0
///     s_l∘z_l = s_u∘z_u = τκ = μ → 0,  (s, z, τ, κ) > 0.
///
/// τ → 1, κ → 0 gives an optimal point x/τ; κ > 0, τ → 0 gives a ray proving primal or dual
/// infeasibility. Bound duals are eliminated, so each iteration factors only
/// K = [P̄ + D, Āᵀ; Ā, 0], D = Z_l S_l⁻¹ + Z_u S_u⁻¹ (regularised), and solves it twice.
struct InteriorPointSolver {
  let problem: QuadraticProgram
  let settings: InteriorPointSettings
  private var form: StandardForm
  private var scaling: Equilibration
  private var setupSeconds = 0.0
  private let start = DispatchTime.now()

  init(problem: QuadraticProgram, settings: InteriorPointSettings, structure: BlockStructure? = nil) {
    self.problem = problem
    self.settings = settings
    var form = StandardForm(problem, structure: structure)
    scaling = Equilibration(scaling: &form, passes: settings.scalingPasses)
    self.form = form
  }

  private func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

  mutating func run() -> SolveResult {
    setupSeconds = elapsed()
    switch form.outcome {
    case .reduced: break
    case .infeasibleRow(let row, let side):
      var y = [Double](repeating: 0, count: problem.rowCount)
      y[row] = side
      return certificateResult(.primalInfeasible, rowRay: y, direction: nil, iterations: 0)
    case .unboundedColumn(let column, let direction):
      var d = [Double](repeating: 0, count: problem.columnCount)
      d[column] = direction
      return certificateResult(.dualInfeasible, rowRay: nil, direction: d, iterations: 0)
    }
    return iterate()
  }

  // MARK: - The iteration

  private mutating func iterate() -> SolveResult {
    let n = form.columnCount, m = form.rowCount
    let A = form.A, b = form.b, c = form.c, l = form.lower, u = form.upper
    let L = (0..<n).filter { l[$0].isFinite }
    let U = (0..<n).filter { u[$0].isFinite }
    let nL = L.count, nU = U.count
    let lL = L.map { l[$0] }, uU = U.map { u[$0] }
    let P = form.P
    let diagonalP: [Double]? = {
      guard let P else { return [Double](repeating: 0, count: n) }
      var diag = [Double](repeating: 0, count: n)
      for j in 0..<n {
        for p in P.columnStarts[j]..<P.columnStarts[j + 1] {
          if P.rowIndices[p] == j { diag[j] = P.values[p] } else { return nil }
        }
      }
      return diag
    }()
    var kkt: any KKTSystem
    let structured = form.columnBlock.flatMap { columns in form.rowBlock.map { (columns, $0) } }
    let hasScenarios = (structured?.0.contains { $0 > 0 } ?? false) || (structured?.1.contains { $0 > 0 } ?? false)
    switch settings.linearSystem {
    case .augmented:
      kkt = AugmentedSystem(A: A, P: P)
    case .scenarioStructured where diagonalP != nil && structured != nil,
         .automatic where diagonalP != nil && hasScenarios:
      kkt = ScenarioSchurSystem(A: A, hessianDiagonal: diagonalP ?? [], columnBlock: structured?.0 ?? [],
                                rowBlock: structured?.1 ?? [])
    case .normalEquations, .automatic, .scenarioStructured:
      if let diagonalP { kkt = NormalEquationsSystem(A: A, hessianDiagonal: diagonalP) } else { kkt = AugmentedSystem(A: A, P: P) }
    }
    var info = SolveInfo()
    info.setupSeconds = setupSeconds
    info.linearSystem = kkt.name
    let bNorm = Vector.normInf(b), cNorm = Vector.normInf(c)

    // K₀ v: the unregularised K applied to (v₁, v₂), for iterative refinement.
    func multiplyK(_ d: [Double], _ v1: [Double], _ v2: [Double]) -> ([Double], [Double]) {
      let t0 = now(); defer { tMult += now() - t0 }
      var top = A.transposeTimes(v2)
      for j in 0..<n { top[j] += d[j] * v1[j] }
      P?.symmetricMultiplyAdd(v1, into: &top)
      return (top, A.times(v1))
    }
    // Regularisation of the (1,1) and (2,2) blocks, in scaled units. The primal one must stay far
    // below the smallest Z S⁻¹ that matters at the end of the path (a larger value, e.g. 1e-8, stalled
    // the dual residual on Netlib agg and modszk1); the dual one keeps rank-deficient Ā factorable.
    let baseRho = 1e-12, baseDelta = 1e-8
    let env = ProcessInfo.processInfo.environment
    let refineTolerance = Double(env["DREFTOL"] ?? "") ?? 1e-14
    let refineSteps = Int(env["DREFSTEPS"] ?? "") ?? 8
    var solveCount = 0
    var tSolve = 0.0, tFactor = 0.0, tMult = 0.0
    func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    defer { if env["DPROFILE"] != nil { log("kkt solves: \(solveCount); solve \(tSolve) s, factor \(tFactor) s, multiplyK \(tMult) s, total \(elapsed()) s") } }
    var rho = baseRho, delta = baseDelta
    // Solves K [x; w] = [r1; r2], refining against K₀ (ρ = δ = 0) while the residual at least halves;
    // returns the iterate with the smallest residual.
    func refinedSolve(_ d: [Double], _ r1: [Double], _ r2: [Double]) -> ([Double], [Double]) {
      func residual(_ x: [Double], _ w: [Double]) -> ([Double], [Double], Double) {
        let (k1, k2) = multiplyK(d, x, w)
        var e1 = r1, e2 = r2
        for j in 0..<n { e1[j] -= k1[j] }
        for i in 0..<m { e2[i] -= k2[i] }
        return (e1, e2, max(Vector.normInf(e1), Vector.normInf(e2)))
      }
      var x = r1, w = r2
      var t0 = now()
      kkt.solve(&x, &w)
      tSolve += now() - t0
      let tolerance = refineTolerance * (1 + max(Vector.normInf(r1), Vector.normInf(r2)))
      var (e1, e2, norm) = residual(x, w)
      solveCount += 1
      for _ in 0..<refineSteps where norm > tolerance {
        solveCount += 1
        t0 = now()
        kkt.solve(&e1, &e2)
        tSolve += now() - t0
        var xNew = x, wNew = w
        for j in 0..<n { xNew[j] += e1[j] }
        for i in 0..<m { wNew[i] += e2[i] }
        let (f1, f2, newNorm) = residual(xNew, wNew)
        if newNorm < norm { (x, w) = (xNew, wNew) }
        if newNorm >= 0.5 * norm { break }
        (e1, e2, norm) = (f1, f2, newNorm)
      }
      return (x, w)
    }

    // MARK: Starting point (Mehrotra's heuristic on the regularised least-squares solves).
    var x = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: m)
    var sl = [Double](repeating: 1, count: nL), zl = [Double](repeating: 1, count: nL)
    var su = [Double](repeating: 1, count: nU), zu = [Double](repeating: 1, count: nU)
    var tau = 1.0, kappa = 1.0
    do {
      var dInit = [Double](repeating: 0, count: n)
      for j in L { dInit[j] += 1 }
      for j in U { dInit[j] += 1 }
      for j in 0..<n where dInit[j] == 0 { dInit[j] = 1 }
      try kkt.factor(diagonal: dInit, primalRegularization: rho, dualRegularization: delta)
      // x: min ½‖x − x₀‖²_D s.t. Āx = b, with x₀ the bound midpoint / nearest bound.
      var x0 = [Double](repeating: 0, count: n)
      for j in 0..<n {
        if l[j].isFinite && u[j].isFinite { x0[j] = 0.5 * (l[j] + u[j]) }
        else if l[j].isFinite { x0[j] = l[j] + 1 } else if u[j].isFinite { x0[j] = u[j] - 1 }
      }
      var r1 = (0..<n).map { dInit[$0] * x0[$0] }
      (x, _) = refinedSolve(dInit, r1, b)
      // y: least squares of Āᵀy ≈ c (r₁ = c, r₂ = 0 gives w = −y component).
      r1 = c
      let (_, w) = refinedSolve(dInit, r1, [Double](repeating: 0, count: m))
      y = w.map { -$0 }
      // Note: with D = I, x = c − Āᵀ(−w)... so the dual slack is c − Āᵀy.
      var zfree = A.transposeTimes(y)
      for j in 0..<n { zfree[j] = c[j] - zfree[j] }
      for (k, j) in L.enumerated() { sl[k] = x[j] - l[j]; zl[k] = u[j].isFinite ? max(zfree[j], 0) : zfree[j] }
      for (k, j) in U.enumerated() { su[k] = u[j] - x[j]; zu[k] = l[j].isFinite ? max(-zfree[j], 0) : -zfree[j] }
      let minS = min(sl.min() ?? 1, su.min() ?? 1), minZ = min(zl.min() ?? 1, zu.min() ?? 1)
      let shiftS = max(-1.5 * minS, 0), shiftZ = max(-1.5 * minZ, 0)
      for k in 0..<nL { sl[k] += shiftS; zl[k] += shiftZ }
      for k in 0..<nU { su[k] += shiftS; zu[k] += shiftZ }
      var sz = 0.0, sumS = 0.0, sumZ = 0.0
      for k in 0..<nL { sz += sl[k] * zl[k]; sumS += sl[k]; sumZ += zl[k] }
      for k in 0..<nU { sz += su[k] * zu[k]; sumS += su[k]; sumZ += zu[k] }
      let addS = sumZ > 0 ? 0.5 * sz / sumZ : 0, addZ = sumS > 0 ? 0.5 * sz / sumS : 0
      for k in 0..<nL { sl[k] = max(sl[k] + addS, 1e-4); zl[k] = max(zl[k] + addZ, 1e-4) }
      for k in 0..<nU { su[k] = max(su[k] + addS, 1e-4); zu[k] = max(zu[k] + addZ, 1e-4) }
      // Make x consistent with the slacks where only one bound exists is not required: r_l absorbs it.
    } catch {
      return finish(.numericalError, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
    }

    if settings.verbose {
      log(String(format: "Derisk interior point: %d rows, %d columns (%d nonzeros) after presolve; %@",
                 m, n, A.nonzeroCount, kkt.name))
      if let schur = kkt as? ScenarioSchurSystem { log(schur.summary) }
      log(" iter      primal obj        dual obj     pres     dres      gap       mu   step     time")
    }

    var lastStep = 1.0
    var bestMerit = Double.infinity, muAtProgress = Double.infinity, firstMu = Double.nan
    var stall = 0
    for iteration in 0...settings.maxIterations {
      info.iterations = iteration
      // Residuals.
      var Px = [Double](repeating: 0, count: n)
      P?.symmetricMultiplyAdd(x, into: &Px)
      let ATy = A.transposeTimes(y)
      var rx = [Double](repeating: 0, count: n)
      for j in 0..<n { rx[j] = Px[j] + c[j] * tau - ATy[j] }
      for (k, j) in L.enumerated() { rx[j] -= zl[k] }
      for (k, j) in U.enumerated() { rx[j] += zu[k] }
      let Ax = A.times(x)
      var ry = [Double](repeating: 0, count: m)
      for i in 0..<m { ry[i] = Ax[i] - b[i] * tau }
      var rl = [Double](repeating: 0, count: nL), ru = [Double](repeating: 0, count: nU)
      for (k, j) in L.enumerated() { rl[k] = x[j] - l[j] * tau - sl[k] }
      for (k, j) in U.enumerated() { ru[k] = u[j] * tau - x[j] - su[k] }
      let xPx = Vector.dot(x, Px)
      let cx = Vector.dot(c, x), by = Vector.dot(b, y)
      var lz = 0.0, uz = 0.0
      for k in 0..<nL { lz += lL[k] * zl[k] }
      for k in 0..<nU { uz += uU[k] * zu[k] }
      let rtau = cx + xPx / tau - by - lz + uz + kappa
      var complementarity = tau * kappa
      for k in 0..<nL { complementarity += sl[k] * zl[k] }
      for k in 0..<nU { complementarity += su[k] * zu[k] }
      let mu = complementarity / Double(nL + nU + 1)

      // Convergence on the scaled problem.
      let primalObjective = (0.5 * xPx / tau + cx) / tau
      let dualObjective = (-0.5 * xPx / tau + by + lz - uz) / tau
      let xNorm = Vector.normInf(x) / tau
      let pres = max(Vector.normInf(ry), Vector.normInf(rl), Vector.normInf(ru)) / tau
      let dres = Vector.normInf(rx) / tau
      let presRel = pres / (1 + max(bNorm, Vector.normInf(Ax) / tau, xNorm))
      let dresRel = dres / (1 + max(cNorm, Vector.normInf(Px) / tau, Vector.normInf(ATy) / tau))
      let gapRel = abs(primalObjective - dualObjective) / (1 + max(abs(primalObjective), abs(dualObjective)))
      info.iterations = iteration
      if settings.verbose {
        log(String(format: "%5d %+15.8e %+15.8e %8.1e %8.1e %8.1e %8.1e %6.3f %8.2f", iteration,
                   primalObjective / (scaling.costScale * scaling.primalScale) + form.constant,
                   dualObjective / (scaling.costScale * scaling.primalScale) + form.constant,
                   presRel, dresRel, gapRel, mu, lastStep, elapsed()))
      }
      // Scaled figures within tolerance: check the unscaled ones, which alone decide `optimal`.
      if presRel <= settings.feasibilityTolerance, dresRel <= settings.feasibilityTolerance,
        gapRel <= settings.gapTolerance
      {
        let result = finish(.optimal, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
        if result.termination == .optimal { return result }
      }
      // Infeasibility: only once κ dominates τ.
      if kappa > tau {
        // Primal infeasibility: a dual ray with bᵀy + lᵀz_l − uᵀz_u > 0 and Āᵀy + z_l − z_u ≈ 0.
        let t = by + lz - uz
        if t > 0 {
          var rayResidual = ATy
          for (k, j) in L.enumerated() { rayResidual[j] += zl[k] }
          for (k, j) in U.enumerated() { rayResidual[j] -= zu[k] }
          let scale = max(Vector.normInf(y), Vector.normInf(zl), Vector.normInf(zu))
          if Vector.normInf(rayResidual) <= settings.infeasibilityTolerance * t, t > settings.infeasibilityTolerance * scale {
            let ray = userRowRay(y)
            if CertificateCheck.farkasViolation(problem: problem, rowRay: ray.map { userSign() * $0 }) <= settings.infeasibilityTolerance {
              return certificateResult(.primalInfeasible, rowRay: ray, direction: nil, iterations: iteration)
            }
          }
        }
        // Dual infeasibility: a primal ray with c̄ᵀx < 0, P̄x ≈ 0, Āx ≈ 0, x in the bounds' recession cone.
        if cx < 0 {
          let s = -cx
          var violation = max(Vector.normInf(Px), Vector.normInf(Ax))
          for j in L { violation = max(violation, -x[j]) }
          for j in U { violation = max(violation, x[j]) }
          if violation <= settings.infeasibilityTolerance * s, s > settings.infeasibilityTolerance * Vector.normInf(x) {
            let d = userDirection(x)
            if CertificateCheck.unboundedDirectionViolation(problem: problem, direction: d) <= settings.infeasibilityTolerance {
              return certificateResult(.dualInfeasible, rowRay: nil, direction: d, iterations: iteration)
            }
          }
        }
      }
      if iteration == settings.maxIterations {
        return finish(.iterationLimit, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
      }
      if let limit = settings.timeLimitSeconds, elapsed() > limit {
        return finish(.timeLimit, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
      }
      if Task.isCancelled {
        return finish(.cancelled, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
      }
      let merit = max(presRel, dresRel, gapRel)
      // Progress is a 1% better merit or, while the path is still being followed, a halved μ. Once μ has
      // fallen by 20 orders of magnitude only the merit counts: μ alone can shrink forever while the
      // residuals stagnate at the limit of the arithmetic.
      if firstMu.isNaN { firstMu = mu }
      let followingPath = mu > 1e-20 * firstMu
      if merit < 0.99 * bestMerit || (followingPath && mu < 0.5 * muAtProgress) {
        stall = 0
        muAtProgress = mu
      } else {
        stall += 1
      }
      bestMerit = min(bestMerit, merit)
      if stall >= 8 || mu < 1e-300 {
        return finish(.numericalError, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
      }

      // MARK: Newton system.
      var d = [Double](repeating: 0, count: n)
      var zsL = [Double](repeating: 0, count: nL), zsU = [Double](repeating: 0, count: nU)
      for (k, j) in L.enumerated() { zsL[k] = zl[k] / sl[k]; d[j] += zsL[k] }
      for (k, j) in U.enumerated() { zsU[k] = zu[k] / su[k]; d[j] += zsU[k] }
      var factored = false
      for _ in 0..<6 {
        do {
          let t0 = now()
          try kkt.factor(diagonal: d, primalRegularization: rho, dualRegularization: delta)
          tFactor += now() - t0
          factored = true
          break
        } catch {
          if settings.verbose { log("factorization failed (\(error)); raising the regularisation to ρ = \(rho * 100), δ = \(delta * 100)") }
          rho *= 100
          delta *= 100
        }
      }
      if !factored {
        return finish(.numericalError, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
      }
      // Constant solve: K [x1; w1] = [−c̃; b], c̃ = c − (Z_l/S_l) l − (Z_u/S_u) u.
      var ctilde = c
      for (k, j) in L.enumerated() { ctilde[j] -= zsL[k] * l[j] }
      for (k, j) in U.enumerated() { ctilde[j] -= zsU[k] * u[j] }
      let (x1, w1) = refinedSolve(d, ctilde.map { -$0 }, b)
      // v = c + 2P̄x/τ + (Z_l/S_l) l + (Z_u/S_u) u (the τ-row's coefficients of Δx).
      var v = c
      for j in 0..<n { v[j] += 2 * Px[j] / tau }
      for (k, j) in L.enumerated() { v[j] += zsL[k] * l[j] }
      for (k, j) in U.enumerated() { v[j] += zsU[k] * u[j] }
      var coefTau = -xPx / (tau * tau) - kappa / tau
      for k in 0..<nL { coefTau -= lL[k] * zsL[k] * lL[k] }
      for k in 0..<nU { coefTau -= uU[k] * zsU[k] * uU[k] }
      let denominator = Vector.dot(v, x1) + Vector.dot(b, w1) + coefTau

      struct Direction { var x, y, sl, zl, su, zu: [Double]; var tau, kappa: Double }
      // Solves for the direction with residual weight η and complementarity targets d_l, d_u, d_τ.
      func direction(eta: Double, dl: [Double], du: [Double], dtau: Double) -> Direction {
        var g = [Double](repeating: 0, count: n)
        var constant = -dtau / tau
        for (k, j) in L.enumerated() {
          let gk = dl[k] / sl[k] + zsL[k] * eta * rl[k]
          g[j] += gk
          constant += lL[k] * gk
        }
        for (k, j) in U.enumerated() {
          let gk = du[k] / su[k] + zsU[k] * eta * ru[k]
          g[j] -= gk
          constant -= uU[k] * gk
        }
        var r1 = [Double](repeating: 0, count: n)
        for j in 0..<n { r1[j] = -eta * rx[j] - g[j] }
        let r2 = ry.map { -eta * $0 }
        let (x2, w2) = refinedSolve(d, r1, r2)
        let dTau = denominator != 0
          ? (-eta * rtau - constant - Vector.dot(v, x2) - Vector.dot(b, w2)) / denominator : 0
        var dx = x2, dy = w2
        for j in 0..<n { dx[j] += dTau * x1[j] }
        for i in 0..<m { dy[i] = -(w2[i] + dTau * w1[i]) }
        var dsl = [Double](repeating: 0, count: nL), dzl = dsl
        var dsu = [Double](repeating: 0, count: nU), dzu = dsu
        for (k, j) in L.enumerated() {
          dsl[k] = dx[j] - lL[k] * dTau + eta * rl[k]
          dzl[k] = -(dl[k] + zl[k] * dsl[k]) / sl[k]
        }
        for (k, j) in U.enumerated() {
          dsu[k] = uU[k] * dTau - dx[j] + eta * ru[k]
          dzu[k] = -(du[k] + zu[k] * dsu[k]) / su[k]
        }
        let dKappa = -(dtau + kappa * dTau) / tau
        return Direction(x: dx, y: dy, sl: dsl, zl: dzl, su: dsu, zu: dzu, tau: dTau, kappa: dKappa)
      }
      func maxStep(_ dir: Direction, report: Bool = false) -> Double {
        var alpha = 1.0
        var who = ""
        func limit(_ value: Double, _ change: Double, _ name: @autoclosure () -> String) { if change < 0 && -value / change < alpha { alpha = -value / change; if report { who = name() } } }
        for k in 0..<nL { limit(sl[k], dir.sl[k], "sl col \(L[k]) blk \(form.columnBlock?[L[k]] ?? -1) s=\(sl[k]) z=\(zl[k])"); limit(zl[k], dir.zl[k], "zl col \(L[k]) blk \(form.columnBlock?[L[k]] ?? -1) s=\(sl[k]) z=\(zl[k])") }
        for k in 0..<nU { limit(su[k], dir.su[k], "su col \(U[k]) blk \(form.columnBlock?[U[k]] ?? -1) s=\(su[k]) z=\(zu[k])"); limit(zu[k], dir.zu[k], "zu col \(U[k]) blk \(form.columnBlock?[U[k]] ?? -1) s=\(su[k]) z=\(zu[k])") }
        limit(tau, dir.tau, "tau \(tau)")
        limit(kappa, dir.kappa, "kappa \(kappa)")
        if report { log("   step \(alpha) blocked by \(who) mu=\(mu)") }
        return alpha
      }

      // Predictor (affine scaling).
      let affine = direction(eta: 1, dl: (0..<nL).map { sl[$0] * zl[$0] }, du: (0..<nU).map { su[$0] * zu[$0] },
                             dtau: tau * kappa)
      let alphaAffine = maxStep(affine)
      let sigma = pow(1 - alphaAffine, 3)
      // Corrector: Mehrotra's second-order term.
      var dl = [Double](repeating: 0, count: nL), du = [Double](repeating: 0, count: nU)
      for k in 0..<nL { dl[k] = sl[k] * zl[k] + affine.sl[k] * affine.zl[k] - sigma * mu }
      for k in 0..<nU { du[k] = su[k] * zu[k] + affine.su[k] * affine.zu[k] - sigma * mu }
      let dtau = tau * kappa + affine.tau * affine.kappa - sigma * mu
      var step = direction(eta: 1 - sigma, dl: dl, du: du, dtau: dtau)
      var alpha = maxStep(step)

      // Gondzio centrality correctors: push outlying complementarity products back into a band.
      let gondzio = Int(env["DGONDZIO"] ?? "") ?? settings.gondzioCorrectors
      if gondzio > 0 {
        for _ in 0..<gondzio {
          let target = min(1, 1.5 * alpha + 0.1)
          let muTarget = sigma * mu
          let lowBand = 0.1 * muTarget, highBand = 10 * muTarget
          var cl = dl, cu = du, ct = dtau
          func correction(_ s: Double, _ z: Double, _ ds: Double, _ dz: Double) -> Double {
            let product = (s + target * ds) * (z + target * dz)
            if product < lowBand { return lowBand - product }
            if product > highBand { return max(-highBand, highBand - product) }
            return 0
          }
          for k in 0..<nL { cl[k] -= correction(sl[k], zl[k], step.sl[k], step.zl[k]) }
          for k in 0..<nU { cu[k] -= correction(su[k], zu[k], step.su[k], step.zu[k]) }
          ct -= correction(tau, kappa, step.tau, step.kappa)
          let trial = direction(eta: 1 - sigma, dl: cl, du: cu, dtau: ct)
          let trialAlpha = maxStep(trial)
          if trialAlpha >= 1.01 * alpha {
            step = trial
            alpha = trialAlpha
            dl = cl; du = cu
          } else {
            break
          }
        }
      }

      if settings.verbose { _ = maxStep(step, report: true) }
      alpha = min(1, 0.99 * alpha)
      lastStep = alpha
      for j in 0..<n { x[j] += alpha * step.x[j] }
      for i in 0..<m { y[i] += alpha * step.y[i] }
      for k in 0..<nL { sl[k] += alpha * step.sl[k]; zl[k] += alpha * step.zl[k] }
      for k in 0..<nU { su[k] += alpha * step.su[k]; zu[k] += alpha * step.zu[k] }
      tau += alpha * step.tau
      kappa += alpha * step.kappa
      // Keep the regularisation small once the factorization succeeds again.
      rho = max(baseRho, rho / 10)
      delta = max(baseDelta, delta / 10)
      // Normalise the homogeneous iterate when it drifts far from scale 1 (the embedding is scale-invariant).
      let scale = max(tau, kappa)
      if scale > 1e6 || scale < 1e-6, !(kappa > tau && scale < 1e-6) {
        let f = 1 / scale
        for j in 0..<n { x[j] *= f }
        for i in 0..<m { y[i] *= f }
        for k in 0..<nL { sl[k] *= f; zl[k] *= f }
        for k in 0..<nU { su[k] *= f; zu[k] *= f }
        tau *= f
        kappa *= f
      }
    }
    return finish(.iterationLimit, x: x, y: y, zl: zl, zu: zu, L: L, U: U, tau: tau, info: info)
  }

  private func log(_ line: String) {
    FileHandle.standardError.write((line + "\n").data(using: .utf8) ?? Data())
  }

  // MARK: - Back to the user's problem

  /// Original x from the scaled internal x / τ (fixed columns filled in).
  private func userPoint(_ x: [Double], tau: Double) -> [Double] {
    var result = form.fixedValue.map { $0.isNaN ? 0 : $0 }
    for (k, origin) in form.columnOrigin.enumerated() where origin >= 0 {
      result[origin] = scaling.columnScale[k] * x[k] / (scaling.primalScale * tau)
    }
    return result
  }

  /// Original row duals (minimisation sense) from the scaled internal y / τ.
  private func userRowDuals(_ y: [Double], tau: Double) -> [Double] {
    var result = [Double](repeating: 0, count: problem.rowCount)
    for (r, origin) in form.rowOrigin.enumerated() {
      result[origin] = scaling.rowScale[r] * y[r] / (scaling.costScale * tau)
    }
    return result
  }

  /// A Farkas ray in the original rows (minimisation sense), normalised to ‖y‖∞ = 1.
  private func userRowRay(_ y: [Double]) -> [Double] {
    var ray = userRowDuals(y, tau: 1)
    let norm = Vector.normInf(ray)
    if norm > 0 { ray = ray.map { $0 / norm } }
    return ray
  }

  /// An unbounded direction in the original columns, normalised to ‖d‖∞ = 1.
  private func userDirection(_ x: [Double]) -> [Double] {
    var d = [Double](repeating: 0, count: problem.columnCount)
    for (k, origin) in form.columnOrigin.enumerated() where origin >= 0 { d[origin] = scaling.columnScale[k] * x[k] }
    let norm = Vector.normInf(d)
    if norm > 0 { d = d.map { $0 / norm } }
    return d
  }

  private func userSign() -> Double { problem.sense == .maximize ? -1 : 1 }

  /// Builds the result for a candidate point, downgrading `optimal` unless the unscaled checks pass.
  private func finish(_ proposed: TerminationStatus, x: [Double], y: [Double], zl: [Double], zu: [Double],
                      L: [Int], U: [Int], tau: Double, info: SolveInfo) -> SolveResult {
    var info = info
    let xUser = userPoint(x, tau: tau)
    let sign = userSign()
    let yUser = userRowDuals(y, tau: tau).map { sign * $0 }
    let check = OptimalityCheck(problem: problem, x: xUser, rowDuals: yUser)
    info.primalObjective = check.primalObjective
    info.dualObjective = check.dualObjective
    info.primalResidual = check.primalResidual
    info.dualResidual = check.dualResidual
    info.relativeGap = check.relativeGap
    info.solveSeconds = elapsed() - setupSeconds
    let pOK = check.relativePrimalResidual <= settings.feasibilityTolerance
    let dOK = check.relativeDualResidual <= settings.feasibilityTolerance
    let gOK = check.relativeGap <= settings.gapTolerance
    let f = settings.almostOptimalFactor
    let almost = check.relativePrimalResidual <= settings.feasibilityTolerance * f
      && check.relativeDualResidual <= settings.feasibilityTolerance * f && check.relativeGap <= settings.gapTolerance * f
    var status = proposed
    if proposed == .optimal {
      status = (pOK && dOK && gOK) ? .optimal : (almost ? .almostOptimal : .numericalError)
    } else if proposed == .numericalError {
      // No further progress is possible: report what the point is worth on the user's problem.
      status = (pOK && dOK && gOK) ? .optimal : (almost ? .almostOptimal : .numericalError)
    }
    let primalStatus: SolutionStatus = pOK ? .feasiblePoint : .infeasiblePoint
    let dualStatus: SolutionStatus = dOK ? .feasiblePoint : .infeasiblePoint
    let solution = Solution(x: xUser, rowDuals: yUser, reducedCosts: check.reducedCosts,
                            rowActivities: check.rowActivities)
    return SolveResult(termination: status, primalStatus: primalStatus, dualStatus: dualStatus, solution: solution,
                       info: info)
  }

  /// A result carrying a checked certificate.
  private func certificateResult(_ status: TerminationStatus, rowRay: [Double]?, direction: [Double]?,
                                 iterations: Int) -> SolveResult {
    var info = SolveInfo()
    info.iterations = iterations
    info.setupSeconds = setupSeconds
    info.solveSeconds = elapsed() - setupSeconds
    let sign = userSign()
    let n = problem.columnCount, m = problem.rowCount
    if let rowRay {
      let z = problem.constraintMatrix.transposeTimes(rowRay).map { -sign * $0 }
      let solution = Solution(x: [Double](repeating: 0, count: n), rowDuals: rowRay.map { sign * $0 }, reducedCosts: z,
                              rowActivities: [Double](repeating: 0, count: m))
      return SolveResult(termination: status, primalStatus: .noSolution, dualStatus: .infeasibilityCertificate,
                         solution: solution, info: info)
    }
    let d = direction ?? [Double](repeating: 0, count: n)
    let solution = Solution(x: d, rowDuals: [Double](repeating: 0, count: m), reducedCosts: [Double](repeating: 0, count: n),
                            rowActivities: problem.constraintMatrix.times(d))
    return SolveResult(termination: status, primalStatus: .infeasibilityCertificate, dualStatus: .noSolution,
                       solution: solution, info: info)
  }
}
