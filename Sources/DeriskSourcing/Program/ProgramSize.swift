import DeriskSolvers
import Foundation

/// A lower bound of the size of the two-stage program of a model with the given dimensions, computed
/// from the dimensions alone so that a model too large for the machine is refused before anything
/// is built (see `MemoryBudget`).
///
/// Per scenario s the program has at least one delivery per offer, one flow per leg and material
/// (legs that cannot carry a material are dropped later, so this counts legs × materials only when
/// every leg can), spot, stock draw and shortfall per material and the CVaR variable; the rows are
/// take per offer (the capacity is the delivery's bound), a balance per node and material, a capacity
/// row per leg and the CVaR row. Each flow enters two balance rows and its leg row, each delivery two
/// rows (with the contract in its take row). Bytes are
/// counted at 48 per nonzero (value, row index and the modeling layer's expression entry) and 64 per
/// row and column (bounds, names, solver vectors): far below what building and solving really
/// take, so a refusal is certain.
public struct ProgramSize: Sendable, Hashable {
  /// Lower bounds of the number of rows, columns and nonzeros.
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
