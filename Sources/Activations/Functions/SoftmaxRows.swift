import Glibc

/// The row kernels of softmax and of its variants (`SoftmaxVariant`: softmin,
/// the safe softmax, log_softmax): one row of the forward pass, of the
/// backward pass and of the Jacobian (the drivers, validation and exports are
/// in Softmax.swift and SoftmaxVariants.swift; these run in each
/// instruction-set build, see RowEntry).
///
///     y_j = exp(x_j - m) / sum_k exp(x_k - m),      m = max_k x_k
///     dx_j = y_j (dy_j - sum_k dy_k y_k)             (from the OUTPUT y)
///     J_ij = d y_i / d x_j = y_i (delta_ij - y_j)
///
/// Goals, in order: the special rows below exactly; accuracy (each exponent
/// x_j - m is carried as an exact two-term sum, the exponentials are
/// two-term values (`ExpCore`), the row sum is compensated, and each y_j
/// is one two-term quotient of the stored e_j); results independent of
/// threads (fixed-order reductions); speed (three passes: the maximum,
/// the sum of the exponentials, the quotients).
///
/// Special rows: any NaN -> all NaN; a +inf present -> the +inf entries
/// share 1 equally, the rest are 0; all -inf -> all NaN.
///
/// The variants run the same passes: softmin negates x as it is loaded
/// (exactly); the safe softmax writes zeros for a row of only -inf;
/// log_softmax ends with y_j = (x_j - m) - log(sum) instead of the quotients
/// (see `logOfSum`), and its special rows are the logarithms of softmax's.
enum SoftmaxRows {
  /// One row: y = softmax(x) (or the variant's function). y may be x itself.
  static func row<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ cols: Int, _ variant: SoftmaxVariant = .softmax
  ) {
    let width = T.Vector.scalarCount
    let minusInfinity = T.Vector(repeating: -.infinity)
    let negated = variant == .softmin

    // Pass 1: the maximum, and whether a NaN is present.
    var maxima = minusInfinity
    var nanLanes = T.Vector.zero
    var i = 0
    while i < cols {
      let v = loadRow(x + i, cols - i, negated: negated)
      maxima = maxima.replacing(with: v, where: v .> maxima)
      nanLanes = nanLanes.replacing(with: T.Vector.one, where: v .!= v)
      i &+= width
    }
    var m = -T.infinity
    var hasNaN = false
    for lane in 0..<width {
      m = Swift.max(m, maxima[lane])
      hasNaN = hasNaN || nanLanes[lane] != 0
    }
    if hasNaN || m == -.infinity {
      let fill: T = variant == .safe && !hasNaN ? 0 : .nan
      for j in 0..<cols { y[j] = fill }
      return
    }
    if m == .infinity {
      let top: T = negated ? -.infinity : .infinity
      var infinities = 0
      for j in 0..<cols where x[j] == top { infinities += 1 }
      // log_softmax: the logarithms of softmax's shares, -log(count) (+0 for
      // one) and -inf.
      let share = variant == .log ? 0 - T(Glibc.log(Double(infinities))) : 1 / T(infinities)
      let rest: T = variant == .log ? -.infinity : 0
      for j in 0..<cols { y[j] = x[j] == top ? share : rest }
      return
    }

    // Pass 2: the compensated sum of e_j = exp(x_j - m) (two-term values).
    // log_softmax sums in double (float rows converted: no term is
    // subnormal unless x_j - m < -708), and sums the terms below the
    // maximum apart too (`rest`): log(sum) = log1p(rest) when the maximum
    // occurs once, and rest is then accurate relative to itself, however
    // small (the sum is accurate relative to 1 + rest only).
    let shift = T.Vector(repeating: m), top = F64x8(repeating: Double(m))
    var sum = CompensatedSum<T.Vector>()
    var sumInDouble = CompensatedSum<F64x8>(), rest = CompensatedSum<F64x8>()
    i = 0
    while i < cols {
      let v = loadRow(x + i, cols - i, negated: negated)
      if variant == .log {
        _ = T.Vector.mapInDouble(v, v) { v, _ in
          let (e, eLo) = exponentOfDifference(v, top)
          let below = v .!= top
          sumInDouble.add(e)
          sumInDouble.add(eLo)
          rest.add(F64x8.zero.replacing(with: e, where: below))
          rest.add(F64x8.zero.replacing(with: eLo, where: below))
          return v
        }
      } else {
        let (e, eLo) = exponentOfDifference(v, shift)
        sum.add(e)
        sum.add(eLo)
      }
      i &+= width
    }

    // Pass 3: y_j = e_j / sum, e_j recomputed (the same bits as in pass 2)
    // so that each result is one two-term quotient, rounded once (storing
    // e_j in pass 2 would round it twice: up to 1.5 ulps). y may be x: x_j
    // is read before y_j is written.
    // log_softmax, in double: y_j = (d_j + dLo_j) - (L + LLo), with
    // x_j - m = d_j + dLo_j exact and L + LLo = log(sum): the two terms have
    // the same sign (d_j <= 0, L >= 0), so nothing cancels, and y_j is
    // rounded once to T (subnormal results included).
    let (totalHi, totalLo) = sum.total()
    let sumHi = T.Vector(repeating: totalHi), sumLo = T.Vector(repeating: totalLo)
    let (logHi, logLo) = variant == .log ? logOfSum(sumInDouble.total(), rest: rest.total()) : (0, 0)
    let minusLog = F64x8(repeating: -logHi), minusLogLo = F64x8(repeating: -logLo)
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let v = loadRow(x + i, n, negated: negated)
      let q: T.Vector
      if variant == .log {
        q = T.Vector.mapInDouble(v, v) { v, _ in
          let (d, dLo) = difference(v, top)
          let (s, sLo) = TwoTerm.sum(d, minusLog)
          return (s + ((sLo + dLo) + minusLogLo)).replacing(with: d, where: d .== F64x8(repeating: -.infinity))
        }
      } else {
        let (e, eLo) = exponentOfDifference(v, shift)
        q = TwoTerm.quotient(e, eLo, sumHi, sumLo)
      }
      n == width ? store(q, y + i) : storePartial(q, y + i, n)
      i &+= width
    }
  }

  /// Up to one vector of a row (n elements from p; the lanes past n are
  /// -inf), negated for softmin.
  @inline(__always)
  static func loadRow<T: ActivationScalar>(_ p: UnsafePointer<T>, _ n: Int, negated: Bool) -> T.Vector {
    let v = n >= T.Vector.scalarCount ? load(p) : loadPadded(p, n, fill: negated ? .infinity : -.infinity)
    return negated ? T.Vector.zero - v : v
  }

  /// x - m for finite m as d + dLo exactly (TwoSum); x = -inf gives
  /// d = -inf and dLo = 0.
  @inline(__always)
  static func difference<V: FloatVector>(_ x: V, _ m: V) -> (d: V, dLo: V) {
    let d = x - m
    let mPart = x - d
    let dLo = (x - (d + mPart)) + ((V.zero - m) + mPart)
    return (d, dLo.replacing(with: V.zero, where: dLo .!= dLo))  // x = -inf: d = -inf, dLo = NaN
  }

  /// exp(x - m) for finite m as a two-term sum, with x - m carried exactly
  /// as d + dLo (TwoSum) and exp(d + dLo) = exp(d) (1 + dLo) to first order.
  /// x = -inf gives +0.
  @inline(__always)
  static func exponentOfDifference<V: FloatVector>(_ x: V, _ m: V) -> (hi: V, lo: V) {
    let (d, dLo) = difference(x, m)
    let (e, eLo) = ExpCore(ExpCore.clampedForExp(d)).exp()
    return (e, eLo + e * dLo)
  }

  /// log(S) for a row sum S >= 1 (the maximum's own term is exp(0) = 1)
  /// as a two-term double, once per row, with no call to a C library log:
  ///
  ///     S = 2^k f,  f in [sqrt(1/2), sqrt(2)),  f - 1 = g exactly (two terms)
  ///     log S = k ln 2 + 2 atanh(u),  u = g / (2 + g),  |u| < 0.172
  ///     2 atanh(u) = 2u + 2u^3 (1/3 + u^2/5 + ... + u^20/23)
  ///
  /// k ln 2 and 2u are two-term values (ln 2 as a double-double, u a
  /// two-term quotient); the tail, below u^2 / 3 < 1% of the result, is
  /// summed in double, so its rounding costs about 2^-58 of the result (the
  /// terms left out, below 2^-62). When S < sqrt 2
  /// the maximum occurs once and g is `rest`, the sum of the terms below the
  /// maximum: accurate relative to itself however small, so log S = log1p(rest)
  /// is too (the sum S itself is accurate relative to 1 + rest only).
  static func logOfSum(_ total: (hi: Double, lo: Double), rest: (hi: Double, lo: Double)) -> (hi: Double, lo: Double) {
    typealias V = F64x8
    let sqrt2 = 2.0.squareRoot()
    var k = 0
    var (g, gLo) = (V(repeating: rest.hi), V(repeating: rest.lo))
    if total.hi >= sqrt2 {
      k = Int(total.hi.exponent) + (total.hi.significand >= sqrt2 ? 1 : 0)
      let scale = Double(sign: .plus, exponent: -k, significand: 1)
      // f - 1 is exact (Sterbenz); the low term is exact too (a power of two).
      (g, gLo) = TwoTerm.sum(V(repeating: total.hi * scale - 1), V(repeating: total.lo * scale))
    }
    let (d, dLo) = TwoTerm.fastSum(V(repeating: 2), g)
    let (q0, remainder, r) = TwoTerm.quotientTerms(g, gLo, d, dLo + gLo)
    let (u, uLo) = TwoTerm.fastSum(q0, remainder * r)
    let v = u * u
    var series = V(repeating: 1.0 / 23)
    for j in stride(from: 10, through: 1, by: -1) { series = V.fma(series, v, V(repeating: 1 / Double(2 * j + 1))) }
    let tail = (u + u) * v * series
    let (a, aLo) = TwoTerm.product(V(repeating: Double(k)), V(repeating: 0x1.62e42fefa39efp-1))  // k ln2Hi
    let (s, sLo) = TwoTerm.sum(a, u + u)
    let low = sLo + ((aLo + V(repeating: Double(k) * 0x1.abc9e3b39803fp-56)) + ((uLo + uLo) + tail))
    let (l, lLo) = TwoTerm.fastSum(s, low)
    return (l[0], lLo[0])
  }

  /// One row of the backward pass from the forward's OUTPUT y:
  ///
  ///     softmax, safe:  dx = y (dy - sum_k dy_k y_k)
  ///     softmin:        dx = y (sum_k dy_k y_k - dy)     (softmin's Jacobian is minus softmax's)
  ///     log_softmax:    dx = dy - exp(y) sum_k dy_k
  ///
  /// The sum is compensated in double, each dx_j computed in double and
  /// rounded once.
  static func backwardRow<T: ActivationScalar>(
    _ y: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, _ cols: Int,
    _ variant: SoftmaxVariant = .softmax
  ) {
    let width = T.Vector.scalarCount
    let log = variant == .log
    var dot = CompensatedSum<F64x8>()
    var i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let (a, b) = n == width ? (load(y + i), load(dy + i)) : (loadPadded(y + i, n), loadPadded(dy + i, n))
      _ = T.Vector.mapInDouble(a, b) { a, b in
        dot.add(log ? b : a * b)
        return a
      }
      i &+= width
    }
    let s = F64x8(repeating: dot.total().hi)
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let (a, b) = n == width ? (load(y + i), load(dy + i)) : (loadPadded(y + i, n), loadPadded(dy + i, n))
      let r = T.Vector.mapInDouble(a, b) { a, b in
        switch variant {
        case .softmax, .safe: return a * (b - s)
        case .softmin: return a * (s - b)
        case .log:
          let (e, eLo) = exponential(a)
          return b - F64x8.fma(e, s, eLo * s)
        }
      }
      n == width ? store(r, dx + i) : storePartial(r, dx + i, n)
      i &+= width
    }
  }

  /// exp(y) as a two-term value: lanes y <= 0 (every log_softmax output)
  /// by ExpCore, others (y > 0, +inf, NaN: not outputs of the forward) by
  /// the C library's exp, so they follow IEEE arithmetic too.
  @inline(__always)
  static func exponential(_ y: F64x8) -> (hi: F64x8, lo: F64x8) {
    var (e, eLo) = ExpCore(ExpCore.clampedForExp(y)).exp()
    if !F64x8.allLanes(y .<= F64x8.zero) {
      for lane in 0..<F64x8.scalarCount where !(y[lane] <= 0) {
        e[lane] = Glibc.exp(y[lane])
        eLo[lane] = 0
      }
    }
    return (e, eLo)
  }

  /// One row's cols x cols Jacobian. The softmax (softmin, safe softmax;
  /// the softmax for log_softmax) is first written into the block's last
  /// row, which is overwritten last, so no scratch memory is needed (and
  /// `jacobian` may be x itself when cols == 1).
  static func jacobianRow<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ jacobian: UnsafeMutablePointer<T>, _ cols: Int, _ variant: SoftmaxVariant = .softmax
  ) {
    let y = jacobian + (cols - 1) * cols
    row(x, y, cols, variant == .log ? .softmax : variant)
    for i in 0..<cols - 1 {
      let yi = y[i]
      let out = jacobian + i * cols
      for j in 0..<cols { out[j] = offDiagonal(yi, y[j], variant) }
      out[i] = diagonal(yi, variant)
    }
    let last = y[cols - 1]
    for j in 0..<cols - 1 { y[j] = offDiagonal(last, y[j], variant) }
    y[cols - 1] = diagonal(last, variant)
  }

  /// J_ij for i != j from y_i and y_j (for log_softmax: the softmax values).
  @inline(__always)
  static func offDiagonal<T: ActivationScalar>(_ yi: T, _ yj: T, _ variant: SoftmaxVariant) -> T {
    switch variant {
    case .softmax, .safe: -(yi * yj)
    case .softmin: yi * yj
    case .log: -yj
    }
  }

  /// J_ii from y_i (for log_softmax: the softmax value).
  @inline(__always)
  static func diagonal<T: ActivationScalar>(_ yi: T, _ variant: SoftmaxVariant) -> T {
    switch variant {
    case .softmax, .safe: yi * (1 - yi)
    case .softmin: -(yi * (1 - yi))
    case .log: 1 - yi
    }
  }
}

/// The row functions that share the softmax kernels.
enum SoftmaxVariant {
  /// softmax(x).
  case softmax
  /// softmin(x) = softmax(-x).
  case softmin
  /// softmax(x), except that a row of only -inf gives zeros instead of NaN.
  case safe
  /// log_softmax(x) = log(softmax(x)) = (x - m) - log(sum_k exp(x_k - m)).
  case log
}
