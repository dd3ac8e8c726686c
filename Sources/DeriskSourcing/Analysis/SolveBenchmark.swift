import DeriskSolvers
import Foundation

/// Timings of repeated solves of the user's own files, for people benchmarking the solver on their
/// problems: sourcing models (.yaml, .yml, .json: the two-stage program `derisk solve` solves, without
/// VSS/EVPI) and MPS/QPS files (the LP or QP as written).
///
/// Each file is read and lowered once; then it is solved `repeats` times, each solve timed on the
/// monotonic clock (lowering to standard form included for sourcing models). Peak memory is the
/// process's peak resident set size (getrusage `ru_maxrss`) after the file's solves — a high-water
/// mark of the whole process so far, so files are best run largest last or one per process.
public struct SolveBenchmark: Sendable, Hashable, Codable {
  public var repeats: Int
  public var entries: [Entry]

  public struct Entry: Sendable, Hashable, Codable {
    public var file: String
    /// `sourcing` or `mps`.
    public var kind: String
    public var variables: Int
    public var constraints: Int
    public var status: String
    public var objective: Double
    public var iterations: Int
    public var minSeconds: Double
    public var medianSeconds: Double
    public var maxSeconds: Double
    public var peakMemoryBytes: Int
  }

  /// Benchmarks each file in turn.
  /// - Throws: ``SourcingError`` (or the MPS reader's error) naming the file that cannot be read; for `repeats` < 1.
  public static func run(files: [String], repeats: Int, settings: InteriorPointSettings = InteriorPointSettings(),
                         progress: AnalysisProgress = { _, _, _ in }) throws -> SolveBenchmark {
    guard repeats >= 1 else { throw SourcingError(path: "--repeat", message: "must be ≥ 1, got \(repeats)") }
    guard !files.isEmpty else { throw SourcingError(path: "FILES", message: "give at least one model or MPS file") }
    var entries: [Entry] = []
    let total = files.count * repeats
    for (f, file) in files.enumerated() {
      let lower = file.lowercased()
      let isModel = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
      var times: [Double] = []
      var last: SolveResult? = nil
      var rows = 0, columns = 0
      let solveOnce: () throws -> SolveResult
      if isModel {
        let program = try SourcingModel.load(path: file).program()
        rows = program.model.constraintCount
        columns = program.model.variableCount
        solveOnce = { try program.model.solve(settings: settings).result }
      } else {
        let problem = try MPSReader.read(contentsOf: URL(fileURLWithPath: file)).problem
        rows = problem.rowCount
        columns = problem.columnCount
        solveOnce = { try solve(problem, settings: settings) }
      }
      for r in 0..<repeats {
        progress(f * repeats + r, total, "\(file) run \(r + 1)/\(repeats)")
        let clock = ContinuousClock()
        let start = clock.now
        last = try solveOnce()
        let d = clock.now - start
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
      }
      let sorted = times.sorted()
      let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
      entries.append(Entry(file: file, kind: isModel ? "sourcing" : "mps", variables: columns, constraints: rows,
                           status: last?.termination.rawValue ?? "none", objective: last?.objective ?? .nan,
                           iterations: last?.info.iterations ?? 0, minSeconds: sorted.first ?? 0, medianSeconds: median,
                           maxSeconds: sorted.last ?? 0, peakMemoryBytes: peakResidentBytes()))
    }
    progress(total, total, "done")
    return SolveBenchmark(repeats: repeats, entries: entries)
  }

  /// The process's peak resident set size in bytes (Linux reports kilobytes, macOS bytes).
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    #if os(Linux)
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss) * 1024
    #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
    return Int(usage.ru_maxrss)
    #endif
  }
}
