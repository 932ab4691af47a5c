import CShims

/// Float lanes: sixteen floats fill one 64-byte vector.
extension SIMD16: FloatVector where Scalar == Float {
  @inline(__always)
  public static func mapInDouble(_ x: Self, index: Int, _ f: (SIMD8<Double>, Int) -> SIMD8<Double>) -> Self {
    let low = f(actv_widen_f32x8(x.lowHalf), index)
    let high = f(actv_widen_f32x8(x.highHalf), index &+ 8)
    return Self(lowHalf: actv_narrow_f64x8(low), highHalf: actv_narrow_f64x8(high))
  }

  @inline(__always)
  public static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self {
    let low = f(actv_widen_f32x8(a.lowHalf), actv_widen_f32x8(b.lowHalf))
    let high = f(actv_widen_f32x8(a.highHalf), actv_widen_f32x8(b.highHalf))
    return Self(lowHalf: actv_narrow_f64x8(low), highHalf: actv_narrow_f64x8(high))
  }

  public static var doubleAccuracy: DoubleAccuracy { .relaxed }

  @inline(__always)
  public static func uniform(seed: UInt64, index: Int) -> Self {
    var u = Self()
    for lane in 0..<16 {
      u[lane] = CounterHash.uniformFloat(seed: seed, index: UInt64(truncatingIfNeeded: index &+ lane))
    }
    return u
  }
}
