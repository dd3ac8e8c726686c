import Foundation

/// A report as a list of blocks, rendered to Markdown (`report.md`, charts as linked `*.svg`) and to
/// one self-contained HTML page (`report.html`, charts inline, no external resources).
public struct ReportDocument: Sendable {
  public enum Block: Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case bullets([String])
    /// Columns whose header starts with a digit-free label; numeric columns are right-aligned.
    case table(header: [String], rows: [[String]])
    /// A chart written as `name.svg`.
    case chart(name: String, caption: String, svg: String)
  }

  public var title: String
  public var blocks: [Block]

  public init(title: String, blocks: [Block] = []) {
    self.title = title
    self.blocks = blocks
  }

  /// Appends another document's blocks (its title becomes a level-2 heading).
  public mutating func append(_ other: ReportDocument) {
    blocks.append(.heading(level: 2, text: other.title))
    blocks += other.blocks
  }

  /// The charts, by file name.
  public var charts: [(file: String, svg: String)] {
    blocks.compactMap { if case .chart(let name, _, let svg) = $0 { return ("\(name).svg", svg) } else { return nil } }
  }

  public var markdown: String {
    var out = "# \(title)\n\n"
    for block in blocks {
      switch block {
      case .heading(let level, let text): out += String(repeating: "#", count: min(6, level + 1)) + " \(text)\n\n"
      case .paragraph(let text): out += text + "\n\n"
      case .bullets(let items): out += items.map { "- \($0)" }.joined(separator: "\n") + "\n\n"
      case .table(let header, let rows):
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numericColumn($0, rows) ? "---:|" : "---|" }.joined() + "\n"
        for row in rows { out += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
        out += "\n"
      case .chart(let name, let caption, _): out += "![\(caption)](\(name).svg)\n\n*\(caption)*\n\n"
      }
    }
    return out
  }

  public var html: String {
    func esc(_ s: String) -> String { SVGCanvas.escape(s) }
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>\(esc(title))</title>
      <style>
      body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
      h1{font-size:1.7em}h2{font-size:1.35em;margin-top:2em;border-bottom:1px solid #ddd}h3{font-size:1.1em}
      table{border-collapse:collapse;margin:1em 0;font-size:.9em}th,td{padding:.3em .7em;border-bottom:1px solid #e5e5e5}
      th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
      figure{margin:1.5em 0}figure svg{max-width:100%;height:auto;border:1px solid #eee}figcaption{color:#555;font-size:.9em}
      </style></head><body>
      <h1>\(esc(title))</h1>

      """
    for block in blocks {
      switch block {
      case .heading(let level, let text): out += "<h\(min(6, level + 1))>\(esc(text))</h\(min(6, level + 1))>\n"
      case .paragraph(let text): out += "<p>\(esc(text))</p>\n"
      case .bullets(let items): out += "<ul>" + items.map { "<li>\(esc($0))</li>" }.joined() + "</ul>\n"
      case .table(let header, let rows):
        let numeric = header.indices.map { numericColumn($0, rows) }
        out += "<table><thead><tr>" + header.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
          out += "<tr>" + row.enumerated().map { k, v in "<td\(k < numeric.count && numeric[k] ? " class=\"n\"" : "")>\(esc(v))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody></table>\n"
      case .chart(_, let caption, let svg): out += "<figure>\(svg)<figcaption>\(esc(caption))</figcaption></figure>\n"
      }
    }
    return out + "</body></html>\n"
  }

  private func numericColumn(_ k: Int, _ rows: [[String]]) -> Bool {
    let cells = rows.compactMap { k < $0.count ? $0[k] : nil }.filter { !$0.isEmpty && $0 != "—" }
    return !cells.isEmpty && cells.allSatisfy { Double($0.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "%", with: "")) != nil }
  }

  /// Writes `report.md`, `report.html` and every chart as `name.svg` into `directory` (created if needed).
  /// - Throws: ``SourcingError`` naming the directory when it cannot be written.
  public func write(to directory: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let dir = URL(fileURLWithPath: directory)
      try markdown.write(to: dir.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
      try html.write(to: dir.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
      for chart in charts { try chart.svg.write(to: dir.appendingPathComponent(chart.file), atomically: true, encoding: .utf8) }
    } catch {
      throw SourcingError(path: directory, message: "cannot write the report (\(error.localizedDescription))")
    }
  }
}

/// Number formats shared by reports and CSV.
enum ReportFormat {
  /// Whole currency units with thousands separators: 2,540,912,345.
  static func money(_ x: Double) -> String {
    guard x.isFinite else { return "—" }
    let r = x.rounded()
    let digits = String(format: "%.0f", abs(r))
    var out = ""
    for (k, ch) in digits.reversed().enumerated() {
      if k > 0 && k % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return (r < 0 ? "-" : "") + String(out.reversed())
  }
  static func tonnes(_ x: Double) -> String { x.isFinite ? String(format: "%.1f", abs(x) < 0.05 ? 0 : x) : "—" }
  static func percent(_ x: Double) -> String { x.isFinite ? String(format: "%.1f%%", 100 * x) : "—" }
  static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.4g", x) : "—" }
}

/// CSV tables of an analysis, written into a directory as `name.csv`.
public struct CSVTables: Sendable {
  public var tables: [(name: String, header: [String], rows: [[String]])] = []

  public init() {}

  public mutating func add(_ name: String, header: [String], rows: [[String]]) { tables.append((name, header, rows)) }

  static func field(_ s: String) -> String {
    s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }

  /// Full-precision numbers (%.17g trimmed by Swift's shortest representation).
  static func value(_ x: Double) -> String { x.isFinite ? "\(x)" : "" }

  /// Writes each table as `name.csv` into `directory` (created if needed).
  /// - Throws: ``SourcingError`` naming the directory when it cannot be written.
  public func write(to directory: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for t in tables {
        let text = ([t.header] + t.rows).map { $0.map(Self.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(t.name).csv"), atomically: true, encoding: .utf8)
      }
    } catch {
      throw SourcingError(path: directory, message: "cannot write CSV files (\(error.localizedDescription))")
    }
  }
}
