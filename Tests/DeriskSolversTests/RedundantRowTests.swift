import DeriskSolvers
import Foundation
import Testing

/// Inequality rows that the column bounds and the other rows imply are dropped by presolve (a leg whose
/// capacity exceeds all the supply that can reach it); the optimum, every dual (0 for the dropped row) and
/// certificates must be those of the whole program, and a row implied with no room to spare must stay.
struct RedundantRowTests {
  /// A chain like a sourcing scenario's: columns c (contract, 0 ≤ c ≤ 4), s (shipped), f (flow on a leg),
  /// g (shortfall), h (0 ≤ h ≤ 2, another user of the leg), all ≥ 0, and the rows
  ///
  ///     row 0  s − c ≤ 0           (take no more than contracted)
  ///     row 1  s − f = 0           (what is shipped flows on the leg)
  ///     row 2  f + ½h ≤ `capacity` (the leg; written −f − ½h ≥ −capacity when `negated`)
  ///     row 3  f + g ≥ 6           (demand),
  ///
  /// min 2c + f + 100g − h. The take row gives s ≤ 4 and the balance row then f ≤ 4, two rounds deep, so
  /// the leg's activity is at most 4 + 1 = 5: for a capacity of 10 row 2 is implied.
  static func chain(capacity: Double, negated: Bool = false, shortfallLimit: Double = .infinity) throws -> QuadraticProgram {
    let t: Double = negated ? -1 : 1
    let A = try SparseMatrix(rows: 4, columns: 5, triplets: [(0, 1, 1), (0, 0, -1), (1, 1, 1), (1, 2, -1),
                                                             (2, 2, t), (2, 4, 0.5 * t), (3, 2, 1), (3, 3, 1)])
    return QuadraticProgram(linearCost: [2, 0, 1, 100, -1], constraintMatrix: A,
                            rowLower: [-.infinity, 0, negated ? -capacity : -.infinity, 6],
                            rowUpper: [0, 0, negated ? .infinity : capacity, .infinity],
                            columnLower: [0, 0, 0, 0, 0], columnUpper: [4, .infinity, .infinity, shortfallLimit, 2])
  }

  /// Capacity 10: x = (4, 4, 4, 2, 2), objective 8 + 4 + 200 − 2 = 210. By hand (z = c − Aᵀy): g basic,
  /// y₃ = 100; f basic, 1 + y₁ − y₂ − 100 = 0; s basic, y₀ + y₁ = 0; row 2 dropped, y₂ = 0, so y₁ = 99,
  /// y₀ = −99, and c sits at its upper bound with z = 2 + y₀ = −97, h at its upper bound with z = −1.
  @Test(arguments: [LinearSystemChoice.automatic, .normalEquations, .augmented])
  func anImpliedLegCapacityIsDropped(system: LinearSystemChoice) throws {
    var settings = InteriorPointSettings()
    settings.linearSystem = system
    for negated in [false, true] {
      let problem = try Self.chain(capacity: 10, negated: negated)
      let result = try solve(problem, settings: settings)
      #expect(result.termination == .optimal)
      #expect(result.info.redundantRowsDropped == 1)
      #expect(abs(result.objective - 210) < 1e-7 * 211)
      let x: [Double] = [4, 4, 4, 2, 2]
      for (j, value) in x.enumerated() { #expect(abs(result.solution.x[j] - value) < 1e-7, "x\(j)") }
      let y: [Double] = [-99, 99, 0, 100]
      for (i, value) in y.enumerated() {
        #expect(abs(result.solution.rowDuals[i] - value) < 1e-6, "row \(i): \(result.solution.rowDuals[i])")
      }
      #expect(abs(result.solution.reducedCosts[0] - (-97)) < 1e-6)
      #expect(abs(result.solution.rowActivities[2] - (negated ? -5 : 5)) < 1e-7)
      let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
      #expect(check.relativeDualResidual <= settings.feasibilityTolerance)
      #expect(check.relativePrimalResidual <= settings.feasibilityTolerance)
    }
  }

  /// `derisk lp --json` (`SolveReport`) carries the count.
  @Test func theReportCountsTheDroppedRows() throws {
    let problem = try Self.chain(capacity: 10)
    let json = try JSONEncoder().encode(SolveReport(problem: problem, result: try solve(problem)))
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    #expect(object["redundant_rows_dropped"] as? Int == 1)
  }

  /// Capacity 4.5 is below the leg's greatest activity 5, so row 2 stays and binds: h = 1, objective 211.
  /// h basic: −1 − ½y₂ = 0, y₂ = −2; f basic: 1 + y₁ + 2 − 100 = 0, y₁ = 97; y₀ = −97.
  @Test func aRowThatCanBindStays() throws {
    let result = try solve(Self.chain(capacity: 4.5))
    #expect(result.termination == .optimal)
    #expect(result.info.redundantRowsDropped == 0)
    #expect(abs(result.objective - 211) < 1e-7 * 212)
    #expect(abs(result.solution.x[4] - 1) < 1e-7)
    let y: [Double] = [-97, 97, -2, 100]
    for (i, value) in y.enumerated() {
      #expect(abs(result.solution.rowDuals[i] - value) < 1e-6, "row \(i): \(result.solution.rowDuals[i])")
    }
  }

  /// Capacity 5 exactly: the row is implied, but with no room to spare (the margin), so it stays; the
  /// optimum is 210 with h = 2 either way, and the row's dual is 0 or the solve would not be optimal.
  @Test func aRowImpliedWithNoRoomToSpareStays() throws {
    let result = try solve(Self.chain(capacity: 5))
    #expect(result.termination == .optimal)
    #expect(result.info.redundantRowsDropped == 0)
    #expect(abs(result.objective - 210) < 1e-7 * 211)
  }

  /// With the shortfall at most 1, demand 6 cannot be met (f ≤ 4): the certificate is one of the whole
  /// program, the dropped row included with y₂ = 0.
  @Test func theFarkasRayHoldsForTheWholeProgram() throws {
    let problem = try Self.chain(capacity: 10, shortfallLimit: 1)
    let result = try solve(problem)
    #expect(result.termination == .primalInfeasible)
    #expect(result.info.redundantRowsDropped == 1)
    #expect(CertificateCheck.farkasViolation(problem: problem, rowRay: result.solution.rowDuals) < 1e-8)
    #expect(result.solution.rowDuals[2] == 0)
  }
}
