/// The SIMD surface the activation math may use.
///
/// The two conforming types are the library's 64-byte vectors,
/// `SIMD16<Float>` and `SIMD8<Double>`. Every operation the math needs is
/// re-declared here as a requirement: generic code that reached them through
/// the `SIMD` protocol's own extensions would compile to per-lane scalar
/// loops, while requirements are witnessed by the concrete types' vector
/// implementations, so generic math compiles to the same code as code
/// written for each type by hand.
///
/// Fused multiply-adds are explicit (`fma`): the AVX2 build executes them
/// as vfmadd instructions, the baseline build calls libm's fmaf/fma, which
/// is correctly rounded too (glibc uses the instruction when the CPU has
/// it), so both builds give the same bits. Swift never fuses `a * b + c`
/// by itself.
///
/// Pitfall: give every operand as a vector (`V.zero`, `V(repeating: c)`).
/// A bare `.zero` or a scalar literal can resolve to `Scalar` and pick the
/// `SIMD` protocol's mixed vector-scalar overloads, which are per-lane loops.
public protocol FloatVector: SIMD where Scalar: BinaryFloatingPoint {
  init()
  init(repeating value: Scalar)

  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self

  static func .< (a: Self, b: Self) -> SIMDMask<MaskStorage>
  static func .<= (a: Self, b: Self) -> SIMDMask<MaskStorage>
  static func .> (a: Self, b: Self) -> SIMDMask<MaskStorage>
  static func .>= (a: Self, b: Self) -> SIMDMask<MaskStorage>
  static func .== (a: Self, b: Self) -> SIMDMask<MaskStorage>
  static func .!= (a: Self, b: Self) -> SIMDMask<MaskStorage>

  func replacing(with other: Self, where mask: SIMDMask<MaskStorage>) -> Self

  /// Whether every lane of `mask` is set (an and-reduction written out:
  /// the standard library's `all(_:)` calls an out-of-line reduction).
  static func allLanes(_ mask: SIMDMask<MaskStorage>) -> Bool

  /// The larger of a and b in each lane; b where either is NaN (the
  /// semantics of the x86 max instructions, which this compiles to).
  static func maximum(_ a: Self, _ b: Self) -> Self

  /// a * b + c, rounded once.
  static func fma(_ a: Self, _ b: Self, _ c: Self) -> Self

  /// -|x| (the sign bit set; NaN stays NaN).
  static func negativeMagnitude(_ x: Self) -> Self

  /// `magnitude` (sign bit clear) with the sign bit of `sign`.
  static func withSign(_ magnitude: Self, of sign: Self) -> Self

  /// 1.5 * 2^p (p the significand bits): adding it to a value of magnitude
  /// below 2^(p-2) rounds that value to an integer, which the result then
  /// holds in its low significand bits (`powerOfTwo`, `scaleFactors`).
  static var roundingMagic: Scalar { get }

  /// 2^n for lanes `shifted` = n + roundingMagic, n an integer whose power
  /// of two is a normal number.
  static func powerOfTwo(_ shifted: Self) -> Self

  /// Two normal powers of two whose product is 2^(n + extra), for lanes
  /// `shifted` = n + roundingMagic and n + extra in
  /// [-2 * (maxExponent - 1), 0]: v * a * b is then v * 2^(n + extra)
  /// rounded once (v * a is exact), subnormal results included. Below
  /// that range the product is the range's lower end (v * a * b is then 0
  /// for any v below 2^100).
  static func scaleFactors(_ shifted: Self, extra: Int) -> (Self, Self)

  // The exponential core, one block per type (Elementary/ExpPolynomial+*.swift).

  /// log2(e), and ln 2 = ln2Hi + ln2Lo split for the reduction by fma.
  static var log2e: Scalar { get }
  static var ln2Hi: Scalar { get }
  static var ln2Lo: Scalar { get }
  /// Below this argument e^x (and 4 e^x) rounds to +0.
  static var expUnderflow: Scalar { get }
  /// Below this argument x e^x rounds to 0 for every |x| below 2^100, and
  /// above it 2^n stays within the two-step scaling's range.
  static var productUnderflow: Scalar { get }
  /// P(r) with expm1(r) ~ r + r^2 P(r) on |r| <= ln(2) / 2.
  static func expm1Polynomial(_ r: Self) -> Self

  /// Applies `f`, a function of double-precision lanes of `a` and `b`
  /// paired (eight at a time, in order), and rounds each result once to
  /// `Scalar`. The softmax backward accumulates in double this way.
  static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self

  /// Uniform variates in [0, 1) for elements `index ..< index + scalarCount`
  /// (see `Random/CounterHash.swift` for the recipe).
  static func uniform(seed: UInt64, index: Int) -> Self
}

extension FloatVector {
  @inline(__always) static var zero: Self { Self() }
  @inline(__always) static var one: Self { Self(repeating: 1) }
}
