/// GELU, the exact (erf) form (PyTorch's gelu(approximate='none')).
///
///     f(x)  = x Phi(x) = x/2 (1 + erf(x / sqrt 2))
///     f'(x) = Phi(x) + x phi(x),   phi(x) = e^(-x^2/2) / sqrt(2 pi)
///
/// With a = |x|, E = e^(-x^2/2) and G(a) = Phi(-a) / E (`NormalTail`):
///
///     x <= 0:  f = x G E               f' = E (G - a / sqrt(2 pi))
///     x >  0:  f = x (1 - G E)         f' = 1 - E (G - a / sqrt(2 pi))
///
/// so neither branch subtracts nearly equal numbers except f' near its zero
/// x0 ~ -0.7518 (absolute bound there, see the header), and the negative
/// tail keeps its relative accuracy down to the subnormal results (x G E is
/// formed before E's final scaling, which rounds once). x^2 / 2 is exact
/// as two terms, so E carries no argument error. Everything is computed in
/// double lanes: float results from the cheap G, rounded once at the end;
/// double results from the two-term G and two-term products (float results
/// in plain double arithmetic, `cheapPieces`).
///
/// f(-inf) = -0, f(+inf) = +inf, f'(-inf) = -0 (the limit 0, approached
/// from below), f'(+inf) = 1; beyond |x| = 40 the results are those limits
/// (x for f at x >= 40). This is not the tanh approximation, `gelu_tanh`.
enum Gelu: UnaryActivation {
  static let family = ElementwiseFamily.gelu
  static var cost: Int { 2 * transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.mapInDouble(x, x) { x, _ in value(x, precise: V.Scalar.self == Double.self) }
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.mapInDouble(x, x) { x, _ in slope(x, precise: V.Scalar.self == Double.self) }
  }

  typealias D = SIMD8<Double>

  /// |x| clamped to [0, NormalTail.limit].
  @inline(__always)
  static func clampedMagnitude(_ x: D) -> D {
    let limit = D(repeating: NormalTail.limit)
    let magnitude = D.zero - D.negativeMagnitude(x)
    return magnitude.replacing(with: limit, where: magnitude .> limit)
  }

  /// The pieces both directions share: a clamped, G(a) and E unscaled
  /// (E = (hi + lo) * scale.a * scale.b).
  @inline(__always)
  static func pieces(_ x: D, precise: Bool) -> (a: D, g: D, gLo: D, e: (hi: D, lo: D, a: D, b: D)) {
    let a = clampedMagnitude(x)
    let (g, gLo) = NormalTail.scaled(a, precise: precise)
    let (square, squareLo) = TwoTerm.product(a, a)
    let half = D(repeating: -0.5)
    let e = ExpCore(square * half, squareLo * half).unscaled()
    return (a, g, gLo, e)
  }

  /// For float results: a, G(a) and E in plain double arithmetic (errors
  /// near 2^-52, far below float's half ulp; a^2 of a float is exact in
  /// double, and every float result is a normal double).
  @inline(__always)
  static func cheapPieces(_ x: D) -> (a: D, g: D, e: D) {
    let a = clampedMagnitude(x)
    let e = ExpCore(ExpCore.clampedForExp(a * a * D(repeating: -0.5))).exp().hi
    return (a, NormalTail.scaled(a, precise: false).hi, e)
  }

  /// (v + vLo) * E as two unscaled terms (times e.a * e.b gives the value).
  @inline(__always)
  static func timesE(_ v: D, _ vLo: D, _ e: (hi: D, lo: D, a: D, b: D)) -> (D, D) {
    let (m, mLo) = TwoTerm.product(v, e.hi)
    return (m, mLo + D.fma(v, e.lo, vLo * e.hi))
  }

  /// 1 - (m + mLo) * e.a * e.b, for |m| * 2^n <= 1/2, rounded once by the
  /// caller: (t, tLo).
  @inline(__always)
  static func oneMinus(_ m: D, _ mLo: D, _ e: (hi: D, lo: D, a: D, b: D)) -> (D, D) {
    let scale = e.a * e.b
    let (t, tLo) = TwoTerm.fastSum(D.one, D.zero - m * scale)
    return (t, tLo - mLo * scale)
  }

  /// f(x), or c f(x) rounded once for the gated unit geglu (c = a; the
  /// product c x is carried as two terms).
  @inline(__always)
  static func value(_ x: D, times c: D = D.one, precise: Bool) -> D {
    let limit = D(repeating: NormalTail.limit)
    guard precise else {
      let (_, g, e) = cheapPieces(x)
      let p = c * x
      let q = g * e
      return (p - p * q).replacing(with: p * q, where: x .< D.zero)
        .replacing(with: D.withSign(D.zero, of: x) * c, where: x .<= D.zero - limit)
        .replacing(with: p, where: (x .>= limit) .| (x .== D.zero))
    }
    let (_, g, gLo, e) = pieces(x, precise: precise)
    let (m, mLo) = timesE(g, gLo, e)
    let (p, pLo) = TwoTerm.product(c, x)
    let (pa, pLoA) = (p * e.a, pLo * e.a)
    let negative = D.fma(pa, m, pa * mLo + pLoA * m) * e.b
    let (t, tLo) = oneMinus(m, mLo, e)
    let positive = D.fma(p, t, p * tLo + pLo * t)
    return positive.replacing(with: negative, where: x .< D.zero)
      .replacing(with: D.withSign(D.zero, of: x) * c, where: x .<= D.zero - limit)
      .replacing(with: p, where: (x .>= limit) .| (x .== D.zero))
  }

  /// f'(x), or c f'(x) rounded once (geglu).
  @inline(__always)
  static func slope(_ x: D, times c: D = D.one, precise: Bool) -> D {
    let limit = D(repeating: NormalTail.limit)
    guard precise else {
      let (a, g, e) = cheapPieces(x)
      let m = D.fma(a, D(repeating: -0x1.9884533d43651p-2), g) * e  // E (G - a / sqrt(2 pi))
      return (c - c * m).replacing(with: c * m, where: x .<= D.zero)
        .replacing(with: D(repeating: -0.0) * c, where: x .<= D.zero - limit)
        .replacing(with: c, where: x .>= limit)
    }
    let (a, g, gLo, e) = pieces(x, precise: precise)
    // G - a / sqrt(2 pi), two-term.
    let (k, kLo) = TwoTerm.constant(0x1.9884533d43651p-2, -0x1.cbc0d30ebfd15p-56, as: D.self)
    let (p, pLo) = TwoTerm.product(a, k)
    let (d, dLo) = TwoTerm.sum(g, D.zero - p)
    let (m, mLo) = timesE(d, dLo + (gLo - D.fma(a, kLo, pLo)), e)
    let negative = D.fma(c, m, c * mLo) * e.a * e.b
    let (t, tLo) = oneMinus(m, mLo, e)
    let positive = D.fma(c, t, c * tLo)
    return positive.replacing(with: negative, where: x .<= D.zero)
      .replacing(with: D(repeating: -0.0) * c, where: x .<= D.zero - limit)
      .replacing(with: c, where: x .>= limit)
  }
}
