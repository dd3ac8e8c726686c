import DeriskSolvers
import DeriskTestSupport
import PropertyBased
import Testing

/// Exact multiples of a program's rows, which presolve merges into one row each (`ParallelRows`): the
/// merged program must have the optimum of the program whose rows carry the intersection of their
/// copies' bounds (written out here), and the duals given back to the copies must pass the check on the
/// user's problem — so each went to a row whose bound holds, divided by its multiple.
struct ParallelRowPropertyTests {
  @Test func exactMultiplesOfRowsKeepTheOptimumAndTheDuals() async {
    await propertyCheck(count: 40, input: Gen.uint64(), Gen.bool) { seed, quadratic in
      let base = try RandomPrograms.feasible(seed: seed, quadratic: quadratic)
      var rng = SplitMix64(seed: seed ^ 0xA11E1)
      var withCopies = base, intersected = base
      var triplets = base.constraintMatrix.triplets
      var rows = base.rowCount
      for i in 0..<base.rowCount where rng.uniform(0, 1) < 0.7 {
        let t = [-3.0, -1, -0.5, 0.5, 2][Int(rng.next() % 5)]
        // The copy's bounds on aᵢx: each side of row i moved by up to ±0.5, so it is sometimes the
        // tighter; an equality's copy is a range around it (the equality stays the intersection).
        let lo = base.rowLower[i], up = base.rowUpper[i]
        var copyLower = lo.isFinite ? lo + rng.uniform(-0.5, 0.5) : -Double.infinity
        var copyUpper = up.isFinite ? up + rng.uniform(-0.5, 0.5) : Double.infinity
        if lo == up { copyLower = lo - rng.uniform(0, 0.5); copyUpper = up + rng.uniform(0, 0.5) }
        let lower = max(lo, copyLower), upper = min(up, copyUpper)
        guard lower <= upper else { continue }
        for entry in base.constraintMatrix.triplets where entry.row == i {
          triplets.append((rows, entry.column, t * entry.value))
        }
        withCopies.rowLower.append(t > 0 ? t * copyLower : t * copyUpper)
        withCopies.rowUpper.append(t > 0 ? t * copyUpper : t * copyLower)
        intersected.rowLower[i] = lower
        intersected.rowUpper[i] = upper
        rows += 1
      }
      withCopies.constraintMatrix = try SparseMatrix(rows: rows, columns: base.columnCount, triplets: triplets)
      let merged = try solve(withCopies), reference = try solve(intersected)
      let label = "seed \(seed) quadratic \(quadratic), \(rows - base.rowCount) copies"
      StatusAuditTests.auditStatus(withCopies, merged, label)
      #expect(merged.termination == reference.termination, "\(label)")
      if merged.termination == .optimal && reference.termination == .optimal {
        #expect(abs(merged.objective - reference.objective) <= 1e-7 * (1 + abs(reference.objective)), "\(label)")
      }
    }
  }
}
