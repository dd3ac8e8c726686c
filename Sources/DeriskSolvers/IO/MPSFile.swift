/// The result of reading an MPS / QPS file: the problem and what the reader had to interpret.
public struct MPSFile: Sendable, Hashable {
  /// The problem, already checked with `QuadraticProgram.validate()`.
  public var problem: QuadraticProgram
  /// Things that were accepted but deserve a look, each as `"file.mps:line: text"`: dropped extra
  /// N rows, integer columns relaxed to continuous, a negative UP bound that freed a lower bound,
  /// entries for RHS / RANGES / BOUNDS vectors other than the first, a fixed-format fallback.
  public var warnings: [String]
  /// The dialect that was actually used (`fixed` or `free`, never `automatic`).
  public var format: MPSFormat

  public init(problem: QuadraticProgram, warnings: [String], format: MPSFormat) {
    self.problem = problem
    self.warnings = warnings
    self.format = format
  }
}
