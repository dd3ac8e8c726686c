import Foundation

/// One unusable input: the bytes of a file, the command that reads it, and the fragment of the
/// one-line message that must name the place (file:line for MPS, the YAML path for models and
/// scenario files). Used by the CLI catalogue (`Tests/DeriskCLITests/BadInputCatalogueTests.swift`,
/// exit status 2, no partial output) and the library catalogue (the same files through the library
/// calls behind the commands, a thrown error with the same fragment).
public struct BadInputCase: Sendable, CustomStringConvertible {
  /// Which reader the file goes to.
  public enum Kind: Sendable { case mps, model, scenarioSet, views, events, arguments }

  public var name: String
  public var kind: Kind
  /// The input file's name (its extension selects the format).
  public var fileName: String
  public var bytes: [UInt8]
  /// The command line; `{in}` is the input's path, `{dir}` the case's own directory (every output the
  /// command is asked for goes there, and nothing but the input may be left in it afterwards).
  public var arguments: [String]
  /// Must occur in the message; `{in}` is the input's path, `{name}` its file name.
  public var fragment: String
  /// Extra environment (the memory limit of `MemoryBudget`).
  public var environment: [String: String]

  public var description: String { name }

  init(_ name: String, _ kind: Kind, _ fileName: String, _ text: String, _ arguments: [String], _ fragment: String,
       environment: [String: String] = [:]) {
    self.init(name, kind, fileName, Array(text.utf8), arguments, fragment, environment: environment)
  }

  init(_ name: String, _ kind: Kind, _ fileName: String, _ bytes: [UInt8], _ arguments: [String], _ fragment: String,
       environment: [String: String] = [:]) {
    self.name = name; self.kind = kind; self.fileName = fileName; self.bytes = bytes
    self.arguments = arguments; self.fragment = fragment; self.environment = environment
  }
}

/// The catalogue of bad inputs (issue 8). Variants are made in code from a small valid MPS file, the
/// hand-solved model of `Tests/Fixtures/planner/hand.yaml` and the gallium scenario files of
/// `Tests/Fixtures/scenarios`, each changed in one place, so the expected place is known by
/// construction.
public enum BadInputCatalogue {
  /// A valid LP (rows on lines 3–5, COLUMNS from line 6, RHS line 10, BOUNDS line 12).
  static let mps = """
    NAME TINY
    ROWS
     N COST
     L LIM1
     G LIM2
    COLUMNS
     X COST 1 LIM1 1
     X LIM2 1
     Y COST 2 LIM1 1
    RHS
     RHS LIM1 4 LIM2 1
    BOUNDS
     UP BND X 4
    ENDATA

    """

  static func fixture(_ path: String) -> String {
    (try? String(contentsOf: fixturesDirectory.appendingPathComponent(path), encoding: .utf8)) ?? ""
  }

  static var hand: String { fixture("planner/hand.yaml") }
  static var gallium: String { fixture("scenarios/gallium.yaml") }
  static var views: String { fixture("scenarios/views.yaml") }
  static var events: String { fixture("scenarios/events.yaml") }
  public static var galliumPath: String { fixturesDirectory.appendingPathComponent("scenarios/gallium.yaml").path }
  public static var viewsPath: String { fixturesDirectory.appendingPathComponent("scenarios/views.yaml").path }
  public static var eventsPath: String { fixturesDirectory.appendingPathComponent("scenarios/events.yaml").path }

  /// `text` with `old` replaced by `new` (the first occurrence only).
  static func replacing(_ text: String, _ old: String, _ new: String) -> String {
    guard let range = text.range(of: old) else { return text + "\n# replacement of '\(old)' not found" }
    return text.replacingCharacters(in: range, with: new)
  }

  /// Deterministic junk: SplitMix64 bytes with a NUL early on.
  static func junk(_ count: Int, seed: UInt64) -> [UInt8] {
    var rng = SplitMix64(seed: seed)
    var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    if count > 3 { bytes[3] = 0 }
    return bytes
  }

  // MARK: - MPS / QPS through `derisk lp`

  static let lp = ["lp", "{in}", "--solution", "{dir}/solution.csv", "--report", "{dir}/report", "--csv", "{dir}/csv"]

