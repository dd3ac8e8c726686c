import ArgumentParser
import Derisk
import Foundation

/// `derisk doctor`: which BLAS/LAPACK this process really loaded, its threads, and fixes for slow setups.
struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Report the Derisk version, the BLAS/LAPACK library in use, its thread count, huge pages, and known problems."
  )

  /// Print the report as JSON instead of text. Default false.
  @Flag(name: .long, help: "Print the report as JSON.")
  var json = false

  /// What `doctor` prints, also its JSON shape.
  struct Report: Codable {
    var version: String
    var blas: BLASEnvironment
    /// ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞) of a Cholesky solve of a 50×50 SPD system: checks the library computes.
    var choleskyRelativeResidual: Double
    /// Speed of one 500×500 gemm (2n³ flops) in GFLOP/s: a quick sign of a slow BLAS.
    var gemmGigaflopsPerSecond: Double
    var library: String
    /// How this binary's Swift code was compiled for the CPU.
    var swiftCode: SwiftCode
    /// Whether malloc's memory sits on 2 MiB pages (after `derisk`'s relaunch, see `HugePageEnvironment`).
    var hugePages: HugePageEnvironment
    /// Whether malloc keeps freed memory for reuse (`derisk` sets it first thing, see `FreedMemoryReuse`).
    var freedMemoryKept: Bool
  }

  /// Whether the Swift code was compiled with `-target-cpu` by `make` (which then also sets the compilation
  /// condition `DERISK_TUNED_TARGET_CPU`; see `DERISK_TARGET_CPU` in the Makefile), and what that costs
  /// when it was not.
  struct SwiftCode: Codable {
    var tunedTargetCPU: Bool
    /// Set when the CPU has the Haswell feature set and the code was compiled for generic x86-64.
    var warning: String?

    static func current(_ environment: BLASEnvironment) -> SwiftCode {
      #if DERISK_TUNED_TARGET_CPU
      let tuned = true
      #else
      let tuned = false
      #endif
      let warning = !tuned && environment.cpuHasHaswellFeatures
        ? "this CPU has AVX2 but the Swift code was compiled for generic x86-64, so scenario-structured solves "
          + "take about a tenth longer; `make build` compiles it with -target-cpu haswell (README, \"Run it, test it\")"
        : nil
      return SwiftCode(tunedTargetCPU: tuned, warning: warning)
    }
  }

  func run() throws {
    let environment = BLASEnvironment.current()
    let report = Report(
      version: DeriskVersion.string, blas: environment,
      choleskyRelativeResidual: try Self.choleskyCheck(), gemmGigaflopsPerSecond: try Self.gemmSpeed(n: 500),
      library: environment.libraryDescription, swiftCode: .current(environment), hugePages: .current(),
      freedMemoryKept: FreedMemoryReuse.isKept)
    if json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
      return
    }
    print("Derisk \(report.version)")
    print("BLAS/LAPACK: \(environment.libraryDescription)")
    print("  libblas:     \(environment.blasLibrary ?? "not mapped")")
    print("  liblapack:   \(environment.lapackLibrary ?? "not mapped")")
    if let openBLAS = environment.openBLASLibrary { print("  libopenblas: \(openBLAS)") }
    print("Threads: \(environment.threads) (\(environment.threadsSource)); processors: \(environment.processorCount)")
    print("CPU: \(environment.cpuModel ?? "unknown"); avx512f: \(environment.cpuHasAVX512F ? "yes" : "no"); "
      + "AVX2 (Haswell feature set): \(environment.cpuHasHaswellFeatures ? "yes" : "no"); "
      + "OPENBLAS_CORETYPE: \(environment.openBLASCoreTypeOverride ?? "unset")")
    print("Swift code: " + (report.swiftCode.tunedTargetCPU
      ? "compiled by make with -target-cpu (DERISK_TARGET_CPU)" : "compiled for generic x86-64"))
    print("Self-check: Cholesky relative residual \(String(format: "%.1e", report.choleskyRelativeResidual)); "
      + "gemm n=500 \(String(format: "%.1f", report.gemmGigaflopsPerSecond)) GFLOP/s")
    let pages = report.hugePages
    print("Huge pages: kernel transparent huge pages \(pages.transparentHugePages ?? "unknown"); glibc "
      + "\(pages.glibcVersion ?? "not in use"); malloc asks for them: \(pages.mallocAsksForHugePages ? "yes" : "no") "
      + "(GLIBC_TUNABLES: \(pages.glibcTunables ?? "unset"))")
    print("Freed memory: kept in malloc's heap for reuse: \(report.freedMemoryKept ? "yes" : "no")")
    let warnings = environment.warnings + [report.swiftCode.warning, pages.warning].compactMap { $0 }
    if warnings.isEmpty {
      print("No problems found.")
    } else {
      for warning in warnings { print("warning: \(warning)") }
    }
  }

  /// Solves A x = b for A = B Bᵀ/n + I (B with entries from a fixed linear congruential sequence) and
  /// returns ‖A x − b‖∞ / (‖A‖∞ ‖x‖∞).
  static func choleskyCheck(n: Int = 50) throws -> Double {
    var state: UInt64 = 12345
    func next() -> Double {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Double(state >> 11) * 0x1.0p-53 * 2 - 1
    }
    var b = Matrix(rows: n, columns: n)
    for k in 0..<(n * n) { b.storage[k] = next() }
    var a = Matrix.identity(n)
    try BLAS.gemm(1 / Double(n), b, b, transposeB: true, 1, &a)
    let rhs = (0..<n).map { _ in next() }
    let x = try CholeskyFactorization(a).solve(rhs)
    return try a.relativeResidual(x, rhs)
  }

  /// GFLOP/s of one n×n gemm, after one warm-up call.
  static func gemmSpeed(n: Int) throws -> Double {
    let a = Matrix(rows: n, columns: n, repeating: 0.5)
    var c = Matrix(rows: n, columns: n)
    try BLAS.gemm(1, a, a, 0, &c)
    let clock = ContinuousClock()
    let elapsed = try clock.measure { try BLAS.gemm(1, a, a, 0, &c) }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return 2 * pow(Double(n), 3) / max(seconds, 1e-9) / 1e9
  }
}
