import Foundation
import DeriskSolvers

/// Locates the checked-in MPS / QPS fixtures (Tests/Fixtures, see its README) relative to this file.
enum MPSTestFixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func netlib(_ name: String) -> URL { root.appendingPathComponent("netlib/\(name).mps") }
  static func maros(_ name: String) -> URL { root.appendingPathComponent("maros/\(name).qps") }

  /// One row of Tests/Fixtures/netlib/netlib.csv.
  struct NetlibRow: Sendable, CustomStringConvertible {
    var name: String
    var rows: Int
    var columns: Int
    var nonzeros: Int
    var description: String { name }
  }

  /// Every row of netlib.csv (66 problems); empty if the file is missing, which the count test catches.
  static let netlibTable: [NetlibRow] = {
    guard let text = try? String(contentsOf: root.appendingPathComponent("netlib/netlib.csv"), encoding: .utf8) else {
      return []
    }
    return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false)
      guard f.count >= 4, let r = Int(f[1]), let c = Int(f[2]), let z = Int(f[3]) else { return nil }
      return NetlibRow(name: String(f[0]), rows: r, columns: c, nonzeros: z)
    }
  }()

  /// Maros–Mészáros problem names (the .qps files of Tests/Fixtures/maros).
  static let marosNames = [
    "CVXQP1_S", "CVXQP3_S", "DUAL1", "DUALC1", "GENHS28", "HS21", "HS35", "HS51", "HS76", "PRIMAL1",
    "QADLITTL", "QAFIRO", "QPCBLEND", "QSC205", "TAME",
  ]

  /// Exact structural equality of two problems (names aside): costs, constant, sense, bounds, A, P.
  /// Returns the first difference, or nil.
  static func difference(_ a: QuadraticProgram, _ b: QuadraticProgram) -> String? {
    if a.sense != b.sense { return "sense" }
    if a.linearCost != b.linearCost { return "linearCost" }
    if a.objectiveConstant != b.objectiveConstant { return "objectiveConstant \(a.objectiveConstant) vs \(b.objectiveConstant)" }
    if a.rowLower != b.rowLower { return "rowLower" }
    if a.rowUpper != b.rowUpper { return "rowUpper" }
    if a.columnLower != b.columnLower { return "columnLower" }
    if a.columnUpper != b.columnUpper { return "columnUpper" }
    if a.constraintMatrix != b.constraintMatrix { return "constraintMatrix" }
    let pa = a.isLinear ? nil : a.hessian, pb = b.isLinear ? nil : b.hessian
    if pa != pb { return "hessian" }
    if a.integerColumns != b.integerColumns { return "integerColumns" }
    return nil
  }
}
