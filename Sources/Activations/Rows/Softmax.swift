/// Softmax over each row of a rows x cols matrix: validation, the thread
/// split over rows and the C exports (the row kernels are in SoftmaxRows.swift).
/// The drivers serve softmin, the safe softmax and log_softmax too (their
/// exports are in SoftmaxVariants.swift): `kernel` picks the row function.
enum Softmax {
  /// Work per element for the thread split (`Parallel`), scaled from the
  /// measured single-thread speeds (forward 0.33 el/ns, 2.5x slower than
  /// sigmoid; backward 0.65 el/ns, 1.3x): the forward evaluates two
  /// exponentials per element, the backward two compensated passes, the
  /// Jacobian one product per entry.
  static let forwardCost = 10
  static let backwardCost = 5
  static let jacobianCost = 1
}

// MARK: - Drivers (validation in the header's order, then rows)

extension Softmax {
  static func forward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt,
    _ kernel: RowKernel = .softmax
  ) throws(ActivationError) {
    guard let (x, y, c) = try checkForward(x, y, rows, cols) else { return }
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: forwardCost) { range in
      runRows(kernel, x, x, y, range, c)
    }
  }

  static func backward<T: ActivationScalar>(
    _ y: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt,
    _ kernel: RowKernel = .softmaxBackward
  ) throws(ActivationError) {
    guard let (y, dy, dx, c) = try checkBackward(y, dy, dx, rows, cols) else { return }
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: backwardCost) { range in
      runRows(kernel, y, dy, dx, range, c)
    }
  }

  static func jacobian<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ jacobian: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt,
    _ kernel: RowKernel = .softmaxJacobian
  ) throws(ActivationError) {
    guard let (x, jacobian, c) = try checkJacobian(x, jacobian, rows, cols) else { return }
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c * c, cost: jacobianCost) { range in
      runRows(kernel, x, x, jacobian, range, c)
    }
  }
}

// MARK: - Checks (any element type; nil when there is nothing to do)

extension Softmax {
  static func checkForward<T>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, Int)? {
    let count = try Rows.count(rows, cols, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return nil }
    let (x, y) = (try nonNull(x), try nonNull(y))
    try requireAligned(x)
    try requireAligned(UnsafePointer(y))
    try requireNoPartialOverlap(Region(y, count: count), Region(x, count: count))
    return (x, y, Int(cols))
  }

  static func checkBackward<T>(
    _ y: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafePointer<T>, UnsafeMutablePointer<T>, Int)? {
    let count = try Rows.count(rows, cols, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return nil }
    let (y, dy, dx) = (try nonNull(y), try nonNull(dy), try nonNull(dx))
    try requireAligned(y)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(dx))
    try requireNoPartialOverlap(Region(dx, count: count), Region(y, count: count), Region(dy, count: count))
    return (y, dy, dx, Int(cols))
  }

  static func checkJacobian<T>(
    _ x: UnsafePointer<T>?, _ jacobian: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, Int)? {
    let count = try Rows.count(rows, cols, of: T.self)
    let jacobianCount = try Rows.count(rows, cols, cols, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return nil }
    let (x, jacobian) = (try nonNull(x), try nonNull(jacobian))
    try requireAligned(x)
    try requireAligned(UnsafePointer(jacobian))
    try requireNoPartialOverlap(Region(jacobian, count: jacobianCount), Region(x, count: count))
    return (x, jacobian, Int(cols))
  }
}

// MARK: - C ABI (include/activations.h, "softmax")

/// The C function `act_softmax_f32` (float; include/activations.h).
/// Swift code calls `softmax` instead.
@c(act_softmax_f32)
public func act_softmax_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols) }
}
/// The C function `act_softmax_backward_f32` (float; include/activations.h).
/// Swift code calls `softmaxBackward` instead.
@c(act_softmax_backward_f32)
public func act_softmax_backward_f32(
  _ y: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols) }
}
/// The C function `act_softmax_derivative_f32` (float; include/activations.h).
/// Swift code calls `softmaxJacobian` instead.
@c(act_softmax_derivative_f32)
public func act_softmax_derivative_f32(
  _ x: UnsafePointer<Float>?, _ jacobian: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols) }
}
/// The C function `act_softmax_f64` (double; include/activations.h).
/// Swift code calls `softmax` instead.
@c(act_softmax_f64)
public func act_softmax_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols) }
}
/// The C function `act_softmax_backward_f64` (double; include/activations.h).
/// Swift code calls `softmaxBackward` instead.
@c(act_softmax_backward_f64)
public func act_softmax_backward_f64(
  _ y: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols) }
}
/// The C function `act_softmax_derivative_f64` (double; include/activations.h).
/// Swift code calls `softmaxJacobian` instead.
@c(act_softmax_derivative_f64)
public func act_softmax_derivative_f64(
  _ x: UnsafePointer<Double>?, _ jacobian: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols) }
}
