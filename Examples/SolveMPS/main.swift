// The general LP/QP solver on a file: read a linear (MPS) or convex quadratic (QPS) program
//
//     minimise ½xᵀQx + cᵀx   subject to  l ≤ Ax ≤ u,  lb ≤ x ≤ ub,
//
// solve it with Derisk's interior-point method and print what came back: the termination status, the
// objective, the residuals and gap that were checked before calling it optimal.
//
// Run: swift run -c release SolveMPS [FILE.mps]   (default: Netlib's afiro, optimum −464.7531)
import Derisk
import Foundation

let path = CommandLine.arguments.dropFirst().first
  ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Tests/Fixtures/netlib/afiro.mps").standardizedFileURL.path

do {
  let file = try MPSReader.read(contentsOf: URL(fileURLWithPath: path))
  let problem = file.problem
  print("\(problem.name): \(problem.rowCount) rows, \(problem.columnCount) columns, \(problem.constraintMatrix.nonzeroCount) nonzeros")
  var settings = InteriorPointSettings()
  settings.maxIterations = 100
  let result = try solve(problem, settings: settings)
  print("status      \(result.termination.rawValue) (primal \(result.primalStatus.rawValue), dual \(result.dualStatus.rawValue))")
  print(String(format: "objective   %.10g", result.objective))
  print(String(format: "residuals   primal %.1e, dual %.1e, gap %.1e", result.info.primalResidual, result.info.dualResidual, result.info.relativeGap))
  print("iterations  \(result.info.iterations)")
  let largest = result.solution.x.enumerated().sorted { abs($0.element) > abs($1.element) }.prefix(3)
  print("largest x   " + largest.map { "\(problem.columnName($0.offset)) = \(String(format: "%.4g", $0.element))" }.joined(separator: ", "))
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
