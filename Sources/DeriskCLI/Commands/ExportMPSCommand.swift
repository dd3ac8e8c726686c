import ArgumentParser
import Derisk
import Foundation

/// `derisk export-mps MODEL --output FILE.mps`: the exact program `derisk solve` solves.
struct ExportMPS: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export-mps",
    abstract: "Write the two-stage program of a sourcing model as free MPS, to check it in another solver.",
    discussion: "Exit status 2 when the model is unusable or the file cannot be written.")

  @Argument(help: "The sourcing model file (.yaml, .yml or .json).")
  var model: String

  @Option(name: .shortAndLong, help: "The MPS file to write.")
  var output: String

  @Option(name: .customLong("risk-aversion"), help: "λ (overrides the model's policy, as in `derisk solve`).")
  var riskAversion: Double?

  @Option(name: .customLong("cvar-confidence"), help: "α of CVaR (overrides the model's policy, as in `derisk solve`).")
  var cvarConfidence: Double?

  func run() throws {
    do {
      var sourcing = try SourcingModel.load(path: model)
      if let riskAversion { sourcing.policy.riskAversion = riskAversion }
      if let cvarConfidence { sourcing.policy.cvarConfidence = cvarConfidence }
      let text = try sourcing.mps()
      try text.write(toFile: output, atomically: true, encoding: .utf8)
    } catch let error as SourcingError {
      throw CommandFailure.unusableInput("\(error)")
    } catch {
      throw CommandFailure.unusableInput("\(output): \(error.localizedDescription)")
    }
  }
}
