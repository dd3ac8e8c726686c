import DeriskScenarios
import Testing

/// CVaR and friends on small distributions worked by hand (the derivations are in the comments).
struct RiskMeasureTests {
  // L = [1, 2, 3, 4], p = [.1, .2, .3, .4].
  let L = [1.0, 2, 3, 4]
  let p = [0.1, 0.2, 0.3, 0.4]

  @Test func cvarWithFractionalAtom() throws {
    // α = 0.5: tail mass 0.5 = all of L=4 (0.4) + 0.1 of the atom L=3.
    // CVaR = (0.4·4 + 0.1·3)/0.5 = 3.8; VaR_0.5: cumulative .1, .3, .6 ≥ .5 → 3.
    let cvar = try RiskMeasure.conditionalValueAtRisk(confidence: 0.5).evaluate(losses: L, probabilities: p)
    #expect(close(cvar, 3.8, 1e-12))
    #expect(try RiskMeasure.valueAtRisk(confidence: 0.5).evaluate(losses: L, probabilities: p) == 3)
    let w = try RiskMeasure.conditionalValueAtRisk(confidence: 0.5).tailWeights(losses: L, probabilities: p)
    #expect(close(w, [0, 0, 0.2, 0.8], 1e-12))  // 0.1/0.5, 0.4/0.5
  }

  @Test func cvarWithTiesSharesTheAtomInProportion() throws {
    // L = [5, 3, 5, 1], p = [.1, .4, .3, .2]. α = 0.8: tail 0.2 inside the level L=5 (mass 0.4):
    // CVaR = 5, weights 0.2·(.1/.4)/.2 = .25 and 0.2·(.3/.4)/.2 = .75.
    let L = [5.0, 3, 5, 1], p = [0.1, 0.4, 0.3, 0.2]
    let m = RiskMeasure.conditionalValueAtRisk(confidence: 0.8)
    #expect(close(try m.evaluate(losses: L, probabilities: p), 5, 1e-12))
    #expect(close(try m.tailWeights(losses: L, probabilities: p), [0.25, 0, 0.75, 0], 1e-12))
    // α = 0.5: tail 0.5 = level 5 (0.4) + 0.1 of L=3: (0.4·5 + 0.1·3)/0.5 = 4.6.
    #expect(close(try RiskMeasure.conditionalValueAtRisk(confidence: 0.5).evaluate(losses: L, probabilities: p), 4.6, 1e-12))
    // α = 0.6: the tail is exactly the level 5 → 5; VaR_0.6 = 3 (cumulative .2, .6).
    // Rockafellar–Uryasev check: 3 + (.1·2 + .3·2)/.4 = 5.
    #expect(close(try RiskMeasure.conditionalValueAtRisk(confidence: 0.6).evaluate(losses: L, probabilities: p), 5, 1e-12))
    #expect(try RiskMeasure.valueAtRisk(confidence: 0.6).evaluate(losses: L, probabilities: p) == 3)
  }

  @Test func expectationWorstCaseAndBlend() throws {
    // E = .1 + .4 + .9 + 1.6 = 3.0; blend ½E + ½CVaR_.5 = 1.5 + 1.9 = 3.4.
    #expect(close(try RiskMeasure.expectation.evaluate(losses: L, probabilities: p), 3.0, 1e-12))
    #expect(close(try RiskMeasure.meanCVaR(weight: 0.5, confidence: 0.5).evaluate(losses: L, probabilities: p), 3.4, 1e-12))
    // Worst case ignores scenarios with probability 0.
    #expect(try RiskMeasure.worstCase.evaluate(losses: [1, 100, 3], probabilities: [0.5, 0, 0.5]) == 3)
    // CVaR_0 = E, CVaR_1 = worst case.
    #expect(close(try RiskMeasure.conditionalValueAtRisk(confidence: 0).evaluate(losses: L, probabilities: p), 3.0, 1e-12))
    #expect(try RiskMeasure.conditionalValueAtRisk(confidence: 1).evaluate(losses: L, probabilities: p) == 4)
  }

  @Test func rockafellarUryasevProgramAttainsCVaR() throws {
    // At t = VaR, u = (L − t)₊ the program's point is feasible and its objective is CVaR (3.8 by hand above).
    let f = try LinearRiskFormulation.conditionalValueAtRisk(probabilities: p, confidence: 0.5)
    #expect(f.auxiliaryVariables.count == 5 && f.rows.count == 4)
    let x = f.optimalAuxiliaryValues(losses: L)
    #expect(close(x, [3, 0, 0, 0, 1], 1e-12))
    #expect(f.maximumViolation(auxiliary: x, losses: L) <= 0)
    #expect(close(f.objectiveValue(auxiliary: x, losses: L), 3.8, 1e-12))
    // Another feasible point (t = 2, u = (L − 2)₊) gives an upper bound: 2 + (.3·1 + .4·2)/.5 = 4.2.
    let y = [2.0, 0, 0, 1, 2]
    #expect(f.maximumViolation(auxiliary: y, losses: L) <= 0)
    #expect(close(f.objectiveValue(auxiliary: y, losses: L), 4.2, 1e-12))
  }

  @Test func wrongInputNamesThePlace() {
    #expect(throws: ScenarioError(path: "probabilities[1]", message: "must be ≥ 0 and finite, got -0.1")) {
      try RiskMeasure.expectation.evaluate(losses: [1, 2], probabilities: [1.1, -0.1])
    }
    #expect(throws: ScenarioError(path: "confidence", message: "must be in [0, 1], got 1.5")) {
      try RiskMeasure.conditionalValueAtRisk(confidence: 1.5).evaluate(losses: [1], probabilities: [1])
    }
  }

  @Test func envelopeSensitivityMatchesFiniteDifference() throws {
    // CVaR_.5: t* = 3, g = (L − 3)₊/.5 = [0, 0, 0, 2]; pᵀg = .8; mass shift to s=3: 1.2 (envelope theorem).
    let m = RiskMeasure.conditionalValueAtRisk(confidence: 0.5)
    let s = try ProbabilitySensitivity.of(m, losses: L, probabilities: p)
    #expect(close(s.map(\.gradient), [0, 0, 0, 2], 1e-12))
    #expect(close(s[3].massShift, 1.2, 1e-12))
    // Independent check: finite difference of CVaR along p + δ(e₃ − p).
    let delta = 1e-6
    var q = p.map { $0 * (1 - delta) }
    q[3] += delta
    let fd = (try m.evaluate(losses: L, probabilities: q) - 3.8) / delta
    #expect(close(fd, 1.2, 1e-5))
    // Expectation: g = L, mass shift Lₛ − 3.
    let e = try ProbabilitySensitivity.of(.expectation, losses: L, probabilities: p)
    #expect(close(e.map(\.massShift), [-2, -1, 0, 1], 1e-12))
  }
}
