/// Why ``EntropyPooling`` stopped.
public enum EntropyPoolingStatus: String, Sendable, Hashable, Codable {
  /// Every view residual is within tolerance.
  case converged
  /// The iteration limit came first; the posterior is the last iterate.
  case iterationLimit
  /// The line search could not decrease the dual any more before the residuals met the tolerance
  /// (e.g. a view that holds only on the boundary q = 0 of some scenarios).
  case stalled
}

/// How one view row came out.
public struct ViewReport: Sendable, Hashable, Codable {
  public var name: String
  public var relation: ViewRelation
  /// b.
  public var target: Double
  /// Σₛ aₛ qₛ at the posterior.
  public var value: Double
  /// The violation: value − target for =, max(0, value − target) for ≤, max(0, target − value) for ≥.
  public var residual: Double
  /// μ in qₛ ∝ pₛ exp(−Σ_k μ_k a_k(s)): ≥ 0 for ≤ views, ≤ 0 for ≥ views, 0 when an inequality is slack.
  /// |μ| is the rate at which the KL divergence rises as the target is tightened.
  public var multiplier: Double
}

/// The posterior of ``EntropyPooling`` and its diagnostics.
public struct EntropyPoolingResult: Sendable, Hashable {
  public var status: EntropyPoolingStatus
  public var prior: [Double]
  public var posterior: [Double]
  /// KL(q‖p) = Σ qₛ log(qₛ/pₛ).
  public var klDivergence: Double
  /// exp(H(p)).
  public var priorEffectiveNumber: Double
  /// exp(H(q)).
  public var posteriorEffectiveNumber: Double
  public var views: [ViewReport]
  public var iterations: Int
}

/// Views that no probability vector satisfies together.
///
/// Found from a Farkas certificate: a direction d of the dual multipliers (d_k ≥ 0 for inequalities,
/// in ≤ form) with Σ_k d_k b_k < min_s Σ_k d_k a_k(s), which proves that no q ≥ 0, Σ q = 1 meets the
/// views. The views with d_k ≠ 0 are named.
public struct ConflictingViewsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The names of the views in the certificate.
  public var views: [String]
  /// The certificate's weights on those views (normalised to max |d| = 1, in ≤ form).
  public var weights: [Double]

  public var description: String {
    "conflicting views: " + views.map { "\"\($0)\"" }.joined(separator: ", ") + " cannot hold together"
  }
}
