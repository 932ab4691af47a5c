import CShims

/// The two 16-bit storage formats of the `_f16` and `_bf16` entry points,
/// and the loops that run the float kernels on them: each element is
/// widened exactly to `Float`, computed by the float kernel and rounded once
/// (to nearest, ties to even) back to its format. The conversions are the
/// sixteen-lane CShims functions: F16C instructions in the x86-64-v3 build,
/// integer arithmetic giving the same bits in the baseline build.
enum HalfFormat: Int {
  /// IEEE 754 binary16: 1 sign, 5 exponent and 10 fraction bits.
  case binary16
  /// bfloat16: the upper 16 bits of a float (8 exponent, 7 fraction bits).
  case bfloat16
}

/// Sixteen lanes of one 16-bit format to and from `SIMD16<Float>`.
protocol HalfConversion {
  /// The exact float values of sixteen bit patterns.
  static func widen(_ bits: SIMD16<UInt16>) -> SIMD16<Float>
  /// Sixteen floats rounded once to the format (NaN gives a quiet NaN).
  static func narrow(_ value: SIMD16<Float>) -> SIMD16<UInt16>
  /// All-ones lanes where a float result within 4 ulps of the exact value
  /// may round to another 16-bit value than the exact value does.
  static func ambiguous(_ value: SIMD16<Float>) -> SIMD16<UInt16>
}

/// IEEE binary16 (`_f16`).
enum Binary16Conversion: HalfConversion {
  @inline(__always)
  static func widen(_ bits: SIMD16<UInt16>) -> SIMD16<Float> { actv_widen_binary16x16(bits) }
  @inline(__always)
  static func narrow(_ value: SIMD16<Float>) -> SIMD16<UInt16> { actv_narrow_binary16x16(value) }
  @inline(__always)
  static func ambiguous(_ value: SIMD16<Float>) -> SIMD16<UInt16> { actv_ambiguous_binary16x16(value) }
}

/// bfloat16 (`_bf16`).
enum BFloat16Conversion: HalfConversion {
  @inline(__always)
  static func widen(_ bits: SIMD16<UInt16>) -> SIMD16<Float> { actv_widen_bfloat16x16(bits) }
  @inline(__always)
  static func narrow(_ value: SIMD16<Float>) -> SIMD16<UInt16> { actv_narrow_bfloat16x16(value) }
  @inline(__always)
  static func ambiguous(_ value: SIMD16<Float>) -> SIMD16<UInt16> { actv_ambiguous_bfloat16x16(value) }
}

/// out[i] = round(kernel(widen(x[i]), widen(dy[i]))) for i in `range`: whole
/// vectors of sixteen, then the remainder through a zero-padded vector (the
/// same lanes the float loop computes, so results never depend on where a
/// call or chunk ends).
@inline(__always)
func halfLoop<K: ElementwiseKernel, H: HalfConversion>(
  _ kernel: K, _: H.Type, _ x: UnsafePointer<UInt16>, _ dy: UnsafePointer<UInt16>,
  _ out: UnsafeMutablePointer<UInt16>, _ range: Range<Int>
) where K.Scalar == Float {
  var i = range.lowerBound
  let end = range.upperBound
  while end - i >= 16 {
    let vx = H.widen(UnsafeRawPointer(x + i).loadUnaligned(as: SIMD16<UInt16>.self))
    let vdy = K.readsGradient ? H.widen(UnsafeRawPointer(dy + i).loadUnaligned(as: SIMD16<UInt16>.self)) : vx
    let result = halfResult(kernel, H.self, vx, vdy, index: i)
    UnsafeMutableRawPointer(out + i).storeBytes(of: result, as: SIMD16<UInt16>.self)
    i &+= 16
  }
  if i < end {
    let rest = end - i
    let vx = H.widen(loadPadded(x + i, rest))
    let vdy = K.readsGradient ? H.widen(loadPadded(dy + i, rest)) : vx
    let result = halfResult(kernel, H.self, vx, vdy, index: i)
    for lane in 0..<rest { out[i + lane] = result[lane] }
  }
}

/// Sixteen results rounded to the format. Forward and derivative results
/// are correctly rounded: the float kernel is within a few hundredths of an
/// ulp above 1/2 of the exact value (measured over every float), so where
/// the float numbers 4 ulps around its result round alike, so does the exact
/// value; the other lanes (about 1 in 1000 for binary16, 1 in 8000 for
/// bfloat16) take the function in double (`forwardForHalves`,
/// `derivativeForHalves`), rounded to float to odd and then to the format,
/// which is the correct rounding of that double. Each lane's result depends
/// only on its own input and index.
@inline(__always)
func halfResult<K: ElementwiseKernel, H: HalfConversion>(
  _ kernel: K, _: H.Type, _ vx: SIMD16<Float>, _ vdy: SIMD16<Float>, index: Int
) -> SIMD16<UInt16> where K.Scalar == Float {
  let y = kernel(vx, vdy, index: index)
  let rounded = H.narrow(y)
  guard K.checksRounding else { return rounded }
  let hard = H.ambiguous(y)
  guard actv_any_u16x16(hard) != 0 else { return rounded }
  return actv_select_u16x16(hard, halfInDouble(kernel, H.self, vx, index: index), rounded)
}

