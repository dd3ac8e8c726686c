import Foundation
import Testing
import DeriskSolvers

/// Reading the 15 Maros–Mészáros QPs (Tests/Fixtures/maros, free MPS with QUADOBJ).
@Suite struct MPSMarosTests {
  struct Expected: Sendable, CustomStringConvertible {
    var name: String
    var rows: Int, columns: Int, nonzeros: Int, hessianNonzeros: Int, costNonzeros: Int
    var constant: Double
    var description: String { name }
  }

  /// Sizes, nnz of the triangle of Q, nonzero costs and objective constant as read by HiGHS 1.16.0
  /// (highspy `readModel`, git f3f113d; run recorded for this fixture set). HiGHS stores every
  /// diagonal entry of Q, adding structural zeros, so its `hessianNonzeros` is nnz(lower Q) plus the
  /// number of zero diagonal entries.
  static let expected: [Expected] = [
    .init(name: "CVXQP1_S", rows: 50, columns: 100, nonzeros: 148, hessianNonzeros: 386, costNonzeros: 0, constant: 0),
    .init(name: "CVXQP3_S", rows: 75, columns: 100, nonzeros: 222, hessianNonzeros: 386, costNonzeros: 0, constant: 0),
    .init(name: "DUAL1", rows: 1, columns: 85, nonzeros: 85, hessianNonzeros: 3558, costNonzeros: 84, constant: 0),
    .init(name: "DUALC1", rows: 215, columns: 9, nonzeros: 1935, hessianNonzeros: 45, costNonzeros: 8, constant: 0),
    .init(name: "GENHS28", rows: 8, columns: 10, nonzeros: 24, hessianNonzeros: 19, costNonzeros: 0, constant: 0),
    .init(name: "HS21", rows: 1, columns: 2, nonzeros: 2, hessianNonzeros: 2, costNonzeros: 0, constant: -100),
    .init(name: "HS35", rows: 1, columns: 3, nonzeros: 3, hessianNonzeros: 5, costNonzeros: 3, constant: 9),
    .init(name: "HS51", rows: 3, columns: 5, nonzeros: 7, hessianNonzeros: 7, costNonzeros: 4, constant: 6),
    .init(name: "HS76", rows: 3, columns: 4, nonzeros: 10, hessianNonzeros: 6, costNonzeros: 4, constant: 0),
    .init(name: "PRIMAL1", rows: 85, columns: 325, nonzeros: 5815, hessianNonzeros: 325, costNonzeros: 1, constant: 0),
    .init(name: "QADLITTL", rows: 56, columns: 97, nonzeros: 383, hessianNonzeros: 167, costNonzeros: 82, constant: 0),
    .init(name: "QAFIRO", rows: 27, columns: 32, nonzeros: 83, hessianNonzeros: 35, costNonzeros: 5, constant: 0),
    .init(name: "QPCBLEND", rows: 74, columns: 83, nonzeros: 491, hessianNonzeros: 83, costNonzeros: 30, constant: 0),
    .init(name: "QSC205", rows: 205, columns: 203, nonzeros: 551, hessianNonzeros: 213, costNonzeros: 1, constant: 0),
    .init(name: "TAME", rows: 1, columns: 2, nonzeros: 2, hessianNonzeros: 3, costNonzeros: 0, constant: 0),
  ]

  @Test func everyFixtureIsListed() {
    #expect(Self.expected.map(\.name) == MPSTestFixtures.marosNames)
  }

  @Test(arguments: expected)
  func dimensions(_ e: Expected) throws {
    let file = try MPSReader.read(contentsOf: MPSTestFixtures.maros(e.name))
    let p = file.problem
    #expect(file.format == .free)
    #expect(file.warnings.isEmpty)
    #expect(p.rowCount == e.rows)
    #expect(p.columnCount == e.columns)
    #expect(p.constraintMatrix.nonzeroCount == e.nonzeros)
    let P = try #require(p.hessian)
    let zeroDiagonals = (0..<p.columnCount).filter { P[$0, $0] == 0 }.count
    #expect(P.nonzeroCount + zeroDiagonals == e.hessianNonzeros)
    #expect(p.linearCost.filter { $0 != 0 }.count == e.costNonzeros)
    #expect(p.objectiveConstant == e.constant)
    // Lower triangle only (validate() also checks this).
    #expect(p.hessian?.triplets.allSatisfy { $0.row >= $0.column } == true)
  }

  /// HS21.qps by hand: Q = diag(0.02, 2), c = 0, RHS OBJ 100 → c₀ = −100; R0: 10 x0 − x1 ≥ 10;
  /// 2 ≤ x0 ≤ 50, −50 ≤ x1 ≤ 50. (Optimum −99.96 at x = (2, 0): 0.01·4 − 100.)
  @Test func hs21ByHand() throws {
    let p = try MPSReader.read(contentsOf: MPSTestFixtures.maros("HS21")).problem
    let P = try #require(p.hessian)
    #expect(P[0, 0] == 0.02 && P[1, 1] == 2 && P[1, 0] == 0)
    #expect(p.objectiveConstant == -100)
    #expect(p.constraintMatrix[0, 0] == 10 && p.constraintMatrix[0, 1] == -1)
    #expect(p.rowLower == [10] && p.rowUpper == [.infinity])
    #expect(p.columnLower == [2, -50] && p.columnUpper == [50, 50])
  }
}
