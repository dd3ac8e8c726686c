import DeriskScenarios
import Testing

struct DisruptionModelTests {
  // Regime R (0.1); gallium G: 0.2, or 0.6 given R; route Q: 0.3 independent.
  func model() throws -> DisruptionModel {
    try DisruptionModel(baseline: ["gallium_price": 1, "lead_time": 30], events: [
      DisruptionEvent(name: "regime", probability: 0.1),
      DisruptionEvent(name: "gallium", probability: 0.2, effects: ["gallium_price": 1.5],
                      given: [ConditionalProbability(when: ["regime"], probability: 0.6)]),
      DisruptionEvent(name: "route", probability: 0.3, effects: ["lead_time": 20]),
    ])
  }

  @Test func enumerationIsExactAndSumsToOne() throws {
    let r = try model().enumerate()
    let set = r.scenarioSet
    #expect(set.count == 8)
    #expect(close(set.probabilities.reduce(0, +), 1, 1e-12) && close(r.keptMass, 1, 1e-12) && r.droppedMass == 0)
    // By hand: P(nothing) = .9·.8·.7 = .504; P(all) = .1·.6·.3 = .018; P(G) = .1·.6 + .9·.2 = .24.
    let i0 = try #require(set.index(of: "baseline")), i7 = try #require(set.index(of: "regime + gallium + route"))
    #expect(close(set.scenarios[i0].probability, 0.504, 1e-12) && close(set.scenarios[i7].probability, 0.018, 1e-12))
    #expect(close(try ScenarioEvent.attribute("gallium_price", .above, 1).probability(in: set), 0.24, 1e-12))
    #expect(set.scenarios[i7].attributes == ["gallium_price": 2.5, "lead_time": 50])
  }

  @Test func pruningReportsTheDroppedMass() throws {
    // Threshold .02 cuts the leaves R·¬G·Q (.1·.4·.3 = .012) and R·G·Q (.018): dropped .03, 6 kept.
    let r = try model().enumerate(threshold: 0.02)
    #expect(r.scenarioSet.count == 6 && r.droppedBranches == 2)
    #expect(close(r.droppedMass, 0.03, 1e-12) && close(r.keptMass, 0.97, 1e-12))
    #expect(close(r.scenarioSet.probabilities.reduce(0, +), 1, 1e-12))
  }

  @Test func splitMix64MatchesTheReferenceStream() {
    // First outputs of Vigna's splitmix64.c for seed 0.
    var g = SplitMix64(seed: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF && g.next() == 0x6E78_9E6A_A1B9_65F4 && g.next() == 0x06C4_5D18_8009_454F)
    var h = SplitMix64(seed: 0)
    #expect(h.nextUniform() == Double(UInt64(0xE220_A839_7B1D_CDAF) >> 11) * 0x1.0p-53)
  }

  @Test func samplingIsReproducibleBySeed() throws {
    let m = try model()
    let a = try m.sample(count: 1000, seed: 42), b = try m.sample(count: 1000, seed: 42), c = try m.sample(count: 1000, seed: 43)
    #expect(a == b)
    #expect(a != c)
    #expect(close(a.probabilities.reduce(0, +), 1, 1e-12))
    // Frequencies agree with the exact marginal P(G) = .24 within 4σ = 4·√(.24·.76/1e5) ≈ .0054.
    let big = try m.sample(count: 100_000, seed: 7)
    #expect(close(try ScenarioEvent.attribute("gallium_price", .above, 1).probability(in: big), 0.24, 0.0054))
  }

  @Test func unknownParentIsNamed() {
    #expect(throws: ScenarioError(path: "events[0].given[0].when[0]", message: "\"later\" is not an event declared before \"first\"")) {
      try DisruptionModel(events: [
        DisruptionEvent(name: "first", probability: 0.5, given: [ConditionalProbability(when: ["later"], probability: 0.9)]),
        DisruptionEvent(name: "later", probability: 0.5),
      ])
    }
  }
}
