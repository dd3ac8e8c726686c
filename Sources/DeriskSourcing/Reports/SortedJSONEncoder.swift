import DeriskSolvers
import Foundation

/// Encodes a value to exactly the bytes `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys]`,
/// `.convertToSnakeCase` and `.convertToString` for non-finite numbers (optionally
/// `.withoutEscapingSlashes`), in about 40 % of its time: at 10,000 generated scenarios the 39 MB plan
/// took 0.44 s against 1.10–1.14 s (measured 2026-11-30 on this machine).
///
/// The same rules, one by one (`ReportJSONTests` compares the two on a plan, a stress test and a value
/// that exercises each rule):
/// - keys: a keyed container's keys converted to snake case by `JSONEncoder`'s own conversion (asked
///   once per distinct key and remembered), except the keys of a `[String: V]` dictionary, which stay as
///   they are; an object's members sorted by the UTF-8 bytes of their keys; a key written twice keeps its
///   last value;
/// - numbers: integers by `description`; a finite `Double` or `Float` by `description` with a trailing
///   ".0" removed; ±∞ and NaN as the strings "inf", "-inf", "nan";
/// - strings: `"`, `\`, and control characters escaped as `JSONEncoder` escapes them, "/" as "\/" unless
///   `escapingSlashes` is false; everything else as its UTF-8 bytes;
/// - `Data` as base64, `URL` as its absolute string, `Decimal` as a number, as `JSONEncoder` special-cases
///   them;
/// - layout: two spaces per level, `"key" : value`, members and elements one per line, and an empty
///   container as its two brackets around an empty line.
///
/// Where the time went in `JSONEncoder` (perf at 30,000 scenarios): hashing every object's keys into a
/// dictionary and sorting them through a generic UTF-8 comparison, and converting every key to snake
/// case again on every object. Here an object is an array of members, keys are converted once, objects
/// of one coding-key type reuse their sorted order, and the sort compares raw bytes.
struct SortedJSONEncoder {
  var escapingSlashes = false

  func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    let root = try JSONTree.node(for: value, keys: KeyConversion())
    var writer = SortedJSONWriter(escapingSlashes: escapingSlashes)
    writer.bytes.reserveCapacity(1 << 16)
    writer.write(root, indent: 0)
    return writer.bytes
  }
}

/// A JSON value as it is being built: containers are references, so that a container handed out to
/// `encode(to:)` can still be filled after its parent has stored it.
enum JSONNode {
  case string(String)
  case number(String)
  case bool(Bool)
  case null
  case object(JSONObjectBox)
  case array(JSONArrayBox)
}

final class JSONObjectBox {
  var members: [(key: String, value: JSONNode)] = []
  /// The coding-key type that filled it (nil for a super encoder's object): objects of one type mostly
  /// have the same keys in the same order, so their sorted order is computed once.
  let keyType: ObjectIdentifier?

  init(keyType: ObjectIdentifier? = nil) { self.keyType = keyType }
}

final class JSONArrayBox {
  var elements: [JSONNode] = []
}

/// Snake-case keys, each converted once by `JSONEncoder` itself (so the conversion is its, character for
/// character) and then remembered. Shared by every container of one encoding.
final class KeyConversion {
  private var converted: [String: String] = [:]

  func callAsFunction(_ key: String) -> String {
    if let known = converted[key] { return known }
    let result = Self.convertedByFoundation(key)
    converted[key] = result
    return result
  }

  /// `JSONEncoder`'s snake case of `key`: the one key of a one-member object it encodes.
  private static func convertedByFoundation(_ key: String) -> String {
    struct Probe: Encodable {
      let key: String
      func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encodeNil(forKey: AnyKey(stringValue: key))
      }
    }
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    guard let data = try? encoder.encode(Probe(key: key)),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let converted = object.keys.first
    else { return key }
    return converted
  }
}

/// A coding key with any string (or integer) value.
struct AnyKey: CodingKey {
  let stringValue: String
  let intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue; intValue = nil }
  init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

