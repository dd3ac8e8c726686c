/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Hashable, Codable {
  case minimize, maximize
}

/// A convex quadratic program in the form every Derisk solver accepts:
///
///     minimise (or maximise)  ½ xᵀ P x + cᵀ x + c₀
///     subject to              rowLower ≤ A x ≤ rowUpper
///                             columnLower ≤ x ≤ columnUpper
///
/// Bounds may be ±∞ (free, one-sided, ranged and fixed rows and columns all occur; equal lower and
/// upper make an equality). `P` is symmetric positive semidefinite and stored as its **lower triangle**
/// (entries with row ≥ column); nil or empty P makes a linear program. For a maximisation, P must be
/// negative semidefinite (the problem is concave maximisation).
public struct QuadraticProgram: Sendable, Hashable {
  /// A name for reports (the MPS NAME).
  public var name: String
  /// Minimise or maximise; results are reported in this sense.
  public var sense: ObjectiveSense
  /// c, one entry per column.
  public var linearCost: [Double]
  /// c₀, the constant term of the objective.
  public var objectiveConstant: Double
  /// P, n × n, lower triangle only; nil for a linear program.
  public var hessian: SparseMatrix?
  /// A, m × n.
  public var constraintMatrix: SparseMatrix
  /// Lower bounds of A x (−∞ allowed).
  public var rowLower: [Double]
  /// Upper bounds of A x (+∞ allowed).
  public var rowUpper: [Double]
  /// Lower bounds of x (−∞ allowed).
  public var columnLower: [Double]
  /// Upper bounds of x (+∞ allowed).
  public var columnUpper: [Double]
  /// Column names (for reports and MPS output); empty means "x0, x1, …".
  public var columnNames: [String]
  /// Row names; empty means "r0, r1, …".
  public var rowNames: [String]
  /// Columns that were declared integer in the input; Derisk solves the continuous relaxation.
  public var integerColumns: [Int]

  /// Number of columns n.
  public var columnCount: Int { linearCost.count }
  /// Number of rows m.
  public var rowCount: Int { rowLower.count }
  /// Whether P is absent or has no stored entries.
  public var isLinear: Bool { (hessian?.nonzeroCount ?? 0) == 0 }
  /// Whether P is absent or diagonal (a separable objective: what the normal equations and the
  /// scenario-structured backend need).
  public var hasDiagonalHessian: Bool {
    guard let P = hessian else { return true }
    for j in 0..<P.columns {
      for p in P.columnStarts[j]..<P.columnStarts[j + 1] where P.rowIndices[p] != j { return false }
    }
    return true
  }

  public init(
    name: String = "", sense: ObjectiveSense = .minimize, linearCost: [Double], objectiveConstant: Double = 0,
    hessian: SparseMatrix? = nil, constraintMatrix: SparseMatrix, rowLower: [Double], rowUpper: [Double],
    columnLower: [Double], columnUpper: [Double], columnNames: [String] = [], rowNames: [String] = [],
    integerColumns: [Int] = []
  ) {
    self.name = name
    self.sense = sense
    self.linearCost = linearCost
    self.objectiveConstant = objectiveConstant
    self.hessian = hessian
    self.constraintMatrix = constraintMatrix
    self.rowLower = rowLower
    self.rowUpper = rowUpper
    self.columnLower = columnLower
    self.columnUpper = columnUpper
    self.columnNames = columnNames
    self.rowNames = rowNames
    self.integerColumns = integerColumns
  }

  /// Name of column j for messages.
  public func columnName(_ j: Int) -> String { j < columnNames.count ? columnNames[j] : "x\(j)" }
  /// Name of row i for messages.
  public func rowName(_ i: Int) -> String { i < rowNames.count ? rowNames[i] : "r\(i)" }

  /// Checks sizes, finiteness, bound consistency and the shape of P, naming the first offender.
  /// - Throws: `ProblemError`.
  public func validate() throws {
    let n = columnCount, m = rowCount
    guard constraintMatrix.columns == n else {
      throw ProblemError.dimensionMismatch("A has \(constraintMatrix.columns) columns, c has \(n) entries")
    }
    guard constraintMatrix.rows == m else {
      throw ProblemError.dimensionMismatch("A has \(constraintMatrix.rows) rows, rowLower has \(m) entries")
    }
    guard rowUpper.count == m else {
      throw ProblemError.dimensionMismatch("rowUpper has \(rowUpper.count) entries, rowLower has \(m)")
    }
    guard columnLower.count == n, columnUpper.count == n else {
      throw ProblemError.dimensionMismatch("column bounds have \(columnLower.count) and \(columnUpper.count) entries, c has \(n)")
    }
    guard columnNames.isEmpty || columnNames.count == n else {
      throw ProblemError.dimensionMismatch("\(columnNames.count) column names for \(n) columns")
    }
    guard rowNames.isEmpty || rowNames.count == m else {
      throw ProblemError.dimensionMismatch("\(rowNames.count) row names for \(m) rows")
    }
    guard objectiveConstant.isFinite else { throw ProblemError.nonFinite("objective constant is \(objectiveConstant)") }
    for j in 0..<n {
      guard linearCost[j].isFinite else { throw ProblemError.nonFinite("cost of column \(columnName(j)) is \(linearCost[j])") }
      let lo = columnLower[j], up = columnUpper[j]
      guard !lo.isNaN, !up.isNaN else { throw ProblemError.nonFinite("bound of column \(columnName(j)) is NaN") }
      guard lo != .infinity, up != -.infinity else {
        throw ProblemError.inconsistentBounds("column \(columnName(j)) has bounds [\(lo), \(up)]")
      }
      guard lo <= up else {
        throw ProblemError.inconsistentBounds("column \(columnName(j)): lower bound \(lo) > upper bound \(up)")
      }
    }
    for i in 0..<m {
      let lo = rowLower[i], up = rowUpper[i]
      guard !lo.isNaN, !up.isNaN else { throw ProblemError.nonFinite("bound of row \(rowName(i)) is NaN") }
      guard lo != .infinity, up != -.infinity else {
        throw ProblemError.inconsistentBounds("row \(rowName(i)) has bounds [\(lo), \(up)]")
      }
      guard lo <= up else { throw ProblemError.inconsistentBounds("row \(rowName(i)): lower bound \(lo) > upper bound \(up)") }
    }
    // Column by column, as `triplets` lists them, without building that list (24 bytes an entry).
    let A = constraintMatrix
    for j in 0..<A.columns {
      for p in A.columnStarts[j]..<A.columnStarts[j + 1] where !A.values[p].isFinite {
        throw ProblemError.nonFinite("A[\(rowName(A.rowIndices[p])), \(columnName(j))] is \(A.values[p])")
      }
    }
    if let P = hessian {
      guard P.rows == n, P.columns == n else {
        throw ProblemError.dimensionMismatch("P is \(P.rows)×\(P.columns), expected \(n)×\(n)")
      }
      for t in P.triplets {
        guard t.value.isFinite else {
          throw ProblemError.nonFinite("P[\(columnName(t.row)), \(columnName(t.column))] is \(t.value)")
        }
        guard t.row >= t.column else {
          throw ProblemError.notSymmetric(
            "P must be given as its lower triangle; entry (\(columnName(t.row)), \(columnName(t.column))) is above the diagonal")
        }
      }
    }
    for (k, j) in integerColumns.enumerated() where j < 0 || j >= n {
      throw ProblemError.indexOutOfRange("integerColumns[\(k)] = \(j) is not a column")
    }
  }
}
