/// The float32 exponential core (see `ExpCore`).
///
/// expm1(r) ~ r + r^2 P(r), P of degree 5 (expm1 of degree 7), fitted by
/// tools/fit-poly/fit_expm1.py (Remez, relative error of expm1) on
/// |r| <= ln(2)/2 * (1 + 2^-14): minimax relative error 2^-31.6, 2^-28.3
/// with the coefficients rounded to float, under 0.05 ulp.
///
/// ln 2 = ln2Hi + ln2Lo: ln2Hi has 15 significant bits, so n ln2Hi is
/// exact for the |n| <= 153 that occur (and x - n ln2Hi by Sterbenz's
/// lemma); ln2Lo is the float nearest to the rest (error 2^-44).
extension SIMD16 where Scalar == Float {
  public static var log2e: Float { 0x1.715476p0 }
  public static var ln2Hi: Float { 0x1.62e400p-1 }
  public static var ln2Lo: Float { 0x1.7f7d1cp-20 }
  /// 4 e^-106 < 2^-150: rounds to +0.
  public static var expUnderflow: Float { -106 }
  /// 2^100 e^-174 < 2^-150; n >= -251.
  public static var productUnderflow: Float { -174 }

  @inline(__always)
  public static func expm1Polynomial(_ r: Self) -> Self {
    var p = Self(repeating: 0x1.a08ff2p-13)
    p = fma(p, r, Self(repeating: 0x1.6d820ap-10))
    p = fma(p, r, Self(repeating: 0x1.111152p-7))
    p = fma(p, r, Self(repeating: 0x1.5554a2p-5))
    p = fma(p, r, Self(repeating: 0x1.555556p-3))
    return fma(p, r, Self(repeating: 0x1p-1))
  }
}
