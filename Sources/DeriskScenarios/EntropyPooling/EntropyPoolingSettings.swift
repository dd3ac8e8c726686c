/// Settings of ``EntropyPooling``.
public struct EntropyPoolingSettings: Sendable, Hashable, Codable {
  /// Largest number of Newton iterations. Default 200; valid 1...
  public var maxIterations = 200
  /// Stop when every view residual is at most this, relative to the view's scale
  /// max(maxₛ |aₛ|, |b|) (so 1e-10 of a probability, or of the attribute's range). Default 1e-10; valid > 0.
  public var residualTolerance = 1e-10
  /// When a scaled multiplier exceeds this, test the multipliers' direction as a Farkas certificate
  /// of conflicting views. Default 1e4; valid > 0.
  public var divergenceThreshold = 1e4

  public init() {}

  func validate() throws {
    guard maxIterations >= 1 else { throw ScenarioError(path: "settings.maxIterations", message: "must be ≥ 1, got \(maxIterations)") }
    guard residualTolerance > 0, residualTolerance.isFinite else {
      throw ScenarioError(path: "settings.residualTolerance", message: "must be > 0, got \(formatNumber(residualTolerance))")
    }
    guard divergenceThreshold > 0, divergenceThreshold.isFinite else {
      throw ScenarioError(path: "settings.divergenceThreshold", message: "must be > 0, got \(formatNumber(divergenceThreshold))")
    }
  }
}
