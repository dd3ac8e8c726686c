import DeriskSolvers
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Large arrays whose first touch is spread over the cores (`parallelFilledArray`,
/// `reserveCapacityTouchedInParallel`, `releaseUnusedCapacity`).
struct ParallelFillTests {
  /// A large array filled in parallel chunks holds the value everywhere, the partial last chunk included.
  @Test func parallelFillCoversEveryEntry() {
    let count = 3 * 65_536 + 17
    let filled = parallelFilledArray(repeating: SIMD4<Double>(1, 2, 3, 4), count: count)
    #expect(filled.count == count)
    #expect(filled.allSatisfy { $0 == SIMD4<Double>(1, 2, 3, 4) })
  }

  /// A large reservation keeps the elements, holds the capacity asked for, and its pages past the elements are
  /// resident before any append; the appends that follow fill it in place. A 64 MiB block that only
  /// `reserveCapacity` made is fresh memory none of whose pages is resident: a mapping of its own by glibc's
  /// default, or new heap once `FreedMemoryReuseTests` (same process) has switched mapping off. Only freed,
  /// touched heap memory that large could make the check pass without the touch; with the zeroing taken out
  /// it failed (resident 0), checked 2026-12-03.
  @Test func largeReservationIsTouchedAndKept() throws {
    var array = (0..<1_000).map { Double($0) + 0.5 }
    let wanted = 8 << 20  // 64 MiB of Doubles
    array.reserveCapacityTouchedInParallel(wanted)
    #expect(array.count == 1_000)
    #expect(array.capacity >= wanted)
    #expect(array.elementsEqual((0..<1_000).map { Double($0) + 0.5 }))
    #if canImport(Glibc)
    let resident = array.withUnsafeBufferPointer { buffer in
      Self.residentFraction(UnsafeRawPointer(buffer.baseAddress! + buffer.count),
                            bytes: (wanted - buffer.count) * MemoryLayout<Double>.stride)
    }
    #expect(resident == 1, "the reserved pages past the elements should have been touched")
    #endif
    let storage = array.withUnsafeBufferPointer { $0.baseAddress }
    for k in 1_000..<wanted { array.append(Double(k) + 0.5) }
    #expect(array.withUnsafeBufferPointer { $0.baseAddress } == storage)
    #expect(array[wanted - 1] == Double(wanted - 1) + 0.5)
  }

  /// Below 4 MiB, or at a capacity already held, the reservation is `reserveCapacity`'s.
  @Test func smallReservationIsPlain() {
    var array: [Int32] = [3, 1, 2]
    array.reserveCapacityTouchedInParallel(100)
    #expect(array == [3, 1, 2])
    #expect(array.capacity >= 100)
    let capacity = array.capacity
    array.reserveCapacityTouchedInParallel(10)
    #expect(array.capacity == capacity)
  }

  /// Releasing unused capacity keeps every element bit for bit, through the parallel copy (≥ 4 MiB, with a
  /// partial last chunk) and the serial one, and gives the spare capacity back.
  @Test func releasedCapacityKeepsTheElements() {
    for count in [5, (5 << 20) / 8 + 3] {
      var array: [Double] = []
      array.reserveCapacity(2 * count)
      for k in 0..<count { array.append(Double(k).squareRoot() - Double(k % 7)) }
      array.releaseUnusedCapacity()
      #expect(array.count == count)
      #expect(array.capacity < 2 * count)
      #expect(array.indices.allSatisfy { array[$0].bitPattern == (Double($0).squareRoot() - Double($0 % 7)).bitPattern })
    }
  }

  #if canImport(Glibc)
  /// The fraction of the whole pages in [start, start + bytes) that are resident (`mincore`).
  static func residentFraction(_ start: UnsafeRawPointer, bytes: Int) -> Double {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let first = (Int(bitPattern: start) + page - 1) / page * page
    let end = (Int(bitPattern: start) + bytes) / page * page
    let pages = (end - first) / page
    guard pages > 0 else { return 0 }
    var resident = [UInt8](repeating: 0, count: pages)
    guard mincore(UnsafeMutableRawPointer(bitPattern: first), end - first, &resident) == 0 else { return 0 }
    return Double(resident.filter { $0 & 1 != 0 }.count) / Double(pages)
  }
  #endif
}
