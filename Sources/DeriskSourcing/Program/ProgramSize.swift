import DeriskSolvers
import Foundation

/// The size of the two-stage program of a model with the given dimensions, computed from the
/// dimensions alone so that a model too large for the machine is refused before anything is built
/// (see `MemoryBudget`).
///
/// The counts are those of the program's full form: per scenario s one delivery per offer, one flow per
/// leg and material, spot, stock draw and shortfall per material and the CVaR variable; the rows are
/// take per offer (the capacity is the delivery's bound), a balance per node and material, a capacity
/// row per leg and the CVaR row. Each flow enters two balance rows and its leg row, each delivery two
/// rows (with the contract in its take row). The program built is smaller — legs that cannot carry a
/// material have no flow, and series nodes no balance row (`SeriesNodes`): on the generated benchmark
/// 46 columns and 63 rows per scenario against 111 and 121 counted — so the counts are upper bounds,
/// and serve to reserve storage. Bytes are counted at 48 per nonzero and 64 per row and column, far
/// below what building and solving really take (at 100,000 scenarios about 3 GB counted against 8 GB or
/// more at the peak), so a refusal is still certain.
public struct ProgramSize: Sendable, Hashable {
  /// The number of rows, columns and nonzeros of the full form (upper bounds of the program's).
  public var rows: Double, columns: Double, nonzeros: Double

  /// - Parameters: the model's counts (scenarios S, materials M, offers O, nodes N, legs L).
  public init(scenarios S: Double, materials M: Double, offers O: Double, nodes N: Double, legs L: Double) {
    let flowsPerScenario = L * max(M, 1)
    columns = O + S * (O + flowsPerScenario + 3 * M + 1)
    rows = S * (O + N * M + L + 1)
    nonzeros = S * (3 * flowsPerScenario + 3 * O + 3 * M + 1)
  }

  /// The size of `model`'s program.
  public init(_ model: SourcingModel) {
    self.init(scenarios: Double(model.scenarios.count), materials: Double(model.materials.count),
              offers: Double(model.suppliers.reduce(0) { $0 + $1.offers.count }),
              nodes: Double(model.nodes.count), legs: Double(model.legs.count))
  }

  /// Bytes at least needed to build the program (see the type's comment).
  public var bytes: Double { 48 * nonzeros + 64 * (rows + columns) }

  /// Throws when `bytes` exceeds the memory budget, naming the sizes.
  /// - Parameter what: how the message names the model (`"the model"`, a path).
  /// - Throws: ``SourcingError`` at path `what`.
  public func checkFitsInMemory(_ what: String) throws {
    if let refusal = MemoryBudget.refusal(needing: bytes) {
      throw SourcingError(path: what, message: String(format: "a program of about %.3g rows, %.3g columns and %.3g nonzeros ", rows, columns, nonzeros)
                            + refusal)
    }
  }
}
