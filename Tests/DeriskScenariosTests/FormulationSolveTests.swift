import DeriskScenarios
import DeriskSolvers
import Testing

/// The LP forms of the risk measures and ambiguity sets, solved by Derisk's interior-point solver with
/// the losses fixed: the minimum over the auxiliary variables must equal the risk value itself (not just
/// be attained by one feasible point), here against the brute-force LPs of
/// Tests/Fixtures/ambiguity/brute_force.json (scipy 1.17.1 linprog / HiGHS) and hand values.
struct FormulationSolveTests {
  /// The program min Σ objective terms s.t. the formulation's rows, with every Lₛ a constant.
  static func program(_ f: LinearRiskFormulation, losses: [Double]) throws -> QuadraticProgram {
    let n = f.auxiliaryVariables.count
    var cost = [Double](repeating: 0, count: n)
    var constant = 0.0
    for term in f.objective {
      switch term.operand {
      case .auxiliary(let i): cost[i] += term.coefficient
      case .scenarioLoss(let s): constant += term.coefficient * losses[s]
      }
    }
    var triplets: [(row: Int, column: Int, value: Double)] = []
    var lower: [Double] = [], upper: [Double] = []
    for (r, row) in f.rows.enumerated() {
      var shift = 0.0
      for term in row.terms {
        switch term.operand {
        case .auxiliary(let i): triplets.append((r, i, term.coefficient))
        case .scenarioLoss(let s): shift += term.coefficient * losses[s]
        }
      }
      lower.append(row.lower - shift)
      upper.append(row.upper - shift)
    }
    let A = try SparseMatrix(rows: f.rows.count, columns: n, triplets: triplets)
    return QuadraticProgram(linearCost: cost, objectiveConstant: constant, constraintMatrix: A, rowLower: lower,
                            rowUpper: upper, columnLower: f.auxiliaryVariables.map(\.lower),
                            columnUpper: f.auxiliaryVariables.map(\.upper))
  }

  @Test func ambiguityFormulationsSolveToBruteForceValues() throws {
    let ref = try loadJSON("ambiguity/brute_force.json")
    let p = try #require(ref["prior"] as? [Double]), L = try #require(ref["losses"] as? [Double])
    let cases = try #require(ref["cases"] as? [[String: Any]])
    for c in cases {
      let set: AmbiguitySet = c["set"] as? String == "tv"
        ? .totalVariation(radius: try #require(c["radius"] as? Double))
        : .box(lower: try #require(c["lower"] as? [Double]), upper: try #require(c["upper"] as? [Double]))
      let formulation = try (c["alpha"] as? Double).map { try set.cvarFormulation(nominal: p, confidence: $0) }
        ?? set.expectationFormulation(nominal: p)
      let result = try solve(Self.program(formulation, losses: L))
      #expect(result.termination == .optimal)
      let expected = try #require(c["value"] as? Double)
      #expect(abs(result.objective - expected) <= 1e-7 * (1 + abs(expected)), "\(set) \(c["measure"] ?? "")")
    }
  }

  /// CVaR₀.₈ of L = (4, 7, 2, 7, 10) with p = (.3, .25, .2, .15, .1): the worst 20% is L = 10 (mass .1)
  /// and .1 of the atoms at L = 7, so CVaR = (.1·10 + .1·7)/.2 = 8.5; E = .3·4 + .25·7 + .2·2 + .15·7 + .1·10
  /// = 1.2 + 1.75 + .4 + 1.05 + 1 = 5.4; worst case 10; the blend (1 − λ)E + λ·CVaR with λ = .5 is 6.95.
  @Test func riskMeasureFormulationsSolveToTheirValues() throws {
    let p = [0.3, 0.25, 0.2, 0.15, 0.1], L = [4.0, 7, 2, 7, 10]
    let cases: [(LinearRiskFormulation, Double)] = [
      (try LinearRiskFormulation.conditionalValueAtRisk(probabilities: p, confidence: 0.8), 8.5),
      (LinearRiskFormulation.expectation(probabilities: p), 5.4),
      (LinearRiskFormulation.worstCase(probabilities: p), 10),
      (try LinearRiskFormulation.meanCVaR(probabilities: p, weight: 0.5, confidence: 0.8), 6.95),
    ]
    for (formulation, expected) in cases {
      let program = try Self.program(formulation, losses: L)
      let result = try solve(program)
      #expect(result.termination == .optimal)
      #expect(abs(result.objective - expected) <= 1e-8 * (1 + expected), "\(program.name) \(expected)")
    }
  }
}
