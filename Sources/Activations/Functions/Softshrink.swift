/// Soft shrinkage.
///
///     f(x)  = x - lambd if x > lambd, x + lambd if x < -lambd, else 0
///     f'(x) = 1 if |x| > lambd, else 0        (0 at +-lambd, PyTorch's backward)
///
/// One correctly rounded subtraction or addition. Parameter: lambd finite,
/// >= 0 (PyTorch's default 0.5).
enum Softshrink: UnaryActivation {
  typealias Parameters = RuledParameters<NonNegativeRule>
  static let family = ElementwiseFamily.softshrink
  /// f' is a parameter or a constant: exact in float.
  static var derivativeIsExactInFloat: Bool { true }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let lambd = V(repeating: V.Scalar(p.a))
    return V.zero.replacing(with: x - lambd, where: x .> lambd).replacing(with: x + lambd, where: x .< V.zero - lambd)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let lambd = V(repeating: V.Scalar(p.a))
    return V.zero.replacing(with: V.one, where: (x .> lambd) .| (x .< V.zero - lambd))
  }
}
