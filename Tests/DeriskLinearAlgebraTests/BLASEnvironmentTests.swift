import DeriskLinearAlgebra
import Foundation
import Testing

@Suite("Which BLAS is loaded (BLASEnvironment)")
struct BLASEnvironmentTests {
  // A /proc/self/maps excerpt in the kernel's format (proc(5)): anonymous mappings, [heap], duplicates,
  // and a path with a space must all be handled.
  static let maps = """
    55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 123 /work/.build/release/derisk
    55d0c1000000-55d0c1021000 rw-p 00000000 00:00 0                          [heap]
    7f5eed890000-7f5eed9b5000 r--p 00000000 fe:00 4907014                    /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so
    7f5eed9b5000-7f5eed9bd000 r-xp 00125000 fe:00 4907014                    /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so
    7f5eeda00000-7f5eeda10000 r--p 00000000 fe:00 4907015                    /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3
    7f5eedb00000-7f5eedb10000 r--p 00000000 fe:00 4907016                    /usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3
    7f5eedc00000-7f5eedc10000 r--p 00000000 fe:00 4907017                    /opt/my libs/libfoo.so.1
    7f5eedd00000-7f5eedd01000 rw-p 00000000 00:00 0
    """

  static let cpuinfoAVX512 = """
    processor\t: 0
    model name\t: AMD EPYC
    flags\t\t: fpu sse sse2 avx avx2 avx512f avx512dq
    """
  static let cpuinfoAVX2 = """
    processor\t: 0
    model name\t: Intel(R) Core(TM) i7-4770
    flags\t\t: fpu sse sse2 avx avx2 avx512_fake
    """