  static func mpsCase(_ name: String, _ text: String, _ fragment: String, file: String = "bad.mps",
                      arguments: [String] = lp, environment: [String: String] = [:]) -> BadInputCase {
    BadInputCase(name, .mps, file, text, arguments, fragment, environment: environment)
  }

  static var mpsCases: [BadInputCase] {
    let m = mps
    return [
      mpsCase("MPS: empty file", "", "bad.mps:1: empty file"),
      mpsCase("MPS: only blank lines", "\n\n   \n", "bad.mps:"),
      BadInputCase("MPS: binary junk", .mps, "bad.mps", junk(4096, seed: 1), lp, "bad.mps:1: binary data"),
      mpsCase("MPS: NUL byte inside a line", replacing(m, " X LIM2 1", " X LIM2 \u{0}1"), "bad.mps:8: binary data"),
      mpsCase("MPS: truncated before ENDATA", String(m.prefix(m.count - 8)), "file ends without ENDATA"),
      mpsCase("MPS: truncated in COLUMNS", String(m.split(separator: "\n").prefix(7).joined(separator: "\n")), "bad.mps:"),
      mpsCase("MPS: unknown section", replacing(m, "BOUNDS\n", "FOOBAR\n"), "bad.mps:12: unknown section 'FOOBAR'"),
      mpsCase("MPS: unsupported section", replacing(m, "BOUNDS\n", "SOS\n"), "bad.mps:12: section SOS is not supported"),
      mpsCase("MPS: section twice", replacing(m, "BOUNDS\n", "ROWS\n"), "bad.mps:12: section ROWS appears twice"),
      mpsCase("MPS: COLUMNS before ROWS", "NAME X\nCOLUMNS\n X C 1\nROWS\n N C\nENDATA\n", "bad.mps:2: COLUMNS before ROWS"),
      mpsCase("MPS: data before any section", " X C 1\nNAME X\nENDATA\n", "bad.mps:1: data line before the first section"),
      mpsCase("MPS: unknown row type", replacing(m, " G LIM2", " Q LIM2"), "bad.mps:5: unknown row type 'Q'"),
      mpsCase("MPS: row declared twice", replacing(m, " G LIM2", " G LIM1"), "bad.mps:5: row 'LIM1' is declared twice"),
      mpsCase("MPS: unknown row in COLUMNS", replacing(m, " X LIM2 1", " X LIM9 1"), "bad.mps:8: unknown row 'LIM9' in COLUMNS"),
      mpsCase("MPS: column not contiguous", replacing(m, " Y COST 2 LIM1 1", " Y COST 2 LIM1 1\n X LIM2 1"),
              "bad.mps:10: column 'X' appears again after other columns"),
      mpsCase("MPS: two entries in one row", replacing(m, " X LIM2 1", " X LIM1 1"), "bad.mps:8: column 'X' has two entries in row 'LIM1'"),
      mpsCase("MPS: non-numeric coefficient", replacing(m, " X LIM2 1", " X LIM2 one"), "bad.mps:8:"),
      mpsCase("MPS: NaN coefficient", replacing(m, " X LIM2 1", " X LIM2 NaN"), "bad.mps:8:"),
      mpsCase("MPS: infinite coefficient", replacing(m, " X LIM2 1", " X LIM2 inf"), "bad.mps:8:"),
      mpsCase("MPS: overflowing coefficient", replacing(m, " X LIM2 1", " X LIM2 1e400"), "bad.mps:8:"),
      mpsCase("MPS: overflowing RHS", replacing(m, "RHS LIM1 4", "RHS LIM1 -9e999"), "bad.mps:11:"),
      mpsCase("MPS: RHS of an unknown row", replacing(m, "RHS LIM1 4", "RHS LIM7 4"), "bad.mps:11: unknown row 'LIM7' in RHS"),
      mpsCase("MPS: RHS given twice", replacing(m, " RHS LIM1 4 LIM2 1", " RHS LIM1 4 LIM1 1"), "bad.mps:11: row 'LIM1' has two RHS entries"),
      mpsCase("MPS: missing value in COLUMNS", replacing(m, " X LIM2 1", " X LIM2"), "bad.mps:8:"),
      mpsCase("MPS: unknown bound type", replacing(m, " UP BND X 4", " XX BND X 4"), "bad.mps:13:"),
      mpsCase("MPS: bound on an unknown column", replacing(m, " UP BND X 4", " UP BND Z 4"), "bad.mps:13: unknown column 'Z' in BOUNDS"),
      mpsCase("MPS: bound without value", replacing(m, " UP BND X 4", " UP BND X"), "bad.mps:13:"),
      mpsCase("MPS: semi-continuous bound", replacing(m, " UP BND X 4", " SC BND X 4"), "bad.mps:13: bound type SC (semi-continuous) is not supported"),
      mpsCase("MPS: crossed bounds", replacing(m, " UP BND X 4", " LO BND X 5\n UP BND X 1"), "bad.mps:"),
      mpsCase("MPS: unknown objective sense", replacing(m, "ROWS\n", "OBJSENSE\n    SIDEWAYS\nROWS\n"), "bad.mps:3: unknown objective sense 'SIDEWAYS'"),
      mpsCase("QPS: QUADOBJ of an unknown column", replacing(m, "ENDATA", "QUADOBJ\n X W 1\nENDATA"), "bad.qps:15: unknown column 'W' in QUADOBJ",
              file: "bad.qps"),
      mpsCase("QPS: QUADOBJ entry twice", replacing(m, "ENDATA", "QUADOBJ\n X X 1\n X X 2\nENDATA"), "bad.qps:16: QUADOBJ entry (X, X) given twice",
              file: "bad.qps"),
      mpsCase("QPS: QMATRIX not symmetric", replacing(m, "ENDATA", "QMATRIX\n X Y 1\n Y X 2\nENDATA"), "QMATRIX is not symmetric", file: "bad.qps"),
      mpsCase("QPS: QUADOBJ value missing", replacing(m, "ENDATA", "QUADOBJ\n X X\nENDATA"), "bad.qps:15:", file: "bad.qps"),
      mpsCase("MPS: a YAML model given to lp", hand, "bad.mps:1: unknown section '#'"),
      mpsCase("MPS: one 1 MB line without newline", String(repeating: "A", count: 1 << 20), "bad.mps:1: unknown section 'AAAA"),
      mpsCase("MPS: too large for the memory budget", m, "bad.mps: 2 rows and 2 columns: the dense linear system needs at least",
              environment: ["DERISK_MEMORY_LIMIT_BYTES": "10"]),
      mpsCase("lp: invalid settings (zero iterations)", m, "bad.mps: maxIterations must be ≥ 1, got 0",
              arguments: ["lp", "{in}", "--max-iterations", "0", "--solution", "{dir}/solution.csv"]),
      mpsCase("lp: file that does not exist", m, "no-such.mps: cannot read the file",
              arguments: ["lp", "{dir}/no-such.mps", "--solution", "{dir}/solution.csv"]),
    ]
  }

