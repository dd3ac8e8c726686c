import DeriskSolvers

extension SourcingModel {
  /// The program `solve` solves, as free MPS text (``SourcingProgram`` lowered, then `MPSWriter`).
  /// - Throws: ``SourcingError`` for an invalid model.
  public func mps() throws -> String {
    MPSWriter.write(try program().lowered().program)
  }
}
