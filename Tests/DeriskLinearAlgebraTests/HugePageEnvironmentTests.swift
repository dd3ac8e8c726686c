import DeriskLinearAlgebra
import Testing

/// When a relaunch with `glibc.malloc.hugetlb=1` helps, from the facts the kernel and glibc document:
/// the bracketed mode of /sys/kernel/mm/transparent_hugepage/enabled (Documentation/admin-guide/mm/transhuge.rst)
/// and the GLIBC_TUNABLES syntax and `glibc.malloc.hugetlb` values of glibc 2.35's manual ("Memory Allocation
/// Tunables": 1 = madvise(MADV_HUGEPAGE) on malloc's memory, 2 = hugetlbfs pages).
@Suite("Huge pages for malloc (HugePageEnvironment)")
struct HugePageEnvironmentTests {
  static func environment(mode: String? = "always [madvise] never", glibc: String? = "2.36",
                          _ variables: [String: String] = [:]) -> HugePageEnvironment {
    HugePageEnvironment.assemble(transparentHugePagesFile: mode.map { $0 + "\n" }, glibcVersion: glibc,
                                 environment: variables)
  }

  @Test("madvise mode, glibc 2.36, nothing set: relaunch, and warn until it has happened")
  func madviseModeRelaunches() {
    let pages = Self.environment()
    #expect(pages.transparentHugePages == "madvise")
    #expect(!pages.mallocAsksForHugePages && !pages.mallocHugePagesChosen)
    #expect(pages.relaunchWouldHelp)
    #expect(pages.warning?.contains("GLIBC_TUNABLES=glibc.malloc.hugetlb=1") == true)
  }

  @Test("always and never modes, and glibc before 2.35 or none: nothing to gain")
  func otherModesDoNot() {
    #expect(!Self.environment(mode: "[always] madvise never").relaunchWouldHelp)
    #expect(!Self.environment(mode: "always madvise [never]").relaunchWouldHelp)
    #expect(!Self.environment(mode: nil).relaunchWouldHelp)
    #expect(!Self.environment(glibc: "2.34").relaunchWouldHelp)
    #expect(!Self.environment(glibc: nil).relaunchWouldHelp)
    #expect(Self.environment(glibc: "2.35").relaunchWouldHelp)
    #expect(Self.environment(glibc: "3.0").relaunchWouldHelp)
    #expect(Self.environment(mode: "[always] madvise never").warning == nil)
  }

  @Test("GLIBC_TUNABLES: the last hugetlb setting wins, any setting is a choice a relaunch leaves alone")
  func tunablesAreParsed() {
    let asked = Self.environment(["GLIBC_TUNABLES": "glibc.malloc.check=0:glibc.malloc.hugetlb=1"])
    #expect(asked.mallocAsksForHugePages && asked.mallocHugePagesChosen && !asked.relaunchWouldHelp)
    #expect(asked.warning == nil)
    #expect(Self.environment(["GLIBC_TUNABLES": "glibc.malloc.hugetlb=2"]).mallocAsksForHugePages)
    let declined = Self.environment(["GLIBC_TUNABLES": "glibc.malloc.hugetlb=1:glibc.malloc.hugetlb=0"])
    #expect(!declined.mallocAsksForHugePages && declined.mallocHugePagesChosen && !declined.relaunchWouldHelp)
    #expect(declined.warning != nil)
    let other = Self.environment(["GLIBC_TUNABLES": "glibc.malloc.trim_threshold=1000000"])
    #expect(!other.mallocHugePagesChosen && other.relaunchWouldHelp)
    #expect(other.glibcTunables == "glibc.malloc.trim_threshold=1000000")
  }

  @Test("DERISK_HUGE_PAGES=0 turns the relaunch off, and the warning says how to turn it back on")
  func optOut() {
    let off = Self.environment(["DERISK_HUGE_PAGES": "0"])
    #expect(off.relaunchDisabled && !off.relaunchWouldHelp)
    #expect(off.warning?.contains("DERISK_HUGE_PAGES=0") == true)
    #expect(Self.environment(["DERISK_HUGE_PAGES": "1"]).relaunchWouldHelp)
  }
}
