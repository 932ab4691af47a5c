/// Float lanes: sixteen floats fill one 64-byte vector.
public typealias F32x16 = SIMD16<Float>

extension SIMD16: FloatVector where Scalar == Float {
  @inline(__always)
  public static func mapInDouble(_ x: Self, index: Int, _ f: (SIMD8<Double>, Int) -> SIMD8<Double>) -> Self {
    let low = f(SIMD8<Double>(x.lowHalf), index)
    let high = f(SIMD8<Double>(x.highHalf), index &+ 8)
    return Self(lowHalf: SIMD8<Float>(low), highHalf: SIMD8<Float>(high))
  }

  @inline(__always)
  public static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self {
    let low = f(SIMD8<Double>(a.lowHalf), SIMD8<Double>(b.lowHalf))
    let high = f(SIMD8<Double>(a.highHalf), SIMD8<Double>(b.highHalf))
    return Self(lowHalf: SIMD8<Float>(low), highHalf: SIMD8<Float>(high))
  }

  @inline(__always)
  public static func uniform(seed: UInt64, index: Int) -> Self {
    var u = Self()
    for lane in 0..<16 {
      u[lane] = CounterHash.uniformFloat(seed: seed, index: UInt64(truncatingIfNeeded: index &+ lane))
    }
    return u
  }
}