/// Marks `[String: V]` dictionaries, whose keys `JSONEncoder` leaves unconverted.
protocol StringKeyedDictionaryMarker {}
extension Dictionary: StringKeyedDictionaryMarker where Key == String, Value: Encodable {}

enum JSONTree {
  /// The node of one value: primitives directly, the types `JSONEncoder` special-cases as it does, and
  /// everything else through its `encode(to:)`.
  static func node<T: Encodable>(for value: T, keys: KeyConversion) throws -> JSONNode {
    // The common types by their metatype first (a comparison, where `as?` is a dynamic cast).
    if T.self == Double.self { return number(unsafeBitCast(value, to: Double.self)) }
    if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
    if T.self == Int.self { return .number(unsafeBitCast(value, to: Int.self).description) }
    if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
    switch value {
    case let v as String: return .string(v)
    case let v as Double: return number(v)
    case let v as Int: return .number(v.description)
    case let v as Bool: return .bool(v)
    case let v as Float: return number(v)
    // Every other standard integer (their `encode(to:)` would come back here through a single value).
    case let v as any FixedWidthInteger: return .number(String(describing: v))
    case let v as Data: return .string(v.base64EncodedString())
    case let v as URL: return .string(v.absoluteString)
    case let v as Decimal: return .number(v.description)
    default:
      let encoder = TreeEncoder(keys: keys, convertsKeys: !(value is StringKeyedDictionaryMarker))
      try value.encode(to: encoder)
      return encoder.result ?? .object(JSONObjectBox())
    }
  }

  static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ x: F) -> JSONNode {
    if x.isNaN { return .string("nan") }
    if x.isInfinite { return .string(x > 0 ? "inf" : "-inf") }
    var text = x.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return .number(text)
  }
}

/// The `Encoder` of one value: its first container (or single value) becomes `result`.
final class TreeEncoder: Encoder {
  let keys: KeyConversion
  let convertsKeys: Bool
  var result: JSONNode?
  var codingPath: [CodingKey] = []
  var userInfo: [CodingUserInfoKey: Any] = [:]

  init(keys: KeyConversion, convertsKeys: Bool) {
    self.keys = keys
    self.convertsKeys = convertsKeys
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let box: JSONObjectBox
    if case .object(let existing)? = result { box = existing } else {
      box = JSONObjectBox(keyType: ObjectIdentifier(Key.self))
      result = .object(box)
    }
    return KeyedEncodingContainer(ObjectContainer<Key>(box: box, keys: keys, convertsKeys: convertsKeys))
  }

  func unkeyedContainer() -> UnkeyedEncodingContainer {
    let box: JSONArrayBox
    if case .array(let existing)? = result { box = existing } else { box = JSONArrayBox(); result = .array(box) }
    return ArrayContainer(box: box, keys: keys)
  }

  func singleValueContainer() -> SingleValueEncodingContainer { SingleValue(encoder: self) }

  /// A super encoder for a container's member or element: an encoder whose object is already the node
  /// the container stores.
  static func superEncoder(keys: KeyConversion) -> (encoder: TreeEncoder, node: JSONNode) {
    let encoder = TreeEncoder(keys: keys, convertsKeys: true)
    let nested = JSONNode.object(JSONObjectBox())
    encoder.result = nested
    return (encoder, nested)
  }

  struct SingleValue: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [CodingKey] { [] }
    mutating func encodeNil() throws { encoder.result = .null }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.result = try JSONTree.node(for: value, keys: encoder.keys) }
  }
}

