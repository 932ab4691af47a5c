/// GELU, tanh approximation (PyTorch's gelu(approximate='tanh')).
///
///     f(x)  = x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) = x sigma(u),
///     u     = x (c1 + c2 x^2),  c1 = 2 sqrt(2/pi),  c2 = 0.044715 c1
///     f'(x) = sigma(u) + x u'(x) sigma'(u),  u'(x) = c1 + 3 c2 x^2
///
/// The constants are the exact real numbers, as two-term values in each
/// type; u and x u' are computed as two-term values (u's rounding alone
/// would cost |u| half-ulps where sigma is in its tail), then f and f' are
/// rounded once (`SigmoidProducts`). |x| is capped at 30 inside u and u',
/// where sigma(u) is 0 or 1 and sigma'(u) 0 in both types. f' crosses 0 at
/// x ~ -0.75 (absolute bound there, see the header). f(-inf) = -0,
/// f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1. This is not the exact
/// (erf) GELU, `gelu`.
enum GeluTanh: UnaryActivation {
  static let family = ElementwiseFamily.geluTanh
  static var cost: Int { transcendentalCost }

  /// x clamped to [-30, 30], x^2 and c1 + k c2 x^2 (k = 1 for u, 3 for u')
  /// as two terms, times x: (hi, lo).
  @inline(__always)
  static func polynomial<V: FloatVector>(_ x: V, c1: (hi: V, lo: V), c: (hi: V, lo: V)) -> (V, V) {
    let limit = V(repeating: 30)
    let t = V.maximum(V.zero - limit, x.replacing(with: limit, where: x .> limit))
    let (x2, x2Lo) = TwoTerm.product(t, t)
    let (p, pLo) = TwoTerm.product(c.hi, x2)
    let pTail = V.fma(c.hi, x2Lo, c.lo * x2) + pLo
    let (s, sLo) = TwoTerm.sum(c1.hi, p)
    let sTail = sLo + (c1.lo + pTail)
    let (u, uLo) = TwoTerm.product(t, s)
    return (u, V.fma(t, sTail, uLo))
  }

  @inline(__always)
  static func constants<V: FloatVector>(_: V.Type) -> (c1: (hi: V, lo: V), c2: (hi: V, lo: V), c3: (hi: V, lo: V)) {
    (TwoTerm.constant(0x1.9884533d43651p+0, -0x1.cbc0d30ebfd15p-54, as: V.self),  // 2 sqrt(2/pi)
     TwoTerm.constant(0x1.2444f2a4d8b4bp-4, -0x1.6c843a29d1c70p-61, as: V.self),  // 0.044715 * 2 sqrt(2/pi)
     TwoTerm.constant(0x1.b6676bf7450f0p-3, 0x1.bba7351828aabp-57, as: V.self))  // 3 * 0.044715 * 2 sqrt(2/pi)
  }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let (c1, c2, _) = constants(V.self)
    let (u, uLo) = polynomial(x, c1: c1, c: c2)
    return SigmoidProducts.value(x, u, uLo)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let (c1, c2, c3) = constants(V.self)
    let (u, uLo) = polynomial(x, c1: c1, c: c2)
    let (w, wLo) = polynomial(x, c1: c1, c: c3)
    return SigmoidProducts.derivative(u, uLo, w, wLo)
  }
}
