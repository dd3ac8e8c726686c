import DeriskLinearAlgebra
import DeriskTestSupport
import Foundation
import Testing

/// The JSON shape of `derisk doctor --json` that these tests read.
private struct DoctorReport: Decodable {
  struct BLAS: Decodable {
    var implementation: String
    var blasLibrary: String?
    var lapackLibrary: String?
    var openBLASCoreName: String?
    var threads: Int
    var threadsSource: String
    var cpuHasHaswellFeatures: Bool
    var warnings: [String]
  }
  struct SwiftCode: Decodable {
    var tunedTargetCPU: Bool
    var warning: String?
  }
  var version: String
  var blas: BLAS
  var choleskyRelativeResidual: Double
  var gemmGigaflopsPerSecond: Double
  var library: String
  var swiftCode: SwiftCode
  var hugePages: HugePageEnvironment
  var freedMemoryKept: Bool
}

@Suite("derisk doctor and --version")
struct DoctorCommandTests {
  /// The version string as written in Sources/Derisk/Derisk.swift (`public static let string = "…"`).
  static func sourceVersion() throws -> String {
    let text = try String(contentsOf: packageRootDirectory.appendingPathComponent("Sources/Derisk/Derisk.swift"),
                          encoding: .utf8)
    let line = try #require(text.split(separator: "\n").first { $0.contains("static let string") })
    return String(try #require(line.split(separator: "\"").dropFirst().first))
  }

  @Test("--version prints the version from Sources/Derisk/Derisk.swift")
  func version() throws {
    let output = try DeriskExecutable.run(["--version"])
    #expect(output.status == 0)
    #expect(output.standardOutput == "\(try Self.sourceVersion())\n")
  }

  @Test("doctor prints the version, the BLAS library with its real path, threads and CPU")
  func text() throws {
    let output = try DeriskExecutable.run(["doctor"])
    #expect(output.status == 0, "stderr: \(output.standardError)")
    let lines = output.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first == "Derisk \(try Self.sourceVersion())")
    let library = try #require(lines.first { $0.hasPrefix("BLAS/LAPACK: ") })
    #expect(library.contains("OpenBLAS") || library.contains("reference BLAS (Netlib)"))
    let blasLine = try #require(lines.first { $0.hasPrefix("  libblas:") })
    let blasPath = blasLine.dropFirst("  libblas:".count).trimmingCharacters(in: .whitespaces)
    #expect(FileManager.default.fileExists(atPath: blasPath), "libblas path \(blasPath)")
    #expect(lines.contains { $0.hasPrefix("Threads: ") })
    #expect(lines.contains { $0.hasPrefix("CPU: ") })
  }

  @Test("doctor --json: decodable, real library paths, a Cholesky self-check residual below 1e-14")
  func json() throws {
    let output = try DeriskExecutable.run(["doctor", "--json"])
    #expect(output.status == 0, "stderr: \(output.standardError)")
    let report = try JSONDecoder().decode(DoctorReport.self, from: Data(output.standardOutput.utf8))
    #expect(report.version == (try Self.sourceVersion()))
    #expect(["openBLAS", "reference"].contains(report.blas.implementation))
    let blas = try #require(report.blas.blasLibrary)
    let lapack = try #require(report.blas.lapackLibrary)
    #expect(FileManager.default.fileExists(atPath: blas) && FileManager.default.fileExists(atPath: lapack))
    #expect(report.blas.threads >= 1)
    // Cholesky is backward stable: residual a small multiple of u = 1.1e-16 for n = 50.
    #expect(report.choleskyRelativeResidual < 1e-14)
    #expect(report.gemmGigaflopsPerSecond > 0)
  }

  @Test("doctor says whether make compiled the Swift code with -target-cpu, and warns on an AVX2 CPU when not")
  func swiftCodeTarget() throws {
    // The tests are compiled with the binary's flags (`make test` passes the same ones to both), so the
    // compilation condition seen here is the binary's.
    #if DERISK_TUNED_TARGET_CPU
    let tuned = true
    #else
    let tuned = false
    #endif
    let output = try DeriskExecutable.run(["doctor", "--json"])
    let report = try JSONDecoder().decode(DoctorReport.self, from: Data(output.standardOutput.utf8))
    #expect(report.swiftCode.tunedTargetCPU == tuned,
            "the derisk binary was built with other flags than these tests: build both the same way (make test)")
    let expectWarning = !tuned && report.blas.cpuHasHaswellFeatures
    #expect((report.swiftCode.warning != nil) == expectWarning)
    if let warning = report.swiftCode.warning { #expect(warning.contains("make build")) }
    let text = try DeriskExecutable.run(["doctor"]).standardOutput
    #expect(text.contains(tuned ? "Swift code: compiled by make with -target-cpu" : "Swift code: compiled for generic x86-64"))
    #expect(text.contains("AVX2 (Haswell feature set): \(report.blas.cpuHasHaswellFeatures ? "yes" : "no")"))
  }

