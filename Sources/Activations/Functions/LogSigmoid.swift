/// The logarithm of the logistic function, -softplus(-x).
///
///     f(x)  = log(sigma(x)) = min(x, 0) - log(1 + e^-|x|)
///     f'(x) = sigma(-x) = 1 - sigma(x)
///
/// From softplus's two-term terms (`Softplus.terms` at z = -x, exact), so
/// both tails keep their accuracy: f = x - log1p(e^x) for x -> -inf (no
/// overflow), f = -e^-x rounded once (subnormal results included) for
/// x > 40. f(-inf) = -inf, f(+inf) = -0, f'(-inf) = 1, f'(+inf) = 0.
enum LogSigmoid: UnaryActivation {
  static let family = ElementwiseFamily.logsigmoid
  static var cost: Int { 2 * transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let z = V.zero - x
    let (s, sLo, core) = Softplus.terms(z, V.zero)
    let y = V.zero - (s + sLo)
    return y.replacing(with: core.exp(times: V(repeating: -1)), where: Softplus.tail(z))
      .replacing(with: x, where: z .== V(repeating: .infinity))  // f(-inf) = -inf
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    Logistic.value(V.zero - x)
  }
}
