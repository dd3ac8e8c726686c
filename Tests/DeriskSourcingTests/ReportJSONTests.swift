import DeriskSourcing
import Foundation
import Testing

/// `ReportJSON` writes its JSON with its own encoder (about twice as fast as `JSONEncoder` on large
/// plans); its output must stay byte for byte what `JSONEncoder` writes with the same options, which
/// is what users and their scripts have been reading. The reference here is Foundation's encoder itself.
@Suite struct ReportJSONTests {
  /// `JSONEncoder` with `ReportJSON`'s options: snake case, pretty, sorted, slashes unescaped,
  /// non-finite numbers as strings.
  static func reference<T: Encodable>(_ value: T, escapingSlashes: Bool = false) throws -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = escapingSlashes ? [.prettyPrinted, .sortedKeys] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// The first line where two texts differ, for a readable failure.
  static func firstDifference(_ a: String, _ b: String) -> String {
    let la = a.split(separator: "\n", omittingEmptySubsequences: false), lb = b.split(separator: "\n", omittingEmptySubsequences: false)
    for (i, (x, y)) in zip(la, lb).enumerated() where x != y { return "line \(i + 1): \(x) | \(y)" }
    return la.count == lb.count ? "none" : "lengths \(la.count) and \(lb.count) lines"
  }

