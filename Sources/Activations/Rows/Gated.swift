/// The gated linear units glu, swiglu and geglu over rows of x = [a | b]:
/// validation, the thread split over rows and the C exports (the gates are
/// in Functions/Gates.swift, the row kernels in Functions/GatedRows.swift).
///
///     x is rows x (2 cols), a = x[r, 0 ..< cols], b = x[r, cols ..< 2 cols]
///     y  (rows x cols)   = a * g(b)
///     d  (x's shape)     = [g(b) | a * g'(b)]
///     dx (x's shape)     = dy * d, dy rows x cols
///
/// Shapes: rows * 2 * cols must fit (else `.size`); cols == 0 with
/// rows > 0 is `.size` (as softmax). y is shorter than x, so y == x is an
/// overlap; d and dx may be x itself (in place).
enum Gated<G: GateFunction> {
  static func forward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    guard let (x, y, c) = try GatedChecks.checkForward(x, y, rows, cols) else { return }
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: G.cost) { range in
      runGated(G.gate, 0, x, x, y, range, c)
    }
  }

  static func derivative<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    guard let (x, d, c) = try GatedChecks.checkDerivative(x, d, rows, cols) else { return }
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: G.cost) { range in
      runGated(G.gate, 1, x, x, d, range, c)
    }
  }

  static func backward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    guard let (x, dy, dx, c) = try GatedChecks.checkBackward(x, dy, dx, rows, cols) else { return }
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: G.cost) { range in
      runGated(G.gate, 2, x, dy, dx, range, c)
    }
  }
}

// MARK: - Checks (any element type; nil when there is nothing to do)

/// The gated units' checks, in the header's order; they return the arrays
/// and cols.
enum GatedChecks {
  static func checkForward<T>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, Int)? {
    let count = try Rows.count(rows, cols, 2, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return nil }
    let (x, y) = (try nonNull(x), try nonNull(y))
    try requireAligned(x)
    try requireAligned(UnsafePointer(y))
    try requireNoPartialOverlap(Region(y, count: count / 2), Region(x, count: count))
    return (x, y, Int(cols))
  }

  static func checkDerivative<T>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, Int)? {
    let count = try Rows.count(rows, cols, 2, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return nil }
    let (x, d) = (try nonNull(x), try nonNull(d))
    try requireAligned(x)
    try requireAligned(UnsafePointer(d))
    try requireNoPartialOverlap(Region(d, count: count), Region(x, count: count))
    return (x, d, Int(cols))
  }

  static func checkBackward<T>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafePointer<T>, UnsafeMutablePointer<T>, Int)? {
    let count = try Rows.count(rows, cols, 2, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return nil }
    let (x, dy, dx) = (try nonNull(x), try nonNull(dy), try nonNull(dx))
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(dx))
    try requireNoPartialOverlap(Region(dx, count: count), Region(x, count: count), Region(dy, count: count / 2))
    return (x, dy, dx, Int(cols))
  }
}

/// Runs a gated kernel (direction 0 forward, 1 derivative, 2 backward) on
/// `rows` in the selected instruction-set build.
func runGated<T: ActivationScalar>(
  _ gate: Gate, _ direction: Int, _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ rows: Range<Int>, _ cols: Int
) {
  ISA.kernels.gated(
    gate.rawValue, direction, T.self == Double.self, UnsafeRawPointer(x), UnsafeRawPointer(dy),
    UnsafeMutableRawPointer(out), rows.lowerBound, rows.upperBound, cols)
}

// MARK: - C ABI (include/activations.h, "glu")

/// The C function `act_glu_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.glu.forward` instead.
@c(act_glu_f32)
public func act_glu_f32(
  _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.forward(x, y, rows, cols) }
}
/// The C function `act_glu_derivative_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.glu.derivative` instead.
@c(act_glu_derivative_f32)
public func act_glu_derivative_f32(
  _ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.derivative(x, d, rows, cols) }
}
/// The C function `act_glu_backward_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.glu.backward` instead.
@c(act_glu_backward_f32)
public func act_glu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt,
  _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.backward(x, dy, dx, rows, cols) }
}
/// The C function `act_glu_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.glu.forward` instead.
@c(act_glu_f64)
public func act_glu_f64(
  _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.forward(x, y, rows, cols) }
}
/// The C function `act_glu_derivative_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.glu.derivative` instead.
@c(act_glu_derivative_f64)
public func act_glu_derivative_f64(
  _ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.derivative(x, d, rows, cols) }
}
/// The C function `act_glu_backward_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.glu.backward` instead.
@c(act_glu_backward_f64)
public func act_glu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt,
  _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.backward(x, dy, dx, rows, cols) }
}

// MARK: - C ABI (include/activations.h, "swiglu")

/// The C function `act_swiglu_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.swiglu.forward` instead.
@c(act_swiglu_f32)
public func act_swiglu_f32(
  _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.forward(x, y, rows, cols) }
}
/// The C function `act_swiglu_derivative_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.swiglu.derivative` instead.
@c(act_swiglu_derivative_f32)
public func act_swiglu_derivative_f32(
  _ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.derivative(x, d, rows, cols) }
}
/// The C function `act_swiglu_backward_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.swiglu.backward` instead.
@c(act_swiglu_backward_f32)
public func act_swiglu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt,
  _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.backward(x, dy, dx, rows, cols) }
}
/// The C function `act_swiglu_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.swiglu.forward` instead.
@c(act_swiglu_f64)
public func act_swiglu_f64(
  _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.forward(x, y, rows, cols) }
}
/// The C function `act_swiglu_derivative_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.swiglu.derivative` instead.
@c(act_swiglu_derivative_f64)
public func act_swiglu_derivative_f64(
  _ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.derivative(x, d, rows, cols) }
}
/// The C function `act_swiglu_backward_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.swiglu.backward` instead.
@c(act_swiglu_backward_f64)
public func act_swiglu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt,
  _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.backward(x, dy, dx, rows, cols) }
}

// MARK: - C ABI (include/activations.h, "geglu")

/// The C function `act_geglu_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.geglu.forward` instead.
@c(act_geglu_f32)
public func act_geglu_f32(
  _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.forward(x, y, rows, cols) }
}
/// The C function `act_geglu_derivative_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.geglu.derivative` instead.
@c(act_geglu_derivative_f32)
public func act_geglu_derivative_f32(
  _ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.derivative(x, d, rows, cols) }
}
/// The C function `act_geglu_backward_f32` (float; include/activations.h).
/// Swift code calls `GatedUnit.geglu.backward` instead.
@c(act_geglu_backward_f32)
public func act_geglu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt,
  _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.backward(x, dy, dx, rows, cols) }
}
/// The C function `act_geglu_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.geglu.forward` instead.
@c(act_geglu_f64)
public func act_geglu_f64(
  _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.forward(x, y, rows, cols) }
}
/// The C function `act_geglu_derivative_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.geglu.derivative` instead.
@c(act_geglu_derivative_f64)
public func act_geglu_derivative_f64(
  _ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.derivative(x, d, rows, cols) }
}
/// The C function `act_geglu_backward_f64` (double; include/activations.h).
/// Swift code calls `GatedUnit.geglu.backward` instead.
@c(act_geglu_backward_f64)
public func act_geglu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt,
  _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.backward(x, dy, dx, rows, cols) }
}
