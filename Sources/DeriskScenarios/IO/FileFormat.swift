import Foundation
import Yams

/// The two encodings of Derisk's scenario, view and event files.
public enum FileFormat: String, Sendable, Hashable {
  case yaml, json

  /// The format from a file extension (`.yaml`, `.yml`, `.json`).
  /// - Throws: ``ScenarioError`` for any other extension.
  public init(path: String) throws {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "yaml", "yml": self = .yaml
    case "json": self = .json
    case let other:
      throw ScenarioError(path: path, message: "unknown file type \".\(other)\"; use .yaml, .yml or .json")
    }
  }

  /// Decodes `T`, turning DecodingError into a ``ScenarioError`` whose path is the coding path
  /// (`scenarios[3].probability: expected a number`).
  public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
    if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      throw ScenarioError(path: "", message: "the file is empty")
    }
    do {
      switch self {
      case .json: return try JSONDecoder().decode(T.self, from: data)
      case .yaml:
        guard let text = String(data: data, encoding: .utf8) else {
          throw ScenarioError(path: "", message: "file is not UTF-8 text")
        }
        return try YAMLDecoder().decode(T.self, from: text)
      }
    } catch let error as DecodingError {
      throw Self.describe(error)
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(path: "", message: "not valid \(rawValue.uppercased()): \(error)")
    }
  }

  /// `a.b[3].c` from a coding path.
  static func dottedPath(_ path: [CodingKey]) -> String {
    var out = ""
    for key in path {
      if let i = key.intValue { out += "[\(i)]" } else { out += out.isEmpty ? key.stringValue : ".\(key.stringValue)" }
    }
    return out
  }

  static func describe(_ error: DecodingError) -> ScenarioError {
    switch error {
    case .typeMismatch(let type, let context):
      return ScenarioError(path: dottedPath(context.codingPath), message: "expected \(typeName(type))")
    case .valueNotFound(let type, let context):
      return ScenarioError(path: dottedPath(context.codingPath), message: "expected \(typeName(type)), found null")
    case .keyNotFound(let key, let context):
      return ScenarioError(path: dottedPath(context.codingPath), message: "missing key \"\(key.stringValue)\"")
    case .dataCorrupted(let context):
      let path = dottedPath(context.codingPath)
      // The YAML parser's own error says where it stopped ("3:25: error: parser: did not find …");
      // its first line is the place.
      if path.isEmpty, let underlying = context.underlyingError,
         let first = "\(underlying)".split(separator: "\n").first, first.contains(":") {
        return ScenarioError(path: "", message: "not valid YAML: line \(first)")
      }
      return ScenarioError(path: path, message: path.isEmpty ? "unreadable: \(context.debugDescription)" : context.debugDescription)
    @unknown default:
      return ScenarioError(path: "", message: "\(error)")
    }
  }

  static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: return "a number"
    case is Int.Type, is UInt64.Type: return "an integer"
    case is String.Type: return "a string"
    case is Bool.Type: return "true or false"
    default:
      let name = "\(type)"
      if name.hasPrefix("Array") { return "a list" }
      if name.hasPrefix("Dictionary") { return "a mapping" }
      return "a \(name)"
    }
  }
}
