// libFuzzer harness for the MPS / QPS reader: any bytes either parse into a problem whose
// dimensions agree with each other, or throw an `MPSError` naming a line. A crash, a hang, an
// AddressSanitizer report or a broken invariant is a finding. Build and run: `make fuzz SECONDS=N`.
import DeriskSolvers

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMPSReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for format in [MPSFormat.automatic, .fixed] {
    do {
      let file = try MPSReader.parse(bytes: bytes, fileName: "fuzz.mps", format: format)
      let p = file.problem
      // Invariants of a parsed problem: dimensions agree, bounds are ordered, numbers are not NaN.
      do { try p.validate() } catch { fatalError("the MPS reader returned an invalid problem: \(error)") }
      // The writer must accept whatever the reader accepted.
      _ = MPSWriter.write(p)
    } catch let error as MPSError {
      if error.line < 0 { fatalError("negative line number in \(error)") }
    } catch {
      fatalError("MPS reader threw a non-MPSError: \(error)")
    }
  }
  return 0
}
