/// Softsign.
///
///     f(x)  = x / (1 + |x|)
///     f'(x) = 1 / (1 + |x|)^2
///
/// 1 + |x| is carried exactly as two terms, f is one two-term quotient and
/// f' the square of the two-term 1 / (1 + |x|), each rounded once (f' stays
/// accurate where (1 + |x|)^2 would overflow: it is subnormal, not 0, for
/// |x| up to about 2.6e22 in float). f(+-inf) = +-1, f'(+-inf) = 0.
enum Softsign: UnaryActivation {
  static let family = ElementwiseFamily.softsign

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let magnitude = V.zero - V.negativeMagnitude(x)
    let (d, dLo) = TwoTerm.sum(V.one, magnitude)
    let y = TwoTerm.quotient(x, V.zero, d, dLo)
    return y.replacing(with: V.withSign(V.one, of: x), where: magnitude .== V(repeating: .infinity))
      .replacing(with: x, where: x .== V.zero)  // f(+-0) = +-0
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let magnitude = V.zero - V.negativeMagnitude(x)
    let (d, dLo) = TwoTerm.sum(V.one, magnitude)
    let (q0, remainder, r) = TwoTerm.quotientTerms(V.one, V.zero, d, dLo)
    let qLo = remainder * r
    // (q0 + qLo)^2 = q0^2 + 2 q0 qLo, rounded once.
    let y = V.fma(q0, q0, (q0 + q0) * qLo)
    return y.replacing(with: V.zero, where: magnitude .== V(repeating: .infinity))
  }
}
