import Foundation
import Testing

@Suite("derisk demo")
struct DemoCommandTests {
  @Test("demo solves its three examples with residuals at rounding level and the expected inertia")
  func demo() throws {
    let output = try DeriskExecutable.run(["demo"])
    #expect(output.status == 0, "stderr: \(output.standardError)")
    let text = output.standardOutput
    // Hand derivations in DemoCommand.swift: x = (0.8, −0.6, 0.8) solves the SPD system
    // (4·0.8 + 2·(−0.6) = 2, 2·0.8 − 5·0.6 + 3·0.8 = 1, 3·(−0.6) + 6·0.8 = 3); the KKT matrix has
    // inertia (2, 1, 0) because H = 2I is positive definite and the one constraint row is nonzero.
    #expect(text.contains("x = [ 0.80000 -0.60000  0.80000]"))
    #expect(text.contains("inertia (+, −, 0) = (2, 1, 0)"))
    #expect(text.contains("solution (x₁, x₂, λ) = [ 0.50000  0.50000  0.00000]"))
    // Every printed residual or error (the numbers after "= " in lines that mention them) is below 1e-14.
    let values = text.split(separator: "\n")
      .filter { $0.contains("residual") || $0.contains("max |") }
      .compactMap { $0.split(separator: "=").last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } }
    #expect(values.count == 4, "found \(values)")
    #expect(values.allSatisfy { $0 < 1e-14 }, "\(values)")
  }
}