  @Test("doctor sees the reference BLAS when the loader is pointed at it, and OpenBLAS's thread setting otherwise")
  func detectsEachLibrary() throws {
    // Debian installs the reference libraries in blas/ and lapack/ (packages libblas3, liblapack3);
    // LD_LIBRARY_PATH makes the loader take them for this one process, whatever update-alternatives says.
    let reference = try DeriskExecutable.run(
      ["doctor", "--json"],
      environment: ["LD_LIBRARY_PATH": "/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack"])
    let referenceReport = try JSONDecoder().decode(DoctorReport.self, from: Data(reference.standardOutput.utf8))
    #expect(referenceReport.blas.implementation == "reference")
    #expect(referenceReport.library == "reference BLAS (Netlib)")
    #expect(referenceReport.blas.blasLibrary?.contains("/blas/libblas.so") == true)
    #expect(referenceReport.blas.threads == 1)
    #expect(referenceReport.choleskyRelativeResidual < 1e-14)

    // OpenBLAS, when it is installed (libopenblas0-pthread), honours OPENBLAS_NUM_THREADS.
    let openBLASDirectory = "/usr/lib/x86_64-linux-gnu/openblas-pthread"
    let openBLAS = try DeriskExecutable.run(
      ["doctor", "--json"], environment: ["LD_LIBRARY_PATH": openBLASDirectory, "OPENBLAS_NUM_THREADS": "1"])
    let openBLASReport = try JSONDecoder().decode(DoctorReport.self, from: Data(openBLAS.standardOutput.utf8))
    #expect(openBLASReport.blas.implementation == "openBLAS")
    #expect(openBLASReport.blas.blasLibrary?.hasPrefix(openBLASDirectory) == true)
    #expect(openBLASReport.blas.threads == 1 && openBLASReport.blas.threadsSource == "OPENBLAS_NUM_THREADS")
    #expect(openBLASReport.library.hasPrefix("OpenBLAS 0."))
    // A forced core type is what OpenBLAS reports, and silences the core-type warning.
    let forced = try DeriskExecutable.run(
      ["doctor", "--json"], environment: ["LD_LIBRARY_PATH": openBLASDirectory, "OPENBLAS_CORETYPE": "Haswell"])
    let forcedReport = try JSONDecoder().decode(DoctorReport.self, from: Data(forced.standardOutput.utf8))
    #expect(forcedReport.blas.openBLASCoreName == "Haswell")
    #expect(!forcedReport.blas.warnings.contains { $0.contains("OPENBLAS_CORETYPE") })
  }

  @Test("derisk has malloc keep freed memory, unless GLIBC_TUNABLES chose a threshold")
  func freedMemoryKept() throws {
    func kept(_ tunables: String) throws -> Bool {
      let output = try DeriskExecutable.run(["doctor", "--json"], environment: ["GLIBC_TUNABLES": tunables])
      #expect(output.status == 0, "stderr: \(output.standardError)")
      return try JSONDecoder().decode(DoctorReport.self, from: Data(output.standardOutput.utf8)).freedMemoryKept
    }
    #expect(try kept(""))
    #expect(try kept("glibc.malloc.hugetlb=0"))
    #expect(try !kept("glibc.malloc.mmap_max=65536"))
    let text = try DeriskExecutable.run(["doctor"], environment: ["GLIBC_TUNABLES": ""]).standardOutput
    #expect(text.contains("Freed memory: kept in malloc's heap for reuse: yes"))
  }

  @Test("derisk relaunches itself with malloc asking for huge pages where the kernel grants them on request")
  func hugePageRelaunch() throws {
    // What the machine offers, read the way the relaunch reads it; the test's own GLIBC_TUNABLES is
    // overridden (empty: no tunable) so that the outcome depends on the machine alone.
    let here = HugePageEnvironment.current()
    let machine = HugePageEnvironment.assemble(
      transparentHugePagesFile: here.transparentHugePages.map { "[\($0)]" }, glibcVersion: here.glibcVersion,
      environment: [:])
    func report(_ environment: [String: String]) throws -> HugePageEnvironment {
      let output = try DeriskExecutable.run(["doctor", "--json"], environment: environment)
      #expect(output.status == 0, "stderr: \(output.standardError)")
      return try JSONDecoder().decode(DoctorReport.self, from: Data(output.standardOutput.utf8)).hugePages
    }
    let relaunched = try report(["GLIBC_TUNABLES": ""])
    #expect(relaunched.mallocAsksForHugePages == machine.relaunchWouldHelp)
    if machine.relaunchWouldHelp { #expect(relaunched.glibcTunables == HugePageEnvironment.tunable) }
    #expect(relaunched.warning == nil)
    // Kept: other tunables, with the switch appended.
    let kept = try report(["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1000000"])
    #expect(kept.glibcTunables == "glibc.malloc.trim_threshold=1000000"
      + (machine.relaunchWouldHelp ? ":" + HugePageEnvironment.tunable : ""))
    // Turned off, or a choice already made: no relaunch.
    let off = try report(["GLIBC_TUNABLES": "", "DERISK_HUGE_PAGES": "0"])
    #expect(!off.mallocAsksForHugePages && off.glibcTunables == "")
    #expect((off.warning != nil) == machine.relaunchWouldHelp)
    let declined = try report(["GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"])
    #expect(!declined.mallocAsksForHugePages && declined.glibcTunables == "glibc.malloc.hugetlb=0")
    // The relaunched process solves as before: the arguments arrive intact.
    let solve = try DeriskExecutable.run(["lp", fixturesDirectory.appendingPathComponent("netlib/afiro.mps").path],
                                         environment: ["GLIBC_TUNABLES": ""])
    #expect(solve.status == 0 && solve.standardOutput.contains("optimal"), "\(solve.standardError)")
  }

  @Test("Unknown subcommands fail with a usage error")
  func unknownSubcommand() throws {
    let output = try DeriskExecutable.run(["no-such-command"])
    #expect(output.status != 0)
    #expect(output.standardError.contains("Usage") || output.standardError.contains("Error"))
  }
}
