/// The row kernels of softmax: one row of the forward pass, of the backward
/// pass and of the Jacobian (the drivers, validation and exports are in
/// Softmax.swift; these run in each instruction-set build, see RowEntry).
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
enum SoftmaxRows {
  /// One row: y = softmax(x). y may be x itself.
  static func row<T: ActivationScalar>(_ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ cols: Int) {
    let width = T.Vector.scalarCount
    let minusInfinity = T.Vector(repeating: -.infinity)

    // Pass 1: the maximum, and whether a NaN is present.
    var maxima = minusInfinity
    var nanLanes = T.Vector.zero
    var i = 0
    while i < cols {
      let v = i + width <= cols ? load(x + i) : loadPadded(x + i, cols - i, fill: -.infinity)
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
      for j in 0..<cols { y[j] = .nan }
      return
    }
    if m == .infinity {
      var infinities = 0
      for j in 0..<cols where x[j] == .infinity { infinities += 1 }
      let share = 1 / T(infinities)
      for j in 0..<cols { y[j] = x[j] == .infinity ? share : 0 }
      return
    }

    // Pass 2: the compensated sum of e_j = exp(x_j - m) (two-term values).
    let shift = T.Vector(repeating: m)
    var sum = CompensatedSum<T.Vector>()
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let v = n == width ? load(x + i) : loadPadded(x + i, n, fill: -.infinity)
      let (e, eLo) = exponentOfDifference(v, shift)
      sum.add(e)
      sum.add(eLo)
      i &+= width
    }

    // Pass 3: y_j = e_j / sum, e_j recomputed (the same bits as in pass 2)
    // so that each result is one two-term quotient, rounded once (storing
    // e_j in pass 2 would round it twice: up to 1.5 ulps). y may be x: x_j
    // is read before y_j is written.
    let (totalHi, totalLo) = sum.total()
    let sumHi = T.Vector(repeating: totalHi), sumLo = T.Vector(repeating: totalLo)
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let v = n == width ? load(x + i) : loadPadded(x + i, n, fill: -.infinity)
      let (e, eLo) = exponentOfDifference(v, shift)
      let q = TwoTerm.quotient(e, eLo, sumHi, sumLo)
      n == width ? store(q, y + i) : storePartial(q, y + i, n)
      i &+= width
    }
  }

  /// exp(x - m) for finite m as a two-term sum, with x - m carried exactly
  /// as d + dLo (TwoSum) and exp(d + dLo) = exp(d) (1 + dLo) to first order.
  /// x = -inf gives +0.
  @inline(__always)
  static func exponentOfDifference<V: FloatVector>(_ x: V, _ m: V) -> (hi: V, lo: V) {
    let d = x - m
    let mPart = x - d
    var dLo = (x - (d + mPart)) + ((V.zero - m) + mPart)
    dLo = dLo.replacing(with: V.zero, where: dLo .!= dLo)  // x = -inf: d = -inf, dLo = NaN
    let (e, eLo) = ExpCore(ExpCore.clampedForExp(d)).exp()
    return (e, eLo + e * dLo)
  }

  /// One row of the backward pass: dx = y (dy - sum_k dy_k y_k).
  static func backwardRow<T: ActivationScalar>(
    _ y: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, _ cols: Int
  ) {
    let width = T.Vector.scalarCount
    var dot = CompensatedSum<F64x8>()
    var i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let (a, b) = n == width ? (load(y + i), load(dy + i)) : (loadPadded(y + i, n), loadPadded(dy + i, n))
      _ = T.Vector.mapInDouble(a, b) { a, b in
        dot.add(a * b)
        return a
      }
      i &+= width
    }
    let s = F64x8(repeating: dot.total().hi)
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let (a, b) = n == width ? (load(y + i), load(dy + i)) : (loadPadded(y + i, n), loadPadded(dy + i, n))
      let r = T.Vector.mapInDouble(a, b) { a, b in a * (b - s) }
      n == width ? store(r, dx + i) : storePartial(r, dx + i, n)
      i &+= width
    }
  }

  /// One row's cols x cols Jacobian. The softmax is first written into the
  /// block's last row, which is overwritten last, so no scratch memory is
  /// needed (and `jacobian` may be x itself when cols == 1).
  static func jacobianRow<T: ActivationScalar>(_ x: UnsafePointer<T>, _ jacobian: UnsafeMutablePointer<T>, _ cols: Int) {
    let y = jacobian + (cols - 1) * cols
    row(x, y, cols)
    for i in 0..<cols - 1 {
      let yi = y[i]
      let out = jacobian + i * cols
      for j in 0..<cols { out[j] = -(yi * y[j]) }
      out[i] = yi * (1 - yi)
    }
    let last = y[cols - 1]
    for j in 0..<cols - 1 { y[j] = -(last * y[j]) }
    y[cols - 1] = last * (1 - last)
  }
}
