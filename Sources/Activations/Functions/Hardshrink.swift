/// Hard shrinkage.
///
///     f(x)  = x if |x| > lambd, else 0
///     f'(x) = 1 if |x| > lambd, else 0        (0 at +-lambd, PyTorch's backward)
///
/// Exact. Parameter: lambd finite, >= 0 (PyTorch's default 0.5).
enum Hardshrink: UnaryActivation {
  typealias Parameters = RuledParameters<NonNegativeRule>
  static let family = ElementwiseFamily.hardshrink
  /// f and f' are inputs, parameters or constants: exact in float.
  static var forwardIsExactInFloat: Bool { true }
  static var derivativeIsExactInFloat: Bool { true }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let lambd = V(repeating: V.Scalar(p.a))
    return V.zero.replacing(with: x, where: (x .> lambd) .| (x .< V.zero - lambd))
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let lambd = V(repeating: V.Scalar(p.a))
    return V.zero.replacing(with: V.one, where: (x .> lambd) .| (x .< V.zero - lambd))
  }
}
