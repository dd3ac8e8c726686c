import DeriskScenarios
import Foundation
import Yams

extension SourcingModel {
  /// Reads and validates a model file (`.yaml`, `.yml` or `.json`).
  /// - Throws: ``SourcingError`` naming the file and the place in it (`model.yaml: legs[3].to: …`).
  public static func load(path: String) throws -> SourcingModel {
    let format: FileFormat
    do { format = try FileFormat(path: path) } catch let e as ScenarioError {
      throw SourcingError(path: path, message: e.message)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SourcingError(path: path, message: "cannot read file")
    }
    let model: SourcingModel
    do { model = try format.decode(SourcingModel.self, from: data) } catch let e as ScenarioError {
      throw SourcingError(path: e.path.isEmpty ? path : "\(path): \(e.path)", message: e.message)
    }
    do { try model.validate() } catch let e as SourcingError {
      throw SourcingError(path: "\(path): \(e.path)", message: e.message)
    }
    return model
  }

  /// Decodes and validates a model from text in the given format.
  /// - Throws: ``SourcingError`` naming the place.
  public static func decode(_ text: String, format: FileFormat) throws -> SourcingModel {
    let model: SourcingModel
    do { model = try format.decode(SourcingModel.self, from: Data(text.utf8)) } catch let e as ScenarioError {
      throw SourcingError(path: e.path, message: e.message)
    }
    try model.validate()
    return model
  }

  /// The model as text in the given format (keys sorted in JSON for stable output).
  public func encoded(as format: FileFormat) throws -> String {
    switch format {
    case .json:
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    case .yaml:
      return try ExactYAML.encode(self)
    }
  }

  /// Writes the model to `path`, in the format its extension names.
  /// - Throws: ``SourcingError`` for an unknown extension or a write failure.
  public func write(to path: String) throws {
    let format: FileFormat
    do { format = try FileFormat(path: path) } catch let e as ScenarioError {
      throw SourcingError(path: path, message: e.message)
    }
    do { try encoded(as: format).write(toFile: path, atomically: true, encoding: .utf8) } catch let e as SourcingError {
      throw e
    } catch {
      throw SourcingError(path: path, message: "cannot write: \(error.localizedDescription)")
    }
  }
}
