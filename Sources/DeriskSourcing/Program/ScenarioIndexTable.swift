import DeriskSolvers

/// Per-scenario columns (or rows) of one kind, in one flat table of 32-bit indices: entry k of scenario s
/// is `entries[s · width + k]`, −1 where there is none.
///
/// A sourcing program keeps its handles through the solve to read the plan back, one per scenario and
/// offer, leg, material…; as arrays of optional handles (24 bytes each, one array per scenario) they were
/// a tenth of the memory at 10,000 scenarios, here 4 bytes each. The handles are rebuilt from the model
/// (`Model.variable(at:)`) when read.
struct ScenarioIndexTable: Sendable {
  /// Entries per scenario.
  let width: Int
  private var entries: [Int32] = []

  init(width: Int, scenarios: Int) {
    self.width = width
    entries.reserveCapacityTouchedInParallel(width * scenarios)
  }

  /// Appends the next scenario's entries (`width` of them; nil for none).
  mutating func append(_ indices: [Int?]) {
    precondition(indices.count == width, "ScenarioIndexTable: \(indices.count) entries for width \(width)")
    for index in indices {
      guard let index else { entries.append(-1); continue }
      precondition(index >= 0 && index <= Int(Int32.max), "ScenarioIndexTable: index \(index) does not fit 32 bits")
      entries.append(Int32(index))
    }
  }

  /// Appends the scenarios of `other` (of the same width), its indices k ≥ `first` moved to k + `shift`.
  mutating func append(_ other: ScenarioIndexTable, shiftingFrom first: Int, by shift: Int) {
    precondition(other.width == width, "ScenarioIndexTable: width \(other.width) appended to width \(width)")
    precondition(other.entries.allSatisfy { Int($0) + shift <= Int(Int32.max) }, "ScenarioIndexTable: an index does not fit 32 bits")
    let first = Int32(clamping: first), shift = Int32(shift)
    entries.append(contentsOf: other.entries.lazy.map { $0 >= first ? $0 + shift : $0 })
  }

  /// Entry k of scenario s, or nil.
  subscript(s: Int, k: Int) -> Int? {
    let value = entries[s * width + k]
    return value < 0 ? nil : Int(value)
  }
}
