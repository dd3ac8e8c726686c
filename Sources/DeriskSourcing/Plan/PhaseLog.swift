import Foundation

/// The wall time of each phase of a long computation, written to standard error as `name: 1.23 s` when
/// enabled (`--verbose`); each mark measures from the previous one (or from the log's creation).
public final class PhaseLog {
  private let enabled: Bool
  private var last = DispatchTime.now()

  public init(enabled: Bool) { self.enabled = enabled }

  /// Writes the time since the previous mark under `phase`, and starts the next phase.
  public func mark(_ phase: String) {
    guard enabled else { return }
    let now = DispatchTime.now()
    let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
    FileHandle.standardError.write(Data((String(format: "%@: %.2f s", phase, seconds) + "\n").utf8))
    last = now
  }
}
