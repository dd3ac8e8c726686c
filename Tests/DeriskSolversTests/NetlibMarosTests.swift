import DeriskSolvers
import DeriskTestSupport
import Foundation
import Testing

/// The standard robustness sets for LP and QP codes, solved end to end from their files.
///
/// Reference optima: `Tests/Fixtures/netlib/netlib.csv` (`reference_optimum`: Netlib's readme value, or where
/// that is imprecise the value HiGHS and Clarabel agree on; T. Koch, "The final NETLIB-LP results", 2004) and
/// `Tests/Fixtures/maros/maros.csv` (Maros & Mészáros, "A repository of convex quadratic programming
/// problems", 1999). Each must be met to 1e-6 relative with status `optimal`.
struct NetlibMarosTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let file: URL
    let reference: Double
    var testDescription: String { file.lastPathComponent }
  }

  /// Reads `name,…,reference` rows of a fixture CSV; the reference is in column `column`.
  static func cases(directory: String, csv: String, column: Int, fileExtension: String) -> [Case] {
    let folder = fixturesDirectory.appendingPathComponent(directory)
    guard let text = try? String(contentsOf: folder.appendingPathComponent(csv), encoding: .utf8) else { return [] }
    return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count > column, let value = Double(fields[column].trimmingCharacters(in: .whitespaces)) else { return nil }
      return Case(file: folder.appendingPathComponent("\(fields[0]).\(fileExtension)"), reference: value)
    }
  }

  static let netlib = cases(directory: "netlib", csv: "netlib.csv", column: 5, fileExtension: "mps")
  static let maros = cases(directory: "maros", csv: "maros.csv", column: 1, fileExtension: "qps")

  @Test func fixtureSetsAreComplete() {
    #expect(Self.netlib.count == 66)
    #expect(Self.maros.count == 15)
  }

  @Test(arguments: netlib + maros)
  func solvesToReferenceOptimum(_ testCase: Case) throws {
    let problem = try MPSReader.read(contentsOf: testCase.file).problem
    let result = try solve(problem)
    #expect(result.termination == .optimal)
    let relativeError = abs(result.objective - testCase.reference) / max(1, abs(testCase.reference))
    #expect(relativeError <= 1e-6, "objective \(result.objective), reference \(testCase.reference)")

    // Duals, checked independently of the solver's own acceptance test: the dual residual
    // (sign conditions with z = Px + c − Aᵀy) and complementary slackness, both relative to the
    // objective's size.
    let check = OptimalityCheck(problem: problem, x: result.solution.x, rowDuals: result.solution.rowDuals)
    #expect(check.relativeDualResidual <= 1e-8)
    #expect(check.relativePrimalResidual <= 1e-8)
    let scale = 1 + abs(result.objective)
    let complementarity = Self.complementarity(problem, result.solution)
    #expect(complementarity <= 1e-6 * scale, "complementarity \(complementarity)")
  }

  /// max over rows and columns of yᵢ⁺(aᵢx − lᵢ) + yᵢ⁻(uᵢ − aᵢx) (and likewise zⱼ with xⱼ's bounds),
  /// infinite bounds contributing nothing: zero exactly when every multiplier sits on an active bound.
  /// Multipliers are taken in the minimisation sense (negated for a maximisation).
  static func complementarity(_ problem: QuadraticProgram, _ solution: Solution) -> Double {
    let sign: Double = problem.sense == .maximize ? -1 : 1
    func term(_ multiplier: Double, _ value: Double, _ lo: Double, _ up: Double) -> Double {
      var t = 0.0
      if multiplier > 0, lo.isFinite { t += multiplier * abs(value - lo) }
      if multiplier < 0, up.isFinite { t += -multiplier * abs(up - value) }
      return t
    }
    var worst = 0.0
    for i in 0..<problem.rowCount {
      worst = max(worst, term(sign * solution.rowDuals[i], solution.rowActivities[i], problem.rowLower[i], problem.rowUpper[i]))
    }
    for j in 0..<problem.columnCount {
      worst = max(worst, term(sign * solution.reducedCosts[j], solution.x[j], problem.columnLower[j], problem.columnUpper[j]))
    }
    return worst
  }
}
