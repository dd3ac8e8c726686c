extension SourcingPlan {
  /// The plan as a report: key figures, contracts, allocation by country and by corridor (stacked
  /// bars per material), the distribution of scenario costs with VaR and CVaR marked and the tail
  /// named, the flow diagram origin → corridor → material, and the largest shadow prices.
  public func report(model: SourcingModel) -> ReportDocument {
    let cur = model.currency
    var doc = ReportDocument(title: model.name.map { "Sourcing plan: \($0)" } ?? "Sourcing plan")
    let measure = riskMeasure == "expectation" ? "E[C]" : "E[C] + \(formatNumber(riskAversion))·\(riskMeasure)"
    doc.blocks.append(.paragraph("Status \(status). The plan minimises \(measure) over \(scenarios.count) scenarios; "
      + "money in \(cur) per year, quantities in tonnes per year. CVaR and VaR at α = \(formatNumber(cvarConfidence))."))
    var key: [[String]] = [
      ["Objective", ReportFormat.money(objective)], ["Expected cost E[C]", ReportFormat.money(expectedCost)],
      ["VaR", ReportFormat.money(valueAtRisk)], ["CVaR", ReportFormat.money(cvar)],
    ]
    if let v = valueOfInformation { key += [["VSS", ReportFormat.money(v.vss)], ["EVPI", ReportFormat.money(v.evpi)]] }
    doc.blocks.append(.table(header: ["Figure", cur], rows: key))
    doc.blocks.append(.paragraph("Tail scenarios (CVaR weight): " + tailSummary { "\($0.scenario) (\(Self.formatShare($0.weight)))" } + "."))

    doc.blocks.append(.heading(level: 2, text: "Contracts"))
    doc.blocks.append(.table(header: ["Supplier", "Country", "Material", "Contracted t/yr", "Capacity t/yr", "Unit cost \(cur)/t"],
                             rows: contracts.filter { $0.tonnes > 1e-6 }.map {
                               [$0.supplier, $0.country, $0.material, ReportFormat.tonnes($0.tonnes), ReportFormat.tonnes($0.capacity), ReportFormat.money($0.unitCost)]
                             }))
    let materials = model.materials.map(\.id)
    let notes = model.materials.map { "demand \(ReportFormat.tonnes($0.demand)) t" }
    let countries = model.supplierCountries
    doc.blocks.append(.chart(name: "allocation-by-country", caption: "Contracted tonnes by supplier country, as a share of each material's contracts",
      svg: StackedBarChart(title: "Allocation by country", yLabel: "Share of contracted tonnes (%)", categories: materials, categoryNotes: notes,
                           seriesNames: countries, values: countries.map { c in materials.map { m in countryShares.first { $0.material == m && $0.name == c }?.tonnes ?? 0 } },
                           unit: "t/yr").svg))
    let corridors = model.corridors.map(\.id)
    if corridorFlows.contains(where: { $0.tonnes > 1e-6 }) {
      doc.blocks.append(.chart(name: "allocation-by-corridor", caption: "Expected throughput by corridor, as a share of each material's corridor throughput",
        svg: StackedBarChart(title: "Allocation by corridor", yLabel: "Share of expected throughput (%)", categories: materials, categoryNotes: notes,
                             seriesNames: corridors.map { model.corridorName($0) },
                             values: corridors.map { k in materials.map { m in corridorFlows.first { $0.material == m && $0.name == k }?.tonnes ?? 0 } },
                             unit: "t/yr").svg))
    }

    doc.blocks.append(.heading(level: 2, text: "Scenario costs"))
    let maxCost = scenarios.map { abs($0.cost) }.max() ?? 1
    let (div, word) = ChartScale.unit(maxCost)
    let tail = Set(tailScenarios.map(\.scenario))
    let listed = listedScenarios
    let showsAll = listed.count == scenarios.count
    let scope = showsAll ? "each scenario" : "the \(listed.count) costliest of the \(scenarios.count) scenarios"
    let rows = listed.sorted { $0.cost > $1.cost }.map {
      BarChart.Row(name: $0.scenario, value: $0.cost, highlighted: tail.contains($0.scenario), note: "p = \(Self.formatShare($0.probability, digits: 3))")
    }
    doc.blocks.append(.chart(name: "scenario-costs", caption: "Cost of \(scope) under the plan; tail scenarios (those carrying CVaR weight) in red",
      svg: BarChart(title: showsAll ? "Distribution of scenario costs"
                             : "The \(listed.count) costliest of \(scenarios.count) scenarios", xLabel: "Scenario cost (\(ChartScale.moneyUnit(cur, word)))", rows: rows, divisor: div,
                    markers: [(expectedCost, "E[C] \(String(format: "%.3g", expectedCost / div))"),
                              (valueAtRisk, "VaR \(String(format: "%.3g", valueAtRisk / div))"),
                              (cvar, "CVaR \(String(format: "%.3g", cvar / div))")],
                    legend: ("scenario", "tail scenario (in CVaR_\(formatNumber(cvarConfidence)))")).svg))
    doc.blocks.append(.table(header: ["Scenario", "p", "Cost \(cur)", "Shortfall t"] ,
                             rows: listed.map { s in
                               [s.scenario, Self.formatShare(s.probability, digits: 3), ReportFormat.money(s.cost),
                                ReportFormat.tonnes(s.materials.reduce(0) { $0 + $1.shortfall })]
                             }))
    doc.blocks.append(.heading(level: 2, text: "Flows"))
    doc.blocks.append(.chart(name: "flows", caption: "Expected tonnes per year from origin country through corridor to each material at \(model.destination)",
      svg: FlowDiagram(title: "Expected flows: origin → corridor → material", columnTitles: ("Origin", "Corridor", "Material at \(model.destination)"),
                       links: FlowDecomposition.links(model: model, plan: self), unit: "t/yr").svg))
    let prices = shadowPrices.filter { $0.kind != .demand && abs($0.value) > 1e-3 }.sorted { abs($0.value) > abs($1.value) }.prefix(15)
    if !prices.isEmpty {
      doc.blocks.append(.heading(level: 2, text: "Shadow prices"))
      doc.blocks.append(.paragraph("What one more unit of each binding limit is worth per year (envelope theorem; see the DocC article)."))
      doc.blocks.append(.table(header: ["Limit", "Value", "Unit"], rows: prices.map { [model.label(of: $0), ReportFormat.money($0.value), $0.unit] }))
    }
    return doc
  }

  /// contracts.csv, scenarios.csv, leg_flows.csv, shadow_prices.csv.
  public func csvTables() -> CSVTables {
    var t = CSVTables()
    t.add("summary", header: ["figure", "value"], rows: [["status", status], ["objective", CSVTables.value(objective)],
      ["expected_cost", CSVTables.value(expectedCost)], ["value_at_risk", CSVTables.value(valueAtRisk)], ["cvar", CSVTables.value(cvar)]])
    t.add("contracts", header: ["supplier", "country", "material", "tonnes", "capacity", "unit_cost", "contract_fee"],
          rows: contracts.map { [$0.supplier, $0.country, $0.material, CSVTables.value($0.tonnes), CSVTables.value($0.capacity),
                                 CSVTables.value($0.unitCost), CSVTables.value($0.contractFee)] })
    t.add("scenarios", header: ["scenario", "probability", "cost", "material", "demand", "supplied", "spot", "stockpile", "shortfall"],
          rows: scenarios.flatMap { s in s.materials.map { m in
            [s.scenario, CSVTables.value(s.probability), CSVTables.value(s.cost), m.material, CSVTables.value(m.demand), CSVTables.value(m.supplied),
             CSVTables.value(m.spot), CSVTables.value(m.stockpile), CSVTables.value(m.shortfall)] } })
    t.add("leg_flows", header: ["leg", "from", "to", "mode", "expected_tonnes", "capacity"],
          rows: legFlows.map { [$0.leg, $0.from, $0.to, $0.mode, CSVTables.value($0.expectedTonnes), CSVTables.value($0.capacity)] })
    t.add("shadow_prices", header: ["kind", "target", "material", "unit", "value"],
          rows: shadowPrices.map { [$0.kind.rawValue, $0.target, $0.material ?? "", $0.unit, CSVTables.value($0.value)] })
    return t
  }
}
