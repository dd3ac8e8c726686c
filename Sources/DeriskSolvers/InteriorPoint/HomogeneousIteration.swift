import DeriskLinearAlgebra
import Foundation

/// A search direction of the embedding, reused across iterations: Δx, Δy, Δτ, Δκ and the residual weight η
/// it was solved for. Its bound parts Δs_l, Δz_l, Δs_u, Δz_u follow from these and the targets, and are
/// formed where they are read (`DirectionBoundSide`).
struct EmbeddingDirection {
  var x: [Double], y: [Double]
  var tau = 0.0, kappa = 0.0, eta = 1.0

  init(n: Int, m: Int) {
    x = parallelFilledArray(repeating: 0, count: n); y = parallelFilledArray(repeating: 0, count: m)
  }

  /// Runs `body` on (x, y) as two inout arguments. `f(&d.x, &d.y)` on a direction that nested functions
  /// capture is two overlapping modifications of one variable, which Swift's run-time exclusivity check
  /// stops (every debug build of a program embedding Derisk crashed on its first solve); here they are
  /// two stored properties of an inout `self`, which the rules allow.
  mutating func withVectors<R>(_ body: (inout [Double], inout [Double]) -> R) -> R {
    body(&x, &y)
  }
}

extension InteriorPointSolver {
  /// The iteration of the homogeneous embedding (see the type's comment for the equations). Every vector
  /// it needs is allocated once here; the loop itself allocates nothing proportional to the problem, but
  /// for the Newton workspace again after a failed check on the user's problem (`releaseNewtonWorkspace`)
  /// and the trial point of a refinement step for the duration of that refinement (`refine`).
  mutating func iterate() -> SolveResult {
    let n = form.columnCount, m = form.rowCount
    /// diag(P̄) when P̄ is diagonal (empty for an LP, where P̄ = 0), nil when it is not.
    let diagonalP: [Double]? = {
      guard let P = form.P else { return [] }
      var diag = [Double](repeating: 0, count: n)
      for j in 0..<n {
        for p in P.columnStarts[j]..<P.columnStarts[j + 1] {
          if P.rowIndices[p] == j { diag[j] = P.values[p] } else { return nil }
        }
      }
      return diag
    }()
    let systemStart = elapsed()
    let nonzeroCount = form.A.nonzeroCount
    var kkt: any KKTSystem
    do {
      let structured = form.columnBlock.flatMap { columns in form.rowBlock.map { (columns, $0) } }
      let hasScenarios = (structured?.0.contains { $0 > 0 } ?? false) || (structured?.1.contains { $0 > 0 } ?? false)
      switch settings.linearSystem {
      case .augmented:
        kkt = AugmentedSystem(A: form.A, P: form.P)
      case .scenarioStructured where diagonalP != nil && structured != nil,
           .automatic where diagonalP != nil && hasScenarios:
        var system = ScenarioSchurSystem(A: form.A, hessianDiagonal: diagonalP ?? [], columnBlock: structured?.0 ?? [],
                                         rowBlock: structured?.1 ?? [])
        // The blocks of each batch lane by lane in every vector of the iteration (see `interleaveBatches`);
        // Ā itself is read through the backend from here on, so the form's copy goes first, unpermuted.
        // Columns by bound kind: lower-bounded only, boxed, upper-bounded only, free.
        let (lowerBounds, upperBounds) = (form.lower, form.upper)
        let order = system.interleaveBatches { j in
          lowerBounds[j].isFinite ? (upperBounds[j].isFinite ? 1 : 0) : (upperBounds[j].isFinite ? 2 : 3)
        }
        form.A = SparseMatrix(rows: form.A.rows, columns: form.A.columns)
        if let order {
          form.permute(columnOrder: order.columnOrder, rowOrder: order.rowOrder)
          scaling.permute(columnOrder: order.columnOrder, rowOrder: order.rowOrder)
        }
        kkt = system
      case .normalEquations, .automatic, .scenarioStructured:
        if let diagonalP { kkt = NormalEquationsSystem(A: form.A, hessianDiagonal: diagonalP) } else { kkt = AugmentedSystem(A: form.A, P: form.P) }
      }
    }
    // Āᵀy and Āx: from the scenario backend's own copy of the entries when there is one, from Ā and Āᵀ
    // compressed otherwise. The iteration reads Ā through these and the backend only: the standard form's
    // copy goes.
    let products: any ConstraintProducts = (kkt as? ScenarioSchurSystem).map {
      ScenarioBlockProducts($0.layout, rowCount: m, columnCount: n, nonzeroCount: nonzeroCount)
    } ?? CompressedProducts(form.A)
    form.A = SparseMatrix(rows: 0, columns: 0)
    let b = form.b, c = form.c
    // l and u by column serve the starting point only; the iteration reads them by slot (lL, uU), and
    // both copies go once the start is set (`form` keeps none either).
    var l = form.lower, u = form.upper
    form.lower = []
    form.upper = []
    let L = BoundSlots(columns: (0..<n).filter { l[$0].isFinite }, columnCount: n)
    let U = BoundSlots(columns: (0..<n).filter { u[$0].isFinite }, columnCount: n)
    let nL = L.count, nU = U.count
    let lL = L.map { l[$0] }, uU = U.map { u[$0] }
    let P = form.P
    let systemSeconds = elapsed() - systemStart
    var info = SolveInfo()
    info.setupSeconds = setupSeconds
    info.linearSystem = kkt.name
    let bNorm = IterationKernels.normInf(b), cNorm = IterationKernels.normInf(c)

    // Regularisation of the (1,1) and (2,2) blocks, in scaled units. The primal one must stay far
    // below the smallest Z S⁻¹ that matters at the end of the path (a larger value, e.g. 1e-8, stalled
    // the dual residual on Netlib agg and modszk1); the dual one keeps rank-deficient Ā factorable.
    // ρ = 1e-12 was still too large for scenario programs: the basic columns of rare scenarios end with
    // d ≈ 1e-17, so each direction carried an error ρ·Δx ≈ 1e-9 on their rows that refinement to the
    // global tolerance left in place; it held their dual residual at 4e-5 of their costs, and over
    // 10,000–100,000 scenarios those columns failed the gap check on the user's problem (100,000 never
    // reached `optimal`). With 1e-16: 100,000 `optimal` in 147 iterations, 30,000 in 110 instead of 132.
    let baseRho = 1e-16, baseDelta = 1e-8
    var rho = baseRho, delta = baseDelta

    // Āᵀy and Āx of the iterate, read by the residuals and the termination tests at the top of each
    // iteration; in between, `refine` forms the products of its points in them and then their residuals
    // (four vectors fewer). The one solve in that stretch, the dual polish, restores them.
    var ATy = parallelFilledArray(repeating: 0.0, count: n), Ax = parallelFilledArray(repeating: 0.0, count: m)
    /// `refine`'s trial point, allocated only while a solve is refined (see there).
    var trialX: [Double] = [], trialW: [Double] = []
    /// Copies of the products that the row-by-row refinement measures its residuals against: allocated
    /// when `componentwiseRefinement` is set, empty before.
    var productX: [Double] = [], productW: [Double] = []

    /// How accurately each Newton system is solved, relative to 1 + ‖r‖∞: a tenth of the iterate's smallest
    /// relative residual or gap (an inexact Newton step: a direction error well below what the step must
    /// remove changes little), between `finestSolveAccuracy` at the end and 1e-6. With a hundredth or a
    /// thousandth instead of a tenth the same iterations took more refinement solves (measured 2026-11-30
    /// with σ = (1 − α_aff)¹², checks / refinement solves / seconds at 10,000 generated scenarios: 153 / 111 /
    /// 13.7 with a thousandth, 104 / 54 / 13.0 with a hundredth, 76 / 23 / 11.5 with a tenth, 59 iterations
    /// and `optimal` in all three; 30,000: 73 iterations 52.3 s with a thousandth, 75 iterations 45.9 s with a
    /// hundredth). The iterate's own residuals decide termination, and `OptimalityCheck` the status: Netlib
    /// and Maros–Mészáros stay 81/81 `optimal` (1,054 iterations with a thousandth, 1,061 with a tenth).
    /// The starting point's two least-squares solves only seed a heuristic, so 1e-6 is enough for them
    /// (at 1e-10 they took three refinement solves at 100,000 scenarios).
    var solveAccuracy = 1e-6
    /// The floor of `solveAccuracy`: a tenth of the termination tolerances (1e-9 by default), since a
    /// direction needs no more accuracy than the point it leads to must have. A floor of 1e-10 (until
    /// 2026-12-01) made the last iterations of the generated programs refine nearly every solve: their
    /// first check met 1e-10 but not with the tenfold margin that trust then needs, and the other solves,
    /// whose right-hand sides are small there, were 10³–10⁵ times off it. Measured 2026-12-01, same binary:
    /// the same iterations at 1,000, 10,000, 30,000 and 100,000 scenarios (31 / 60 / 78 / 89), the
    /// objectives within 6e-10 relative, 100,000 scenarios 69.4 → 66.3 s and the 10,000-scenario iterations
    /// 56–59 0.13–0.20 → 0.06–0.07 s each; Netlib and Maros–Mészáros 81/81 `optimal`, 1,064 → 1,063
    /// iterations, every objective as close to its reference as before or closer (modszk1 5.9e-7 → 3.1e-8).
    let finestSolveAccuracy = 0.1 * min(settings.feasibilityTolerance, settings.gapTolerance)
    /// Set once a solve with the current factorization met `solveAccuracy` without refinement, while that
    /// accuracy is still above `finestSolveAccuracy`, or met `finestSolveAccuracy` with a tenfold margin; the
    /// iteration's other right-hand sides then skip the residual check (two products with Ā and a pass over
    /// every vector). A direction that is less accurate than asked only slows the iteration: the iterate's
    /// own residuals decide termination, and `OptimalityCheck` the status. (Trusting at the floor, then
    /// 1e-10, without a margin left Netlib modszk1 1.7e-6 off its optimum. With the margin, measured
    /// 2026-11-29: at 10,000 generated scenarios the checks fall from 219 to 111 in 76 iterations, the same
    /// iterations and objective to the last digit; Netlib and Maros–Mészáros stay `optimal`, 1,181 → 1,180
    /// iterations.)
    var factorizationTrusted = false
    /// Set once a point met the tolerances on the scaled problem but not the check on the user's problem
    /// (`finish`): from then on every solve is refined row by row (see `refine`). Seen on scenario
    /// programs with 30,000 and more scenarios, whose rarest scenarios' reduced costs are 10⁻⁵ of the
    /// largest; refining so from the start would cost a quarter more time on the programs that never need it.
    var componentwiseRefinement = false
    /// ‖residual‖∞ / tolerance of the last solve `refine` checked (its first residual, before any refinement step).
    var lastCheckRatio = Double.infinity
    /// The constant solve's check is skipped in an iteration whose factorization is trusted on the strength of
    /// the previous iteration's: that check met its tolerance with this margin (a ratio ≤ 5·10⁻², twentyfold), the
    /// regularisation is at its base in both (no factorization failed in between), and the previous
    /// iteration's check was not itself skipped, so every other iteration at least is checked. The check is
    /// two products with Ā and a pass over every vector, 6 % of an iteration at 100,000 generated scenarios;
    /// there its ratio stayed within 10⁻⁴–4·10⁻² over the 59 iterations and moved by at most 3× from one
    /// iteration to the next (measured 2026-12-03, 30,000 and 100,000 scenarios: no check failed). A solve
    /// that is less accurate than asked only slows the iteration (see `factorizationTrusted`). Measured the
    /// same day: 10,000 generated scenarios give the same log and plan bit for bit; the 81 Netlib and
    /// Maros–Mészáros fixtures stay `optimal` in 1,076 iterations as before, 392 checks skipped, every
    /// objective the same but fit1p's and scsd1's (14th digit) and modszk1's (10th, 1.7·10⁻¹⁰ relative, nearer
    /// its reference). With a hundredfold margin (10⁻²) 370 were skipped on the fixtures but at 100,000
    /// scenarios only the first 27 iterations qualified, whose errors are smaller.
    /// `InteriorPointSettings.checkEveryFactorization` turns it off.
    let checkSkipRatio = 5e-2
    /// Whether the previous iteration's check passed with `checkSkipRatio` at base regularisation (and was
    /// not skipped): this iteration's may then be skipped.
    var previousCheckAllowsSkip = false
    /// max over rows of |error| / the size of the row's terms, for the residual (errorX, errorW) of the point
    /// x whose products `refine`'s `residual` left in (productX, productW).
    func componentwiseError(_ d: [Double], _ r1: [Double], _ r2: [Double], _ x: [Double],
                            _ errorX: [Double], _ errorW: [Double]) -> Double {
      var worst = 0.0
      for j in 0..<n {
        worst = max(worst, abs(errorX[j]) / (max(abs(r1[j]), abs(productX[j]), abs(d[j] * x[j])) + .leastNormalMagnitude))
      }
      for i in 0..<m { worst = max(worst, abs(errorW[i]) / (max(abs(r2[i]), abs(productW[i])) + .leastNormalMagnitude)) }
      return worst
    }
    /// (outX, outW) ← the solution of K [x; w] = [r1; r2], refined against K₀ (ρ = δ = 0, diagonal d) while
    /// each step at least halves the residual ‖·‖∞ and until it is below `solveAccuracy` (1 + ‖r‖∞); the
    /// iterate with the smallest residual is kept. Unchecked once `factorizationTrusted`; refined against each
    /// row's own terms instead once `componentwiseRefinement`.
    func refinedSolve(_ d: [Double], _ r1: [Double], _ r2: [Double], _ outX: inout [Double], _ outW: inout [Double]) {
      IterationKernels.copy(r1, into: &outX)
      IterationKernels.copy(r2, into: &outW)
      kkt.solve(&outX, &outW)
      refine(d, r1, r2, &outX, &outW)
    }
    /// The check and refinement steps of `refinedSolve`, from the solution (outX, outW) already computed.
    ///
    /// The residuals go in the buffers of Āᵀy and Āx (free until the next iteration's top, see `ATy`), and
    /// the trial point of each refinement step in (trialX, trialW), allocated only when a step is taken and
    /// released afterwards: at 100,000 generated scenarios the four vectors the refinement kept through the
    /// iteration were 246 MB of its peak (the 10,000-scenario program takes 23 refinement solves for its 76
    /// checked solves, see `solveAccuracy`).
    func refine(_ d: [Double], _ r1: [Double], _ r2: [Double], _ outX: inout [Double], _ outW: inout [Double]) {
      if factorizationTrusted { return }
      var errorX: [Double] = [], errorW: [Double] = []
      swap(&errorX, &ATy); swap(&errorW, &Ax)
      defer {
        swap(&errorX, &ATy); swap(&errorW, &Ax)
        trialX = []; trialW = []
      }
      /// K [x; w] − [r1; r2] into (errorX, errorW); returns its ‖·‖∞ and max(‖r1‖∞, ‖r2‖∞). The products
      /// are kept in (productX, productW) for the row-by-row refinement.
      func residual(_ x: [Double], _ w: [Double]) -> (error: Double, rightHandSide: Double) {
        products.timesAndTransposeTimes(x, w, intoAx: &errorW, intoATy: &errorX)
        P?.symmetricMultiplyAdd(x, into: &errorX)
        if componentwiseRefinement {
          IterationKernels.copy(errorX, into: &productX)
          IterationKernels.copy(errorW, into: &productW)
        }
        return IterationKernels.kktResidual(r1, d, x, r2, productsIntoErrors: &errorX, &errorW)
      }
      /// (trialX, trialW) ← (outX, outW) + the solution of K [Δx; Δw] = (errorX, errorW); returns the trial's residual.
      func refinementStep() -> (error: Double, rightHandSide: Double) {
        if trialX.isEmpty { trialX = parallelFilledArray(repeating: 0, count: n); trialW = parallelFilledArray(repeating: 0, count: m) }
        kkt.solve(&errorX, &errorW)
        IterationKernels.combine(1, outX, 1, errorX, into: &trialX)
        IterationKernels.combine(1, outW, 1, errorW, into: &trialW)
        return residual(trialX, trialW)
      }
      let first = residual(outX, outW)
      let tolerance = solveAccuracy * (1 + first.rightHandSide)
      var norm = first.error
      lastCheckRatio = norm / tolerance
      info.newtonSolveChecks += 1
      // Never trusted in componentwise mode: a solve that meets the global tolerance says nothing about
      // the small rows that mode is for.
      if norm <= tolerance, solveAccuracy > finestSolveAccuracy || norm <= 0.1 * tolerance, !componentwiseRefinement {
        factorizationTrusted = true
      }
      if componentwiseRefinement {
        // Refine until every row's error is small against that row's own terms (a componentwise backward
        // error), not only against the largest: rows whose terms are 10⁻⁵ of the largest (the recourse of
        // a rare scenario) are otherwise left with errors as large as their terms' last digits allow for
        // the largest rows, and the point fails the check on the user's problem.
        var error = componentwiseError(d, r1, r2, outX, errorX, errorW)
        for _ in 0..<8 where error > 1e-13 {
          _ = refinementStep()
          let newError = componentwiseError(d, r1, r2, trialX, errorX, errorW)
          if newError < error { swap(&outX, &trialX); swap(&outW, &trialW) }
          if newError >= 0.5 * error { break }
          error = newError
        }
        return
      }
      for _ in 0..<8 where norm > tolerance {
        let newNorm = refinementStep().error
        if newNorm < norm { swap(&outX, &trialX); swap(&outW, &trialW) }
        if newNorm >= 0.5 * norm { break }
        norm = newNorm
      }
    }

    // MARK: Starting point (Mehrotra's heuristic on the regularised least-squares solves).
    let startingPointStart = elapsed()
    var x = parallelFilledArray(repeating: 0.0, count: n), y = parallelFilledArray(repeating: 0.0, count: m)
    var sl = parallelFilledArray(repeating: 1.0, count: nL), zl = parallelFilledArray(repeating: 1.0, count: nL)
    var su = parallelFilledArray(repeating: 1.0, count: nU), zu = parallelFilledArray(repeating: 1.0, count: nU)
    var tau = 1.0, kappa = 1.0
    let weights = CentralPathWeights(columnBlock: form.columnBlock, costs: c, lowerBounded: L, upperBounded: U,
                                     enabled: settings.weightedCentralPath)
    // The first stage's pull towards a sample's centre, if the solve has one (`SampleCentre`).
    var pull = ProximalPull()
    if let userCentre, let blocks = form.columnBlock {
      pull = ProximalPull(userCentre: userCentre, columnBlock: blocks, columnOrigin: form.columnOrigin,
                          columnScale: scaling.columnScale, lower: l, upper: u)
    }
    // The block labels have served (backend and weights): they go too.
    form.columnBlock = nil
    form.rowBlock = nil
    let wL = weights.lower, wU = weights.upper
    do {
      var dInit = parallelFilledArray(repeating: 0.0, count: n)
      for j in L { dInit[j] += 1 }
      for j in U { dInit[j] += 1 }
      for j in 0..<n where dInit[j] == 0 { dInit[j] = 1 }
      try kkt.factor(diagonal: dInit, primalRegularization: rho, dualRegularization: delta)
      // x: min ½‖x − x₀‖²_D s.t. Āx = b, with x₀ the bound midpoint / nearest bound.
      var r1 = parallelFilledArray(repeating: 0.0, count: n)
      for j in 0..<n {
        var x0 = 0.0
        if l[j].isFinite && u[j].isFinite { x0 = 0.5 * (l[j] + u[j]) }
        else if l[j].isFinite { x0 = l[j] + 1 } else if u[j].isFinite { x0 = u[j] - 1 }
        r1[j] = dInit[j] * x0
      }
      var w = parallelFilledArray(repeating: 0.0, count: m)
      refinedSolve(dInit, r1, b, &x, &w)
      // y: least squares of Āᵀy ≈ c (r₁ = c, r₂ = 0 gives w = −y).
      var discarded = parallelFilledArray(repeating: 0.0, count: n)
      refinedSolve(dInit, c, parallelFilledArray(repeating: 0.0, count: m), &discarded, &w)
      for i in 0..<m { y[i] = -w[i] }
      var zfree = parallelFilledArray(repeating: 0.0, count: n)
      products.transposeTimes(y, into: &zfree)
      for j in 0..<n { zfree[j] = c[j] - zfree[j] }
      for (k, j) in L.enumerated() { sl[k] = x[j] - l[j]; zl[k] = u[j].isFinite ? max(zfree[j], 0) : zfree[j] }
      for (k, j) in U.enumerated() { su[k] = u[j] - x[j]; zu[k] = l[j].isFinite ? max(-zfree[j], 0) : -zfree[j] }
      let minS = min(sl.min() ?? 1, su.min() ?? 1), minZ = min(zl.min() ?? 1, zu.min() ?? 1)
      let shiftS = max(-1.5 * minS, 0), shiftZ = max(-1.5 * minZ, 0)
      for k in 0..<nL { sl[k] += shiftS; zl[k] += shiftZ }
      for k in 0..<nU { su[k] += shiftS; zu[k] += shiftZ }
      CentralPathWeights.shiftStartingPoint(lower: &sl, &zl, weights: wL, upper: &su, &zu, weights: wU)
    } catch {
      return finish(.numericalError, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
    }
    l = []
    u = []

    if settings.verbose {
      log(String(format: "Derisk interior point: %d rows, %d columns (%d nonzeros) after presolve; %@",
                 m, n, products.nonzeroCount, kkt.name))
      if !form.redundantRows.isEmpty { log("presolve: \(form.redundantRows.count) rows implied by the others and the bounds dropped") }
      if form.parallelRows.mergedCount > 0 { log("presolve: \(form.parallelRows.mergedCount) rows merged into a parallel row") }
      if let schur = kkt as? ScenarioSchurSystem { log(schur.summary) }
      if let sample = centreSample {
        log(String(format: "centre: a sample of %d of %d scenarios, %@ in %d iterations, %.2f s; %d first-stage columns pulled towards it",
                   sample.scenarios, sample.of, sample.termination.rawValue, sample.iterations, sample.seconds, pull.columns.count))
      }
      log(String(format: "setup: standard form and presolve %.2f s, scaling %.2f s, linear system %.2f s, starting point %.2f s",
                 formSeconds, scalingSeconds, systemSeconds, elapsed() - startingPointStart))
      log(" iter      primal obj        dual obj     pres     dres      gap       mu   step     time")
    }

    // Residuals and Newton-system buffers, each its own array whose pages are first touched on all cores
    // (copies of one zero array would each be copied on the main thread at its first write: at 100,000
    // generated scenarios a second of the first iterations went to the kernel clearing those pages there).
    func zeros(_ count: Int) -> [Double] { parallelFilledArray(repeating: 0, count: count) }
    var rx = zeros(n), d = zeros(n), v = zeros(n), x1 = zeros(n), r1 = zeros(n)
    // P̄x; kept empty for an LP (P̄ = 0), whose terms in P̄x are skipped below.
    var Px = P == nil ? [] : zeros(n)
    var ry = zeros(m), w1 = zeros(m), r2 = zeros(m)
    var dl = zeros(nL), cl = zeros(nL)
    var du = zeros(nU), cu = zeros(nU)
    var affine = EmbeddingDirection(n: n, m: m)
    // A Gondzio corrector's trial direction goes into `affine`, which is not read again once the
    // Mehrotra targets are formed (a third direction would hold n + m more numbers).
    var step = EmbeddingDirection(n: n, m: m)
    /// Releases the Newton system's workspace: the constant and predictor solutions, the right-hand sides,
    /// the targets, both directions and the refinement's vectors. None of it carries over from one
    /// iteration to the next (each entry is written before it is read), so it goes while the point is
    /// checked on the user's problem (`finish`), whose vectors otherwise came on top of the iteration's:
    /// at 100,000 generated scenarios the peak was 5.1 GB at the check against 4.8 GB through the iteration.
    /// `restoreNewtonWorkspace()` allocates it again when the iteration goes on (after a failed check).
    func releaseNewtonWorkspace() {
      productX = []; productW = []
      x1 = []; w1 = []; v = []; r1 = []; r2 = []
      dl = []; du = []; cl = []; cu = []
      affine.x = []; affine.y = []; step.x = []; step.y = []
    }
    func restoreNewtonWorkspace() {
      if componentwiseRefinement { productX = zeros(n); productW = zeros(m) }
      x1 = zeros(n); w1 = zeros(m); v = zeros(n); r1 = zeros(n); r2 = zeros(m)
      dl = zeros(nL); du = zeros(nU); cl = zeros(nL); cu = zeros(nU)
      affine.x = zeros(n); affine.y = zeros(m); step.x = zeros(n); step.y = zeros(m)
    }

    var lastStep = 1.0
    var bestPrimal = Double.infinity, bestDual = Double.infinity, bestGap = Double.infinity
    var muAtProgress = Double.infinity, firstMu = Double.nan
    var stall = 0
    /// The unpolished relative gap on the user's problem when the last polish failed.
    var gapAtFailedPolish = Double.infinity
    /// The iterate with its row duals polished, if that passes the check on the user's problem (nil if not).
    /// The check takes the reduced costs as c − Āᵀy, so what is left of the dual residual r_x on a column
    /// strictly inside its bounds counts in the gap times that column's distance to a bound. At the end of
    /// the path those errors sit on the basic columns (small D) of scenarios with small costs, whose
    /// residuals the global tolerances do not see, and over many scenarios they add up to more than the gap
    /// tolerance. One solve with the last factorization (diagonal `d`, iteration > 0) moves them: with
    /// K [u; w] = [r_x; 0], Āᵀw is the D⁻¹-weighted least-squares fit of r_x, and y + w leaves the dual
    /// residual (P̄ + D)u, small on the basic columns and absorbed by the large reduced costs of the columns
    /// at a bound. Only the reported duals change; the iterate and the iteration do not. With ρ = 1e-12 it
    /// turned a gap of 2.1e-8 into 7.6e-9 at 10,000 generated scenarios; with ρ = 1e-16 (see `baseRho`) those
    /// programs pass unpolished, and it is still needed at 500 scenarios (seed 2) with the gap tolerance at
    /// 1e-12 (`DualPolishTests`, which lists the other cases that need it on the current path).
    func polishedFinish(_ proposed: TerminationStatus) -> SolveResult? {
      var u = [Double](repeating: 0, count: n), w = [Double](repeating: 0, count: m)
      factorizationTrusted = false
      refinedSolve(d, rx, [Double](repeating: 0, count: m), &u, &w)
      products.transposeTimes(y, into: &ATy)   // for the tests after the polish (see ATy)
      products.times(x, into: &Ax)
      IterationKernels.axpy(1, y, &w)
      var polished = finish(proposed, x: x, y: w, zl: zl, zu: zu, tau: tau, info: info)
      if settings.verbose { log("dual polish: the check on the unscaled problem gives \(polished.termination)") }
      polished.info.dualsPolished = true
      return polished.termination == .optimal ? polished : nil
    }
    for iteration in 0...settings.maxIterations {
      info.iterations = iteration
      // Residuals.
      if let P {
        IterationKernels.fill(&Px, 0)
        P.symmetricMultiplyAdd(x, into: &Px)
      }
      products.timesAndTransposeTimes(x, y, intoAx: &Ax, intoATy: &ATy)
      // r_x and r_y with their norms and inner products, a pass over the columns, the rows and each side's
      // slots (`ResidualKernels.swift`).
      let columnSums = IterationKernels.dualResidual(tau: tau, c: c, ATy: ATy, Px: P == nil ? [] : Px, x: x,
                                                     lower: zl, at: L, upper: zu, at: U, into: &rx)
      let rowSums = IterationKernels.primalResidual(tau: tau, Ax: Ax, b: b, y: y, into: &ry)
      let lowerSums = IterationKernels.boundSums(1, x: x, at: L, bound: lL, tau: tau, s: sl, z: zl)
      let upperSums = IterationKernels.boundSums(-1, x: x, at: U, bound: uU, tau: tau, s: su, z: zu)
      let xPx = P == nil ? 0 : columnSums.xPx
      let cx = columnSums.cx, by = rowSums.by
      let lz = lowerSums.boundZ, uz = upperSums.boundZ
      let rtau = cx + xPx / tau - by - lz + uz + kappa
      let complementarity = tau * kappa + lowerSums.sZ + upperSums.sZ
      let mu = complementarity / weights.total

      // Convergence on the scaled problem.
      let primalObjective = (0.5 * xPx / tau + cx) / tau
      let dualObjective = (-0.5 * xPx / tau + by + lz - uz) / tau
      let pres = max(rowSums.norm, lowerSums.residualNorm, upperSums.residualNorm) / tau
      let dres = columnSums.dualResidualNorm / tau
      let presRel = pres / (1 + max(bNorm, rowSums.axNorm / tau, columnSums.xNorm / tau))
      let dresRel = dres / (1 + max(cNorm, columnSums.pxNorm / tau, columnSums.aTyNorm / tau))
      let gapRel = abs(primalObjective - dualObjective) / (1 + max(abs(primalObjective), abs(dualObjective)))
      if settings.verbose {
        let objectiveScale = scaling.costScale
        log(String(format: "%5d %+15.8e %+15.8e %8.1e %8.1e %8.1e %8.1e %6.3f %8.2f", iteration,
                   primalObjective / objectiveScale + form.constant, dualObjective / objectiveScale + form.constant,
                   presRel, dresRel, gapRel, mu, lastStep, elapsed()))
      }
      // Scaled figures within tolerance: check the unscaled ones, which alone decide `optimal`.
      if presRel <= settings.feasibilityTolerance, dresRel <= settings.feasibilityTolerance,
        gapRel <= settings.gapTolerance
      {
        releaseNewtonWorkspace()
        let result = finish(.optimal, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
        if result.termination == .optimal { return result }
        restoreNewtonWorkspace()
        let unpolishedGap = result.info.relativeGap
        let firstFailure = !componentwiseRefinement
        if settings.verbose && firstFailure {
          log("the check on the unscaled problem failed; refining every solve row by row from here")
        }
        componentwiseRefinement = true
        if productX.isEmpty { productX = [Double](repeating: 0, count: n); productW = [Double](repeating: 0, count: m) }
        // A polish that failed is tried again only once the unpolished gap has halved (each try costs a
        // solve and a check on the user's problem, seconds at 100,000 scenarios).
        if iteration > 0, unpolishedGap <= 0.5 * gapAtFailedPolish {
          if let polished = polishedFinish(.optimal) { return polished }
          gapAtFailedPolish = unpolishedGap
        }
        if firstFailure { info.componentwiseRefinementFrom = iteration }
      }
      // Infeasibility: only once κ dominates τ.
      if kappa > tau {
        // Primal infeasibility: a dual ray with bᵀy + lᵀz_l − uᵀz_u > 0 and Āᵀy + z_l − z_u ≈ 0. The test on
        // the iterate only screens (its bound multipliers are the iterate's, not the best ones for y); the
        // certificate is the Farkas test on the user's problem. The screen is tol, and √tol once τ ≤ tol·κ
        // (the embedding has all but settled on a ray): at tol alone it rejected valid rays, e.g. on the
        // infeasible random QP 9791468938436339725 y passed the Farkas test at 4e-9 (κ/τ = 2e9) while
        // ‖Āᵀy + z_l − z_u‖ / t stayed at 2e-8–5e-7, until τ collapsed and the solve ended `numericalError`
        // (7 of 3,000 such QPs; 0 now). √tol throughout ran the Farkas test, a product with the user's A,
        // in half the iterations of a feasible sourcing program (κ/τ ≤ 350 there, ‖·‖ / t ≈ 2e-6).
        //
        // Āᵀy + z_l − z_u = P̄x + τc − r_x, so its norm is at least τ‖c‖∞ − ‖P̄x‖∞ − ‖r_x‖∞, from norms the
        // residuals' pass has formed. Where that bound exceeds the screen tenfold (beyond rounding) the screen
        // must fail, and its passes over the columns, the slots and y are skipped: on a feasible sourcing
        // program ‖·‖ / t stays near 2e-6, far above tol, and at 100,000 scenarios those passes were 1.6 % of
        // an iteration's time.
        let t = by + lz - uz
        let tolerance = settings.infeasibilityTolerance
        let screen = tau <= tolerance * kappa ? tolerance.squareRoot() : tolerance
        let rayResidualFloor = tau * cNorm - columnSums.pxNorm - columnSums.dualResidualNorm
          - 1e-14 * (tau * cNorm + columnSums.pxNorm + columnSums.aTyNorm)
        if t > 0, rayResidualFloor <= 10 * screen * t {
          let rayResidual = IterationKernels.rayResidualNorm(ATy, lower: zl, at: L, upper: zu, at: U)
          if rayResidual <= screen * t,
             t > tolerance * max(IterationKernels.normInf(y), IterationKernels.normInf(zl), IterationKernels.normInf(zu)),
             let ray = checkedFarkasRay(y) {
            return certificateResult(.primalInfeasible, rowRay: ray, direction: nil, iterations: iteration)
          }
        }
        // Dual infeasibility: a primal ray with c̄ᵀx < 0, P̄x ≈ 0, Āx ≈ 0, x in the bounds' recession cone.
        if cx < 0 {
          let s = -cx
          var violation = max(IterationKernels.normInf(Px), IterationKernels.normInf(Ax))
          for j in L { violation = max(violation, -x[j]) }
          for j in U { violation = max(violation, x[j]) }
          if violation <= settings.infeasibilityTolerance * s, s > settings.infeasibilityTolerance * IterationKernels.normInf(x) {
            let direction = userDirection(x)
            if CertificateCheck.unboundedDirectionViolation(problem: problem, direction: direction)
              <= settings.infeasibilityTolerance
            {
              return certificateResult(.dualInfeasible, rowRay: nil, direction: direction, iterations: iteration)
            }
          }
        }
      }
      if iteration == settings.maxIterations {
        releaseNewtonWorkspace()
        return finish(.iterationLimit, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
      }
      if let limit = settings.timeLimitSeconds, elapsed() > limit {
        releaseNewtonWorkspace()
        return finish(.timeLimit, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
      }
      if Task.isCancelled {
        releaseNewtonWorkspace()
        return finish(.cancelled, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
      }
      // Progress is a 1% better primal residual, dual residual or gap, or, while the path is still being
      // followed, a halved μ. (A single merit such as their maximum can sit at a saturated gap for many
      // useful iterations.) Once μ has fallen by 20 orders of magnitude μ no longer counts: it can shrink
      // forever while the residuals stagnate at the limit of the arithmetic.
      if firstMu.isNaN { firstMu = mu }
      let followingPath = mu > 1e-20 * firstMu
      if presRel < 0.99 * bestPrimal || dresRel < 0.99 * bestDual || gapRel < 0.99 * bestGap
        || (followingPath && mu < 0.5 * muAtProgress)
      {
        stall = 0
        muAtProgress = min(muAtProgress, mu)
      } else {
        stall += 1
      }
      bestPrimal = min(bestPrimal, presRel)
      bestDual = min(bestDual, dresRel)
      bestGap = min(bestGap, gapRel)
      if stall >= 8 || mu < 1e-300 {
        releaseNewtonWorkspace()
        let stopped = finish(.numericalError, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
        if stopped.termination == .almostOptimal, iteration > 0 {
          restoreNewtonWorkspace()
          if let polished = polishedFinish(.numericalError) { return polished }
        }
        if stopped.termination != .numericalError { return stopped }
        // Before giving up: the iterate may already carry a certificate that the κ > τ test above
        // missed (seen on infeasible QPs with free columns, where τ does not fall below κ while y
        // grows into a Farkas ray). It is accepted only when it checks out on the user's problem.
        if let ray = checkedFarkasRay(y) {
          return certificateResult(.primalInfeasible, rowRay: ray, direction: nil, iterations: iteration)
        }
        let direction = userDirection(x)
        if CertificateCheck.unboundedDirectionViolation(problem: problem, direction: direction) <= settings.infeasibilityTolerance {
          return certificateResult(.dualInfeasible, rowRay: nil, direction: direction, iterations: iteration)
        }
        return stopped
      }

      // MARK: Newton system.
      // The pull enters r_x here, after the residuals have been judged (see `ProximalPull`).
      pull.addPull(mu: mu, x: x, tau: tau, into: &rx)
      solveAccuracy = max(finestSolveAccuracy, min(1e-6, 0.1 * min(presRel, dresRel, gapRel)))
      // The diagonal d = Z_l/S_l + Z_u/S_u, with the constant solve's right-hand side −c̃ = −c + (Z_l/S_l) l +
      // (Z_u/S_u) u, the τ-row's coefficients of Δx, v = c + 2P̄x/τ + (Z_l/S_l) l + (Z_u/S_u) u, the
      // predictor's targets s∘z and the τ-row's Σ bound²·z/s from the same passes.
      IterationKernels.fill(&d, 0)
      IterationKernels.scaled(-1, c, into: &r1)
      if P == nil { IterationKernels.copy(c, into: &v) } else { IterationKernels.combine(1, c, 2 / tau, Px, into: &v) }
      let lowerSquares = IterationKernels.barrierTerms(zl, sl, lL, at: L, diagonal: &d, rightHandSide: &r1,
                                                       tauRow: &v, products: &dl)
      let upperSquares = IterationKernels.barrierTerms(zu, su, uU, at: U, diagonal: &d, rightHandSide: &r1,
                                                       tauRow: &v, products: &du)
      pull.addCurvature(mu: mu, into: &d)
      var factored = false
      for _ in 0..<6 {
        do {
          try kkt.factor(diagonal: d, primalRegularization: rho, dualRegularization: delta)
          factorizationTrusted = false
          factored = true
          break
        } catch {
          if settings.verbose { log("factorization failed (\(error)); raising the regularisation to ρ = \(rho * 100), δ = \(delta * 100)") }
          rho *= 100
          delta *= 100
        }
      }
      if !factored {
        return finish(.numericalError, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
      }
      /// The Newton right-hand side [−η r_x − g; −η r_y] for residual weight η and complementarity targets
      /// d_l, d_u, d_τ, into (out1, out2); returns the constant of the τ-row that the bound terms add.
      func directionRightHandSide(eta: Double, _ dl: [Double], _ du: [Double], _ dtau: Double,
                                  _ out1: inout [Double], _ out2: inout [Double]) -> Double {
        let constant = IterationKernels.newtonRightHandSide(
          eta: eta, rx, x: x, tau: tau,
          lower: .init(slots: L, targets: dl, s: sl, z: zl, bound: lL),
          upper: .init(slots: U, targets: du, s: su, z: zu, bound: uU), into: &out1)
        IterationKernels.scaled(-eta, ry, into: &out2)
        return constant - dtau / tau
      }
      // Constant solve K [x1; w1] = [−c̃; b], c̃ = c − (Z_l/S_l) l − (Z_u/S_u) u (in r1 since the diagonal's
      // pass), together with the predictor's (affine-scaling) solve, whose right-hand side does not depend on it.
      // The backend solves the two together (the scenario backend reads each block's factor and entries once
      // for both). The predictor's right-hand side goes straight into its solution's vectors, solved in place
      // with no copy kept (two vectors of n + m fewer to write per iteration): only if the constant solve's
      // check leaves the factorization untrusted is it formed again, into vectors free until `direction`
      // writes them, for the predictor's own check.
      let affineConstant = affine.withVectors { directionRightHandSide(eta: 1, dl, du, tau * kappa, &$0, &$1) }
      IterationKernels.copy(r1, into: &x1)
      IterationKernels.copy(b, into: &w1)
      affine.withVectors { kkt.solvePair(&x1, &w1, &$0, &$1) }
      let baseRegularisation = rho == baseRho && delta == baseDelta
      if previousCheckAllowsSkip && baseRegularisation && !componentwiseRefinement && !settings.checkEveryFactorization {
        factorizationTrusted = true   // see `checkSkipRatio`
        previousCheckAllowsSkip = false
        info.newtonSolveChecksSkipped += 1
      } else {
        refine(d, r1, b, &x1, &w1)
        previousCheckAllowsSkip = baseRegularisation && factorizationTrusted && lastCheckRatio <= checkSkipRatio
      }
      if !factorizationTrusted {
        _ = directionRightHandSide(eta: 1, dl, du, tau * kappa, &step.x, &r2)
        affine.withVectors { refine(d, step.x, r2, &$0, &$1) }
      }
      let coefTau = -xPx / (tau * tau) - kappa / tau - lowerSquares - upperSquares
      let denominator = IterationKernels.dot(v, x1) + IterationKernels.dot(b, w1) + coefTau

      /// The direction for residual weight η and complementarity targets d_l, d_u, d_τ, into `dir`; returns
      /// the largest step α ≤ 1 that keeps s, z, τ, κ nonnegative along it.
      func direction(eta: Double, _ dl: [Double], _ du: [Double], _ dtau: Double, into dir: inout EmbeddingDirection) -> Double {
        let constant: Double
        if factorizationTrusted {
          // Unchecked: the right-hand side is not needed after the solve, which can overwrite it in place.
          constant = directionRightHandSide(eta: eta, dl, du, dtau, &dir.x, &dir.y)
          kkt.solve(&dir.x, &dir.y)   // (x₂, w₂)
        } else {
          constant = directionRightHandSide(eta: eta, dl, du, dtau, &r1, &r2)
          refinedSolve(d, r1, r2, &dir.x, &dir.y)   // (x₂, w₂)
        }
        return completeDirection(eta: eta, dl, du, dtau, constant: constant, into: &dir)
      }
      /// The rest of a direction once (x₂, w₂) = K⁻¹ × its right-hand side is in (dir.x, dir.y): Δτ from the
      /// τ-row, then Δx = x₂ + Δτ·x₁, Δy = −(w₂ + Δτ·w₁) and the bound parts; returns the step limit.
      func completeDirection(eta: Double, _ dl: [Double], _ du: [Double], _ dtau: Double, constant: Double,
                             into dir: inout EmbeddingDirection) -> Double {
        let dTau = denominator != 0
          ? (-eta * rtau - constant - IterationKernels.dot(v, dir.x) - IterationKernels.dot(b, dir.y)) / denominator : 0
        let alpha = IterationKernels.completeDirection(
          dTau: dTau, x1, &dir.x, eta: eta,
          x: x, tau: tau,
          lower: .init(slots: L, bound: lL, targets: dl, s: sl, z: zl),
          upper: .init(slots: U, bound: uU, targets: du, s: su, z: zu), stepLimit: 1)
        IterationKernels.negatedAxpy(dTau, w1, &dir.y)
        return finishDirection(dTau: dTau, eta: eta, dtau: dtau, stepLimit: alpha, into: &dir)
      }
      /// Sets Δτ, η and Δκ = −(d_τ + κΔτ)/τ of a direction whose Δx and Δy are formed; returns the step limit
      /// `stepLimit` of its bound pairs, lowered where τ or κ would turn negative.
      func finishDirection(dTau: Double, eta: Double, dtau: Double, stepLimit: Double,
                           into dir: inout EmbeddingDirection) -> Double {
        var alpha = stepLimit
        dir.tau = dTau
        dir.eta = eta
        dir.kappa = -(dtau + kappa * dTau) / tau
        if dir.tau < 0 { alpha = min(alpha, -tau / dir.tau) }
        if dir.kappa < 0 { alpha = min(alpha, -kappa / dir.kappa) }
        return alpha
      }

      // Predictor (affine scaling), solved above beside the constant solve.
      let alphaAffine = completeDirection(eta: 1, dl, du, tau * kappa, constant: affineConstant, into: &affine)
      // Centring σ = (1 − α_aff)^p with p = 12, not Mehrotra's usual cube: after a short predictor step
      // it aims lower (α_aff = 0.1: σ = 0.28 instead of 0.73), and the Gondzio correctors below restore
      // the centrality that costs. Measured 2026-11-30, iterations summed over eight generated programs
      // (seed 1 at 1,000, 3,000, 10,000 and 30,000 scenarios; seeds 2 and 3 at 3,000 and 10,000) / over
      // the 81 Netlib and Maros–Mészáros fixtures, all `optimal` for every p: p = 3: 567 / 1,173;
      // 5: 536 / 1,112; 6: 519 / 1,090; 8: 509 / 1,084; 10: 507 / 1,067; 12: 495 / 1,054;
      // 16: 503 / 1,076; 20: 503 / 1,079 (solves then accurate to a thousandth of the smallest relative
      // residual; with the tenth of `solveAccuracy`, p = 12 takes 1,061 on the fixtures).
      let sigma = pow(1 - alphaAffine, 12)
      // Corrector: Mehrotra's second-order term.
      // (Into cl and cu, free until the Gondzio correctors, while dl and du still hold the predictor's targets.)
      IterationKernels.mehrotraTargets(.init(sigma: 1, slots: L, bound: lL, targets: dl, x: x, tau: tau), s: sl, z: zl,
                                       dx: affine.x, dTau: affine.tau, eta: affine.eta, shift: sigma * mu,
                                       weights: wL, into: &cl)
      IterationKernels.mehrotraTargets(.init(sigma: -1, slots: U, bound: uU, targets: du, x: x, tau: tau), s: su, z: zu,
                                       dx: affine.x, dTau: affine.tau, eta: affine.eta, shift: sigma * mu,
                                       weights: wU, into: &cu)
      swap(&dl, &cl)
      swap(&du, &cu)
      let dtau = tau * kappa + affine.tau * affine.kappa - sigma * mu
      var alpha = direction(eta: 1 - sigma, dl, du, dtau, into: &step)
      /// The τκ target `step` was solved for (dl and du hold its other targets).
      var stepDtau = dtau
      /// The direction for the targets t′ (tl, tu and the τκ target `dtauNew`) from `step`, solved for the
      /// targets t (dl, du, `stepDtau`): K is linear, so it is `step` plus the solution for the change of the
      /// right-hand side, which is zero wherever no target changed. Same result as `direction` up to
      /// rounding; cheaper when the backend skips zero blocks and the factorization is trusted (no
      /// refinement, which would measure residuals over the whole system).
      ///
      /// `targetChange` is the τ-row share of the change, whose first block is already in `dir.x`, and the
      /// columns where that block may be nonzero (`IterationKernels.gondzioTargetsAndChange`).
      func correctedDirection(_ tl: [Double], _ tu: [Double], _ dtauNew: Double,
                              targetChange: (constant: Double, nonzeroColumns: [Int32]),
                              into dir: inout EmbeddingDirection) -> Double {
        let change = targetChange.constant - (dtauNew - stepDtau) / tau
        kkt.solve(&dir.x, &dir.y, nonzeroColumns: targetChange.nonzeroColumns)   // (u, u_w); dir.y is not read
        // The τ-row: Δτ′ = Δτ − (change of its constant + v·u + b·u_w) / denominator.
        let dTau = denominator != 0
          ? step.tau - (change + IterationKernels.dot(v, dir.x) + IterationKernels.dot(b, dir.y)) / denominator : step.tau
        // Δx′ = (u + Δx) + (Δτ′ − Δτ)x₁ and Δy′ = −(u_w + (Δτ′ − Δτ)w₁) + Δy.
        let alpha = IterationKernels.completeDirection(
          dTau: dTau, x1, &dir.x, eta: step.eta, x: x, tau: tau,
          lower: .init(slots: L, bound: lL, targets: tl, s: sl, z: zl),
          upper: .init(slots: U, bound: uU, targets: tu, s: su, z: zu), stepLimit: 1, x1Scale: dTau - step.tau,
          base: step.x)
        IterationKernels.negatedAxpyPlus(dTau - step.tau, w1, &dir.y, plus: step.y)
        return finishDirection(dTau: dTau, eta: step.eta, dtau: dtauNew, stepLimit: alpha, into: &dir)
      }
      // Gondzio centrality correctors: push outlying complementarity products back into a band around
      // σμ at the trial step α̃ = min(1, 1.2α + 0.3). The aspiration is larger for short steps than
      // Gondzio's α̃ = 1.5α + 0.1 (0.42 instead of 0.25 at α = 0.1): on scenario programs a few pairs in
      // different blocks hold the step at 0.1–0.3 through the middle of the path, and a corrector aimed
      // at a step the blocking pairs cannot reach moves them further. Measured on the generated programs
      // (2026-11-29, iterations): 63 → 51 at 3,000 scenarios, 81 → 76 at 10,000, 110 → 95 at 30,000
      // (73.9 → 60.5 s); 39 → 40 at 1,000.
      for _ in 0..<settings.gondzioCorrectors {
        let target = min(1, 1.2 * alpha + 0.3)
        let muTarget = sigma * mu
        let lowBand = 0.1 * muTarget, highBand = 10 * muTarget
        let lowerSide = DirectionBoundSide(sigma: 1, slots: L, bound: lL, targets: dl, x: x, tau: tau)
        let upperSide = DirectionBoundSide(sigma: -1, slots: U, bound: uU, targets: du, x: x, tau: tau)
        let ct = dtau - IterationKernels.gondzioCorrection(tau, kappa, step.tau, step.kappa, step: target, low: lowBand,
                                                           high: highBand)
        let trialAlpha: Double
        if factorizationTrusted && kkt.solvesSparseRightHandSidesFaster {
          // The new targets and the right-hand side of their change in one pass.
          let targetChange = IterationKernels.gondzioTargetsAndChange(
            .init(side: lowerSide, s: sl, z: zl, weights: wL), .init(side: upperSide, s: su, z: zu, weights: wU),
            dx: step.x, dTau: step.tau, eta: step.eta, step: target, low: lowBand, high: highBand,
            into: &cl, &cu, change: &affine.x)
          trialAlpha = correctedDirection(cl, cu, ct, targetChange: targetChange, into: &affine)
        } else {
          IterationKernels.gondzioTargets(dl, lowerSide, s: sl, z: zl, dx: step.x, dTau: step.tau, eta: step.eta,
                                          step: target, low: lowBand, high: highBand, weights: wL, into: &cl)
          IterationKernels.gondzioTargets(du, upperSide, s: su, z: zu, dx: step.x, dTau: step.tau, eta: step.eta,
                                          step: target, low: lowBand, high: highBand, weights: wU, into: &cu)
          trialAlpha = direction(eta: 1 - sigma, cl, cu, ct, into: &affine)
        }
        if trialAlpha >= 1.01 * alpha {
          swap(&step, &affine)
          alpha = trialAlpha
          stepDtau = ct
          swap(&dl, &cl)
          swap(&du, &cu)
        } else {
          break
        }
      }

      alpha = min(1, 0.99 * alpha)
      lastStep = alpha
      // The bounds first: their parts are formed from the iterate before the step. dl and du hold the
      // targets `step` was solved for (swapped with each accepted corrector's).
      IterationKernels.stepBounds(1, slots: L, bound: lL, targets: dl, x: x, tau: tau, dx: step.x, dTau: step.tau,
                                  eta: step.eta, alpha: alpha, s: &sl, z: &zl)
      IterationKernels.stepBounds(-1, slots: U, bound: uU, targets: du, x: x, tau: tau, dx: step.x, dTau: step.tau,
                                  eta: step.eta, alpha: alpha, s: &su, z: &zu)
      IterationKernels.axpy(alpha, step.x, &x)
      IterationKernels.axpy(alpha, step.y, &y)
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
    releaseNewtonWorkspace()
    return finish(.iterationLimit, x: x, y: y, zl: zl, zu: zu, tau: tau, info: info)
  }
}
