/// Double lanes: eight doubles fill one 64-byte vector.
typealias F64x8 = SIMD8<Double>

extension SIMD8: FloatVector where Scalar == Double {
  @inline(__always)
  public static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self {
    f(a, b)
  }

  @inline(__always)
  public static func allLanes(_ mask: SIMDMask<SIMD8<Int64>>) -> Bool {
    let bits = unsafeBitCast(mask, to: SIMD8<Int64>.self)
    let b = bits.lowHalf & bits.highHalf
    let c = b.lowHalf & b.highHalf
    return c[0] & c[1] != 0
  }

  @inline(__always)
  public static func maximum(_ a: Self, _ b: Self) -> Self {
    var r = Self()
    for lane in 0..<8 { r[lane] = a[lane] > b[lane] ? a[lane] : b[lane] }
    return r
  }

  @inline(__always)
  public static func fma(_ a: Self, _ b: Self, _ c: Self) -> Self {
    var r = Self()
    for lane in 0..<8 { r[lane] = c[lane].addingProduct(a[lane], b[lane]) }
    return r
  }

  @inline(__always)
  public static func negativeMagnitude(_ x: Self) -> Self {
    Self(bitPattern: x.bits | SIMD8<UInt64>(repeating: 1 << 63))
  }

  @inline(__always)
  public static func withSign(_ magnitude: Self, of sign: Self) -> Self {
    Self(bitPattern: magnitude.bits | (sign.bits & SIMD8<UInt64>(repeating: 1 << 63)))
  }

  public static var roundingMagic: Double { 0x1.8p52 }

  @inline(__always)
  public static func powerOfTwo(_ shifted: Self) -> Self {
    Self(bitPattern: (integer(shifted) &+ SIMD8<Int64>(repeating: 1023)) &<< SIMD8<Int64>(repeating: 52))
  }

  @inline(__always)
  public static func scaleFactors(_ shifted: Self, extra: Int) -> (Self, Self) {
    var k = integer(shifted) &+ SIMD8<Int64>(repeating: Int64(extra))
    let lowest = SIMD8<Int64>(repeating: -2044)
    k.replace(with: lowest, where: k .< lowest)
    let half = k &>> SIMD8<Int64>(repeating: 1)
    let bias = SIMD8<Int64>(repeating: 1023)
    return (Self(bitPattern: (half &+ bias) &<< SIMD8<Int64>(repeating: 52)),
            Self(bitPattern: (k &- half &+ bias) &<< SIMD8<Int64>(repeating: 52)))
  }

  /// The integer n in lanes holding n + roundingMagic.
  @inline(__always)
  static func integer(_ shifted: Self) -> SIMD8<Int64> {
    unsafeBitCast(shifted, to: SIMD8<Int64>.self) &- SIMD8<Int64>(repeating: Int64(bitPattern: roundingMagic.bitPattern))
  }

  @inline(__always)
  var bits: SIMD8<UInt64> { unsafeBitCast(self, to: SIMD8<UInt64>.self) }

  @inline(__always)
  init(bitPattern: SIMD8<UInt64>) { self = unsafeBitCast(bitPattern, to: Self.self) }

  @inline(__always)
  init(bitPattern: SIMD8<Int64>) { self = unsafeBitCast(bitPattern, to: Self.self) }

  @inline(__always)
  public static func uniform(seed: UInt64, index: Int) -> Self {
    // The top 53 bits of each hash, exactly as `CounterHash.uniformDouble`.
    let top = CounterHash.hash(seed: seed, indices: index) &>> SIMD8<UInt64>(repeating: 11)
    var u = Self()
    for lane in 0..<8 { u[lane] = Double(top[lane]) * 0x1p-53 }
    return u
  }
}
