import DeriskSolvers
import Foundation
import Testing

/// `solveSeparately`: programs solved side by side as one block-diagonal program, each result checked on
/// its own program.
///
/// Reference optima: `Tests/Fixtures/netlib/netlib.csv` (Netlib's readme values; T. Koch, "The final
/// NETLIB-LP results", 2004) and `Tests/Fixtures/maros/maros.csv` (Maros & Mészáros, 1999).
struct SeparateSolvesTests {
  static func netlib(_ name: String) throws -> QuadraticProgram {
    try MPSReader.read(contentsOf: MPSTestFixtures.netlib(name)).problem
  }
  static func maros(_ name: String) throws -> QuadraticProgram {
    try MPSReader.read(contentsOf: MPSTestFixtures.maros(name)).problem
  }
  static func close(_ value: Double, _ reference: Double) -> Bool {
    abs(value - reference) <= 1e-7 * max(1, abs(reference))
  }
  /// Whether the result came from the joint solve (not from solving its program alone).
  static func solvedTogether(_ result: SolveResult) -> Bool { result.info.linearSystem.hasSuffix("programs solved together") }

  /// Five Netlib LPs and HS21 (a QP with diagonal P) side by side: each meets its reference optimum and
  /// the check on its own program, from the joint solve.
  @Test func netlibProgramsAndADiagonalQPMeetTheirOptimaTogether() throws {
    let names = ["afiro", "sc50a", "blend", "kb2", "share2b"]
    let programs = try names.map(Self.netlib) + [Self.maros("HS21")]
    let references = [-464.75314286, -64.575077059, -30.812149846, -1749.9001299, -415.73224074, -99.96]
    let results = try solveSeparately(programs, settings: .init())
    #expect(results.count == programs.count)
    for (k, (program, result)) in zip(programs, results).enumerated() {
      let label = k < names.count ? names[k] : "HS21"
      #expect(result.termination == .optimal, "\(label)")
      #expect(Self.close(result.objective, references[k]), "\(label): \(result.objective) against \(references[k])")
      let check = OptimalityCheck(problem: program, x: result.solution.x, rowDuals: result.solution.rowDuals)
      #expect(max(check.relativePrimalResidual, check.relativeDualResidual, check.relativeGap) <= 1e-8, "\(label)")
      #expect(check.primalObjective == result.objective, "\(label)")
    }
    // The joint path, not the fallback, gave these (at most one program's share may miss its own gap).
    let together = results.filter(Self.solvedTogether).count
    #expect(together >= programs.count - 1, "\(together) of \(programs.count) from the joint solve")
  }

  /// afiro turned into a maximisation of −cᵀx keeps its sense: objective +464.75…, duals that pass the
  /// check in the user's sense (∂objective/∂bound, the negation of the minimisation's).
  @Test func aMaximisationKeepsItsSense() throws {
    var afiro = try Self.netlib("afiro")
    afiro.sense = .maximize
    afiro.linearCost = afiro.linearCost.map { -$0 }
    let programs = [afiro, try Self.netlib("sc50a")]
    let results = try solveSeparately(programs, settings: .init())
    #expect(results[0].termination == .optimal)
    #expect(Self.close(results[0].objective, 464.75314286), "\(results[0].objective)")
    #expect(Self.close(results[1].objective, -64.575077059), "\(results[1].objective)")
    let check = OptimalityCheck(problem: afiro, x: results[0].solution.x, rowDuals: results[0].solution.rowDuals)
    #expect(check.judged(by: .init()).status == .optimal)
    let together = Self.solvedTogether(results[0])
    #expect(together, "\(results[0].info.linearSystem)")
  }

