extension SIMD8 where Scalar == Double {
  /// e^x on eight double lanes.
  ///
  ///     exp(x) = 2^n * (1 + expm1(r))        (see `ExpReduction`)
  ///
  /// 1 + expm1(r) is formed as a two-term sum and rounded once, then scaled
  /// by 2^n in two steps, so results in the subnormal range (x < -708.4)
  /// are rounded once instead of flushed, and results near the overflow
  /// threshold (x ~ 709.78) do not overflow early.
  ///
  /// Edge cases: exp(-inf) = +0, exp(+inf) = +inf, exp(NaN) = NaN;
  /// exp(x) = +0 for x < -745.14 and +inf for x > 709.78.
  /// Error: about 0.5 ulp (one final rounding plus the polynomial's ~0.05).
  @inline(__always)
  static func exp(_ x: Self) -> Self {
    let reduction = ExpReduction(x)
    let (hi, lo) = reduction.onePlusExpm1()
    return reduction.scale(hi + lo)
  }

  /// a * e^x rounded once, also where e^x is subnormal (the product is
  /// formed before the scaling by 2^n). See `TwoTerm.scaled` for the range
  /// of a where the product is error-free.
  @inline(__always)
  static func exp(_ x: Self, times a: Self) -> Self {
    let reduction = ExpReduction(x)
    let (hi, lo) = reduction.onePlusExpm1()
    return reduction.scale(TwoTerm.scaled(a, hi, lo))
  }

  /// e^x as an unevaluated sum hi + lo with |lo| <= ulp(hi) and an error of
  /// a few hundredths of an ulp of hi, for callers that round later.
  /// Same edge cases as `exp`; lo is 0 or tiny where hi is 0, inf or NaN.
  /// With `timesPowerOfTwo: m` the result is e^x * 2^m, rounded once (so a
  /// subnormal e^x scaled up loses nothing).
  @inline(__always)
  static func expTwoTerm(_ x: Self, timesPowerOfTwo m: Int64 = 0) -> (hi: Self, lo: Self) {
    let reduction = ExpReduction(x)
    let (hi, lo) = reduction.onePlusExpm1()
    let scaledHi = reduction.scale(hi, extra: m)
    var scaledLo = reduction.scale(lo, extra: m)
    scaledLo = scaledLo.replacing(with: Self(), where: scaledLo .!= scaledLo)  // hi = inf: lo = inf * 0
    return (scaledHi, scaledLo)
  }
}
