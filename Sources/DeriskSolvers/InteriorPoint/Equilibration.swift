import Foundation

/// Ruiz equilibration of the internal form, and the maps between scaled and unscaled quantities.
///
/// After k passes of  Dⱼ ← Dⱼ / √max(‖Ā_{:,j}‖∞, ‖P̄_{:,j}‖∞),  Eᵢ ← Eᵢ / √‖Ā_{i,:}‖∞  the scaled data are
///
///     Ā' = E Ā D,   P' = γ D P̄ D,   c' = γ D c̄,   b' = E b,   l' = l / D,   u' = u / D,
///
/// with the cost scale γ = 1 / max(1, ‖c'‖∞). The solution maps back as x = D x', y = E y' / γ, z = z' / (γ D)
/// (Ruiz, "A scaling algorithm to equilibrate both rows and columns norms in matrices", 2001).
struct Equilibration {
  /// Column scale D.
  var columnScale: [Double]
  /// Row scale E.
  var rowScale: [Double]
  /// Cost scale γ.
  var costScale: Double

  /// Scales `form` in place with `passes` Ruiz passes.
  init(scaling form: inout StandardForm, passes: Int) {
    let n = form.columnCount, m = form.rowCount
    var D = [Double](repeating: 1, count: n)
    var E = [Double](repeating: 1, count: m)
    // Ā's values are scaled in place pass after pass (one copy in all, not one per pass: at 100,000
    // scenarios Ā holds 33 million entries); its pattern is read from `form.A`.
    let pattern = form.A
    var values = pattern.values
    var P = form.P
    var colNorm = [Double](repeating: 0, count: n), rowNorm = [Double](repeating: 0, count: m)
    var dj = [Double](repeating: 1, count: n), ei = [Double](repeating: 1, count: m)
    for _ in 0..<passes {
      for j in 0..<n { colNorm[j] = 0; dj[j] = 1 }
      for i in 0..<m { rowNorm[i] = 0; ei[i] = 1 }
      // The norms in one serial pass over Ā's entries (the row maxima gather from every column), through
      // raw buffers: at 100,000 generated scenarios the scaling's passes over 33 million entries took
      // 2.15 s with the arrays' bounds checks.
      pattern.columnStarts.withUnsafeBufferPointer { starts in
        pattern.rowIndices.withUnsafeBufferPointer { rows in
          values.withUnsafeBufferPointer { vals in
            colNorm.withUnsafeMutableBufferPointer { cn in
              rowNorm.withUnsafeMutableBufferPointer { rn in
                for j in 0..<n {
                  var norm = 0.0
                  for p in starts[j]..<starts[j + 1] {
                    let v = abs(vals[p])
                    norm = max(norm, v)
                    rn[rows[p]] = max(rn[rows[p]], v)
                  }
                  cn[j] = norm
                }
              }
            }
          }
        }
      }
      if let P {
        for j in 0..<n {
          for p in P.columnStarts[j]..<P.columnStarts[j + 1] {
            let v = abs(P.values[p])
            colNorm[j] = max(colNorm[j], v)
            colNorm[P.rowIndices[p]] = max(colNorm[P.rowIndices[p]], v)
          }
        }
      }
      var change = 0.0
      for j in 0..<n where colNorm[j] > 0 {
        dj[j] = 1 / colNorm[j].squareRoot()
        change = max(change, abs(1 - colNorm[j]))
      }
      for i in 0..<m where rowNorm[i] > 0 {
        ei[i] = 1 / rowNorm[i].squareRoot()
        change = max(change, abs(1 - rowNorm[i]))
      }
      // Each entry is scaled once, independently: the columns go in parallel chunks (the same values for
      // any number of threads).
      pattern.columnStarts.withUnsafeBufferPointer { starts in
        pattern.rowIndices.withUnsafeBufferPointer { rows in
          ei.withUnsafeBufferPointer { eb in
            dj.withUnsafeBufferPointer { db in
              values.withUnsafeMutableBufferPointer { vals in
                let startsView = SharedIndices(starts), rowsView = SharedIndices(rows)
                let e = SharedReads(eb), d = SharedReads(db), v = SharedWrites(vals)
                IterationKernels.chunked(n) { range in
                  for j in range {
                    for p in startsView[j]..<startsView[j + 1] { v[p] *= e[rowsView[p]] * d[j] }
                  }
                }
              }
            }
          }
        }
      }
      if let p = P { P = Equilibration.scaled(p, rows: dj, columns: dj) }
      for j in 0..<n { D[j] *= dj[j] }
      for i in 0..<m { E[i] *= ei[i] }
      if change < 1e-3 { break }
    }
    let A = pattern.replacingValues(values)
    // Cost scale.
    var cScaled = [Double](repeating: 0, count: n)
    var cMax = 0.0
    for j in 0..<n {
      cScaled[j] = form.c[j] * D[j]
      cMax = max(cMax, abs(cScaled[j]))
    }
    let gamma = 1 / max(1, cMax)
    for j in 0..<n { cScaled[j] *= gamma }
    if let p = P { P = Equilibration.scaled(p, rows: [Double](repeating: gamma, count: n), columns: [Double](repeating: 1, count: n)) }

    form.A = A
    form.P = P
    form.c = cScaled
    for i in 0..<m { form.b[i] *= E[i] }
    for j in 0..<n {
      form.lower[j] /= D[j]
      form.upper[j] /= D[j]
    }
    columnScale = D
    rowScale = E
    costScale = gamma
  }

  /// diag(rows) · M · diag(columns).
  static func scaled(_ M: SparseMatrix, rows r: [Double], columns s: [Double]) -> SparseMatrix {
    var values = M.values
    for j in 0..<M.columns {
      for p in M.columnStarts[j]..<M.columnStarts[j + 1] { values[p] *= r[M.rowIndices[p]] * s[j] }
    }
    return M.replacingValues(values)
  }
}
