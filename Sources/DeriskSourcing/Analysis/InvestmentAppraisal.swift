import Foundation

/// An investment in a leg or corridor: capital spent once that moves its capacity (or days) multiplier
/// from 1 to `multiplier`, financed in one or more ways.
public struct Investment: Sendable, Hashable, Codable {
  /// Capital cost K, in the model's currency.
  public var capitalCost: Double
  /// Economic life n, years ≥ 1 (the loan's tenor).
  public var lifetimeYears: Double
  /// The capacity (or days) multiplier the investment reaches.
  public var multiplier: Double
  /// Ways to finance it, each with its annual rate (a concessional development loan at 1–2 %, an
  /// export credit at a commercial rate, …).
  public var financing: [Financing]

  public init(capitalCost: Double, lifetimeYears: Double, multiplier: Double, financing: [Financing]) {
    self.capitalCost = capitalCost
    self.lifetimeYears = lifetimeYears
    self.multiplier = multiplier
    self.financing = financing
  }
}

/// A way to finance an investment: a name and an annual interest rate r ≥ 0.
public struct Financing: Sendable, Hashable, Codable {
  public var name: String
  public var rate: Double

  public init(name: String, rate: Double) {
    self.name = name
    self.rate = rate
  }
}

/// Whether an investment pays: its annual saving against its annualised cost under each financing.
///
/// The annualised cost is the level annuity that repays K over n years at rate r,
///
///     A = K · CRF(r, n),   CRF(r, n) = r / (1 − (1 + r)⁻ⁿ)   (CRF(0, n) = 1/n),
///
/// the capital recovery factor. The investment pays when the annual saving S ≥ A; the break-even
/// capital cost is S / CRF. The saving is measured on the objective E[C] + λ·ρ(C) (what the planner
/// optimises, the risk premium included) and, for comparison, on E[C] alone.
public struct InvestmentAppraisal: Sendable, Hashable, Codable {
  public var investment: Investment
  /// z(1) − z(m): the saving on the risk-adjusted objective per year.
  public var objectiveSaving: Double
  /// E[C](1) − E[C](m) per year.
  public var expectedCostSaving: Double
  public var options: [FinancingOutcome]

  public struct FinancingOutcome: Sendable, Hashable, Codable {
    public var name: String
    public var rate: Double
    public var capitalRecoveryFactor: Double
    /// A = K·CRF per year.
    public var annualisedCost: Double
    /// S − A on the objective.
    public var netAnnualBenefit: Double
    /// S ≥ A on the objective.
    public var pays: Bool
    /// S ≥ A on E[C] alone.
    public var paysOnExpectedCost: Bool
    /// S / CRF: the largest capital cost that still pays.
    public var breakEvenCapitalCost: Double
  }

  /// CRF(r, n) = r / (1 − (1 + r)⁻ⁿ), and 1/n at r = 0.
  public static func capitalRecoveryFactor(rate r: Double, years n: Double) -> Double {
    r == 0 ? 1 / n : r / (1 - pow(1 + r, -n))
  }

  /// Appraises `investment` against the savings it brings.
  /// - Throws: ``SourcingError`` for a capital cost < 0, a lifetime < 1, a rate < 0 or no financing.
  public init(investment: Investment, objectiveSaving: Double, expectedCostSaving: Double) throws {
    guard investment.capitalCost.isFinite, investment.capitalCost >= 0 else {
      throw SourcingError(path: "--capital-cost", message: "must be ≥ 0, got \(formatNumber(investment.capitalCost))")
    }
    guard investment.lifetimeYears.isFinite, investment.lifetimeYears >= 1 else {
      throw SourcingError(path: "--lifetime", message: "must be ≥ 1 year, got \(formatNumber(investment.lifetimeYears))")
    }
    guard !investment.financing.isEmpty else { throw SourcingError(path: "--financing", message: "give at least one NAME:RATE") }
    for f in investment.financing where !(f.rate.isFinite && f.rate >= 0 && f.rate < 1) {
      throw SourcingError(path: "--financing \(f.name)", message: "rate must be in [0, 1), got \(formatNumber(f.rate))")
    }
    self.investment = investment
    self.objectiveSaving = objectiveSaving
    self.expectedCostSaving = expectedCostSaving
    options = investment.financing.map { f in
      let crf = Self.capitalRecoveryFactor(rate: f.rate, years: investment.lifetimeYears)
      let annual = investment.capitalCost * crf
      return FinancingOutcome(name: f.name, rate: f.rate, capitalRecoveryFactor: crf, annualisedCost: annual,
                              netAnnualBenefit: objectiveSaving - annual, pays: objectiveSaving >= annual,
                              paysOnExpectedCost: expectedCostSaving >= annual, breakEvenCapitalCost: objectiveSaving / crf)
    }
  }
}
