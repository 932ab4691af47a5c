/// Hard tanh: x clipped to [min_val, max_val] (PyTorch's hardtanh).
///
///     f(x)  = min_val if x < min_val, max_val if x > max_val, else x
///     f'(x) = 1 if min_val < x < max_val, else 0
///
/// f' is 0 at both edges (PyTorch's backward). Exact. Parameters: finite,
/// min_val <= max_val.
enum HardTanh: UnaryActivation {
  typealias Parameters = RuledParameters<OrderedRule>
  static let family = ElementwiseFamily.hardtanh
  /// f and f' are inputs, parameters or constants: exact in float.
  static var forwardIsExactInFloat: Bool { true }
  static var derivativeIsExactInFloat: Bool { true }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let (low, high) = (V(repeating: V.Scalar(p.a)), V(repeating: V.Scalar(p.b)))
    return x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    let (low, high) = (V(repeating: V.Scalar(p.a)), V(repeating: V.Scalar(p.b)))
    return V.zero.replacing(with: V.one, where: (x .> low) .& (x .< high))
  }
}
