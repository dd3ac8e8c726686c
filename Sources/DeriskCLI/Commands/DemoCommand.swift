import ArgumentParser
import Derisk
import Foundation

/// `derisk demo`: the linear-algebra layer on small examples, with residuals, as a quick check that the
/// BLAS/LAPACK installation computes correctly (`make run` solves the flagship instead).
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Show the linear-algebra layer on small examples: an SPD solve, an LDLᵀ with inertia, eigenvalues."
  )

  func run() throws {
    print("Derisk \(DeriskVersion.string) — linear-algebra demo (BLAS: \(BLASEnvironment.current().libraryDescription))")

    // 1. A symmetric positive definite system, solved by Cholesky A = L Lᵀ.
    let a = try Matrix([[4, 2, 0], [2, 5, 3], [0, 3, 6]])
    let b = [2.0, 1, 3]
    let cholesky = try CholeskyFactorization(a)
    let x = try cholesky.solve(b)
    print("\n1. Cholesky solve of the SPD system A x = b")
    printMatrix("A", a)
    print("   b = \(format(b))")
    print("   x = \(format(x))")
    print("   relative residual ‖Ax − b‖∞/(‖A‖∞‖x‖∞) = \(sci(try a.relativeResidual(x, b)))")
    print("   log det A = \(String(format: "%.6f", cholesky.logDeterminant)), rcond₁ ≈ \(sci(try cholesky.reciprocalCondition()))")

    // 2. A saddle-point (KKT) matrix [[H, Aᵀ], [A, 0]]: symmetric indefinite, factored as L D Lᵀ.
    let k = try Matrix([
      [2, 0, 1],
      [0, 2, 1],
      [1, 1, 0],
    ])
    let rhs = [1.0, 1, 1]
    let ldl = try LDLTFactorization(k)
    let y = try ldl.solve(rhs).map { $0 + 0 }  // + 0 turns −0 into +0 for printing
    let inertia = ldl.inertia
    print("\n2. LDLᵀ (Bunch–Kaufman) of the KKT matrix of  min x₁² + x₂² − x₁ − x₂  s.t. x₁ + x₂ = 1")
    printMatrix("K", k)
    print("   solution (x₁, x₂, λ) = \(format(y))   [by hand: (0.5, 0.5, 0)]")
    print("   inertia (+, −, 0) = (\(inertia.positive), \(inertia.negative), \(inertia.zero))   [expected (2, 1, 0)]")
    print("   relative residual = \(sci(try k.relativeResidual(y, rhs)))")

    // 3. Eigenvalues of the second-difference matrix tridiag(−1, 2, −1), known in closed form.
    let n = 6
    var t = Matrix(rows: n, columns: n)
    for i in 0..<n {
      t[i, i] = 2
      if i + 1 < n { t[i + 1, i] = -1; t[i, i + 1] = -1 }
    }
    let eigen = try SymmetricEigendecomposition(t)
    let exact = (1...n).map { 2 - 2 * cos(Double($0) * Double.pi / Double(n + 1)) }
    let worst = zip(eigen.eigenvalues, exact).map { abs($0 - $1) }.max() ?? 0
    print("\n3. Eigenvalues of tridiag(−1, 2, −1), n = \(n)")
    print("   computed   = \(format(eigen.eigenvalues))")
    print("   2−2cos(kπ/7) = \(format(exact))")
    print("   max |λ − λ_exact| = \(sci(worst))")
    if let v = eigen.eigenvectors {
      let av = try t * v
      var worstColumn = 0.0
      for j in 0..<n { for i in 0..<n { worstColumn = max(worstColumn, abs(av[i, j] - eigen.eigenvalues[j] * v[i, j])) } }
      print("   max |A V − V Λ| = \(sci(worstColumn))")
    }
  }

  private func printMatrix(_ name: String, _ m: Matrix) {
    for i in 0..<m.rows {
      let label = i == 0 ? "\(name) =" : String(repeating: " ", count: name.count + 2)
      print("   \(label) \(format(m.row(i)))")
    }
  }

  private func format(_ v: [Double]) -> String { "[" + v.map { String(format: "%8.5f", $0) }.joined(separator: " ") + "]" }
  private func sci(_ value: Double) -> String { String(format: "%.2e", value) }
}
