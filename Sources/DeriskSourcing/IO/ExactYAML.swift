import Foundation
import Yams

/// YAML text whose numbers read back as the same doubles.
///
/// Yams writes a `Double` to 15 significant digits, and a double needs up to 17 to round-trip: a
/// generated model's probabilities, written to YAML and read back, differed in their last bits. The
/// layout and key order come from Yams' own encoding; every float in it is then rewritten with the
/// shortest digits that read back exactly (Swift's `description`), taken from the JSON encoding of the
/// same value, which is exact, read back with `JSONDecoder` (read back with `JSONSerialization` instead,
/// the round-trip test still failed; why was not looked into).
enum ExactYAML {
  static func encode<T: Encodable>(_ value: T) throws -> String {
    let rough = try YAMLEncoder().encode(value)
    let exact = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    guard let node = try Yams.compose(yaml: rough) else { return rough }
    return try Yams.serialize(node: exactFloats(node, exact))
  }

  /// `node` with each float scalar replaced by the exact value at the same place of `exact`.
  private static func exactFloats(_ node: Yams.Node, _ exact: JSONValue) -> Yams.Node {
    switch node {
    case .mapping(var mapping):
      guard case .object(let dictionary) = exact else { return node }
      for (key, value) in mapping {
        guard let name = key.string, let inner = dictionary[name] else { continue }
        mapping[key] = exactFloats(value, inner)
      }
      return .mapping(mapping)
    case .sequence(var sequence):
      guard case .array(let array) = exact, array.count == sequence.count else { return node }
      for (k, inner) in array.enumerated() { sequence[k] = exactFloats(sequence[k], inner) }
      return .sequence(sequence)
    case .scalar(let scalar):
      // Only scalars Yams reads as floats (a bool or a quoted string is never one).
      guard node.float != nil, case .number(let number) = exact else { return node }
      return .scalar(.init(text(number), scalar.tag, scalar.style))
    case .alias:
      return node
    }
  }

  /// The shortest decimal that reads back as x, with a point before any exponent (YAML 1.1 floats need one).
  private static func text(_ x: Double) -> String {
    var s = "\(x)"
    if !s.contains("."), let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) { s.insert(contentsOf: ".0", at: e) }
    return s
  }
}

/// A JSON document as read by `JSONDecoder`, numbers as the doubles it reads.
private enum JSONValue: Decodable {
  case bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue]), null

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() { self = .null }
    else if let b = try? container.decode(Bool.self) { self = .bool(b) }
    else if let x = try? container.decode(Double.self) { self = .number(x) }
    else if let s = try? container.decode(String.self) { self = .string(s) }
    else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
    else { self = .object(try container.decode([String: JSONValue].self)) }
  }
}
