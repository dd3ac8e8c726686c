import DeriskSolvers

/// Each scenario's program alone: scenario s with probability 1 under the model's policy, the program
/// `SourcingProgram(sourcingModel:parameters: [parameters[s]], probabilities: [1], …)` lowers to, column for
/// column and bit for bit, built from what every such program shares.
///
/// The value of information solves one such program per scenario, twice (the wait-and-see costs and
/// EEV). Built from scratch, each repeated the model-level work of a whole program (which legs can carry
/// which material, the series nodes, the contracts and their policy rows, the block builder's tables); here
/// that is done once, and scenario s costs a copy of the first stage, its contracts' upper bounds set to
/// s's capacities (a contract's bound is the largest capacity over the program's scenarios), its block,
/// and its cost Cₛ as the objective. The programs are risk-neutral whatever the model's risk measure (the
/// value of information's are): with one scenario of probability 1 the expectation is Cₛ itself.
package struct OneScenarioPrograms: Sendable {
  /// The first stage alone, with what builds the scenario blocks.
  private let firstStage: SourcingProgram
  private let builder: ScenarioBlockBuilder
  private let parameters: [ScenarioParameters]
  private let contractsFixed: Bool

  /// - Parameters:
  ///   - model: the sourcing model; its policy's risk measure is taken to be the expectation.
  ///   - parameters: every scenario's numbers, in scenario order; `scenarioNames` their names.
  ///   - fixedFirstStage: contracts (and reservations) held fixed in every program, as in `SourcingProgram`.
  /// - Throws: ``SourcingError`` for an invalid model, as `SourcingProgram` would.
  package init(_ model: SourcingModel, parameters: [ScenarioParameters], scenarioNames: [String],
               fixedFirstStage: SourcingProgram.FirstStageDecision?) throws {
    var neutral = model
    neutral.policy.riskMeasure = .expectation
    firstStage = try SourcingProgram(sourcingModel: neutral, parameters: parameters,
                                     probabilities: [Double](repeating: 0, count: parameters.count),
                                     scenarioNames: scenarioNames, fixedFirstStage: fixedFirstStage, firstStageOnly: true)
    builder = firstStage.scenarioBlockBuilder!
    self.parameters = parameters
    contractsFixed = fixedFirstStage != nil
  }

  /// Scenario s's program, lowered without names.
  /// - Throws: as building and lowering `SourcingProgram` would (not for a valid model).
  package func program(_ s: Int) throws -> QuadraticProgram {
    var model = firstStage.model
    if !contractsFixed {
      for (i, row) in firstStage.contract.enumerated() {
        for (o, contract) in row.enumerated() {
          try model.setBounds(of: contract, lower: 0, upper: parameters[s].offerCapacity[i][o])
        }
      }
    }
    var tables = builder.tables(scenarios: 1)
    try builder.add(s, to: &model, tables: &tables, label: 0)
    // As `SourcingProgram.setRiskObjective` forms the expectation: Σ pₛCₛ with the one p = 1.
    var objective = LinearExpression()
    objective.add(SourcingProgram.scenarioCost(0, firstStage: firstStage.firstStageCostParts, scenarioParts: tables.costParts,
                                               in: model.columnHandles), times: 1)
    try model.setObjective(objective)
    return try model.lowered(withNames: false).program
  }
}
