extension Array {
  /// Moves the elements into storage of their own size when the array holds more than it needs: an array
  /// grown by doubling, or reserved from an upper bound (`Model.reserveCapacity`), keeps its whole
  /// capacity for as long as it lives, and a large model lives through its solve. Costs one copy.
  package mutating func releaseUnusedCapacity() {
    guard capacity > count else { return }
    self = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = self.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
    }
  }
}
