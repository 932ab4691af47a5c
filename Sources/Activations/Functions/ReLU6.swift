/// ReLU6: x clipped to [0, 6].
///
///     f(x)  = 0 if x <= 0, 6 if x > 6, else x     (f(-0) = +0, as relu)
///     f'(x) = 1 if 0 < x < 6, else 0              (0 at both edges, PyTorch's backward)
///
/// Exact.
enum ReLU6: UnaryActivation {
  static let family = ElementwiseFamily.relu6
  /// f and f' are inputs, parameters or constants: exact in float.
  static var forwardIsExactInFloat: Bool { true }
  static var derivativeIsExactInFloat: Bool { true }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    let six = V(repeating: 6)
    return x.replacing(with: V.zero, where: x .<= V.zero).replacing(with: six, where: x .> six)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.zero.replacing(with: V.one, where: (x .> V.zero) .& (x .< V(repeating: 6)))
  }
}
