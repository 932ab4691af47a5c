/// Rectified linear unit.
///
///     f(x)  = max(0, x)          relu(-0) = +0, relu(NaN) = NaN
///     f'(x) = 1 if x > 0 else 0  (f'(0) = 0)
///
/// Exact in both types.
enum ReLU: UnaryActivation {
  static let family = ElementwiseFamily.relu
  /// f and f' are inputs, parameters or constants: exact in float.
  static var forwardIsExactInFloat: Bool { true }
  static var derivativeIsExactInFloat: Bool { true }
  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    x.replacing(with: V.zero, where: x .<= V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.zero.replacing(with: V.one, where: x .> V.zero)
  }
}
