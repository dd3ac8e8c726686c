import DeriskSolvers
import DeriskSourcing
import Testing

/// The sourcing program builds its scenario blocks in chunks of 128 scenarios, in parallel on copies of the
/// first-stage model, and appends them in order (`SourcingProgram.addScenarioBlocks`). Every block must come
/// out as the program of that scenario alone builds it: the same columns and rows by name, the same bounds
/// and coefficients, terms on its own columns or the first stage's, at the block order the loop would give.
@Suite struct ChunkedProgramBuildTests {
  /// A row as names and numbers: its bounds and its terms by variable name, in stored order.
  struct Row: Equatable {
    var lower: Double, upper: Double
    var terms: [String]
    var coefficients: [Double]
  }

  /// The rows and columns of `block` in `model`, by name.
  static func content(of block: BlockLabel, in model: Model) throws -> (columns: [String: [Double]], rows: [String: Row]) {
    var columns: [String: [Double]] = [:], rows: [String: Row] = [:]
    for v in model.variables where try model.block(of: v) == block {
      let (lower, upper) = try model.bounds(of: v)
      columns[try model.name(of: v)] = [lower, upper]
    }
    for c in model.constraints where try model.block(of: c) == block {
      let e = try model.expression(of: c)
      let (lower, upper) = try model.bounds(of: c)
      rows[try model.name(of: c)] = Row(lower: lower, upper: upper, terms: try e.variables.map(model.name(of:)),
                                        coefficients: e.coefficients)
    }
    return (columns, rows)
  }

  /// 300 scenarios: scenario 0 alone, then chunks 1–128, 129–256, 257–299. The scenarios on each side of a
  /// chunk's edge are compared with their one-scenario programs (expectation: no risk rows, whose names
  /// count scenarios); every scenario's block has the same size and lies after the one before.
  @Test func everyChunkEdgeBuildsTheBlockOfItsScenarioAlone() throws {
    var model = try InstanceGenerator.generate(materials: 2, suppliers: 6, corridors: 3, scenarios: 300, seed: 5)
    model.policy.riskMeasure = .expectation
    let parameters = model.scenarioParameters()
    let names = model.scenarios.map(\.name)
    let program = try SourcingProgram(sourcingModel: model, parameters: parameters,
                                      probabilities: model.scenarios.map(\.probability), scenarioNames: names)
    for s in [0, 1, 127, 128, 129, 256, 257, 299] {
      let alone = try SourcingProgram(sourcingModel: model, parameters: [parameters[s]], probabilities: [1], scenarioNames: [names[s]])
      let expected = try Self.content(of: .scenario(0), in: alone.model)
      let built = try Self.content(of: .scenario(s), in: program.model)
      #expect(!expected.rows.isEmpty && !expected.columns.isEmpty)
      #expect(built.columns == expected.columns, "scenario \(s): columns")
      #expect(built.rows == expected.rows, "scenario \(s): rows")
    }
    // Blocks in scenario order, each of one size, their rows on their own columns or the first stage's.
    let model_ = program.model
    var firstColumn = [Int](repeating: Int.max, count: 300), columnCount = [Int](repeating: 0, count: 300)
    for v in model_.variables {
      if case .scenario(let s)? = try model_.block(of: v) { firstColumn[s] = min(firstColumn[s], v.index); columnCount[s] += 1 }
    }
    #expect(Set(columnCount).count == 1)
    #expect(zip(firstColumn, firstColumn.dropFirst()).allSatisfy { $0 + columnCount[0] == $1 })
    var strayTerms = 0
    for c in model_.constraints {
      guard case .scenario(let s)? = try model_.block(of: c) else { continue }
      for v in try model_.expression(of: c).variables {
        let b = try model_.block(of: v)
        if b != .firstStage && b != .scenario(s) { strayTerms += 1 }
      }
    }
    #expect(strayTerms == 0)
  }
}
