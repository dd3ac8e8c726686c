import DeriskScenarios

/// The answer to a sourcing model, in a planner's terms: what to contract, how goods flow, what
/// each scenario costs, where the risk sits, what relaxing each limit is worth.
///
/// All money is in the model's currency, quantities in tonnes per year. Shadow prices are the
/// value of one more unit of a limit (≥ 0 when relaxing helps), split into the contribution of
/// each scenario block; see ``ShadowPrice``.
public struct SourcingPlan: Sendable, Hashable, Codable {
  /// `optimal`, `almost_optimal`, … (the solver's termination status).
  public var status: String
  /// The solver's trust figures.
  public var solver: SolverFigures
  /// The optimal objective (E[C] + λ·ρ(C), see ``Policy``).
  public var objective: Double
  /// E[C] under the nominal probabilities.
  public var expectedCost: Double
  /// VaR_α and CVaR_α of the scenario costs (α = `cvarConfidence`), recomputed from them.
  public var valueAtRisk: Double
  public var cvar: Double
  public var cvarConfidence: Double
  public var riskAversion: Double
  public var riskMeasure: String
  /// Scenarios carrying CVaR weight, with that weight (Σ = 1), largest cost first.
  public var tailScenarios: [TailScenario]
  public var contracts: [ContractLine]
  public var countryShares: [ShareLine]
  public var legFlows: [LegFlow]
  public var corridorFlows: [ShareLine]
  /// Herfindahl–Hirschman index Σ shareᵢ² (0–1) per material, of contracts by country and of
  /// expected corridor throughput by corridor.
  public var concentration: [ConcentrationLine]
  /// Tonnage-weighted average supplier risk score of the contracts, per material and kind.
  public var riskScores: [RiskScoreLine]
  public var scenarios: [ScenarioOutcome]
  public var shadowPrices: [ShadowPrice]
  /// VSS and EVPI, when computed.
  public var valueOfInformation: ValueOfInformation?
  /// ∂(objective)/∂pₛ by the envelope theorem (absent for the TV-ball measure).
  public var probabilitySensitivity: [ProbabilityLine]?

  /// ∂(objective)/∂pₛ (others fixed) and the rate when mass moves to s from all scenarios in
  /// proportion, gₛ − Σⱼ pⱼgⱼ (see `ProbabilitySensitivity`).
  public struct ProbabilityLine: Sendable, Hashable, Codable {
    public var scenario: String
    public var gradient: Double
    public var massShift: Double
  }

  public struct SolverFigures: Sendable, Hashable, Codable {
    public var primalStatus: String
    public var dualStatus: String
    public var iterations: Int
    public var primalResidual: Double
    public var dualResidual: Double
    public var relativeGap: Double
    public var seconds: Double
    public var variables: Int
    public var constraints: Int
    /// The interior point's linear-system backend ("scenario-structured …" or "normal equations …").
    public var linearSystem: String
    /// `SolveInfo.dualsPolished` (nil in a plan written before it was recorded).
    public var dualsPolished: Bool?
    /// `SolveInfo.componentwiseRefinementFrom`; absent when every solve was refined against the global tolerance only.
    public var componentwiseRefinementFrom: Int?
    /// The sample of scenarios solved first for the first stage's proximal centre
    /// (`InteriorPointSettings.centreFromSample`, programs of 8,000 scenarios or more); its seconds are part
    /// of `seconds`. Absent when the solve had none.
    public var centreSample: CentreSample?
  }

  /// `SolveInfo.centreSample`: the scenarios sampled, how its solve ended, its iterations and seconds.
  public struct CentreSample: Sendable, Hashable, Codable {
    public var scenarios: Int
    public var status: String
    public var iterations: Int
    public var seconds: Double
  }

  public struct TailScenario: Sendable, Hashable, Codable {
    public var scenario: String
    public var cost: Double
    public var weight: Double
  }

  public struct ContractLine: Sendable, Hashable, Codable {
    public var supplier: String
    public var country: String
    public var material: String
    public var tonnes: Double
    public var capacity: Double
    public var unitCost: Double
    public var contractFee: Double
  }

  /// Tonnes and share of a material attributed to a country (contracts) or a corridor (expected throughput).
  public struct ShareLine: Sendable, Hashable, Codable {
    public var material: String
    public var name: String
    public var tonnes: Double
    public var share: Double
  }

  public struct LegFlow: Sendable, Hashable, Codable {
    public var leg: String
    public var from: String
    public var to: String
    public var mode: String
    /// E[Σₘ fₗₘₛ].
    public var expectedTonnes: Double
    /// Per material, expected tonnes.
    public var byMaterial: [String: Double]
    public var capacity: Double
  }

  public struct ConcentrationLine: Sendable, Hashable, Codable {
    public var material: String
    public var countryHHI: Double
    public var corridorHHI: Double
  }

  public struct RiskScoreLine: Sendable, Hashable, Codable {
    public var material: String
    public var kind: String
    public var average: Double
  }

  public struct ScenarioOutcome: Sendable, Hashable, Codable {
    public var scenario: String
    public var probability: Double
    public var cost: Double
    /// Cₛ by part (contract_fees, reservations, goods, freight, pipeline_inventory, spot, stockpile, shortfall).
    public var costParts: [String: Double]
    /// Per material: delivered over the network or locally, spot, stockpile draw, shortfall (tonnes).
    public var materials: [MaterialOutcome]
  }

  public struct MaterialOutcome: Sendable, Hashable, Codable {
    public var material: String
    public var demand: Double
    public var supplied: Double
    public var spot: Double
    public var stockpile: Double
    public var shortfall: Double
  }

  public struct ValueOfInformation: Sendable, Hashable, Codable {
    /// The objective of the expected-value plan's first stage evaluated in the stochastic program (EEV).
    public var expectedValuePlanObjective: Double
    /// The risk measure of the wait-and-see costs (WS).
    public var waitAndSeeObjective: Double
    /// VSS = EEV − RP ≥ 0.
    public var vss: Double
    /// EVPI = RP − WS ≥ 0.
    public var evpi: Double
  }
}

/// The value of one more unit of a limit, by the duals of the program (envelope theorem).
///
/// `value` = −∂(optimal objective)/∂(limit) for capacities and caps (≥ 0: what one more unit
/// saves) and +∂/∂(demand) for demand (what one more tonne costs; it includes the share caps,
/// which are shares of demand and so loosen with it). `perScenario[s]` is the part
/// coming from scenario s's rows (the dual of the row, times how the scenario scales the limit);
/// `firstStage` the part from first-stage rows and bounds. value = firstStage + Σ perScenario.
/// At a degenerate optimum the derivative is one-sided and the dual is one subgradient.
public struct ShadowPrice: Sendable, Hashable, Codable {
  public enum Kind: String, Sendable, Hashable, Codable {
    case legCapacity = "leg_capacity", corridorCapacity = "corridor_capacity", supplierCapacity = "supplier_capacity"
    case demand, countryShareCap = "country_share_cap", corridorShareCap = "corridor_share_cap"
  }
  public var kind: Kind
  /// Leg, corridor, supplier, material or country id.
  public var target: String
  public var material: String?
  /// "USD/t" or "USD/pp" (per percentage point of a share cap).
  public var unit: String
  public var value: Double
  public var firstStage: Double
  public var perScenario: [String: Double]
}
