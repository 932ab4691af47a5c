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
  /// The family's number in `elementwiseEntry`.
  static var family: ElementwiseFamily { get }
  /// The work per element in units of about one relu element, for the
  /// thread split (`Parallel`): 1 for the piecewise-linear functions,
  /// `transcendentalCost` for those evaluating exp. It changes only how the
  /// work is split, never the results.
  static var cost: Int { get }
  static func forward<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V
  static func derivative<V: FloatVector>(_ x: V, _ p: Parameters, index: Int) -> V
  /// f and f' of the float function on double lanes, for the 16-bit formats'
  /// inputs whose float result is too close to a rounding boundary
  /// (Drivers/HalfPrecision.swift): the double kernels by default. A family
  /// overrides them where its float function is not its double one (rrelu's
  /// slopes are drawn in the element type), or where the exact value lies
  /// so close to a 16-bit midpoint that a double rounded to nearest could
  /// land on the midpoint itself (tanhshrink's f' = tanh(x)^2 just below x^2).
  static func forwardForHalves(_ x: SIMD8<Double>, _ p: Parameters, index: Int) -> SIMD8<Double>
  static func derivativeForHalves(_ x: SIMD8<Double>, _ p: Parameters, index: Int) -> SIMD8<Double>
  /// Whether f (f') of a float input, computed in float, is the exact value
  /// itself (an input, a parameter or a constant such as 0, 1 or 6): then
  /// its 16-bit rounding is correct as it is, and the 16-bit loops skip the
  /// rounding check. False by default.
  static var forwardIsExactInFloat: Bool { get }
  static var derivativeIsExactInFloat: Bool { get }
}

extension UnaryActivation {
  static var cost: Int { 1 }
  static var forwardIsExactInFloat: Bool { false }
  static var derivativeIsExactInFloat: Bool { false }

  @inline(__always)
  static func forwardForHalves(_ x: SIMD8<Double>, _ p: Parameters, index: Int) -> SIMD8<Double> {
    forward(x, p, index: index)
  }

  @inline(__always)
  static func derivativeForHalves(_ x: SIMD8<Double>, _ p: Parameters, index: Int) -> SIMD8<Double> {
    derivative(x, p, index: index)
  }
}

/// The cost of functions that evaluate exp or expm1 per element, relative
/// to relu, for the thread split (see `Parallel`). The crossovers measured
/// with the earlier double-precision kernels were 1 Mi elements for relu
/// and 128 Ki for sigmoid (cost 8); the native kernels are about four
/// times faster, so the cost is scaled to 4 (a 256 Ki crossover), from the
/// speed ratio rather than a new crossover measurement.
let transcendentalCost = 4

/// rrelu's per-element hash (training mode), still a per-lane scalar loop
/// (about 0.12 elements/ns): the earlier measured cost.
let hashCost = 8

/// The scalar parameters of one call, validated once before any work.
protocol ActivationParameters: Sendable {
  /// Throws `.parameter` when a value is outside the function's domain for
  /// element type `T`.
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError)

  /// The parameters as plain numbers (for `elementwiseEntry`), and back.
  var raw: (Double, Double, Int32, UInt64) { get }
  init(raw: (Double, Double, Int32, UInt64))
}

/// For functions without parameters.
struct NoParameters: ActivationParameters {
  init() {}
  init(raw: (Double, Double, Int32, UInt64)) {}
  var raw: (Double, Double, Int32, UInt64) { (0, 0, 0, 0) }

  @inline(__always)
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError) {}
}

/// One slope or scale, such as leaky_relu's and elu's alpha: any finite value.
struct AlphaParameter: ActivationParameters {
  let alpha: Double

  init<T: ActivationScalar>(_ alpha: T) { self.alpha = Double(alpha) }
  init(raw: (Double, Double, Int32, UInt64)) { alpha = raw.0 }
  var raw: (Double, Double, Int32, UInt64) { (alpha, 0, 0, 0) }

  @inline(__always)
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError) {
    guard T(alpha).isFinite else { throw .parameter }
  }
}
