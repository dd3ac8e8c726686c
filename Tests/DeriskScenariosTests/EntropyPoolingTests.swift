import DeriskScenarios
import Foundation
import Testing

struct EntropyPoolingTests {
  let prior = try! ScenarioSet([
    Scenario(name: "a", probability: 0.1, attributes: ["x": 1]),
    Scenario(name: "b", probability: 0.2, attributes: ["x": 2]),
    Scenario(name: "c", probability: 0.3, attributes: ["x": 3]),
    Scenario(name: "d", probability: 0.4, attributes: ["x": 4]),
  ])

  @Test func singleEventViewHasTheClosedForm() throws {
    // P_p({a, c}) = 0.4 → view 0.7. Closed form: q = p·0.7/0.4 inside the event, p·0.3/0.6 outside:
    // [.175, .1, .525, .2]; KL = .7 log(.7/.4) + .3 log(.3/.6); q ∝ p exp(−μ 1_E) with exp(−μ) = 1.75/.5 = 3.5.
    let r = try EntropyPooling.solve(prior: prior, views: [View(name: "E", .eventProbability(.scenarios(["a", "c"]), .equal, 0.7))])
    #expect(r.status == .converged)
    #expect(close(r.posterior, [0.175, 0.1, 0.525, 0.2], 1e-12))
    #expect(close(r.klDivergence, 0.7 * log(0.7 / 0.4) + 0.3 * log(0.3 / 0.6), 1e-12))
    #expect(close(r.views[0].multiplier, -log(3.5), 1e-9))
    #expect(abs(r.views[0].residual) <= 1e-10)
    // Effective numbers: exp(H) of the prior and of the closed-form posterior.
    let h = { (v: [Double]) in exp(-v.reduce(0) { $0 + $1 * log($1) }) }
    #expect(close(r.priorEffectiveNumber, h([0.1, 0.2, 0.3, 0.4]), 1e-12))
    #expect(close(r.posteriorEffectiveNumber, h([0.175, 0.1, 0.525, 0.2]), 1e-12))
  }

  @Test func slackInequalityLeavesThePrior() throws {
    // P_p({a, c}) = 0.4 ≤ 0.9 already holds: q = p, multiplier 0, KL 0.
    let r = try EntropyPooling.solve(prior: prior, views: [View(name: "E", .eventProbability(.scenarios(["a", "c"]), .atMost, 0.9))])
    #expect(close(r.posterior, prior.probabilities, 1e-14))
    #expect(r.views[0].multiplier == 0 && close(r.klDivergence, 0, 1e-15))
  }

  @Test func severalViewsMatchFortitudoTech() throws {
    // Recorded run of fortitudo.tech 1.2.5 (scipy 1.17.1), Tests/Fixtures/entropy-pooling/reference_run.py.
    // Its TNC solution meets the views to ~5e-7, so compare posteriors to 2e-6 and require our own
    // residuals below 1e-9.
    let ref = try loadJSON("entropy-pooling/reference_run.json")
    let p = try #require(ref["prior"] as? [Double]), price = try #require(ref["price"] as? [Double])
    let delay = try #require(ref["delay"] as? [Double]), expected = try #require(ref["posterior_tnc"] as? [Double])
    let set = try ScenarioSet(p.indices.map {
      Scenario(name: "s\($0)", probability: p[$0], attributes: ["price": price[$0], "delay10": delay[$0] / 10, "delay": delay[$0]])
    })
    let views = [
      View(name: "P(s2 or s4)", .eventProbability(.scenarios(["s2", "s4"]), .equal, 0.4)),
      View(name: "price", .expectation(attribute: "price", .atLeast, 1.9)),
      View(name: "delay", .expectation(attribute: "delay", .atMost, 22)),
      View(name: "rank", .ranking(["delay10", "price"])),
    ]
    let r = try EntropyPooling.solve(prior: set, views: views)
    #expect(r.status == .converged)
    #expect(close(r.posterior, expected, 2e-6))
    #expect(close(r.klDivergence, try #require(ref["kl_tnc"] as? Double), 1e-5))
    #expect(r.views.allSatisfy { abs($0.residual) <= 1e-9 })
    // The two expectation views are active (≥ has μ ≤ 0, ≤ has μ ≥ 0); the ranking is slack.
    #expect(r.views[1].multiplier < 0 && r.views[2].multiplier > 0 && r.views[3].multiplier == 0)
  }

  @Test func conflictingViewsAreNamed() throws {
    // P({a, c}) = 0.7 and P({a, c}) ≤ 0.5 cannot both hold; the unrelated E[x] view is not named.
    let views = [
      View(name: "likely", .eventProbability(.scenarios(["a", "c"]), .equal, 0.7)),
      View(name: "mean", .expectation(attribute: "x", .atLeast, 2.0)),
      View(name: "unlikely", .eventProbability(.scenarios(["a", "c"]), .atMost, 0.5)),
    ]
    do {
      _ = try EntropyPooling.solve(prior: prior, views: views)
      Issue.record("expected ConflictingViewsError")
    } catch let error as ConflictingViewsError {
      #expect(error.views == ["likely", "unlikely"])
    }
    // E[x] ≥ 5 is impossible with x ≤ 4.
    #expect(throws: ConflictingViewsError.self) {
      try EntropyPooling.solve(prior: prior, views: [View(name: "too high", .expectation(attribute: "x", .atLeast, 5))])
    }
  }
}
