import Foundation

/// Horizontal bars, one per row with its name on the left and its value at the bar's end, rows in
/// two colours (highlighted or not) and vertical reference lines with labels (E[C], VaR, CVaR).
public struct BarChart: Sendable {
  public struct Row: Sendable {
    public var name: String
    public var value: Double
    public var highlighted: Bool
    public var note: String
    public init(name: String, value: Double, highlighted: Bool = false, note: String = "") {
      self.name = name
      self.value = value
      self.highlighted = highlighted
      self.note = note
    }
  }

  public var title: String
  public var xLabel: String
  public var rows: [Row]
  /// Divides values for display (1e6 for "m").
  public var divisor: Double
  public var markers: [(x: Double, label: String)]
  public var legend: (normal: String, highlighted: String)
  public var width = 880.0

  public init(title: String, xLabel: String, rows: [Row], divisor: Double = 1, markers: [(x: Double, label: String)] = [],
              legend: (normal: String, highlighted: String)) {
    self.title = title
    self.xLabel = xLabel
    self.rows = rows
    self.divisor = divisor
    self.markers = markers
    self.legend = legend
  }

  public var svg: String {
    let rowHeight = 26.0
    let labelWidth = (rows.map { SVGCanvas.textWidth($0.name, size: 12) }.max() ?? 60) + 16
    let top = 52.0 + 18 * Double(max(1, markers.count)), bottom = 86.0
    let height = top + bottom + rowHeight * Double(max(1, rows.count))
    var c = SVGCanvas(width: width, height: height)
    let valueTexts = rows.map { r in String(format: "%.2f", r.value / divisor) + (r.note.isEmpty ? "" : "  \(r.note)") }
    let left = labelWidth + 10, right = max(60, (valueTexts.map { SVGCanvas.textWidth($0, size: 11) }.max() ?? 40) + 16)
    let pw = width - left - right, ph = rowHeight * Double(rows.count)
    let values = rows.map { $0.value / divisor } + markers.map { $0.x / divisor }
    let (ticks, x0, x1) = ChartScale.ticks(min(0, values.min() ?? 0), max(0, values.max() ?? 1), count: 6)
    let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
    func px(_ v: Double) -> Double { left + (v - x0) / (x1 - x0) * pw }
    c.text(title, x: width / 2, y: 24, size: 16, anchor: "middle", weight: "bold")
    for t in ticks {
      c.line(x1: px(t), y1: top, x2: px(t), y2: top + ph, stroke: "#e9e9e9")
      c.text(ChartScale.label(t, step: step), x: px(t), y: top + ph + 18, anchor: "middle")
    }
    var valueLabels: [(String, Double, Double)] = []
    for (k, r) in rows.enumerated() {
      let y = top + rowHeight * Double(k)
      let v = r.value / divisor
      let a = px(min(0, v)), b = px(max(0, v))
      c.rect(x: a, y: y + 4, width: b - a, height: rowHeight - 8, fill: r.highlighted ? "#e15759" : "#4e79a7",
             title: "\(r.name): \(String(format: "%.3f", v)) \(r.note)")
      c.text(r.name, x: left - 8, y: y + rowHeight / 2 + 4, anchor: "end")
      let valueText = String(format: step >= 1 ? "%.0f" : "%.2f", v) + (r.note.isEmpty ? "" : "  \(r.note)")
      valueLabels.append((valueText, b + 6, y + rowHeight / 2 + 4))
    }
    c.line(x1: px(0), y1: top, x2: px(0), y2: top + ph, stroke: "#444")
    for (k, m) in markers.enumerated() {
      let x = px(m.x / divisor)
      c.line(x1: x, y1: top - 4, x2: x, y2: top + ph, stroke: "#222", width: 1.4, dash: "5,3")
      let labelY = 52.0 + 18 * Double(k) + 4
      let w = SVGCanvas.textWidth(m.label, size: 11)
      let anchor = x + w + 4 > width - 4 ? "end" : "start"
      c.text(m.label, x: anchor == "end" ? x - 4 : x + 4, y: labelY, size: 11, anchor: anchor, weight: "bold")
    }
    // Value labels last, on a white ground, so reference lines do not cross them.
    for (text, x, y) in valueLabels {
      c.rect(x: x - 2, y: y - 11, width: SVGCanvas.textWidth(text, size: 11) * 0.92 + 4, height: 15, fill: "white", opacity: 0.85)
      c.text(text, x: x, y: y, size: 11, fill: "#333")
    }
    c.text(xLabel, x: left + pw / 2, y: top + ph + 40, size: 13, anchor: "middle")
    let ly = top + ph + 58
    c.rect(x: left, y: ly, width: 12, height: 12, fill: "#4e79a7")
    c.text(legend.normal, x: left + 18, y: ly + 11, size: 12)
    let x2 = left + 18 + SVGCanvas.textWidth(legend.normal, size: 12) + 30
    c.rect(x: x2, y: ly, width: 12, height: 12, fill: "#e15759")
    c.text(legend.highlighted, x: x2 + 18, y: ly + 11, size: 12)
    return c.svg
  }
}
