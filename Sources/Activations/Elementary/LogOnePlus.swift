/// log(1 + e) for e in [0, 1] given as two terms, returned as two terms:
/// the core of softplus and logsigmoid (e = exp(-|z|)).
///
///     e <= 1/2:  f = e                       log(1 + e) = log(1 + f)
///     e >  1/2:  f = (e - 1) / 2 (exact)     log(1 + e) = ln 2 + log(1 + f)
///
/// so f + fLo lies in [-1/4, 1/2], and with s = f / (2 + f) in [-1/7, 1/5]
///
///     log(1 + f) = 2 atanh(s) = 2s + 2s^3/3 + 2s^5/5 + ...
///
/// s is a two-term quotient (`TwoTerm.quotientTerms`); 2s + 2s^3 P(s^2) is
/// summed with the tail in plain arithmetic (it is at most s^2/3 < 1.4% of
/// the sum) and ln 2 as two terms. P is the Taylor series itself, 12 terms
/// (truncation below 2^-63 relative at |s| = 1/5; float uses the same
/// terms). No cancellation: log(1 + e) >= log(3/2) in the second branch,
/// and in the first it is e (1 - e/2 + ...) to full relative accuracy.
enum LogOnePlus {
  @inline(__always)
  static func terms<V: FloatVector>(_ e: V, _ eLo: V) -> (hi: V, lo: V) {
    let half = V(repeating: 0.5)
    let upper = e .> half
    let f = e.replacing(with: (e - V.one) * half, where: upper)  // Sterbenz: exact
    let fLo = eLo.replacing(with: eLo * half, where: upper)
    let (d, dLo) = TwoTerm.fastSum(V(repeating: 2), f)
    let (s, remainder, r) = TwoTerm.quotientTerms(f, fLo, d, dLo + fLo)
    let sLo = remainder * r
    let s2 = s * s
    var p = V(repeating: 2.0 / 25)
    p = V.fma(p, s2, V(repeating: 2.0 / 23))
    p = V.fma(p, s2, V(repeating: 2.0 / 21))
    p = V.fma(p, s2, V(repeating: 2.0 / 19))
    p = V.fma(p, s2, V(repeating: 2.0 / 17))
    p = V.fma(p, s2, V(repeating: 2.0 / 15))
    p = V.fma(p, s2, V(repeating: 2.0 / 13))
    p = V.fma(p, s2, V(repeating: 2.0 / 11))
    p = V.fma(p, s2, V(repeating: 2.0 / 9))
    p = V.fma(p, s2, V(repeating: 2.0 / 7))
    p = V.fma(p, s2, V(repeating: 2.0 / 5))
    p = V.fma(p, s2, V(repeating: 2.0 / 3))
    let tail = s * s2 * p
    let (ln2, ln2Lo) = TwoTerm.constant(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56, as: V.self)
    let k = V.zero.replacing(with: ln2, where: upper)
    let kLo = V.zero.replacing(with: ln2Lo, where: upper)
    let (h, hLo) = TwoTerm.fastSum(k, s + s)  // |ln 2| > |2s| where k = ln 2; else k = 0
    let (hi, lo) = TwoTerm.fastSum(h, hLo + (kLo + (sLo + sLo) + tail))
    return (hi, lo)
  }
}
