/// The C exports of the row functions that share softmax's drivers and
/// kernels (Softmax.swift, SoftmaxRows.swift): log_softmax, softmin and the
/// safe softmax. The safe softmax's backward is softmax's: from the output
/// y, a row of zeros gives dx = y (dy - sum(dy y)) = 0.

// MARK: - C ABI (include/activations.h, "log_softmax": log(softmax(x)) per row)

/// The C function `act_log_softmax_f32` (float; include/activations.h).
/// Swift code calls `logSoftmax` instead.
@c(act_log_softmax_f32)
public func act_log_softmax_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols, .logSoftmax) }
}
/// The C function `act_log_softmax_backward_f32` (float; include/activations.h).
/// Swift code calls `logSoftmaxBackward` instead.
@c(act_log_softmax_backward_f32)
public func act_log_softmax_backward_f32(
  _ y: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols, .logSoftmaxBackward) }
}
/// The C function `act_log_softmax_derivative_f32` (float; include/activations.h).
/// Swift code calls `logSoftmaxJacobian` instead.
@c(act_log_softmax_derivative_f32)
public func act_log_softmax_derivative_f32(
  _ x: UnsafePointer<Float>?, _ jacobian: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols, .logSoftmaxJacobian) }
}
/// The C function `act_log_softmax_f64` (double; include/activations.h).
/// Swift code calls `logSoftmax` instead.
@c(act_log_softmax_f64)
public func act_log_softmax_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols, .logSoftmax) }
}
/// The C function `act_log_softmax_backward_f64` (double; include/activations.h).
/// Swift code calls `logSoftmaxBackward` instead.
@c(act_log_softmax_backward_f64)
public func act_log_softmax_backward_f64(
  _ y: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols, .logSoftmaxBackward) }
}
/// The C function `act_log_softmax_derivative_f64` (double; include/activations.h).
/// Swift code calls `logSoftmaxJacobian` instead.
@c(act_log_softmax_derivative_f64)
public func act_log_softmax_derivative_f64(
  _ x: UnsafePointer<Double>?, _ jacobian: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols, .logSoftmaxJacobian) }
}
// MARK: - C ABI (include/activations.h, "softmin": softmax(-x) per row)

/// The C function `act_softmin_f32` (float; include/activations.h).
/// Swift code calls `softmin` instead.
@c(act_softmin_f32)
public func act_softmin_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols, .softmin) }
}
/// The C function `act_softmin_backward_f32` (float; include/activations.h).
/// Swift code calls `softminBackward` instead.
@c(act_softmin_backward_f32)
public func act_softmin_backward_f32(
  _ y: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols, .softminBackward) }
}
/// The C function `act_softmin_derivative_f32` (float; include/activations.h).
/// Swift code calls `softminJacobian` instead.
@c(act_softmin_derivative_f32)
public func act_softmin_derivative_f32(
  _ x: UnsafePointer<Float>?, _ jacobian: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols, .softminJacobian) }
}
/// The C function `act_softmin_f64` (double; include/activations.h).
/// Swift code calls `softmin` instead.
@c(act_softmin_f64)
public func act_softmin_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols, .softmin) }
}
/// The C function `act_softmin_backward_f64` (double; include/activations.h).
/// Swift code calls `softminBackward` instead.
@c(act_softmin_backward_f64)
public func act_softmin_backward_f64(
  _ y: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols, .softminBackward) }
}
/// The C function `act_softmin_derivative_f64` (double; include/activations.h).
/// Swift code calls `softminJacobian` instead.
@c(act_softmin_derivative_f64)
public func act_softmin_derivative_f64(
  _ x: UnsafePointer<Double>?, _ jacobian: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols, .softminJacobian) }
}
// MARK: - C ABI (include/activations.h, "softmax_safe": softmax per row, all -inf rows give zeros)

/// The C function `act_softmax_safe_f32` (float; include/activations.h).
/// Swift code calls `softmaxSafe` instead.
@c(act_softmax_safe_f32)
public func act_softmax_safe_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols, .softmaxSafe) }
}
/// The C function `act_softmax_safe_backward_f32` (float; include/activations.h).
/// Swift code calls `softmaxSafeBackward` instead.
@c(act_softmax_safe_backward_f32)
public func act_softmax_safe_backward_f32(
  _ y: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols, .softmaxBackward) }
}
/// The C function `act_softmax_safe_derivative_f32` (float; include/activations.h).
/// Swift code calls `softmaxSafeJacobian` instead.
@c(act_softmax_safe_derivative_f32)
public func act_softmax_safe_derivative_f32(
  _ x: UnsafePointer<Float>?, _ jacobian: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols, .softmaxSafeJacobian) }
}
/// The C function `act_softmax_safe_f64` (double; include/activations.h).
/// Swift code calls `softmaxSafe` instead.
@c(act_softmax_safe_f64)
public func act_softmax_safe_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols, .softmaxSafe) }
}
/// The C function `act_softmax_safe_backward_f64` (double; include/activations.h).
/// Swift code calls `softmaxSafeBackward` instead.
@c(act_softmax_safe_backward_f64)
public func act_softmax_safe_backward_f64(
  _ y: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols, .softmaxBackward) }
}
/// The C function `act_softmax_safe_derivative_f64` (double; include/activations.h).
/// Swift code calls `softmaxSafeJacobian` instead.
@c(act_softmax_safe_derivative_f64)
public func act_softmax_safe_derivative_f64(
  _ x: UnsafePointer<Double>?, _ jacobian: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols, .softmaxSafeJacobian) }
}
