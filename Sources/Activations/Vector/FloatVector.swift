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
/// Arithmetic is plain multiply-then-add (never fused), so results are the
/// same bits on every x86-64 instruction set.
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

  /// Applies `f`, a function of double-precision lanes, and rounds each
  /// result once to `Scalar`. `f` receives the lanes in order, eight at a
  /// time, with the element index of the first lane.
  ///
  /// This is how the transcendental functions are written once for both
  /// types: their math runs in double, and float results are rounded from
  /// a double result that is far more accurate than a float ulp.
  static func mapInDouble(_ x: Self, index: Int, _ f: (SIMD8<Double>, Int) -> SIMD8<Double>) -> Self

  /// How exact the double-precision math behind `mapInDouble` must be:
  /// `.full` when its results are the final doubles, `.relaxed` when they
  /// are rounded to float afterwards (a few double ulps are then invisible,
  /// and the two-term corrections can be skipped).
  static var doubleAccuracy: DoubleAccuracy { get }

  /// The two-argument form of `mapInDouble`, lanes of `a` and `b` paired.
  static func mapInDouble(_ a: Self, _ b: Self, _ f: (SIMD8<Double>, SIMD8<Double>) -> SIMD8<Double>) -> Self

  /// Uniform variates in [0, 1) for elements `index ..< index + scalarCount`
  /// (see `Random/CounterHash.swift` for the recipe).
  static func uniform(seed: UInt64, index: Int) -> Self
}

/// See `FloatVector.doubleAccuracy`.
public enum DoubleAccuracy: Sendable {
  case full
  case relaxed
}

extension FloatVector {
  @inline(__always) static var zero: Self { Self() }
  @inline(__always) static var one: Self { Self(repeating: 1) }
}
