/// Writes a `QuadraticProgram` as free-format MPS (QPS when there is a quadratic objective).
///
/// The output reads back with `MPSReader` to the same problem, number for number:
/// - numbers are written with Swift's shortest round-tripping form (`"\(value)"`);
/// - `OBJSENSE MAX` when maximising; the objective constant c₀ as the RHS −c₀ of the objective row;
/// - row bounds [l, u]: l = u → `E` with RHS l; only u finite → `L`; only l finite → `G`; both finite →
///   `G` l (or `L` u) with a RANGES entry |R| chosen so that the reader's l + |R| (or u − |R|) gives
///   back exactly u (or l); a free row → `L` with RHS 1e30 (read back as +∞);
/// - column bounds other than [0, +∞) in BOUNDS (FX, FR, MI, LO, UP; integer columns also get PL so
///   that the reader does not make them binary), integer columns inside `'MARKER'` blocks;
/// - Q as the lower triangle in QUADOBJ;
/// - every column in COLUMNS, an empty one with a zero objective entry so that it is not lost;
/// - names without blanks: blanks become `_`; empty, clashing or missing names are replaced by
///   `R<i>` / `C<j>` (with a suffix until unique). The objective row is `OBJ` unless a row is so named.
public enum MPSWriter {
  /// The problem as free MPS text, ending in `ENDATA\n`.
  ///
  /// Expects a problem that passes `QuadraticProgram.validate()` (finite data, lower ≤ upper, P lower
  /// triangular). Finite bounds of magnitude ≥ 1e30 would be read back as ±∞ (the MPS convention).
  public static func write(_ problem: QuadraticProgram) -> String {
    let m = problem.rowCount, n = problem.columnCount
    let rowNames = uniqueNames(count: m, given: problem.rowNames, prefix: "R")
    let columnNames = uniqueNames(count: n, given: problem.columnNames, prefix: "C")
    var objectiveName = "OBJ"
    let rowNameSet = Set(rowNames)
    var suffix = 1
    while rowNameSet.contains(objectiveName) {
      objectiveName = "OBJ_\(suffix)"
      suffix += 1
    }

    var out = ""
    out.reserveCapacity(64 * (problem.constraintMatrix.nonzeroCount + m + n) + 256)
    let name = sanitize(problem.name)
    out += name.isEmpty ? "NAME\n" : "NAME \(name)\n"
    if problem.sense == .maximize { out += "OBJSENSE\n    MAX\n" }

    // ROWS, and how each row is written: type, RHS, range.
    out += "ROWS\n N  \(objectiveName)\n"
    var rhs = [Double?](repeating: nil, count: m)
    var ranges = [Double?](repeating: nil, count: m)
    for i in 0..<m {
      let lo = problem.rowLower[i], up = problem.rowUpper[i]
      let type: String
      if lo == up {
        type = "E"
        rhs[i] = lo
      } else if lo == -.infinity && up == .infinity {
        type = "L"
        rhs[i] = 1e30
      } else if lo == -.infinity {
        type = "L"
        rhs[i] = up
      } else if up == .infinity {
        type = "G"
        rhs[i] = lo
      } else {
        let (isLess, r) = exactRange(lower: lo, upper: up)
        type = isLess ? "L" : "G"
        rhs[i] = isLess ? up : lo
        ranges[i] = r
      }
      out += " \(type)  \(rowNames[i])\n"
    }

    // COLUMNS.
    out += "COLUMNS\n"
    let A = problem.constraintMatrix
    let integer = Set(problem.integerColumns)
    var inIntegerBlock = false
    var markerCount = 0
    for j in 0..<n {
      if integer.contains(j) != inIntegerBlock {
        inIntegerBlock.toggle()
        out += "    MARKER\(markerCount) 'MARKER' \(inIntegerBlock ? "'INTORG'" : "'INTEND'")\n"
        markerCount += 1
      }
      let c = problem.linearCost[j]
      let start = A.columnStarts[j], end = A.columnStarts[j + 1]
      if c != 0 || start == end { out += "    \(columnNames[j]) \(objectiveName) \(c)\n" }
      for p in start..<end {
        out += "    \(columnNames[j]) \(rowNames[A.rowIndices[p]]) \(A.values[p])\n"
      }
    }
    if inIntegerBlock { out += "    MARKER\(markerCount) 'MARKER' 'INTEND'\n" }

    // RHS (the objective constant c₀ is written as −c₀ on the objective row).
    out += "RHS\n"
    if problem.objectiveConstant != 0 { out += "    RHS \(objectiveName) \(-problem.objectiveConstant)\n" }
    for i in 0..<m { if let b = rhs[i], b != 0 { out += "    RHS \(rowNames[i]) \(b)\n" } }

    if ranges.contains(where: { $0 != nil }) {
      out += "RANGES\n"
      for i in 0..<m { if let r = ranges[i] { out += "    RNG \(rowNames[i]) \(r)\n" } }
    }

    // BOUNDS.
    var bounds = ""
    for j in 0..<n {
      let lo = problem.columnLower[j], up = problem.columnUpper[j], name = columnNames[j]
      if lo == up {
        bounds += " FX BND \(name) \(lo)\n"
      } else if lo == -.infinity && up == .infinity {
        bounds += " FR BND \(name)\n"
      } else {
        if lo == -.infinity {
          bounds += " MI BND \(name)\n"
        } else if lo != 0 {
          bounds += " LO BND \(name) \(lo)\n"
        }
        if up != .infinity {
          bounds += " UP BND \(name) \(up)\n"
        } else if integer.contains(j) {
          bounds += " PL BND \(name)\n"
        }
      }
    }
    if !bounds.isEmpty { out += "BOUNDS\n" + bounds }

    // QUADOBJ: the lower triangle of Q.
    if let P = problem.hessian, P.nonzeroCount > 0 {
      out += "QUADOBJ\n"
      for j in 0..<P.columns {
        for p in P.columnStarts[j]..<P.columnStarts[j + 1] {
          out += "    \(columnNames[P.rowIndices[p]]) \(columnNames[j]) \(P.values[p])\n"
        }
      }
    }
    out += "ENDATA\n"
    return out
  }

