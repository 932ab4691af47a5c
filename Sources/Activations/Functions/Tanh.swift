/// Hyperbolic tangent.
///
///     f(x)  = (e^x - e^-x) / (e^x + e^-x)
///     f'(x) = 1 - f(x)^2 = 4 e / (1 + e)^2,   e = exp(-2|x|)  = 4 sigma'(2x)
///
/// f is evaluated as sign(x) * -t / (2 + t) with t = expm1(-2|x|) in
/// (-1, 0], carried as two-term sums and rounded once: no cancellation
/// near 0 (tanh(x) ~ x for tiny x, subnormals included), and no overflow
/// (|x| is clamped at 20, beyond which tanh rounds to 1 in both types).
/// f' reuses the logistic derivative at 2x scaled by 4 inside the rounding
/// (2x is exact; it overflows to inf only where f' is 0 anyway) instead of
/// 1 - f^2, which rounds to 0 far too early.
/// f(+-inf) = +-1, f(-0) = -0, f'(+-inf) = 0.
enum Tanh: UnaryActivation {
  static let family = ElementwiseFamily.tanh
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let z = V.negativeMagnitude(x)
    let core = ExpCore(ExpCore.clampedForExpm1(z + z))
    let (t, tLo) = core.expm1()
    let two = V(repeating: 2)
    let (d, dLo) = TwoTerm.fastSum(two, t)
    let magnitude = TwoTerm.quotient(V.zero - t, V.zero - tLo, d, dLo + tLo)
    return V.withSign(magnitude, of: x)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    Logistic.derivative(x + x, extra: 2)
  }
}
