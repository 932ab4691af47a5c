/// Hard sigmoid, PyTorch's definition relu6(x + 3) / 6.
///
///     f(x)  = 0 if x <= -3, 1 if x >= 3, else (x + 3) / 6
///     f'(x) = 1/6 if -3 < x < 3, else 0       (0 at both edges)
///
/// (x + 3) / 6 is formed from the exact two-term x + 3 and rounded once:
/// within an ulp everywhere, also near x = -3 where x / 6 + 1/2 loses
/// millions of ulps. (Keras's hard_sigmoid, 0.2 x + 0.5 before Keras 3, is
/// another function.)
enum HardSigmoid: UnaryActivation {
  static let family = ElementwiseFamily.hardsigmoid

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let three = V(repeating: 3)
    let (s, sLo) = TwoTerm.sum(x, three)
    let y = TwoTerm.quotient(s, sLo, V(repeating: 6), V.zero)
    return y.replacing(with: V.zero, where: x .<= V.zero - three).replacing(with: V.one, where: x .>= three)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let three = V(repeating: 3)
    return V.zero.replacing(with: V.one / V(repeating: 6), where: (x .> V.zero - three) .& (x .< three))
  }
}
