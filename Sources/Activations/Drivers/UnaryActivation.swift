/// An elementwise activation: its math on one vector of lanes, nothing else.
///
/// Implementations never loop, never see pointers and never know the
/// instruction set. `index` is the element index of the first lane, counted
/// from the caller's pointer; only functions whose value depends on the
/// position (rrelu's per-element slope) use it. Lanes past the end of the
/// caller's array hold zeros and their results are discarded.
///
/// NaN propagation is not the math's concern: the driver returns NaN for
/// every NaN lane of x in the forward and the derivative.
protocol UnaryActivation {
  associatedtype Parameters: ActivationParameters
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V
}

/// The scalar parameters of one call, validated once before any work.
protocol ActivationParameters: Sendable {
  /// Throws `.parameter` when a value is outside the function's domain for
  /// element type `T`.
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError)
}

/// For functions without parameters.
struct NoParameters: ActivationParameters {
  @inline(__always)
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError) {}
}

/// One slope or scale, such as leaky_relu's and elu's alpha: any finite value.
struct AlphaParameter: ActivationParameters {
  let alpha: Double

  init<T: ActivationScalar>(_ alpha: T) { self.alpha = Double(alpha) }

  @inline(__always)
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError) {
    guard T(alpha).isFinite else { throw .parameter }
  }
}