  /// A plan with 200 generated scenarios, with VSS and EVPI: every section of `derisk solve --json`,
  /// including the shadow prices' per-scenario objects of 200 members (sorted by the large-object path).
  @Test func generatedPlanMatchesFoundation() throws {
    let model = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 200, seed: 2)
    let plan = try model.solve(options: SourcingSolveOptions())
    let ours = try ReportJSON.string(plan), theirs = try Self.reference(plan)
    #expect(ours == theirs, "\(Self.firstDifference(ours, theirs))")
    #expect(ours.contains("\"per_scenario\" : {"))
    // `SourcingPlan.json()` keeps Foundation's escaped slashes.
    let json = try plan.json(), escaped = try Self.reference(plan, escapingSlashes: true)
    #expect(json == escaped, "\(Self.firstDifference(json, escaped))")
  }

  /// Arrays and objects of 2,048 elements or members and more are written in parts of 1,024 on all cores and
  /// joined: 2,500 objects (parts 1,024 + 1,024 + 452) with escapes, numbers and a nested long array of 3,000
  /// numbers in one of them, an array of exactly 2,048, and a dictionary of 2,500 members, come out as
  /// Foundation writes them, separators, indents and key order at the parts' joins included.
  @Test func longArraysWrittenInPartsMatchFoundation() throws {
    struct Row: Encodable {
      var scenarioName: String, cost: Double, parts: [String: Double], nested: [Double]?
    }
    let long: [Double] = (0..<3_000).map { Double($0) / 8 }
    let rows: [Row] = (0..<2_500).map { (k: Int) -> Row in
      let name: String = k % 7 == 0 ? "s\(k)/\"quoted\"\n" : "s\(k)"
      let freight: Double = k % 3 == 0 ? .infinity : 0.1 * Double(k)
      let nested: [Double]? = k == 1_500 ? long : (k % 2 == 0 ? [] : nil)
      return Row(scenarioName: name, cost: Double(k) * 1.5 - 0.25, parts: ["goods": Double(k), "freight": freight], nested: nested)
    }
    struct Document: Encodable { var rows: [Row], exact: [Int], perScenario: [String: Double] }
    // An object of 2,500 members (a shadow price's per-scenario prices), written in parts in its sorted order.
    let perScenario = Dictionary(uniqueKeysWithValues: (0..<2_500).map { ("s\($0)", Double($0) / 3) })
    let document = Document(rows: rows, exact: Array(0..<2_048), perScenario: perScenario)
    let ours = try ReportJSON.string(document), theirs = try Self.reference(document)
    #expect(ours == theirs, "\(Self.firstDifference(ours, theirs))")
    #expect(ours.contains("\"scenario_name\" : \"s2498\"") && ours.contains("\"scenario_name\" : \"s2499/\\\"quoted"))
  }

  /// The planner's hand model's stress test (`derisk stress --json`): nested objects and optional values.
  @Test func stressTestMatchesFoundation() throws {
    let model = try SourcingModel.load(path: sourcingFixtures.deletingLastPathComponent()
      .appendingPathComponent("planner/hand.yaml").path)
    let stress = try model.stressTest()
    let ours = try ReportJSON.string(stress), theirs = try Self.reference(stress)
    #expect(ours == theirs, "\(Self.firstDifference(ours, theirs))")
  }

  /// Every rule on one value: escapes and non-ASCII text, slashes, numbers of every kind (integral
  /// doubles lose ".0", non-finite ones become strings), empty and nested containers, nil and absent
  /// optionals, keys Foundation converts (and the keys of a `[String: V]`, which it does not), byte
  /// order of keys, a key written twice, and the types Foundation special-cases.
  @Test func everyRuleMatchesFoundation() throws {
    struct Inner: Encodable { let aB: Int; let values: [Double] }
    struct Twice: Encodable {
      enum CodingKeys: String, CodingKey { case sameKey }
      func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(1, forKey: .sameKey)
        try c.encode("second", forKey: .sameKey)
      }
    }
    struct Everything: Encodable {
      let text = "quote \" backslash \\ slash / newline \n tab \t return \r bell \u{07} unit \u{1F} é 日本 🚢"
      let doubles: [Double] = [0, -0.0, 1, -2.5, 1e-7, 123456789012345680, 1e300, .leastNonzeroMagnitude, .infinity, -.infinity, .nan, 0.1 + 0.2]
      let floats: [Float] = [1, 0.1, .infinity]
      let integers: [Int64] = [.min, -1, 0, .max]
      let unsigned: [UInt64] = [0, .max]
      let small: [Int8] = [-128, 127]
      let flags = [true, false]
      let emptyArray: [Int] = []
      let emptyDictionary: [String: Int] = [:]
      let nestedEmpty: [[Int]] = [[], [1], []]
      let missing: Double? = nil
      let present: String? = "here"
      let myURLProperty = "https://example.com/a/b"
      let already_snake = 1
      let _leadingUnderscore = 2
      let trailingUnderscore_ = 3
      let a1B2c3 = 4
      let byName: [String: Double] = ["camelCaseKey": 1, "B": 2, "a": 3, "é": 4, "10": 5, "9": 6, "Z": 7]
      let many = Dictionary(uniqueKeysWithValues: (0..<40).map { ("scenario\($0)", Double($0)) })
      let inner = [Inner(aB: 1, values: []), Inner(aB: 2, values: [3.5])]
      let twice = Twice()
      let data = Data([0, 1, 2, 250, 255])
      let url = URL(string: "https://example.com/x?y=1")!
      let decimal = Decimal(string: "12.345")!
      let größe = "non-ASCII key"
      func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey {
          case text, doubles, floats, integers, unsigned, small, flags, emptyArray, emptyDictionary, nestedEmpty
          case missing, present, explicitNil, myURLProperty, already_snake, _leadingUnderscore, trailingUnderscore_
          case a1B2c3, byName, many, inner, nestedList, parentPart, twice, data, url, decimal, größe
        }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(text, forKey: .text)
        try c.encode(doubles, forKey: .doubles)
        try c.encode(floats, forKey: .floats)
        try c.encode(integers, forKey: .integers)
        try c.encode(unsigned, forKey: .unsigned)
        try c.encode(small, forKey: .small)
        try c.encode(flags, forKey: .flags)
        try c.encode(emptyArray, forKey: .emptyArray)
        try c.encode(emptyDictionary, forKey: .emptyDictionary)
        try c.encode(nestedEmpty, forKey: .nestedEmpty)
        try c.encodeIfPresent(missing, forKey: .missing)
        try c.encodeIfPresent(present, forKey: .present)
        try c.encodeNil(forKey: .explicitNil)
        try c.encode(myURLProperty, forKey: .myURLProperty)
        try c.encode(already_snake, forKey: .already_snake)
        try c.encode(_leadingUnderscore, forKey: ._leadingUnderscore)
        try c.encode(trailingUnderscore_, forKey: .trailingUnderscore_)
        try c.encode(a1B2c3, forKey: .a1B2c3)
        try c.encode(byName, forKey: .byName)
        try c.encode(many, forKey: .many)
        try c.encode(inner, forKey: .inner)
        try c.encode(twice, forKey: .twice)
        try c.encode(data, forKey: .data)
        try c.encode(url, forKey: .url)
        try c.encode(decimal, forKey: .decimal)
        try c.encode(größe, forKey: .größe)
        var list = c.nestedUnkeyedContainer(forKey: .nestedList)
        try list.encode(1.0)
        var object = list.nestedContainer(keyedBy: K.self)
        try object.encode(2, forKey: .a1B2c3)
        // Super encoders, as a subclass encodes its superclass's part: keyed and unkeyed.
        try Inner(aB: 3, values: [4]).encode(to: c.superEncoder(forKey: .parentPart))
        try Inner(aB: 5, values: []).encode(to: list.superEncoder())
      }
    }
    let ours = try ReportJSON.string(Everything()), theirs = try Self.reference(Everything())
    #expect(ours == theirs, "\(Self.firstDifference(ours, theirs))")
    // A few of the rules, stated (so that a change in Foundation would show up here too).
    #expect(ours.contains("\"already_snake\" : 1"))
    #expect(ours.contains("\"my_url_property\" : \"https://example.com/a/b\""))
    #expect(ours.contains("\"camelCaseKey\" : 1"))
    #expect(ours.contains("\"same_key\" : \"second\""))
    #expect(ours.contains("\"empty_array\" : [\n\n  ]"))
    #expect(ours.contains("\"parent_part\" : {"))
    #expect(ours.contains("inf") && ours.contains("\"nan\""))
    // Top-level values other than objects.
    #expect(try ReportJSON.string([1.5, 2]) == Self.reference([1.5, 2]))
    #expect(try ReportJSON.string("a/b") == Self.reference("a/b"))
    #expect(try ReportJSON.string(["x": ["yZ": 1]]) == Self.reference(["x": ["yZ": 1]]))
  }
}
