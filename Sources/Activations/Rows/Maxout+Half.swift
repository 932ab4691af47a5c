/// Maxout on 16-bit storage (`_f16`, `_bf16`): the float drivers' checks
/// with 2-byte elements, then the float group kernels on widened blocks of
/// groups (Drivers/HalfRows.swift). Maxout only selects, so the results are
/// the inputs' own bits (NaN aside: a winning NaN comes back quiet).
extension Maxout {
  static func forward<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ y: UnsafeMutablePointer<E>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) {
    guard let (x, y, groups, p) = try checkForward(x, y, rows, units, pieces) else { return }
    try E.forEachRowChunk(
      rows: groups, elementsPerRow: p, cost: cost, a: x, aPerRow: p, b: x, bPerRow: p, out: y, outPerRow: 1
    ) { a, b, out, range in runRows(.maxout, a, b, out, range, p) }
  }

  static func derivative<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ d: UnsafeMutablePointer<E>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) {
    guard let (x, d, groups, p) = try checkDerivative(x, d, rows, units, pieces) else { return }
    try E.forEachRowChunk(
      rows: groups, elementsPerRow: p, cost: cost, a: x, aPerRow: p, b: x, bPerRow: p, out: d, outPerRow: p
    ) { a, b, out, range in runRows(.maxoutDerivative, a, b, out, range, p) }
  }

  static func backward<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ dy: UnsafePointer<E>?, _ dx: UnsafeMutablePointer<E>?,
    _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) {
    guard let (x, dy, dx, groups, p) = try checkBackward(x, dy, dx, rows, units, pieces) else { return }
    try E.forEachRowChunk(
      rows: groups, elementsPerRow: p, cost: cost, a: x, aPerRow: p, b: dy, bPerRow: 1, out: dx, outPerRow: p
    ) { a, b, out, range in runRows(.maxoutBackward, a, b, out, range, p) }
  }
}

// MARK: - C ABI (include/activations.h, "maxout")

/// The C function `act_maxout_f16` (binary16 bit patterns; include/activations.h).
@c(act_maxout_f16)
public func act_maxout_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.forward(f16(x), f16(y), rows, units, pieces) }
}
/// The C function `act_maxout_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_maxout_bf16)
public func act_maxout_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.forward(bf16(x), bf16(y), rows, units, pieces) }
}
/// The C function `act_maxout_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_maxout_derivative_f16)
public func act_maxout_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.derivative(f16(x), f16(d), rows, units, pieces) }
}
/// The C function `act_maxout_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_maxout_derivative_bf16)
public func act_maxout_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.derivative(bf16(x), bf16(d), rows, units, pieces) }
}
/// The C function `act_maxout_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_maxout_backward_f16)
public func act_maxout_backward_f16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.backward(f16(x), f16(dy), f16(dx), rows, units, pieces) }
}
/// The C function `act_maxout_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_maxout_backward_bf16)
public func act_maxout_backward_bf16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.backward(bf16(x), bf16(dy), bf16(dx), rows, units, pieces) }
}
