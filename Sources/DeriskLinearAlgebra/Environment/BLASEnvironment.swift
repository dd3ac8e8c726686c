import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which BLAS and LAPACK the running process actually uses, how many threads they run, and whether
/// OpenBLAS picked a slow kernel for this CPU.
///
/// On Debian the library behind `libblas.so.3` / `liblapack.so.3` is chosen system-wide with
/// `update-alternatives`: the reference (Netlib) BLAS, ~20× slower than OpenBLAS for level-3
/// work, or OpenBLAS. Debian's OpenBLAS 0.3.21 misdetects some AVX-512 CPUs as "Prescott" and then runs
/// at a fraction of its speed; `OPENBLAS_CORETYPE=SkylakeX` fixes that. `current()` reads the facts from
/// `/proc/self/maps`, `/proc/cpuinfo`, the environment, and OpenBLAS's own `openblas_get_*` functions
/// (looked up with `dlsym`, so nothing fails when another BLAS is loaded).
public struct BLASEnvironment: Sendable, Hashable, Codable {
  /// The family of BLAS library that is loaded.
  public enum Implementation: String, Sendable, Hashable, Codable {
    /// OpenBLAS (its `openblas_get_config` symbol is present).
    case openBLAS
    /// The reference BLAS from Netlib (Debian's `/usr/lib/<arch>/blas/libblas.so.3`).
    case reference
    /// Some other library provides `libblas`.
    case other
    /// No BLAS library is mapped into the process (not linked yet, or not on Linux).
    case unknown
  }

  /// The family of the loaded BLAS.
  public var implementation: Implementation
  /// Real path (symlinks resolved) of the mapped BLAS library, e.g.
  /// `/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3`; nil when none is mapped.
  public var blasLibrary: String?
  /// Real path of the mapped LAPACK library; nil when none is mapped.
  public var lapackLibrary: String?
  /// Real path of the mapped `libopenblas*` library when there is one (Debian's OpenBLAS `libblas.so.3`
  /// is a thin wrapper around it).
  public var openBLASLibrary: String?
  /// `openblas_get_config()`, e.g. "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64".
  public var openBLASConfiguration: String?
  /// `openblas_get_corename()`: the kernel family OpenBLAS chose, e.g. "SkylakeX", "Haswell", "Prescott".
  public var openBLASCoreName: String?
  /// Threads the BLAS uses for large operations.
  public var threads: Int
  /// Where `threads` comes from: "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "openblas_get_num_threads",
  /// "reference BLAS is single-threaded" or "processor count".
  public var threadsSource: String
  /// Processors available to this process.
  public var processorCount: Int
  /// Whether `/proc/cpuinfo` lists the `avx512f` flag.
  public var cpuHasAVX512F: Bool
  /// Whether `/proc/cpuinfo` lists every flag of `haswellFeatureFlags`: the CPUs on which `make` compiles
  /// the Swift code with `-target-cpu haswell`.
  public var cpuHasHaswellFeatures: Bool
  /// The CPU model name from `/proc/cpuinfo`, when readable.
  public var cpuModel: String?
  /// `OPENBLAS_CORETYPE` from the environment (nil when unset or empty).
  public var openBLASCoreTypeOverride: String?
  /// Problems found, each with its fix.
  public var warnings: [String]

  /// A one-line name of the loaded BLAS: "OpenBLAS 0.3.21 … (core Cooperlake)", "reference BLAS (Netlib)", ….
  public var libraryDescription: String {
    switch implementation {
    case .openBLAS:
      let configuration = openBLASConfiguration ?? "OpenBLAS"
      return openBLASCoreName.map { "\(configuration) (core \($0))" } ?? configuration
    case .reference: return "reference BLAS (Netlib)"
    case .other: return "other BLAS (\(blasLibrary ?? "unknown path"))"
    case .unknown: return "no BLAS library mapped"
    }
  }

