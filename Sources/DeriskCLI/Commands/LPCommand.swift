import ArgumentParser
import Derisk
import Foundation

/// `derisk lp FILE`: solve an LP or convex QP from an MPS / QPS file with the interior-point solver.
struct LPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lp",
    abstract: "Solve a linear or convex quadratic program from an MPS or QPS file.",
    discussion: """
      Exit status 0 when the solve ran (whatever its status: read `status`), 2 when the file or the
      arguments cannot be used (the reason is printed on standard error).
      """)

  @Argument(help: "The problem, in fixed or free MPS (.mps) or QPS (.qps) format.")
  var file: String

  @Option(name: .customLong("time-limit"), help: "Stop after this many seconds (default: no limit).")
  var timeLimit: Double?

  @Option(name: .customLong("max-iterations"), help: "Largest number of interior-point iterations (default 200).")
  var maxIterations: Int = InteriorPointSettings().maxIterations

  @Option(name: .customLong("linear-system"), help: "automatic, normalEquations or augmented (default automatic).")
  var linearSystem: LinearSystemChoice = .automatic

  @Flag(help: "Print the iteration log on standard error (off with --quiet).")
  var verbose = false

  @OptionGroup var output: OutputOptions

  @Option(help: "Write the primal and dual solution to this CSV file.")
  var solution: String?

  func run() throws {
    var settings = InteriorPointSettings()
    settings.timeLimitSeconds = timeLimit
    settings.maxIterations = maxIterations
    settings.verbose = verbose && !output.quiet
    settings.linearSystem = linearSystem
    let file: MPSFile
    let result: SolveResult
    do {
      try settings.validate()
      file = try MPSReader.read(contentsOf: URL(fileURLWithPath: self.file))
      result = try solve(file.problem, settings: settings)
    } catch let error as MPSError {
      throw CommandFailure.unusableInput("\(error)")
    } catch let error as ProblemError {
      throw CommandFailure.unusableInput("\(self.file): \(error)")
    } catch {
      throw CommandFailure.unusableInput("\(error)")
    }
    for warning in file.warnings where !output.json && !output.quiet { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    if let path = solution {
      do {
        try SolutionCSV.text(problem: file.problem, result: result).write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        throw CommandFailure.unusableInput("cannot write \(path): \(error.localizedDescription)")
      }
    }
    let report = SolveReport(problem: file.problem, result: result, warnings: file.warnings)
    let p = file.problem
    var lines = ["\(p.name.isEmpty ? self.file : p.name): \(p.rowCount) rows, \(p.columnCount) columns, "
      + "\(p.constraintMatrix.nonzeroCount) nonzeros\(p.isLinear ? "" : ", quadratic objective")",
      "status      \(result.termination.rawValue)"]
    if result.objective.isFinite { lines.append("objective   \(String(format: "%.12g", result.objective))") }
    lines.append(String(format: "residuals   primal %.2e, dual %.2e, gap %.2e", result.info.primalResidual,
                        result.info.dualResidual, result.info.relativeGap))
    lines.append(String(format: "iterations  %d in %.3f s (%@)", result.info.iterations, result.info.solveSeconds,
                        result.info.linearSystem))
    var doc = ReportDocument(title: "LP/QP solve: \(p.name.isEmpty ? self.file : p.name)")
    doc.blocks.append(.table(header: ["Figure", "Value"], rows: [
      ["status", result.termination.rawValue], ["objective", String(format: "%.12g", result.objective)],
      ["rows", "\(p.rowCount)"], ["columns", "\(p.columnCount)"], ["iterations", "\(result.info.iterations)"],
      ["primal residual", String(format: "%.2e", result.info.primalResidual)],
      ["dual residual", String(format: "%.2e", result.info.dualResidual)], ["gap", String(format: "%.2e", result.info.relativeGap)],
    ]))
    var tables = CSVTables()
    let sol = result.solution
    tables.add("solution", header: ["kind", "name", "value", "dual"],
               rows: (0..<min(p.columnCount, sol.x.count)).map { j in
                 ["column", p.columnName(j), "\(sol.x[j])", j < sol.reducedCosts.count ? "\(sol.reducedCosts[j])" : ""]
               } + (0..<min(p.rowCount, sol.rowDuals.count)).map { i in
                 ["row", p.rowName(i), i < sol.rowActivities.count ? "\(sol.rowActivities[i])" : "", "\(sol.rowDuals[i])"]
               })
    if output.json {
      print(try CommandFailure.jsonString(report))   // the solver's SolveReport keys, unchanged
      try output.emit(report, text: "", document: output.report == nil ? nil : doc, tables: output.csv == nil ? nil : tables, printing: false)
    } else {
      try output.emit(report, text: lines.joined(separator: "\n"), document: doc, tables: tables)
    }
  }
}

extension LinearSystemChoice: ExpressibleByArgument {}

/// The solution of a solve as CSV: one line per column (value, reduced cost) and per row (activity, dual).
enum SolutionCSV {
  static func text(problem: QuadraticProgram, result: SolveResult) -> String {
    var lines = ["kind,name,value,dual"]
    func field(_ name: String) -> String {
      name.contains(",") || name.contains("\"") ? "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : name
    }
    let s = result.solution
    for j in 0..<problem.columnCount where j < s.x.count {
      lines.append("column,\(field(problem.columnName(j))),\(s.x[j]),\(j < s.reducedCosts.count ? s.reducedCosts[j] : .nan)")
    }
    for i in 0..<problem.rowCount where i < s.rowDuals.count {
      lines.append("row,\(field(problem.rowName(i))),\(i < s.rowActivities.count ? s.rowActivities[i] : .nan),\(s.rowDuals[i])")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
