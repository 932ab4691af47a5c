/// Logistic sigmoid.
///
///     f(x)  = 1 / (1 + e^-x)
///     f'(x) = f(x) (1 - f(x)) = e / (1 + e)^2,   e = exp(-|x|)
///
/// Both come from `Logistic`, each rounded once from two-term values. f' is
/// never formed as f (1 - f), which rounds to 0 for x > 16.6 (float) while
/// the true value is still ~6e-8.
/// f(-inf) = 0, f(+inf) = 1, f'(+-inf) = 0; subnormal results are kept.
enum Sigmoid: UnaryActivation {
  static let family = ElementwiseFamily.sigmoid
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    Logistic.value(x)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    Logistic.derivative(x)
  }
}
