// swift-tools-version: 6.1
// Derisk: sourcing portfolios of critical materials under probability-weighted disruption scenarios.
//
// Module graph (one way only):
//   CDeriskLAPACK → DeriskLinearAlgebra → DeriskSolvers → DeriskScenarios → DeriskSourcing → Derisk → DeriskCLI
import PackageDescription

let package = Package(
  name: "Derisk",
  products: [
    .library(name: "Derisk", targets: ["Derisk"]),
    .library(name: "DeriskLinearAlgebra", targets: ["DeriskLinearAlgebra"]),
    .library(name: "DeriskSolvers", targets: ["DeriskSolvers"]),
    .library(name: "DeriskScenarios", targets: ["DeriskScenarios"]),
    .library(name: "DeriskSourcing", targets: ["DeriskSourcing"]),
    .executable(name: "derisk", targets: ["DeriskCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // Tests only: property-based checks of the solver (Tests/DeriskPropertyTests).
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CDeriskLAPACK",
      pkgConfig: "lapack",
      providers: [.apt(["liblapack-dev", "libblas-dev"])]
    ),
    .target(name: "DeriskLinearAlgebra", dependencies: ["CDeriskLAPACK"]),
    .target(name: "DeriskSolvers", dependencies: ["DeriskLinearAlgebra"]),
    .target(
      name: "DeriskScenarios",
      dependencies: ["DeriskLinearAlgebra", "DeriskSolvers", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "DeriskSourcing",
      dependencies: ["DeriskSolvers", "DeriskScenarios", .product(name: "Yams", package: "Yams")]
    ),
    .target(
      name: "Derisk",
      dependencies: ["DeriskLinearAlgebra", "DeriskSolvers", "DeriskScenarios", "DeriskSourcing"]
    ),
    .executableTarget(
      name: "DeriskCLI",
      dependencies: ["Derisk", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(name: "CentralAsia", dependencies: ["Derisk"], path: "Examples/CentralAsia", exclude: ["SOURCES.md", "central-asia.yaml"]),
    .executableTarget(name: "EfficientFrontier", dependencies: ["Derisk"], path: "Examples/EfficientFrontier"),
    .executableTarget(name: "ScenarioViews", dependencies: ["Derisk"], path: "Examples/ScenarioViews"),
    .executableTarget(name: "CorridorInvestment", dependencies: ["Derisk"], path: "Examples/CorridorInvestment"),
    .executableTarget(name: "SolveMPS", dependencies: ["Derisk"], path: "Examples/SolveMPS"),
    .executableTarget(name: "Embedding", dependencies: ["Derisk"], path: "Examples/Embedding"),

    // Shared tolerance helpers and fixture lookup for every test target.
    .target(name: "DeriskTestSupport", dependencies: ["DeriskLinearAlgebra"], path: "Tests/DeriskTestSupport"),
    .testTarget(
      name: "DeriskLinearAlgebraTests",
      dependencies: ["DeriskLinearAlgebra", "DeriskTestSupport"]
    ),
    .testTarget(
      name: "DeriskSolversTests",
      dependencies: ["DeriskSolvers", "DeriskTestSupport"]
    ),
    .testTarget(
      name: "DeriskScenariosTests",
      dependencies: ["DeriskScenarios", "DeriskTestSupport"]
    ),
    .testTarget(
      name: "DeriskSourcingTests",
      dependencies: ["DeriskSourcing", "DeriskTestSupport"]
    ),
    .testTarget(
      name: "DeriskCLITests",
      dependencies: ["DeriskLinearAlgebra", "DeriskTestSupport"]
    ),
    .testTarget(
      name: "DeriskPropertyTests",
      dependencies: ["DeriskSolvers", "DeriskScenarios", "DeriskSourcing", "DeriskTestSupport",
                     .product(name: "PropertyBased", package: "swift-property-based")]
    ),
  ]
)
