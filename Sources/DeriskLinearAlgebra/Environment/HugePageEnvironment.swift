import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whether malloc's memory can sit on 2 MiB pages, and the switch that puts it there.
///
/// A scenario-structured iteration streams through arrays of hundreds of megabytes; on 4 KiB pages every
/// 2 MiB of them needs 512 TLB entries instead of one. Linux backs anonymous memory with transparent huge
/// pages when `/sys/kernel/mm/transparent_hugepage/enabled` is `always`, but when it is `madvise` (Debian's
/// default) only memory that asked with `madvise(MADV_HUGEPAGE)`. glibc 2.35 and newer asks for all the
/// memory malloc takes from the kernel when the process starts with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`
/// (`hugetlb=2` uses reserved hugetlbfs pages instead). Tunables are read once, at startup, so a running
/// process gets the switch only by starting again: `relaunchWithHugePagesIfUseful()` does that for an
/// executable, and `derisk` calls it first thing.
///
/// Measured (Benchmarks/RESULTS.md, issue 6): at 100,000 generated scenarios the same binary solves in
/// 57.6–58.6 s with the switch against 60.7–64.0 s without, the same iterations bit for bit.
public struct HugePageEnvironment: Sendable, Hashable, Codable {
  /// The kernel's transparent-huge-page mode, the bracketed word of
  /// `/sys/kernel/mm/transparent_hugepage/enabled`: "always", "madvise" or "never"; nil when unreadable.
  public var transparentHugePages: String?
  /// `gnu_get_libc_version()`, e.g. "2.36"; nil when the C library is not glibc.
  public var glibcVersion: String?
  /// `GLIBC_TUNABLES` as the process sees it; nil when unset.
  public var glibcTunables: String?
  /// Whether `GLIBC_TUNABLES` sets `glibc.malloc.hugetlb` to 1 or 2 (its last setting wins).
  public var mallocAsksForHugePages: Bool
  /// Whether `glibc.malloc.hugetlb` appears in `GLIBC_TUNABLES` at all, with any value: a choice made by
  /// whoever started the process, which a relaunch leaves alone.
  public var mallocHugePagesChosen: Bool
  /// Whether `DERISK_HUGE_PAGES=0` turns the relaunch off.
  public var relaunchDisabled: Bool

  /// The environment variable that turns the relaunch off when set to `0`.
  public static let disableVariable = "DERISK_HUGE_PAGES"
  /// The tunable the relaunch adds.
  public static let tunable = "glibc.malloc.hugetlb=1"

  /// Whether starting again with `tunable` would put malloc's memory on huge pages: the kernel grants them
  /// only on request (`madvise`), glibc is 2.35 or newer, nobody chose a `glibc.malloc.hugetlb` setting,
  /// and `DERISK_HUGE_PAGES` is not `0`.
  public var relaunchWouldHelp: Bool {
    hugePagesOnRequest && !mallocHugePagesChosen && !relaunchDisabled
  }

  /// Whether the kernel grants huge pages only on request (`madvise`) and glibc (2.35 or newer) can ask.
  private var hugePagesOnRequest: Bool {
    guard transparentHugePages == "madvise", let glibcVersion else { return false }
    return Self.version(glibcVersion, isAtLeast: (2, 35))
  }

  /// A problem worth a line in `derisk doctor`: huge pages are on offer but malloc does not ask for them.
  public var warning: String? {
    guard hugePagesOnRequest, !mallocAsksForHugePages else { return nil }
    return "malloc's memory sits on 4 KiB pages (the kernel grants 2 MiB pages only on request and "
      + "GLIBC_TUNABLES does not ask for them): scenario-structured solves with 10,000 and more scenarios take "
      + "about a tenth longer; start with GLIBC_TUNABLES=\(Self.tunable)"
      + (relaunchDisabled ? " or without \(Self.disableVariable)=0 (derisk then relaunches itself with it)" : "")
  }

  /// Reads the facts of the running process.
  public static func current() -> HugePageEnvironment {
    let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
    return assemble(transparentHugePagesFile: mode, glibcVersion: glibcVersion(),
                    environment: ProcessInfo.processInfo.environment)
  }

  /// Builds the description from raw facts; `current()` feeds it the live process, tests feed it text.
  /// - Parameters:
  ///   - transparentHugePagesFile: the text of `/sys/kernel/mm/transparent_hugepage/enabled`, e.g.
  ///     "always [madvise] never", or nil when unreadable.
  ///   - glibcVersion: `gnu_get_libc_version()`, or nil off glibc.
  ///   - environment: the process environment.
  public static func assemble(transparentHugePagesFile: String?, glibcVersion: String?,
                              environment: [String: String]) -> HugePageEnvironment {
    let mode = transparentHugePagesFile.flatMap { text -> String? in
      guard let open = text.firstIndex(of: "["), let close = text[open...].firstIndex(of: "]") else { return nil }
      return String(text[text.index(after: open)..<close])
    }
    let tunables = environment["GLIBC_TUNABLES"]
    // GLIBC_TUNABLES is name=value pairs separated by colons; a later pair overrides an earlier one.
    let hugetlb = (tunables ?? "").split(separator: ":").compactMap { pair -> Substring? in
      let parts = pair.split(separator: "=", maxSplits: 1)
      return parts.count == 2 && parts[0] == "glibc.malloc.hugetlb" ? parts[1] : nil
    }.last
    return HugePageEnvironment(
      transparentHugePages: mode, glibcVersion: glibcVersion, glibcTunables: tunables,
      mallocAsksForHugePages: hugetlb == "1" || hugetlb == "2", mallocHugePagesChosen: hugetlb != nil,
      relaunchDisabled: environment[disableVariable] == "0")
  }

  /// `gnu_get_libc_version()`, looked up with `dlsym` (the Glibc module does not declare it); nil off glibc.
  static func glibcVersion() -> String? {
    #if canImport(Glibc)
    typealias VersionFunction = @convention(c) () -> UnsafePointer<CChar>?
    guard let symbol = processSymbol("gnu_get_libc_version") else { return nil }
    return unsafeBitCast(symbol, to: VersionFunction.self)().map { String(cString: $0) }
    #else
    return nil
    #endif
  }

  /// Whether a dotted version such as "2.36" is at least `minimum` (major, minor).
  static func version(_ text: String, isAtLeast minimum: (Int, Int)) -> Bool {
    let parts = text.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
    let major = parts.first ?? 0, minor = parts.count > 1 ? parts[1] : 0
    return (major, minor) >= minimum
  }

  /// Starts this program again (`/proc/self/exe`, the same arguments) with `tunable` added to
  /// `GLIBC_TUNABLES`, when `relaunchWouldHelp`; otherwise, or if the exec fails, returns and the program
  /// runs on as it is. Call it first thing in `main`, before any thread starts or any input is read: the
  /// process keeps its id, its open files and its environment (plus the tunable, which also stops a second
  /// relaunch), and loses only what it did before the call.
  public static func relaunchWithHugePagesIfUseful() {
    #if os(Linux)
    let environment = current()
    guard environment.relaunchWouldHelp else { return }
    let existing = environment.glibcTunables.flatMap { $0.isEmpty ? nil : $0 }
    setenv("GLIBC_TUNABLES", existing.map { "\($0):\(tunable)" } ?? tunable, 1)
    execv("/proc/self/exe", CommandLine.unsafeArgv)
    // Only reached when the exec failed.
    if let tunables = environment.glibcTunables { setenv("GLIBC_TUNABLES", tunables, 1) } else { unsetenv("GLIBC_TUNABLES") }
    #endif
  }
}
