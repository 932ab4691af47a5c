/// Leaky rectified linear unit with slope alpha on the negative side.
///
///     f(x)  = x if x >= 0 else alpha * x    (f(-0) = -0 whatever alpha)
///     f'(x) = 1 if x > 0  else alpha        (f'(0) = alpha)
///
/// alpha is any finite value. Exact: alpha * x is one correctly rounded
/// product in the element type.
enum LeakyReLU: UnaryActivation {
  static let family = ElementwiseFamily.leakyRelu
  /// f' is a parameter or a constant: exact in float.
  static var derivativeIsExactInFloat: Bool { true }
  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    (V(repeating: V.Scalar(p.alpha)) * x).replacing(with: x, where: x .>= V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    V(repeating: V.Scalar(p.alpha)).replacing(with: V.one, where: x .> V.zero)
  }
}
