/// Error-free transformations and two-term quotients on vector lanes.
///
/// A value carried as an unevaluated sum hi + lo (|lo| about ulp(hi) or
/// less) is rounded once at the very end; these are the steps that keep it so.
enum TwoTerm {
  /// a + b = s + e exactly, provided |a| >= |b| (or a = 0): Fast2Sum.
  @inline(__always)
  static func fastSum<V: FloatVector>(_ a: V, _ b: V) -> (s: V, e: V) {
    let s = a + b
    return (s, (a - s) + b)
  }

  /// a + b = s + e exactly, for any a and b: TwoSum (Knuth).
  @inline(__always)
  static func sum<V: FloatVector>(_ a: V, _ b: V) -> (s: V, e: V) {
    let s = a + b
    let bPart = s - a
    return (s, (a - (s - bPart)) + (b - bPart))
  }

  /// a * b = p + e exactly (barring underflow): the error by fma.
  @inline(__always)
  static func product<V: FloatVector>(_ a: V, _ b: V) -> (p: V, e: V) {
    let p = a * b
    return (p, V.fma(a, b, V.zero - p))
  }

  /// The two-term constant nearest to the real number hi + lo (given as
  /// a double-double), in the element type: for double it is (hi, lo);
  /// for float, hi rounded to float and the rest rounded to float.
  @inline(__always)
  static func constant<V: FloatVector>(_ hi: Double, _ lo: Double, as _: V.Type) -> (hi: V, lo: V) {
    let h = V.Scalar(hi)
    let l = V.Scalar((hi - Double(h)) + lo)
    return (V(repeating: h), V(repeating: l))
  }

  /// (nHi + nLo) / (dHi + dLo) as an unevaluated q0 + remainder * r (see
  /// `quotient`), for callers that go on computing with it.
  @inline(__always)
  static func quotientTerms<V: FloatVector>(_ nHi: V, _ nLo: V, _ dHi: V, _ dLo: V) -> (q0: V, remainder: V, r: V) {
    let r = V.one / dHi
    let q0 = nHi * r
    let remainder = V.fma(V.zero - q0, dHi, nHi) + (nLo - q0 * dLo)
    return (q0, remainder, r)
  }

  /// (nHi + nLo) / (dHi + dLo), rounded once (up to a few hundredths of an
  /// ulp): with one division, r = 1 / dHi, the first quotient q0 = nHi r
  /// (within about 1.5 ulps), the exact remainder nHi - q0 dHi by fma plus
  /// the low terms' first-order effect, and the correction applied with
  /// one more fma. dHi > 0 is assumed finite and normal.
  @inline(__always)
  static func quotient<V: FloatVector>(_ nHi: V, _ nLo: V, _ dHi: V, _ dLo: V) -> V {
    let (q0, remainder, r) = quotientTerms(nHi, nLo, dHi, dLo)
    return V.fma(remainder, r, q0)
  }
}
