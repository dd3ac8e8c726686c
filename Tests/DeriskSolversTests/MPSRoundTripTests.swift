import Foundation
import Testing
import DeriskSolvers

/// Read → write (free MPS) → read gives back the same problem, number for number.
@Suite struct MPSRoundTripTests {
  static let files: [URL] =
    MPSTestFixtures.netlibTable.map { MPSTestFixtures.netlib($0.name) } + MPSTestFixtures.marosNames.map(MPSTestFixtures.maros)

  @Test(arguments: files)
  func roundTrip(_ url: URL) throws {
    let original = try MPSReader.read(contentsOf: url).problem
    let text = MPSWriter.write(original)
    let again = try MPSReader.parse(text, fileName: url.lastPathComponent + ".out", format: .free)
    #expect(again.format == .free)
    #expect(MPSTestFixtures.difference(original, again.problem) == nil, "\(url.lastPathComponent)")
    // Names survive unless they needed sanitising (forplan's names contain blanks).
    if !original.columnNames.contains(where: { $0.contains(" ") }) {
      #expect(again.problem.columnNames == original.columnNames)
    }
    if !original.rowNames.contains(where: { $0.contains(" ") }) {
      #expect(again.problem.rowNames == original.rowNames)
    }
  }

  /// A problem built in code with every kind of row and column bound, a maximisation, a constant, a
  /// quadratic term, an empty column, integer columns, no names and awkward numbers: written and read
  /// back unchanged (0.1 + 0.2 and 1/3 check full precision; the ranged row [1e-300, 1e300] needs the
  /// range to be chosen so that l + |R| gives back u exactly).
  @Test func builtProblemRoundTrips() throws {
    let A = try SparseMatrix(
      rows: 6, columns: 4,
      triplets: [(0, 0, 1), (1, 0, 0.1 + 0.2), (2, 1, 1.0 / 3), (3, 1, -2e-7), (4, 3, 5), (0, 3, -1), (5, 0, 1)])
    let P = try SparseMatrix(rows: 4, columns: 4, triplets: [(0, 0, -2), (1, 0, 0.5), (1, 1, -3)])
    let problem = QuadraticProgram(
      name: "built in code", sense: .maximize, linearCost: [1, 0, -0.7, 2], objectiveConstant: 3.25, hessian: P,
      constraintMatrix: A, rowLower: [1, -.infinity, 1e-300, -.infinity, -5, 0.1],
      rowUpper: [1, 7, 1e300, .infinity, -1.5, 0.3],
      columnLower: [-.infinity, -1, 0, 2], columnUpper: [.infinity, 4, .infinity, 2], integerColumns: [1, 2])
    try problem.validate()
    let text = MPSWriter.write(problem)
    let file = try MPSReader.parse(text, fileName: "built.mps")
    #expect(MPSTestFixtures.difference(problem, file.problem) == nil)
    #expect(file.problem.name == "built_in_code")
    #expect(file.problem.columnNames == ["C0", "C1", "C2", "C3"])
    #expect(file.problem.rowNames == ["R0", "R1", "R2", "R3", "R4", "R5"])
    #expect(text.contains("OBJSENSE"))
    #expect(text.contains("RANGES"))
    #expect(text.contains("QUADOBJ"))
  }
}
