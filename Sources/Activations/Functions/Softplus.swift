/// Softplus with PyTorch's beta and threshold.
///
///     f(x)  = x                          where fl(beta x) > threshold
///           = log(1 + e^(beta x)) / beta  elsewhere
///     f'(x) = 1 where fl(beta x) > threshold, else sigma(beta x)
///
/// With z = beta x carried exactly as two terms:
///
///     log(1 + e^z) = max(z, 0) + log(1 + e^-|z|)    (`LogOnePlus`)
///
/// summed as two terms and divided by beta once (`TwoTerm.quotient`), so
/// neither tail loses accuracy (the textbook log1p(exp(z)) overflows for
/// large z; the switch to x is PyTorch's, compared in the element type, and
/// a threshold of +inf gives the true function everywhere). Where z < -40,
/// log(1 + e^z) = e^z to more than the type's precision and f = e^z / beta
/// is rounded once from the exponential's two terms (subnormal results
/// included). Where beta x overflows to +inf, f = x (its exact value to
/// within rounding). f(-inf) = +-0 (signed like beta), f(+inf) = +inf
/// (beta > 0). Parameters: beta finite and non-zero, threshold finite or
/// +inf (`SoftplusRule`).
enum Softplus: UnaryActivation {
  typealias Parameters = RuledParameters<SoftplusRule>
  static let family = ElementwiseFamily.softplus
  static var cost: Int { 2 * transcendentalCost }

  /// log(1 + e^(z + zLo)) as (hi, lo) where z >= -40, and the exponential
  /// core of -|z + zLo| for the tail z < -40.
  @inline(__always)
  static func terms<V: FloatVector>(_ z: V, _ zLo: V) -> (hi: V, lo: V, core: ExpCore<V>) {
    let core = ExpCore(negativeMagnitudeOf: z, zLo)
    let (e, eLo) = core.exp()
    let (l, lLo) = LogOnePlus.terms(e, eLo)
    let (s, sLo) = TwoTerm.sum(V.maximum(z, V.zero), l)
    let finite = (V.zero - V.negativeMagnitude(zLo)) .< V(repeating: .infinity)
    let positiveLo = V.zero.replacing(with: zLo, where: finite .& (z .> V.zero))  // max(z + zLo, 0)'s low part
    return (s, sLo + (lLo + positiveLo), core)
  }

  /// The point below which log(1 + e^z) = e^z in both types.
  @inline(__always)
  static func tail<V: FloatVector>(_ z: V) -> SIMDMask<V.MaskStorage> { z .< V(repeating: -40) }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let beta = V(repeating: V.Scalar(p.a))
    let (z, zLo) = TwoTerm.product(beta, x)
    let (s, sLo, core) = terms(z, zLo)
    // (s + sLo) / |beta|, signed like beta; e^z / beta in the tail.
    let magnitude = V.zero - V.negativeMagnitude(beta)
    let quotient = V.withSign(TwoTerm.quotient(s, sLo, magnitude, V.zero), of: beta)
    let inverse = V.one / beta
    let inverseLo = V.fma(V.zero - inverse, beta, V.one) / beta
    let y = quotient.replacing(with: core.exp(times: inverse, c: inverseLo), where: tail(z))
    let switched = (z .> V(repeating: V.Scalar(p.b))) .| (z .== V(repeating: .infinity))
    return y.replacing(with: x, where: switched)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let beta = V(repeating: V.Scalar(p.a))
    let (z, zLo) = TwoTerm.product(beta, x)
    // sigma(z + zLo), scaled once into the subnormal range (w = 0 in
    // sigma + w sigma').
    let sigma = SigmoidProducts.derivative(z, zLo, V.zero, V.zero)
    let switched = (z .> V(repeating: V.Scalar(p.b))) .| (z .== V(repeating: .infinity))
    return sigma.replacing(with: V.one, where: switched)
  }
}
