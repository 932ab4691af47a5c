/// Softmax, softmin, the safe softmax and log_softmax on 16-bit storage
/// (`_f16`, `_bf16`): the float drivers' checks with 2-byte elements, then
/// the float row kernels on widened blocks of rows (Drivers/HalfRows.swift),
/// each output rounded once.
extension Softmax {
  static func forward<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ y: UnsafeMutablePointer<E>?, _ rows: UInt, _ cols: UInt,
    _ kernel: RowKernel = .softmax
  ) throws(ActivationError) {
    guard let (x, y, c) = try checkForward(x, y, rows, cols) else { return }
    try E.forEachRowChunk(
      rows: Int(rows), elementsPerRow: c, cost: forwardCost, a: x, aPerRow: c, b: x, bPerRow: c, out: y, outPerRow: c
    ) { a, b, out, range in runRows(kernel, a, b, out, range, c) }
  }

  static func backward<E: HalfElement>(
    _ y: UnsafePointer<E>?, _ dy: UnsafePointer<E>?, _ dx: UnsafeMutablePointer<E>?, _ rows: UInt, _ cols: UInt,
    _ kernel: RowKernel = .softmaxBackward
  ) throws(ActivationError) {
    guard let (y, dy, dx, c) = try checkBackward(y, dy, dx, rows, cols) else { return }
    try E.forEachRowChunk(
      rows: Int(rows), elementsPerRow: c, cost: backwardCost, a: y, aPerRow: c, b: dy, bPerRow: c, out: dx,
      outPerRow: c
    ) { a, b, out, range in runRows(kernel, a, b, out, range, c) }
  }

  static func jacobian<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ jacobian: UnsafeMutablePointer<E>?, _ rows: UInt, _ cols: UInt,
    _ kernel: RowKernel = .softmaxJacobian
  ) throws(ActivationError) {
    guard let (x, jacobian, c) = try checkJacobian(x, jacobian, rows, cols) else { return }
    try E.forEachRowChunk(
      rows: Int(rows), elementsPerRow: c * c, cost: jacobianCost, a: x, aPerRow: c, b: x, bPerRow: c, out: jacobian,
      outPerRow: c * c
    ) { a, b, out, range in runRows(kernel, a, b, out, range, c) }
  }
}

// MARK: - C ABI (include/activations.h, "softmax", "log_softmax", "softmin", "softmax_safe")

/// The C function `act_softmax_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmax_f16)
public func act_softmax_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(f16(x), f16(y), rows, cols) }
}
/// The C function `act_softmax_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmax_bf16)
public func act_softmax_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(bf16(x), bf16(y), rows, cols) }
}
/// The C function `act_softmax_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmax_backward_f16)
public func act_softmax_backward_f16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(f16(y), f16(dy), f16(dx), rows, cols) }
}
/// The C function `act_softmax_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmax_backward_bf16)
public func act_softmax_backward_bf16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(bf16(y), bf16(dy), bf16(dx), rows, cols) }
}
/// The C function `act_softmax_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmax_derivative_f16)
public func act_softmax_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(f16(x), f16(jacobian), rows, cols) }
}
/// The C function `act_softmax_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmax_derivative_bf16)
public func act_softmax_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(bf16(x), bf16(jacobian), rows, cols) }
}
/// The C function `act_log_softmax_f16` (binary16 bit patterns; include/activations.h).
@c(act_log_softmax_f16)
public func act_log_softmax_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(f16(x), f16(y), rows, cols, .logSoftmax) }
}
/// The C function `act_log_softmax_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_log_softmax_bf16)
public func act_log_softmax_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(bf16(x), bf16(y), rows, cols, .logSoftmax) }
}
/// The C function `act_log_softmax_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_log_softmax_backward_f16)
public func act_log_softmax_backward_f16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.backward(f16(y), f16(dy), f16(dx), rows, cols, .logSoftmaxBackward)
  }
}
/// The C function `act_log_softmax_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_log_softmax_backward_bf16)
public func act_log_softmax_backward_bf16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.backward(bf16(y), bf16(dy), bf16(dx), rows, cols, .logSoftmaxBackward)
  }
}
/// The C function `act_log_softmax_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_log_softmax_derivative_f16)
public func act_log_softmax_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(f16(x), f16(jacobian), rows, cols, .logSoftmaxJacobian) }
}
/// The C function `act_log_softmax_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_log_softmax_derivative_bf16)
public func act_log_softmax_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.jacobian(bf16(x), bf16(jacobian), rows, cols, .logSoftmaxJacobian)
  }
}
/// The C function `act_softmin_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmin_f16)
public func act_softmin_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(f16(x), f16(y), rows, cols, .softmin) }
}
/// The C function `act_softmin_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmin_bf16)
public func act_softmin_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(bf16(x), bf16(y), rows, cols, .softmin) }
}
/// The C function `act_softmin_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmin_backward_f16)
public func act_softmin_backward_f16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(f16(y), f16(dy), f16(dx), rows, cols, .softminBackward) }
}
/// The C function `act_softmin_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmin_backward_bf16)
public func act_softmin_backward_bf16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.backward(bf16(y), bf16(dy), bf16(dx), rows, cols, .softminBackward)
  }
}
/// The C function `act_softmin_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmin_derivative_f16)
public func act_softmin_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(f16(x), f16(jacobian), rows, cols, .softminJacobian) }
}
/// The C function `act_softmin_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmin_derivative_bf16)
public func act_softmin_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(bf16(x), bf16(jacobian), rows, cols, .softminJacobian) }
}
/// The C function `act_softmax_safe_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmax_safe_f16)
public func act_softmax_safe_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(f16(x), f16(y), rows, cols, .softmaxSafe) }
}
/// The C function `act_softmax_safe_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmax_safe_bf16)
public func act_softmax_safe_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(bf16(x), bf16(y), rows, cols, .softmaxSafe) }
}
/// The C function `act_softmax_safe_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmax_safe_backward_f16)
public func act_softmax_safe_backward_f16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(f16(y), f16(dy), f16(dx), rows, cols, .softmaxBackward) }
}
/// The C function `act_softmax_safe_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmax_safe_backward_bf16)
public func act_softmax_safe_backward_bf16(
  _ y: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.backward(bf16(y), bf16(dy), bf16(dx), rows, cols, .softmaxBackward)
  }
}
/// The C function `act_softmax_safe_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_softmax_safe_derivative_f16)
public func act_softmax_safe_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.jacobian(f16(x), f16(jacobian), rows, cols, .softmaxSafeJacobian)
  }
}
/// The C function `act_softmax_safe_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_softmax_safe_derivative_bf16)
public func act_softmax_safe_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ jacobian: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try Softmax.jacobian(bf16(x), bf16(jacobian), rows, cols, .softmaxSafeJacobian)
  }
}
