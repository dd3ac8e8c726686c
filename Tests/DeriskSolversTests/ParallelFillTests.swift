import DeriskSolvers
import Testing

/// Large arrays whose first touch is spread over the cores (`parallelFilledArray`).
struct ParallelFillTests {
  /// A large array filled in parallel chunks holds the value everywhere, the partial last chunk included.
  @Test func parallelFillCoversEveryEntry() {
    let count = 3 * 65_536 + 17
    let filled = parallelFilledArray(repeating: SIMD4<Double>(1, 2, 3, 4), count: count)
    #expect(filled.count == count)
    #expect(filled.allSatisfy { $0 == SIMD4<Double>(1, 2, 3, 4) })
  }
}
