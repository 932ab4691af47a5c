/// SiLU (sigmoid linear unit), swish with beta = 1.
///
///     f(x)  = x * sigma(x)
///     f'(x) = sigma(x) + x * sigma'(x) = sigma(x) (1 + x (1 - sigma(x)))
///
/// From the two-term sigma and sigma' (`SigmoidProducts`), rounded once.
/// f' crosses 0 at x ~ -1.2785: there the bound is absolute (see the
/// header). f(-inf) = -0, f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1.
enum SiLU: UnaryActivation {
  static let family = ElementwiseFamily.silu
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    SigmoidProducts.value(x, x, V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    SigmoidProducts.derivative(x, V.zero, x, V.zero)
  }
}
