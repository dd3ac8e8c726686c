import DeriskScenarios
import DeriskSourcing
import Foundation
import Testing

/// One test per validation rule: the error names the path of the offending entry.
@Suite struct ValidationTests {
  let base = handModel(feeB: 2, disruptedProbability: 0.2, policy: Policy())

  func error(_ model: SourcingModel) -> SourcingError? {
    do { try model.validate(); return nil } catch let e as SourcingError { return e } catch { return nil }
  }

  @Test func theBaseModelIsValid() { #expect(error(base) == nil) }

  @Test func unknownNodeIsNamed() {
    var m = base
    m.legs[2].to = "TOKYO"
    #expect(error(m)?.path == "legs[2].to")
    #expect(error(m)?.message.contains("TOKYO") == true)
    var n = base
    n.suppliers[1].origin = "NOWHERE"
    #expect(error(n)?.path == "suppliers[1].origin")
  }

  @Test func unknownSupplierIsNamed() {
    var m = base
    m.scenarios[1].effects[0].supplier = "Z"
    #expect(error(m)?.path == "scenarios[1].effects[0].supplier")
    #expect(error(m)?.message.contains("\"Z\"") == true)
  }

  @Test func duplicateIdsAreNamed() {
    var m = base
    m.suppliers[1].id = "A"
    #expect(error(m)?.path == "suppliers[1].id")
    #expect(error(m)?.message.contains("suppliers[0]") == true)
    var n = base
    n.legs[1].id = "LA"
    #expect(error(n)?.path == "legs[1].id")
  }

  @Test func negativeCapacitiesAreNamed() {
    var m = base
    m.suppliers[0].offers[0].capacity = -5
    #expect(error(m)?.path == "suppliers[0].offers[0].capacity")
    #expect(error(m)?.message.contains("-5") == true)
    var n = base
    n.legs[2].capacity = -1
    #expect(error(n)?.path == "legs[2].capacity")
  }

  @Test func probabilitiesMustSumToOne() {
    var m = base
    m.scenarios[1].probability = 0.3
    #expect(error(m)?.path == "scenarios")
    #expect(error(m)?.message.contains("1.1") == true)
  }

  @Test func aMaterialNobodySuppliesIsNamed() {
    var m = base
    m.materials.append(Material(id: "ga", valuePerTonne: 1, demand: 10, shortfallPenalty: 5))
    #expect(error(m)?.path == "materials[1]")
    #expect(error(m)?.message.contains("ga") == true)
  }

  @Test func anUnreachableSupplierIsNamed() {
    var m = base
    m.nodes.append(Node(id: "ISLAND"))
    m.suppliers[1].origin = "ISLAND"
    #expect(error(m)?.path == "suppliers[1].origin")
    #expect(error(m)?.message.contains("ISLAND") == true)
  }

  /// A file error carries the file's path in front of the place inside it.
  @Test func loadingNamesTheFileAndThePlace() throws {
    var m = base
    m.legs[0].capacity = -3
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("derisk-invalid-\(UInt32.random(in: 0...UInt32.max)).json").path
    let text = try m.encoded(as: .json)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: SourcingError(path: "\(path): legs[0].capacity", message: "must be ≥ 0, got -3")) {
      try SourcingModel.load(path: path)
    }
  }

  /// A decoding error names the key path (a string where a number belongs).
  @Test func decodingErrorsNameTheKeyPath() {
    let yaml = """
      destination: D
      materials: [{id: m, demand: lots, shortfall_penalty: 1}]
      suppliers: []
      nodes: [{id: D}]
      scenarios: [{name: s, probability: 1}]
      """
    #expect(throws: SourcingError.self) { try SourcingModel.decode(yaml, format: .yaml) }
    do { _ = try SourcingModel.decode(yaml, format: .yaml) } catch let e as SourcingError {
      #expect(e.path == "materials[0].demand")
    } catch { Issue.record("unexpected \(error)") }
  }
}
