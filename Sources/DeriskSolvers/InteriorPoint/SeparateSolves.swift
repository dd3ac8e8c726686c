/// Solves programs that share no variables and no rows together, as one block-diagonal program
///
///     minimise  Σₖ σₖ(½ xₖᵀPₖxₖ + cₖᵀxₖ + c₀ₖ)   subject to each program's own rows and bounds,
///
/// (σₖ = −1 for a maximisation, +1 otherwise) with program k as scenario block k + 1 and no first stage,
/// so the scenario-structured backend factors each block on its own and one iteration serves them all.
/// A point of the joint program is optimal exactly when each program's share is optimal for it. For many
/// small programs of one shape (the wait-and-see programs of a scenario set) this spares each its own
/// setup, presolve, plan of the block factorization and iteration overhead.
///
/// Trust is per program, as if it had been solved alone. Each program's share of the joint point (its
/// x and row duals) is checked on that program (`OptimalityCheck`, the tolerances of `settings`, the rule
/// `OptimalityCheck.judged(by:)` of a single solve): a share that passes is reported `optimal`, with its
/// own objective, residuals and gap. A program whose share does not pass, and every program when the joint
/// solve ends anything but `optimal` or `almostOptimal` (one infeasible program makes the joint program
/// infeasible), is solved again alone, and that solve's result is reported. The joint tolerance is the
/// programs' own: the joint gap is their gaps' sum, so a program whose share carries most of it fails its
/// own check and is solved alone.
///
/// A joint solve that is cancelled or reaches its time limit ends every program so, with no solution
/// (solving each alone would stop the same way). The results' `iterations` and seconds are the joint
/// solve's (or the lone solve's), and `linearSystem` says which. Deterministic: the same results for any
/// number of threads.
/// - Throws: `ProblemError` for an unusable program or settings (the first, in order), as `solve` would.
public func solveSeparately(_ programs: [QuadraticProgram], settings: InteriorPointSettings = .init()) throws -> [SolveResult] {
  try settings.validate()
  for program in programs { try program.validate() }
  guard programs.count > 1, programs.allSatisfy(\.hasDiagonalHessian) else {
    return try programs.map { try solve($0, settings: settings) }
  }
  var jointSettings = settings
  jointSettings.linearSystem = .scenarioStructured
  let joint = blockDiagonalProgram(programs)
  let result = try solve(joint.program, settings: jointSettings, structure: joint.structure)
  if result.termination == .cancelled || result.termination == .timeLimit {
    // Solving each alone would run into the same stop once per program.
    return programs.map { stopped(result, program: $0) }
  }
  let trusted = result.termination == .optimal || result.termination == .almostOptimal
  var results: [SolveResult] = []
  results.reserveCapacity(programs.count)
  for (k, program) in programs.enumerated() {
    if trusted, let share = share(of: result, program: program, columns: joint.columnOffset[k]..<joint.columnOffset[k + 1],
                                  rows: joint.rowOffset[k]..<joint.rowOffset[k + 1], settings: settings, count: programs.count) {
      results.append(share)
    } else {
      results.append(try solve(program, settings: settings))
    }
  }
  return results
}

