/// The exponential of vector lanes, reduced and kept in two terms, the
/// core of every transcendental function in the library (one algorithm for
/// both types; the polynomial and constants of each type are in
/// ExpPolynomial+Float.swift and ExpPolynomial+Double.swift).
///
///     x = n ln 2 + r,   n = round(x / ln 2),   |r| <= ln(2)/2 (+ an ulp)
///     expm1(r) = mHi + mLo ~ r + r^2 P(r)
///     e^x      = 2^n (1 + expm1(r)) = 2^n (hi + lo)
///
/// n comes from the rounding-magic addition. r is carried as two terms,
/// r + rLo (Cody-Waite): ln 2 = ln2Hi + ln2Lo with ln2Hi short enough that
/// n ln2Hi and x - n ln2Hi are exact, then r = (x - n ln2Hi) - n ln2Lo by
/// Fast2Sum, so the reduction adds no rounding error of its own (a single
/// rounded r would cost up to half an ulp of r, i.e. a large part of an ulp
/// of the result). The sums r + r^2 P(r) + rLo e^r and 1 + expm1(r) are
/// Fast2Sums too, so hi + lo is e^r to about 2^-28 (float) or 2^-58
/// (double) relative and the callers round once at the end. Only
/// arguments x <= 0 are used by the library: callers clamp to
/// [expUnderflow, 0] (or [-40, 0] for expm1), which keeps 2^n in range for
/// the scalings below. NaN lanes and lanes above 0 give meaningless
/// values: the callers replace them (the drivers restore NaN from x).
struct ExpCore<V: FloatVector> {
  /// n + roundingMagic, for `V.powerOfTwo` and `V.scaleFactors`.
  let shifted: V
  /// expm1(r) = mHi + mLo.
  let mHi: V
  let mLo: V

  /// `x` must be in [expUnderflow, 0] (see the clamps below).
  @inline(__always)
  init(_ x: V) {
    self.init(x, V.zero, exactArgument: true)
  }

  /// The exponential of x + xLo, |xLo| at most about ulp(x): the low part
  /// joins the reduction's own low term, and its effect is taken as
  /// rLo e^r = rLo (1 + expm1(r)) (the rLo (1 + r) of an exact argument
  /// would be off by rLo r^2 / 2, many ulps when rLo is as large as an
  /// ulp of x).
  @inline(__always)
  init(_ x: V, _ xLo: V) {
    self.init(x, xLo, exactArgument: false)
  }

  @inline(__always)
  private init(_ x: V, _ xLo: V, exactArgument: Bool) {
    let magic = V(repeating: V.roundingMagic)
    shifted = V.fma(x, V(repeating: V.log2e), magic)
    let n = shifted - magic
    let r1 = V.fma(V.zero - n, V(repeating: V.ln2Hi), x)  // exact
    let p = n * V(repeating: V.ln2Lo)
    let r = r1 - p
    let t = (r * r) * V.expm1Polynomial(r)
    mHi = r + t  // Fast2Sum: |t| < |r| / 4
    // expm1(r + rLo) = expm1(r) + rLo e^r to first order in rLo.
    if exactArgument {
      let rLo = (r1 - r) - p  // below 2^-60 |r| or so: e^r ~ 1 + r suffices
      mLo = ((r - mHi) + t) + V.fma(rLo, r, rLo)
    } else {
      let rLo = ((r1 - r) - p) + xLo
      mLo = ((r - mHi) + t) + V.fma(rLo, mHi, rLo)
    }
  }

  /// e^-|z + zLo| for a two-term z + zLo, its argument -|z| - sign(z) zLo
  /// clamped at productUnderflow. The low part is dropped where it is not
  /// finite (z itself overflowed) and where the clamp applies (it may be
  /// far larger than the reduction tolerates when |z| is huge).
  @inline(__always)
  init(negativeMagnitudeOf z: V, _ zLo: V) {
    let argument = V.negativeMagnitude(z)
    let clamped = ExpCore.clampedForProducts(argument)
    let kept = ((V.zero - V.negativeMagnitude(zLo)) .< V(repeating: .infinity)) .& (clamped .== argument)
    let low = V.zero.replacing(with: zLo, where: kept).replacing(with: V.zero - zLo, where: kept .& (z .> V.zero))
    self.init(clamped, low)
  }

  /// The argument raised to at least expUnderflow, for the exponentials.
  /// Lanes above 0 give meaningless results (callers replace them).
  @inline(__always)
  static func clampedForExp(_ x: V) -> V {
    V.maximum(x, V(repeating: V.expUnderflow))
  }