  @Test("mappedLibraryPaths keeps each shared object once, in order, including paths with spaces")
  func parsesMaps() {
    #expect(BLASEnvironment.mappedLibraryPaths(maps: Self.maps) == [
      "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so",
      "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
      "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3",
      "/opt/my libs/libfoo.so.1",
    ])
  }

  static func openBLAS(core: String, threads: Int = 2) -> BLASEnvironment.OpenBLASQuery {
    .init(configuration: "OpenBLAS 0.3.21 DYNAMIC_ARCH", coreName: core, threads: threads)
  }

  @Test("OpenBLAS on an AVX-512 CPU that chose Prescott warns with the OPENBLAS_CORETYPE=SkylakeX fix")
  func prescottWarning() throws {
    // Debian's OpenBLAS 0.3.21 misdetects some AVX-512 CPUs as Prescott (see STYLE.md, "BLAS speed").
    let environment = BLASEnvironment.assemble(
      mappedPaths: BLASEnvironment.mappedLibraryPaths(maps: Self.maps), cpuinfo: Self.cpuinfoAVX512,
      environment: [:], openBLAS: Self.openBLAS(core: "Prescott"), processorCount: 2)
    #expect(environment.implementation == .openBLAS)
    #expect(environment.cpuHasAVX512F)
    #expect(environment.cpuModel == "AMD EPYC")
    #expect(environment.blasLibrary == "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3")
    #expect(environment.lapackLibrary == "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3")
    #expect(environment.threads == 2 && environment.threadsSource == "openblas_get_num_threads")
    #expect(environment.warnings.count == 1)
    let warning = try #require(environment.warnings.first)
    #expect(warning.contains("OPENBLAS_CORETYPE=SkylakeX") && warning.contains("Prescott"))
    #expect(environment.libraryDescription == "OpenBLAS 0.3.21 DYNAMIC_ARCH (core Prescott)")
  }

  @Test("No core-type warning when OPENBLAS_CORETYPE is set, the core is AVX-512, or the CPU lacks avx512f")
  func noWarning() {
    let paths = BLASEnvironment.mappedLibraryPaths(maps: Self.maps)
    let overridden = BLASEnvironment.assemble(
      mappedPaths: paths, cpuinfo: Self.cpuinfoAVX512, environment: ["OPENBLAS_CORETYPE": "SkylakeX"],
      openBLAS: Self.openBLAS(core: "SkylakeX"), processorCount: 2)
    #expect(overridden.warnings.isEmpty && overridden.openBLASCoreTypeOverride == "SkylakeX")
    for core in ["SkylakeX", "Cooperlake", "SapphireRapids"] {
      let good = BLASEnvironment.assemble(
        mappedPaths: paths, cpuinfo: Self.cpuinfoAVX512, environment: [:], openBLAS: Self.openBLAS(core: core),
        processorCount: 2)
      #expect(good.warnings.isEmpty, "core \(core)")
    }
    // `avx512_fake` must not be mistaken for `avx512f`: flags are matched as whole words.
    let noAVX512 = BLASEnvironment.assemble(
      mappedPaths: paths, cpuinfo: Self.cpuinfoAVX2, environment: [:], openBLAS: Self.openBLAS(core: "Haswell"),
      processorCount: 8)
    #expect(!noAVX512.cpuHasAVX512F && noAVX512.warnings.isEmpty)
  }

  @Test("The Haswell feature set needs every one of its flags, matched as whole words")
  func haswellFeatures() {
    let paths = BLASEnvironment.mappedLibraryPaths(maps: Self.maps)
    func environment(flags: [String]) -> BLASEnvironment {
      BLASEnvironment.assemble(mappedPaths: paths, cpuinfo: "model name\t: CPU\nflags\t\t: fpu sse2 " + flags.joined(separator: " "),
                               environment: [:], openBLAS: Self.openBLAS(core: "Haswell"), processorCount: 2)
    }
    let all = BLASEnvironment.haswellFeatureFlags
    #expect(environment(flags: all).cpuHasHaswellFeatures)
    #expect(environment(flags: all.reversed() + ["avx512f"]).cpuHasHaswellFeatures)
    for missing in all {
      #expect(!environment(flags: all.filter { $0 != missing }).cpuHasHaswellFeatures, "without \(missing)")
      #expect(!environment(flags: all.map { $0 == missing ? $0 + "_fake" : $0 }).cpuHasHaswellFeatures,
              "\(missing)_fake in place of \(missing)")
    }
    // The two fixtures above list avx2 but not fma, bmi1, bmi2, …
    #expect(!environment(flags: []).cpuHasHaswellFeatures)
    #expect(!BLASEnvironment.assemble(mappedPaths: paths, cpuinfo: Self.cpuinfoAVX2, environment: [:], openBLAS: nil,
                                      processorCount: 2).cpuHasHaswellFeatures)
  }

  @Test("Thread count: OPENBLAS_NUM_THREADS, then OMP_NUM_THREADS, then OpenBLAS, then processors")
  func threads() {
    let paths = BLASEnvironment.mappedLibraryPaths(maps: Self.maps)
    func assemble(_ env: [String: String], _ query: BLASEnvironment.OpenBLASQuery?) -> BLASEnvironment {
      BLASEnvironment.assemble(mappedPaths: paths, cpuinfo: Self.cpuinfoAVX2, environment: env, openBLAS: query,
                               processorCount: 8)
    }
    let a = assemble(["OPENBLAS_NUM_THREADS": "3", "OMP_NUM_THREADS": "5"], Self.openBLAS(core: "Haswell", threads: 7))
    #expect(a.threads == 3 && a.threadsSource == "OPENBLAS_NUM_THREADS")
    let b = assemble(["OMP_NUM_THREADS": "5"], Self.openBLAS(core: "Haswell", threads: 7))
    #expect(b.threads == 5 && b.threadsSource == "OMP_NUM_THREADS")
    let c = assemble(["OPENBLAS_NUM_THREADS": "zero"], Self.openBLAS(core: "Haswell", threads: 7))
    #expect(c.threads == 7 && c.threadsSource == "openblas_get_num_threads")
    let d = assemble([:], nil)
    #expect(d.threads == 8 && d.threadsSource == "processor count")
  }

  @Test("Reference BLAS: recognised by its Debian path, single-threaded, with a warning naming update-alternatives")
  func reference() throws {
    let environment = BLASEnvironment.assemble(
      mappedPaths: ["/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0", "/usr/lib/x86_64-linux-gnu/lapack/liblapack.so.3.11.0"],
      cpuinfo: Self.cpuinfoAVX512, environment: ["OPENBLAS_NUM_THREADS": "2"], openBLAS: nil, processorCount: 2)
    #expect(environment.implementation == .reference)
    #expect(environment.libraryDescription == "reference BLAS (Netlib)")
    #expect(environment.threads == 1)
    #expect(environment.warnings.count == 1)
    #expect(try #require(environment.warnings.first).contains("update-alternatives --set libblas.so.3-x86_64-linux-gnu"))
  }

  @Test("BLAS and LAPACK from different implementations are flagged")
  func mixed() {
    let environment = BLASEnvironment.assemble(
      mappedPaths: ["/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0",
                    "/usr/lib/x86_64-linux-gnu/openblas-pthread/liblapack.so.3"],
      cpuinfo: Self.cpuinfoAVX2, environment: [:], openBLAS: Self.openBLAS(core: "Haswell"), processorCount: 2)
    #expect(environment.warnings.contains { $0.contains("different implementations") })
  }

  @Test("current(): this test process has a real BLAS and LAPACK mapped")
  func current() throws {
    // The test binary links DeriskLinearAlgebra, hence libblas.so.3 and liblapack.so.3 (Package.swift, CDeriskLAPACK).
    let environment = BLASEnvironment.current()
    #expect(environment.implementation == .openBLAS || environment.implementation == .reference)
    let blas = try #require(environment.blasLibrary)
    let lapack = try #require(environment.lapackLibrary)
    #expect(FileManager.default.fileExists(atPath: blas) && FileManager.default.fileExists(atPath: lapack))
    #expect(environment.threads >= 1)
    if environment.implementation == .openBLAS {
      #expect(environment.openBLASConfiguration?.hasPrefix("OpenBLAS") == true)
      #expect(environment.openBLASCoreName?.isEmpty == false)
    }
  }
}
