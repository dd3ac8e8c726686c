extension SolveBenchmark {
  public func report() -> ReportDocument {
    var doc = ReportDocument(title: "Solve benchmark (\(repeats) run\(repeats == 1 ? "" : "s") per file)")
    doc.blocks.append(.table(header: ["File", "Kind", "Variables", "Rows", "Status", "Iterations", "Min s", "Median s", "Max s", "Peak MiB"],
                             rows: entries.map { e in
                               [e.file, e.kind, "\(e.variables)", "\(e.constraints)", e.status, "\(e.iterations)",
                                String(format: "%.4f", e.minSeconds), String(format: "%.4f", e.medianSeconds), String(format: "%.4f", e.maxSeconds),
                                String(format: "%.1f", Double(e.peakMemoryBytes) / 1_048_576)]
                             }))
    doc.blocks.append(.paragraph("Peak memory is the process's peak resident set after each file's solves (a high-water mark)."))
    return doc
  }

  public func csvTables() -> CSVTables {
    var t = CSVTables()
    t.add("bench", header: ["file", "kind", "variables", "constraints", "status", "objective", "iterations", "min_seconds", "median_seconds", "max_seconds", "peak_memory_bytes"],
          rows: entries.map { [$0.file, $0.kind, "\($0.variables)", "\($0.constraints)", $0.status, CSVTables.value($0.objective), "\($0.iterations)",
                               CSVTables.value($0.minSeconds), CSVTables.value($0.medianSeconds), CSVTables.value($0.maxSeconds), "\($0.peakMemoryBytes)"] })
    return t
  }
}
