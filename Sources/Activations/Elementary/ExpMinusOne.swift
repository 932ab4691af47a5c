extension SIMD8 where Scalar == Double {
  /// e^x - 1 on eight double lanes, accurate for small |x| where
  /// `exp(x) - 1` would cancel.
  ///
  /// With x = n ln 2 + r (see `ExpReduction`) and t = 2^n:
  ///
  ///     expm1(x) = t * expm1(r) + (t - 1)      for n <= 60
  ///     expm1(x) = exp(x)                      for n > 60 (the -1 is below
  ///                                             half an ulp of e^x)
  ///
  /// For |x| < ln 2 / 2, n = 0 and the result is expm1(r) itself (r = x
  /// exactly). For n in [-53, 53], t - 1 is exact and the sum rounds once.
  /// For n < -60 the result rounds to -1.
  ///
  /// Edge cases: expm1(-inf) = -1, expm1(+inf) = +inf, expm1(NaN) = NaN,
  /// subnormal x gives x; expm1(-0) is +0 (callers that need the sign of
  /// zero select x itself there).
  @inline(__always)
  static func expMinusOne(_ x: Self) -> Self {
    let reduction = ExpReduction(x)
    let k = reduction.k
    let em = reduction.expm1OfR

    // Moderate n: t * expm1(r) + (t - 1), with n clamped so t is a normal power of two.
    let kSmall = k.replacing(with: 60, where: k .> 60).replacing(with: -60, where: k .< -60)
    let t = ExpReduction.powerOfTwo(kSmall)
    let moderate = t * em + (t - Self(repeating: 1))

    // Large n: e^x itself, with the two-step scaling of `exp`.
    let half = k &>> 1
    let large = (Self(repeating: 1) + em) * ExpReduction.powerOfTwo(half)
      * ExpReduction.powerOfTwo(k &- half)

    return moderate.replacing(with: large, where: k .> 60)
  }
}
