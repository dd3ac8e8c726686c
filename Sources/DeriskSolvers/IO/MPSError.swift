/// A malformed or unsupported MPS / QPS file, with the offending line named.
///
/// Thrown by `MPSReader`. The `description` reads like a compiler diagnostic,
/// `"afiro.mps:123: unknown row 'FOO' in COLUMNS"`, so that an editor can jump to the place.
/// `line` is 1-based; 0 means the problem is not tied to one line (the file could not be opened).
public struct MPSError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What kind of defect was found; the `message` says exactly what.
  public enum Kind: String, Hashable, Sendable {
    /// A line whose fields cannot be read (wrong number of fields, misplaced text).
    case syntax
    /// A section keyword that MPS does not define.
    case unknownSection
    /// A section or bound type that MPS defines but Derisk does not support (SC, SOS, …).
    case unsupported
    /// A row or column name that was never declared.
    case unknownName
    /// A row, column or entry given twice.
    case duplicate
    /// A number that does not parse, or is NaN or ±∞.
    case invalidNumber
    /// A section missing or out of order, or the file ends before ENDATA.
    case structure
    /// Bytes that are not text (NUL or other control characters).
    case binaryData
    /// Data that parse but contradict each other (lower bound above upper bound, …).
    case inconsistent
    /// The file could not be read at all.
    case unreadable
  }

  /// The file name used in messages (the last path component when read from a URL).
  public var fileName: String
  /// 1-based line number; 0 when the error concerns no single line.
  public var line: Int
  /// The kind of defect.
  public var kind: Kind
  /// What is wrong, in words, naming the row / column / section involved.
  public var message: String

  public init(fileName: String, line: Int, kind: Kind, message: String) {
    self.fileName = fileName
    self.line = line
    self.kind = kind
    self.message = message
  }

  /// `"file.mps:123: message"`, or `"file.mps: message"` when `line` is 0.
  public var description: String {
    line > 0 ? "\(fileName):\(line): \(message)" : "\(fileName): \(message)"
  }
}
