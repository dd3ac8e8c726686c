import DeriskSolvers

/// The scenario parts of every scenario cost Cₛ (goods, freight, pipeline inventory, spot, stockpile,
/// shortfall), each an affine expression of the program's columns, in flat arrays of 32-bit columns and
/// coefficients: part p of scenario s holds the terms `offsets[s·P + p] ..< offsets[s·P + p + 1]` and the
/// constant `constants[s·P + p]` (P the number of parts).
///
/// Kept through the solve to read the costs back; as one dictionary of expressions per scenario (24 bytes
/// per term and a dictionary each) it was the largest part of a sourcing program's memory after its
/// handles. Expressions are rebuilt, terms in the order they were added, when read.
struct ScenarioCostTable: Sendable {
  /// The parts stored here, in this order.
  let parts: [SourcingProgram.CostPart]
  private var columns: [Int32] = []
  private var coefficients: [Double] = []
  private var constants: [Double] = []
  private var present: [Bool] = []
  private var offsets: [Int] = [0]

  init(parts: [SourcingProgram.CostPart]) { self.parts = parts }

  /// Appends the next scenario's parts (a part absent from `expressions` is absent for the scenario).
  mutating func append(_ expressions: [SourcingProgram.CostPart: LinearExpression]) {
    for part in parts {
      let e = expressions[part]
      present.append(e != nil)
      constants.append(e?.constant ?? 0)
      for (v, a) in zip(e?.variables ?? [], e?.coefficients ?? []) {
        precondition(v.index <= Int(Int32.max), "ScenarioCostTable: column \(v.index) does not fit 32 bits")
        columns.append(Int32(v.index))
        coefficients.append(a)
      }
      offsets.append(columns.count)
    }
  }

  /// Part `part` of scenario s as an expression of `model`'s columns, or nil when the scenario has none
  /// (or the part is not one of `parts`).
  func expression(_ s: Int, _ part: SourcingProgram.CostPart, in model: Model) -> LinearExpression? {
    guard let p = parts.firstIndex(of: part) else { return nil }
    let k = s * parts.count + p
    guard present[k] else { return nil }
    let range = offsets[k]..<offsets[k + 1]
    return LinearExpression(terms: range.lazy.map { (model.variable(at: Int(columns[$0])), coefficients[$0]) },
                            constant: constants[k])
  }
}
