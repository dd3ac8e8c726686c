extension StressTest {
  /// The N − 1 table (failures sorted by expected-cost increase), a bar chart of the increases with
  /// failures that cause a shortfall in red, and the corridor margins.
  public func report(modelName: String?) -> ReportDocument {
    var doc = ReportDocument(title: "Single points of failure (N − 1)" + (modelName.map { ": \($0)" } ?? ""))
    doc.blocks.append(.paragraph("Contracts fixed at the optimal plan; each element fails alone in every scenario and the recourse is re-optimised. "
      + "Money in \(currency) per year, shortfall in expected tonnes per year. Plan's own E[C]: \(ReportFormat.money(baseline.expectedCost))."))
    let sorted = failures.sorted { $0.expectedCostIncrease > $1.expectedCostIncrease }
    let top = Array(sorted.prefix(20))
    let (div, word) = ChartScale.unit(top.map { abs($0.expectedCostIncrease) }.max() ?? 1)
    let baseShort = baseline.totalExpectedShortfall
    doc.blocks.append(.chart(name: "stress", caption: "Increase of expected cost when each element fails alone (largest 20); red: the failure adds shortfall",
      svg: BarChart(title: "Cost of losing one element", xLabel: "Increase of expected cost (\(ChartScale.moneyUnit(currency, word)))",
                    rows: top.map { .init(name: "\($0.kind) \($0.target)", value: $0.expectedCostIncrease,
                                          highlighted: $0.totalExpectedShortfall > baseShort + 1e-3,
                                          note: $0.totalExpectedShortfall > baseShort + 1e-3 ? "(E[shortfall] +\(ReportFormat.tonnes($0.totalExpectedShortfall - baseShort)) t)" : "") },
                    divisor: div, legend: ("no added shortfall", "adds shortfall")).svg))
    let materials = baseline.shortfall.map(\.material)
    doc.blocks.append(.table(header: ["Fails", "Status", "E[C] \(currency)", "Increase \(currency)"] + materials.map { "E[short] \($0) t" },
                             rows: ([baseline] + sorted).map { o in
                               [o.kind == "none" ? "nothing (plan)" : "\(o.kind) \(o.target)", o.status, ReportFormat.money(o.expectedCost),
                                ReportFormat.money(o.expectedCostIncrease)] + o.shortfall.map { ReportFormat.tonnes($0.expected) }
                             }))
    doc.blocks.append(.heading(level: 2, text: "Smallest loss of corridor capacity that causes a shortfall"))
    doc.blocks.append(.table(header: ["Corridor", "Capacity t/yr", "Loss share", "Loss t/yr", "First short"],
                             rows: corridorMargins.map { m in
                               [m.name, ReportFormat.tonnes(m.capacity), m.lossShare.map(ReportFormat.percent) ?? "none up to 100%",
                                m.lossTonnes.map(ReportFormat.tonnes) ?? "—", m.scenario.map { "\($0) / \(m.material ?? "")" } ?? "—"]
                             }))
    return doc
  }

  public func csvTables() -> CSVTables {
    var t = CSVTables()
    let materials = baseline.shortfall.map(\.material)
    t.add("stress", header: ["kind", "target", "status", "objective", "expected_cost", "cvar", "expected_cost_increase"]
            + materials.flatMap { ["expected_shortfall_\($0)", "worst_shortfall_\($0)"] },
          rows: ([baseline] + failures).map { o in
            [o.kind, o.target, o.status, CSVTables.value(o.objective), CSVTables.value(o.expectedCost), CSVTables.value(o.cvar),
             CSVTables.value(o.expectedCostIncrease)] + o.shortfall.flatMap { [CSVTables.value($0.expected), CSVTables.value($0.worst)] }
          })
    t.add("corridor_margins", header: ["corridor", "capacity", "loss_share", "loss_tonnes", "scenario", "material"],
          rows: corridorMargins.map { [$0.corridor, CSVTables.value($0.capacity), $0.lossShare.map(CSVTables.value) ?? "",
                                       $0.lossTonnes.map(CSVTables.value) ?? "", $0.scenario ?? "", $0.material ?? ""] })
    return t
  }
}
