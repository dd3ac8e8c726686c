import Foundation
import DeriskScenarios
import Testing

struct FileFormatTests {
  @Test func yamlAndJSONExamplesAgree() throws {
    let y = try ScenarioSetFile.load(path: fixturePath("scenarios/gallium.yaml"))
    let j = try ScenarioSetFile.load(path: fixturePath("scenarios/gallium.json"))
    #expect(y == j && y.count == 4)
    #expect(try y.attribute("delay_days") == [10, 25, 40, 60])
    #expect(try ViewsFile.load(path: fixturePath("scenarios/views.yaml")) == ViewsFile.load(path: fixturePath("scenarios/views.json")))
    let ey = try EventsFile.load(path: fixturePath("scenarios/events.yaml")), ej = try EventsFile.load(path: fixturePath("scenarios/events.json"))
    #expect(ey == ej && ey.events.count == 4 && ey.threshold == 0.001)
  }

  @Test func reweightingTheExample() throws {
    // The example views hold at the posterior (residuals ≤ 1e-9 in the views' units).
    let r = try ReweightReport(scenariosPath: fixturePath("scenarios/gallium.yaml"), viewsPath: fixturePath("scenarios/views.yaml"))
    #expect(r.status == .converged && r.views.allSatisfy { abs($0.residual) <= 1e-9 })
    // View 1: P(licence squeeze or both) = .4.
    #expect(close(r.scenarios[1].posterior + r.scenarios[3].posterior, 0.4, 1e-9))
    #expect(close(r.scenarios.map(\.posterior).reduce(0, +), 1, 1e-12))
  }

  @Test func validationErrorNamesThePath() {
    #expect(throws: ScenarioError(path: "scenarios[3].probability", message: "must be ≥ 0, got -0.1")) {
      try ScenarioSetFile.load(path: fixturePath("scenarios/bad-probability.yaml"))
    }
    let e = ScenarioError(path: "scenarios[3].probability", message: "must be ≥ 0, got -0.1")
    #expect(e.description == "scenarios[3].probability: must be ≥ 0, got -0.1")
  }

  @Test func typeErrorNamesThePath() {
    #expect(throws: ScenarioError(path: "scenarios[1].probability", message: "expected a number")) {
      try ScenarioSetFile.load(path: fixturePath("scenarios/bad-type.json"))
    }
  }

  @Test func yamlReaderAndDuplicateKeyErrorsNameThePlace() {
    // The message is the first line of Yams' own description, now built without rendering the rest.
    // Reader error: libyaml reports the offending character's offset (reader.c, "control characters
    // are not allowed"); "b: " puts the BEL on line 2, column 4 (1-based), by hand.
    func message(_ text: String) -> String? {
      do { _ = try FileFormat.yaml.decode([String: Int].self, from: Data(text.utf8)); return nil } catch let e as ScenarioError {
        return e.message
      } catch { return "\(error)" }
    }
    #expect(message("a: 1\nb: \u{07}\n") == "not valid YAML: line 2:4: error: reader: control characters are not allowed:")
    // Column counted in UTF-16 units as Yams does: "a: 𝕏" is 4 characters but 5 UTF-16 units (𝕏 is a
    // surrogate pair; 7 bytes), so the BEL is at column 6.
    #expect(message("a: 𝕏\u{07}\n") == "not valid YAML: line 1:6: error: reader: control characters are not allowed:")
    // Duplicated keys: Yams' first line names the keys, sorted and quoted.
    #expect(message("b: 1\na: 2\nb: 3\na: 4\n")
            == "not valid YAML: line Parser: expected all keys to be unique but found the following duplicated key(s): 'a', 'b'.")
  }

  @Test func scenarioSetOperations() throws {
    let set = try ScenarioSetFile.load(path: fixturePath("scenarios/gallium.yaml"))
    // Conditioning on delay ≥ 25: {.25, .15, .05}/.45.
    let c = try set.conditioned(on: .attribute("delay_days", .atLeast, 25))
    #expect(close(c.probabilities, [0.25 / 0.45, 0.15 / 0.45, 0.05 / 0.45], 1e-12))
    // Effective number of 4 equal scenarios is 4, of a point mass 1.
    #expect(close(ScenarioSet.effectiveNumber([0.25, 0.25, 0.25, 0.25]), 4, 1e-12))
    #expect(close(ScenarioSet.effectiveNumber([1, 0]), 1, 1e-15))
    // Sum check: 0.5 + 0.4 is refused, the normalising constructor divides by 0.9.
    #expect(throws: ScenarioError.self) { try ScenarioSet([Scenario(name: "a", probability: 0.5), Scenario(name: "b", probability: 0.4)]) }
    let n = try ScenarioSet(normalizing: [Scenario(name: "a", probability: 0.5), Scenario(name: "b", probability: 0.4)])
    #expect(close(n.probabilities, [5.0 / 9, 4.0 / 9], 1e-15))
    // Merging ½·set + ½·{calm: 1}: calm gets .5·.55 + .5 = .775.
    let m = try set.merged(with: try ScenarioSet([set.scenarios[0].with(probability: 1)]), weight: 0.5)
    #expect(close(m.scenarios[0].probability, 0.775, 1e-12))
  }

  @Test func forwardSelectionByHand() throws {
    // x = [0, 1, 10, 11], uniform. Step 1: Σ p c(u, ·) = 5.5, 5, 5, 5.5 → first minimiser x=1.
    // Step 2 with {1}: adding 10 or 11 leaves .25(1 + 1) = .5 → x=10. Weights .5/.5, distance .5.
    let set = try ScenarioSet(equallyLikely: [0.0, 1, 10, 11].enumerated().map {
      Scenario(name: "s\($0.offset)", probability: 1, attributes: ["x": $0.element])
    })
    let r = try ScenarioReduction.forwardSelection(set, to: 2)
    #expect(r.keptIndices == [1, 2])
    #expect(close(r.scenarioSet.probabilities, [0.5, 0.5], 1e-15) && close(r.distance, 0.5, 1e-15))
  }
}

extension Scenario {
  func with(probability: Double) -> Scenario { var s = self; s.probability = probability; return s }
}
