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
    let core = ExpCore(ExpCore.clampedForExp(V.negativeMagnitude(x)))
    let (e, eLo) = core.exp()
    let (h, l) = TwoTerm.fastSum(V.one, e)
    let l2 = l + eLo
    let positive = x .> V.zero
    let numerator = e.replacing(with: V.one, where: positive)
    let numeratorLo = eLo.replacing(with: V.zero, where: positive)
    return TwoTerm.quotient(numerator, numeratorLo, h, l2)
  }

  /// 2^extra sigma'(x), rounded once: `extra` = 2 gives tanh's 4 sigma'(2x)
  /// with subnormal results rounded correctly.
  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, extra: Int = 0) -> V {
    let core = ExpCore(ExpCore.clampedForExp(V.negativeMagnitude(x)))
    let (e, eLo) = core.exp()
    let (numerator, numeratorLo) = extra == 0 ? (e, eLo) : core.exp(extra: extra)
    let (h, l) = TwoTerm.fastSum(V.one, e)
    let l2 = l + eLo
    // (h + l2)^2 = s + sLo: the exact square of h by fma, plus 2 h l2.
    let s = h * h
    let sLo = V.fma(h, h, V.zero - s) + (h + h) * l2
    return TwoTerm.quotient(numerator, numeratorLo, s, sLo)
  }
}
