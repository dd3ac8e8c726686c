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

  /// Makes room for `scenarios` scenarios in all, at the terms per scenario stored so far, with the new
  /// storage first touched on all cores (`reserveCapacityTouchedInParallel`): the table is then filled by
  /// appends on one thread without growing by doubling. Nothing before the first scenario. A hint only.
  mutating func reserveCapacity(scenarios: Int) {
    let stored = (offsets.count - 1) / max(1, parts.count)
    guard stored > 0, scenarios > stored else { return }
    let terms = (columns.count * scenarios + stored - 1) / stored, slots = scenarios * parts.count
    columns.reserveCapacityTouchedInParallel(terms)
    coefficients.reserveCapacityTouchedInParallel(terms)
    constants.reserveCapacityTouchedInParallel(slots)
    present.reserveCapacityTouchedInParallel(slots)
    offsets.reserveCapacityTouchedInParallel(slots + 1)
  }

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

  /// Appends the scenarios of `other` (with the same parts), its columns j ≥ `first` moved to j + `shift`.
  mutating func append(_ other: ScenarioCostTable, shiftingFrom first: Int, by shift: Int) {
    precondition(other.parts == parts, "ScenarioCostTable: appending a table of other parts")
    precondition(other.columns.allSatisfy { Int($0) + shift <= Int(Int32.max) }, "ScenarioCostTable: a column does not fit 32 bits")
    let base = columns.count, first = Int32(clamping: first), shift = Int32(shift)
    columns.append(contentsOf: other.columns.lazy.map { $0 >= first ? $0 + shift : $0 })
    coefficients.append(contentsOf: other.coefficients)
    constants.append(contentsOf: other.constants)
    present.append(contentsOf: other.present)
    offsets.append(contentsOf: other.offsets.dropFirst().lazy.map { $0 + base })
  }

  /// Gives back the capacity that growth by doubling left unused (up to half of the table).
  mutating func releaseUnusedCapacity() {
    columns.releaseUnusedCapacity()
    coefficients.releaseUnusedCapacity()
    constants.releaseUnusedCapacity()
    present.releaseUnusedCapacity()
    offsets.releaseUnusedCapacity()
  }

  /// Part `part` of scenario s as an expression of `model`'s columns, or nil when the scenario has none
  /// (or the part is not one of `parts`).
  func expression(_ s: Int, _ part: SourcingProgram.CostPart, in model: Model.ColumnHandles) -> LinearExpression? {
    guard let k = slot(s, part) else { return nil }
    let range = offsets[k]..<offsets[k + 1]
    return model.expression(columns: columns[range], coefficients: coefficients[range], constant: constants[k])
  }

  /// The number of terms of part `part` of scenario s (0 when the scenario has none).
  func termCount(_ s: Int, _ part: SourcingProgram.CostPart) -> Int {
    slot(s, part).map { offsets[$0 + 1] - offsets[$0] } ?? 0
  }

  /// The value of part `part` of scenario s at the point x (indexed by column; NaN when x is empty), or
  /// nil when the scenario has none: the same sum, in the same order, as the expression's value.
  func value(_ s: Int, _ part: SourcingProgram.CostPart, at x: [Double]) -> Double? {
    guard let k = slot(s, part) else { return nil }
    if x.isEmpty { return .nan }   // no point (as `ModelSolution.value(of:)`)
    var total = constants[k]
    for q in offsets[k]..<offsets[k + 1] { total += coefficients[q] * x[Int(columns[q])] }
    return total
  }

  /// The entry of (s, part), when the scenario has that part.
  private func slot(_ s: Int, _ part: SourcingProgram.CostPart) -> Int? {
    guard let p = parts.firstIndex(of: part) else { return nil }
    let k = s * parts.count + p
    return present[k] ? k : nil
  }
}
