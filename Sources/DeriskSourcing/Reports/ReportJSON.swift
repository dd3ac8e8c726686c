import Foundation

/// The JSON every `--json` output uses: snake_case keys, sorted, pretty-printed; non-finite numbers
/// as the strings "inf", "-inf", "nan" (as ``SourcingPlan/json()``).
public enum ReportJSON {
  public static func string<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
