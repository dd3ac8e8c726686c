import DeriskSolvers
import DeriskSourcing
import Testing

/// The value of information's one-scenario programs come from `OneScenarioPrograms`, which builds the first
/// stage once and adds each scenario's block to a copy of it. Each must be the program that
/// `SourcingProgram` builds for that scenario alone (probability 1, the risk-neutral policy), equal in
/// every column, row, bound and coefficient: the costs they give are the wait-and-see costs and EEV.
@Suite struct OneScenarioProgramTests {
  /// Scenario s alone, built from scratch and lowered without names.
  static func alone(_ model: SourcingModel, _ parameters: [ScenarioParameters], _ s: Int,
                    fixed: SourcingProgram.FirstStageDecision? = nil) throws -> QuadraticProgram {
    var neutral = model
    neutral.policy.riskMeasure = .expectation
    return try SourcingProgram(sourcingModel: neutral, parameters: [parameters[s]], probabilities: [1],
                               scenarioNames: [model.scenarios[s].name], fixedFirstStage: fixed)
      .model.lowered(withNames: false).program
  }

  /// Two generated models (the benchmark's shape and a smaller one), every scenario, contracts free: the
  /// programs are equal, although the shared first stage bounds each contract by the largest capacity over
  /// all scenarios (the copy sets scenario s's). The model's own risk measure (CVaR) is ignored.
  @Test(arguments: [[3, 12, 6, 1], [2, 6, 3, 5]])
  func eachProgramIsTheScenarioBuiltAlone(_ size: [Int]) throws {
    let model = try InstanceGenerator.generate(materials: size[0], suppliers: size[1], corridors: size[2], scenarios: 40,
                                               seed: UInt64(size[3]))
    #expect(model.policy.riskMeasure == .cvar)
    let parameters = model.scenarioParameters()
    let programs = try OneScenarioPrograms(model, parameters: parameters, scenarioNames: model.scenarios.map(\.name),
                                           fixedFirstStage: nil)
    let largest = parameters.dropFirst().reduce(parameters[0].offerCapacity) { a, p in
      zip(a, p.offerCapacity).map { zip($0, $1).map(max) }
    }
    var belowLargest = 0
    for s in parameters.indices {
      #expect(try programs.program(s) == Self.alone(model, parameters, s), "scenario \(s)")
      if parameters[s].offerCapacity != largest { belowLargest += 1 }
    }
    // The equality above would not test the contracts' bounds if every scenario had the largest capacities.
    #expect(belowLargest > 0)
  }

  /// With the first stage fixed (EEV's programs): contracts and reservations held at given values.
  @Test func eachProgramWithFixedContractsIsTheScenarioBuiltAlone() throws {
    let model = try InstanceGenerator.generate(materials: 3, suppliers: 12, corridors: 6, scenarios: 30, seed: 2)
    let parameters = model.scenarioParameters()
    let first = try SourcingProgram(sourcingModel: model, parameters: parameters,
                                    probabilities: model.scenarios.map(\.probability),
                                    scenarioNames: model.scenarios.map(\.name))
    let decision = SourcingProgram.FirstStageDecision(
      contracts: first.contract.enumerated().map { i, row in row.indices.map { o in 10 * Double(i + o) } },
      reservations: first.reserve.map { $0 == nil ? 0 : 25 })
    let programs = try OneScenarioPrograms(model, parameters: parameters, scenarioNames: model.scenarios.map(\.name),
                                           fixedFirstStage: decision)
    for s in parameters.indices {
      #expect(try programs.program(s) == Self.alone(model, parameters, s, fixed: decision), "scenario \(s)")
    }
  }
}
