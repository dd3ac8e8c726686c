import Foundation
import Testing
import DeriskSolvers

/// Reading the 66 Netlib LP problems (Tests/Fixtures/netlib, fixed-format MPS).
@Suite struct MPSNetlibTests {
  /// The fixture table lists all 66 problems, so the parameterised test below cannot silently run on none.
  @Test func tableHasAllProblems() {
    #expect(MPSTestFixtures.netlibTable.count == 66)
  }

  /// Explicit zero coefficients that Netlib's readme table counts as nonzeros but the reader drops:
  /// standgub.mps line 2301 `Z.....99  'ENDX'  0.` (HiGHS 1.16 also reads 3139 + 7 = 3146 entries).
  static let explicitZeros = ["standgub": 1]

  /// Sizes from Netlib's readme table (netlib.csv): `rows` counts the objective row and `nonzeros` the
  /// nonzero objective coefficients, so rows = m + 1 and nonzeros = nnz(A) + nnz(c).
  @Test(arguments: MPSTestFixtures.netlibTable)
  func sizesMatchNetlibTable(_ entry: MPSTestFixtures.NetlibRow) throws {
    let file = try MPSReader.read(contentsOf: MPSTestFixtures.netlib(entry.name))
    let p = file.problem
    #expect(p.rowCount + 1 == entry.rows, "\(entry.name) rows")
    #expect(p.columnCount == entry.columns, "\(entry.name) columns")
    let costNonzeros = p.linearCost.filter { $0 != 0 }.count
    let zeros = Self.explicitZeros[entry.name] ?? 0
    #expect(p.constraintMatrix.nonzeroCount + costNonzeros + zeros == entry.nonzeros, "\(entry.name) nonzeros")
    #expect(p.isLinear)
    #expect(p.integerColumns.isEmpty)
  }

  /// afiro.mps read by hand: column X01 has entries X48 .301, R09 −1, R10 −1.06, X05 1 and no cost;
  /// X02 has cost −.4; RHS B sets X50 ≤ 310 (an L row) and R23 = 44 (an E row). No BOUNDS section, so
  /// every column is [0, +∞). COST is the 28th row, the objective.
  @Test func afiroDetails() throws {
    let p = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("afiro")).problem
    #expect(p.name == "AFIRO")
    #expect(p.sense == .minimize)
    let x01 = try #require(p.columnNames.firstIndex(of: "X01"))
    let x02 = try #require(p.columnNames.firstIndex(of: "X02"))
    #expect(p.linearCost[x01] == 0)
    #expect(p.linearCost[x02] == -0.4)
    let row = { (name: String) in p.rowNames.firstIndex(of: name) ?? -1 }
    #expect(p.constraintMatrix[row("X48"), x01] == 0.301)
    #expect(p.constraintMatrix[row("R09"), x01] == -1)
    #expect(p.constraintMatrix[row("R10"), x01] == -1.06)
    #expect(p.constraintMatrix[row("X05"), x01] == 1)
    #expect(p.rowLower[row("X50")] == -.infinity && p.rowUpper[row("X50")] == 310)
    #expect(p.rowLower[row("R23")] == 44 && p.rowUpper[row("R23")] == 44)
    #expect(p.rowLower[row("R09")] == 0 && p.rowUpper[row("R09")] == 0)
    #expect(p.columnLower.allSatisfy { $0 == 0 } && p.columnUpper.allSatisfy { $0 == .infinity })
    #expect(!p.rowNames.contains("COST"))
    #expect(p.objectiveConstant == 0)
  }

  /// e226.mps: RHS ZZZZZZ01 on the objective row ...000 is −7.113, so c₀ = +7.113 (Netlib readme: the
  /// optimum −18.7519 includes this constant).
  @Test func e226ObjectiveConstant() throws {
    let p = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("e226")).problem
    #expect(p.objectiveConstant == 7.113)
  }

  /// RANGES: seba's VILLKOR2 is a G row with RHS 5 and range 7 → [5, 12]; boeing2's DMBOSORD is an L
  /// row with RHS 302 and range 61 → [241, 302] (read from the files).
  @Test func rangesFromNetlib() throws {
    let seba = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("seba")).problem
    let v = try #require(seba.rowNames.firstIndex(of: "VILLKOR2"))
    #expect(seba.rowLower[v] == 5 && seba.rowUpper[v] == 12)
    let boeing = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("boeing2")).problem
    let d = try #require(boeing.rowNames.firstIndex(of: "DMBOSORD"))
    #expect(boeing.rowLower[d] == 241 && boeing.rowUpper[d] == 302)
  }

  /// forplan has row names with blanks ("DEDO3 1R"), so only the fixed-column reading works; automatic
  /// mode falls back to it and says so. blend has an unnamed RHS vector (blank field 2), which free
  /// reading handles as a line with an even number of fields.
  @Test func fixedFormatFallback() throws {
    let forplan = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("forplan"))
    #expect(forplan.format == .fixed)
    #expect(forplan.problem.rowNames.contains("DEDO3 1R"))
    #expect(forplan.warnings.first?.contains("read as fixed-format MPS") == true)
    #expect(throws: MPSError.self) { try MPSReader.read(contentsOf: MPSTestFixtures.netlib("forplan"), format: .free) }
    let blend = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("blend"))
    #expect(blend.format == .free)
    let fixedBlend = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("blend"), format: .fixed)
    #expect(MPSTestFixtures.difference(blend.problem, fixedBlend.problem) == nil)
  }

  /// BOUNDS in Netlib: pilot4 uses FR, FX, UP and PL. Its free and fixed columns are counted.
  @Test func netlibBoundKinds() throws {
    let p = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("pilot4")).problem
    let free = zip(p.columnLower, p.columnUpper).filter { $0 == -.infinity && $1 == .infinity }.count
    let fixed = zip(p.columnLower, p.columnUpper).filter { $0 == $1 }.count
    // pilot4.mps has 88 FR and 30 FX entries (counted with grep), on distinct columns.
    #expect(free == 88)
    #expect(fixed == 30)
  }

  /// The largest file (fit2d, 138k nonzeros) must read quickly. Measured in release: 0.12–0.14 s on the
  /// shared 2-core machine under load (load average 5). The budget is generous so that the test is not
  /// flaky; debug builds (no optimisation) get a larger one.
  @Test func fit2dReadsQuickly() throws {
    let clock = ContinuousClock()
    var nonzeros = 0
    let elapsed = try clock.measure {
      nonzeros = try MPSReader.read(contentsOf: MPSTestFixtures.netlib("fit2d")).problem.constraintMatrix.nonzeroCount
    }
    // netlib.csv: fit2d has 138018 nonzeros; 9000 are in the objective row PENALTY (counted with awk).
    #expect(nonzeros == 138018 - 9000)
    #if DEBUG
      #expect(elapsed < .seconds(30))
    #else
      #expect(elapsed < .seconds(1))
    #endif
  }
}
