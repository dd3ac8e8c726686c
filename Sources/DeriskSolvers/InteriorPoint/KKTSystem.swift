import DeriskLinearAlgebra

/// The linear system of one interior-point iteration,
///
///     K = [ P̄ + diag(d) + ρI    Āᵀ  ]
///         [        Ā           −δI  ],
///
/// factored once per iteration and solved for several right-hand sides. ρ and δ are small
/// regularisations (free columns, rank-deficient Ā); the iteration refines each solve against the
/// unregularised K, so they change the speed of convergence, not the answer. This is the one seam
/// where another backend (a sparse LDLᵀ, the scenario-structured Schur complement) plugs in.
protocol KKTSystem {
  /// What the iteration log and `SolveInfo.linearSystem` call this backend.
  var name: String { get }
  /// Factors K for the diagonal `d` (length n) and regularisations ρ, δ.
  /// - Throws: `FactorizationError` when K cannot be factored (the caller raises ρ, δ and retries).
  mutating func factor(diagonal d: [Double], primalRegularization rho: Double, dualRegularization delta: Double) throws
  /// Overwrites (r₁, r₂) with the solution (x, w) of K [x; w] = [r₁; r₂].
  func solve(_ r1: inout [Double], _ r2: inout [Double])
  /// Solves for two right-hand sides, (r₁, r₂) and (s₁, s₂), in place. The default solves one after the
  /// other; a backend may solve them together.
  func solvePair(_ r1: inout [Double], _ r2: inout [Double], _ s1: inout [Double], _ s2: inout [Double])
  /// Whether a solve costs less when most of the right-hand side is zero (the scenario backend skips the
  /// blocks where it is), so that the iteration solves for the change of a right-hand side rather than
  /// for the whole of it. Default false.
  var solvesSparseRightHandSidesFaster: Bool { get }
  /// `solve` for a right-hand side known to be zero outside r₁'s entries at `nonzeroColumns` and in r₂, whose
  /// entries on input are not read (r₂ only receives the solution's second part): a backend that skips zero
  /// blocks need not look for them, and the caller need not clear r₂. The default clears r₂ and calls `solve`.
  func solve(_ r1: inout [Double], _ r2: inout [Double], nonzeroColumns: [Int32])
}

extension KKTSystem {
  var solvesSparseRightHandSidesFaster: Bool { false }

  func solve(_ r1: inout [Double], _ r2: inout [Double], nonzeroColumns: [Int32]) {
    IterationKernels.fill(&r2, 0)
    solve(&r1, &r2)
  }

  func solvePair(_ r1: inout [Double], _ r2: inout [Double], _ s1: inout [Double], _ s2: inout [Double]) {
    solve(&r1, &r2)
    solve(&s1, &s2)
  }
}

/// K solved through the normal equations  (Ā Θ Āᵀ + δI) w = Ā Θ r₁ − r₂,  x = Θ (r₁ − Āᵀ w),
/// Θ = (diag(P̄) + d + ρ)⁻¹, with Ā Θ Āᵀ accumulated column by column into a dense matrix and factored
/// by dense Cholesky (LAPACK potrf). Valid when P̄ is diagonal (an LP, or a separable QP).
///
/// Near the end of the path Θ spans thirty orders of magnitude and potrf can meet a pivot that rounding made
/// negative; the iteration then raises δ a hundredfold and factors again. When that fails too (δ ≥ 10⁻⁶), the
/// matrix is factored dropping such pivots (`DependentRowCholesky`: the row, to rounding a combination of
/// earlier ones, gets w = 0) instead of raising δ further: on a sourcing scenario under a fixed plan (55 rows,
/// 48 columns, flows of 10⁻⁷ t beside hundreds of tonnes; `Tests/Fixtures/sourcing/fixed-plan-scenario.mps`)
/// δ had risen to 10⁻², a row of those small flows kept its residual, and the solve ended `almostOptimal`
/// after 33 iterations; now it is `optimal` in 10. (Dropping at the first failure, at δ = 10⁻⁸, left Netlib
/// modszk1's duals 0.3 % short of the test's complementarity bound; from the second on, Netlib and
/// Maros–Mészáros take the same 1,071 iterations as before.) Only when every pivot would be dropped does the
/// factorization fail.
struct NormalEquationsSystem: KKTSystem {
  let name = "normal equations (dense Cholesky)"
  private let A: SparseMatrix
  /// diag(P̄), or empty for an LP (P̄ = 0).
  private let hessianDiagonal: [Double]
  private var theta: [Double]
  private var delta = 0.0
  private var factorization: CholeskyFactorization?
  /// The δ from which a failed potrf is followed by `DependentRowCholesky`: the first one the iteration
  /// raises to (its `baseDelta`, 10⁻⁸, times 100), so that the first failure still raises δ.
  static let dropPivotsFrom = 1e-6
  /// The factor that drops pivots, used when `factorization` could not be formed.
  private var dependentRowFactorization: DependentRowCholesky?
  private var workspace: Matrix

