import ArgumentParser
import Derisk
import Foundation

/// `derisk generate --materials M --suppliers I --corridors K --scenarios S --seed N --output FILE`.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate a random but realistic sourcing model, the same for a seed on every platform.",
    discussion: """
      The generating distribution is documented on `InstanceGenerator` (README, "Sourcing models"). The
      format follows the output's extension (.yaml, .yml or .json). Exit status 2 for unusable arguments.
      """)

  @Option(help: "Number of materials M ≥ 1.") var materials: Int = 2
  @Option(help: "Number of suppliers I ≥ M.") var suppliers: Int = 6
  @Option(help: "Number of corridors K ≥ 1.") var corridors: Int = 3
  @Option(help: "Number of scenarios S ≥ 1.") var scenarios: Int = 5
  @Option(help: "Seed of the random stream.") var seed: UInt64 = 1
  @Option(name: .shortAndLong, help: "The model file to write (.yaml, .yml or .json).") var output: String

  func run() throws {
    do {
      let model = try InstanceGenerator.generate(materials: materials, suppliers: suppliers, corridors: corridors,
                                                 scenarios: scenarios, seed: seed)
      try model.write(to: output)
    } catch let error as SourcingError {
      throw CommandFailure.unusableInput("\(error)")
    } catch {
      throw CommandFailure.unusableInput("\(output): \(error)")
    }
  }
}
