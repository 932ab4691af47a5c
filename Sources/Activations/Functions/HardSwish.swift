/// Hard swish, PyTorch's definition x * relu6(x + 3) / 6.
///
///     f(x)  = -0 if x <= -3, x if x >= 3, else x (x + 3) / 6
///     f'(x) = 0 if x <= -3, 1 if x >= 3, else (2x + 3) / 6
///
/// f' is 0 at -3 and 1 at +3. x (x + 3) and 2x + 3 are exact two-term
/// values divided by 6 and rounded once (within an ulp, also near the zeros
/// at -3 and -1.5). For x <= -3, f(x) = -0 (also at -inf, the limit).
enum HardSwish: UnaryActivation {
  static let family = ElementwiseFamily.hardswish

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let three = V(repeating: 3)
    let (s, sLo) = TwoTerm.sum(x, three)
    let (p, pLo) = TwoTerm.product(x, s)
    let y = TwoTerm.quotient(p, V.fma(x, sLo, pLo), V(repeating: 6), V.zero)
    return y.replacing(with: V.withSign(V.zero, of: x), where: x .<= V.zero - three)
      .replacing(with: x, where: (x .>= three) .| (x .== V.zero))  // f(+-0) = +-0
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let three = V(repeating: 3)
    let (s, sLo) = TwoTerm.sum(x + x, three)
    let d = TwoTerm.quotient(s, sLo, V(repeating: 6), V.zero)
    return d.replacing(with: V.zero, where: x .<= V.zero - three).replacing(with: V.one, where: x .>= three)
  }
}
