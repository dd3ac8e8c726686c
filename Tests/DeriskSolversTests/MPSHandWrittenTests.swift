import Foundation
import Testing
import DeriskSolvers

/// Small hand-written MPS / QPS files whose meaning is derived by hand in each test.
@Suite struct MPSHandWrittenTests {
  /// Rows of every type with RANGES. By the MPS range rules: E with R = 4 → [3, 7]; E with R = −4 →
  /// [−1, 3]; L with R = 2 (sign ignored: −2) → [3, 5]; G with R = 6 → [1, 7]; an RHS on the objective
  /// row of 2.5 → c₀ = −2.5.
  @Test func rangesAndObjectiveConstant() throws {
    let text = """
      NAME RANGED
      ROWS
       N  obj
       E  e1
       E  e2
       L  l1
       G  g1
      COLUMNS
          x  obj 1  e1 1
          x  e2 1   l1 1
          x  g1 1
      RHS
          rhs obj 2.5  e1 3
          rhs e2 3     l1 5
          rhs g1 1
      RANGES
          rng e1 4   e2 -4
          rng l1 -2  g1 6
      ENDATA
      """
    let p = try MPSReader.parse(text, fileName: "ranged.mps").problem
    #expect(p.rowLower == [3, -1, 3, 1])
    #expect(p.rowUpper == [7, 3, 5, 7])
    #expect(p.objectiveConstant == -2.5)
    #expect(p.name == "RANGED")
  }

  /// BOUNDS of each kind, on columns that all appear in COLUMNS. By the MPS rules:
  /// a UP 4 → [0, 4]; b MI then UP 3 → (−∞, 3]; d FR → (−∞, ∞); e FX −2.5 → [−2.5, −2.5];
  /// f LO −1, PL → [−1, ∞); g UP −3 with the default lower bound 0 → (−∞, −3] (classic rule, warned);
  /// h LO −1e30 → (−∞, ∞) (magnitudes ≥ 1e30 are infinite); k's UP 7 belongs to a second bound vector
  /// BND2 and is ignored with a warning → [0, ∞); OBJSENSE MAX on the next line → maximise.
  @Test func boundKinds() throws {
    let text = """
      NAME BOUNDS
      OBJSENSE
          MAX
      ROWS
       N obj
       L c
      COLUMNS
          a obj 1 c 1
          b obj 1 c 1
          d obj 1 c 1
          e obj 1 c 1
          f obj 1 c 1
          g obj 1 c 1
          h obj 1 c 1
          k obj 1 c 1
      RHS
          rhs c 10
      BOUNDS
       UP bnd a 4
       MI bnd b
       UP bnd b 3
       FR bnd d
       FX bnd e -2.5
       LO bnd f -1
       PL bnd f
       UP bnd g -3
       LO bnd h -1e30
       UP BND2 k 7
      ENDATA
      """
    let file = try MPSReader.parse(text, fileName: "bounds.mps")
    let p = file.problem
    #expect(p.sense == .maximize)
    let inf = Double.infinity
    let expectedLower: [Double] = [0, -inf, -inf, -2.5, -1, -inf, -inf, 0]
    let expectedUpper: [Double] = [4, 3, inf, -2.5, inf, -3, inf, inf]
    #expect(p.columnLower == expectedLower)
    #expect(p.columnUpper == expectedUpper)
    #expect(p.rowLower == [-.infinity] && p.rowUpper == [10])
    #expect(file.warnings.count == 2)
    #expect(file.warnings.contains { $0.hasPrefix("bounds.mps:26:") && $0.contains("'g'") && $0.contains("-infinity") })
    #expect(file.warnings.contains { $0.hasPrefix("bounds.mps:28:") && $0.contains("BND2") })
  }

