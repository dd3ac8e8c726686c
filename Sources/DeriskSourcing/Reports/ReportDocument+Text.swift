extension ReportDocument {
  /// The report for a terminal: headings underlined, tables in aligned columns, charts left out
  /// (they are in `--report DIR`).
  public var text: String {
    var out = title + "\n" + String(repeating: "=", count: title.count) + "\n\n"
    for block in blocks {
      switch block {
      case .heading(_, let text): out += text + "\n" + String(repeating: "-", count: text.count) + "\n"
      case .paragraph(let text): out += text + "\n\n"
      case .bullets(let items): out += items.map { "  • \($0)" }.joined(separator: "\n") + "\n\n"
      case .table(let header, let rows):
        var widths = header.map(\.count)
        for row in rows { for (k, cell) in row.enumerated() where k < widths.count { widths[k] = max(widths[k], cell.count) } }
        func line(_ cells: [String]) -> String {
          cells.enumerated().map { k, c in
            let pad = String(repeating: " ", count: max(0, widths[k] - c.count))
            return k == 0 ? c + pad : pad + c
          }.joined(separator: "  ")
        }
        out += "  " + line(header) + "\n"
        for row in rows { out += "  " + line(row) + "\n" }
        out += "\n"
      case .chart: break
      }
    }
    return out
  }
}
