/// The gated units on 16-bit storage (`_f16`, `_bf16`): the float drivers'
/// checks with 2-byte elements, then the float gated kernels on widened
/// blocks of rows (Drivers/HalfRows.swift), each output rounded once.
extension Gated {
  static func forward<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ y: UnsafeMutablePointer<E>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    guard let (x, y, c) = try GatedChecks.checkForward(x, y, rows, cols) else { return }
    try E.forEachRowChunk(
      rows: Int(rows), elementsPerRow: c, cost: G.cost, a: x, aPerRow: 2 * c, b: x, bPerRow: 2 * c, out: y,
      outPerRow: c
    ) { a, b, out, range in runGated(G.gate, 0, a, b, out, range, c) }
  }

  static func derivative<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ d: UnsafeMutablePointer<E>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    guard let (x, d, c) = try GatedChecks.checkDerivative(x, d, rows, cols) else { return }
    try E.forEachRowChunk(
      rows: Int(rows), elementsPerRow: c, cost: G.cost, a: x, aPerRow: 2 * c, b: x, bPerRow: 2 * c, out: d,
      outPerRow: 2 * c
    ) { a, b, out, range in runGated(G.gate, 1, a, b, out, range, c) }
  }

  static func backward<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ dy: UnsafePointer<E>?, _ dx: UnsafeMutablePointer<E>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    guard let (x, dy, dx, c) = try GatedChecks.checkBackward(x, dy, dx, rows, cols) else { return }
    try E.forEachRowChunk(
      rows: Int(rows), elementsPerRow: c, cost: G.cost, a: x, aPerRow: 2 * c, b: dy, bPerRow: c, out: dx,
      outPerRow: 2 * c
    ) { a, b, out, range in runGated(G.gate, 2, a, b, out, range, c) }
  }
}

// MARK: - C ABI (include/activations.h, "glu", "swiglu", "geglu")

/// The C function `act_glu_f16` (binary16 bit patterns; include/activations.h).
@c(act_glu_f16)
public func act_glu_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.forward(f16(x), f16(y), rows, cols) }
}
/// The C function `act_glu_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_glu_bf16)
public func act_glu_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.forward(bf16(x), bf16(y), rows, cols) }
}
/// The C function `act_glu_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_glu_derivative_f16)
public func act_glu_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.derivative(f16(x), f16(d), rows, cols) }
}
/// The C function `act_glu_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_glu_derivative_bf16)
public func act_glu_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.derivative(bf16(x), bf16(d), rows, cols) }
}
/// The C function `act_glu_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_glu_backward_f16)
public func act_glu_backward_f16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.backward(f16(x), f16(dy), f16(dx), rows, cols) }
}
/// The C function `act_glu_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_glu_backward_bf16)
public func act_glu_backward_bf16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SigmoidGate>.backward(bf16(x), bf16(dy), bf16(dx), rows, cols) }
}
/// The C function `act_swiglu_f16` (binary16 bit patterns; include/activations.h).
@c(act_swiglu_f16)
public func act_swiglu_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.forward(f16(x), f16(y), rows, cols) }
}
/// The C function `act_swiglu_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_swiglu_bf16)
public func act_swiglu_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.forward(bf16(x), bf16(y), rows, cols) }
}
/// The C function `act_swiglu_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_swiglu_derivative_f16)
public func act_swiglu_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.derivative(f16(x), f16(d), rows, cols) }
}
/// The C function `act_swiglu_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_swiglu_derivative_bf16)
public func act_swiglu_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.derivative(bf16(x), bf16(d), rows, cols) }
}
/// The C function `act_swiglu_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_swiglu_backward_f16)
public func act_swiglu_backward_f16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.backward(f16(x), f16(dy), f16(dx), rows, cols) }
}
/// The C function `act_swiglu_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_swiglu_backward_bf16)
public func act_swiglu_backward_bf16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<SiLUGate>.backward(bf16(x), bf16(dy), bf16(dx), rows, cols) }
}
/// The C function `act_geglu_f16` (binary16 bit patterns; include/activations.h).
@c(act_geglu_f16)
public func act_geglu_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.forward(f16(x), f16(y), rows, cols) }
}
/// The C function `act_geglu_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_geglu_bf16)
public func act_geglu_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.forward(bf16(x), bf16(y), rows, cols) }
}
/// The C function `act_geglu_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_geglu_derivative_f16)
public func act_geglu_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.derivative(f16(x), f16(d), rows, cols) }
}
/// The C function `act_geglu_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_geglu_derivative_bf16)
public func act_geglu_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.derivative(bf16(x), bf16(d), rows, cols) }
}
/// The C function `act_geglu_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_geglu_backward_f16)
public func act_geglu_backward_f16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.backward(f16(x), f16(dy), f16(dx), rows, cols) }
}
/// The C function `act_geglu_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_geglu_backward_bf16)
public func act_geglu_backward_bf16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Gated<GeluGate>.backward(bf16(x), bf16(dy), bf16(dx), rows, cols) }
}
