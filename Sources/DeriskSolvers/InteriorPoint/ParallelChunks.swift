import DeriskLinearAlgebra
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A raw view of a buffer that parallel chunks write to at disjoint indices.
///
/// `@unchecked Sendable`: callers guarantee that no two chunks touch the same index, and that the buffer
/// outlives the parallel loop (it is only made inside `withUnsafeMutableBufferPointer`). Buffers handed
/// to it are never empty.
package struct DisjointWrites<Element>: @unchecked Sendable {
  let base: UnsafeMutablePointer<Element>

  package init(_ buffer: UnsafeMutableBufferPointer<Element>) {
    precondition(buffer.count > 0, "DisjointWrites needs a non-empty buffer")
    base = buffer.baseAddress.unsafelyUnwrapped
  }

  @inline(__always) package subscript(i: Int) -> Element {
    get { base[i] }
    nonmutating set { base[i] = newValue }
  }

  /// The sub-buffer [lower, upper).
  @inline(__always) func slice(_ lower: Int, _ upper: Int) -> UnsafeMutableBufferPointer<Element> {
    UnsafeMutableBufferPointer(start: base + lower, count: upper - lower)
  }
}

/// Runs `body(chunk)` for chunk = 0 ..< count on all cores. What each chunk computes must not depend on
/// which thread runs it, so results are the same for any number of threads.
package func forEachChunkInParallel(_ count: Int, _ body: @Sendable (Int) -> Void) {
  if count == 1 { body(0); return }
  if count > 1 { DispatchQueue.concurrentPerform(iterations: count, execute: body) }
}

/// Returns the memory malloc holds freed to the system (glibc's `malloc_trim(0)`, looked up with `dlsym`: the
/// Glibc module does not declare it), for a caller whose parallel loops allocated and freed much in the worker
/// threads: glibc gives each thread an arena of its own and keeps what is freed there for that arena, so the
/// resident set stays high until the memory is trimmed. Nothing off glibc.
package func releaseFreedMemory() {
  #if canImport(Glibc)
  typealias Trim = @convention(c) (Int) -> Int32
  guard let symbol = processSymbol("malloc_trim") else { return }
  _ = unsafeBitCast(symbol, to: Trim.self)(0)
  #endif
}

/// `count` copies of `value`, written in parallel chunks of 2¹⁶ entries: a large array's first touch (the
/// kernel clearing its fresh pages, 0.7 s for the 240 MB of factor storage at 100,000 generated scenarios on
/// a machine that clears 2 MiB pages at 330 MB/s) then runs on all cores. Small arrays are filled serially.
package func parallelFilledArray<T: BitwiseCopyable & Sendable>(repeating value: T, count: Int) -> [T] {
  let chunk = 1 << 16
  guard count > 2 * chunk else { return [T](repeating: value, count: count) }
  return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
    let out = DisjointWrites(buffer)
    forEachChunkInParallel((count + chunk - 1) / chunk) { k in
      out.slice(k * chunk, min(count, (k + 1) * chunk)).initialize(repeating: value)
    }
    initialized = count
  }
}

/// `transform(values[order[k]])` for each k (`order[k]` an index of `values`), written in parallel chunks:
/// a permuted copy (`StandardForm.permute`) whose fresh pages are first touched on all cores.
package func parallelGathered<T: Sendable, U: BitwiseCopyable & Sendable>(_ values: [T], at order: [Int],
                                                                _ transform: @Sendable (T) -> U) -> [U] {
  guard !order.isEmpty else { return [] }
  return [U](unsafeUninitializedCapacity: order.count) { buffer, written in
    let out = DisjointWrites(buffer)
    let chunk = 1 << 16
    forEachChunkInParallel((order.count + chunk - 1) / chunk) { k in
      for i in k * chunk..<min(order.count, (k + 1) * chunk) { out[i] = transform(values[order[i]]) }
    }
    written = order.count
  }
}
