/// prelu and the gated linear units (glu, swiglu, geglu) in the Swift API,
/// over row-major contiguous matrices given as buffers or arrays of `Float`
/// or `Double`. They run the same kernels as the C functions `act_prelu_*`,
/// `act_glu_*`, `act_swiglu_*` and `act_geglu_*`; the conventions (special
/// values, accuracy, threads) are those of include/activations.h.
/// A count that differs from the shape's, a negative dimension or an
/// overflowing product throws `ActivationError.size`.

// MARK: - prelu

/// PReLU, leaky ReLU with learned slopes: x is rows x channels and
/// `f(x) = x if x >= 0 else w * x` (f(-0) = -0), where w = weight[c] for
/// channel c when weight holds one slope per channel, or weight[0] when it
/// holds one shared slope. `y` may be `x` itself.
///
/// - Throws: `ActivationError.size` when x's or y's count is not
///   rows * channels, `.parameter` when weight's count is neither 1 nor
///   channels or a weight is not finite (with work to do), `.overlap` when
///   `y` partially overlaps `x` or `weight`.
public func prelu<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, weight: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
  rows: Int, channels: Int
) throws(ActivationError) {
  try requireCounts(x.count, y.count, equal: rows, channels)
  try PReLU.map(
    derivative: false, x.baseAddress, y.baseAddress, UInt(rows), UInt(channels), weight.baseAddress,
    UInt(weight.count))
}

/// PReLU's derivative, in x's shape: `f'(x) = 1 if x > 0 else w` (also w
/// at x = 0), w the element's weight as in `prelu`.
///
/// - Throws: as `prelu(_:weight:into:rows:channels:)`.
public func preluDerivative<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, weight: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>,
  rows: Int, channels: Int
) throws(ActivationError) {
  try requireCounts(x.count, d.count, equal: rows, channels)
  try PReLU.map(
    derivative: true, x.baseAddress, d.baseAddress, UInt(rows), UInt(channels), weight.baseAddress,
    UInt(weight.count))
}

/// PReLU's backward in one call: `dx = dy * f'(x)` (x's shape), and
/// `dweight[k]` (weight's count, overwritten) the sum of `dy * x` over the
/// elements using weight k with x < 0 or NaN, compensated, in an order
/// fixed by the shape (bitwise the same for every thread count).
///
/// - Throws: `ActivationError.size` when x's, dy's or dx's count is not
///   rows * channels or dweight's count differs from weight's,
///   `.parameter` when weight's count is neither 1 nor channels or a
///   weight is not finite, `.overlap` when `dx` partially overlaps an
///   input or `dweight` overlaps any other buffer.
public func preluBackward<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, weight: UnsafeBufferPointer<T>,
  into dx: UnsafeMutableBufferPointer<T>, weightGradient dweight: UnsafeMutableBufferPointer<T>,
  rows: Int, channels: Int
) throws(ActivationError) {
  try requireCounts(x.count, dx.count, equal: rows, channels)
  guard dy.count == dx.count, dweight.count == weight.count else { throw .size }
  try PReLU.backward(
    x.baseAddress, dy.baseAddress, dx.baseAddress, dweight.baseAddress, UInt(rows), UInt(channels),
    weight.baseAddress, UInt(weight.count))
}

/// `prelu(_:weight:into:rows:channels:)` into a new array of x's count.
///
/// - Throws: as the buffer form.
public func prelu<T: ActivationScalar>(
  _ x: [T], weight: [T], rows: Int, channels: Int
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, channels)
  return try weight.withUnsafeBufferPointer { w throws(ActivationError) in
    try mapping(x) { x, y throws(ActivationError) in try prelu(x, weight: w, into: y, rows: rows, channels: channels) }
  }
}

/// `preluDerivative(_:weight:into:rows:channels:)` into a new array of x's
/// count.
///
/// - Throws: as the buffer form.
public func preluDerivative<T: ActivationScalar>(
  _ x: [T], weight: [T], rows: Int, channels: Int
) throws(ActivationError) -> [T] {
  try requireCounts(x.count, equal: rows, channels)
  return try weight.withUnsafeBufferPointer { w throws(ActivationError) in
    try mapping(x) { x, d throws(ActivationError) in
      try preluDerivative(x, weight: w, into: d, rows: rows, channels: channels)
    }
  }
}

/// `preluBackward(_:_:weight:into:weightGradient:rows:channels:)` into new
/// arrays: dx (x's count) and the weight gradient (weight's count).
///
/// - Throws: as the buffer form.
public func preluBackward<T: ActivationScalar>(
  _ x: [T], _ dy: [T], weight: [T], rows: Int, channels: Int
) throws(ActivationError) -> (dx: [T], weightGradient: [T]) {
  try requireCounts(x.count, dy.count, equal: rows, channels)
  var weightGradient = [T](repeating: 0, count: weight.count)
  let dx = try weight.withUnsafeBufferPointer { w throws(ActivationError) in
    try dy.withUnsafeBufferPointer { dy throws(ActivationError) in
      try weightGradient.withUnsafeMutableBufferPointer { g throws(ActivationError) in
        try mapping(x) { x, dx throws(ActivationError) in
          try preluBackward(x, dy, weight: w, into: dx, weightGradient: g, rows: rows, channels: channels)
        }
      }
    }
  }
  return (dx, weightGradient)
}

// MARK: - Gated linear units

