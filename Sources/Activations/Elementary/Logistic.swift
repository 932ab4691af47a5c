/// The logistic function and its derivative, the core of sigmoid and tanh.
///
///     sigma(x)  = 1 / (1 + e^-x)
///     sigma'(x) = e / (1 + e)^2,    e = exp(-|x|)    (an even function)
///
/// Everything comes from e = exp(-|x|) in (0, 1], which never overflows,
/// as a two-term sum (`ExpCore`). 1 + e is carried exactly as h + l
/// (Fast2Sum, 1 >= e), (1 + e)^2 as a two-term product (fma), and each
/// result is one two-term quotient (`TwoTerm.quotient`): a single final
/// rounding plus the few hundredths of an ulp of the exponential.
///
///     x <= 0:  sigma(x) = e / (1 + e)      x > 0:  sigma(x) = 1 / (1 + e)
///
/// For x -> -inf, e underflows gradually: sigma(x) and sigma'(x) come out
/// subnormal, then +0. sigma(+inf) = 1, sigma(-inf) = +0,
/// sigma'(+-inf) = +0.
enum Logistic {
  @inline(__always)
  static func value<V: FloatVector>(_ x: V) -> V {
    let (q0, remainder, r) = LogisticTerms(x).value(x)
    return V.fma(remainder, r, q0)
  }

  /// 2^extra sigma'(x), rounded once: `extra` = 2 gives tanh's 4 sigma'(2x)
  /// with subnormal results rounded correctly.
  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, extra: Int = 0) -> V {
    let (q0, remainder, r) = LogisticTerms(x).derivative(extra: extra)
    return V.fma(remainder, r, q0)
  }
}

/// The pieces of sigma(z + zLo) and sigma'(z + zLo) for a two-term argument
/// (zLo = 0 for an exact one): e = exp(-|z + zLo|) and 1 + e, two-term.
/// `value` and `derivative` return q0 + remainder * r unevaluated (see
/// `TwoTerm.quotientTerms`), for the functions built on sigma (silu, swish,
/// gelu_tanh) to multiply before their one rounding.
struct LogisticTerms<V: FloatVector> {
  let core: ExpCore<V>
  let e: V, eLo: V
  let h: V, l: V

  /// For an exact argument z.
  @inline(__always)
  init(_ z: V) {
    self.init(core: ExpCore(ExpCore.clampedForExp(V.negativeMagnitude(z))))
  }

  /// For the two-term argument z + zLo, in products x sigma(z) (see
  /// `factored`): e's argument is clamped at productUnderflow, not
  /// expUnderflow.
  @inline(__always)
  init(_ z: V, _ zLo: V) {
    self.init(core: ExpCore(negativeMagnitudeOf: z, zLo))
  }

  @inline(__always)
  private init(core: ExpCore<V>) {
    self.core = core
    (e, eLo) = core.exp()
    let (h, l) = TwoTerm.fastSum(V.one, e)
    (self.h, self.l) = (h, l + eLo)
  }

  /// sigma(z): e / (1 + e) for z <= 0, 1 / (1 + e) for z > 0.
  @inline(__always)
  func value(_ z: V) -> (q0: V, remainder: V, r: V) {
    let positive = z .> V.zero
    let numerator = e.replacing(with: V.one, where: positive)
    let numeratorLo = eLo.replacing(with: V.zero, where: positive)
    return TwoTerm.quotientTerms(numerator, numeratorLo, h, l)
  }

  /// sigma(z) = (q0 + remainder * r) * a * b and sigma'(z) =
  /// (d0 + dRemainder * dr) * a * b, with the factors a * b = 2^n of e
  /// taken out where z <= 0 (1 where z > 0): for the products x sigma(z)
  /// and sigma(z) + w sigma'(z), which are then scaled once, so results in
  /// the subnormal range are rounded once (not x times a rounded subnormal).
  @inline(__always)
  func factored(_ z: V) -> (
    value: (q0: V, remainder: V, r: V), derivative: (q0: V, remainder: V, r: V), a: V, b: V
  ) {
    let (u, uLo, a0, b0) = core.unscaled()
    let positive = z .> V.zero
    // Below productUnderflow sigma and sigma' are taken as 0 (a = 0).
    let vanished = V.negativeMagnitude(z) .< V(repeating: V.productUnderflow)
    let a = a0.replacing(with: V.zero, where: vanished).replacing(with: V.one, where: positive)
    let b = b0.replacing(with: V.one, where: positive)
    let value = TwoTerm.quotientTerms(
      u.replacing(with: V.one, where: positive), uLo.replacing(with: V.zero, where: positive), h, l)
    let (s, sLo) = squared()
    // Where z > 0 and e underflowed to 0, sigma' is 0 (its low term is
    // dropped too, or a huge w would magnify it).
    let eLoKept = eLo.replacing(with: V.zero, where: e .== V.zero)
    let derivative = TwoTerm.quotientTerms(
      u.replacing(with: e, where: positive), uLo.replacing(with: eLoKept, where: positive), s, sLo)
    return (value, derivative, a, b)
  }

  /// 2^extra sigma'(z) = 2^extra e / (1 + e)^2.
  @inline(__always)
  func derivative(extra: Int = 0) -> (q0: V, remainder: V, r: V) {
    let (numerator, numeratorLo) = extra == 0 ? (e, eLo) : core.exp(extra: extra)
    let (s, sLo) = squared()
    return TwoTerm.quotientTerms(numerator, numeratorLo, s, sLo)
  }

  /// (1 + e)^2 = (h + l)^2 as s + sLo: the exact square of h by fma, plus
  /// 2 h l.
  @inline(__always)
  func squared() -> (V, V) {
    let s = h * h
    return (s, V.fma(h, h, V.zero - s) + (h + h) * l)
  }
}
