// Dense linear algebra through Derisk's BLAS/LAPACK door: gemm (2n³ flops) and Cholesky (n³/3 flops)
// at n = 200, 1000, 2000. Wall clock and throughput only (ARC metrics crash with Swift 6.3 on Linux).
// GFLOP/s = flops / wall-clock time; see Benchmarks/RESULTS.md.
import Benchmark
import DeriskLinearAlgebra

/// A well-conditioned SPD matrix B Bᵀ/n + n I with B of deterministic pseudo-random entries in [−1, 1).
func spdMatrix(_ n: Int) throws -> Matrix {
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  var b = Matrix(rows: n, columns: n)
  for k in 0..<(n * n) {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    b.storage[k] = Double(state >> 11) * 0x1.0p-53 * 2 - 1
  }
  var a = Matrix.identity(n)
  for i in 0..<n { a[i, i] = Double(n) }
  try BLAS.gemm(1 / Double(n), b, b, transposeB: true, 1, &a)
  return a
}

let benchmarks: @Sendable () -> Void = {
  let sizes = [200, 1000, 2000]
  for n in sizes {
    let iterations = n <= 200 ? 200 : (n <= 1000 ? 20 : 8)
    let configuration = Benchmark.Configuration(
      metrics: [.wallClock, .throughput],
      timeUnits: .microseconds,
      warmupIterations: 1,
      scalingFactor: .one,
      maxDuration: .seconds(20),
      maxIterations: iterations
    )

    Benchmark("gemm n=\(n) (2n³ = \(2 * n * n * n) flops)", configuration: configuration) { benchmark, a in
      var c = Matrix(rows: n, columns: n)
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations {
        try BLAS.gemm(1, a, a, 0, &c)
      }
      benchmark.stopMeasurement()
      blackHole(c.storage[0])
    } setup: {
      try spdMatrix(n)
    }

    Benchmark("Cholesky n=\(n) (n³/3 = \(n * n * n / 3) flops)", configuration: configuration) { benchmark, a in
      for _ in benchmark.scaledIterations {
        // The copy A → factor is O(n²), negligible against n³/3.
        blackHole(try CholeskyFactorization(a).order)
      }
    } setup: {
      try spdMatrix(n)
    }
  }
}