  /// Reads the environment of the running process.
  public static func current() -> BLASEnvironment {
    let environment = ProcessInfo.processInfo.environment
    let maps = readProcFile("/proc/self/maps")
    let cpuinfo = readProcFile("/proc/cpuinfo")
    let openBLAS = OpenBLASQuery.current()
    return assemble(
      mappedPaths: mappedLibraryPaths(maps: maps).map(resolvingSymlinks),
      cpuinfo: cpuinfo, environment: environment, openBLAS: openBLAS,
      processorCount: ProcessInfo.processInfo.activeProcessorCount)
  }

  /// What OpenBLAS reports about itself through its `openblas_get_*` functions.
  public struct OpenBLASQuery: Sendable, Hashable {
    public var configuration: String
    public var coreName: String?
    public var threads: Int?

    public init(configuration: String, coreName: String?, threads: Int?) {
      self.configuration = configuration
      self.coreName = coreName
      self.threads = threads
    }

    /// Looks the functions up in the global symbol table of the process; nil when OpenBLAS is not loaded.
    public static func current() -> OpenBLASQuery? {
      #if canImport(Glibc) || canImport(Darwin)
      typealias StringFunction = @convention(c) () -> UnsafePointer<CChar>?
      typealias IntFunction = @convention(c) () -> Int32
      guard let configSymbol = processSymbol("openblas_get_config") else { return nil }
      let config = unsafeBitCast(configSymbol, to: StringFunction.self)
      let configuration = config().map { String(cString: $0) } ?? "OpenBLAS"
      let coreName = processSymbol("openblas_get_corename").flatMap {
        unsafeBitCast($0, to: StringFunction.self)().map { String(cString: $0) }
      }
      let threads = processSymbol("openblas_get_num_threads").map { Int(unsafeBitCast($0, to: IntFunction.self)()) }
      return OpenBLASQuery(configuration: configuration, coreName: coreName, threads: threads)
      #else
      return nil
      #endif
    }
  }

