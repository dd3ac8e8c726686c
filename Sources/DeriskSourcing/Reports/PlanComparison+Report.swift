extension PlanComparison {
  public func report() -> ReportDocument {
    var doc = ReportDocument(title: "Comparison: \(a) vs \(b)")
    func rows(_ list: [PlanComparison.Row], _ f: (Double) -> String) -> [[String]] {
      list.map { r in [r.name, f(r.a), f(r.b), f(r.difference)] }
    }
    var summaryRows: [[String]] = []
    for r in summary {
      if r.name == "expected_shortfall" {
        summaryRows.append([r.name, ReportFormat.tonnes(r.a), ReportFormat.tonnes(r.b), ReportFormat.tonnes(r.difference)])
      } else {
        summaryRows.append([r.name, ReportFormat.money(r.a), ReportFormat.money(r.b), ReportFormat.money(r.difference)])
      }
    }
    doc.blocks.append(ReportDocument.Block.table(header: ["Figure", a, b, "b − a"], rows: summaryRows))
    doc.blocks.append(.heading(level: 2, text: "Contracts (t/yr)"))
    doc.blocks.append(.table(header: ["Supplier/material", a, b, "b − a"], rows: rows(contracts, ReportFormat.tonnes)))
    doc.blocks.append(.heading(level: 2, text: "Country shares of contracts"))
    doc.blocks.append(.table(header: ["Material/country", a, b, "b − a"], rows: rows(countryShares, ReportFormat.percent)))
    doc.blocks.append(.heading(level: 2, text: "Scenario costs"))
    doc.blocks.append(.table(header: ["Scenario", a, b, "b − a"], rows: rows(scenarios, ReportFormat.money)))
    return doc
  }

  public func csvTables() -> CSVTables {
    var t = CSVTables()
    for (name, list) in [("summary", summary), ("contracts", contracts), ("country_shares", countryShares), ("scenarios", scenarios)] {
      t.add("compare_\(name)", header: ["name", "a", "b", "difference"],
            rows: list.map { [$0.name, CSVTables.value($0.a), CSVTables.value($0.b), CSVTables.value($0.difference)] })
    }
    return t
  }
}
