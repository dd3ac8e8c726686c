// The umbrella module: `import Derisk` brings every Derisk module.
@_exported import DeriskLinearAlgebra
@_exported import DeriskSolvers
@_exported import DeriskScenarios
@_exported import DeriskSourcing

/// The version of this Derisk build.
public enum DeriskVersion {
  /// Semantic version string.
  public static let string = "0.1.0"
}
