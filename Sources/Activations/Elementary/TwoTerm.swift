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

  /// (nHi + nLo) / (dHi + dLo), rounded once (up to a few hundredths of an
  /// ulp): with one division, r = 1 / dHi, the first quotient q0 = nHi r
  /// (within about 1.5 ulps), the exact remainder nHi - q0 dHi by fma plus
  /// the low terms' first-order effect, and the correction applied with
  /// one more fma. dHi > 0 is assumed finite and normal.
  @inline(__always)
  static func quotient<V: FloatVector>(_ nHi: V, _ nLo: V, _ dHi: V, _ dLo: V) -> V {
    let r = V.one / dHi
    let q0 = nHi * r
    let remainder = V.fma(V.zero - q0, dHi, nHi) + (nLo - q0 * dLo)
    return V.fma(remainder, r, q0)
  }
}
