// swift-tools-version: 6.1
// Derisk's benchmarks: a package of its own, so that packages depending on Derisk never resolve the
// benchmark tool's dependencies. Run with `cd Benchmarks && swift package benchmark`.
import PackageDescription

let package = Package(
  name: "DeriskBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    // `name:` pins the identity: a path dependency is otherwise named after its directory (a clone may
    // be called anything).
    .package(name: "Derisk", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "LinearAlgebraBenchmarks",
      dependencies: [
        .product(name: "DeriskLinearAlgebra", package: "Derisk"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "LinearAlgebraBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
