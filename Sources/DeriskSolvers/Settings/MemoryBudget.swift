import Foundation

/// How much memory a run may plan to use, so that inputs whose declared or implied sizes cannot fit
/// are refused with a message before anything is allocated (instead of being killed by the kernel).
///
/// The budget is the machine's physical memory, `MemTotal` in `/proc/meminfo`, unless the environment
/// variable `DERISK_MEMORY_LIMIT_BYTES` holds a positive number (for containers whose cgroup limit is
/// below the machine's memory, and for tests). Where neither is available the budget is unlimited.
/// Estimates compared against it are lower bounds of what the run would need, so a refusal is certain
/// to be right, while an accepted run may still be large.
public enum MemoryBudget {
  /// The budget in bytes, or nil when unknown (no `/proc/meminfo`, no override).
  public static var bytes: Double? {
    if let text = ProcessInfo.processInfo.environment["DERISK_MEMORY_LIMIT_BYTES"], let value = Double(text),
       value.isFinite, value > 0 {
      return value
    }
    return physicalMemoryBytes()
  }

  /// `MemTotal` from `/proc/meminfo` in bytes, or nil when the file is missing or unreadable.
  public static func physicalMemoryBytes() -> Double? {
    guard let data = FileManager.default.contents(atPath: "/proc/meminfo") else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("MemTotal:") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 2, let kib = Double(fields[1]) else { return nil }
      return kib * 1024
    }
    return nil
  }

  /// nil when `bytes` fits the budget; otherwise a sentence naming the estimate and the budget, for
  /// the caller's error (`"needs at least 4.0 TB, more than the 23.4 GB of physical memory"`).
  /// - Parameter bytes: a lower bound of the memory the run would need.
  public static func refusal(needing bytes: Double) -> String? {
    guard let budget = Self.bytes else { return nil }
    guard !(bytes <= budget) else { return nil }   // also refuses NaN and +∞ estimates
    let source = ProcessInfo.processInfo.environment["DERISK_MEMORY_LIMIT_BYTES"] == nil
      ? "physical memory (/proc/meminfo)" : "memory limit (DERISK_MEMORY_LIMIT_BYTES)"
    return "needs at least \(format(bytes)), more than the \(format(budget)) of \(source)"
  }

  /// `1.5 GB`-style size (powers of 1000).
  public static func format(_ bytes: Double) -> String {
    guard bytes.isFinite else { return "an unbounded amount" }
    let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
    var value = bytes, k = 0
    while value >= 1000, k < units.count - 1 { value /= 1000; k += 1 }
    return k == 0 ? "\(Int(value)) B" : String(format: "%.1f %@", value, units[k])
  }
}
