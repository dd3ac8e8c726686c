import DeriskSolvers

/// How ``SourcingModel/solve(options:)`` works, each setting with its default.
public struct SourcingSolveOptions: Sendable, Hashable {
  /// Settings of the interior-point solver. Default: the solver's defaults.
  public var interiorPoint = InteriorPointSettings()
  /// Compute VSS and EVPI (S + 2 extra solves of one-scenario-sized programs). Default true.
  public var valueOfInformation = true

  public init(interiorPoint: InteriorPointSettings = InteriorPointSettings(), valueOfInformation: Bool = true) {
    self.interiorPoint = interiorPoint
    self.valueOfInformation = valueOfInformation
  }
}
