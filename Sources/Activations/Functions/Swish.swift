/// Swish with a slope beta (silu is beta = 1).
///
///     f(x)  = x * sigma(beta x)
///     f'(x) = sigma(beta x) + beta x * sigma'(beta x)
///
/// beta x is carried exactly as two terms (its rounding alone would cost
/// |beta x| half-ulps in the tail), then as silu (`SigmoidProducts`).
/// beta = 0 gives x / 2 and 1/2. Parameter: beta finite (default 1).
enum Swish: UnaryActivation {
  typealias Parameters = RuledParameters<FiniteRule>
  static let family = ElementwiseFamily.swish
  static var cost: Int { transcendentalCost }

  /// beta x as two terms; 0 where beta = 0 (also for infinite x).
  @inline(__always)
  static func slope<V: FloatVector>(_ x: V, _ p: Parameters) -> (V, V) {
    let beta = V(repeating: V.Scalar(p.a))
    if p.a == 0 { return (V.zero, V.zero) }
    return TwoTerm.product(beta, x)  // a low part that is not finite is dropped by LogisticTerms
  }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let (z, zLo) = slope(x, p)
    return SigmoidProducts.value(x, z, zLo)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let (z, zLo) = slope(x, p)
    return SigmoidProducts.derivative(z, zLo, z, zLo)
  }
}
