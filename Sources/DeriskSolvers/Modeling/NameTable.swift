/// The names of a model's variables (or constraints), by index, with a lookup by name.
///
/// Name k is stored as the UTF-8 bytes `bytes[ends[k − 1] ..< ends[k]]` of one contiguous arena (ends[−1] = 0),
/// and found by name through an open-addressing index: `slots` holds name indices (−1 empty), probed linearly
/// from the name's FNV-1a hash, at most 0.7 full. A name costs its UTF-8 bytes, 4 bytes of end offset and 6 to
/// 12 bytes of slots (about 40 bytes for a sourcing name), where a `[String]` entry (16 bytes, and a heap block
/// of its own past 15 bytes of UTF-8) with a `[String: Int]` bucket (24 bytes, at most 0.75 full) took about
/// 160: 10.9 million sourcing names at 100,000 scenarios held about 1.75 GB that way. At most 2³¹ − 1 names
/// and 4 GiB of UTF-8 (32-bit indices and offsets); `append` traps, saying so, past either.
///
/// Names compare by their UTF-8 bytes, not by `String ==`, which identifies canonically equivalent strings
/// ("é" as one scalar U+00E9 and as "e" + U+0301): two such names are different names here. Byte equality is
/// the stricter rule, and the one that the MPS writer and other readers of the lowered names see.
///
/// The hash is FNV-1a over the bytes, with no per-process seed, so the table's layout (and its cost) is the
/// same on every run. A value type: copies are independent (the arrays inside are copied on write).
package struct NameTable: Sendable {
  /// The UTF-8 bytes of every name, one after the other.
  private var bytes: [UInt8] = []
  /// ends[k]: the end of name k in `bytes`; 32 bits, so the arena holds at most 4 GiB of names.
  private var ends: [UInt32] = []
  /// Name indices, −1 for an empty slot; a power-of-two count, or empty once `dropIndex()` ran.
  private var slots: [Int32] = []
  /// Whether `slots` indexes every name (false after `dropIndex()`).
  private var indexed = true

  /// An empty table.
  package init() {}

  /// Number of names.
  package var count: Int { ends.count }
  /// Number of bytes the names take in the arena.
  package var byteCount: Int { bytes.count }
  /// Whether lookups by name work (false after `dropIndex()`).
  package var isIndexed: Bool { indexed }

  /// Name k.
  package func name(at k: Int) -> String {
    let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
    return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
  }

  /// Every name, in order (what the lowered program's `columnNames` / `rowNames` hold).
  package func allNames() -> [String] {
    var result: [String] = []
    result.reserveCapacity(count)
    for k in 0..<count { result.append(name(at: k)) }
    return result
  }

  /// The index of the name whose UTF-8 bytes equal `name`'s, or nil (always nil after `dropIndex()`).
  package func lookup(_ name: String) -> Int? {
    guard indexed, !slots.isEmpty else { return nil }
    var name = name
    return name.withUTF8 { key in
      bytes.withUnsafeBufferPointer { arena in
        ends.withUnsafeBufferPointer { ends in
          slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var s = NameTable.slot(of: key, mask: mask)
            while true {
              let k = Int(slots[s])
              if k < 0 { return nil }
              let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
              if end - start == key.count && UnsafeBufferPointer(rebasing: arena[start..<end]).elementsEqual(key) {
                return k
              }
              s = (s + 1) & mask
            }
          }
        }
      }
    }
  }

  /// Appends `name` as name `count`. The caller has checked that `lookup(name)` is nil: a name appended twice is
  /// stored twice and found at its first index. After `dropIndex()` the name is stored but not indexed.
  package mutating func append(_ name: String) {
    precondition(count < Int(Int32.max), "NameTable: more than \(Int32.max) names")
    let k = count
    bytes.append(contentsOf: name.utf8)
    precondition(bytes.count <= Int(UInt32.max),
                 "NameTable: the names take more than 4 GiB of UTF-8 (their end offsets are 32-bit)")
    ends.append(UInt32(bytes.count))
    guard indexed else { return }
    if 10 * (k + 1) > 7 * slots.count { rebuildIndex(slotCount: NameTable.slotCount(for: k + 1)) } else { insert(k) }
  }

  /// Appends names `first ..< other.count` of `other`, in order, as names `count`, `count + 1`, …, unless one of
  /// them is already here (or comes twice among them): then nothing is appended, and the result is that name
  /// with the index it already has. One probe per name finds both its slot and any equal name on the way.
  package mutating func append(contentsOf other: NameTable, from first: Int) -> (name: String, existing: Int)? {
    let before = (names: count, bytes: bytes.count)
    let otherStart = first == 0 ? 0 : Int(other.ends[first - 1])
    let added = other.count - first
    guard added > 0 else { return nil }
    precondition(count + added < Int(Int32.max), "NameTable: more than \(Int32.max) names")
    bytes.append(contentsOf: other.bytes[otherStart...])
    precondition(bytes.count <= Int(UInt32.max),
                 "NameTable: the names take more than 4 GiB of UTF-8 (their end offsets are 32-bit)")
    let shift = UInt32(before.bytes) &- UInt32(otherStart)
    for k in first..<other.count { ends.append(other.ends[k] &+ shift) }
    guard indexed else { return nil }
    if 10 * count > 7 * slots.count { rebuildIndex(slotCount: NameTable.slotCount(for: count), names: before.names) }
    for k in before.names..<count {
      if let existing = insertUnlessPresent(k) {
        let name = self.name(at: k)
        removeLast(count - before.names)
        return (name, existing)
      }
    }
    return nil
  }

  /// Removes the last `k` names (and re-indexes the others: for undoing an append, not for a fast path).
  package mutating func removeLast(_ k: Int) {
    guard k > 0 else { return }
    let keep = count - k
    bytes.removeLast(bytes.count - (keep == 0 ? 0 : Int(ends[keep - 1])))
    ends.removeLast(k)
    if indexed { rebuildIndex(slotCount: slots.count) }
  }

  /// Makes room for `names` names in all taking `bytes` bytes of UTF-8 (totals, as `Array.reserveCapacity`),
  /// so that a table filled in one go grows its arrays and rehashes its index once, with the new storage first
  /// touched on all cores (`reserveCapacityTouchedInParallel`). A hint only.
  package mutating func reserveCapacity(names: Int, bytes byteTotal: Int) {
    ends.reserveCapacityTouchedInParallel(names)
    bytes.reserveCapacityTouchedInParallel(byteTotal)
    if indexed && NameTable.slotCount(for: names) > slots.count { rebuildIndex(slotCount: NameTable.slotCount(for: names)) }
  }

  /// Drops the index and keeps the names: lookups find nothing afterwards, `name(at:)` still works.
  package mutating func dropIndex() {
    slots = []
    indexed = false
  }

  /// Drops every name and the index, leaving an empty table.
  package mutating func removeAll() {
    self = NameTable()
  }

  // MARK: The index

  /// The smallest power of two that holds `names` names at most 0.7 full (at least 16).
  private static func slotCount(for names: Int) -> Int {
    var slots = 16
    while 10 * names > 7 * slots { slots *= 2 }
    return slots
  }

  /// The first slot to probe for a name: 64-bit FNV-1a over its bytes, the high bits folded into the low ones
  /// (FNV's low bits alone mix the last byte weakly, and the mask keeps only low bits).
  private static func slot(of key: UnsafeBufferPointer<UInt8>, mask: Int) -> Int {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in key { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    h ^= h >> 32
    return Int(truncatingIfNeeded: h) & mask
  }

  /// Puts name k in the first empty slot of its probe sequence (names are distinct, so no comparison).
  private mutating func insert(_ k: Int) {
    let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
    let mask = slots.count - 1
    var s = bytes.withUnsafeBufferPointer { NameTable.slot(of: UnsafeBufferPointer(rebasing: $0[start..<end]), mask: mask) }
    slots.withUnsafeMutableBufferPointer { slots in
      while slots[s] >= 0 { s = (s + 1) & mask }
      slots[s] = Int32(k)
    }
  }

  /// Puts name k in the first empty slot of its probe sequence and returns nil, or, when an equal name sits
  /// on that sequence, leaves the index as it is and returns that name's index.
  private mutating func insertUnlessPresent(_ k: Int) -> Int? {
    let mask = slots.count - 1
    return bytes.withUnsafeBufferPointer { arena in
      ends.withUnsafeBufferPointer { ends in
        slots.withUnsafeMutableBufferPointer { slots in
          let start = k == 0 ? 0 : Int(ends[k - 1]), end = Int(ends[k])
          let key = UnsafeBufferPointer(rebasing: arena[start..<end])
          var s = NameTable.slot(of: key, mask: mask)
          while true {
            let other = Int(slots[s])
            if other < 0 { slots[s] = Int32(k); return nil }
            let otherStart = other == 0 ? 0 : Int(ends[other - 1]), otherEnd = Int(ends[other])
            if otherEnd - otherStart == key.count && UnsafeBufferPointer(rebasing: arena[otherStart..<otherEnd]).elementsEqual(key) {
              return other
            }
            s = (s + 1) & mask
          }
        }
      }
    }
  }

  /// Replaces the index by one of `slotCount` slots holding the first `names` names (every name by default).
  private mutating func rebuildIndex(slotCount: Int, names: Int? = nil) {
    slots = []  // before allocating the new one, so the two are never both held
    slots = parallelFilledArray(repeating: -1, count: slotCount)
    for k in 0..<(names ?? count) { insert(k) }
  }
}
