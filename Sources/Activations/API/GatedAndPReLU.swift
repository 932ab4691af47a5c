/// prelu and the gated linear units in the Swift API, over row-major
/// contiguous buffers. They run the same kernels as the C functions
/// `act_prelu_*`, `act_glu_*`, `act_swiglu_*` and `act_geglu_*`; the buffers' counts must
/// match the shapes (`.size` otherwise), and the conventions are those of
/// include/activations.h.

/// PReLU: y = x if x >= 0 else w x, with x rows x channels and `weight`
/// holding one slope per channel or one shared slope (`.parameter` for
/// any other count, or a weight that is not finite).
public func prelu<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, weight: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>,
  rows: Int, channels: Int
) throws(ActivationError) {
  try requireShape(x.count, y.count, rows, channels)
  try PReLU.map(
    derivative: false, x.baseAddress, y.baseAddress, UInt(rows), UInt(channels), weight.baseAddress,
    UInt(weight.count))
}

/// PReLU derivative (shape of x): 1 where x > 0, else the element's weight
/// (also at x = 0).
public func preluDerivative<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, weight: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>,
  rows: Int, channels: Int
) throws(ActivationError) {
  try requireShape(x.count, d.count, rows, channels)
  try PReLU.map(
    derivative: true, x.baseAddress, d.baseAddress, UInt(rows), UInt(channels), weight.baseAddress,
    UInt(weight.count))
}

/// PReLU backward: dx = dy * f'(x), and `dweight` (weight's count,
/// overwritten) the sum of dy * x over each weight's elements with x < 0,
/// compensated, in an order fixed by the shape (bitwise the same for every
/// thread count).
public func preluBackward<T: ActivationScalar>(
  _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, weight: UnsafeBufferPointer<T>,
  into dx: UnsafeMutableBufferPointer<T>, weightGradient dweight: UnsafeMutableBufferPointer<T>,
  rows: Int, channels: Int
) throws(ActivationError) {
  try requireShape(x.count, dx.count, rows, channels)
  guard dy.count == dx.count, dweight.count == weight.count else { throw .size }
  try PReLU.backward(
    x.baseAddress, dy.baseAddress, dx.baseAddress, dweight.baseAddress, UInt(rows), UInt(channels),
    weight.baseAddress, UInt(weight.count))
}

/// A gated linear unit: y = a * g(b) for each row [a | b] of x.
public enum GatedUnit: Sendable, Hashable {
  /// g = sigmoid (PyTorch's glu).
  case glu
  /// g = silu, b sigmoid(b).
  case swiglu
  /// a * gelu(b), gelu in the exact (erf) form.
  case geglu

  /// y (rows x cols) = a * g(b), x rows x (2 cols). y must not overlap x.
  public func forward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
  ) throws(ActivationError) {
    try requireShape(x.count, nil, rows, 2 * cols)
    try requireShape(y.count, nil, rows, cols)
    switch self {
    case .glu: try Gated<SigmoidGate>.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols))
    case .swiglu: try Gated<SiLUGate>.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols))
    case .geglu: try Gated<GeluGate>.forward(x.baseAddress, y.baseAddress, UInt(rows), UInt(cols))
    }
  }

  /// d (x's shape) = [g(b) | a g'(b)] per row. `d` may be `x` itself.
  public func derivative<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>, rows: Int, cols: Int
  ) throws(ActivationError) {
    try requireShape(x.count, d.count, rows, 2 * cols)
    switch self {
    case .glu: try Gated<SigmoidGate>.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(cols))
    case .swiglu: try Gated<SiLUGate>.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(cols))
    case .geglu: try Gated<GeluGate>.derivative(x.baseAddress, d.baseAddress, UInt(rows), UInt(cols))
    }
  }

  /// dx (x's shape) = dy * [g(b) | a g'(b)], dy rows x cols. `dx` may be `x` itself.
  public func backward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>,
    rows: Int, cols: Int
  ) throws(ActivationError) {
    try requireShape(x.count, dx.count, rows, 2 * cols)
    try requireShape(dy.count, nil, rows, cols)
    let (x, dy, dx) = (x.baseAddress, dy.baseAddress, dx.baseAddress)
    switch self {
    case .glu: try Gated<SigmoidGate>.backward(x, dy, dx, UInt(rows), UInt(cols))
    case .swiglu: try Gated<SiLUGate>.backward(x, dy, dx, UInt(rows), UInt(cols))
    case .geglu: try Gated<GeluGate>.backward(x, dy, dx, UInt(rows), UInt(cols))
    }
  }
}

/// Throws `.size` unless the counts equal rows * cols (negative dimensions
/// and overflowing products included).
private func requireShape(_ a: Int, _ b: Int?, _ rows: Int, _ cols: Int) throws(ActivationError) {
  guard rows >= 0, cols >= 0 else { throw .size }
  let (product, overflow) = rows.multipliedReportingOverflow(by: cols)
  guard !overflow, a == product, b == nil || b == product else { throw .size }
}
