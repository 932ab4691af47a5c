/// Continuously differentiable exponential linear unit.
///
///     f(x)  = x if x >= 0 else alpha (e^(x/alpha) - 1)   (f(-0) = -0)
///     f'(x) = 1 if x >= 0 else e^(x/alpha)               (f'(0) = 1)
///
/// t = x / alpha is carried as two terms (its rounding alone would cost
/// |t| half-ulps in the exponential). For alpha > 0, t <= 0 on the negative
/// side and f is alpha times the two-term expm1(t), rounded once, as elu.
/// For alpha < 0, t > 0 grows without bound: there
///
///     e^t - 1 = -expm1(-t) e^t,   e^t = q^2,   q = 1 / e^(-t/2)
///
/// with every factor two-term (no cancellation near 0, no overflow before
/// the result overflows: `growing`), and f = -alpha expm1(-t) q q rounded
/// once.
/// alpha is finite and non-zero (`NonZeroRule`). For alpha > 0:
/// f(-inf) = -alpha, f'(-inf) = 0; for alpha < 0: f(-inf) = -inf,
/// f'(-inf) = +inf. f(+inf) = +inf, f'(+inf) = 1.
enum CELU: UnaryActivation {
  typealias Parameters = RuledParameters<NonZeroRule>
  static let family = ElementwiseFamily.celu
  static var cost: Int { transcendentalCost }

  /// t = x / alpha as (t, tLo); tLo is 0 where t is not finite.
  @inline(__always)
  static func ratio<V: FloatVector>(_ x: V, _ alpha: V) -> (V, V) {
    let t = x / alpha
    let tLo = V.fma(V.zero - t, alpha, x) / alpha
    return (t, tLo.replacing(with: V.zero, where: tLo .!= tLo))
  }

  /// e^t for t >= 0 as (q + qLo)^2 * scale^2, q + qLo = e^(t/2) / scale
  /// two-term: scale = 2^h (h half the exponent range: 64 or 512) where
  /// e^(t/2) > 2^h, else 1, so neither the square nor its tails overflow
  /// before the final scaling (which overflows exactly when the result
  /// does). e^(-t/2) is normal wherever the result is finite.
  @inline(__always)
  static func growing<V: FloatVector>(_ t: V, _ tLo: V) -> (hi: V, lo: V, scale: V) {
    let half = V(repeating: 0.5)
    let argument = V.zero - t * half
    let clamped = ExpCore.clampedForExp(argument)
    let low = V.zero.replacing(with: V.zero - tLo * half, where: clamped .== argument)
    let (e, eLo) = ExpCore(clamped, low).exp()
    let (q0, remainder, r) = TwoTerm.quotientTerms(V.one, V.zero, e, eLo)
    // Where e^(-t/2) underflowed to 0, q = +inf (its tail would be NaN).
    let qLo = (remainder * r).replacing(with: V.zero, where: e .== V.zero)
    let h = (V.Scalar.greatestFiniteMagnitude.exponent + 1) / 2
    let big = V(repeating: V.Scalar(sign: .plus, exponent: h, significand: 1))
    let scale = V.one.replacing(with: big, where: q0 .> big)
    let inverse = V.one.replacing(with: V.one / big, where: q0 .> big)
    return (q0 * inverse, qLo * inverse, scale)
  }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let alpha = V(repeating: V.Scalar(p.a))
    let (t, tLo) = ratio(x, alpha)
    let y: V
    if p.a > 0 {
      let clamped = ExpCore.clampedForExpm1(t)
      let (m, mLo) = ExpCore(clamped, V.zero.replacing(with: tLo, where: clamped .== t)).expm1()
      y = V.fma(alpha, m, alpha * mLo)
    } else {
      // -alpha expm1(-t) (two-term), times q twice.
      let clamped = ExpCore.clampedForExpm1(V.zero - t)
      let (m, mLo) = ExpCore(clamped, V.zero.replacing(with: V.zero - tLo, where: clamped .== V.zero - t)).expm1()
      let minusAlpha = V.zero - alpha
      let (a, aLo) = TwoTerm.product(minusAlpha, m)
      let aTail = V.fma(minusAlpha, mLo, aLo)
      let (q, qLo, scale) = growing(t, tLo)
      let (b, bLo) = TwoTerm.product(a, q)
      let bTail = bLo + V.fma(a, qLo, aTail * q)
      let product = V.fma(b, q, V.fma(b, qLo, bTail * q)) * scale * scale
      // Overflowed lanes (inf times a finite tail gives NaN): -inf.
      y = product.replacing(with: V(repeating: -.infinity), where: (product .!= product) .& (x .== x))
    }
    // |t| below a quarter ulp of 1: f = x (1 + t/2 + ...) rounds to x
    // (subnormal x included, where t = x / alpha itself lost bits).
    let small = (V.zero - V.negativeMagnitude(t)) .< V(repeating: V.Scalar.ulpOfOne / 4)
    return y.replacing(with: x, where: (x .>= V.zero) .| small)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let alpha = V(repeating: V.Scalar(p.a))
    let (t, tLo) = ratio(x, alpha)
    let d: V
    if p.a > 0 {
      let clamped = ExpCore.clampedForExp(t)
      d = ExpCore(clamped, V.zero.replacing(with: tLo, where: clamped .== t)).exp(times: V.one)
    } else {
      let (q, qLo, scale) = growing(t, tLo)
      let square = V.fma(q, q, (q + q) * qLo) * scale * scale
      d = square.replacing(with: V(repeating: .infinity), where: (square .!= square) .& (x .== x))
    }
    return d.replacing(with: V.one, where: x .>= V.zero)
  }
}
