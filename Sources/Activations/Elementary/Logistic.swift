/// The logistic function and its derivative on eight double lanes, the core
/// of sigmoid and tanh.
///
///     sigma(x)  = 1 / (1 + e^-x)
///     sigma'(x) = e / (1 + e)^2,    e = exp(-|x|)    (an even function)
///
/// Everything is computed from e = exp(-|x|) in (0, 1], which never
/// overflows. 1 + e is carried as an unevaluated sum h + l (Fast2Sum:
/// h = fl(1 + e), l = e - (h - 1), exact because 1 >= e), and the rounding
/// of 1 + e is corrected to first order:
///
///     1 / (h + l)    = (1/h) (1 - l/h)
///     e / (h + l)    = (e/h) (1 - l/h)
///     e / (h + l)^2  = (e/h^2) (1 - 2 l/h)
///
/// |l/h| <= 2^-53, so the corrections need only a few correct bits, and the
/// results carry the error of exp(-|x|) plus one or two roundings.
/// For x -> -inf, e underflows gradually: sigma(x) comes out subnormal, then
/// +0. sigma(+inf) = 1, sigma(-inf) = +0, sigma'(+-inf) = +0; NaN -> NaN.
enum Logistic {
  /// -|x|: the sign bit set.
  @inline(__always)
  static func negativeMagnitude(_ x: F64x8) -> F64x8 {
    let bits = unsafeBitCast(x, to: SIMD8<UInt64>.self) | SIMD8<UInt64>(repeating: 1 << 63)
    return unsafeBitCast(bits, to: F64x8.self)
  }

  /// sigma(x).
  @inline(__always)
  static func value(_ x: F64x8) -> F64x8 {
    let one = F64x8(repeating: 1)
    let e = F64x8.exp(negativeMagnitude(x))
    let h = one + e
    let l = e - (h - one)
    let inverse = one / h
    let relativeCorrection = l * inverse
    let positiveSide = inverse - inverse * relativeCorrection  // 1 / (1 + e), x > 0
    let q = e / h
    let negativeSide = q - q * relativeCorrection  // e / (1 + e), x <= 0
    return negativeSide.replacing(with: positiveSide, where: x .> F64x8())
  }

  /// sigma'(x) = sigma(x) * sigma(-x).
  @inline(__always)
  static func derivative(_ x: F64x8) -> F64x8 {
    let one = F64x8(repeating: 1)
    let e = F64x8.exp(negativeMagnitude(x))
    let h = one + e
    let l = e - (h - one)
    let q = (e / h) / h
    return q - q * ((l + l) / h)
  }
}
