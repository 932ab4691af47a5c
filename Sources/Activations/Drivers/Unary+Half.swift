/// The elementwise driver on 16-bit storage (the `_f16` and `_bf16` entry
/// points): the float driver's checks with 2-byte elements and float
/// parameters, then the half loop (Drivers/HalfPrecision.swift) over the
/// same grid of chunks, so results are the same for every thread count.
extension Unary {
  /// y = round(f(x))
  static func forward(
    _ x: UnsafePointer<UInt16>?, _ y: UnsafeMutablePointer<UInt16>?, _ n: UInt, _ p: A.Parameters,
    _ format: HalfFormat
  ) throws(ActivationError) {
    try runHalf(.forward, x, x, y, n, p, format)
  }

  /// d = round(f'(x))
  static func derivative(
    _ x: UnsafePointer<UInt16>?, _ d: UnsafeMutablePointer<UInt16>?, _ n: UInt, _ p: A.Parameters,
    _ format: HalfFormat
  ) throws(ActivationError) {
    try runHalf(.derivative, x, x, d, n, p, format)
  }

  /// dx = round(dy * f'(x)), the product taken in float.
  static func backward(
    _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?, _ dx: UnsafeMutablePointer<UInt16>?, _ n: UInt,
    _ p: A.Parameters, _ format: HalfFormat
  ) throws(ActivationError) {
    try runHalf(.backward, x, dy, dx, n, p, format)
  }

  @inline(__always)
  private static func runHalf(
    _ direction: ElementwiseDirection, _ x: UnsafePointer<UInt16>?, _ dy: UnsafePointer<UInt16>?,
    _ out: UnsafeMutablePointer<UInt16>?, _ n: UInt, _ p: A.Parameters, _ format: HalfFormat
  ) throws(ActivationError) {
    let count = try elementCount(n, of: UInt16.self)
    guard count > 0 else { return }
    let x = try nonNull(x)
    let dy = try nonNull(dy)
    let out = try nonNull(out)
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(out))
    try p.validate(for: Float.self)
    let readsGradient = direction == .backward
    try requireNoPartialOverlap(
      Region(out, count: count), Region(x, count: count), readsGradient ? Region(dy, count: count) : nil)
    let elementwise = ISA.kernels.elementwise
    let (a, b, flag, seed) = p.raw
    Parallel.forEachChunk(
      count: count, grain: Parallel.grain(cost: A.cost), threshold: Parallel.threshold(cost: A.cost)
    ) { range in
      elementwise(
        A.family.rawValue, direction.rawValue, false, format.rawValue, UnsafeRawPointer(x), UnsafeRawPointer(dy),
        UnsafeMutableRawPointer(out), range.lowerBound, range.upperBound, a, b, flag, seed)
    }
  }
}
