/// One pass over the bytes of an MPS / QPS file in one dialect (fixed or free).
///
/// Internal: `MPSReader` is the public door. The parser works on the raw UTF-8 bytes, one line at a
/// time, and keeps every name in a dictionary, so reading is linear in the file size. Each rule of the
/// format (and each choice where readers differ) is written next to the code that applies it; the
/// summary is in `MPSReader`'s documentation.
struct MPSParser {
  private enum Section: Hashable {
    case none, name, objsense, rows, columns, rhs, ranges, bounds, quadobj, qmatrix, end
  }

  /// Row kinds of the ROWS section (N rows other than the objective are dropped).
  private enum RowType: UInt8 { case equal, less, greater }

  private let bytes: UnsafeBufferPointer<UInt8>
  private let fileName: String
  private let fixed: Bool

  private(set) var warnings: [String] = []
  private var lineNumber = 0
  private var section = Section.none
  private var seenSections: Set<Section> = []
  private var sawContent = false

  // Objective and rows.
  private var problemName = ""
  private var sense = ObjectiveSense.minimize
  private var objectiveName: String?
  private var objectiveRHS: Double?
  /// Row name → index; −1 is the objective, −2 a dropped extra N row.
  private var rowIndex: [String: Int] = [:]
  private var rowNames: [String] = []
  private var rowTypes: [RowType] = []
  private var rhs: [Double] = []
  private var rhsLine: [Int] = []
  private var range: [Double] = []
  private var rangeLine: [Int] = []
  private var ignoredNRowRHS = false

  // Columns.
  private var columnIndex: [String: Int] = [:]
  private var columnNames: [String] = []
  private var cost: [Double] = []
  private var columnLower: [Double] = []
  private var columnUpper: [Double] = []
  private var lowerExplicit: [Bool] = []
  private var hasBoundEntry: [Bool] = []
  private var isInteger: [Bool] = []
  private var boundLine: [Int] = []
  private var columnStarts: [Int] = [0]
  private var entryRows: [Int] = []
  private var entryValues: [Double] = []
  private var currentColumn = -1
  private var currentColumnBytes: [UInt8] = []
  private var pending: [(row: Int, value: Double)] = []
  private var rowMark: [Int] = []
  private var costSeen = false
  private var inIntegerBlock = false
  private var integerMarkerSeen = false

  // Vector names of RHS, RANGES and BOUNDS: only the first of each is used.
  private var rhsSet: String?
  private var rangeSet: String?
  private var boundSet: String?
  private var ignoredSets: Set<String> = []

  // Quadratic objective: lower-triangle key (i * n + j, i ≥ j) → (value, line).
  private var quadratic: [Int: (value: Double, line: Int)] = [:]
  private var quadraticUpper: [Int: (value: Double, line: Int)] = [:]

  // Tokens of the current line (free splitting), reused across lines.
  private var tokenStarts: [Int] = []
  private var tokenEnds: [Int] = []
  private var lineStart = 0
  private var lineEnd = 0

  /// BOUNDS and RHS values at or beyond this magnitude mean ±∞ (the CPLEX / COIN convention;
  /// `MPSWriter` relies on it to write a free row). RANGES widths are taken as they are.
  static let infinityThreshold = 1e30

  init(bytes: UnsafeBufferPointer<UInt8>, fileName: String, fixed: Bool) {
    self.bytes = bytes
    self.fileName = fileName
    self.fixed = fixed
  }

  // MARK: - Driving loop

  mutating func parse() throws -> QuadraticProgram {
    var position = 0
    let count = bytes.count
    tokenStarts.reserveCapacity(8)
    tokenEnds.reserveCapacity(8)
    while position < count, section != .end {
      lineNumber += 1
      var end = position
      while end < count, bytes[end] != 10 { end += 1 }
      let next = end + 1
      while end > position, bytes[end - 1] == 13 || bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
      lineStart = position
      lineEnd = end
      position = next
      try handleLine()
    }
    return try finish()
  }

