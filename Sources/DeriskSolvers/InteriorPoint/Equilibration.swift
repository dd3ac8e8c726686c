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
    // Each sweep over Ā's entries scales them by the pass before's factors and takes the maxima this pass
    // needs (`RuizSweep`): one sweep per pass where a norm pass and a scaling pass were two.
    var sweep = RuizSweep(pattern, rowCount: m, ranges: passes > 0 ? nil : 1)
    if passes > 0 {
      sweep.scaleAndMeasure(&values, scales: nil, columnNorm: &colNorm, rowNorm: &rowNorm)
    }
    for pass in 0..<passes {
      if let P {
        for j in 0..<n {
          for p in P.columnStarts[j]..<P.columnStarts[j + 1] {
            let v = abs(P.values[p])
            colNorm[j] = max(colNorm[j], v)
            colNorm[P.rowIndices[p]] = max(colNorm[P.rowIndices[p]], v)
          }
        }
      }
      // This pass's factors dⱼ = 1/√‖·‖ (1 for an empty column or row), their products D and E, and the
      // largest |1 − ‖·‖| (an exact maximum: the same for any chunking).
      let change = max(Equilibration.passFactors(colNorm, into: &dj, accumulating: &D),
                       Equilibration.passFactors(rowNorm, into: &ei, accumulating: &E))
      // Each entry is scaled once, independently, by Eᵢ·Dⱼ; the next pass's maxima come from the same sweep
      // (not wanted after the last pass, or when this one ends the passes).
      let last = pass == passes - 1 || change < 1e-3
      if last {
        sweep.scale(&values, rowScale: ei, columnScale: dj)
      } else {
        sweep.scaleAndMeasure(&values, scales: (ei, dj), columnNorm: &colNorm, rowNorm: &rowNorm)
      }
      if let p = P { P = Equilibration.scaled(p, rows: dj, columns: dj) }
      if last { break }
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

  /// factor[k] = 1/√norm[k] where norm[k] > 0 and 1 elsewhere, product[k] ·= factor[k], in parallel chunks;
  /// returns the largest |1 − norm[k]| over the nonzero norms (0 when there are none).
  static func passFactors(_ norm: [Double], into factor: inout [Double], accumulating product: inout [Double]) -> Double {
    precondition(factor.count == norm.count && product.count == norm.count, "passFactors: lengths differ")
    let count = norm.count
    return IterationKernels.withReads([norm]) { reads in
      IterationKernels.withWrites(&factor, &product) { factor, product in
        let norm = reads[0]
        return IterationKernels.chunkedExtreme(count, initial: 0, largest: true) { range in
          var change = 0.0
          for k in range {
            if norm[k] > 0 {
              factor[k] = 1 / norm[k].squareRoot()
              change = max(change, abs(1 - norm[k]))
            } else {
              factor[k] = 1
            }
            product[k] *= factor[k]
          }
          return change
        }
      }
    }
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
