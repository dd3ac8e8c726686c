extension EfficientFrontier {
  /// The frontier chart (CVaR on x, E[C] on y, points labelled by λ), its table and the kinks.
  public func report(modelName: String?) -> ReportDocument {
    var doc = ReportDocument(title: "Efficient frontier" + (modelName.map { ": \($0)" } ?? ""))
    doc.blocks.append(.paragraph("Each point minimises E[C] + λ·CVaR_\(formatNumber(cvarConfidence))(C); money in \(currency) per year. "
      + "Moving along the frontier trades expected cost for a lighter tail."))
    let solved = points.filter { $0.expectedCost.isFinite && $0.cvar.isFinite }
    let maxAbs = solved.flatMap { [abs($0.expectedCost), abs($0.cvar)] }.max() ?? 1
    let (div, word) = ChartScale.unit(maxAbs)
    let unit = ChartScale.moneyUnit(currency, word)
    // Points with the same plan (same E and CVaR) share one marker labelled with their λ range.
    var groups: [[FrontierPoint]] = []
    for p in solved {
      if let last = groups.last?.last, abs(last.expectedCost - p.expectedCost) <= 1e-7 * max(1, abs(p.expectedCost)),
         abs(last.cvar - p.cvar) <= 1e-7 * max(1, abs(p.cvar)) {
        groups[groups.count - 1].append(p)
      } else {
        groups.append([p])
      }
    }
    let series = LineChart.Series(name: "frontier", points: groups.map { ($0[0].cvar / div, $0[0].expectedCost / div) },
                                  labels: groups.map { g in
                                    g.count == 1 ? "λ=\(formatNumber(g[0].riskAversion))"
                                      : "λ=\(formatNumber(g[0].riskAversion))…\(formatNumber(g[g.count - 1].riskAversion))"
                                  })
    doc.blocks.append(.chart(name: "frontier", caption: "Efficient frontier: expected cost against CVaR, one point per risk aversion λ",
      svg: LineChart(title: "Efficient frontier (α = \(formatNumber(cvarConfidence)))", xLabel: "CVaR of cost (\(unit))",
                     yLabel: "Expected cost (\(unit))", series: [series]).svg))
    doc.blocks.append(.table(header: ["λ", "Status", "E[C] \(currency)", "VaR \(currency)", "CVaR \(currency)", "Objective \(currency)"],
                             rows: points.map { [formatNumber($0.riskAversion), $0.status, ReportFormat.money($0.expectedCost),
                                                 ReportFormat.money($0.valueAtRisk), ReportFormat.money($0.cvar), ReportFormat.money($0.objective)] }))
    doc.blocks.append(.heading(level: 2, text: "Kinks: constraints that start or stop binding"))
    doc.blocks.append(events.isEmpty ? .paragraph("The set of binding constraints is the same at every point.") : .bullets(events.map(\.text)))
    return doc
  }

  public func csvTables() -> CSVTables {
    var t = CSVTables()
    t.add("frontier", header: ["risk_aversion", "status", "objective", "expected_cost", "value_at_risk", "cvar"],
          rows: points.map { [CSVTables.value($0.riskAversion), $0.status, CSVTables.value($0.objective), CSVTables.value($0.expectedCost),
                              CSVTables.value($0.valueAtRisk), CSVTables.value($0.cvar)] })
    t.add("frontier_events", header: ["risk_aversion", "constraint", "change"],
          rows: events.map { [CSVTables.value($0.riskAversion), $0.constraint, $0.change] })
    return t
  }
}