  /// A range |R| and a row type (true: L with RHS u; false: G with RHS l) such that the reader's
  /// l + |R| gives exactly u (G) or u − |R| gives exactly l (L). The rounded difference u − l is exact
  /// whenever l and u are within a factor 2 of each other (Sterbenz); otherwise neighbouring values are tried.
  static func exactRange(lower l: Double, upper u: Double) -> (isLess: Bool, range: Double) {
    let d = u - l
    var candidate = d
    for _ in 0..<8 {
      if l + candidate == u { return (false, candidate) }
      if u - candidate == l { return (true, candidate) }
      candidate = candidate.nextDown
    }
    candidate = d
    for _ in 0..<8 {
      candidate = candidate.nextUp
      if l + candidate == u { return (false, candidate) }
      if u - candidate == l { return (true, candidate) }
    }
    return (false, d)
  }

  /// Blanks (and other characters MPS cannot carry in a free-format field) replaced by `_`.
  static func sanitize(_ name: String) -> String {
    String(name.unicodeScalars.map { $0.properties.isWhitespace || $0.value < 32 ? "_" : Character($0) })
  }

  /// One usable, unique name per index: the given name sanitised, or `prefix<index>`.
  static func uniqueNames(count: Int, given: [String], prefix: String) -> [String] {
    var used = Set<String>()
    var names: [String] = []
    names.reserveCapacity(count)
    for k in 0..<count {
      var name = k < given.count ? sanitize(given[k]) : ""
      if name.isEmpty || name.hasPrefix("*") || name.hasPrefix("$") || name == "'MARKER'" { name = "\(prefix)\(k)" }
      if used.contains(name) {
        var s = 1
        while used.contains("\(name)_\(s)") { s += 1 }
        name = "\(name)_\(s)"
      }
      used.insert(name)
      names.append(name)
    }
    return names
  }
}
