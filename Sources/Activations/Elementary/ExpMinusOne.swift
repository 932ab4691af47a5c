extension SIMD8 where Scalar == Double {
  /// e^x - 1 on eight double lanes, accurate for small |x| where
  /// `exp(x) - 1` would cancel.
  ///
  /// With x = n ln 2 + r (see `ExpReduction`), expm1(r) = eHi + eLo and
  /// t = 2^n:
  ///
  ///     expm1(x) = (t - 1) + t eHi + t eLo   for n <= 60: t - 1 and t eHi
  ///                                           are exact, their sum is taken
  ///                                           with TwoSum, one final rounding
  ///     expm1(x) = exp(x)                     for n > 60 (the -1 is below
  ///                                            half an ulp of e^x)
  ///
  /// For |x| < ln 2 / 2, n = 0 and the result is expm1(r) itself (r = x).
  /// For n < -60 the result rounds to -1.
  ///
  /// Edge cases: expm1(-inf) = -1, expm1(+inf) = +inf, expm1(NaN) = NaN,
  /// subnormal x gives x; expm1(-0) is +0 (callers that need the sign of
  /// zero select x itself there). Error: about 0.5 ulp.
  @inline(__always)
  static func expMinusOne(_ x: Self) -> Self {
    let (hi, lo) = expMinusOneTwoTerm(x)
    return hi + lo
  }

  /// e^x - 1 as an unevaluated sum hi + lo, for callers that round later.
  @inline(__always)
  static func expMinusOneTwoTerm(_ x: Self) -> (hi: Self, lo: Self) {
    let reduction = ExpReduction(x)
    let n = reduction.n
    let bound = F64x8(repeating: 60)
    let large = n .> bound

    // Moderate n: (t - 1) + t eHi by TwoSum, plus t eLo, with n clamped to
    // [-60, 60] so that t = 2^n is a normal power of two.
    let nSmall = n.replacing(with: bound, where: large).replacing(with: -bound, where: n .< -bound)
    let kSmall = ExpReduction.integer(nSmall + F64x8(repeating: ExpReduction.roundingMagic))
    let t = ExpReduction.powerOfTwo(kSmall)
    let a = t - Self(repeating: 1)
    let b = t * reduction.expm1Hi
    let s = a + b
    let aPart = s - b
    let error = (a - aPart) + (b - (s - aPart))
    var hi = s
    var lo = error + t * reduction.expm1Lo

    // Large n: e^x itself.
    let (eHi, eLo) = reduction.onePlusExpm1()
    hi = hi.replacing(with: reduction.scale(eHi + eLo), where: large)
    lo = lo.replacing(with: Self(), where: large)
    return (hi, lo)
  }
}