  /// Core names whose kernels use AVX-512; any other choice on an AVX-512 CPU is a misdetection.
  public static let avx512CoreNames: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]

  /// The `/proc/cpuinfo` flags of the Haswell feature set (AVX2 and its companions; LZCNT is `abm`), the
  /// same list the Makefile checks before it compiles with `-target-cpu haswell`.
  public static let haswellFeatureFlags = ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt", "xsave"]

  /// Builds the description from raw facts; `current()` feeds it the live process, tests feed it text.
  /// - Parameters:
  ///   - mappedPaths: real paths of the shared objects mapped into the process.
  ///   - cpuinfo: the text of `/proc/cpuinfo`.
  ///   - environment: the process environment.
  ///   - openBLAS: what OpenBLAS says about itself, or nil when it is not loaded.
  ///   - processorCount: processors available to the process.
  public static func assemble(
    mappedPaths: [String], cpuinfo: String, environment: [String: String], openBLAS: OpenBLASQuery?,
    processorCount: Int
  ) -> BLASEnvironment {
    func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
    let blas = mappedPaths.first { fileName($0).hasPrefix("libblas.so") }
    let lapack = mappedPaths.first { fileName($0).hasPrefix("liblapack.so") }
    let openBLASLibrary = mappedPaths.first { fileName($0).hasPrefix("libopenblas") }

    let implementation: Implementation
    if openBLAS != nil || openBLASLibrary != nil {
      implementation = .openBLAS
    } else if let blas, blas.contains("/blas/") || blas.contains("netlib") {
      implementation = .reference
    } else if blas != nil {
      implementation = .other
    } else {
      implementation = .unknown
    }

    func positiveInteger(_ name: String) -> Int? {
      environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 > 0 ? $0 : nil }
    }
    let threads: Int
    let threadsSource: String
    if implementation == .reference {
      (threads, threadsSource) = (1, "reference BLAS is single-threaded")
    } else if let n = positiveInteger("OPENBLAS_NUM_THREADS") {
      (threads, threadsSource) = (n, "OPENBLAS_NUM_THREADS")
    } else if let n = positiveInteger("OMP_NUM_THREADS") {
      (threads, threadsSource) = (n, "OMP_NUM_THREADS")
    } else if let n = openBLAS?.threads {
      (threads, threadsSource) = (n, "openblas_get_num_threads")
    } else {
      (threads, threadsSource) = (processorCount, "processor count")
    }

    let flagsLine = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }
    let flags = Set(flagsLine.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) } ?? [])
    let hasAVX512F = flags.contains("avx512f")
    let hasHaswellFeatures = haswellFeatureFlags.allSatisfy(flags.contains)
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
      .flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let coreType = environment["OPENBLAS_CORETYPE"].flatMap { $0.isEmpty ? nil : $0 }

    var warnings: [String] = []
    if let warning = coreTypeWarning(
      implementation: implementation, cpuHasAVX512F: hasAVX512F, coreTypeOverride: coreType,
      coreName: openBLAS?.coreName)
    {
      warnings.append(warning)
    }
    if let blas, let lapack, blas.contains("openblas") != lapack.contains("openblas") {
      warnings.append(
        "libblas.so.3 (\(blas)) and liblapack.so.3 (\(lapack)) come from different implementations; "
          + "point both update-alternatives links (libblas.so.3-x86_64-linux-gnu, liblapack.so.3-x86_64-linux-gnu) at the same one")
    }
    if implementation == .reference {
      warnings.append(
        "the reference BLAS is single-threaded and ~20x slower than OpenBLAS for large matrices (Benchmarks/RESULTS.md); select OpenBLAS with "
          + "`update-alternatives --set libblas.so.3-x86_64-linux-gnu /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3` "
          + "and the same for liblapack.so.3-x86_64-linux-gnu")
    }

    return BLASEnvironment(
      implementation: implementation, blasLibrary: blas, lapackLibrary: lapack, openBLASLibrary: openBLASLibrary,
      openBLASConfiguration: openBLAS?.configuration, openBLASCoreName: openBLAS?.coreName, threads: threads,
      threadsSource: threadsSource, processorCount: processorCount, cpuHasAVX512F: hasAVX512F,
      cpuHasHaswellFeatures: hasHaswellFeatures, cpuModel: model,
      openBLASCoreTypeOverride: coreType, warnings: warnings)
  }

  /// The warning for an OpenBLAS that chose a non-AVX-512 kernel on an AVX-512 CPU while
  /// `OPENBLAS_CORETYPE` is unset; nil when there is nothing to warn about.
  public static func coreTypeWarning(
    implementation: Implementation, cpuHasAVX512F: Bool, coreTypeOverride: String?, coreName: String?
  ) -> String? {
    guard implementation == .openBLAS, cpuHasAVX512F, coreTypeOverride == nil else { return nil }
    let name = coreName ?? "unknown"
    if avx512CoreNames.contains(name.lowercased()) { return nil }
    return "OpenBLAS chose the \(name) kernels on a CPU with AVX-512 (avx512f); set OPENBLAS_CORETYPE=SkylakeX "
      + "(e.g. `export OPENBLAS_CORETYPE=SkylakeX`) to use its AVX-512 kernels, often several times faster"
  }

  /// The distinct file paths of shared objects in the text of `/proc/<pid>/maps` (6th column), in order.
  public static func mappedLibraryPaths(maps: String) -> [String] {
    var seen = Set<String>()
    var paths: [String] = []
    for line in maps.split(separator: "\n") {
      // address perms offset dev inode pathname — the pathname may contain spaces, so split 5 times.
      let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true)
      guard fields.count == 6 else { continue }
      let path = fields[5].trimmingCharacters(in: .whitespaces)
      guard path.hasPrefix("/"), path.contains(".so"), seen.insert(path).inserted else { continue }
      paths.append(path)
    }
    return paths
  }

  /// The whole text of a /proc file. Such files report size 0, so read until end of file rather than
  /// trusting the size (String(contentsOfFile:) returned only the first part of /proc/self/maps).
  static func readProcFile(_ path: String) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
    defer { try? handle.close() }
    var data = Data()
    while true {
      let chunk = handle.readData(ofLength: 65536)
      if chunk.isEmpty { break }
      data.append(chunk)
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The path with every symbolic link resolved (realpath(3)); the path itself when that fails.
  public static func resolvingSymlinks(_ path: String) -> String {
    #if canImport(Glibc) || canImport(Darwin)
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
    #else
    return path
    #endif
  }
}