  private mutating func handleLine() throws {
    // Binary junk: NUL and other control characters other than tab / carriage return / form feed.
    for p in lineStart..<lineEnd {
      let b = bytes[p]
      if b < 32 && b != 9 && b != 13 && b != 12 || b == 127 {
        throw error(.binaryData, "binary data (byte 0x\(String(b, radix: 16, uppercase: true))) at column \(p - lineStart + 1); this is not an MPS text file")
      }
    }
    if lineStart == lineEnd { return }
    if bytes[lineStart] == 42 { return }  // '*' in column 1: comment
    splitTokens()
    if tokenStarts.isEmpty { return }
    sawContent = true
    let first = bytes[lineStart]
    if first != 32 && first != 9 {
      try startSection()
      return
    }
    switch section {
    case .none:
      throw error(.structure, "data line before the first section")
    case .name:
      throw error(.syntax, "unexpected data line after NAME")
    case .objsense: try readObjectiveSense(tokenIndex: 0)
    case .rows: try readRow()
    case .columns: try readColumnLine()
    case .rhs: try readRHSOrRange(isRange: false)
    case .ranges: try readRHSOrRange(isRange: true)
    case .bounds: try readBound()
    case .quadobj, .qmatrix: try readQuadratic()
    case .end: return
    }
  }

