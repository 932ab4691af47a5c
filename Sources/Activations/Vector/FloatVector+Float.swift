import CShims

extension SIMD16<UInt32> {
  @inline(__always)
  var signed: SIMD16<Int32> { unsafeBitCast(self, to: SIMD16<Int32>.self) }
}

/// Float lanes: sixteen floats fill one 64-byte vector.
extension SIMD16: FloatVector where Scalar == Float {
  @inline(__always)
  public static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self {
    let low = f(actv_widen_f32x8(a.lowHalf), actv_widen_f32x8(b.lowHalf))
    let high = f(actv_widen_f32x8(a.highHalf), actv_widen_f32x8(b.highHalf))
    return Self(lowHalf: actv_narrow_f64x8(low), highHalf: actv_narrow_f64x8(high))
  }

  @inline(__always)
  public static func allLanes(_ mask: SIMDMask<SIMD16<Int32>>) -> Bool {
    let bits = unsafeBitCast(mask, to: SIMD16<Int32>.self)
    let a = bits.lowHalf & bits.highHalf
    let b = a.lowHalf & a.highHalf
    let c = b.lowHalf & b.highHalf
    return c[0] & c[1] != 0
  }

  @inline(__always)
  public static func maximum(_ a: Self, _ b: Self) -> Self {
    var r = Self()
    for lane in 0..<16 { r[lane] = a[lane] > b[lane] ? a[lane] : b[lane] }
    return r
  }

  @inline(__always)
  public static func fma(_ a: Self, _ b: Self, _ c: Self) -> Self {
    var r = Self()
    for lane in 0..<16 { r[lane] = c[lane].addingProduct(a[lane], b[lane]) }
    return r
  }

  @inline(__always)
  public static func negativeMagnitude(_ x: Self) -> Self {
    Self(bitPattern: x.bits | SIMD16<UInt32>(repeating: 0x8000_0000))
  }

  @inline(__always)
  public static func withSign(_ magnitude: Self, of sign: Self) -> Self {
    Self(bitPattern: magnitude.bits | (sign.bits & SIMD16<UInt32>(repeating: 0x8000_0000)))
  }

  public static var roundingMagic: Float { 0x1.8p23 }

  @inline(__always)
  public static func powerOfTwo(_ shifted: Self) -> Self {
    Self(bitPattern: (integer(shifted) &+ SIMD16<Int32>(repeating: 127)) &<< SIMD16<Int32>(repeating: 23))
  }

  @inline(__always)
  public static func scaleFactors(_ shifted: Self, extra: Int) -> (Self, Self) {
    var k = integer(shifted) &+ SIMD16<Int32>(repeating: Int32(extra))
    let lowest = SIMD16<Int32>(repeating: -252)
    k.replace(with: lowest, where: k .< lowest)
    let half = k &>> SIMD16<Int32>(repeating: 1)
    let bias = SIMD16<Int32>(repeating: 127)
    return (Self(bitPattern: (half &+ bias) &<< SIMD16<Int32>(repeating: 23)),
            Self(bitPattern: (k &- half &+ bias) &<< SIMD16<Int32>(repeating: 23)))
  }

  /// The integer n in lanes holding n + roundingMagic.
  @inline(__always)
  static func integer(_ shifted: Self) -> SIMD16<Int32> {
    shifted.bits.signed &- SIMD16<Int32>(repeating: Int32(bitPattern: roundingMagic.bitPattern))
  }

  @inline(__always)
  var bits: SIMD16<UInt32> { unsafeBitCast(self, to: SIMD16<UInt32>.self) }

  @inline(__always)
  init(bitPattern: SIMD16<UInt32>) { self = unsafeBitCast(bitPattern, to: Self.self) }

  @inline(__always)
  init(bitPattern: SIMD16<Int32>) { self = unsafeBitCast(bitPattern, to: Self.self) }

  @inline(__always)
  public static func uniform(seed: UInt64, index: Int) -> Self {
    // The top 24 bits of each hash, exactly as `CounterHash.uniformFloat`.
    let low = CounterHash.hash(seed: seed, indices: index) &>> SIMD8<UInt64>(repeating: 40)
    let high = CounterHash.hash(seed: seed, indices: index &+ 8) &>> SIMD8<UInt64>(repeating: 40)
    let scale = SIMD8<Float>(repeating: 0x1p-24)
    return Self(
      lowHalf: SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: low)) * scale,
      highHalf: SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: high)) * scale)
  }
}
