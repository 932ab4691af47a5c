/// The gates of the gated linear units (glu, swiglu): the math of one
/// vector of pairs (a, b), nothing else. The rows, NaN handling of the
/// layout and the drivers are in GatedRows.swift and Rows/Gated.swift.
///
///     y       = a * g(b)
///     dy / da = g(b)
///     dy / db = a * g'(b)
///
/// Each result is rounded once: a * g(b) and a * g'(b) are formed from the
/// two-term values of `LogisticTerms` before the final scaling by exp's
/// power of two (so subnormal results are rounded once too), never as a
/// times a rounded g(b).
///
/// Where a or b is not finite the results are the IEEE products of a with
/// the gate's exact values and limits (g(+-inf), g'(+-inf)): a = inf gives
/// +-inf wherever the exact factor is a nonzero number however small, and
/// NaN where it is 0 (inf * 0). NaN in a or b gives NaN, except that
/// dy/da = g(b) does not depend on a.
protocol GateFunction {
  /// The gate's number in `gatedEntry`.
  static var gate: Gate { get }
  /// The work per output for the thread split (see `Parallel`).
  static var cost: Int { get }
  /// a * g(b), rounded once.
  static func product<V: FloatVector>(_ a: V, _ b: V) -> V
  /// g(b) and a * g'(b), each rounded once.
  static func partials<V: FloatVector>(_ a: V, _ b: V) -> (gate: V, slope: V)
}

/// The gates, numbered for `gatedEntry`.
enum Gate: Int {
  case glu
  case swiglu
  case geglu
}

extension FloatVector {
  /// Lanes that are neither infinite nor NaN.
  @inline(__always)
  static func isFinite(_ v: Self) -> SIMDMask<MaskStorage> {
    (v - v) .== Self.zero
  }
}

/// glu: g = sigma, the logistic function (PyTorch's glu).
///
///     y = a sigma(b),   dy/da = sigma(b),   dy/db = a sigma'(b)
enum SigmoidGate: GateFunction {
  static let gate = Gate.glu
  static var cost: Int { 2 * transcendentalCost }

  @inline(__always)
  static func product<V: FloatVector>(_ a: V, _ b: V) -> V {
    let (value, _, s, t) = LogisticTerms(b, V.zero).factored(b)
    let y = SigmoidProducts.scaled(a, V.zero, value, s, t)
    // sigma(b) > 0 for every b but -inf.
    let limit = V.one.replacing(with: V.zero, where: b .== V(repeating: -.infinity))
    return y.replacing(with: a * limit, where: .!(V.isFinite(a) .& V.isFinite(b)))
      .replacing(with: b, where: b .!= b)
  }

  @inline(__always)
  static func partials<V: FloatVector>(_ a: V, _ b: V) -> (gate: V, slope: V) {
    let (value, prime, s, t) = LogisticTerms(b, V.zero).factored(b)
    let gate = SigmoidProducts.scaled(V.one, V.zero, value, s, t).replacing(with: b, where: b .!= b)
    let slope = SigmoidProducts.scaled(a, V.zero, prime, s, t)
    // sigma'(b) > 0 for every finite b, 0 at +-inf.
    let limit = V.one.replacing(with: V.zero, where: .!V.isFinite(b))
    return (
      gate,
      slope.replacing(with: a * limit, where: .!(V.isFinite(a) .& V.isFinite(b))).replacing(with: b, where: b .!= b)
    )
  }
}

/// swiglu: g = silu, g(b) = b sigma(b) (Shazeer's SwiGLU with beta = 1).
///
///     y = a b sigma(b),   dy/da = silu(b),
///     dy/db = a silu'(b) = a (sigma(b) + b sigma'(b))
///
/// a b is carried as an exact two-term product; where it overflows while
/// a b sigma(b) may not, a is first scaled down by 2^-63 (float) or 2^-511
/// (double) and the result scaled back.
enum SiLUGate: GateFunction {
  static let gate = Gate.swiglu
  static var cost: Int { 2 * transcendentalCost }

  @inline(__always)
  static func product<V: FloatVector>(_ a: V, _ b: V) -> V {
    let (value, _, s, t) = LogisticTerms(b, V.zero).factored(b)
    let (p, pLo) = TwoTerm.product(a, b)
    var y = SigmoidProducts.scaled(p, pLo, value, s, t)
    let finite = V.isFinite(a) .& V.isFinite(b)
    let overflowed = finite .& .!V.isFinite(p)
    if !V.allLanes(.!overflowed) {
      let exponent = Int(V.Scalar.greatestFiniteMagnitude.exponent) / 2
      let down = V(repeating: V.Scalar(sign: .plus, exponent: V.Scalar.Exponent(-exponent), significand: 1))
      let up = V(repeating: V.Scalar(sign: .plus, exponent: V.Scalar.Exponent(exponent), significand: 1))
      let (q, qLo) = TwoTerm.product(a * down, b)
      y = y.replacing(with: SigmoidProducts.scaled(q, qLo, value, s, t) * up, where: overflowed)
    }
    // silu(+inf) = +inf, silu(-inf) = -0, and silu(b) has b's sign and is
    // nonzero for every other nonzero b.
    let sign = V.withSign(V.one, of: b).replacing(with: b, where: b .== V.zero)
    let limit = sign.replacing(with: b, where: b .== V(repeating: .infinity))
      .replacing(with: V(repeating: -0.0), where: b .== V(repeating: -.infinity))
    return y.replacing(with: a * limit, where: .!finite).replacing(with: b, where: b .!= b)
  }

