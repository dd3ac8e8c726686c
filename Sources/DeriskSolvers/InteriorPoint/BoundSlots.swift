/// The columns that carry a finite lower bound (or, in a second instance, a finite upper bound): slot k
/// is the k-th such column, and the iteration keeps sₖ, zₖ and the other bound parts by slot.
///
/// The columns are strictly increasing, so the columns of one chunk of `IterationKernels.grain` columns
/// own a contiguous run of slots (`slots(ofColumns:)`): a pass over a chunk of columns can then visit
/// their bounds while those columns are in cache (see `BoundKernels.swift`), and passes over slots can be
/// split into chunks whose scatters into columns never meet. Column indices are 32-bit: every pass over
/// the bounds reads this list.
struct BoundSlots: RandomAccessCollection {
  /// Column of each slot.
  let columns: [Int32]
  /// First slot of each chunk of columns, then the slot count.
  private let chunkStarts: [Int]

  /// The slots of `columns` (strictly increasing, each in 0 ..< columnCount).
  init(columns: [Int], columnCount: Int) {
    precondition(columnCount <= Int(Int32.max), "BoundSlots: \(columnCount) columns exceed 32-bit indices")
    precondition(zip(columns, columns.dropFirst()).allSatisfy { $0 < $1 } && (columns.first ?? 0) >= 0
                 && (columns.last ?? -1) < columnCount, "BoundSlots: columns must be increasing and in range")
    self.columns = columns.map { Int32($0) }
    let grain = IterationKernels.grain
    let chunks = (columnCount + grain - 1) / grain
    var starts: [Int] = []
    starts.reserveCapacity(chunks + 1)
    var k = 0
    for chunk in 0..<chunks {
      while k < columns.count && columns[k] < chunk * grain { k += 1 }
      starts.append(k)
    }
    starts.append(columns.count)
    chunkStarts = starts
  }

  var startIndex: Int { 0 }
  var endIndex: Int { columns.count }
  /// The column of slot k.
  subscript(k: Int) -> Int { Int(columns[k]) }

  /// Whether every slot's column indexes a vector of `count` entries (the kernels' precondition).
  func fit(in count: Int) -> Bool { (columns.last.map { Int($0) } ?? -1) < count }

  /// The slots whose columns lie in `range`, a chunk [c·grain, min(n, (c + 1)·grain)) of `IterationKernels.chunked`.
  @inline(__always) func slots(ofColumns range: Range<Int>) -> Range<Int> {
    assert(range.lowerBound % IterationKernels.grain == 0, "slots(ofColumns:) needs a chunk of IterationKernels.chunked")
    let chunk = range.lowerBound / IterationKernels.grain
    return chunkStarts[chunk]..<chunkStarts[chunk + 1]
  }
}
