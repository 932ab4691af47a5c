/// The counter-based generator behind rrelu's slopes: a pure function of
/// (seed, element index), so a slope never depends on threads, chunking or
/// the order of calls, and the derivative and backward recompute exactly the
/// forward's slopes. The recipe is published in include/activations.h:
///
///     mix(z) = SplitMix64 step: z += 0x9E3779B97F4A7C15, then two
///              xor-shift-multiply rounds and a final xor-shift
///     h_i    = mix(seed ^ mix(i))
///     u_i    = (h_i >> 40) * 2^-24   (float),   (h_i >> 11) * 2^-53   (double)
///
/// All 64 bits of the seed and of the index enter the hash.
enum CounterHash {
  /// One SplitMix64 step (Steele, Lea, Flood 2014), all arithmetic mod 2^64.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  @inline(__always)
  static func hash(seed: UInt64, index: UInt64) -> UInt64 {
    mix(seed ^ mix(index))
  }

  /// The top 24 bits as a float in [0, 1): exactly representable.
  @inline(__always)
  static func uniformFloat(seed: UInt64, index: UInt64) -> Float {
    Float(hash(seed: seed, index: index) >> 40) * 0x1p-24
  }

  /// The top 53 bits as a double in [0, 1): exactly representable.
  @inline(__always)
  static func uniformDouble(seed: UInt64, index: UInt64) -> Double {
    Double(hash(seed: seed, index: index) >> 11) * 0x1p-53
  }

  /// `mix` on eight lanes at once (the same bits as eight scalar calls).
  @inline(__always)
  static func mix(_ value: SIMD8<UInt64>) -> SIMD8<UInt64> {
    var z = value &+ SIMD8(repeating: 0x9E37_79B9_7F4A_7C15)
    z = (z ^ (z &>> SIMD8(repeating: 30))) &* SIMD8(repeating: 0xBF58_476D_1CE4_E5B9)
    z = (z ^ (z &>> SIMD8(repeating: 27))) &* SIMD8(repeating: 0x94D0_49BB_1331_11EB)
    return z ^ (z &>> SIMD8(repeating: 31))
  }

  /// `hash` for the eight indices index, index + 1, ..., index + 7.
  @inline(__always)
  static func hash(seed: UInt64, indices index: Int) -> SIMD8<UInt64> {
    let indices = SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7) &+ SIMD8(repeating: UInt64(truncatingIfNeeded: index))
    return mix(SIMD8(repeating: seed) ^ mix(indices))
  }
}
