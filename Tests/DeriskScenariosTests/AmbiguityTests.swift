import DeriskScenarios
import Testing

/// Worst cases over total-variation balls and boxes against brute-force LPs recorded with scipy's
/// linprog (HiGHS), Tests/Fixtures/ambiguity/brute_force.py.
struct AmbiguityTests {
  @Test func worstCasesMatchBruteForceLPs() throws {
    let ref = try loadJSON("ambiguity/brute_force.json")
    let p = try #require(ref["prior"] as? [Double]), L = try #require(ref["losses"] as? [Double])
    let cases = try #require(ref["cases"] as? [[String: Any]])
    #expect(cases.count == 12)
    for c in cases {
      let set: AmbiguitySet
      if c["set"] as? String == "tv" {
        set = .totalVariation(radius: try #require(c["radius"] as? Double))
      } else {
        set = .box(lower: try #require(c["lower"] as? [Double]), upper: try #require(c["upper"] as? [Double]))
      }
      let expected = try #require(c["value"] as? Double)
      let formulation: LinearRiskFormulation
      let worst: WorstCase
      if let alpha = c["alpha"] as? Double {
        worst = try set.worstCaseCVaR(losses: L, nominal: p, confidence: alpha)
        formulation = try set.cvarFormulation(nominal: p, confidence: alpha)
      } else {
        worst = try set.worstCaseExpectation(losses: L, nominal: p)
        formulation = try set.expectationFormulation(nominal: p)
      }
      #expect(close(worst.value, expected, 1e-9), "\(set) \(c["measure"] ?? "")")
      // The reported worst-case weights lie in the set.
      #expect(close(worst.probabilities.reduce(0, +), 1, 1e-12) && worst.probabilities.allSatisfy { $0 >= 0 })
      if case .totalVariation(let e) = set {
        #expect(zip(worst.probabilities, p).reduce(0) { $0 + abs($1.0 - $1.1) } / 2 <= e + 1e-12)
      }
      // The LP reformulation has a feasible point attaining the brute-force value.
      let x = formulation.optimalAuxiliaryValues(losses: L)
      #expect(formulation.maximumViolation(auxiliary: x, losses: L) <= 1e-12)
      #expect(close(formulation.objectiveValue(auxiliary: x, losses: L), expected, 1e-9), "LP form \(set) \(c["measure"] ?? "")")
    }
  }

  @Test func totalVariationClosedForm() throws {
    // ε max L + (1 − ε) CVaR^p_ε: L = [0, 1], p = [.5, .5], ε = .2 → .2·1 + .8·(.5·1 + .3·0)/.8 = .7;
    // by hand, moving .2 of mass from L=0 to L=1 gives q = [.3, .7], E = .7.
    let w = try AmbiguitySet.totalVariation(radius: 0.2).worstCaseExpectation(losses: [0, 1], nominal: [0.5, 0.5])
    #expect(close(w.value, 0.7, 1e-12) && close(w.probabilities, [0.3, 0.7], 1e-12))
  }
}