  /// QUADOBJ lists one triangle of Q; entries above the diagonal (row < column) are mirrored below.
  /// Q = [[2, 1, 0], [1, 4, −1], [0, −1, 6]] given as (x, x) 2, (x, y) 1 [upper → (y, x)], (z, y) −1
  /// [lower], (y, y) 4, (z, z) 6. Objective ½xᵀQx + x − y; OBJSENSE MIN on the same line.
  @Test func quadobjMirroring() throws {
    let text = """
      NAME QP
      OBJSENSE MIN
      ROWS
       N obj
       E sum
      COLUMNS
          x obj 1 sum 1
          y obj -1 sum 1
          z sum 1
      RHS
          rhs sum 1
      BOUNDS
       FR bnd x
      QUADOBJ
          x x 2
          x y 1
          z y -1
          y y 4
          z z 6
      ENDATA
      """
    let p = try MPSReader.parse(text, fileName: "qp.qps").problem
    let P = try #require(p.hessian)
    #expect(P.nonzeroCount == 5)
    #expect(P[0, 0] == 2 && P[1, 0] == 1 && P[1, 1] == 4 && P[2, 1] == -1 && P[2, 2] == 6)
    #expect(P[0, 1] == 0 && P[1, 2] == 0)  // nothing above the diagonal
    #expect(p.linearCost == [1, -1, 0])
    #expect(p.sense == .minimize)
  }

  /// QMATRIX lists the whole symmetric Q; the reader keeps the lower triangle. Same Q as above.
  @Test func qmatrixKeepsLowerTriangle() throws {
    let text = """
      NAME QP
      ROWS
       N obj
      COLUMNS
          x obj 1
          y obj 1
      QMATRIX
          x x 2
          x y 1
          y x 1
          y y 4
      ENDATA
      """
    let P = try #require(try MPSReader.parse(text, fileName: "qm.qps").problem.hessian)
    #expect(P.nonzeroCount == 3)
    #expect(P[0, 0] == 2 && P[1, 0] == 1 && P[1, 1] == 4)
  }

  /// Integer markers: y and z between INTORG and INTEND are integer columns (0-based 1 and 2); z has no
  /// BOUNDS entry so, as in HiGHS, it becomes binary [0, 1]; y keeps UP 5 → [0, 5]. Both are relaxed to
  /// continuous with a warning; a second N row is dropped with a warning.
  @Test func integerMarkers() throws {
    let text = """
      NAME INT
      ROWS
       N obj
       N other
       L c
      COLUMNS
          x obj 1 c 1
          M1 'MARKER' 'INTORG'
          y obj 1 c 1
          z obj 1 other 3
          M2 'MARKER' 'INTEND'
          w obj 1 c 1
      RHS
          rhs c 4
      BOUNDS
       UP bnd y 5
      ENDATA
      """
    let file = try MPSReader.parse(text, fileName: "int.mps")
    let p = file.problem
    #expect(p.integerColumns == [1, 2])
    #expect(p.columnUpper == [.infinity, 5, 1, .infinity])
    #expect(p.rowCount == 1)
    #expect(p.constraintMatrix.nonzeroCount == 3)
    #expect(file.warnings.contains { $0.contains("relaxed to continuous") })
    #expect(file.warnings.contains { $0.contains("[0, 1]") && $0.contains("'z'") })
    #expect(file.warnings.contains { $0.hasPrefix("int.mps:4:") && $0.contains("'other'") })
  }

  /// Fixed format by columns: names with blanks and a blank RHS vector name; Fortran `D` exponent.
  @Test func fixedColumns() throws {
    let text = """
      NAME          FIX
      ROWS
       N  COST
       G  ROW A
      COLUMNS
          COL 1     COST               1.5   ROW A              2.
          COL 2     ROW A              1D1
      RHS
                    ROW A               4.
      BOUNDS
       UP BND       COL 2              3.
      ENDATA
      """
    let file = try MPSReader.parse(text, fileName: "fix.mps", format: .fixed)
    let p = file.problem
    #expect(p.rowNames == ["ROW A"] && p.columnNames == ["COL 1", "COL 2"])
    #expect(p.linearCost == [1.5, 0])
    #expect(p.constraintMatrix[0, 0] == 2 && p.constraintMatrix[0, 1] == 10)
    #expect(p.rowLower == [4] && p.columnUpper == [.infinity, 3])
    // Automatic mode gets the same problem (free reading fails on "ROW A", then fixed succeeds).
    let auto = try MPSReader.parse(text, fileName: "fix.mps")
    #expect(auto.format == .fixed)
    #expect(MPSTestFixtures.difference(auto.problem, p) == nil)
  }
}