  // MARK: - Sourcing models through `derisk solve` / `export-mps` / planner commands

  static let solve = ["solve", "{in}", "--json", "--report", "{dir}/report", "--csv", "{dir}/csv"]
  static let export = ["export-mps", "{in}", "--output", "{dir}/program.mps"]

  static func modelCase(_ name: String, _ text: String, _ fragment: String, file: String = "bad.yaml",
                        arguments: [String] = solve, environment: [String: String] = [:]) -> BadInputCase {
    BadInputCase(name, .model, file, text, arguments, fragment, environment: environment)
  }

  static var modelCases: [BadInputCase] {
    let h = hand
    let offerA = "{material: m, capacity: 100, unit_cost: 10, contract_fee: 2}"
    let json = """
      {"name": "j", "destination": "D",
       "materials": [{"id": "m", "demand": 100, "shortfall_penalty": 100}],
       "suppliers": [{"id": "A", "country": "X", "origin": "O", "offers": [{"material": "m", "capacity": 100, "unit_cost": 10}]}],
       "nodes": [{"id": "O"}, {"id": "D"}],
       "legs": [{"id": "L", "from": "O", "to": "D", "mode": "sea", "capacity": 100, "cost": 1, "days": 1}],
       "scenarios": [{"name": "s", "probability": 1}]}

      """
    return [
      modelCase("model: empty file", "", "{in}: the file is empty"),
      modelCase("model: only a comment", "# nothing here\n", "{in}:"),
      BadInputCase("model: binary junk", .model, "bad.yaml", junk(2048, seed: 2), solve, "{in}: file is not UTF-8 text"),
      modelCase("model: unknown extension", h, "unknown file type \".txt\"", file: "bad.txt"),
      modelCase("model: YAML syntax error", replacing(h, "nodes: [{id: OA}", "nodes: [{id: OA"), "{in}: not valid YAML: line 10:"),
      modelCase("model: top level is a list", "- a\n- b\n", "{in}:"),
      modelCase("model: NaN capacity", replacing(h, offerA, "{material: m, capacity: .nan, unit_cost: 10, contract_fee: 2}"),
                "{in}: suppliers[0].offers[0].capacity: must be finite, got nan"),
      modelCase("model: infinite capacity", replacing(h, offerA, "{material: m, capacity: .inf, unit_cost: 10, contract_fee: 2}"),
                "{in}: suppliers[0].offers[0].capacity: must be finite, got inf"),
      modelCase("model: overflowing number", replacing(h, offerA, "{material: m, capacity: 1e400, unit_cost: 10, contract_fee: 2}"),
                "{in}: suppliers[0].offers[0].capacity: must be finite"),
      modelCase("model: negative capacity", replacing(h, offerA, "{material: m, capacity: -5, unit_cost: 10, contract_fee: 2}"),
                "{in}: suppliers[0].offers[0].capacity: must be ≥ 0, got -5"),
      modelCase("model: negative demand", replacing(h, "demand: 100", "demand: -100"), "{in}: materials[0].demand: must be ≥ 0, got -100"),
      modelCase("model: NaN leg cost", replacing(h, "capacity: 80, cost: 5", "capacity: 80, cost: .nan"), "{in}: legs[2].cost: must be finite, got nan"),
      modelCase("model: missing demand", replacing(h, "demand: 100, ", ""), "{in}: materials[0]: missing key \"demand\""),
      modelCase("model: missing destination", replacing(h, "destination: D\n", ""), "{in}: missing key \"destination\""),
      modelCase("model: demand is text", replacing(h, "demand: 100", "demand: lots"), "{in}: materials[0].demand: expected a number"),
      modelCase("model: materials is a number", replacing(h, "materials:\n", "materials: 5\nunused:\n"), "{in}: materials: expected a"),
      modelCase("model: duplicate supplier id", replacing(h, "{id: B,", "{id: A,"), "{in}: suppliers[1].id: duplicate id \"A\""),
      modelCase("model: duplicate node id", replacing(h, "{id: H}", "{id: OA}"), "{in}: nodes[2].id: duplicate id \"OA\""),
      modelCase("model: duplicate scenario name", replacing(h, "name: disrupted", "name: normal"), "{in}: scenarios[1].name: duplicate name \"normal\""),
      modelCase("model: empty id", replacing(h, "{id: OA}", "{id: \"\"}"), "{in}: nodes[0].id: must not be empty"),
      modelCase("model: leg to an unknown node", replacing(h, "from: OA, to: H", "from: OA, to: Z"), "{in}: legs[0].to: unknown node \"Z\""),
      modelCase("model: leg from and to the same node", replacing(h, "from: OA, to: H", "from: OA, to: OA"), "{in}: legs[0]: starts and ends at \"OA\""),
      modelCase("model: unknown destination", replacing(h, "destination: D", "destination: Tokyo"), "{in}: destination: unknown node \"Tokyo\""),
      modelCase("model: unknown origin", replacing(h, "origin: OA", "origin: OZ"), "{in}: suppliers[0].origin: unknown node \"OZ\""),
      modelCase("model: offer of an unknown material", replacing(h, offerA, "{material: gold, capacity: 100, unit_cost: 10}"),
                "{in}: suppliers[0].offers[0].material: unknown material \"gold\""),
      modelCase("model: corridor of an unknown leg", replacing(h, "legs: [LH]", "legs: [LX]"), "{in}: corridors[0].legs[0]: unknown leg \"LX\""),
      modelCase("model: effect on an unknown supplier", replacing(h, "{supplier: A, capacity: 0}", "{supplier: Q, capacity: 0}"),
                "{in}: scenarios[1].effects[0].supplier: unknown supplier \"Q\""),
      modelCase("model: negative effect multiplier", replacing(h, "{supplier: A, capacity: 0}", "{supplier: A, capacity: -1}"),
                "{in}: scenarios[1].effects[0].capacity: multiplier must be ≥ 0 and finite, got -1"),
      modelCase("model: mixed effect selectors", replacing(h, "{supplier: A, capacity: 0}", "{supplier: A, leg: LA, capacity: 0}"),
                "{in}: scenarios[1].effects[0]: mixes transport selectors"),
      modelCase("model: probabilities do not sum to one", replacing(h, "probability: 0.8", "probability: 0.7"),
                "{in}: scenarios: probabilities must sum to 1 (within 1e-9), got 0.89"),
      modelCase("model: negative probability", replacing(replacing(h, "probability: 0.8", "probability: 1.2"), "probability: 0.2", "probability: -0.2"),
                "{in}: scenarios[1].probability: must be ≥ 0 and finite, got -0.2"),
      modelCase("model: NaN probability", replacing(h, "probability: 0.2", "probability: .nan"), "{in}: scenarios[1].probability: must be ≥ 0 and finite, got nan"),
      modelCase("model: empty materials", replacing(h, "materials:\n  - {id: m, demand: 100, shortfall_penalty: 100, value_per_tonne: 0, spot: {price: 60, volume: 50}}\n",
                                                   "materials: []\n"), "{in}: materials: must hold at least one material"),
      modelCase("model: empty scenarios", replacing(h, "scenarios:\n  - {name: normal, probability: 0.8}\n  - {name: disrupted, probability: 0.2, effects: [{supplier: A, capacity: 0}]}\n",
                                                   "scenarios: []\n"), "{in}: scenarios: must hold at least one scenario"),
      modelCase("model: supplier without offers", replacing(h, "offers: [\(offerA)]", "offers: []"), "{in}: suppliers[0].offers: must hold at least one offer"),
      modelCase("model: unreachable destination", replacing(h, "{id: LH, from: H, to: D", "{id: LH, from: D, to: H"),
                "{in}: suppliers[0].origin: no leg path leads from \"OA\" to the destination \"D\""),
      modelCase("model: CVaR confidence 1.5", replacing(h, "policy: {risk_measure: expectation}", "policy: {cvar_confidence: 1.5}"),
                "{in}: policy.cvar_confidence: must be in [0, 1), got 1.5"),
      modelCase("model: negative risk aversion", replacing(h, "policy: {risk_measure: expectation}", "policy: {risk_aversion: -1}"),
                "{in}: policy.risk_aversion: must be ≥ 0, got -1"),
      modelCase("model: share cap above one", replacing(h, "policy: {risk_measure: expectation}", "policy: {country_share_caps: [{country: X, share: 2}]}"),
                "{in}: policy.country_share_caps[0].share: must be in [0, 1], got 2"),
      modelCase("model: share cap on an unknown country", replacing(h, "policy: {risk_measure: expectation}", "policy: {country_share_caps: [{country: Atlantis, share: 0.5}]}"),
                "{in}: policy.country_share_caps[0].country: no supplier is in \"Atlantis\""),
      modelCase("model: realisation probability 0", replacing(h, "origin: OA,", "origin: OA, realisation_probability: 0,"),
                "{in}: suppliers[0].realisation_probability: must be in (0, 1], got 0"),
      modelCase("model: unknown risk measure", replacing(h, "risk_measure: expectation", "risk_measure: vibes"), "{in}: policy.risk_measure"),
      modelCase("model JSON: NaN token", replacing(json, "\"demand\": 100", "\"demand\": NaN"), "{in}: unreadable", file: "bad.json"),
      modelCase("model JSON: truncated", String(json.prefix(120)), "{in}: unreadable", file: "bad.json"),
      modelCase("model JSON: capacity is a string", replacing(json, "\"capacity\": 100, \"unit_cost\"", "\"capacity\": \"100\", \"unit_cost\""),
                "{in}: suppliers[0].offers[0].capacity: expected a number", file: "bad.json"),
      modelCase("model JSON: null demand", replacing(json, "\"demand\": 100", "\"demand\": null"), "{in}: materials[0].demand", file: "bad.json"),
      modelCase("model JSON: huge number", replacing(json, "\"demand\": 100", "\"demand\": 1e999"), "{in}:", file: "bad.json"),
      modelCase("export-mps: bad model writes no file", replacing(h, "demand: 100", "demand: -1"), "{in}: materials[0].demand: must be ≥ 0", arguments: export),
      modelCase("export-mps: unknown output extension is fine but bad model is not", "", "{in}: the file is empty", arguments: export),
      modelCase("frontier: bad model", replacing(h, "from: OA, to: H", "from: OA, to: Z"), "{in}: legs[0].to: unknown node \"Z\"",
                arguments: ["frontier", "{in}", "--report", "{dir}/report", "--csv", "{dir}/csv"]),
      modelCase("stress: bad model", replacing(h, "probability: 0.8", "probability: 0.7"), "{in}: scenarios: probabilities must sum to 1",
                arguments: ["stress", "{in}", "--report", "{dir}/report"]),
      modelCase("value: unknown corridor", h, "--corridor: unknown corridor \"nowhere\"", arguments: ["value", "{in}", "--corridor", "nowhere", "--report", "{dir}/report"]),
      modelCase("solve: model too large for the memory budget", h, "needs at least", environment: ["DERISK_MEMORY_LIMIT_BYTES": "1000"]),
      modelCase("solve: file that does not exist", h, "no-such.yaml: cannot read file", arguments: ["solve", "{dir}/no-such.yaml", "--report", "{dir}/report"]),
    ]
  }

