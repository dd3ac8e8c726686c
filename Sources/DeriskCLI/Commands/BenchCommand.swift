import ArgumentParser
import Derisk

/// `derisk bench FILES… [--repeat N]`: time solves of the user's own models or MPS/QPS files.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time repeated solves of sourcing models or MPS/QPS files: min, median, max, iterations, peak memory.",
    discussion: """
      Sourcing models (.yaml, .yml, .json) are solved as `derisk solve` solves them (without VSS/EVPI);
      other files are read as MPS/QPS. Peak memory is the process's high-water mark after each file.
      Exit status 2 for unusable input.
      """)

  @Argument(help: "Model or MPS/QPS files.")
  var files: [String]

  @Option(name: .customLong("repeat"), help: "Solves per file (default 5).")
  var repeats: Int = 5

  @OptionGroup var output: OutputOptions

  func run() throws {
    let bench = try unusable(files.first ?? "bench") { try SolveBenchmark.run(files: files, repeats: repeats, progress: output.progress) }
    let doc = bench.report()
    try output.emit(bench, text: doc.text, document: doc, tables: bench.csvTables())
  }
}
