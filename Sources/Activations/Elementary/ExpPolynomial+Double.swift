/// The float64 exponential core (see `ExpCore`).
///
/// expm1(r) ~ r + r^2 P(r), P of degree 10 (expm1 of degree 12), fitted by
/// tools/fit-poly/fit_expm1.py (Remez, relative error of expm1) on
/// |r| <= ln(2)/2 * (1 + 2^-14): minimax relative error 2^-58.1 (2^-58.6
/// measured with the coefficients rounded to double), about 0.03 ulp.
///
/// ln 2 = ln2Hi + ln2Lo: ln2Hi has 32 significant bits, so n ln2Hi is
/// exact for the |n| <= 1080 that occur (and x - n ln2Hi by Sterbenz's
/// lemma); ln2Lo is the double nearest to the rest (error 2^-86).
extension SIMD8 where Scalar == Double {
  public static var log2e: Double { 0x1.71547652b82fep0 }
  public static var ln2Hi: Double { 0x1.62e42fee00000p-1 }
  public static var ln2Lo: Double { 0x1.a39ef35793c76p-33 }
  /// 4 e^-748 < 2^-1075: rounds to +0.
  public static var expUnderflow: Double { -748 }
  /// 2^100 e^-1416 < 2^-1075; n >= -2043.
  public static var productUnderflow: Double { -1416 }

  @inline(__always)
  public static func expm1Polynomial(_ r: Self) -> Self {
    var p = Self(repeating: 0x1.1eea5c6d0ea45p-29)
    p = fma(p, r, Self(repeating: 0x1.af2e67476ce5bp-26))
    p = fma(p, r, Self(repeating: 0x1.27e5202cbdf0dp-22))
    p = fma(p, r, Self(repeating: 0x1.71de11a863ab0p-19))
    p = fma(p, r, Self(repeating: 0x1.a01a018fd1f4cp-16))
    p = fma(p, r, Self(repeating: 0x1.a01a01a6e9deap-13))
    p = fma(p, r, Self(repeating: 0x1.6c16c16c190c2p-10))
    p = fma(p, r, Self(repeating: 0x1.1111111110a41p-7))
    p = fma(p, r, Self(repeating: 0x1.5555555555553p-5))
    p = fma(p, r, Self(repeating: 0x1.5555555555556p-3))
    return fma(p, r, Self(repeating: 0x1p-1))
  }
}
