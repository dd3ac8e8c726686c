// libFuzzer harness for the sourcing model decoder and validator: any bytes, read as YAML and as
// JSON, either give a valid model or throw a `SourcingError` with a message. Every input goes through
// both decoders and, when it decodes, the validator (`SourcingModel.decode` does both). A valid model
// must also lower to its linear program without crashing (the program is built and written as MPS,
// not solved); this is done for every valid model, not a sample: profiling (perf, 2026-11-29) put the
// lowering at about 4 % of the time spent in this function, against about 83 % in the YAML parser and
// Codable decoding, so a gate would save nothing worth the lost checking. Build and run: `make fuzz SECONDS=N`; see
// Fuzz/README.md for the long-run command and figures.
import DeriskScenarios
import DeriskSourcing
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSourcingModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  for format in [FileFormat.yaml, .json] {
    do {
      let model = try SourcingModel.decode(text, format: format)
      _ = try model.mps()
    } catch let error as SourcingError {
      if error.message.isEmpty { fatalError("empty message at \(error.path)") }
    } catch {
      fatalError("model decoder threw a non-SourcingError: \(error)")
    }
  }
  return 0
}
