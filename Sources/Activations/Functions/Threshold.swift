/// Threshold (PyTorch's torch.nn.functional.threshold).
///
///     f(x)  = x if x > threshold, else value
///     f'(x) = 1 if x > threshold, else 0      (0 at x == threshold)
///
/// Exact. Parameters: threshold and value finite, both required. NaN gives
/// NaN (PyTorch's backward passes 0 there; the library's contract is NaN).
enum Threshold: UnaryActivation {
  typealias Parameters = RuledParameters<FiniteRule>
  static let family = ElementwiseFamily.threshold
  /// f and f' are inputs, parameters or constants: exact in float.
  static var forwardIsExactInFloat: Bool { true }
  static var derivativeIsExactInFloat: Bool { true }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    V(repeating: V.Scalar(p.b)).replacing(with: x, where: x .> V(repeating: V.Scalar(p.a)))
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V {
    V.zero.replacing(with: V.one, where: x .> V(repeating: V.Scalar(p.a)))
  }
}
