/// The logistic function and its derivative on eight double lanes, the core
/// of sigmoid and tanh.
///
///     sigma(x)  = 1 / (1 + e^-x)
///     sigma'(x) = e / (1 + e)^2,    e = exp(-|x|)    (an even function)
///
/// Everything is computed from e = exp(-|x|) in (0, 1], which never
/// overflows. e comes as a two-term sum, 1 + e is carried exactly as h + l
/// (Fast2Sum: h = fl(1 + eHi), valid because 1 >= eHi), (1 + e)^2 as a
/// two-term sum from Dekker's product, and each result is one two-term
/// quotient (`TwoTerm.quotient`): a single final rounding plus a few
/// hundredths of an ulp.
///
/// With `.relaxed` accuracy (results rounded to float later) the plain
/// quotients are used: a few double ulps, far below half a float ulp.
///
/// For x -> -inf, e underflows gradually: sigma(x) and sigma'(x) come out
/// subnormal, then +0. sigma(+inf) = 1, sigma(-inf) = +0,
/// sigma'(+-inf) = +0; NaN -> NaN.
enum Logistic {
  /// -|x|: the sign bit set.
  @inline(__always)
  static func negativeMagnitude(_ x: F64x8) -> F64x8 {
    let bits = unsafeBitCast(x, to: SIMD8<UInt64>.self) | SIMD8<UInt64>(repeating: 1 << 63)
    return unsafeBitCast(bits, to: F64x8.self)
  }

  /// e = exp(-|x|) = eHi + eLo and 1 + e = h + l.
  @inline(__always)
  static func terms(_ x: F64x8) -> (eHi: F64x8, eLo: F64x8, h: F64x8, l: F64x8) {
    let one = F64x8(repeating: 1)
    let (eHi, eLo) = F64x8.expTwoTerm(negativeMagnitude(x))
    let h = one + eHi
    let l = ((one - h) + eHi) + eLo
    return (eHi, eLo, h, l)
  }

  /// sigma(x): 1 / (1 + e) for x > 0, e / (1 + e) otherwise.
  @inline(__always)
  static func value(_ x: F64x8, _ accuracy: DoubleAccuracy) -> F64x8 {
    if accuracy == .relaxed {
      let e = F64x8.exp(negativeMagnitude(x))
      let numerator = e.replacing(with: F64x8(repeating: 1), where: x .> F64x8())
      return numerator / (F64x8(repeating: 1) + e)
    }
    let (eHi, eLo, h, l) = terms(x)
    let positive = x .> F64x8()
    let numeratorHi = eHi.replacing(with: F64x8(repeating: 1), where: positive)
    let numeratorLo = eLo.replacing(with: F64x8(), where: positive)
    return TwoTerm.quotient(numeratorHi, numeratorLo, h, l)
  }

  /// sigma'(x) = e / (1 + e)^2, times 2^`scaleExponent`, applied to e
  /// before any rounding (so tanh' = 4 sigma'(2x) keeps every bit where e
  /// itself would be subnormal).
  @inline(__always)
  static func derivative(_ x: F64x8, _ accuracy: DoubleAccuracy, scaleExponent: Int64 = 0) -> F64x8 {
    if accuracy == .relaxed {
      let e = F64x8.exp(negativeMagnitude(x))
      let h = F64x8(repeating: 1) + e
      return F64x8.expTwoTerm(negativeMagnitude(x), timesPowerOfTwo: scaleExponent).hi / (h * h)
    }
    let (_, _, h, l) = terms(x)
    let (squareHi, squareLo) = TwoTerm.product(h, h)
    let denominatorHi = squareHi + (squareLo + (h + h) * l)
    let denominatorLo = (squareHi - denominatorHi) + (squareLo + (h + h) * l)
    let (numeratorHi, numeratorLo) = F64x8.expTwoTerm(negativeMagnitude(x), timesPowerOfTwo: scaleExponent)
    return TwoTerm.quotient(numeratorHi, numeratorLo, denominatorHi, denominatorLo)
  }
}