  /// One infeasible program makes the joint program infeasible: every program is then solved alone, the
  /// infeasible one with a Farkas certificate on its own rows, the others to their optima.
  @Test func anInfeasibleProgramIsCertifiedAndTheOthersStillSolved() throws {
    var infeasible = try Self.netlib("afiro")
    // Row 0 twice more, as a·x ≤ t and a·x ≥ t + 1.
    var triplets = infeasible.constraintMatrix.triplets
    let m = infeasible.rowCount
    for t in triplets where t.row == 0 { triplets.append((m, t.column, t.value)); triplets.append((m + 1, t.column, t.value)) }
    infeasible.constraintMatrix = try SparseMatrix(rows: m + 2, columns: infeasible.columnCount, triplets: triplets)
    infeasible.rowLower += [-.infinity, 1]
    infeasible.rowUpper += [0, .infinity]
    infeasible.rowNames += ["twin_le", "twin_ge"]
    let programs = [try Self.netlib("sc50a"), infeasible, try Self.netlib("afiro")]
    let results = try solveSeparately(programs, settings: .init())
    #expect(results[1].termination == .primalInfeasible)
    #expect(results[1].solution.rowDuals.count == m + 2)
    #expect(CertificateCheck.farkasViolation(problem: infeasible, rowRay: results[1].solution.rowDuals) <= 1e-8)
    #expect(results[0].termination == .optimal && Self.close(results[0].objective, -64.575077059))
    #expect(results[2].termination == .optimal && Self.close(results[2].objective, -464.75314286))
    let together = results.filter(Self.solvedTogether).count
    #expect(together == 0)
  }

  /// A program whose P is not diagonal cannot be a block of the scenario-structured backend: every
  /// program is solved alone, each result the same, bit for bit, as `solve` gives it.
  @Test func anOffDiagonalHessianMeansEachIsSolvedAlone() throws {
    let programs = [try Self.maros("QAFIRO"), try Self.maros("HS21")]
    #expect(programs[0].hessian.map { P in P.triplets.contains { $0.row != $0.column } } == true)
    let results = try solveSeparately(programs, settings: .init())
    for (program, result) in zip(programs, results) {
      let alone = try solve(program)
      #expect(result.objective == alone.objective)
      #expect(result.solution.x == alone.solution.x)
      #expect(result.termination == .optimal)
    }
    #expect(Self.close(results[0].objective, -1.5907818), "\(results[0].objective)")
  }

  /// A joint solve out of time ends every program at the time limit, without solving each alone.
  @Test func aTimeLimitStopsEveryProgram() throws {
    var settings = InteriorPointSettings()
    settings.timeLimitSeconds = 1e-9
    let results = try solveSeparately([try Self.netlib("afiro"), try Self.netlib("sc50a")], settings: settings)
    for result in results {
      #expect(result.termination == .timeLimit)
      #expect(result.primalStatus == .noSolution)
    }
  }

  /// An unusable program is refused as `solve` refuses it, naming the place.
  @Test func aNaNCostIsRefused() throws {
    var bad = try Self.netlib("afiro")
    bad.linearCost[3] = .nan
    #expect(throws: ProblemError.self) { try solveSeparately([try Self.netlib("sc50a"), bad], settings: .init()) }
    do {
      _ = try solveSeparately([try Self.netlib("sc50a"), bad], settings: .init())
    } catch {
      var expected = ""
      do { _ = try solve(bad) } catch let alone { expected = "\(alone)" }
      #expect("\(error)" == expected)
    }
  }
}

extension SeparateSolvesTests {
  /// A program of bounds only (no rows: a block with no rows of its own) and an empty program beside afiro:
  /// min −x₀ + 2x₁ over [0, 3] × [−1, 4] is −5 at (3, −1); the empty program's optimum is its constant.
  @Test func programsWithoutRowsSitBesideOthers() throws {
    let boundsOnly = QuadraticProgram(linearCost: [-1, 2], objectiveConstant: 0, constraintMatrix: SparseMatrix(rows: 0, columns: 2),
                                      rowLower: [], rowUpper: [], columnLower: [0, -1], columnUpper: [3, 4])
    let empty = QuadraticProgram(linearCost: [], objectiveConstant: 7, constraintMatrix: SparseMatrix(rows: 0, columns: 0),
                                 rowLower: [], rowUpper: [], columnLower: [], columnUpper: [])
    let programs = [try Self.netlib("afiro"), boundsOnly, empty]
    let results = try solveSeparately(programs, settings: .init())
    #expect(results.map(\.termination) == [.optimal, .optimal, .optimal])
    #expect(Self.close(results[0].objective, -464.75314286), "\(results[0].objective)")
    #expect(Self.close(results[1].objective, -5), "\(results[1].objective)")
    #expect(results[1].solution.x.count == 2 && Self.close(results[1].solution.x[0], 3) && Self.close(results[1].solution.x[1], -1))
    #expect(results[2].objective == 7)
    let together = results.filter(Self.solvedTogether).count
    #expect(together == 3)
  }
}
