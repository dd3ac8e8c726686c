import Foundation

/// Reads linear and quadratic programs from MPS and QPS files into a `QuadraticProgram`.
///
/// The file describes
///
///     minimise (or maximise)  ½ xᵀ Q x + cᵀ x + c₀
///     subject to              rowLower ≤ A x ≤ rowUpper,   columnLower ≤ x ≤ columnUpper
///
/// section by section:
/// - `NAME` (the rest of the line), `OBJSENSE` (`MIN`/`MAX`/`MINIMIZE`/`MAXIMIZE`, on the same or the next line).
/// - `ROWS`: `N`, `E`, `L`, `G`. The first `N` row is the objective; further `N` rows are dropped with a warning.
/// - `COLUMNS`: A and c, one column's entries together. `'MARKER' 'INTORG'` … `'INTEND'` blocks mark
///   integer columns: they are listed in `integerColumns` and relaxed to continuous (with a warning); one
///   with no `BOUNDS` entry gets bounds [0, 1] as in HiGHS. A column that reappears after other columns
///   is an error (HiGHS would make it a second column with the same name).
/// - `RHS` b: on a constraint row it sets the bound(s) by the row type; on the objective row it gives the
///   objective constant as its negative, c₀ = −b (as in Netlib `e226` and the Maros–Mészáros files).
/// - `RANGES` R: E row with R > 0 → [b, b + |R|], R < 0 → [b − |R|, b]; L row → [b − |R|, b];
///   G row → [b, b + |R|].
/// - `BOUNDS`: UP, LO, FX, FR, MI, PL, BV, LI, UI (SC and SI are rejected). Columns default to [0, +∞).
///   An UP bound u < 0 on a column whose lower bound is still the default 0 sets the lower bound to −∞ (the
///   classic MPSX / CPLEX / CoinMpsIO rule; HiGHS 1.16 keeps the lower bound 0), with a warning.
/// - `QUADOBJ` (one triangle of Q; entries above the diagonal are mirrored below it) or `QMATRIX` (all
///   of Q, checked for symmetry). The objective is ½ xᵀ Q x; Q is stored as its lower triangle.
/// - `ENDATA`: required; a file that ends before it is reported as truncated.
///
/// Values of magnitude ≥ 1e30 in RHS and BOUNDS mean ±∞ (RANGES widths are taken as they are); NaN, `inf` and overflowing numbers are
/// errors. Only the first RHS, RANGES and BOUNDS vector is used (others are ignored with a warning).
/// Every defect throws an `MPSError` naming the line; a malformed file never crashes or hangs the reader.
public struct MPSReader: Sendable {
  /// Reads an MPS / QPS file.
  /// - Parameters:
  ///   - url: the file.
  ///   - format: the dialect; `.automatic` tries free MPS first, then fixed.
  /// - Returns: the problem, its warnings and the dialect used.
  /// - Throws: `MPSError` (kind `.unreadable` when the file cannot be opened).
  public static func read(contentsOf url: URL, format: MPSFormat = .automatic) throws -> MPSFile {
    let fileName = url.lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw MPSError(fileName: fileName, line: 0, kind: .unreadable, message: "cannot read the file: \(error.localizedDescription)")
    }
    return try parse(bytes: [UInt8](data), fileName: fileName, format: format)
  }

  /// Parses MPS / QPS text.
  /// - Parameters:
  ///   - text: the whole file.
  ///   - fileName: the name used in messages. Default `"input.mps"`.
  ///   - format: the dialect; default `.automatic`.
  /// - Throws: `MPSError` naming the line.
  public static func parse(_ text: String, fileName: String = "input.mps", format: MPSFormat = .automatic) throws -> MPSFile {
    try parse(bytes: Array(text.utf8), fileName: fileName, format: format)
  }

  /// Parses the raw bytes of an MPS / QPS file (UTF-8 or ASCII).
  /// - Throws: `MPSError` naming the line.
  public static func parse(bytes: [UInt8], fileName: String = "input.mps", format: MPSFormat = .automatic) throws -> MPSFile {
    switch format {
    case .fixed, .free:
      return try parseOnce(bytes, fileName: fileName, fixed: format == .fixed)
    case .automatic:
      do {
        return try parseOnce(bytes, fileName: fileName, fixed: false)
      } catch let freeError as MPSError {
        guard freeError.kind != .binaryData else { throw freeError }
        do {
          var file = try parseOnce(bytes, fileName: fileName, fixed: true)
          file.warnings.insert("\(fileName): read as fixed-format MPS; as free MPS: \(freeError.description)", at: 0)
          return file
        } catch let fixedError as MPSError {
          // Report the reading that got further into the file; on a tie, the free one.
          throw fixedError.line > freeError.line ? fixedError : freeError
        }
      }
    }
  }

  private static func parseOnce(_ bytes: [UInt8], fileName: String, fixed: Bool) throws -> MPSFile {
    try bytes.withUnsafeBufferPointer { buffer in
      var parser = MPSParser(bytes: buffer, fileName: fileName, fixed: fixed)
      let problem = try parser.parse()
      return MPSFile(problem: problem, warnings: parser.warnings, format: fixed ? .fixed : .free)
    }
  }
}
