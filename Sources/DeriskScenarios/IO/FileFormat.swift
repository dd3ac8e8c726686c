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
        return try Self.yamlDecoder.decode(T.self, from: text)
      }
    } catch let error as DecodingError {
      throw Self.describe(error)
    } catch let error as ScenarioError {
      throw error
    } catch {
      throw ScenarioError(path: "", message: "not valid \(rawValue.uppercased()): \(error)")
    }
  }

  /// One YAML decoder for every call: making one reads the whole process environment (Yams'
  /// `Parser.Encoding.default` looks up YAMS_DEFAULT_ENCODING in its default argument), a cost that
  /// was paid per file. Safe to share: `decode` only reads the decoder's options, which are never
  /// changed after this line, and makes a new parser per call.
  nonisolated(unsafe) private static let yamlDecoder = YAMLDecoder(encoding: .utf8)

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
         let first = firstLine(of: underlying), first.contains(":") {
        return ScenarioError(path: "", message: "not valid YAML: line \(first)")
      }
      return ScenarioError(path: path, message: path.isEmpty ? "unreadable: \(context.debugDescription)" : context.debugDescription)
    @unknown default:
      return ScenarioError(path: "", message: "\(error)")
    }
  }

  /// The first line of the YAML parser's message. For scanner, parser and composer errors it is
  /// built from the error's parts, exactly as Yams' `description` begins (`3:25: error: parser: <context
  /// or problem>`), and for duplicated keys from the key list, without rendering the rest (the quoted
  /// source line and its caret, or the whole text), which costs a scan of the text and is thrown away.
  static func firstLine(of error: Error) -> Substring? {
    let line: String
    switch error as? YamlError {
    case let .scanner(context, problem, mark, _)?: line = "\(mark): error: scanner: \(context?.description ?? "")\(problem):"
    case let .parser(context, problem, mark, _)?: line = "\(mark): error: parser: \(context?.description ?? "")\(problem):"
    case let .composer(context, problem, mark, _)?: line = "\(mark): error: composer: \(context?.description ?? "")\(problem):"
    case let .reader(problem, offset?, _, yaml)?:
      if let (row, column) = lineAndColumn(ofCharacter: offset, in: yaml) {
        line = "\(row):\(column): error: reader: \(problem):"
      } else {
        line = "\(error)"
      }
    case let .duplicatedKeysInMapping(duplicates, _)?:  // its context holds the whole text
      line = "Parser: expected all keys to be unique but found the following duplicated key(s): "
        + duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ") + "."
    default: line = "\(error)"
    }
    let first = line.prefix { $0 != "\n" }
    return first.isEmpty ? nil : first
  }

  /// 1-based line and column (in UTF-16 units, as Yams counts) of the character at `offset`, the
  /// place Yams names for a reader error; nil if the offset is past the end. Lines end at "\n"
  /// (counted on the UTF-8 bytes: cheap, where a walk by `Character` costs a grapheme break each).
  static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int)? {
    guard offset >= 0, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex),
          index < text.endIndex else { return nil }
    let before = text.utf8[..<index]
    let line = 1 + before.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    let lineStart = before.lastIndex(of: 0x0A).map { text.utf8.index(after: $0) } ?? text.startIndex
    return (line, text.utf16.distance(from: lineStart, to: index) + 1)
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
