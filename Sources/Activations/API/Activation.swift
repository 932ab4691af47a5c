/// An elementwise activation function with its parameters: the Swift API.
///
/// Each function comes in three directions over buffers of `Float` or
/// `Double` (the same kernels as the C functions `act_NAME_f32/_f64`):
///
///     try Activation.elu(alpha: 1).forward(x, into: y)      // y  = f(x)
///     try Activation.sigmoid.derivative(x, into: d)          // d  = f'(x)
///     try Activation.tanh.backward(x, dy, into: dx)          // dx = dy * f'(x)
///     let y = try Activation.relu.forward([1, -2, 3] as [Float])
///
/// Parameters are given as `Double` and rounded to the element type first,
/// exactly as the C functions receive them. Errors are `ActivationError`
/// values, the C status codes: `.size` when the buffers' counts differ,
/// `.parameter` for a value outside the domain (NaN alpha, lower > upper),
/// `.overlap` when an output partially overlaps an input.
/// The conventions (NaN, infinities, signed zeros, kinks) are those of
/// include/activations.h.
public enum Activation: Sendable, Hashable {
  /// 1 / (1 + e^-x)
  case sigmoid
  /// (e^x - e^-x) / (e^x + e^-x)
  case tanh
  /// max(0, x); relu'(0) = 0
  case relu
  /// x if x >= 0 else alpha x; f'(0) = alpha
  case leakyReLU(alpha: Double = 0.01)
  /// x if x >= 0 else alpha (e^x - 1); f'(0) = alpha
  case elu(alpha: Double = 1)
  /// x if x >= 0 else a_i x, a_i = (lower + upper) / 2 in eval mode, or
  /// drawn from U(lower, upper) as a pure function of (seed, i) in training.
  case rrelu(lower: Double = 1.0 / 8, upper: Double = 1.0 / 3, training: Bool = false, seed: UInt64 = 0)

  /// y = f(x). `y` may be the same memory as `x` (in place).
  public func forward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    guard x.count == y.count else { throw .size }
    let n = UInt(x.count)
    switch self {
    case .sigmoid: try Unary<Sigmoid>.forward(x.baseAddress, y.baseAddress, n, NoParameters())
    case .tanh: try Unary<Tanh>.forward(x.baseAddress, y.baseAddress, n, NoParameters())
    case .relu: try Unary<ReLU>.forward(x.baseAddress, y.baseAddress, n, NoParameters())
    case .leakyReLU(let alpha): try Unary<LeakyReLU>.forward(x.baseAddress, y.baseAddress, n, AlphaParameter(T(alpha)))
    case .elu(let alpha): try Unary<ELU>.forward(x.baseAddress, y.baseAddress, n, AlphaParameter(T(alpha)))
    case .rrelu: try Unary<RReLU>.forward(x.baseAddress, y.baseAddress, n, rreluParameters(T.self))
    }
  }

  /// d = f'(x). `d` may be the same memory as `x`.
  public func derivative<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    guard x.count == d.count else { throw .size }
    let n = UInt(x.count)
    switch self {
    case .sigmoid: try Unary<Sigmoid>.derivative(x.baseAddress, d.baseAddress, n, NoParameters())
    case .tanh: try Unary<Tanh>.derivative(x.baseAddress, d.baseAddress, n, NoParameters())
    case .relu: try Unary<ReLU>.derivative(x.baseAddress, d.baseAddress, n, NoParameters())
    case .leakyReLU(let alpha): try Unary<LeakyReLU>.derivative(x.baseAddress, d.baseAddress, n, AlphaParameter(T(alpha)))
    case .elu(let alpha): try Unary<ELU>.derivative(x.baseAddress, d.baseAddress, n, AlphaParameter(T(alpha)))
    case .rrelu: try Unary<RReLU>.derivative(x.baseAddress, d.baseAddress, n, rreluParameters(T.self))
    }
  }

  /// dx = dy * f'(x) in one pass. `dx` may be the same memory as `x` or `dy`.
  public func backward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    guard x.count == dx.count, dy.count == dx.count else { throw .size }
    let (x, dy, dx, n) = (x.baseAddress, dy.baseAddress, dx.baseAddress, UInt(x.count))
    switch self {
    case .sigmoid: try Unary<Sigmoid>.backward(x, dy, dx, n, NoParameters())
    case .tanh: try Unary<Tanh>.backward(x, dy, dx, n, NoParameters())
    case .relu: try Unary<ReLU>.backward(x, dy, dx, n, NoParameters())
    case .leakyReLU(let alpha): try Unary<LeakyReLU>.backward(x, dy, dx, n, AlphaParameter(T(alpha)))
    case .elu(let alpha): try Unary<ELU>.backward(x, dy, dx, n, AlphaParameter(T(alpha)))
    case .rrelu: try Unary<RReLU>.backward(x, dy, dx, n, rreluParameters(T.self))
    }
  }

  private func rreluParameters<T: ActivationScalar>(_: T.Type) -> RReLUParameters {
    guard case .rrelu(let lower, let upper, let training, let seed) = self else { preconditionFailure() }
    return RReLUParameters(T(lower), T(upper), training ? 1 : 0, seed)
  }
}

// MARK: - Arrays

extension Activation {
  /// f(x) as a new array.
  public func forward<T: ActivationScalar>(_ x: [T]) throws(ActivationError) -> [T] {
    try mapping(x) { x, y throws(ActivationError) in try forward(x, into: y) }
  }

  /// f'(x) as a new array.
  public func derivative<T: ActivationScalar>(_ x: [T]) throws(ActivationError) -> [T] {
    try mapping(x) { x, d throws(ActivationError) in try derivative(x, into: d) }
  }

  /// dy * f'(x) as a new array; `x` and `dy` must have the same count.
  public func backward<T: ActivationScalar>(_ x: [T], _ dy: [T]) throws(ActivationError) -> [T] {
    guard x.count == dy.count else { throw .size }
    return try dy.withUnsafeBufferPointer { dy throws(ActivationError) in
      try mapping(x) { x, dx throws(ActivationError) in try backward(x, dy, into: dx) }
    }
  }
}

/// A new array of `count` elements filled by `body` from `x`'s storage.
func mapping<T: ActivationScalar>(
  _ x: [T], count: Int? = nil,
  _ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws(ActivationError) -> Void
) throws(ActivationError) -> [T] {
  var out = [T](repeating: 0, count: count ?? x.count)
  try x.withUnsafeBufferPointer { x throws(ActivationError) in
    try out.withUnsafeMutableBufferPointer { out throws(ActivationError) in try body(x, out) }
  }
  return out
}