  /// The argument raised to at least productUnderflow, for products
  /// x * e^z formed before the final scaling (`unscaled`). Lanes above 0
  /// give meaningless results (callers replace them).
  @inline(__always)
  static func clampedForProducts(_ x: V) -> V {
    V.maximum(x, V(repeating: V.productUnderflow))
  }

  /// The argument raised to at least -40, for expm1: expm1(x) rounds to -1
  /// below -40 in both types, and 2^n stays a normal number. Lanes above 0
  /// give meaningless results (callers replace them).
  @inline(__always)
  static func clampedForExpm1(_ x: V) -> V {
    V.maximum(x, V(repeating: -40))
  }

  /// e^x * 2^extra = (hi + lo) scaled, both terms scaled by the same
  /// factors: hi is e^x * 2^extra rounded once (subnormal results included),
  /// lo its remainder (or 0 where it underflows).
  @inline(__always)
  func exp(extra: Int = 0) -> (hi: V, lo: V) {
    let one = V.one
    let hi = one + mHi  // Fast2Sum: |mHi| < 1
    let lo = ((one - hi) + mHi) + mLo
    if allNormal(extra: extra) {
      let p = V.powerOfTwo(extra == 0 ? shifted : shifted + V(repeating: V.Scalar(extra)))
      return (hi * p, lo * p)
    }
    let (a, b) = V.scaleFactors(shifted, extra: extra)
    return (hi * a * b, lo * a * b)
  }

  /// e^x = (hi + lo) * a * b: the unscaled two-term 1 + expm1(r) and the
  /// two halves a, b of 2^n, for callers that multiply before the final
  /// scaling, which then rounds once into the subnormal range (x * sigma(x)
  /// for very negative x).
  ///
  /// Always the halves, never a = 2^n and b = 1 when 2^n is normal: a
  /// caller's product x * 2^n can lose its low term to the subnormal range
  /// where x * 2^(n/2) keeps it, so a choice made per vector would let a
  /// lane's result depend on its neighbours (one rare last bit of gelu_tanh
  /// did, before this).
  @inline(__always)
  func unscaled() -> (hi: V, lo: V, a: V, b: V) {
    let one = V.one
    let hi = one + mHi
    let lo = ((one - hi) + mHi) + mLo
    let (a, b) = V.scaleFactors(shifted, extra: 0)
    return (hi, lo, a, b)
  }

  /// Whether every lane's 2^(n + extra) is a normal number, so one
  /// (exact) multiplication scales: the common case, taken as one branch
  /// per vector. Otherwise (some lane's result may be subnormal, or NaN)
  /// the two-step scaling rounds once.
  @inline(__always)
  func allNormal(extra: Int) -> Bool {
    let smallest = V.roundingMagic + V.Scalar(Int(V.Scalar.leastNormalMagnitude.exponent) + 2 - extra)
    return V.allLanes(shifted .>= V(repeating: smallest))
  }

  /// e^x * c, rounded once, for a scalar c (elu's derivative alpha e^x):
  /// the product is formed on the unscaled terms, then scaled. Exact
  /// rounding needs c (hi + lo) 2^(n >> 1) to stay normal, which holds for
  /// |c| >= 2^-40 (float) or 2^-500 (double).
  @inline(__always)
  func exp(times c: V) -> V {
    exp(times: c, c: V.zero)
  }

  /// e^x * (c + cLo) for a two-term constant (selu's scale * alpha),
  /// rounded once, under the same condition as `exp(times:)`.
  @inline(__always)
  func exp(times c: V, c cLo: V) -> V {
    let one = V.one
    let hi = one + mHi
    let lo = ((one - hi) + mHi) + mLo
    let v = V.fma(c, hi, V.fma(c, lo, cLo * hi))
    if allNormal(extra: 0) { return v * V.powerOfTwo(shifted) }
    let (a, b) = V.scaleFactors(shifted, extra: 0)
    return v * a * b
  }

  /// expm1(x) = hi + lo (|lo| <= ulp(hi)), for x in [-40, 0]:
  ///
  ///     expm1(x) = 2^n expm1(r) + (2^n - 1)
  ///
  /// 2^n - 1 and its rounding error by Fast2Sum (|-1| >= 2^n), then that
  /// plus 2^n mHi (exact) by Fast2Sum (|2^n - 1| >= 1/2 >= |2^n mHi| when
  /// n < 0; for n = 0 the first term is 0 and the sum is exact).
  @inline(__always)
  func expm1() -> (hi: V, lo: V) {
    let scale = V.powerOfTwo(shifted)
    let minusOne = V(repeating: -1)
    let a = minusOne + scale
    let aLo = (minusOne - a) + scale
    let b = scale * mHi
    let hi = a + b
    let lo = ((a - hi) + b) + (aLo + scale * mLo)
    return (hi, lo)
  }
}
