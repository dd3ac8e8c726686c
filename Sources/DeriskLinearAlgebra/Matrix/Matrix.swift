/// A dense real matrix stored column-major in one contiguous `[Double]`.
///
/// Element (i, j) lives at `storage[i + j * rows]`, the layout BLAS and LAPACK expect with
/// leading dimension `rows`.
public struct Matrix: Sendable, Hashable {
  /// Number of rows m.
  public let rows: Int
  /// Number of columns n.
  public let columns: Int
  /// The m·n entries, column by column.
  public var storage: [Double]

  /// An m × n matrix with every entry equal to `value`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
    self.rows = rows
    self.columns = columns
    self.storage = [Double](repeating: value, count: rows * columns)
  }

  /// A matrix over existing column-major storage.
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when `columnMajor.count != rows * columns`.
  public init(rows: Int, columns: Int, columnMajor: [Double]) throws {
    guard rows >= 0, columns >= 0, columnMajor.count == rows * columns else {
      throw LinearAlgebraError.dimensionMismatch(
        "Matrix(rows: \(rows), columns: \(columns)) needs \(max(0, rows * columns)) entries, got \(columnMajor.count)")
    }
    self.rows = rows
    self.columns = columns
    self.storage = columnMajor
  }

  /// A matrix from a list of rows, as written on paper.
  /// - Throws: `LinearAlgebraError.dimensionMismatch` when the rows have different lengths.
  public init(_ rowList: [[Double]]) throws {
    let m = rowList.count
    let n = rowList.first?.count ?? 0
    var matrix = Matrix(rows: m, columns: n)
    for (i, row) in rowList.enumerated() {
      guard row.count == n else {
        throw LinearAlgebraError.dimensionMismatch("row \(i) has \(row.count) entries, row 0 has \(n)")
      }
      for j in 0..<n { matrix[i, j] = row[j] }
    }
    self = matrix
  }

  /// The n × n identity.
  public static func identity(_ n: Int) -> Matrix {
    var matrix = Matrix(rows: n, columns: n)
    for i in 0..<n { matrix.storage[i + i * n] = 1 }
    return matrix
  }

  /// A diagonal matrix with `diagonal` on its diagonal.
  public static func diagonal(_ diagonal: [Double]) -> Matrix {
    let n = diagonal.count
    var matrix = Matrix(rows: n, columns: n)
    for i in 0..<n { matrix.storage[i + i * n] = diagonal[i] }
    return matrix
  }

  /// Entry (i, j).
  @inlinable
  public subscript(i: Int, j: Int) -> Double {
    get { storage[i + j * rows] }
    set { storage[i + j * rows] = newValue }
  }

  /// Whether the matrix is square.
  public var isSquare: Bool { rows == columns }

  /// Column j as a new array.
  public func column(_ j: Int) -> [Double] { Array(storage[(j * rows)..<((j + 1) * rows)]) }

  /// Row i as a new array.
  public func row(_ i: Int) -> [Double] { (0..<columns).map { self[i, $0] } }

  /// Aᵀ.
  public var transposed: Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for j in 0..<columns { for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] } }
    return result
  }

  /// Whether every entry is finite (no NaN, no ±∞).
  public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }

  /// Copies the lower triangle onto the upper one, making a matrix held as "lower" fully symmetric.
  public mutating func symmetrizeFromLower() {
    precondition(isSquare)
    let n = rows
    storage.withUnsafeMutableBufferPointer { a in
      for j in 0..<n { for i in (j + 1)..<max(j + 1, n) { a[j + i * n] = a[i + j * n] } }
    }
  }

  /// The largest absolute entry, ‖A‖_max.
  public var maxAbs: Double { storage.reduce(0) { max($0, abs($1)) } }

  /// Frobenius norm ‖A‖_F.
  public var frobeniusNorm: Double { Vector.norm2(storage) }
}

/// Errors for calls that do not fit together (wrong sizes, non-finite data).
public enum LinearAlgebraError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Sizes of the operands do not match; the message names them.
  case dimensionMismatch(String)
  /// An operand has NaN or ±∞ where a finite value is required; the message names it.
  case nonFinite(String)

  public var description: String {
    switch self {
    case .dimensionMismatch(let what): return "dimension mismatch: \(what)"
    case .nonFinite(let what): return "non-finite value: \(what)"
    }
  }
}
