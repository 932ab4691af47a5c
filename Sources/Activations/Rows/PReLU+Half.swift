#if canImport(Glibc)
import Glibc
#endif

/// PReLU on 16-bit storage (`_f16`, `_bf16`): the float driver's checks with
/// 2-byte elements (a weight is finite when its exponent bits are not all
/// ones), then the float driver on the whole arrays widened to float scratch
/// (the weights' gradients are sums over every row, so the rows are not cut
/// into blocks), the outputs rounded once: dweight is the float driver's
/// compensated sum, rounded once to the 16-bit format.
extension PReLU {
  /// y = f(x) (or d = f'(x) when `derivative`).
  static func map<E: HalfElement>(
    derivative: Bool, _ x: UnsafePointer<E>?, _ out: UnsafeMutablePointer<E>?, _ rows: UInt, _ channels: UInt,
    _ weight: UnsafePointer<E>?, _ numWeights: UInt
  ) throws(ActivationError) {
    guard let (x, out, weight, count, weights) = try checkMap(
      x, out, rows, channels, weight, numWeights, finite: { $0.bits & E.exponentMask != E.exponentMask })
    else { return }
    let scratch = try FloatScratch(count, count, weights)
    defer { scratch.free() }
    let (xf, outf, wf) = (scratch[0], scratch[1], scratch[2])
    convertHalves(E.format, widen: true, x, xf, count)
    convertHalves(E.format, widen: true, weight, wf, weights)
    try PReLU.map(derivative: derivative, UnsafePointer(xf), outf, rows, channels, UnsafePointer(wf), numWeights)
    convertHalves(E.format, widen: false, outf, out, count)
  }

  /// dx = dy * f'(x) and dweight, the weights' gradients (overwritten).
  static func backward<E: HalfElement>(
    _ x: UnsafePointer<E>?, _ dy: UnsafePointer<E>?, _ dx: UnsafeMutablePointer<E>?,
    _ dweight: UnsafeMutablePointer<E>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<E>?,
    _ numWeights: UInt
  ) throws(ActivationError) {
    guard let (x, dy, dx, dweight, weight, count, weights) = try checkBackward(
      x, dy, dx, dweight, rows, channels, weight, numWeights,
      finite: { $0.bits & E.exponentMask != E.exponentMask })
    else { return }
    let scratch = try FloatScratch(count, count, count, weights, weights)
    defer { scratch.free() }
    let (xf, dyf, dxf, wf, gf) = (scratch[0], scratch[1], scratch[2], scratch[3], scratch[4])
    convertHalves(E.format, widen: true, x, xf, count)
    convertHalves(E.format, widen: true, dy, dyf, count)
    convertHalves(E.format, widen: true, weight, wf, weights)
    try PReLU.backward(
      UnsafePointer(xf), UnsafePointer(dyf), dxf, gf, rows, channels, UnsafePointer(wf), numWeights)
    convertHalves(E.format, widen: false, dxf, dx, count)
    convertHalves(E.format, widen: false, gf, dweight, weights)
  }
}

/// Float arrays of the given lengths in one allocation (`.memory` when it
/// fails); `free()` releases them.
struct FloatScratch {
  let base: UnsafeMutablePointer<Float>
  let offsets: [Int]

  init(_ counts: Int...) throws(ActivationError) {
    var offsets = [0]
    for count in counts { offsets.append(offsets[offsets.count - 1] + max(1, count)) }
    let (bytes, overflow) = offsets[offsets.count - 1].multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
    guard !overflow, let raw = malloc(bytes) else { throw .memory }
    base = raw.assumingMemoryBound(to: Float.self)
    self.offsets = offsets
  }

  subscript(_ index: Int) -> UnsafeMutablePointer<Float> { base + offsets[index] }

  func free() { Glibc.free(base) }
}

// MARK: - C ABI (include/activations.h, "prelu")

/// The C function `act_prelu_f16` (binary16 bit patterns; include/activations.h).
@c(act_prelu_f16)
public func act_prelu_f16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<UInt16>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: false, f16(x), f16(y), rows, channels, f16(weight), numWeights)
  }
}
/// The C function `act_prelu_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_prelu_bf16)
public func act_prelu_bf16(
  _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<UInt16>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: false, bf16(x), bf16(y), rows, channels, bf16(weight), numWeights)
  }
}
/// The C function `act_prelu_derivative_f16` (binary16 bit patterns; include/activations.h).
@c(act_prelu_derivative_f16)
public func act_prelu_derivative_f16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<UInt16>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: true, f16(x), f16(d), rows, channels, f16(weight), numWeights)
  }
}
/// The C function `act_prelu_derivative_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_prelu_derivative_bf16)
public func act_prelu_derivative_bf16(
  _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<UInt16>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: true, bf16(x), bf16(d), rows, channels, bf16(weight), numWeights)
  }
}
/// The C function `act_prelu_backward_f16` (binary16 bit patterns; include/activations.h).
@c(act_prelu_backward_f16)
public func act_prelu_backward_f16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?,
  _ dweight: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<UInt16>?,
  _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.backward(f16(x), f16(dy), f16(dx), f16(dweight), rows, channels, f16(weight), numWeights)
  }
}
/// The C function `act_prelu_backward_bf16` (bfloat16 bit patterns; include/activations.h).
@c(act_prelu_backward_bf16)
public func act_prelu_backward_bf16(
  _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?,
  _ dweight: UnsafeMutablePointer<UInt16>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<UInt16>?,
  _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.backward(bf16(x), bf16(dy), bf16(dx), bf16(dweight), rows, channels, bf16(weight), numWeights)
  }
}
