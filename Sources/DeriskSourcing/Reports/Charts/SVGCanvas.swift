import Foundation

/// A small SVG writer: shapes and text in user units (pixels), serialised as one self-contained
/// `<svg>` element with no external fonts, styles or scripts.
public struct SVGCanvas: Sendable {
  public var width: Double
  public var height: Double
  private var body: [String] = []

  /// The font stack of every chart.
  static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  /// Escapes &, <, >, " for text and attributes.
  static func escape(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }

  static func n(_ x: Double) -> String { String(format: "%.2f", x) }

  /// Estimated width of `text` at `size` px (DejaVu Sans averages ≈ 0.6 em per character).
  static func textWidth(_ text: String, size: Double) -> Double { Double(text.count) * size * 0.6 }

  private func tooltip(_ title: String?) -> String { title.map { "<title>\(Self.escape($0))</title>" } ?? "" }

  public mutating func rect(x: Double, y: Double, width w: Double, height h: Double, fill: String, stroke: String? = nil,
                            opacity: Double = 1, title: String? = nil) {
    let s = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
    let o = opacity < 1 ? " fill-opacity=\"\(Self.n(opacity))\"" : ""
    body.append("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\" fill=\"\(fill)\"\(s)\(o)>\(tooltip(title))</rect>")
  }

  public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
    let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    body.append("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(d)/>")
  }

  public mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
    let p = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
    body.append("<polyline points=\"\(p)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"/>")
  }

  public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String = "white", title: String? = nil) {
    body.append("<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"1\">\(tooltip(title))</circle>")
  }

  public mutating func path(_ d: String, fill: String, opacity: Double = 1, title: String? = nil) {
    body.append("<path d=\"\(d)\" fill=\"\(fill)\" fill-opacity=\"\(Self.n(opacity))\">\(tooltip(title))</path>")
  }

  /// Text; `anchor` is start, middle or end; `rotate` in degrees about (x, y).
  public mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                            weight: String = "normal", fill: String = "#222", rotate: Double? = nil) {
    let r = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
    let w = weight == "normal" ? "" : " font-weight=\"\(weight)\""
    body.append("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(r)>\(Self.escape(s))</text>")
  }

  /// The finished document.
  public var svg: String {
    """
    <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.n(width))" height="\(Self.n(height))" viewBox="0 0 \(Self.n(width)) \(Self.n(height))" font-family="\(Self.font)" role="img">
    <rect x="0" y="0" width="\(Self.n(width))" height="\(Self.n(height))" fill="white"/>
    \(body.joined(separator: "\n"))
    </svg>

    """
  }
}