  @inline(__always)
  static func partials<V: FloatVector>(_ a: V, _ b: V) -> (gate: V, slope: V) {
    let (value, prime, s, t) = LogisticTerms(b, V.zero).factored(b)
    // silu(b) = b sigma(b); its limits at +-inf are +inf and -0.
    let gate = SigmoidProducts.scaled(b, V.zero, value, s, t)
      .replacing(with: b, where: b .== V(repeating: .infinity))
      .replacing(with: V(repeating: -0.0), where: b .== V(repeating: -.infinity))
      .replacing(with: b, where: b .!= b)
    // silu'(b) = sigma(b) + b sigma'(b) as the two-term d + dLo (as in
    // SigmoidProducts.derivative), then a times it, rounded once.
    let (p, pLo) = TwoTerm.product(b, prime.q0)
    let (d, dSumLo) = TwoTerm.sum(value.q0, p)
    let dLo = dSumLo + (pLo + b * (prime.remainder * prime.r)) + value.remainder * value.r
    let slope = SigmoidProducts.scaled(a, V.zero, (d, dLo, V.one), s, t)
    // For infinite a: the sign of silu'(b), negative below its zero at
    // -1.2785 (also where it vanished); silu'(+inf) = 1, silu'(-inf) = 0.
    let derivative = SigmoidProducts.scaled(V.one, V.zero, (d, dLo, V.one), s, t)
    let negative = (derivative .< V.zero) .| ((derivative .== V.zero) .& (b .< V.zero))
    let limit = V.one.replacing(with: V(repeating: -1), where: negative)
      .replacing(with: V.one, where: b .== V(repeating: .infinity))
      .replacing(with: V.zero, where: b .== V(repeating: -.infinity))
    let finite = V.isFinite(a) .& V.isFinite(b)
    return (gate, slope.replacing(with: a * limit, where: .!finite).replacing(with: b, where: b .!= b))
  }
}

/// geglu: g = gelu, the exact (erf) form (`Gelu`).
///
///     y = a gelu(b),   dy/da = gelu(b),   dy/db = a gelu'(b)
///
/// Computed in double lanes as gelu itself, with a folded into the final
/// products (a b as two terms), so each result is rounded once. gelu'
/// crosses 0 at b ~ -0.7518: there the interior-zero rule applies, scaled
/// by |a|.
enum GeluGate: GateFunction {
  static let gate = Gate.geglu
  static var cost: Int { 2 * Gelu.cost }

  @inline(__always)
  static func product<V: FloatVector>(_ a: V, _ b: V) -> V {
    let y = V.mapInDouble(a, b) { a, b in Gelu.value(b, times: a, precise: V.Scalar.self == Double.self) }
    // gelu(+inf) = +inf, gelu(-inf) = -0; gelu(b) has b's sign otherwise.
    let sign = V.withSign(V.one, of: b).replacing(with: b, where: b .== V.zero)
    let limit = sign.replacing(with: b, where: b .== V(repeating: .infinity))
      .replacing(with: V(repeating: -0.0), where: b .== V(repeating: -.infinity))
    let finite = V.isFinite(a) .& V.isFinite(b)
    return y.replacing(with: a * limit, where: .!finite).replacing(with: b, where: b .!= b)
  }

  @inline(__always)
  static func partials<V: FloatVector>(_ a: V, _ b: V) -> (gate: V, slope: V) {
    let precise = V.Scalar.self == Double.self
    let gate = V.mapInDouble(b, b) { b, _ in Gelu.value(b, precise: precise) }.replacing(with: b, where: b .!= b)
    let slope = V.mapInDouble(a, b) { a, b in Gelu.slope(b, times: a, precise: precise) }
    let finite = V.isFinite(a) .& V.isFinite(b)
    if V.allLanes(finite) { return (gate, slope) }
    // For infinite a: the sign of gelu'(b), negative below its zero at
    // -0.7518; gelu'(+inf) = 1, gelu'(-inf) = 0 (evaluated only for vectors
    // with a lane that is not finite).
    let derivative = V.mapInDouble(b, b) { b, _ in Gelu.slope(b, precise: precise) }
    let negative = (derivative .< V.zero) .| ((derivative .== V.zero) .& (b .< V.zero))
    let limit = V.one.replacing(with: V(repeating: -1), where: negative)
      .replacing(with: V.one, where: b .== V(repeating: .infinity))
      .replacing(with: V.zero, where: b .== V(repeating: -.infinity))
    return (gate, slope.replacing(with: a * limit, where: .!finite).replacing(with: b, where: b .!= b))
  }
}
