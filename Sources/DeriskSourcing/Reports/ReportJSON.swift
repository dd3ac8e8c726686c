import Foundation

/// The JSON every `--json` output uses: snake_case keys, sorted, pretty-printed; non-finite numbers
/// as the strings "inf", "-inf", "nan" (as ``SourcingPlan/json()``).
public enum ReportJSON {
  public static func string<T: Encodable>(_ value: T) throws -> String {
    String(decoding: try bytes(value), as: UTF8.self)
  }

  /// The same JSON as UTF-8 bytes (no copy into a `String`: a 100,000-scenario plan is about 400 MB).
  /// Written by `SortedJSONEncoder`, byte for byte what `JSONEncoder` writes with these options.
  public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
    try SortedJSONEncoder(escapingSlashes: false).encode(value)
  }
}
