#if canImport(Glibc)
import Glibc
#endif

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
      if bytes >= 1 << 22 {
        self.withUnsafeBytes { source in
          // Addresses as Ints, which the parallel chunks may share; memcpy binds no memory to a type.
          let from = Int(bitPattern: source.baseAddress), to = Int(bitPattern: UnsafeMutableRawPointer(buffer.baseAddress))
          let chunk = 1 << 21
          forEachChunkInParallel((bytes + chunk - 1) / chunk) { k in
            let start = k * chunk
            _ = memcpy(UnsafeMutableRawPointer(bitPattern: to + start).unsafelyUnwrapped,
                       UnsafeRawPointer(bitPattern: from + start).unsafelyUnwrapped, Swift.min(chunk, bytes - start))
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