  // MARK: - Scenario sets, views, events through `derisk reweight` / `derisk scenarios`

  static var reweight: [String] { ["reweight", "{in}", "--views", viewsPath, "--json", "--csv", "{dir}/csv"] }
  static var reweightViews: [String] { ["reweight", galliumPath, "--views", "{in}", "--json", "--report", "{dir}/report"] }
  static let scenarios = ["scenarios", "{in}", "--json", "--csv", "{dir}/csv"]

  static var scenarioCases: [BadInputCase] {
    let g = gallium, v = views, e = events
    return [
      BadInputCase("scenarios: empty file", .scenarioSet, "bad.yaml", "", reweight, "{in}: the file is empty"),
      BadInputCase("scenarios: probabilities do not sum to one", .scenarioSet, "bad.yaml", replacing(g, "probability: 0.55", "probability: 0.65"),
                   reweight, "{in}: scenarios"),
      BadInputCase("scenarios: NaN probability", .scenarioSet, "bad.yaml", replacing(g, "probability: 0.55", "probability: .nan"),
                   reweight, "{in}: scenarios[0].probability"),
      BadInputCase("scenarios: negative probability", .scenarioSet, "bad.yaml", fixture("scenarios/bad-probability.yaml"),
                   reweight, "{in}: scenarios[3].probability: must be ≥ 0, got -0.1"),
      BadInputCase("scenarios: duplicate name", .scenarioSet, "bad.yaml", replacing(g, "name: both", "name: calm"), reweight, "{in}: scenarios[3].name"),
      BadInputCase("scenarios: empty list", .scenarioSet, "bad.yaml", "scenarios: []\n", reweight, "{in}: scenarios"),
      BadInputCase("scenarios: probability is text", .scenarioSet, "bad.json", fixture("scenarios/bad-type.json"), reweight,
                   "{in}: scenarios[1].probability: expected a number"),
      BadInputCase("scenarios: infinite attribute", .scenarioSet, "bad.yaml", replacing(g, "delay_days: 10}", "delay_days: .inf}"),
                   reweight, "{in}: scenarios[0].attributes"),
      BadInputCase("scenarios: binary junk", .scenarioSet, "bad.yaml", junk(512, seed: 3), reweight, "{in}: file is not UTF-8 text"),
      BadInputCase("views: conflicting views", .views, "bad.yaml", """
        views:
          - {name: calm likely, event: {scenarios: [calm]}, probability: 0.9, relation: ">="}
          - {name: calm unlikely, event: {scenarios: [calm]}, probability: 0.1, relation: "<="}

        """, reweightViews, "{in}: conflicting views: \"calm likely\", \"calm unlikely\" cannot hold together"),
      BadInputCase("views: unknown scenario", .views, "bad.yaml", replacing(v, "[licence squeeze, both]", "[licence squeeze, nobody]"),
                   reweightViews, "{in}: views[0].event.scenarios[1]: unknown scenario \"nobody\""),
      BadInputCase("views: probability above one", .views, "bad.yaml", replacing(v, "probability: 0.4", "probability: 1.5"), reweightViews, "{in}: views[0]"),
      BadInputCase("views: unknown attribute", .views, "bad.yaml", replacing(v, "expectation: delay_days", "expectation: weather"),
                   reweightViews, "{in}: views[1]: scenarios[0].attributes: has no attribute \"weather\""),
      BadInputCase("views: unknown relation", .views, "bad.yaml", replacing(v, "relation: \"<=\"", "relation: \"~\""), reweightViews, "{in}: views[1]"),
      BadInputCase("views: empty file", .views, "bad.yaml", "", reweightViews, "{in}: the file is empty"),
      BadInputCase("events: probability above one", .events, "bad.yaml", replacing(e, "probability: 0.1", "probability: 2"), scenarios, "{in}: events[0]"),
      BadInputCase("events: NaN probability", .events, "bad.yaml", replacing(e, "probability: 0.1", "probability: .nan"), scenarios, "{in}: events[0]"),
      BadInputCase("events: condition on a later event", .events, "bad.yaml", replacing(e, "when: [sanctions regime]", "when: [Caspian low water]"),
                   scenarios, "{in}: events[1].given[0].when[0]"),
      BadInputCase("events: threshold 1.5", .events, "bad.yaml", replacing(e, "threshold: 0.001", "threshold: 1.5"), scenarios, "{in}: threshold"),
      BadInputCase("events: effects is a list", .events, "bad.yaml", replacing(e, "effects: {delay_days: 7}", "effects: [7]"), scenarios, "{in}: events[3].effects"),
      BadInputCase("events: 10^12 samples", .events, "ok.yaml", e, ["scenarios", "{in}", "--samples", "1000000000000", "--csv", "{dir}/csv"],
                   "{in}: samples: must be at most"),
      BadInputCase("events: zero samples", .events, "ok.yaml", e, ["scenarios", "{in}", "--samples", "0", "--csv", "{dir}/csv"], "{in}: samples: must be ≥ 1"),
    ]
  }

