import DeriskSolvers
import DeriskTestSupport
import Foundation
import PropertyBased
import Testing

/// The honest-status audit (issue 8): problems pushed towards ill-conditioning — nearly parallel
/// rows, coefficients from 1e-7 to 1e7, right-hand sides that leave a feasible set of width down to
/// 1e-10 — may come back with any status, but `optimal` must mean what it says: the returned point's
/// residuals and gap, recomputed by `OptimalityCheck` on the user's problem, within the 1e-8 the
/// settings promise; `almostOptimal` within 1e3 × that (`almostOptimalFactor`); an infeasibility
/// status must carry a certificate that checks out. Limits stop within one iteration and still
/// report their point with its true residuals.
struct StatusAuditTests {
  static let tolerance = 1e-8

  /// What any returned status promises, checked independently.
  static func auditStatus(_ problem: QuadraticProgram, _ result: SolveResult, _ label: String) {
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    let worst = max(check.relativePrimalResidual, check.relativeDualResidual, check.relativeGap)
    switch result.termination {
    case .optimal:
      #expect(worst <= tolerance, "\(label): optimal with residual \(worst)")
    case .almostOptimal:
      #expect(worst <= 1e3 * tolerance, "\(label): almostOptimal with residual \(worst)")
    case .primalInfeasible:
      #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) <= tolerance, "\(label)")
    case .dualInfeasible:
      #expect(CertificateCheck.unboundedDirectionViolation(problem: problem, direction: result.solution.x) <= tolerance, "\(label)")
    default:
      // Limits and numerical trouble: the reported residuals must be those of the returned point.
      if check.primalResidual.isFinite {
        #expect(abs(result.info.primalResidual - check.primalResidual) <= 1e-9 * (1 + check.primalResidual), "\(label)")
      }
    }
  }

  /// Row 0 copied with a perturbation of relative size ε ∈ [1e-12, 1e-4] and a right-hand side moved
  /// by at most ε: nearly parallel rows.
  @Test func nearlyParallelRows() async {
    await propertyCheck(count: 30, input: Gen.uint64(), Gen.int(in: 4...12)) { seed, exponent in
      var p = try RandomPrograms.feasible(seed: seed)
      var rng = SplitMix64(seed: seed)
      let eps = pow(10, -Double(exponent))
      let m = p.rowCount
      var triplets = p.constraintMatrix.triplets
      for t in triplets where t.row == 0 { triplets.append((m, t.column, t.value * (1 + eps * rng.uniform(-1, 1)))) }
      p.constraintMatrix = try SparseMatrix(rows: m + 1, columns: p.columnCount, triplets: triplets)
      p.rowLower.append(p.rowLower[0].isFinite ? p.rowLower[0] + eps * rng.uniform(-1, 1) : -.infinity)
      p.rowUpper.append(p.rowUpper[0].isFinite ? p.rowUpper[0] + eps * rng.uniform(-1, 1) : .infinity)
      if p.rowLower[m] > p.rowUpper[m] { swap(&p.rowLower[m], &p.rowUpper[m]) }
      Self.auditStatus(p, try solve(p), "parallel seed \(seed) ε 1e-\(exponent)")
    }
  }

  /// Rows and columns multiplied by powers of ten up to 10^±7 (the solver's equilibration must undo it).
  @Test func tinyAndHugeCoefficients() async {
    await propertyCheck(count: 30, input: Gen.uint64(), Gen.int(in: 1...7)) { seed, spread in
      var p = try RandomPrograms.feasible(seed: seed, quadratic: seed % 3 == 0)
      var rng = SplitMix64(seed: seed &+ 99)
      let r = (0..<p.rowCount).map { _ in pow(10, Double(Int(rng.next() % UInt64(2 * spread + 1)) - spread)) }
      p.constraintMatrix = try SparseMatrix(rows: p.rowCount, columns: p.columnCount,
                                            triplets: p.constraintMatrix.triplets.map { ($0.row, $0.column, $0.value * r[$0.row]) })
      p.rowLower = zip(p.rowLower, r).map { $0 * $1 }
      p.rowUpper = zip(p.rowUpper, r).map { $0 * $1 }
      p.linearCost = p.linearCost.map { $0 * pow(10, Double(spread) * rng.uniform(-1, 1)) }
      Self.auditStatus(p, try solve(p), "scaled seed \(seed) spread 1e\(spread)")
    }
  }

  /// a·x ≤ t and a·x ≥ t − w with w ∈ [1e-10, 1e-2], and also t + w (just infeasible): the boundary
  /// between feasible and infeasible.
  @Test func nearlyInfeasibleRightHandSides() async {
    await propertyCheck(count: 30, input: Gen.uint64(), Gen.int(in: 2...10), Gen.bool) { seed, exponent, infeasible in
      var p = try RandomPrograms.infeasible(seed: seed)
      let m = p.rowCount, w = pow(10, -Double(exponent))
      let t = p.rowUpper[m - 2]
      p.rowLower[m - 1] = infeasible ? t + w : t - w
      Self.auditStatus(p, try solve(p), "boundary seed \(seed) width 1e-\(exponent) infeasible \(infeasible)")
    }
  }

  /// A time limit far below one iteration's cost stops after the first iteration with `timeLimit`,
  /// a point of the right size and the residuals of that point.
  @Test func timeLimitStopsWithinOneIteration() throws {
    let (problem, _) = try RandomPrograms.blockStructured(seed: 7)
    var settings = InteriorPointSettings()
    settings.timeLimitSeconds = 1e-9
    let result = try solve(problem, settings: settings)
    #expect(result.termination == .timeLimit)
    #expect(result.info.iterations <= 1)   // iteration 0 is the starting point; the check runs before each step
    #expect(result.solution.x.count == problem.columnCount)
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(result.info.primalResidual.isFinite && abs(result.info.primalResidual - check.primalResidual) <= 1e-12 * (1 + check.primalResidual))
    #expect(result.info.dualResidual.isFinite && abs(result.info.dualResidual - check.dualResidual) <= 1e-12 * (1 + check.dualResidual))
  }

  /// A solve in a task that is already cancelled stops after its first iteration with `cancelled`
  /// and reports its point and that point's residuals.
  @Test func cancellationStopsWithinOneIteration() async throws {
    let (problem, structure) = try RandomPrograms.blockStructured(seed: 11)
    let task = Task { () throws -> SolveResult in
      withUnsafeCurrentTask { $0?.cancel() }
      return try solve(problem, structure: structure)
    }
    let result = try await task.value
    #expect(result.termination == .cancelled)
    #expect(result.info.iterations <= 1)   // iteration 0 is the starting point; the check runs before each step
    #expect(result.solution.x.count == problem.columnCount)
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(result.info.primalResidual.isFinite && abs(result.info.primalResidual - check.primalResidual) <= 1e-12 * (1 + check.primalResidual))
  }
}
