import Foundation

/// Axis helpers shared by the charts: "nice" ticks, a display unit for large money amounts, a palette.
enum ChartScale {
  /// About `count` ticks covering [lo, hi] at steps of 1, 2 or 5 × 10ᵏ; returns the ticks and the rounded range.
  static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> (ticks: [Double], lo: Double, hi: Double) {
    var lo = lo, hi = hi
    if !(lo.isFinite && hi.isFinite) { lo = 0; hi = 1 }
    if hi - lo < 1e-9 * max(1, abs(hi)) { let pad = max(1, abs(hi) * 0.05); lo -= pad; hi += pad }
    let raw = (hi - lo) / Double(max(1, count))
    let mag = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * mag }.first { $0 >= raw } ?? 10 * mag
    let start = floor(lo / step) * step, end = ceil(hi / step) * step
    var out: [Double] = []
    var x = start
    while x <= end + step * 1e-9 { out.append(abs(x) < step * 1e-9 ? 0 : x); x += step }
    return (out, start, end)
  }

  /// A divisor and its words for amounts up to `maxAbs`: (1e9, "bn"), (1e6, "m"), (1e3, "k") or (1, "").
  static func unit(_ maxAbs: Double) -> (divisor: Double, word: String) {
    if maxAbs >= 1e9 { return (1e9, "bn") }
    if maxAbs >= 1e6 { return (1e6, "m") }
    if maxAbs >= 1e4 { return (1e3, "k") }
    return (1, "")
  }

  /// "USD m/yr" style unit text.
  static func moneyUnit(_ currency: String, _ word: String, perYear: Bool = true) -> String {
    (word.isEmpty ? currency : "\(currency) \(word)") + (perYear ? "/yr" : "")
  }

  /// A tick label with only the decimals the step needs.
  static func label(_ x: Double, step: Double) -> String {
    let decimals = step >= 1 ? 0 : min(6, Int(ceil(-log10(step))))
    return String(format: "%.\(decimals)f", x)
  }

  /// Tableau 10 (distinct, colour-blind aware), then greys.
  static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                        "#9c755f", "#bab0ac", "#86bcb6", "#d37295", "#a0cbe8", "#ffbe7d", "#8cd17d"]

  static func color(_ i: Int) -> String { palette[i % palette.count] }
}