  init(A: SparseMatrix, hessianDiagonal: [Double]) {
    self.A = A
    self.hessianDiagonal = hessianDiagonal
    self.theta = [Double](repeating: 0, count: A.columns)
    self.workspace = Matrix(rows: A.rows, columns: A.rows)
  }

  mutating func factor(diagonal d: [Double], primalRegularization rho: Double, dualRegularization delta: Double) throws {
    let m = A.rows, n = A.columns
    self.delta = delta
    if hessianDiagonal.isEmpty {
      for j in 0..<n { theta[j] = 1 / (d[j] + rho) }
    } else {
      for j in 0..<n { theta[j] = 1 / (hessianDiagonal[j] + d[j] + rho) }
    }
    workspace.storage.withUnsafeMutableBufferPointer { M in
      for k in 0..<(m * m) { M[k] = 0 }
      A.columnStarts.withUnsafeBufferPointer { starts in
        A.rowIndices.withUnsafeBufferPointer { rows in
          A.values.withUnsafeBufferPointer { values in
            for j in 0..<n {
              let t = theta[j]
              let start = starts[j], end = starts[j + 1]
              for p in start..<end {
                let vp = values[p] * t
                // Lower triangle: row index ≥ column index; rows are sorted within a column.
                for q in start...p { M[rows[p] + rows[q] * m] += vp * values[q] }
              }
            }
          }
        }
      }
      for i in 0..<m { M[i + i * m] += delta }
    }
    do {
      factorization = try CholeskyFactorization(workspace)
      dependentRowFactorization = nil
    } catch {
      guard delta >= Self.dropPivotsFrom else { throw error }
      let dropping = try DependentRowCholesky(workspace)
      guard dropping.droppedCount < m else { throw error }
      factorization = nil
      dependentRowFactorization = dropping
    }
  }

  func solve(_ r1: inout [Double], _ r2: inout [Double]) {
    let m = A.rows, n = A.columns
    // w = (Ā Θ Āᵀ + δI)⁻¹ (Ā Θ r₁ − r₂)
    var scaled = [Double](repeating: 0, count: n)
    for j in 0..<n { scaled[j] = theta[j] * r1[j] }
    var w = A.times(scaled)
    for i in 0..<m { w[i] -= r2[i] }
    if let dependentRowFactorization { dependentRowFactorization.solveInPlace(&w) } else { factorization?.solveInPlace(&w) }
    // x = Θ (r₁ − Āᵀ w)
    let ATw = A.transposeTimes(w)
    for j in 0..<n { r1[j] = theta[j] * (r1[j] - ATw[j]) }
    r2 = w
  }
}

/// K assembled densely and factored by the symmetric indefinite LDLᵀ (LAPACK sytrf, Bunch–Kaufman).
/// Works for any P̄; costs (n + m)³/3 per factorization, so it suits small and QP problems.
struct AugmentedSystem: KKTSystem {
  let name = "augmented system (dense LDLᵀ)"
  private let A: SparseMatrix
  private let P: SparseMatrix?
  private var factorization: LDLTFactorization?
  private var workspace: Matrix

  init(A: SparseMatrix, P: SparseMatrix?) {
    self.A = A
    self.P = P
    let size = A.rows + A.columns
    self.workspace = Matrix(rows: size, columns: size)
  }

  mutating func factor(diagonal d: [Double], primalRegularization rho: Double, dualRegularization delta: Double) throws {
    let m = A.rows, n = A.columns, size = m + n
    workspace.storage.withUnsafeMutableBufferPointer { K in
      for k in 0..<(size * size) { K[k] = 0 }
      for j in 0..<n { K[j + j * size] = d[j] + rho }
      if let P {
        for j in 0..<n {
          for p in P.columnStarts[j]..<P.columnStarts[j + 1] { K[P.rowIndices[p] + j * size] += P.values[p] }
        }
      }
      for j in 0..<n {
        for p in A.columnStarts[j]..<A.columnStarts[j + 1] { K[(n + A.rowIndices[p]) + j * size] = A.values[p] }
      }
      for i in 0..<m { K[(n + i) + (n + i) * size] = -delta }
    }
    factorization = try LDLTFactorization(workspace)
  }

  func solve(_ r1: inout [Double], _ r2: inout [Double]) {
    let n = A.columns
    var rhs = r1 + r2
    factorization?.solveInPlace(&rhs)
    r1 = Array(rhs[0..<n])
    r2 = Array(rhs[n...])
  }
}
