import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Keeps the memory a process frees for its own later allocations, instead of giving it back to the kernel.
///
/// glibc serves every allocation of 32 MiB or more with its own `mmap` and returns it with `munmap` when
/// freed (the largest threshold `M_MMAP_THRESHOLD` accepts). At 100,000 scenarios nearly every vector of a
/// solve is larger than that (4.6 million columns: 37 MB), so each array that presolve, scaling and the
/// linear system's setup create and drop is fresh memory whose pages the kernel must fault in and zero
/// (`clear_page_erms`, the kernel zeroing pages, was 23 % of the samples of a one-iteration `derisk solve`
/// under `perf`, and 28 % of the solver's own), while at 10,000 scenarios the same arrays come back from
/// malloc's heap. With `mallopt(M_MMAP_MAX, 0)` every allocation comes from the
/// heap, and `M_TRIM_THRESHOLD` at 2 GiB keeps freed memory there for reuse; the peak grows by what the
/// heap cannot reuse (3.0 → 3.3–3.4 GB at 100,000 scenarios).
///
/// Measured (Benchmarks/RESULTS.md, issue 6, session 37; alternated runs, the same iterates): 100,000
/// generated scenarios in 72.2 s instead of 79.0 s on the medians, faster in five pairs of six; the solver's
/// setup 5.1–5.6 s instead of 8.3–9.4 s.
public enum FreedMemoryReuse {
  /// `GLIBC_TUNABLES` names that mean whoever started the process chose malloc's thresholds themselves.
  static let tunableNames = ["glibc.malloc.mmap_max", "glibc.malloc.mmap_threshold", "glibc.malloc.trim_threshold"]

  /// Whether `keepFreedMemory()` has set both options in this process.
  public static var isKept: Bool { kept.withLock { $0 } }
  private static let kept = Mutex(false)

  /// Whether `tunables` (the value of `GLIBC_TUNABLES`) already sets one of malloc's thresholds.
  public static func chosen(inTunables tunables: String?) -> Bool {
    (tunables ?? "").split(separator: ":").contains { pair in
      tunableNames.contains(String(pair.split(separator: "=", maxSplits: 1).first ?? ""))
    }
  }

  /// Sets `M_MMAP_MAX` to 0 and `M_TRIM_THRESHOLD` to 2³¹ − 1 bytes with glibc's `mallopt`, unless
  /// `GLIBC_TUNABLES` chose a threshold; returns whether both took effect (false off glibc). Process-wide:
  /// an executable calls it first thing (`derisk` does); a library embedding Derisk decides for itself.
  @discardableResult
  public static func keepFreedMemory() -> Bool {
    #if canImport(Glibc)
    guard !chosen(inTunables: ProcessInfo.processInfo.environment["GLIBC_TUNABLES"]) else { return false }
    typealias MalloptFunction = @convention(c) (Int32, Int32) -> Int32
    guard let symbol = processSymbol("mallopt") else { return false }
    let mallopt = unsafeBitCast(symbol, to: MalloptFunction.self)
    // <malloc.h>: M_TRIM_THRESHOLD −1, M_MMAP_MAX −4; mallopt returns 1 on success.
    let trim = mallopt(-1, Int32.max), mmapMax = mallopt(-4, 0)
    let set = trim == 1 && mmapMax == 1
    if set { kept.withLock { $0 = true } }
    return set
    #else
    return false
    #endif
  }
}
