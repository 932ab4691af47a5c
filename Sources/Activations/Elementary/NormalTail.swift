/// The scaled tail of the standard normal distribution, the core of the
/// exact (erf) GELU:
///
///     G(a) = Phi(-a) e^(a^2/2) = erfc(a / sqrt 2) e^(a^2/2) / 2,   a >= 0,
///
/// (Phi the distribution function). G is smooth and slowly varying:
/// G(0) = 1/2, G(a) ~ 1 / (a sqrt(2 pi)) as a -> inf, so Phi(-a) =
/// G(a) e^(-a^2/2) keeps full relative accuracy far into the tail, where
/// 1 - Phi(a) would have cancelled. With
///
///     w = c / (c + a) in (0, 1],   u = 2w - 1,   c = 5,
///
/// G(a) = w K(u) with K a polynomial on the whole of [-1, 1] (fitted by
/// tools/fit-poly/fit_gelu.py: degree 26 to 2.3e-19 relative, degree 12 to
/// 1.0e-9). Lanes are double precision; float results are computed here
/// and rounded once at the end.
///
/// The precise evaluation (for double results) keeps G as two terms:
/// - w is rounded, so the polynomial is evaluated at a nearby a' whose w
///   is exact, and the first-order correction (a - a') G'(a') is added,
///   with G'(a) = a G(a) - 1/sqrt(2 pi) (from G's differential equation)
///   and a - a' from the division's exact remainder;
/// - the eight low-order Horner steps, where K's terms are large and
///   alternate in sign near u = -1, are compensated (error-free products
///   and sums, coefficients as two terms).
/// The cheap evaluation (for float results) is plain Horner of degree 12.
enum NormalTail {
  typealias D = SIMD8<Double>

  /// Arguments are clamped to [0, limit]: e^(-limit^2/2) G(limit) is far
  /// below the smallest subnormal double, and a^2 / 2 stays within
  /// `ExpCore`'s range for products.
  static let limit = 40.0

  /// G(a) = hi + lo for a in [0, limit]; lo = 0 unless `precise`.
  @inline(__always)
  static func scaled(_ a: D, precise: Bool) -> (hi: D, lo: D) {
    let c = D(repeating: 5)
    let (s, sLo) = TwoTerm.sum(c, a)
    let u = (c / s) * D(repeating: 2) - D.one
    let w = (u + D.one) * D(repeating: 0.5)  // exact
    guard precise else { return (w * cheap(u), D.zero) }
    // The polynomial belongs to a' = c / w - c; a - a' = ((s + sLo) w - c) / w.
    let shift = (D.fma(w, s, D.zero - c) + w * sLo) / w
    var (p, pLo) = (high(u), D.zero)
    // p + pLo <- k + u (p + pLo), the products and the sums error-free.
    func step(_ k: Double, _ kLo: Double = 0) {
      let (m, mLo) = TwoTerm.product(u, p)
      let (t, tLo) = TwoTerm.sum(D(repeating: k), m)
      pLo = D.fma(u, pLo, (tLo + mLo) + D(repeating: kLo))
      p = t
    }
    step(0x1.39e0d878b42e9p-11, -0x1.45c09f00ad9d2p-65)
    step(0x1.1090aa5d377d9p-8, 0x1.af692e3583e90p-65)
    step(0x1.c4f9d5476dd01p-7, -0x1.a3eb7c8c82d87p-61)
    step(0x1.0e5e8ee59b00bp-5, -0x1.d51f37e7c52dep-61)
    step(0x1.00d8ab2d2adc9p-4, -0x1.9b8b812d6b824p-58)
    step(0x1.95c11dc6c593ap-4, -0x1.45724cfbe5561p-58)
    step(0x1.108a698eca1adp-3, -0x1.27d8e5190cce5p-58)
    step(0x1.3b0fbcb4c77bep-3, 0x1.31794a900891fp-57)
    let (g, gLo) = TwoTerm.product(w, p)
    let slope = D.fma(a, g, D(repeating: -0x1.9884533d43651p-2))  // G'(a) = a G(a) - 1/sqrt(2 pi)
    let (hi, lo) = TwoTerm.fastSum(g, D.fma(w, pLo, gLo) + shift * slope)
    return (hi, lo)
  }

  /// K(u) = k8 + k9 u + ... + k26 u^18 of the degree-26 fit
  /// (`fit_gelu.py`); k0 ... k7, with their tails, are in `scaled`.
  @inline(__always)
  private static func high(_ u: D) -> D {
    var p = D(repeating: -0x1.0eb39fe413ab4p-38)
    p = D.fma(p, u, D(repeating: -0x1.ed7daf76a6ee6p-38))
    p = D.fma(p, u, D(repeating: 0x1.b74fc03b5264dp-35))
    p = D.fma(p, u, D(repeating: 0x1.35dceb36fd6ecp-34))
    p = D.fma(p, u, D(repeating: -0x1.a049f89ac20c3p-32))
    p = D.fma(p, u, D(repeating: -0x1.9c1b0f88dc77bp-32))
    p = D.fma(p, u, D(repeating: 0x1.45799d68fdf5bp-29))
    p = D.fma(p, u, D(repeating: 0x1.b2494b831388bp-30))
    p = D.fma(p, u, D(repeating: -0x1.e819aed423a04p-27))
    p = D.fma(p, u, D(repeating: -0x1.0fc467ef2f58ep-27))
    p = D.fma(p, u, D(repeating: 0x1.773156ef49b83p-24))
    p = D.fma(p, u, D(repeating: 0x1.1f14be98f1e4cp-24))
    p = D.fma(p, u, D(repeating: -0x1.2986077981a1fp-21))
    p = D.fma(p, u, D(repeating: -0x1.ab5041b276301p-21))
    p = D.fma(p, u, D(repeating: 0x1.bfcbae78ec68bp-19))
    p = D.fma(p, u, D(repeating: 0x1.4df330df35487p-17))
    p = D.fma(p, u, D(repeating: -0x1.8e76dff905eebp-17))
    p = D.fma(p, u, D(repeating: -0x1.c9182aa2ce72cp-14))
    p = D.fma(p, u, D(repeating: -0x1.4ea692bf2978fp-13))
    return p
  }

  /// K(u) of degree 12 (`fit_gelu.py --degree 12 --tails 0`), for float results.
  @inline(__always)
  private static func cheap(_ u: D) -> D {
    var p = D(repeating: 0x1.0a4f86bf68a1bp-19)
    p = D.fma(p, u, D(repeating: 0x1.038fc2691dfecp-17))
    p = D.fma(p, u, D(repeating: -0x1.5b2e06c0fae97p-17))
    p = D.fma(p, u, D(repeating: -0x1.be0e0d645f4e2p-14))
    p = D.fma(p, u, D(repeating: -0x1.507bd04bf3642p-13))
    p = D.fma(p, u, D(repeating: 0x1.3911fbb53cc3ap-11))
    p = D.fma(p, u, D(repeating: 0x1.1094d54aa08e6p-8))
    p = D.fma(p, u, D(repeating: 0x1.c4fd8e17c1fcep-7))
    p = D.fma(p, u, D(repeating: 0x1.0e5e7e747eeb6p-5))
    p = D.fma(p, u, D(repeating: 0x1.00d89c646f235p-4))
    p = D.fma(p, u, D(repeating: 0x1.95c11e1184ea5p-4))
    p = D.fma(p, u, D(repeating: 0x1.108a69d22f795p-3))
    p = D.fma(p, u, D(repeating: 0x1.3b0fbcb4c77bep-3))
    return p
  }
}
