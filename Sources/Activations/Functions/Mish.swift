/// Mish (Misra 2019).
///
///     f(x)  = x tanh(softplus(x)) = x n / (n + 2),   n = e^x (e^x + 2)
///     f'(x) = tanh(softplus(x)) + x sech^2(softplus(x)) sigma(x)
///           = t + x g,   t = n / (n + 2),   g = 4 e^x (1 + e^x) / (n + 2)^2
///
/// Evaluated from e = exp(-|x|) so nothing overflows:
///
///     x < 0  (e = e^x):   t = e (e + 2) / (e (e + 2) + 2),   g = 4 e (1 + e) / den^2
///     x >= 0 (e = e^-x):  t = (1 + 2e) / (1 + 2e + 2e^2),   g = 4 e^2 (1 + e) / den^2
///
/// (den the denominator of t), every sum and product as two terms, t and g
/// two-term quotients, and f = x t, f' = t + x g each rounded once.
/// f' crosses 0 at x ~ -1.1924 (absolute bound there, see the header).
/// f(-inf) = -0, f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1.
enum Mish: UnaryActivation {
  static let family = ElementwiseFamily.mish
  static var cost: Int { transcendentalCost }

  /// The pieces of t and g, with e's power of two factored out on the
  /// negative side (as for x sigma(x), see `LogisticTerms.factored`): for
  /// x < 0, e = 2^n u and t = 2^n (u (e + 2)) / den, g = 2^n (4 u (1 + e)) /
  /// den^2; for x >= 0 the factors are 1. Lanes with e's argument below
  /// productUnderflow get factor 0 (t and g vanish there).
  @inline(__always)
  static func parts<V: FloatVector>(_ x: V) -> (
    num: (V, V), den: (V, V), gNum: (V, V), a: V, b: V
  ) {
    let z = V.negativeMagnitude(x)
    let core = ExpCore(ExpCore.clampedForProducts(z))
    let (e, eLo) = core.exp()
    let (u, uLo, a0, b0) = core.unscaled()
    let positive = x .>= V.zero
    let vanished = z .< V(repeating: V.productUnderflow)
    let a = a0.replacing(with: V.zero, where: vanished).replacing(with: V.one, where: positive)
    let b = b0.replacing(with: V.one, where: positive)
    let two = V(repeating: 2)
    let four = V(repeating: 4)
    let (o, oLo0) = TwoTerm.fastSum(V.one, e)
    let oLo = oLo0 + eLo
    // x < 0: num = e (e + 2), den = num + 2, gNum = 4 e (1 + e); num and
    // gNum factored (u for e).
    let (c, cLo0) = TwoTerm.fastSum(two, e)
    let cLo = cLo0 + eLo
    let (n1, n1Lo) = TwoTerm.product(e, c)
    let den1Tail = n1Lo + V.fma(e, cLo, eLo * c)
    let (d1, d1Lo) = TwoTerm.fastSum(two, n1)
    let (f1, f1Lo) = TwoTerm.product(u, c)
    let num1Lo = f1Lo + V.fma(u, cLo, uLo * c)
    let (g1, g1Lo) = TwoTerm.product(u, o)
    let gNum1Lo = g1Lo + V.fma(u, oLo, uLo * o)
    // x >= 0: num = 1 + 2e, den = num + 2e^2, gNum = 4 e^2 (1 + e).
    let (n2, n2Lo0) = TwoTerm.fastSum(V.one, e + e)
    let n2Lo = n2Lo0 + (eLo + eLo)
    let (sq, sqLo0) = TwoTerm.product(e, e)
    let sqLo = sqLo0 + (e + e) * eLo
    let (d2, d2Lo) = TwoTerm.fastSum(n2, sq + sq)
    let den2Tail = d2Lo + (n2Lo + (sqLo + sqLo))
    let (g2, g2Lo) = TwoTerm.product(sq, o)
    let gNum2Lo = g2Lo + V.fma(sq, oLo, sqLo * o)
    return (
      (f1.replacing(with: n2, where: positive), num1Lo.replacing(with: n2Lo, where: positive)),
      (d1.replacing(with: d2, where: positive), (d1Lo + den1Tail).replacing(with: den2Tail, where: positive)),
      (four * g1.replacing(with: g2, where: positive), four * gNum1Lo.replacing(with: gNum2Lo, where: positive)),
      a, b
    )
  }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let (num, den, _, a, b) = parts(x)
    let (t0, remainder, r) = TwoTerm.quotientTerms(num.0, num.1, den.0, den.1)
    let xa = x * a
    var tail = xa * (remainder * r)
    tail = tail.replacing(with: V.zero, where: tail .!= tail)  // inf * 0 where x is infinite
    let y = V.fma(xa, t0, tail) * b
    // Vanished t (a = 0) or x = -inf: a zero signed like x; f(+-0) = +-0.
    return y.replacing(with: V.withSign(V.zero, of: x), where: (x .== V(repeating: -.infinity)) .| (a .== V.zero))
      .replacing(with: x, where: x .== V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let (num, den, gNum, a, b) = parts(x)
    let (t0, tRemainder, tr) = TwoTerm.quotientTerms(num.0, num.1, den.0, den.1)
    let (dd, ddLo) = TwoTerm.product(den.0, den.0)
    let ddTail = ddLo + (den.0 + den.0) * den.1
    let (g0, gRemainder, gr) = TwoTerm.quotientTerms(gNum.0, gNum.1, dd, ddTail)
    // t + x g, rounded once, then scaled.
    let (p, pLo) = TwoTerm.product(x, g0)
    let (s, sLo) = TwoTerm.sum(t0, p)
    let y = (s + (sLo + (pLo + x * (gRemainder * gr)) + tRemainder * tr)) * a * b
    let infinite = (V.zero - V.negativeMagnitude(x)) .== V(repeating: .infinity)
    // Where t and g vanished (a = 0) the result is a zero signed like x,
    // also when x g overflowed.
    return y.replacing(with: V.fma(tRemainder, tr, t0) * a * b, where: infinite)
      .replacing(with: V.withSign(V.zero, of: x), where: a .== V.zero)
  }
}
