/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// a tiny, fast, seeded generator, so random test data is the same on every machine and every run.
///
/// State update s ← s + 0x9E3779B97F4A7C15, output z = mix(s) with the constants of Stafford's Mix13.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose whole sequence is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [a, b).
  public mutating func uniform(_ a: Double = -1, _ b: Double = 1) -> Double {
    // 53 random bits → [0, 1).
    let unit = Double(next() >> 11) * 0x1.0p-53
    return a + (b - a) * unit
  }
}
