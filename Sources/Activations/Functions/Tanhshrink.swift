/// Tanhshrink, x minus its hyperbolic tangent.
///
///     f(x)  = x - tanh(x)
///     f'(x) = 1 - tanh'(x) = tanh(x)^2
///
/// Near 0, x - tanh(x) = x^3/3 - 2x^5/15 + ... cancels: for |x| < 0.625
/// f = x^3 P(x^2), P of degree 12 (tools/fit-poly/fit_tanhshrink.py,
/// relative error 4.4e-19), with x^2, x^3 and P's last step as two terms.
/// Elsewhere f = x - tanh(x) with tanh as an unrounded two-term quotient
/// (the cancellation is at most a factor 9 at |x| = 0.625). f' squares the
/// two-term tanh. Both are computed in double lanes (float results rounded
/// once at the end, from plain double arithmetic: float's two-term
/// exponential is not accurate enough for the square). f is odd, f' even; f(+-inf) = +-inf, f'(+-inf) = 1,
/// f(-0) = -0, f'(0) = 0.
enum Tanhshrink: UnaryActivation {
  static let family = ElementwiseFamily.tanhshrink
  static var cost: Int { transcendentalCost }

  /// tanh(|x|) = hi + lo (|x| clamped at 20, where tanh rounds to 1).
  @inline(__always)
  static func magnitude<V: FloatVector>(_ x: V) -> (hi: V, lo: V) {
    let z = V.negativeMagnitude(x)
    let (t, tLo) = ExpCore(ExpCore.clampedForExpm1(z + z)).expm1()
    let (d, dLo) = TwoTerm.fastSum(V(repeating: 2), t)
    let (q0, remainder, r) = TwoTerm.quotientTerms(V.zero - t, V.zero - tLo, d, dLo + tLo)
    return (q0, remainder * r)
  }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.mapInDouble(x, x) { x, _ in V.Scalar.self == Double.self ? value(x) : cheapValue(x) }
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.mapInDouble(x, x) { x, _ in
      let (t, tLo) = magnitude(x)
      return V.Scalar.self == Double.self ? SIMD8<Double>.fma(t, t, (t + t) * tLo) : t * t
    }
  }

  /// f' for the 16-bit formats' double fallback: below |x| = 2^-26,
  /// tanh(x)^2 = x^2 (1 - 2x^2/3 + ...) lies within a double ulp below x^2,
  /// which is exact for 16-bit inputs and can be a 16-bit midpoint itself;
  /// the double just below x^2 (x^2 - x^2 2^-53 rounds to it) keeps the side.
  @inline(__always)
  static func derivativeForHalves(_ x: SIMD8<Double>, _: NoParameters, index: Int) -> SIMD8<Double> {
    let square = x * x
    let below = square - square * SIMD8<Double>(repeating: 0x1p-53)
    return derivative(x, NoParameters(), index: index)
      .replacing(with: below, where: SIMD8<Double>.negativeMagnitude(x) .> SIMD8<Double>(repeating: -0x1p-26))
  }

  /// f for float results: the same formulas in plain double arithmetic
  /// (errors near 2^-52, times at most 9 where x - tanh(x) cancels: far
  /// below float's half ulp; float inputs never need the tiny-x scaling).
  @inline(__always)
  static func cheapValue(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias D = SIMD8<Double>
    let a = D.zero - D.negativeMagnitude(x)
    let large = a - magnitude(x).hi
    let s = a * a
    let p = polynomial(s)
    let small = a * s * D.fma(s, p, D(repeating: 0x1.5555555555555p-2))
    let y = large.replacing(with: small, where: a .< D(repeating: 0.625))
      .replacing(with: a, where: a .== D(repeating: .infinity))
    return D.withSign(y, of: x)
  }

  /// f in double lanes.
  @inline(__always)
  static func value<V: FloatVector>(_ x: V) -> V {
    let a = V.zero - V.negativeMagnitude(x)
    let (t, tLo) = magnitude(x)
    let (d, dLo) = TwoTerm.sum(a, V.zero - t)
    let large = d + (dLo - tLo)
    // x^3 P(s), s = x^2: s, x^3 and k0 + s P1(s) as two terms.
    let (s, sLo) = TwoTerm.product(a, a)
    let (cube, cubeLo) = TwoTerm.product(a, s)
    let cubeTail = V.fma(a, sLo, cubeLo)
    let p = polynomial(s)
    let (m, mLo) = TwoTerm.product(s, p)
    let (k, kLo) = TwoTerm.constant(0x1.5555555555555p-2, 0x1.52a77a73b9563p-56, as: V.self)
    let (q, qLo) = TwoTerm.fastSum(k, m)
    let qTail = qLo + (kLo + V.fma(sLo, p, mLo))
    let small = V.fma(cube, q, V.fma(cube, qTail, cubeTail * q))
    var y = large.replacing(with: small, where: a .< V(repeating: 0.625))
      .replacing(with: a, where: a .== V(repeating: .infinity))  // inf - 1 = inf (TwoSum's tail is NaN there)
    let tiny = V(repeating: 0x1p-300)
    if !V.allLanes(a .>= tiny) {
      // Below 2^-300, f = x^3/3 exactly enough, but x^3 and its tails would
      // underflow: computed for 2^300 |x|, then scaled by 2^-900 (twice,
      // rounding once into the subnormal range).
      let b = a * V(repeating: 0x1p300)
      let (s, sLo) = TwoTerm.product(b, b)
      let (cube, cubeLo) = TwoTerm.product(b, s)
      let (k, kLo) = TwoTerm.constant(0x1.5555555555555p-2, 0x1.5555555555555p-56, as: V.self)
      let third = V.fma(cube, k, V.fma(cube, kLo, V.fma(b, sLo, cubeLo) * k))
      let back = V(repeating: 0x1p-450)
      y = y.replacing(with: third * back * back, where: a .< tiny)
    }
    return V.withSign(y, of: x)
  }

  /// P(s) - p0, divided by s: p1 + p2 s + ... + p12 s^11 of the degree-12
  /// fit (tools/fit-poly/fit_tanhshrink.py), by Horner.
  @inline(__always)
  static func polynomial<V: FloatVector>(_ s: V) -> V {
    var p = V(repeating: 0x1.47559de55bc91p-19)
    p = V.fma(p, s, V(repeating: -0x1.99b26df70cccdp-17))
    p = V.fma(p, s, V(repeating: 0x1.370efd62e9535p-15))
    p = V.fma(p, s, V(repeating: -0x1.92d3563b405ccp-14))
    p = V.fma(p, s, V(repeating: 0x1.f4fccb8116f0ap-13))
    p = V.fma(p, s, V(repeating: -0x1.355204d5878bep-11))
    p = V.fma(p, s, V(repeating: 0x1.7da2fd76a3cf1p-10))
    p = V.fma(p, s, V(repeating: -0x1.d6d3cc561e69ap-9))
    p = V.fma(p, s, V(repeating: 0x1.226e354ddfe9ap-7))
    p = V.fma(p, s, V(repeating: -0x1.664f488279254p-6))
    p = V.fma(p, s, V(repeating: 0x1.ba1ba1ba1aff0p-5))
    p = V.fma(p, s, V(repeating: -0x1.111111111110dp-3))
    return p
  }
}
