/// The argument reduction shared by `exp` and `expMinusOne` (double lanes).
///
///     x = n * ln 2 + r,   n = round(x / ln 2),   |r| <= ln 2 / 2 (slightly more
///                                                 when x / ln 2 rounds)
///     e^x = 2^n * (1 + expm1(r))
///
/// n is found with the magic-number trick (adding 1.5 * 2^52 rounds to an
/// integer, whose value then sits in the low mantissa bits). r comes from a
/// two-constant Cody-Waite reduction: `ln2Hi` has 21 trailing zero bits, so
/// `n * ln2Hi` is exact for every |n| < 2^21 and `x - n * ln2Hi` is exact;
/// the last subtraction of `n * ln2Lo` is done with TwoSum, so r is known
/// as an unevaluated sum rHi + rLo.
///
/// expm1(r) is the Taylor polynomial of degree 13 about 0, in Horner form:
/// r + r^2 P(r). On |r| <= 0.35 its truncation error is below
/// r^14 / 14! < 4.2e-18, under 0.04 ulp of the result. Coefficients are 1/k!
/// rounded to double (`float.hex(1 / math.factorial(k))` in Python).
/// The result is kept as a two-term sum `expm1Hi + expm1Lo` (Fast2Sum of
/// rHi and r^2 P(r), plus the first-order effect of rLo), so the callers
/// round once at the very end.
///
/// Inputs are clamped to [-1100, 1100] first: far beyond the range where
/// e^x is a nonzero finite double, and small enough that n stays in
/// [-1588, 1588] for the two-step power-of-two scaling in `exp`.
/// NaN passes through every step (comparisons with NaN are false).
struct ExpReduction {
  /// n as a double (an integer value) and as an integer.
  let n: F64x8
  let k: SIMD8<Int64>
  /// expm1(r) = expm1Hi + expm1Lo, |expm1Lo| <= ulp(expm1Hi).
  let expm1Hi: F64x8
  let expm1Lo: F64x8

  static let limit: Double = 1100
  static let log2e: Double = 0x1.7154_7652_b82fep0
  static let ln2Hi: Double = 0x1.62e4_2fee_00000p-1
  static let ln2Lo: Double = 0x1.a39e_f357_93c76p-33
  static let roundingMagic: Double = 0x1.8p52

  @inline(__always)
  init(_ x: F64x8) {
    let limit = F64x8(repeating: Self.limit)
    var xc = x.replacing(with: limit, where: x .> limit)
    xc = xc.replacing(with: -limit, where: xc .< -limit)

    let magic = F64x8(repeating: Self.roundingMagic)
    let shifted = xc * F64x8(repeating: Self.log2e) + magic
    n = shifted - magic
    k = Self.integer(shifted)

    // r = a - b exactly as rHi + rLo (TwoSum), a = x - n ln2Hi (exact).
    let a = xc - n * F64x8(repeating: Self.ln2Hi)
    let b = n * F64x8(repeating: Self.ln2Lo)
    let rHi = a - b
    let aPart = rHi + b
    let rLo = (a - aPart) - (b + (rHi - aPart))

    var p = F64x8(repeating: 0x1.6124_613a_86d09p-33)  // 1/13!
    p = p * rHi + F64x8(repeating: 0x1.1eed_8eff_8d898p-29)  // 1/12!
    p = p * rHi + F64x8(repeating: 0x1.ae64_567f_544e4p-26)  // 1/11!
    p = p * rHi + F64x8(repeating: 0x1.27e4_fb77_89f5cp-22)  // 1/10!
    p = p * rHi + F64x8(repeating: 0x1.71de_3a55_6c734p-19)  // 1/9!
    p = p * rHi + F64x8(repeating: 0x1.a01a_01a0_1a01ap-16)  // 1/8!
    p = p * rHi + F64x8(repeating: 0x1.a01a_01a0_1a01ap-13)  // 1/7!
    p = p * rHi + F64x8(repeating: 0x1.6c16_c16c_16c17p-10)  // 1/6!
    p = p * rHi + F64x8(repeating: 0x1.1111_1111_11111p-7)  // 1/5!
    p = p * rHi + F64x8(repeating: 0x1.5555_5555_55555p-5)  // 1/4!
    p = p * rHi + F64x8(repeating: 0x1.5555_5555_55555p-3)  // 1/3!
    p = p * rHi + F64x8(repeating: 0x1.0p-1)  // 1/2!
    let q = (rHi * rHi) * p

    // expm1(rHi + rLo) = expm1(rHi) + rLo e^rHi ~ (rHi + q) + rLo (1 + rHi).
    let sum = rHi + q  // Fast2Sum: |q| < |rHi| / 5
    expm1Hi = sum
    expm1Lo = ((rHi - sum) + q) + (rLo + rLo * rHi)
  }

  /// The integer m held by `shifted` = m + 1.5 * 2^52 (|m| < 2^51).
  @inline(__always)
  static func integer(_ shifted: F64x8) -> SIMD8<Int64> {
    unsafeBitCast(shifted, to: SIMD8<Int64>.self)
      &- SIMD8<Int64>(repeating: Int64(bitPattern: roundingMagic.bitPattern))
  }

  /// 2^m for integer lanes m in [-1022, 1023], built from the exponent bits.
  @inline(__always)
  static func powerOfTwo(_ m: SIMD8<Int64>) -> F64x8 {
    unsafeBitCast((m &+ SIMD8<Int64>(repeating: 1023)) &<< SIMD8<Int64>(repeating: 52), to: F64x8.self)
  }

  /// e^x = (hi + lo) * 2^n, 1 + expm1(r) by Fast2Sum (1 > |expm1(r)|).
  /// `scale` multiplies by 2^n in two exact-then-rounding steps
  /// (2^(n >> 1), then 2^(n - (n >> 1))) so subnormal results round once
  /// and results near overflow do not overflow early.
  @inline(__always)
  func onePlusExpm1() -> (hi: F64x8, lo: F64x8) {
    let one = F64x8(repeating: 1)
    let hi = one + expm1Hi
    let lo = ((one - hi) + expm1Hi) + expm1Lo
    return (hi, lo)
  }

  /// v * 2^(n + extra), rounded once.
  @inline(__always)
  func scale(_ v: F64x8, extra: Int64 = 0) -> F64x8 {
    let k = self.k &+ SIMD8<Int64>(repeating: extra)
    let half = k &>> SIMD8<Int64>(repeating: 1)
    return v * Self.powerOfTwo(half) * Self.powerOfTwo(k &- half)
  }
}