  // MARK: - Arguments that declare sizes

  static var argumentCases: [BadInputCase] {
    [
      BadInputCase("generate: 10^12 scenarios", .arguments, "unused.txt", "", ["generate", "--scenarios", "1000000000000", "--output", "{dir}/g.yaml"],
                   "scenarios: 2 materials × 6 suppliers × 3 corridors × 1000000000000 scenarios: the model and its program"),
      BadInputCase("generate: 10^9 suppliers", .arguments, "unused.txt", "", ["generate", "--suppliers", "1000000000", "--output", "{dir}/g.json"],
                   "needs at least"),
      BadInputCase("generate: fewer suppliers than materials", .arguments, "unused.txt", "", ["generate", "--materials", "3", "--suppliers", "2", "--output", "{dir}/g.yaml"],
                   "suppliers: must be ≥ the number of materials (3), got 2"),
      BadInputCase("generate: zero corridors", .arguments, "unused.txt", "", ["generate", "--corridors", "0", "--output", "{dir}/g.yaml"],
                   "corridors: must be ≥ 1, got 0"),
      BadInputCase("generate: unknown output extension", .arguments, "unused.txt", "", ["generate", "--output", "{dir}/g.txt"], "unknown file type \".txt\""),
      BadInputCase("generate: output directory missing", .arguments, "unused.txt", "", ["generate", "--output", "{dir}/missing/g.yaml"], "missing/g.yaml"),
    ]
  }

  /// Every case.
  public static var cases: [BadInputCase] { mpsCases + modelCases + scenarioCases + argumentCases }
}