  private mutating func startSection() throws {
    let keyword = text(0)
    let newSection: Section
    switch keyword {
    case "NAME": newSection = .name
    case "OBJSENSE", "OBJSENCE": newSection = .objsense
    case "ROWS": newSection = .rows
    case "COLUMNS": newSection = .columns
    case "RHS": newSection = .rhs
    case "RANGES": newSection = .ranges
    case "BOUNDS": newSection = .bounds
    case "QUADOBJ": newSection = .quadobj
    case "QMATRIX": newSection = .qmatrix
    case "ENDATA": newSection = .end
    case "OBJNAME", "QSECTION", "QCMATRIX", "CSECTION", "SOS", "SETS", "INDICATORS", "DELAYEDROWS", "LAZYCONS",
      "USERCUTS", "MODELCUTS", "GENCONS", "PWLOBJ", "PWLNAM", "PWLCON", "BRANCH":
      throw error(.unsupported, "section \(keyword) is not supported")
    default:
      throw error(.unknownSection, "unknown section '\(keyword)'")
    }
    if section == .columns { closeColumn() }
    if seenSections.contains(newSection) || (newSection == .quadobj && seenSections.contains(.qmatrix))
      || (newSection == .qmatrix && seenSections.contains(.quadobj))
    {
      throw error(.duplicate, "section \(keyword) appears twice")
    }
    switch newSection {
    case .name, .objsense:
      if seenSections.contains(.rows) { throw error(.structure, "\(keyword) must come before ROWS") }
    case .columns, .rhs, .ranges:
      if !seenSections.contains(.rows) { throw error(.structure, "\(keyword) before ROWS") }
    case .bounds, .quadobj, .qmatrix:
      if !seenSections.contains(.columns) { throw error(.structure, "\(keyword) before COLUMNS") }
    default: break
    }
    seenSections.insert(newSection)
    section = newSection
    switch newSection {
    case .name:
      // The name is the rest of the line (Netlib names carry comments such as "(FORPLAN1)").
      if tokenStarts.count > 1 {
        problemName = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokenStarts[1]..<lineEnd]), as: UTF8.self)
      }
    case .objsense:
      if tokenStarts.count > 1 { try readObjectiveSense(tokenIndex: 1) }
    case .columns:
      rowMark = [Int](repeating: -1, count: rowNames.count)
    default:
      if tokenStarts.count > 1, newSection != .end {
        throw error(.syntax, "unexpected text after \(keyword)")
      }
    }
  }

  // MARK: - Sections

  private mutating func readObjectiveSense(tokenIndex: Int) throws {
    guard tokenStarts.count == tokenIndex + 1 else {
      throw error(.syntax, "OBJSENSE takes one word (MIN or MAX), found \(tokenStarts.count - tokenIndex)")
    }
    switch text(tokenIndex).uppercased() {
    case "MIN", "MINIMIZE", "MINIMISE": sense = .minimize
    case "MAX", "MAXIMIZE", "MAXIMISE": sense = .maximize
    case let word: throw error(.syntax, "unknown objective sense '\(word)' (expected MIN or MAX)")
    }
  }

  private mutating func readRow() throws {
    let typeText: String
    let name: String
    if fixed {
      try checkFixedLayout(nameToEnd: true)
      typeText = fixedField(2, 3)
      name = fixedRest(from: 5)
    } else {
      guard tokenStarts.count == 2 else {
        throw error(.syntax, "ROWS: expected a row type and a row name, found \(tokenStarts.count) fields")
      }
      typeText = text(0)
      name = text(1)
    }
    guard !name.isEmpty else { throw error(.syntax, "ROWS: row of type '\(typeText)' has no name") }
    if rowIndex[name] != nil { throw error(.duplicate, "row '\(name)' is declared twice") }
    switch typeText.uppercased() {
    case "N":
      if objectiveName == nil {
        objectiveName = name
        rowIndex[name] = -1
      } else {
        rowIndex[name] = -2
        warn("extra N row '\(name)' dropped; the first N row '\(objectiveName ?? "")' is the objective")
      }
      return
    case "E": rowTypes.append(.equal)
    case "L": rowTypes.append(.less)
    case "G": rowTypes.append(.greater)
    default: throw error(.syntax, "unknown row type '\(typeText)' for row '\(name)' (expected N, E, L or G)")
    }
    rowIndex[name] = rowNames.count
    rowNames.append(name)
    rhs.append(0)
    rhsLine.append(0)
    range.append(0)
    rangeLine.append(0)
  }

  private mutating func readColumnLine() throws {
    // Integer markers: `name 'MARKER' 'INTORG'` … `name 'MARKER' 'INTEND'`.
    if tokenStarts.count >= 3, (1..<tokenStarts.count - 1).contains(where: { text($0) == "'MARKER'" }) {
      let kind = text(tokenStarts.count - 1)
      closeColumn()
      switch kind {
      case "'INTORG'":
        guard !inIntegerBlock else { throw error(.syntax, "'INTORG' marker inside an integer block") }
        inIntegerBlock = true
        integerMarkerSeen = true
      case "'INTEND'":
        guard inIntegerBlock else { throw error(.syntax, "'INTEND' marker without a matching 'INTORG'") }
        inIntegerBlock = false
      default: throw error(.syntax, "unknown marker \(kind) (expected 'INTORG' or 'INTEND')")
      }
      return
    }
    let column: Range<Int>
    var pairs: [(Range<Int>, Range<Int>)] = []
    if fixed {
      try checkFixedLayout(nameToEnd: false)
      column = fixedRange(5, 12)
      let r1 = fixedRange(15, 22), v1 = fixedRange(25, 36), r2 = fixedRange(40, 47), v2 = fixedRange(50, 61)
      guard !column.isEmpty else { throw error(.syntax, "COLUMNS: no column name in columns 5–12") }
      guard !r1.isEmpty, !v1.isEmpty else { throw error(.syntax, "COLUMNS: expected a row name and a value") }
      pairs.append((r1, v1))
      if !r2.isEmpty || !v2.isEmpty {
        guard !r2.isEmpty, !v2.isEmpty else { throw error(.syntax, "COLUMNS: second row name without a value") }
        pairs.append((r2, v2))
      }
    } else {
      let n = tokenStarts.count
      guard n == 3 || n == 5 else {
        throw error(.syntax, "COLUMNS: expected a column name and one or two (row, value) pairs, found \(n) fields")
      }
      column = tokenRange(0)
      pairs.append((tokenRange(1), tokenRange(2)))
      if n == 5 { pairs.append((tokenRange(3), tokenRange(4))) }
    }
    if currentColumn < 0 || !bytesEqual(column, currentColumnBytes) {
      closeColumn()
      let name = string(column)
      // A column that comes back after other columns: HiGHS 1.16 reads it as a second column with the
      // same name (and warns); later sections could then only reach the first, so we refuse it.
      if columnIndex[name] != nil {
        throw error(.duplicate, "column '\(name)' appears again after other columns; the entries of a column must be contiguous")
      }
      currentColumn = columnNames.count
      currentColumnBytes = Array(UnsafeBufferPointer(rebasing: bytes[column]))
      columnIndex[name] = currentColumn
      columnNames.append(name)
      cost.append(0)
      columnLower.append(0)
      columnUpper.append(.infinity)
      lowerExplicit.append(false)
      hasBoundEntry.append(false)
      isInteger.append(inIntegerBlock)
      boundLine.append(0)
      costSeen = false
    }
    for (rowRange, valueRange) in pairs {
      let rowName = string(rowRange)
      guard let i = rowIndex[rowName] else { throw error(.unknownName, "unknown row '\(rowName)' in COLUMNS") }
      let value = try number(valueRange, "coefficient of column '\(columnNames[currentColumn])' in row '\(rowName)'")
      if i == -1 {
        if costSeen { throw error(.duplicate, "column '\(columnNames[currentColumn])' has two entries in the objective row '\(rowName)'") }
        costSeen = true
        cost[currentColumn] = value
      } else if i >= 0 {
        if rowMark[i] == currentColumn {
          throw error(.duplicate, "column '\(columnNames[currentColumn])' has two entries in row '\(rowName)'")
        }
        rowMark[i] = currentColumn
        if value != 0 { pending.append((i, value)) }
      }
    }
  }

  /// Moves the entries of the current column into the CSC arrays, sorted by row.
  private mutating func closeColumn() {
    guard currentColumn >= 0 else { return }
    if pending.count > 1 { pending.sort { $0.row < $1.row } }
    for e in pending {
      entryRows.append(e.row)
      entryValues.append(e.value)
    }
    pending.removeAll(keepingCapacity: true)
    columnStarts.append(entryRows.count)
    currentColumn = -1
    currentColumnBytes.removeAll(keepingCapacity: true)
  }

  private mutating func readRHSOrRange(isRange: Bool) throws {
    let label = isRange ? "RANGES" : "RHS"
    var setName: String
    var pairs: [(Range<Int>, Range<Int>)] = []
    if fixed {
      try checkFixedLayout(nameToEnd: false)
      setName = fixedField(5, 12)
      let r1 = fixedRange(15, 22), v1 = fixedRange(25, 36), r2 = fixedRange(40, 47), v2 = fixedRange(50, 61)
      guard !r1.isEmpty, !v1.isEmpty else { throw error(.syntax, "\(label): expected a row name and a value") }
      pairs.append((r1, v1))
      if !r2.isEmpty || !v2.isEmpty {
        guard !r2.isEmpty, !v2.isEmpty else { throw error(.syntax, "\(label): second row name without a value") }
        pairs.append((r2, v2))
      }
    } else {
      let n = tokenStarts.count
      guard (2...5).contains(n) else {
        throw error(.syntax, "\(label): expected [vector name] row value [row value], found \(n) fields")
      }
      // An even number of fields means the vector name is left out.
      let first = n % 2 == 0 ? 0 : 1
      setName = first == 1 ? text(0) : ""
      pairs.append((tokenRange(first), tokenRange(first + 1)))
      if n >= 4 { pairs.append((tokenRange(first + 2), tokenRange(first + 3))) }
    }
    if isRange {
      if rangeSet == nil { rangeSet = setName }
      guard rangeSet == setName else { ignoreSet(label, setName, used: rangeSet ?? ""); return }
    } else {
      if rhsSet == nil { rhsSet = setName }
      guard rhsSet == setName else { ignoreSet(label, setName, used: rhsSet ?? ""); return }
    }
    for (rowRange, valueRange) in pairs {
      let rowName = string(rowRange)
      guard let i = rowIndex[rowName] else { throw error(.unknownName, "unknown row '\(rowName)' in \(label)") }
      let value = try number(valueRange, "\(label) value of row '\(rowName)'")
      if isRange {
        guard i >= 0 else { warn("RANGES entry on N row '\(rowName)' ignored"); continue }
        if rangeLine[i] != 0 { throw error(.duplicate, "row '\(rowName)' has two RANGES entries (first at line \(rangeLine[i]))") }
        range[i] = value
        rangeLine[i] = lineNumber
      } else if i == -1 {
        if objectiveRHS != nil { throw error(.duplicate, "objective row '\(rowName)' has two RHS entries") }
        objectiveRHS = value
      } else if i == -2 {
        if !ignoredNRowRHS { warn("RHS entry on dropped N row '\(rowName)' ignored") }
        ignoredNRowRHS = true
      } else {
        if rhsLine[i] != 0 { throw error(.duplicate, "row '\(rowName)' has two RHS entries (first at line \(rhsLine[i]))") }
        rhs[i] = value
        rhsLine[i] = lineNumber
      }
    }
  }

  private mutating func readBound() throws {
    let type: String
    var setName = ""
    let column: Range<Int>
    var valueRange: Range<Int>? = nil
    if fixed {
      try checkFixedLayout(nameToEnd: false)
      type = fixedField(2, 3).uppercased()
      setName = fixedField(5, 12)
      column = fixedRange(15, 22)
      let v = fixedRange(25, 36)
      if !v.isEmpty { valueRange = v }
    } else {
      type = text(0).uppercased()
      let n = tokenStarts.count
      switch type {
      case "UP", "LO", "FX", "LI", "UI":
        guard n == 3 || n == 4 else {
          throw error(.syntax, "BOUNDS: \(type) expects [bound name] column value, found \(n) fields")
        }
        if n == 4 { setName = text(1) }
        column = tokenRange(n - 2)
        valueRange = tokenRange(n - 1)
      case "FR", "MI", "PL", "BV":
        guard (2...4).contains(n) else {
          throw error(.syntax, "BOUNDS: \(type) expects [bound name] column, found \(n) fields")
        }
        if n == 2 {
          column = tokenRange(1)
        } else if n == 4 {
          setName = text(1)
          column = tokenRange(2)
          valueRange = tokenRange(3)
        } else if columnIndex[text(1)] != nil && columnIndex[text(2)] == nil {
          column = tokenRange(1)  // "BV x 1": no bound name, a value
          valueRange = tokenRange(2)
        } else {
          setName = text(1)
          column = tokenRange(2)
        }
      default:
        column = 0..<0
      }
    }
    switch type {
    case "UP", "LO", "FX", "LI", "UI", "FR", "MI", "PL", "BV": break
    case "SC": throw error(.unsupported, "bound type SC (semi-continuous) is not supported")
    case "SI": throw error(.unsupported, "bound type SI (semi-integer) is not supported")
    default: throw error(.syntax, "unknown bound type '\(type)'")
    }
    if boundSet == nil { boundSet = setName }
    guard boundSet == setName else { ignoreSet("BOUNDS", setName, used: boundSet ?? ""); return }
    let name = string(column)
    guard !name.isEmpty else { throw error(.syntax, "BOUNDS: \(type) bound without a column name") }
    guard let j = columnIndex[name] else { throw error(.unknownName, "unknown column '\(name)' in BOUNDS") }
    var value = 0.0
    let needsValue = ["UP", "LO", "FX", "LI", "UI"].contains(type)
    if needsValue {
      guard let r = valueRange else { throw error(.syntax, "BOUNDS: \(type) bound of column '\(name)' has no value") }
      value = try number(r, "\(type) bound of column '\(name)'")
      if value >= Self.infinityThreshold { value = .infinity } else if value <= -Self.infinityThreshold { value = -.infinity }
    } else if let r = valueRange, type == "BV" {
      _ = try number(r, "BV bound of column '\(name)'")
    }
    hasBoundEntry[j] = true
    boundLine[j] = lineNumber
    switch type {
    case "UP", "UI":
      columnUpper[j] = value
      // The classic rule (IBM MPSX, CPLEX, COIN-OR CoinMpsIO): a negative upper bound on a column
      // whose lower bound is still the default 0 makes the lower bound −∞. HiGHS 1.16 does not
      // (it keeps [0, u] and reports inconsistent bounds); we follow the classic rule and warn.
      if type == "UP", value < 0, columnLower[j] == 0, !lowerExplicit[j] {
        columnLower[j] = -.infinity
        warn("UP bound \(value) < 0 on column '\(name)' with default lower bound 0: lower bound set to -infinity")
      }
    case "LO", "LI":
      columnLower[j] = value
      lowerExplicit[j] = true
    case "FX":
      columnLower[j] = value
      columnUpper[j] = value
      lowerExplicit[j] = true
    case "FR":
      columnLower[j] = -.infinity
      columnUpper[j] = .infinity
      lowerExplicit[j] = true
    case "MI":
      columnLower[j] = -.infinity
      lowerExplicit[j] = true
    case "PL":
      columnUpper[j] = .infinity
    case "BV":
      columnLower[j] = 0
      columnUpper[j] = 1
      lowerExplicit[j] = true
    default: break
    }
    if type == "LI" || type == "UI" || type == "BV" { isInteger[j] = true }
    if columnLower[j] == .infinity || columnUpper[j] == -.infinity {
      throw error(.inconsistent, "column '\(name)' gets bounds [\(columnLower[j]), \(columnUpper[j])]")
    }
  }

  private mutating func readQuadratic() throws {
    let label = section == .quadobj ? "QUADOBJ" : "QMATRIX"
    let first: Range<Int>, second: Range<Int>, valueRange: Range<Int>
    if fixed {
      try checkFixedLayout(nameToEnd: false)
      first = fixedRange(5, 12)
      second = fixedRange(15, 22)
      valueRange = fixedRange(25, 36)
      guard !first.isEmpty, !second.isEmpty, !valueRange.isEmpty else {
        throw error(.syntax, "\(label): expected two column names and a value")
      }
    } else {
      guard tokenStarts.count == 3 else {
        throw error(.syntax, "\(label): expected two column names and a value, found \(tokenStarts.count) fields")
      }
      first = tokenRange(0)
      second = tokenRange(1)
      valueRange = tokenRange(2)
    }
    let a = string(first), b = string(second)
    guard let j1 = columnIndex[a] else { throw error(.unknownName, "unknown column '\(a)' in \(label)") }
    guard let j2 = columnIndex[b] else { throw error(.unknownName, "unknown column '\(b)' in \(label)") }
    let value = try number(valueRange, "\(label) entry (\(a), \(b))")
    let n = columnNames.count
    let key = max(j1, j2) * n + min(j1, j2)
    // QUADOBJ lists one triangle (either one): an entry above the diagonal is mirrored below it.
    // QMATRIX lists the whole symmetric matrix: keep the lower triangle, check the upper one against it.
    if section == .qmatrix && j1 < j2 {
      if let old = quadraticUpper[key] {
        throw error(.duplicate, "\(label) entry (\(a), \(b)) given twice (first at line \(old.line))")
      }
      quadraticUpper[key] = (value, lineNumber)
    } else {
      if let old = quadratic[key] {
        throw error(.duplicate, "\(label) entry (\(a), \(b)) given twice (first at line \(old.line))")
      }
      quadratic[key] = (value, lineNumber)
    }
  }

  // MARK: - Finishing

  private mutating func finish() throws -> QuadraticProgram {
    guard sawContent else {
      throw MPSError(fileName: fileName, line: max(lineNumber, 1), kind: .structure, message: "empty file: no MPS sections")
    }
    guard section == .end else {
      throw MPSError(
        fileName: fileName, line: lineNumber, kind: .structure, message: "file ends without ENDATA (truncated?)")
    }
    closeColumn()
    let m = rowNames.count, n = columnNames.count
    if objectiveName == nil { warn("no N row: the objective is zero") }
    if inIntegerBlock { warn("'INTORG' marker without a closing 'INTEND'") }

    // Rows: from the type, the RHS b and the range R (standard MPS rules):
    //   E: R > 0 → [b, b + |R|], R < 0 → [b − |R|, b], no R → [b, b];  L: [b − |R|, b];  G: [b, b + |R|].
    var rowLower = [Double](repeating: 0, count: m), rowUpper = [Double](repeating: 0, count: m)
    for i in 0..<m {
      var b = rhs[i]
      if b >= Self.infinityThreshold { b = .infinity } else if b <= -Self.infinityThreshold { b = -.infinity }
      let hasRange = rangeLine[i] != 0
      let r = abs(range[i])  // a range is a width, never read as infinite
      switch rowTypes[i] {
      case .equal:
        if !hasRange || range[i] == 0 {
          (rowLower[i], rowUpper[i]) = (b, b)
        } else if range[i] > 0 {
          (rowLower[i], rowUpper[i]) = (b, b + r)
        } else {
          (rowLower[i], rowUpper[i]) = (b - r, b)
        }
      case .less: (rowLower[i], rowUpper[i]) = (hasRange ? b - r : -.infinity, b)
      case .greater: (rowLower[i], rowUpper[i]) = (b, hasRange ? b + r : .infinity)
      }
      let lo = rowLower[i], up = rowUpper[i]
      if lo.isNaN || up.isNaN || lo == .infinity || up == -.infinity || lo > up {
        throw MPSError(
          fileName: fileName, line: max(rhsLine[i], rangeLine[i]), kind: .inconsistent,
          message: "row '\(rowNames[i])' gets bounds [\(lo), \(up)] from its RHS and RANGES entries")
      }
    }

    // Columns: bounds, and integer columns (relaxed to continuous: Derisk has no branch and bound).
    var integerColumns: [Int] = []
    var binaryByDefault: [String] = []
    for j in 0..<n {
      if isInteger[j] {
        integerColumns.append(j)
        // As HiGHS and the original IBM convention: an integer column from the MARKER block that has
        // no BOUNDS entry at all is binary.
        if !hasBoundEntry[j] {
          columnUpper[j] = 1
          binaryByDefault.append(columnNames[j])
        }
      }
      if columnLower[j] > columnUpper[j] {
        throw MPSError(
          fileName: fileName, line: boundLine[j], kind: .inconsistent,
          message: "column '\(columnNames[j])' has lower bound \(columnLower[j]) above upper bound \(columnUpper[j])")
      }
    }
    if !integerColumns.isEmpty {
      let examples = integerColumns.prefix(3).map { "'\(columnNames[$0])'" }.joined(separator: ", ")
      warnings.append(
        "\(fileName): \(integerColumns.count) integer column(s) (\(examples)\(integerColumns.count > 3 ? ", …" : "")) relaxed to continuous")
    }
    if !binaryByDefault.isEmpty {
      warnings.append(
        "\(fileName): \(binaryByDefault.count) integer column(s) without BOUNDS entries (first '\(binaryByDefault[0])') given bounds [0, 1], as HiGHS does")
    }

    // The quadratic objective ½ xᵀ Q x, lower triangle.
    var triplets: [(row: Int, column: Int, value: Double)] = []
    if section == .end && seenSections.contains(.qmatrix) {
      for (key, upper) in quadraticUpper {
        let lowerValue = quadratic[key]?.value ?? 0
        if lowerValue != upper.value {
          throw MPSError(
            fileName: fileName, line: upper.line, kind: .inconsistent,
            message: "QMATRIX is not symmetric: entry (\(columnNames[key % n]), \(columnNames[key / n])) is \(upper.value) but its mirror is \(lowerValue)")
        }
      }
      for (key, lower) in quadratic where key / n != key % n && quadraticUpper[key] == nil && lower.value != 0 {
        throw MPSError(
          fileName: fileName, line: lower.line, kind: .inconsistent,
          message: "QMATRIX is not symmetric: entry (\(columnNames[key / n]), \(columnNames[key % n])) has no mirror (\(columnNames[key % n]), \(columnNames[key / n]))")
      }
    }
    for (key, entry) in quadratic.sorted(by: { $0.key < $1.key }) where entry.value != 0 {
      triplets.append((key / n, key % n, entry.value))
    }

    let problem: QuadraticProgram
    do {
      let A = try SparseMatrix(
        rows: m, columns: n, columnStarts: columnStarts, rowIndices: entryRows, values: entryValues)
      let P = triplets.isEmpty ? nil : try SparseMatrix(rows: n, columns: n, triplets: triplets)
      problem = QuadraticProgram(
        name: problemName, sense: sense, linearCost: cost, objectiveConstant: -(objectiveRHS ?? 0), hessian: P,
        constraintMatrix: A, rowLower: rowLower, rowUpper: rowUpper, columnLower: columnLower,
        columnUpper: columnUpper, columnNames: columnNames, rowNames: rowNames, integerColumns: integerColumns)
      try problem.validate()
    } catch let e as ProblemError {
      throw MPSError(fileName: fileName, line: 0, kind: .inconsistent, message: e.description)
    }
    return problem
  }

  // MARK: - Lines, fields, numbers

  private mutating func splitTokens() {
    tokenStarts.removeAll(keepingCapacity: true)
    tokenEnds.removeAll(keepingCapacity: true)
    var p = lineStart
    while p < lineEnd {
      while p < lineEnd, isBlank(bytes[p]) { p += 1 }
      if p == lineEnd { break }
      let s = p
      while p < lineEnd, !isBlank(bytes[p]) { p += 1 }
      tokenStarts.append(s)
      tokenEnds.append(p)
    }
  }

  @inline(__always) private func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 12 }

  private func tokenRange(_ k: Int) -> Range<Int> { tokenStarts[k]..<tokenEnds[k] }
  private func text(_ k: Int) -> String { string(tokenRange(k)) }

  private func string(_ r: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
  }

  private func bytesEqual(_ r: Range<Int>, _ other: [UInt8]) -> Bool {
    guard r.count == other.count else { return false }
    var k = 0
    for p in r {
      if bytes[p] != other[k] { return false }
      k += 1
    }
    return true
  }

  /// Fixed-format field in 1-based columns `from...to`, with blanks trimmed (inner blanks kept).
  private func fixedRange(_ from: Int, _ to: Int) -> Range<Int> {
    var s = lineStart + from - 1
    var e = min(lineStart + to, lineEnd)
    guard s < e else { return 0..<0 }
    while s < e, isBlank(bytes[s]) { s += 1 }
    while e > s, isBlank(bytes[e - 1]) { e -= 1 }
    return s < e ? s..<e : 0..<0
  }

  private func fixedField(_ from: Int, _ to: Int) -> String { string(fixedRange(from, to)) }

  private func fixedRest(from: Int) -> String { fixedField(from, lineEnd - lineStart) }

  /// In fixed format, text may only sit inside the fields; a tab makes the columns meaningless.
  private func checkFixedLayout(nameToEnd: Bool) throws {
    let length = lineEnd - lineStart
    for column in 1...length {
      let b = bytes[lineStart + column - 1]
      if b == 9 { throw error(.syntax, "tab character in fixed-format MPS (column \(column))") }
      if isBlank(b) { continue }
      let inField: Bool
      if nameToEnd {
        inField = (2...3).contains(column) || column >= 5
      } else {
        inField = (2...3).contains(column) || (5...12).contains(column) || (15...22).contains(column)
          || (25...36).contains(column) || (40...47).contains(column) || (50...61).contains(column)
      }
      if !inField {
        throw error(.syntax, "fixed-format MPS: text in column \(column), outside the fields (columns 2–3, 5–12, 15–22, 25–36, 40–47, 50–61)")
      }
    }
  }

  /// Parses a finite number; Fortran `D` exponents are accepted, NaN and ±∞ are not.
  private func number(_ r: Range<Int>, _ what: String) throws -> Double {
    var chars: [UInt8] = []
    chars.reserveCapacity(r.count)
    var ok = !r.isEmpty && r.count <= 64
    for p in r {
      var b = bytes[p]
      switch b {
      case 48...57, 43, 45, 46, 101, 69: break  // digits + - . e E
      case 100, 68: b = 101  // d D → e
      default: ok = false
      }
      chars.append(b)
    }
    guard ok, let value = Double(String(decoding: chars, as: UTF8.self)) else {
      let token = string(r)
      let lower = token.lowercased()
      if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "+nan", "-nan"].contains(lower) {
        throw error(.invalidNumber, "\(what) is '\(token)'; NaN and infinite values are not allowed")
      }
      throw error(.invalidNumber, "\(what) is '\(token)', not a number")
    }
    guard value.isFinite else { throw error(.invalidNumber, "\(what) is '\(string(r))', which overflows a Double") }
    return value
  }

  private mutating func ignoreSet(_ label: String, _ name: String, used: String) {
    let key = label + " " + name
    if ignoredSets.insert(key).inserted {
      warn("\(label) vector '\(name)' ignored; only the first vector '\(used)' is used")
    }
  }

  private mutating func warn(_ message: String) {
    warnings.append("\(fileName):\(lineNumber): \(message)")
  }

  /// The error at the current line; a message quoting a huge token (a megabyte-long "section name")
  /// is cut to its first 200 characters.
  private func error(_ kind: MPSError.Kind, _ message: String) -> MPSError {
    MPSError(fileName: fileName, line: lineNumber, kind: kind, message: message.count > 200 ? String(message.prefix(200)) + "…" : message)
  }
}
