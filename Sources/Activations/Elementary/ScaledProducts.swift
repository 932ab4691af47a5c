extension SigmoidProducts {
  /// (x + xLo) * (q0 + remainder * r) * a * b, for the unevaluated terms
  /// of `LogisticTerms.factored` (sigma or sigma' as q * a * b, a * b a
  /// power of two), x any finite value.
  ///
  /// The product v = (x + xLo) q is formed on the unscaled terms and
  /// rounded once, then scaled: v * a is exact wherever the result is not
  /// 0 (a is 2^n, or 2^(n/2) when some lane's 2^n is subnormal), so a
  /// subnormal result is rounded once more, on its own grid, from a v that
  /// carries the full precision. Where v itself overflows (|x| near the
  /// largest finite value, the result smaller), x * a is formed first
  /// instead (exact there). Where a vanished (a = 0) the result is a zero
  /// signed like x q, and where x is +-0 (with xLo = 0) it is x q0, a
  /// zero of the product's sign (the sums would give +0).
  @inline(__always)
  static func scaled<V: FloatVector>(_ x: V, _ xLo: V, _ q: (q0: V, remainder: V, r: V), _ a: V, _ b: V) -> V {
    let rest = q.remainder * q.r
    let v = V.fma(x, q.q0, V.fma(x, rest, xLo * q.q0))
    let y = (v * a * b).replacing(with: x * q.q0, where: x .== V.zero)
    if V.allLanes(V.isFinite(v)) { return y }
    let xa = x * a
    let large = V.fma(xa, q.q0, V.fma(xa, rest, (xLo * a) * q.q0)) * b
    return y.replacing(with: large, where: .!V.isFinite(v))
  }
}
