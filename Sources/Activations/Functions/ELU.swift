/// Exponential linear unit.
///
///     f(x)  = x if x >= 0 else alpha * (e^x - 1)   (f(-0) = -0)
///     f'(x) = 1 if x > 0  else alpha * e^x         (f'(0) = alpha)
///
/// e^x - 1 is `ExpCore.expm1`, which keeps every bit near 0 where the
/// textbook form cancels; alpha times the two-term e^x - 1 (or e^x) is
/// formed with one fma and rounded once. f(-inf) = -alpha, f'(-inf) = 0
/// (signed like alpha). alpha is any finite value.
enum ELU: UnaryActivation {
  static let family = ElementwiseFamily.elu
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    let alpha = V(repeating: V.Scalar(p.alpha))
    let (hi, lo) = ExpCore(ExpCore.clampedForExpm1(x)).expm1()
    let y = V.fma(alpha, hi, alpha * lo)
    return y.replacing(with: x, where: x .>= V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    let alpha = V(repeating: V.Scalar(p.alpha))
    let d = ExpCore(ExpCore.clampedForExp(x)).exp(times: alpha)
    return d.replacing(with: V.one, where: x .> V.zero)
  }
}