/// An object being filled by `encode(to:)`.
struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: JSONObjectBox
  let keys: KeyConversion
  let convertsKeys: Bool
  var codingPath: [CodingKey] { [] }

  private func name(_ key: Key) -> String { convertsKeys ? keys(key.stringValue) : key.stringValue }

  mutating func encodeNil(forKey key: Key) throws { box.members.append((name(key), .null)) }
  mutating func encode(_ value: Double, forKey key: Key) throws { box.members.append((name(key), JSONTree.number(value))) }
  mutating func encode(_ value: String, forKey key: Key) throws { box.members.append((name(key), .string(value))) }
  mutating func encode(_ value: Int, forKey key: Key) throws { box.members.append((name(key), .number(value.description))) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { box.members.append((name(key), .bool(value))) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    box.members.append((name(key), try JSONTree.node(for: value, keys: keys)))
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let nested = JSONObjectBox(keyType: ObjectIdentifier(NestedKey.self))
    box.members.append((name(key), .object(nested)))
    return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested, keys: keys, convertsKeys: true))
  }
  mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
    let nested = JSONArrayBox()
    box.members.append((name(key), .array(nested)))
    return ArrayContainer(box: nested, keys: keys)
  }
  mutating func superEncoder() -> Encoder { superEncoder(named: "super") }
  mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: name(key)) }
  private func superEncoder(named member: String) -> Encoder {
    let (encoder, nested) = TreeEncoder.superEncoder(keys: keys)
    box.members.append((member, nested))
    return encoder
  }
}

/// An array being filled by `encode(to:)`.
struct ArrayContainer: UnkeyedEncodingContainer {
  let box: JSONArrayBox
  let keys: KeyConversion
  var codingPath: [CodingKey] { [] }
  var count: Int { box.elements.count }

  mutating func encodeNil() throws { box.elements.append(.null) }
  mutating func encode(_ value: Double) throws { box.elements.append(JSONTree.number(value)) }
  mutating func encode(_ value: String) throws { box.elements.append(.string(value)) }
  mutating func encode(_ value: Int) throws { box.elements.append(.number(value.description)) }
  mutating func encode(_ value: Bool) throws { box.elements.append(.bool(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { box.elements.append(try JSONTree.node(for: value, keys: keys)) }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONObjectBox(keyType: ObjectIdentifier(NestedKey.self))
    box.elements.append(.object(nested))
    return KeyedEncodingContainer(ObjectContainer<NestedKey>(box: nested, keys: keys, convertsKeys: true))
  }
  mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
    let nested = JSONArrayBox()
    box.elements.append(.array(nested))
    return ArrayContainer(box: nested, keys: keys)
  }
  mutating func superEncoder() -> Encoder {
    let (encoder, nested) = TreeEncoder.superEncoder(keys: keys)
    box.elements.append(nested)
    return encoder
  }
}

/// Writes a `JSONNode` tree in `JSONEncoder`'s pretty, sorted layout.
struct SortedJSONWriter {
  let escapingSlashes: Bool
  var bytes: [UInt8] = []

  init(escapingSlashes: Bool) { self.escapingSlashes = escapingSlashes }

  mutating func write(_ node: JSONNode, indent: Int) {
    switch node {
    case .string(let s): writeString(s)
    case .number(let s): bytes.append(contentsOf: s.utf8)
    case .bool(let b): bytes.append(contentsOf: (b ? "true" : "false").utf8)
    case .null: bytes.append(contentsOf: "null".utf8)
    case .array(let box):
      bytes.append(UInt8(ascii: "["))
      bytes.append(UInt8(ascii: "\n"))
      if box.elements.count >= 2 * Self.elementsPerPart {
        let array = SharedBox(box: box)
        writeInParts(count: box.elements.count) { writer, range in
          writer.writeElements(array.box.elements[range], indent: indent + 1)
        }
      } else {
        writeElements(box.elements[...], indent: indent + 1)
      }
      bytes.append(UInt8(ascii: "\n"))
      writeIndent(indent)
      bytes.append(UInt8(ascii: "]"))
    case .object(let box):
      bytes.append(UInt8(ascii: "{"))
      bytes.append(UInt8(ascii: "\n"))
      let order = sortedOrder(box)
      if order.count >= 2 * Self.elementsPerPart {
        let object = SharedBox(box: box)
        writeInParts(count: order.count) { writer, range in
          writer.writeMembers(of: object.box, order[range], indent: indent + 1)
        }
      } else {
        writeMembers(of: box, order[...], indent: indent + 1)
      }
      bytes.append(UInt8(ascii: "\n"))
      writeIndent(indent)
      bytes.append(UInt8(ascii: "}"))
    }
  }

