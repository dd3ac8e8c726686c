import DeriskLinearAlgebra
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `FreedMemoryReuse` against glibc's documented behaviour (the manual's "Malloc Tunable Parameters": a
/// request above `M_MMAP_THRESHOLD`, at most 32 MiB on 64-bit systems, is served by `mmap` while fewer than
/// `M_MMAP_MAX` such mappings exist) and the chunk layout of glibc's malloc.c (the size word just before the
/// user pointer, bit 0x2 `IS_MMAPPED`).
@Suite("Freed memory kept for reuse (FreedMemoryReuse)")
struct FreedMemoryReuseTests {
  @Test("a threshold in GLIBC_TUNABLES is the caller's choice; hugetlb alone is not")
  func tunablesChoose() {
    #expect(!FreedMemoryReuse.chosen(inTunables: nil))
    #expect(!FreedMemoryReuse.chosen(inTunables: ""))
    #expect(!FreedMemoryReuse.chosen(inTunables: "glibc.malloc.hugetlb=1"))
    #expect(FreedMemoryReuse.chosen(inTunables: "glibc.malloc.hugetlb=1:glibc.malloc.mmap_max=65536"))
    #expect(FreedMemoryReuse.chosen(inTunables: "glibc.malloc.trim_threshold=131072"))
    #expect(FreedMemoryReuse.chosen(inTunables: "glibc.malloc.mmap_threshold=1048576:glibc.malloc.hugetlb=1"))
    #expect(!FreedMemoryReuse.chosen(inTunables: "glibc.malloc.mmap_maximum=1"))
  }

  #if canImport(Glibc)
  /// Whether glibc served `pointer` with a mapping of its own (`IS_MMAPPED` in the chunk's size word).
  static func isMapped(_ pointer: UnsafeMutableRawPointer) -> Bool {
    (pointer - MemoryLayout<Int>.size).load(as: UInt.self) & 0x2 != 0
  }

  /// glibc maps a 40 MiB request when no free chunk in its heaps can serve it. Other tests of this process
  /// free mapped blocks, which raises glibc's dynamic threshold, and blocks of several MiB then come from the
  /// heaps and may leave a free chunk of 40 MiB there (this test once failed on one): a request served from
  /// such a chunk is held (to the end, so that the request after the switch cannot take it either), and the
  /// next one asked for, until one is mapped.
  @Test("a 40 MiB allocation is its own mapping by default and comes from the heap once the switch is set")
  func largeAllocationsComeFromTheHeap() throws {
    let bytes = 40 << 20
    var held: [UnsafeMutableRawPointer] = []
    defer { held.forEach { free($0) } }
    var mappedBefore = false
    for _ in 0..<8 {
      let before = try #require(malloc(bytes))
      if Self.isMapped(before) {
        mappedBefore = true
        free(before)
        break
      }
      held.append(before)
    }
    let tunables = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"]
    try #require(!FreedMemoryReuse.chosen(inTunables: tunables), "GLIBC_TUNABLES sets a malloc threshold")
    #expect(mappedBefore, "glibc's default maps a request above 32 MiB by itself")
    #expect(FreedMemoryReuse.keepFreedMemory())
    let after = try #require(malloc(bytes))
    #expect(!Self.isMapped(after))
    free(after)
  }
  #endif
}
