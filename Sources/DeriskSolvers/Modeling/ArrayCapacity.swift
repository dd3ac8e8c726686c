#if canImport(Glibc)
import Glibc
#endif

extension Array {
  /// `reserveCapacity(minimumCapacity)`, with the new storage's first touch on all cores: the elements are
  /// copied into it and the rest of it is zeroed in parallel chunks of 2 MiB (bytes the array does not count
  /// as elements), so that the appends that fill it later meet pages the kernel has already cleared. On a
  /// machine that clears fresh pages slowly (330 MB/s for 2 MiB pages, see `parallelFilledArray`) an array
  /// filled by appends on one thread otherwise pays for every fresh page on that thread. Storage below 4 MiB,
  /// or an array that already has the capacity, is reserved as `reserveCapacity` does.
  package mutating func reserveCapacityTouchedInParallel(_ minimumCapacity: Int) {
    let stride = MemoryLayout<Element>.stride
    #if canImport(Glibc)
    guard minimumCapacity > capacity, minimumCapacity * stride >= largeArrayBytes else {
      reserveCapacity(minimumCapacity)
      return
    }
    self = Array(unsafeUninitializedCapacity: minimumCapacity) { buffer, initialized in
      initialized = self.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
      let first = Int(bitPattern: UnsafeMutableRawPointer(buffer.baseAddress.unsafelyUnwrapped + initialized))
      forEachByteChunkInParallel((buffer.count - initialized) * stride) { start, length in
        _ = memset(UnsafeMutableRawPointer(bitPattern: first + start).unsafelyUnwrapped, 0, length)
      }
    }
    #else
    reserveCapacity(minimumCapacity)
    #endif
  }
}

extension Array where Element: BitwiseCopyable {
  /// Moves the elements into storage of their own size when the array holds more than it needs: an array
  /// grown by doubling, or reserved from an upper bound (`Model.reserveCapacity`), keeps its whole
  /// capacity for as long as it lives, and a large model lives through its solve. Costs one copy, made on
  /// all cores in chunks of 2 MiB when it is 4 MiB or more, so that the new storage's fresh pages are
  /// first touched on all of them (see `parallelFilledArray`).
  package mutating func releaseUnusedCapacity() {
    guard capacity > count else { return }
    guard !isEmpty else { self = []; return }
    let bytes = count * MemoryLayout<Element>.stride
    self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      #if canImport(Glibc)
      if bytes >= largeArrayBytes {
        self.withUnsafeBytes { source in
          let from = Int(bitPattern: source.baseAddress), to = Int(bitPattern: UnsafeMutableRawPointer(buffer.baseAddress))
          forEachByteChunkInParallel(bytes) { start, length in
            _ = memcpy(UnsafeMutableRawPointer(bitPattern: to + start).unsafelyUnwrapped,
                       UnsafeRawPointer(bitPattern: from + start).unsafelyUnwrapped, length)
          }
        }
        initialized = count
        return
      }
      #endif
      initialized = self.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
    }
  }
}

/// Arrays of this many bytes or more have their storage first touched on all cores.
private let largeArrayBytes = 1 << 22

/// Runs `body(start, length)` over [0, bytes) in chunks of 2 MiB on all cores. The callers pass addresses as
/// Ints, which the chunks may share, and write through memset or memcpy, which bind no memory to a type.
private func forEachByteChunkInParallel(_ bytes: Int, _ body: @Sendable (_ start: Int, _ length: Int) -> Void) {
  let chunk = 1 << 21
  forEachChunkInParallel((bytes + chunk - 1) / chunk) { k in body(k * chunk, Swift.min(chunk, bytes - k * chunk)) }
}
