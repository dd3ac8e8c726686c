import DeriskScenarios
import DeriskSolvers
import DeriskSourcing
import DeriskTestSupport
import Foundation
import Testing

/// The bad-input catalogue (`BadInputCatalogue`) through the library calls behind the commands:
/// `MPSReader.read` then `solve`, `SourcingModel.load` then `program()`, `ScenarioSetFile.load`,
/// `ViewsFile.load` and `ReweightReport`, `ScenariosReport`. Each must throw (never crash) an error
/// whose description holds the same place as the CLI message (the CLI adds the file path to the
/// scenario files' paths, so that prefix is dropped here). Cases that live only on the command line
/// (flag values, `generate` sizes, the memory limit set in the environment) are skipped.
struct LibraryBadInputTests {
  static var libraryCases: [BadInputCase] {
    BadInputCatalogue.cases.filter { c in
      c.kind != .arguments && c.environment.isEmpty && !c.arguments.contains { $0.hasPrefix("--max-iterations") || $0 == "--samples" || $0 == "--corridor" }
        && c.arguments.contains("{in}")
    }
  }

  @Test(arguments: libraryCases)
  func libraryThrowsNamingThePlace(_ badInput: BadInputCase) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("derisk-lib-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(badInput.fileName).path
    try Data(badInput.bytes).write(to: URL(fileURLWithPath: path))
    var fragment = badInput.fragment.replacingOccurrences(of: "{in}", with: path)
    var message: String?
    do {
      switch badInput.kind {
      case .mps:
        _ = try solve(MPSReader.read(contentsOf: URL(fileURLWithPath: path)).problem)
      case .model:
        _ = try SourcingModel.load(path: path).program()
      case .scenarioSet:
        fragment = fragment.replacingOccurrences(of: "\(path): ", with: "")
        _ = try ReweightReport(scenariosPath: path, viewsPath: BadInputCatalogue.viewsPath)
      case .views:
        fragment = fragment.replacingOccurrences(of: "\(path): ", with: "")
        _ = try ReweightReport(scenariosPath: BadInputCatalogue.galliumPath, viewsPath: path)
      case .events:
        fragment = fragment.replacingOccurrences(of: "\(path): ", with: "")
        _ = try ScenariosReport(eventsPath: path)
      case .arguments:
        return
      }
    } catch {
      message = "\(error)"
    }
    let thrown = try #require(message, "\(badInput.name): no error thrown")
    #expect(thrown.contains(fragment), "\(badInput.name): expected “\(fragment)” in: \(thrown)")
  }
}
