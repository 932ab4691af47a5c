/// SELU (scaled exponential linear unit, Klambauer et al. 2017).
///
///     f(x)  = scale * x if x > 0, else scale * alpha * (e^x - 1)
///     f'(x) = scale if x > 0, else scale * alpha * e^x     (f'(0) = scale * alpha)
///
///     alpha = 1.6732632423543772848170429916717...
///     scale = 1.0507009873554804934193349852946...
///
/// The constants (and their product) are the exact real numbers, carried
/// as two-term values in each type, so each result is rounded once
/// (scale * x by one fma; the negative side from the two-term expm1 or
/// exp). f(+-0) = +-0, f(-inf) = -scale * alpha, f(+inf) = +inf.
enum SELU: UnaryActivation {
  static let family = ElementwiseFamily.selu
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let scale = TwoTerm.constant(0x1.0cfabd6a91132p+0, 0x1.6fc7d272f2695p-55, as: V.self)
    let product = TwoTerm.constant(0x1.c212cc640f031p+0, 0x1.05161b045a1fep-56, as: V.self)
    let (h, l) = ExpCore(ExpCore.clampedForExpm1(x)).expm1()
    let negative = V.fma(product.hi, h, V.fma(product.hi, l, product.lo * h))
    // scale * x by one fma of the two-term scale; below 2^-100 (float) or
    // 2^-992 (double) x is first scaled up, so that scale.lo * x does not
    // underflow (the scaling back is exact unless the result is subnormal).
    let up = V.Scalar(sign: .plus, exponent: V.Scalar.Exponent(V.Scalar.significandBitCount + 1), significand: 1)
    let tiny = x .< V(repeating: V.Scalar.leastNormalMagnitude * V.Scalar(1 << 26))
    let xs = x.replacing(with: x * V(repeating: up), where: tiny)
    let low = scale.lo * xs
    let tail = V.zero.replacing(with: low, where: (V.zero - V.negativeMagnitude(low)) .< V(repeating: .infinity))
    let scaled = V.fma(scale.hi, xs, tail)
    let positive = scaled.replacing(with: scaled * V(repeating: 1 / up), where: tiny)
    return negative.replacing(with: positive, where: x .> V.zero).replacing(with: x, where: x .== V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let scale = TwoTerm.constant(0x1.0cfabd6a91132p+0, 0x1.6fc7d272f2695p-55, as: V.self)
    let product = TwoTerm.constant(0x1.c212cc640f031p+0, 0x1.05161b045a1fep-56, as: V.self)
    let d = ExpCore(ExpCore.clampedForExp(x)).exp(times: product.hi, c: product.lo)
    return d.replacing(with: scale.hi, where: x .> V.zero)
  }
}