/// A gated linear unit: x is rows x (2 * cols), each row [a | b] (a its
/// first cols values, b the next cols), and y = a * g(b) is rows x cols
/// (PyTorch's glu(x, dim=-1) split; swiglu and geglu as in Shazeer's "GLU
/// variants", the gate on the second half).
///
/// The derivative has x's shape, the two partials of y per row:
/// `[dy/da | dy/db] = [g(b) | a * g'(b)]`; the backward multiplies it by
/// dy (rows x cols) in both halves.
///
/// Errors: `.size` when a count differs from the shape (or cols == 0 while
/// rows > 0), `.overlap` when an output overlaps an input other than as
/// the same memory; y is shorter than x, so y == x is `.overlap` too.
public enum GatedUnit: Sendable, Hashable {
  /// `y = a * sigmoid(b)`, `[dy/da | dy/db] = [sigmoid(b) | a * sigmoid'(b)]`
  /// (PyTorch's glu; C: `act_glu_*`).
  case glu
  /// `y = a * silu(b) = a * b * sigmoid(b)`,
  /// `[dy/da | dy/db] = [silu(b) | a * silu'(b)]`,
  /// `silu'(b) = sigmoid(b) + b * sigmoid'(b)` (C: `act_swiglu_*`).
  case swiglu
  /// `y = a * gelu(b)`, gelu in the exact (erf) form,
  /// `[dy/da | dy/db] = [gelu(b) | a * gelu'(b)]`,
  /// `gelu'(b) = Phi(b) + b * exp(-b^2/2) / sqrt(2 pi)` (C: `act_geglu_*`).
  case geglu

  /// The unit's name in the table and in its C functions' names
  /// (`act_NAME_f32`): "glu", "swiglu" or "geglu".
  public var name: String {
    switch self {
    case .glu: "glu"
    case .swiglu: "swiglu"
    case .geglu: "geglu"
    }
  }

  /// y (rows x cols) = a * g(b) for each row [a | b] of x (rows x 2 cols).
  /// `y` must not overlap `x`.
  ///
  /// - Throws: `ActivationError.size` when x's count is not rows * 2 * cols
  ///   or y's not rows * cols (or cols == 0 < rows), `.overlap` when `y`
  ///   overlaps `x`.
  public func forward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
  ) throws(ActivationError) {
    try requireCounts(x.count, equal: rows, 2, cols)
    try requireCounts(y.count, equal: rows, cols)
    switch self {
    case .glu: try Gated<SigmoidGate>.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols))
    case .swiglu: try Gated<SiLUGate>.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols))
    case .geglu: try Gated<GeluGate>.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols))
    }
  }

  /// d (x's shape) = [g(b) | a g'(b)] per row. `d` may be `x` itself.
  ///
  /// - Throws: `ActivationError.size` when a count is not rows * 2 * cols
  ///   (or cols == 0 < rows), `.overlap` when `d` partially overlaps `x`.
  public func derivative<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
  ) throws(ActivationError) {
    try requireCounts(x.count, d.count, equal: rows, 2, cols)
    switch self {
    case .glu: try Gated<SigmoidGate>.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(cols))
    case .swiglu: try Gated<SiLUGate>.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(cols))
    case .geglu: try Gated<GeluGate>.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(cols))
    }
  }

  /// dx (x's shape) = dy * [g(b) | a g'(b)], dy rows x cols (the IEEE
  /// products). `dx` may be `x` itself, not `dy`.
  ///
  /// - Throws: `ActivationError.size` when x's or dx's count is not
  ///   rows * 2 * cols or dy's not rows * cols (or cols == 0 < rows),
  ///   `.overlap` when `dx` partially overlaps `x` or overlaps `dy`.
  public func backward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
    rows: Int, cols: Int
  ) throws(ActivationError) {
    try requireCounts(x.count, dx.count, equal: rows, 2, cols)
    try requireCounts(dy.count, equal: rows, cols)
    let (x, dy, dx) = (x.baseAddress, dy.baseAddress, dx.baseAddress)
    switch self {
    case .glu: try Gated<SigmoidGate>.backward(x, dy, dx, UInt(rows), UInt(cols))
    case .swiglu: try Gated<SiLUGate>.backward(x, dy, dx, UInt(rows), UInt(cols))
    case .geglu: try Gated<GeluGate>.backward(x, dy, dx, UInt(rows), UInt(cols))
    }
  }

  /// `forward(_:into:rows:cols:)` into a new array of rows * cols values.
  ///
  /// - Throws: `ActivationError.size` when x's count is not rows * 2 * cols
  ///   (or cols == 0 < rows).
  public func forward<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
    try requireCounts(x.count, equal: rows, 2, cols)
    return try mapping(x, count: try checkedCount(rows, cols)) { x, y throws(ActivationError) in
      try forward(x, into: y, rows: rows, cols: cols)
    }
  }

  /// `derivative(_:into:rows:cols:)` into a new array of x's count.
  ///
  /// - Throws: `ActivationError.size` when x's count is not rows * 2 * cols
  ///   (or cols == 0 < rows).
  public func derivative<T: ActivationScalar>(_ x: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
    try requireCounts(x.count, equal: rows, 2, cols)
    return try mapping(x) { x, d throws(ActivationError) in try derivative(x, into: d, rows: rows, cols: cols) }
  }

  /// `backward(_:_:into:rows:cols:)` into a new array of x's count.
  ///
  /// - Throws: `ActivationError.size` when x's count is not rows * 2 * cols
  ///   or dy's not rows * cols (or cols == 0 < rows).
  public func backward<T: ActivationScalar>(_ x: [T], _ dy: [T], rows: Int, cols: Int) throws(ActivationError) -> [T] {
    try requireCounts(x.count, equal: rows, 2, cols)
    return try dy.withUnsafeBufferPointer { dy throws(ActivationError) in
      try mapping(x) { x, dx throws(ActivationError) in try backward(x, dy, into: dx, rows: rows, cols: cols) }
    }
  }
}
