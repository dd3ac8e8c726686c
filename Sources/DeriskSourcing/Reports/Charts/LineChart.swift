import Foundation

/// A line chart of one or more series on shared axes, with point labels that are dropped when they
/// would overlap, optional vertical reference lines, and a legend when there is more than one series.
public struct LineChart: Sendable {
  public struct Series: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    /// Labels drawn next to points (same count as points, "" for none).
    public var labels: [String]
    public init(name: String, points: [(x: Double, y: Double)], labels: [String] = []) {
      self.name = name
      self.points = points
      self.labels = labels
    }
  }

  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var series: [Series]
  /// Vertical dashed lines (x, label).
  public var markers: [(x: Double, label: String)] = []
  public var width = 880.0
  public var height = 500.0

  public init(title: String, xLabel: String, yLabel: String, series: [Series], markers: [(x: Double, label: String)] = []) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.markers = markers
  }

  public var svg: String {
    var c = SVGCanvas(width: width, height: height)
    let all = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
    let xs = all.map(\.x) + markers.map(\.x), ys = all.map(\.y)
    let (xt, x0, x1) = ChartScale.ticks(xs.min() ?? 0, xs.max() ?? 1, count: 6)
    let (yt, y0, y1) = ChartScale.ticks(ys.min() ?? 0, ys.max() ?? 1, count: 6)
    let yStep = yt.count > 1 ? yt[1] - yt[0] : 1, xStep = xt.count > 1 ? xt[1] - xt[0] : 1
    let yTickText = yt.map { ChartScale.label($0, step: yStep) }
    let left = 30 + 12 + (yTickText.map { SVGCanvas.textWidth($0, size: 12) }.max() ?? 20) + 8
    let right = 30.0, top = 52.0, bottom = 64.0
    let pw = width - left - right, ph = height - top - bottom
    func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * pw }
    func py(_ y: Double) -> Double { top + ph - (y - y0) / (y1 - y0) * ph }

    c.text(title, x: width / 2, y: 24, size: 16, anchor: "middle", weight: "bold")
    for (k, y) in yt.enumerated() {
      c.line(x1: left, y1: py(y), x2: left + pw, y2: py(y), stroke: "#e3e3e3")
      c.text(yTickText[k], x: left - 8, y: py(y) + 4, anchor: "end")
    }
    for x in xt {
      c.line(x1: px(x), y1: top, x2: px(x), y2: top + ph, stroke: "#efefef")
      c.text(ChartScale.label(x, step: xStep), x: px(x), y: top + ph + 18, anchor: "middle")
    }
    c.line(x1: left, y1: top + ph, x2: left + pw, y2: top + ph, stroke: "#444")
    c.line(x1: left, y1: top, x2: left, y2: top + ph, stroke: "#444")
    c.text(xLabel, x: left + pw / 2, y: height - 18, size: 13, anchor: "middle")
    c.text(yLabel, x: 18, y: top + ph / 2, size: 13, anchor: "middle", rotate: -90)

    var taken: [(Double, Double, Double, Double)] = []   // label boxes: x, y, w, h
    for m in markers {
      taken.append((px(m.x) + 2, top, SVGCanvas.textWidth(m.label, size: 11) + 4, 16))
      c.line(x1: px(m.x), y1: top, x2: px(m.x), y2: top + ph, stroke: "#777", width: 1.2, dash: "5,4")
      c.text(m.label, x: px(m.x) + 4, y: top + 12, size: 11, fill: "#555")
    }

    func free(_ b: (Double, Double, Double, Double)) -> Bool {
      !taken.contains { a in a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3 }
        && b.0 >= left && b.0 + b.2 <= left + pw && b.1 >= top && b.1 + b.3 <= top + ph
    }
    for (i, s) in series.enumerated() {
      let color = ChartScale.color(i)
      let pts = s.points.filter { $0.x.isFinite && $0.y.isFinite }
      c.polyline(pts.map { (px($0.x), py($0.y)) }, stroke: color, width: 2.2)
      for (k, p) in s.points.enumerated() where p.x.isFinite && p.y.isFinite {
        let label = k < s.labels.count ? s.labels[k] : ""
        c.circle(cx: px(p.x), cy: py(p.y), r: 4, fill: color, title: label.isEmpty ? nil : label)
        taken.append((px(p.x) - 4, py(p.y) - 4, 8, 8))
      }
    }
    for s in series {
      for (k, p) in s.points.enumerated() where p.x.isFinite && p.y.isFinite && k < s.labels.count && !s.labels[k].isEmpty {
        let w = SVGCanvas.textWidth(s.labels[k], size: 11)
        // Try right, left, above, below.
        let candidates = [(px(p.x) + 7, py(p.y) - 14), (px(p.x) - 7 - w, py(p.y) - 14), (px(p.x) - w / 2, py(p.y) - 22),
                          (px(p.x) - w / 2, py(p.y) + 6)]
        if let spot = candidates.first(where: { free(($0.0, $0.1, w, 14)) }) {
          taken.append((spot.0, spot.1, w, 14))
          c.text(s.labels[k], x: spot.0, y: spot.1 + 11, size: 11, fill: "#333")
        }
      }
    }
    if series.count > 1 {
      var x = left + 10
      for (i, s) in series.enumerated() {
        c.rect(x: x, y: top - 22, width: 12, height: 12, fill: ChartScale.color(i))
        c.text(s.name, x: x + 16, y: top - 12, size: 12)
        x += 16 + SVGCanvas.textWidth(s.name, size: 12) + 24
      }
    }
    return c.svg
  }
}
