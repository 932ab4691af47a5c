/// The two shapes shared by the sigmoid-gated functions (silu, swish,
/// gelu_tanh), each rounded once from two-term values:
///
///     f(x)  = x * sigma(z)
///     f'(x) = sigma(z) + w * sigma'(z)     (w = x dz/dx: z for silu and swish)
///
/// with z = zHi + zLo and w = wHi + wLo given as two-term values.
enum SigmoidProducts {
  /// x * sigma(z + zLo): the product formed before the scaling by e's power
  /// of two (see `LogisticTerms.factored`). Where x is infinite and
  /// sigma(z) underflows to 0 (the function's limit is 0, while inf * 0 is
  /// NaN), the result is a zero signed like x.
  @inline(__always)
  static func value<V: FloatVector>(_ x: V, _ z: V, _ zLo: V) -> V {
    let terms = LogisticTerms(z, zLo)
    let (value, _, a, b) = terms.factored(z)
    let xa = x * a
    var tail = xa * (value.remainder * value.r)
    tail = tail.replacing(with: V.zero, where: tail .!= tail)  // inf * 0 where x is infinite
    let y = V.fma(xa, value.q0, tail) * b
    let infinite = (V.zero - V.negativeMagnitude(x)) .== V(repeating: .infinity)
    let vanishing = ((terms.e .== V.zero) .& (z .<= V.zero)) .& infinite
    // A vanished sigma gives a zero signed like x; f(+-0) = +-0.
    return y.replacing(with: V.withSign(V.zero, of: x), where: vanishing .| (a .== V.zero))
      .replacing(with: x, where: x .== V.zero)
  }

  /// sigma(z + zLo) + (w + wLo) sigma'(z + zLo), rounded once before the
  /// scaling by e's power of two: the product w sigma' as two terms, added
  /// to sigma's two terms by TwoSum. Where w is infinite, sigma' is 0 and
  /// the result is sigma.
  @inline(__always)
  static func derivative<V: FloatVector>(_ z: V, _ zLo: V, _ w: V, _ wLo: V) -> V {
    let (sigma, prime, a, b) = LogisticTerms(z, zLo).factored(z)
    let dLo = prime.remainder * prime.r
    let (p, pLo) = TwoTerm.product(w, prime.q0)
    let (t, tLo) = TwoTerm.sum(sigma.q0, p)
    let tail = tLo + (pLo + V.fma(w, dLo, wLo * prime.q0)) + sigma.remainder * sigma.r
    let y = (t + tail) * a * b
    let infinite = (V.zero - V.negativeMagnitude(w)) .== V(repeating: .infinity)
    // Where sigma and sigma' vanished (a = 0), the result is a zero signed
    // like w (the sum's sign there), also when w sigma' overflowed.
    return y.replacing(with: V.fma(sigma.remainder, sigma.r, sigma.q0) * a * b, where: infinite)
      .replacing(with: V.withSign(V.zero, of: w), where: a .== V.zero)
  }
}