/// The programs side by side, each minimised (a maximisation's objective negated), program k as block k + 1.
private func blockDiagonalProgram(_ programs: [QuadraticProgram])
  -> (program: QuadraticProgram, structure: BlockStructure, columnOffset: [Int], rowOffset: [Int]) {
  var columnOffset = [0], rowOffset = [0]
  for program in programs {
    columnOffset.append(columnOffset.last! + program.columnCount)
    rowOffset.append(rowOffset.last! + program.rowCount)
  }
  let n = columnOffset.last!, m = rowOffset.last!
  var cost = [Double](), constant = 0.0
  var columnLower = [Double](), columnUpper = [Double](), rowLower = [Double](), rowUpper = [Double]()
  var starts = [0], rows = [Int](), values = [Double]()
  var hessianTriplets: [(row: Int, column: Int, value: Double)] = []
  var columnBlocks = [Int](), rowBlocks = [Int]()
  cost.reserveCapacity(n); columnLower.reserveCapacity(n); columnUpper.reserveCapacity(n); columnBlocks.reserveCapacity(n)
  rowLower.reserveCapacity(m); rowUpper.reserveCapacity(m); rowBlocks.reserveCapacity(m)
  for (k, program) in programs.enumerated() {
    let sign: Double = program.sense == .maximize ? -1 : 1
    cost += program.linearCost.map { sign * $0 }
    constant += sign * program.objectiveConstant
    columnLower += program.columnLower
    columnUpper += program.columnUpper
    rowLower += program.rowLower
    rowUpper += program.rowUpper
    columnBlocks += repeatElement(k + 1, count: program.columnCount)
    rowBlocks += repeatElement(k + 1, count: program.rowCount)
    let A = program.constraintMatrix
    for j in 0..<A.columns {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] {
        rows.append(rowOffset[k] + A.rowIndices[p])
        values.append(A.values[p])
      }
      starts.append(rows.count)
    }
    if let P = program.hessian {
      for t in P.triplets { hessianTriplets.append((columnOffset[k] + t.row, columnOffset[k] + t.column, sign * t.value)) }
    }
  }
  // Each program's matrix and P passed its own validation, so the joint ones are well formed.
  let A = (try? SparseMatrix(rows: m, columns: n, columnStarts: starts, rowIndices: rows, values: values))!
  let P = hessianTriplets.isEmpty ? nil : (try? SparseMatrix(rows: n, columns: n, triplets: hessianTriplets))!
  let program = QuadraticProgram(name: "\(programs.count) programs side by side", sense: .minimize, linearCost: cost,
                                 objectiveConstant: constant, hessian: P, constraintMatrix: A, rowLower: rowLower,
                                 rowUpper: rowUpper, columnLower: columnLower, columnUpper: columnUpper)
  return (program, BlockStructure(columnBlocks: columnBlocks, rowBlocks: rowBlocks), columnOffset, rowOffset)
}

/// Program k's share of the joint result, checked on the program alone; nil unless the check finds it
/// `optimal` under `settings`.
private func share(of joint: SolveResult, program: QuadraticProgram, columns: Range<Int>, rows: Range<Int>,
                   settings: InteriorPointSettings, count: Int) -> SolveResult? {
  let sign: Double = program.sense == .maximize ? -1 : 1
  let x = Array(joint.solution.x[columns])
  let y = joint.solution.rowDuals[rows].map { sign * $0 }
  let check = OptimalityCheck(problem: program, x: x, rowDuals: y)
  let verdict = check.judged(by: settings)
  guard verdict.status == .optimal else { return nil }
  var info = SolveInfo()
  info.iterations = joint.info.iterations
  info.record(check)
  info.setupSeconds = joint.info.setupSeconds
  info.solveSeconds = joint.info.solveSeconds
  info.linearSystem = "\(joint.info.linearSystem), \(count) programs solved together"
  info.redundantRowsDropped = joint.info.redundantRowsDropped
  info.parallelRowsMerged = joint.info.parallelRowsMerged
  info.dualsPolished = joint.info.dualsPolished
  info.componentwiseRefinementFrom = joint.info.componentwiseRefinementFrom
  return SolveResult(termination: .optimal, primalStatus: .feasiblePoint, dualStatus: .feasiblePoint,
                     solution: Solution(x: x, rowDuals: y, reducedCosts: check.reducedCosts,
                                        rowActivities: check.rowActivities),
                     info: info)
}

/// A program's result when the joint solve stopped before its end (cancelled or out of time): that
/// termination, no solution.
private func stopped(_ joint: SolveResult, program: QuadraticProgram) -> SolveResult {
  var info = SolveInfo()
  info.iterations = joint.info.iterations
  info.setupSeconds = joint.info.setupSeconds
  info.solveSeconds = joint.info.solveSeconds
  info.linearSystem = joint.info.linearSystem
  let n = program.columnCount, m = program.rowCount
  return SolveResult(termination: joint.termination, primalStatus: .noSolution, dualStatus: .noSolution,
                     solution: Solution(x: [Double](repeating: 0, count: n), rowDuals: [Double](repeating: 0, count: m),
                                        reducedCosts: [Double](repeating: 0, count: n),
                                        rowActivities: [Double](repeating: 0, count: m)),
                     info: info)
}
