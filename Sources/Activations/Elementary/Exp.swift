extension SIMD8 where Scalar == Double {
  /// e^x on eight double lanes.
  ///
  ///     exp(x) = 2^n * (1 + expm1(r))        (see `ExpReduction`)
  ///
  /// The scaling by 2^n is done in two multiplications, by 2^(n >> 1) and
  /// by 2^(n - (n >> 1)): the first is exact, the second rounds once, so
  /// results in the subnormal range (x < -708.4) are correctly rounded from
  /// the polynomial instead of flushed, and results near the overflow
  /// threshold (x ~ 709.78) do not overflow early.
  ///
  /// Edge cases: exp(-inf) = +0, exp(+inf) = +inf, exp(NaN) = NaN;
  /// exp(x) = +0 for x < -745.14 and +inf for x > 709.78.
  /// Error: under 1 ulp (the rounding of 1 + expm1(r), the scaling, and
  /// the reduction error of r).
  @inline(__always)
  static func exp(_ x: Self) -> Self {
    let reduction = ExpReduction(x)
    let half = reduction.k &>> 1
    let p = Self(repeating: 1) + reduction.expm1OfR
    return p * ExpReduction.powerOfTwo(half) * ExpReduction.powerOfTwo(reduction.k &- half)
  }
}
