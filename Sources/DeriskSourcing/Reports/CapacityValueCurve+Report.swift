extension CapacityValueCurve {
  /// The curve (objective against capacity or days, today's value marked), the shadow price along it,
  /// the table and the investment appraisal.
  public func report(modelName: String?) -> ReportDocument {
    let isDays = variable == "days"
    let xUnit = isDays ? "days" : "t/yr"
    var doc = ReportDocument(title: "Value of \(isDays ? "faster transit" : "capacity"): \(name)" + (modelName.map { " — \($0)" } ?? ""))
    doc.blocks.append(.paragraph("The model re-solved (contracts re-optimised) with the \(kind)'s \(isDays ? "transit days" : "capacity") scaled; "
      + "today: \(ReportFormat.tonnes(baseline)) \(xUnit), objective \(ReportFormat.money(baselineObjective)) \(currency)/yr. "
      + "Saving = today's objective − the scaled one."))
    let ok = points.filter { $0.saving.isFinite }
    let (div, word) = ChartScale.unit(max(ok.map { abs($0.saving) }.max() ?? 0, 1e6))
    let unit = ChartScale.moneyUnit(currency, word)
    doc.blocks.append(.chart(name: "value-curve", caption: "Annual saving against today as the \(kind)'s \(isDays ? "transit days" : "capacity") changes (contracts re-optimised); dashed: today",
      svg: LineChart(title: "Value of \(isDays ? "transit time" : "capacity"): \(name)", xLabel: "\(isDays ? "Transit days" : "Capacity") (\(xUnit))",
                     yLabel: "Saving vs today (\(unit))",
                     series: [.init(name: "saving", points: ok.map { ($0.value, $0.saving / div) },
                                    labels: ok.map { "×" + String(format: "%.3g", $0.multiplier) })],
                     markers: [(baseline, "today")]).svg))
    if !isDays {
      let priced = ok.filter { $0.shadowPrice != nil }
      doc.blocks.append(.chart(name: "shadow-price", caption: "Shadow price of the \(kind)'s capacity along the curve (value of one more tonne per year)",
        svg: LineChart(title: "Shadow price of capacity: \(name)", xLabel: "Capacity (t/yr)", yLabel: "Shadow price (\(currency)/t)",
                       series: [.init(name: "shadow price", points: priced.map { ($0.value, $0.shadowPrice ?? 0) })],
                       markers: [(baseline, "today")]).svg))
    }
    doc.blocks.append(.table(header: ["×", isDays ? "Days" : "Capacity t/yr", "Status", "Objective \(currency)", "Saving \(currency)",
                                      isDays ? "One day less \(currency)/day" : "Shadow price \(currency)/t"],
                             rows: points.map { p in
                               [String(format: "%.3g", p.multiplier), ReportFormat.tonnes(p.value), p.status, ReportFormat.money(p.objective),
                                ReportFormat.money(p.saving), ReportFormat.money((isDays ? p.slope : p.shadowPrice) ?? .nan)]
                             }))
    if let a = appraisal {
      doc.blocks.append(.heading(level: 2, text: "Investment appraisal"))
      doc.blocks.append(.paragraph("Capital \(ReportFormat.money(a.investment.capitalCost)) \(currency) over \(formatNumber(a.investment.lifetimeYears)) years "
        + "reaching ×\(formatNumber(a.investment.multiplier)): annual saving \(ReportFormat.money(a.objectiveSaving)) \(currency) on the objective, "
        + "\(ReportFormat.money(a.expectedCostSaving)) on E[C]. Annualised cost = capital × r / (1 − (1 + r)^−n)."))
      doc.blocks.append(.table(header: ["Financing", "Rate", "Annualised cost \(currency)", "Net benefit \(currency)/yr", "Pays", "Pays on E[C]", "Break-even capital \(currency)"],
                               rows: a.options.map { o in
                                 [o.name, ReportFormat.percent(o.rate), ReportFormat.money(o.annualisedCost), ReportFormat.money(o.netAnnualBenefit),
                                  o.pays ? "yes" : "no", o.paysOnExpectedCost ? "yes" : "no", ReportFormat.money(o.breakEvenCapitalCost)]
                               }))
    }
    return doc
  }

  public func csvTables() -> CSVTables {
    var t = CSVTables()
    t.add("value_curve", header: ["multiplier", variable, "status", "objective", "expected_cost", "cvar", "saving", "shadow_price", "slope"],
          rows: points.map { [CSVTables.value($0.multiplier), CSVTables.value($0.value), $0.status, CSVTables.value($0.objective),
                              CSVTables.value($0.expectedCost), CSVTables.value($0.cvar), CSVTables.value($0.saving),
                              $0.shadowPrice.map(CSVTables.value) ?? "", $0.slope.map(CSVTables.value) ?? ""] })
    if let a = appraisal {
      t.add("investment", header: ["financing", "rate", "annualised_cost", "net_annual_benefit", "pays", "pays_on_expected_cost", "break_even_capital_cost"],
            rows: a.options.map { [$0.name, CSVTables.value($0.rate), CSVTables.value($0.annualisedCost), CSVTables.value($0.netAnnualBenefit),
                                   "\($0.pays)", "\($0.paysOnExpectedCost)", CSVTables.value($0.breakEvenCapitalCost)] })
    }
    return t
  }
}
