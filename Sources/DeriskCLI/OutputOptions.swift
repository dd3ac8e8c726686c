import ArgumentParser
import Derisk
import Foundation

/// The flags every result-producing command shares: `--json`, `--csv DIR`, `--report DIR`, `--quiet`.
///
/// Standard output holds either the readable tables or, with `--json`, exactly one JSON object.
/// Progress (`[k/N] what`) and notes go to standard error unless `--quiet`.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print one JSON object on standard output (and nothing else there).")
  var json = false

  @Option(help: ArgumentHelp("Write the result tables as CSV files into this directory.", valueName: "DIR"))
  var csv: String?

  @Option(help: ArgumentHelp("Write report.md, a self-contained report.html and the charts (*.svg) into this directory.", valueName: "DIR"))
  var report: String?

  @Flag(help: "No progress or notes on standard error (errors are still printed).")
  var quiet = false

  /// A note on standard error (unless --quiet).
  func note(_ message: String) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data("\(message)\n".utf8))
  }

  /// `[k/N] what` on standard error (unless --quiet).
  func progress(_ done: Int, _ total: Int, _ what: String) {
    guard !quiet, done < total else { return }
    FileHandle.standardError.write(Data("[\(done + 1)/\(total)] \(what)\n".utf8))
  }

  /// Prints the result (JSON or text) and writes the CSV files and the report when asked. The text, the
  /// report and the tables are built only when they are written (at 10,000 scenarios the report's charts
  /// and tables took a second that `--json` alone never used).
  /// - Throws: the exit-2 failure when a directory cannot be written.
  func emit<T: Encodable>(_ value: T, text: @autoclosure () -> String, document: @autoclosure () -> ReportDocument?,
                          tables: @autoclosure () -> CSVTables?, printing: Bool = true) throws {
    do {
      if let dir = csv, let tables = tables() {
        try tables.write(to: dir)
        note("wrote \(tables.tables.count) CSV file(s) to \(dir)")
      }
      if let dir = report, let document = document() {
        try document.write(to: dir)
        note("wrote \(dir)/report.md, \(dir)/report.html and \(document.charts.count) chart(s)")
      }
    } catch {
      throw CommandFailure.unusableInput("\(error)")
    }
    guard printing else { return }
    if json {
      // The bytes go to standard output as they are (after whatever `print` buffered): made into a `String`
      // first, a 100,000-scenario plan (335 MB) was copied and checked as UTF-8 once more for nothing.
      var bytes = try ReportJSON.bytes(value)
      bytes.append(0x0A)
      fflush(nil)
      do { try FileHandle.standardOutput.write(contentsOf: bytes) } catch { throw CommandFailure.unusableInput("standard output: \(error)") }
    } else {
      let text = text()
      print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
  }
}
