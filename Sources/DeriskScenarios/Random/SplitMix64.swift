/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
/// the reference C code of Vigna, <https://prng.di.unimi.it/splitmix64.c>), so a seed gives the same
/// stream on every platform and every Swift version.
///
///     state ← state + 0x9E3779B97F4A7C15                 (mod 2⁶⁴)
///     z ← state
///     z ← (z ⊕ (z ≫ 30)) · 0xBF58476D1CE4E5B9             (mod 2⁶⁴)
///     z ← (z ⊕ (z ≫ 27)) · 0x94D049BB133111EB             (mod 2⁶⁴)
///     return z ⊕ (z ≫ 31)
///
/// Uniform doubles: u = (z ≫ 11) · 2⁻⁵³ ∈ [0, 1), the 53 high bits exactly representable.
/// The seed 0 gives 0xE220A8397B1DCDAF as its first output (the reference code's value).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The 64-bit state; the seed is the initial state.
  public private(set) var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1): (next() ≫ 11) · 2⁻⁵³.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}
