/// Error-free transformations on double lanes: a value carried as an
/// unevaluated sum hi + lo, for results that must be rounded only once.
/// Plain multiply and add only (no fused multiply-add), so the bits are the
/// same on every instruction set.
enum TwoTerm {
  /// hi + lo == a + b exactly, hi = fl(a + b) (TwoSum, Knuth).
  @inline(__always)
  static func sum(_ a: F64x8, _ b: F64x8) -> (hi: F64x8, lo: F64x8) {
    let hi = a + b
    let aPart = hi - b
    return (hi, (a - aPart) + (b - (hi - aPart)))
  }

  /// hi + lo == a * b exactly, hi = fl(a * b) (Dekker's product with
  /// Veltkamp's split), for |a|, |b| < 2^995 and no underflow in lo.
  @inline(__always)
  static func product(_ a: F64x8, _ b: F64x8) -> (hi: F64x8, lo: F64x8) {
    let hi = a * b
    let (aHi, aLo) = split(a)
    let (bHi, bLo) = split(b)
    return (hi, ((aHi * bHi - hi) + aHi * bLo + aLo * bHi) + aLo * bLo)
  }

  /// a * (hi + lo) rounded once: Dekker's product of a and hi, plus a lo.
  /// Where the error-free product would overflow or underflow (|a| outside
  /// [2^-960, 2^990], or |hi| < 2^-900, where lo is negligible anyway) the
  /// plain product a * (hi + lo) is returned instead.
  @inline(__always)
  static func scaled(_ a: F64x8, _ hi: F64x8, _ lo: F64x8) -> F64x8 {
    let (pHi, pLo) = product(a, hi)
    let precise = pHi + (pLo + a * lo)
    let plain = a * (hi + lo)
    let magnitudeA = abs(a), magnitudeHi = abs(hi)
    let outside = (magnitudeA .> F64x8(repeating: 0x1p990)) .| (magnitudeA .< F64x8(repeating: 0x1p-960))
      .| (magnitudeHi .< F64x8(repeating: 0x1p-900)) .| (precise .!= precise)
    return precise.replacing(with: plain, where: outside)
  }

  /// |v|, the sign bit cleared.
  @inline(__always)
  static func abs(_ v: F64x8) -> F64x8 {
    unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt64>.self) & SIMD8<UInt64>(repeating: ~(1 << 63)), to: F64x8.self)
  }

  /// a == hi + lo with hi holding the top 26 bits, lo the rest.
  @inline(__always)
  static func split(_ a: F64x8) -> (hi: F64x8, lo: F64x8) {
    let c = F64x8(repeating: 134_217_729) * a  // 2^27 + 1
    let hi = c - (c - a)
    return (hi, a - hi)
  }

  /// (nHi + nLo) / (dHi + dLo), rounded once up to a few hundredths of an
  /// ulp: q0 = fl(nHi / dHi), its exact remainder nHi - q0 dHi (Dekker),
  /// then one correction step. Requires dHi >= |dLo| * 2^50 and moderate
  /// magnitudes (all callers divide by values in [1, 4]).
  @inline(__always)
  static func quotient(_ nHi: F64x8, _ nLo: F64x8, _ dHi: F64x8, _ dLo: F64x8) -> F64x8 {
    let q0 = nHi / dHi
    let (pHi, pLo) = product(q0, dHi)
    let remainder = ((nHi - pHi) - pLo + nLo) - q0 * dLo
    return q0 + remainder / dHi
  }
}
