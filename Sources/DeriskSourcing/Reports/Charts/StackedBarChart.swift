import Foundation

/// Vertical bars, one per category, stacked by series, as shares (0–100 %) of each bar's total;
/// segments carry their percentage when tall enough, the legend sits on the right.
public struct StackedBarChart: Sendable {
  public var title: String
  public var yLabel: String
  /// Bar names (x axis) and each bar's total (shown under the name, e.g. "5000 t").
  public var categories: [String]
  public var categoryNotes: [String]
  /// Series names and values[series][category] (absolute; drawn as shares of the category total).
  public var seriesNames: [String]
  public var values: [[Double]]
  /// The unit of the values, for tooltips ("t/yr").
  public var unit: String
  public var width = 880.0
  public var height = 480.0

  public init(title: String, yLabel: String, categories: [String], categoryNotes: [String], seriesNames: [String],
              values: [[Double]], unit: String) {
    self.title = title
    self.yLabel = yLabel
    self.categories = categories
    self.categoryNotes = categoryNotes
    self.seriesNames = seriesNames
    self.values = values
    self.unit = unit
  }

  public var svg: String {
    // Keep only series present somewhere.
    let keep = seriesNames.indices.filter { s in values[s].contains { $0 > 1e-9 } }
    let legendWidth = (keep.map { SVGCanvas.textWidth(seriesNames[$0], size: 12) }.max() ?? 40) + 40
    let rowsNeeded = Double(keep.count) * 20 + 70
    let h = max(height, rowsNeeded)
    var c = SVGCanvas(width: width, height: h)
    let left = 74.0, right = legendWidth + 20, top = 52.0, bottom = 62.0
    let pw = width - left - right, ph = h - top - bottom
    c.text(title, x: (left + width - right) / 2, y: 24, size: 16, anchor: "middle", weight: "bold")
    for pct in stride(from: 0.0, through: 100, by: 20) {
      let y = top + ph - pct / 100 * ph
      c.line(x1: left, y1: y, x2: left + pw, y2: y, stroke: "#e3e3e3")
      c.text(String(format: "%.0f%%", pct), x: left - 8, y: y + 4, anchor: "end")
    }
    c.text(yLabel, x: 18, y: top + ph / 2, size: 13, anchor: "middle", rotate: -90)
    let n = Double(max(1, categories.count))
    let slot = pw / n, bar = min(110, slot * 0.6)
    for (k, name) in categories.enumerated() {
      let total = keep.reduce(0.0) { $0 + max(0, values[$1][k]) }
      let x = left + slot * (Double(k) + 0.5) - bar / 2
      var y = top + ph
      for s in keep {
        let v = max(0, values[s][k])
        guard total > 0, v > 0 else { continue }
        let hgt = v / total * ph
        y -= hgt
        let share = 100 * v / total
        c.rect(x: x, y: y, width: bar, height: hgt, fill: ChartScale.color(s), stroke: "white",
               title: "\(seriesNames[s]): \(String(format: "%.1f", v)) \(unit) (\(String(format: "%.1f", share))%)")
        if hgt >= 16 && bar >= 34 {
          c.text(String(format: "%.0f%%", share), x: x + bar / 2, y: y + hgt / 2 + 4, size: 11, anchor: "middle", weight: "bold", fill: "white")
        }
      }
      c.text(name, x: x + bar / 2, y: top + ph + 18, size: 12, anchor: "middle")
      if k < categoryNotes.count { c.text(categoryNotes[k], x: x + bar / 2, y: top + ph + 34, size: 11, anchor: "middle", fill: "#666") }
    }
    c.line(x1: left, y1: top + ph, x2: left + pw, y2: top + ph, stroke: "#444")
    var ly = top + 4
    let lx = width - right + 16
    for s in keep {
      c.rect(x: lx, y: ly, width: 12, height: 12, fill: ChartScale.color(s))
      c.text(seriesNames[s], x: lx + 18, y: ly + 11, size: 12)
      ly += 20
    }
    return c.svg
  }
}
