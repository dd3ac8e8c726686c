import Foundation

/// A three-column flow (Sankey) diagram: origins → routes → destinations, band widths proportional
/// to tonnes. Every node keeps at least a label's height so small flows stay readable.
public struct FlowDiagram: Sendable {
  /// One expected flow: origin (a country, spot market, stockpile), route (a corridor), destination (a material).
  public struct Link: Sendable, Hashable {
    public var origin: String
    public var route: String
    public var destination: String
    public var tonnes: Double
    public init(origin: String, route: String, destination: String, tonnes: Double) {
      self.origin = origin
      self.route = route
      self.destination = destination
      self.tonnes = tonnes
    }
  }

  public var title: String
  public var columnTitles: (String, String, String)
  public var links: [Link]
  public var unit: String
  public var width = 980.0

  public init(title: String, columnTitles: (String, String, String), links: [Link], unit: String) {
    self.title = title
    self.columnTitles = columnTitles
    self.links = links.filter { $0.tonnes > 1e-6 }
    self.unit = unit
  }

  private struct Node { var name: String; var value: Double; var y = 0.0; var h = 0.0; var inOffset = 0.0; var outOffset = 0.0 }

  public var svg: String {
    func order(_ key: (Link) -> String) -> [String] {
      var seen: [String: Double] = [:]
      for l in links { seen[key(l), default: 0] += l.tonnes }
      return seen.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
    }
    let names = [order(\.origin), order(\.route), order(\.destination)]
    var columns: [[Node]] = names.enumerated().map { c, list in
      list.map { name in
        Node(name: name, value: links.filter { [$0.origin, $0.route, $0.destination][c] == name }.reduce(0) { $0 + $1.tonnes })
      }
    }
    let minSlot = 20.0, gap = 8.0
    let top = 70.0, bottom = 24.0
    let maxNodes = Double(columns.map(\.count).max() ?? 1)
    let plotHeight = max(380, maxNodes * (minSlot + gap) + 160)
    // Scale t → px so that every column fits: Σ max(v·scale, minSlot) + gaps ≤ plotHeight.
    var scale = Double.infinity
    for col in columns {
      let room = plotHeight - gap * Double(max(0, col.count - 1))
      var s = room / max(1e-12, col.reduce(0) { $0 + $1.value })
      for _ in 0..<30 {
        let small = col.filter { $0.value * s < minSlot }
        let big = col.reduce(0.0) { $0 + ($1.value * s < minSlot ? 0 : $1.value) }
        guard big > 0 else { break }
        let next = (room - minSlot * Double(small.count)) / big
        if abs(next - s) < 1e-9 * s { break }
        s = max(0, next)
      }
      scale = min(scale, s)
    }
    if !scale.isFinite || scale <= 0 { scale = 1 }
    var extent = top
    for c in columns.indices {
      var y = top
      for k in columns[c].indices {
        let h = max(2, columns[c][k].value * scale)
        columns[c][k].h = h
        columns[c][k].y = y
        y += max(h, minSlot) + gap
      }
      extent = max(extent, y)
    }
    let height = extent + bottom
    func label(_ node: Node) -> String { "\(node.name) (\(String(format: node.value >= 100 ? "%.0f" : "%.1f", node.value)) \(unit))" }
    let barW = 14.0
    let leftWidth = (columns[0].map { SVGCanvas.textWidth(label($0), size: 12) }.max() ?? 60) + 16
    let rightWidth = (columns[2].map { SVGCanvas.textWidth(label($0), size: 12) }.max() ?? 60) + 16
    let middleWidth = (columns[1].map { SVGCanvas.textWidth(label($0), size: 12) }.max() ?? 60) + 16
    let width = max(self.width, leftWidth + rightWidth + middleWidth + 3 * barW + 260)
    let xs = [leftWidth, leftWidth + (width - leftWidth - rightWidth - barW) * 0.42, width - rightWidth - barW]
    var c = SVGCanvas(width: width, height: height)
    c.text(title, x: width / 2, y: 24, size: 16, anchor: "middle", weight: "bold")
    let titles = [columnTitles.0, columnTitles.1, columnTitles.2]
    for k in 0..<3 { c.text(titles[k], x: xs[k] + barW / 2, y: 52, size: 13, anchor: "middle", weight: "bold", fill: "#444") }
    func index(_ col: Int, _ name: String) -> Int { columns[col].firstIndex { $0.name == name } ?? 0 }
    // Bands: origin → route (coloured by origin), route → destination (coloured by destination).
    for (from, to, keyA, keyB) in [(0, 1, \Link.origin, \Link.route), (1, 2, \Link.route, \Link.destination)] {
      var pairs: [String: Double] = [:]
      var ordered: [(String, String)] = []
      for l in links {
        let key = l[keyPath: keyA] + "\u{1}" + l[keyPath: keyB]
        if pairs[key] == nil { ordered.append((l[keyPath: keyA], l[keyPath: keyB])) }
        pairs[key, default: 0] += l.tonnes
      }
      ordered.sort { (index(from, $0.0), index(to, $0.1)) < (index(from, $1.0), index(to, $1.1)) }
      for (a, b) in ordered {
        let t = pairs[a + "\u{1}" + b] ?? 0
        let i = index(from, a), j = index(to, b)
        let hA = t / max(columns[from][i].value, 1e-12) * columns[from][i].h
        let hB = t / max(columns[to][j].value, 1e-12) * columns[to][j].h
        let y0 = columns[from][i].y + columns[from][i].outOffset, y1 = columns[to][j].y + columns[to][j].inOffset
        columns[from][i].outOffset += hA
        columns[to][j].inOffset += hB
        let x0 = xs[from] + barW, x1 = xs[to], xm = (x0 + x1) / 2
        let d = "M\(SVGCanvas.n(x0)),\(SVGCanvas.n(y0)) C\(SVGCanvas.n(xm)),\(SVGCanvas.n(y0)) \(SVGCanvas.n(xm)),\(SVGCanvas.n(y1)) \(SVGCanvas.n(x1)),\(SVGCanvas.n(y1)) "
          + "L\(SVGCanvas.n(x1)),\(SVGCanvas.n(y1 + hB)) C\(SVGCanvas.n(xm)),\(SVGCanvas.n(y1 + hB)) \(SVGCanvas.n(xm)),\(SVGCanvas.n(y0 + hA)) \(SVGCanvas.n(x0)),\(SVGCanvas.n(y0 + hA)) Z"
        let colorIndex = from == 0 ? i : 100 + j
        c.path(d, fill: from == 0 ? ChartScale.color(colorIndex) : ChartScale.color(j + 10), opacity: 0.45,
               title: "\(a) → \(b): \(String(format: "%.1f", t)) \(unit)")
      }
    }
    for col in 0..<3 {
      for (k, node) in columns[col].enumerated() {
        let fill = col == 0 ? ChartScale.color(k) : col == 2 ? ChartScale.color(k + 10) : "#555"
        c.rect(x: xs[col], y: node.y, width: barW, height: node.h, fill: fill, title: "\(node.name): \(String(format: "%.1f", node.value)) \(unit)")
        let text = label(node)
        let cy = node.y + max(node.h, 14) / 2 + 4
        if col == 0 {
          c.text(text, x: xs[col] - 6, y: cy, anchor: "end")
        } else {
          if col == 1 {
            let w = SVGCanvas.textWidth(text, size: 12) * 0.92
            c.rect(x: xs[col] + barW + 3, y: cy - 12, width: w + 6, height: 16, fill: "white", opacity: 0.8)
          }
          c.text(text, x: xs[col] + barW + 6, y: cy)
        }
      }
    }
    return c.svg
  }
}
