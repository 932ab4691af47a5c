/// Double lanes: eight doubles fill one 64-byte vector.
typealias F64x8 = SIMD8<Double>

extension SIMD8: FloatVector where Scalar == Double {
  @inline(__always)
  public static func mapInDouble(_ x: Self, index: Int, _ f: (SIMD8<Double>, Int) -> SIMD8<Double>) -> Self {
    f(x, index)
  }

  @inline(__always)
  public static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self {
    f(a, b)
  }

  public static var doubleAccuracy: DoubleAccuracy { .full }

  @inline(__always)
  public static func uniform(seed: UInt64, index: Int) -> Self {
    var u = Self()
    for lane in 0..<8 {
      u[lane] = CounterHash.uniformDouble(seed: seed, index: UInt64(truncatingIfNeeded: index &+ lane))
    }
    return u
  }
}