  /// The elements of `elements` (a slice of an array's), each after its separator (",\n" unless it is the
  /// array's first) and indent.
  private mutating func writeElements(_ elements: ArraySlice<JSONNode>, indent: Int) {
    for i in elements.indices {
      if i > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: "\n")) }
      writeIndent(indent)
      write(elements[i], indent: indent)
    }
  }

  /// The members of `box` at the positions `order` holds (a slice of its sorted order), each after its separator
  /// (",\n" unless it is the object's first) and indent.
  private mutating func writeMembers(of box: JSONObjectBox, _ order: ArraySlice<Int>, indent: Int) {
    for i in order.indices {
      let member = box.members[order[i]]
      if i > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: "\n")) }
      writeIndent(indent)
      writeString(member.key)
      bytes.append(contentsOf: " : ".utf8)
      write(member.value, indent: indent)
    }
  }

  /// Elements (or members) per part of a long array (or object) written in parallel (`writeInParts`).
  static let elementsPerPart = 1024

  /// The `count` elements of a long array, or members of a long object (a plan's scenarios and sensitivities,
  /// one element per scenario; each shadow price's per-scenario object, one member per scenario), written in
  /// parts of `elementsPerPart` by writers of their own on all cores (`writeRange` writes positions `range`,
  /// separators included) and joined in order: the same bytes as one writer writes, since an element's text
  /// depends only on the element and its indent (the sorted orders a writer remembers are only a cache). The
  /// parts go in rounds of two per core, each round appended before the next is written, so that the parts
  /// held besides the document stay a few megabytes, not a second copy of the array's text. At 100,000
  /// generated scenarios the writing took 5.9 of the 9.8 s `derisk solve --json` spent printing its 335 MB
  /// plan, on one core.
  private mutating func writeInParts(count: Int, _ writeRange: @Sendable (inout SortedJSONWriter, Range<Int>) -> Void) {
    let size = Self.elementsPerPart, escaping = escapingSlashes
    let partCount = (count + size - 1) / size, round = 2 * max(1, ProcessInfo.processInfo.activeProcessorCount)
    for first in stride(from: 0, to: partCount, by: round) {
      var parts = [[UInt8]](repeating: [], count: min(round, partCount - first))
      parts.withUnsafeMutableBufferPointer { buffer in
        let out = DisjointWrites(buffer)
        forEachChunkInParallel(buffer.count) { k in
          let part = first + k
          var writer = SortedJSONWriter(escapingSlashes: escaping)
          writeRange(&writer, part * size..<min(count, (part + 1) * size))
          out[k] = writer.bytes
        }
      }
      for part in parts { bytes.append(contentsOf: part) }
    }
  }

  /// A finished array or object, read (never changed) by the writers of its parts.
  private struct SharedBox<Box>: @unchecked Sendable { let box: Box }

  /// Sorted orders already computed, with the keys they were computed for: a few per coding-key type
  /// and member count.
  private var orders: [Shape: [(keys: [String], order: [Int])]] = [:]
  private struct Shape: Hashable { let type: ObjectIdentifier, count: Int }

  /// The order of `box`'s members: by the UTF-8 bytes of their keys, and of equal keys only the last
  /// written (as a dictionary keeps it). Reused while a key type's objects come with the same keys.
  private mutating func sortedOrder(_ box: JSONObjectBox) -> [Int] {
    let members = box.members
    if members.count < 2 { return Array(members.indices) }
    guard let type = box.keyType else { return Self.sortedOrder(of: members) }
    let key = Shape(type: type, count: members.count)
    if members.count > 16 { return rankedOrder(members, shape: key) }
    if let shapes = orders[key] {
      for shape in shapes {
        var same = true
        // By bytes, as the order is: `String ==` would also match a canonically equivalent key.
        for i in members.indices where Self.compareUTF8(shape.keys[i], members[i].key) != 0 { same = false; break }
        if same { return shape.order }
      }
    }
    let order = Self.sortedOrder(of: members)
    var shapes = orders[key] ?? []
    if shapes.count == 8 { shapes.removeFirst() }
    shapes.append((members.map(\.key), order))
    orders[key] = shapes
    return order
  }

  /// Each large object's keys by rank, per coding-key type and member count.
  private var ranks: [Shape: [String: Int]] = [:]

  /// The order of a large object (a `[String: V]` with one member per scenario, whose iteration order
  /// differs from one dictionary to the next): its members placed by the ranks of the last object of
  /// its shape with the same keys, checked to be strictly increasing in bytes; sorted otherwise. At
  /// 30,000 scenarios sorting the shadow prices' per-scenario objects took 0.6 s.
  private mutating func rankedOrder(_ members: [(key: String, value: JSONNode)], shape: Shape) -> [Int] {
    if let rank = ranks[shape] {
      var order = [Int](repeating: -1, count: members.count)
      var placed = true
      for (i, member) in members.enumerated() {
        guard let r = rank[member.key], order[r] < 0 else { placed = false; break }
        order[r] = i
      }
      if placed, (1..<order.count).allSatisfy({ Self.compareUTF8(members[order[$0 - 1]].key, members[order[$0]].key) < 0 }) {
        return order
      }
    }
    let order = Self.sortedOrder(of: members)
    if order.count == members.count {
      var rank = [String: Int](minimumCapacity: order.count)
      for (r, i) in order.enumerated() { rank[members[i].key] = r }
      ranks[shape] = rank
    }
    return order
  }

  /// The member indices sorted by key (insertion sort for the usual small object), then the duplicates
  /// dropped.
  static func sortedOrder(of members: [(key: String, value: JSONNode)]) -> [Int] {
    var order = Array(members.indices)
    if order.count > 16 {
      let keys = members.map(\.key)
      keys.withUnsafeBufferPointer { k in
        order.sort { a, b in
          let c = compareUTF8(k[a], k[b])
          return c < 0 || (c == 0 && a < b)
        }
      }
    } else {
      for i in 1..<order.count {
        let moving = order[i]
        var j = i
        // Equal keys keep their written order (the comparison is strict): the last written comes last.
        while j > 0, compareUTF8(members[moving].key, members[order[j - 1]].key) < 0 {
          order[j] = order[j - 1]
          j -= 1
        }
        order[j] = moving
      }
    }
    var kept = 0
    for position in order.indices {
      if position + 1 < order.count, compareUTF8(members[order[position + 1]].key, members[order[position]].key) == 0 { continue }
      order[kept] = order[position]
      kept += 1
    }
    order.removeLast(order.count - kept)
    return order
  }

  /// memcmp order of the UTF-8 bytes (shorter first on a common prefix): < 0, 0 or > 0.
  static func compareUTF8(_ a: String, _ b: String) -> Int {
    let result = a.utf8.withContiguousStorageIfAvailable { pa in
      b.utf8.withContiguousStorageIfAvailable { pb -> Int in
        let common = min(pa.count, pb.count)
        if common > 0, let x = pa.baseAddress, let y = pb.baseAddress {
          let c = memcmp(x, y, common)
          if c != 0 { return Int(c) }
        }
        return pa.count - pb.count
      }
    }
    if let result, let result { return result }
    if a.utf8.elementsEqual(b.utf8) { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
  }

  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

  private mutating func writeIndent(_ level: Int) {
    var left = 2 * level
    while left > 0 {
      let chunk = min(left, Self.spaces.count)
      bytes.append(contentsOf: Self.spaces[0..<chunk])
      left -= chunk
    }
  }

  /// Whether `byte` must be escaped inside a string.
  @inline(__always)
  private func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapingSlashes && byte == UInt8(ascii: "/"))
  }

  private mutating func writeString(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    if !s.utf8.contains(where: needsEscape) {
      bytes.append(contentsOf: s.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
      case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
      case UInt8(ascii: "/") where escapingSlashes: bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
      case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
      case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
      case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
      case 0x00...0x1F:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: "\\u00".utf8)
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}

