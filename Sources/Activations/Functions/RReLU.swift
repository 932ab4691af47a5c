import CShims

/// Randomized leaky ReLU.
///
///     f(x)  = x if x >= 0 else a_i * x     (f(-0) = -0)
///     f'(x) = 1 if x > 0  else a_i         (f'(0) = a_i)
///
/// Eval mode: a_i = fl((lower + upper) / 2) in the element type.
/// Training mode: a_i = lower + (upper - lower) * u_i, each operation in the
/// element type, with u_i from `CounterHash` -- a pure function of (seed, i),
/// so the derivative and backward recompute exactly the forward's slopes.
/// Exact: a_i * x is one correctly rounded product.
enum RReLU: UnaryActivation {
  static let family = ElementwiseFamily.rrelu
  /// f' is a parameter or a constant: exact in float.
  static var derivativeIsExactInFloat: Bool { true }
  static var cost: Int { hashCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: RReLUParameters, index: Int) -> V {
    (slopes(p, index: index, as: V.self) * x).replacing(with: x, where: x .>= V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: RReLUParameters, index: Int) -> V {
    slopes(p, index: index, as: V.self).replacing(with: V.one, where: x .> V.zero)
  }

  /// The float function on double lanes (16-bit formats): the float slopes,
  /// so the products are exact.
  @inline(__always)
  static func forwardForHalves(_ x: SIMD8<Double>, _ p: RReLUParameters, index: Int) -> SIMD8<Double> {
    (floatSlopes(p, index: index) * x).replacing(with: x, where: x .>= SIMD8<Double>.zero)
  }

  @inline(__always)
  static func derivativeForHalves(_ x: SIMD8<Double>, _ p: RReLUParameters, index: Int) -> SIMD8<Double> {
    floatSlopes(p, index: index).replacing(with: SIMD8<Double>.one, where: x .> SIMD8<Double>.zero)
  }

  /// The float slopes of elements index ..< index + 8, as doubles.
  @inline(__always)
  static func floatSlopes(_ p: RReLUParameters, index: Int) -> SIMD8<Double> {
    actv_widen_low_f32x16(slopes(p, index: index, as: SIMD16<Float>.self))
  }

  /// The slopes of elements index ..< index + V.scalarCount.
  @inline(__always)
  static func slopes<V: FloatVector>(_ p: RReLUParameters, index: Int, as _: V.Type) -> V {
    let lower = V.Scalar(p.lower), upper = V.Scalar(p.upper)
    guard p.training else {
      let sum = lower + upper
      return V(repeating: sum.isFinite ? sum / 2 : lower / 2 + upper / 2)
    }
    return V(repeating: lower) + V(repeating: upper - lower) * V.uniform(seed: p.seed, index: index)
  }
}

/// rrelu's parameters: lower <= upper, both finite, with upper - lower
/// finite in the element type; training flag and seed.
struct RReLUParameters: ActivationParameters {
  let lower: Double
  let upper: Double
  let training: Bool
  let seed: UInt64

  init<T: ActivationScalar>(_ lower: T, _ upper: T, _ training: Int32, _ seed: UInt64) {
    self.lower = Double(lower)
    self.upper = Double(upper)
    self.training = training != 0
    self.seed = seed
  }

  init(raw: (Double, Double, Int32, UInt64)) {
    (lower, upper, training, seed) = (raw.0, raw.1, raw.2 != 0, raw.3)
  }

  var raw: (Double, Double, Int32, UInt64) { (lower, upper, training ? 1 : 0, seed) }

  @inline(__always)
  func validate<T: ActivationScalar>(for _: T.Type) throws(ActivationError) {
    let (lower, upper) = (T(self.lower), T(self.upper))
    guard lower.isFinite, upper.isFinite, lower <= upper, (upper - lower).isFinite else {
      throw .parameter
    }
  }
}