/// The sixteen lanes computed in double, rounded to float to odd and then to
/// the format (out of line: rarely taken, it keeps the loop body small).
@inline(never)
func halfInDouble<K: ElementwiseKernel, H: HalfConversion>(
  _ kernel: K, _: H.Type, _ vx: SIMD16<Float>, index: Int
) -> SIMD16<UInt16> {
  let low = kernel.wide(actv_widen_low_f32x16(vx), index: index)
  let high = kernel.wide(actv_widen_high_f32x16(vx), index: index &+ 8)
  return H.narrow(actv_concat_f32x8(actv_round_to_odd_f64x8(low), actv_round_to_odd_f64x8(high)))
}

/// The first `count` bit patterns at `p`, the other lanes +0.
@inline(__always)
func loadPadded(_ p: UnsafePointer<UInt16>, _ count: Int) -> SIMD16<UInt16> {
  var v = SIMD16<UInt16>(repeating: 0)
  for lane in 0..<count { v[lane] = p[lane] }
  return v
}

/// Runs one direction of `A` over `range` on 16-bit storage.
@inline(__always)
func runElementwiseHalf<A: UnaryActivation, H: HalfConversion>(
  _: A.Type, _: H.Type, _ direction: ElementwiseDirection, _ p: A.Parameters,
  _ x: UnsafePointer<UInt16>, _ dy: UnsafePointer<UInt16>, _ out: UnsafeMutablePointer<UInt16>, _ range: Range<Int>
) {
  switch direction {
  case .forward: halfLoop(ForwardKernel<A, Float>(p: p), H.self, x, dy, out, range)
  case .derivative: halfLoop(DerivativeKernel<A, Float>(p: p), H.self, x, dy, out, range)
  case .backward: halfLoop(BackwardKernel<A, Float>(p: p), H.self, x, dy, out, range)
  }
}

// MARK: - Whole arrays (the row functions' scratch)

/// Widens `count` bit patterns of `format` at `source` to floats at `target`.
func widenHalves(_ format: HalfFormat, _ source: UnsafePointer<UInt16>, _ target: UnsafeMutablePointer<Float>, _ count: Int) {
  switch format {
  case .binary16: widenLoop(Binary16Conversion.self, source, target, count)
  case .bfloat16: widenLoop(BFloat16Conversion.self, source, target, count)
  }
}

/// Rounds `count` floats at `source` to `format` at `target`.
func narrowFloats(_ format: HalfFormat, _ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<UInt16>, _ count: Int) {
  switch format {
  case .binary16: narrowLoop(Binary16Conversion.self, source, target, count)
  case .bfloat16: narrowLoop(BFloat16Conversion.self, source, target, count)
  }
}

@inline(__always)
private func widenLoop<H: HalfConversion>(
  _: H.Type, _ source: UnsafePointer<UInt16>, _ target: UnsafeMutablePointer<Float>, _ count: Int
) {
  var i = 0
  while count - i >= 16 {
    store(H.widen(UnsafeRawPointer(source + i).loadUnaligned(as: SIMD16<UInt16>.self)), target + i)
    i &+= 16
  }
  if i < count { storePartial(H.widen(loadPadded(source + i, count - i)), target + i, count - i) }
}

@inline(__always)
private func narrowLoop<H: HalfConversion>(
  _: H.Type, _ source: UnsafePointer<Float>, _ target: UnsafeMutablePointer<UInt16>, _ count: Int
) {
  var i = 0
  while count - i >= 16 {
    UnsafeMutableRawPointer(target + i).storeBytes(of: H.narrow(load(source + i)), as: SIMD16<UInt16>.self)
    i &+= 16
  }
  if i < count {
    let v = H.narrow(loadPadded(source + i, count - i))
    for lane in 0..<(count - i) { target[i + lane] = v[lane] }
  }
}

/// `widenHalves` (`widen` true) or `narrowFloats` by numbers, for the drivers
/// in module Activations.
public func halfConversionEntry(
  format: Int, widen: Bool, source: UnsafeRawPointer, target: UnsafeMutableRawPointer, count: Int
) {
  guard let format = HalfFormat(rawValue: format) else { return }
  if widen {
    widenHalves(
      format, source.assumingMemoryBound(to: UInt16.self), target.assumingMemoryBound(to: Float.self), count)
  } else {
    narrowFloats(
      format, source.assumingMemoryBound(to: Float.self), target.assumingMemoryBound(to: UInt16.self), count)
  }
}
