/// Softmax over each row of a rows x cols matrix, its backward pass and its
/// Jacobian.
///
///     y_j = exp(x_j - m) / sum_k exp(x_k - m),      m = max_k x_k
///     dx_j = y_j (dy_j - sum_k dy_k y_k)             (from the OUTPUT y)
///     J_ij = d y_i / d x_j = y_i (delta_ij - y_j)
///
/// Goals, in order: the special rows below exactly; accuracy (each exponent
/// x_j - m is carried as an exact two-term sum, the exponentials and the
/// sums are computed in double as two-term values, the row sum with
/// compensation, and each y_j is one two-term quotient rounded once);
/// results independent of threads (fixed-order reductions); speed.
///
/// Special rows: any NaN -> all NaN; a +inf present -> the +inf entries
/// share 1 equally, the rest are 0; all -inf -> all NaN.
enum Softmax {
  /// Work per element for the thread split (`Parallel`), scaled from the
  /// measured single-thread speeds (forward 0.06 el/ns, 2.3x slower than
  /// sigmoid; backward 0.6 el/ns): the forward evaluates two two-term
  /// exponentials per element, the backward two compensated passes, the
  /// Jacobian one product per entry.
  static let forwardCost = 16
  static let backwardCost = 2
  static let jacobianCost = 1

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
    let shift = F64x8(repeating: Double(m))
    var sum = CompensatedSum()
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let v = n == width ? load(x + i) : loadPadded(x + i, n, fill: -.infinity)
      _ = T.Vector.mapInDouble(v, index: i) { d, _ in
        let (eHi, eLo) = exponentOfDifference(d, shift)
        sum.add(eHi)
        sum.add(eLo)
        return d
      }
      i &+= width
    }

    // Pass 3: y_j = e_j / sum, e_j recomputed (the same bits as in pass 2)
    // so that each result is rounded once. y may be x: x_j is read before
    // y_j is written.
    let (totalHi, totalLo) = sum.total()
    let sumHi = F64x8(repeating: totalHi), sumLo = F64x8(repeating: totalLo)
    i = 0
    while i < cols {
      let n = Swift.min(width, cols - i)
      let v = n == width ? load(x + i) : loadPadded(x + i, n, fill: -.infinity)
      let q = T.Vector.mapInDouble(v, index: i) { d, _ in
        let (eHi, eLo) = exponentOfDifference(d, shift)
        return TwoTerm.quotient(eHi, eLo, sumHi, sumLo)
      }
      n == width ? store(q, y + i) : storePartial(q, y + i, n)
      i &+= width
    }
  }

  /// exp(x - m) for finite m as a two-term sum, with x - m carried exactly
  /// as hi + lo (TwoSum) and exp(hi + lo) = exp(hi) (1 + lo) to first order.
  /// x = -inf gives +0.
  @inline(__always)
  static func exponentOfDifference(_ x: F64x8, _ m: F64x8) -> (hi: F64x8, lo: F64x8) {
    var (hi, lo) = TwoTerm.sum(x, -m)
    lo = lo.replacing(with: F64x8(), where: lo .!= lo)  // x = -inf: hi = -inf, lo = NaN
    let (eHi, eLo) = F64x8.expTwoTerm(hi)
    return (eHi, eLo + eHi * lo)
  }

  /// One row of the backward pass: dx = y (dy - sum_k dy_k y_k).
  static func backwardRow<T: ActivationScalar>(
    _ y: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, _ cols: Int
  ) {
    let width = T.Vector.scalarCount
    var dot = CompensatedSum()
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

// MARK: - Drivers (validation in the header's order, then rows)

extension Softmax {
  static func forward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    let count = try Rows.count(rows, cols, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return }
    let (x, y) = (try nonNull(x), try nonNull(y))
    try requireAligned(x)
    try requireAligned(UnsafePointer(y))
    try requireNoPartialOverlap(Region(y, count: count), Region(x, count: count))
    let c = Int(cols)
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: forwardCost) { range in
      for r in range { row(x + r * c, y + r * c, c) }
    }
  }

  static func backward<T: ActivationScalar>(
    _ y: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    let count = try Rows.count(rows, cols, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return }
    let (y, dy, dx) = (try nonNull(y), try nonNull(dy), try nonNull(dx))
    try requireAligned(y)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(dx))
    try requireNoPartialOverlap(Region(dx, count: count), Region(y, count: count), Region(dy, count: count))
    let c = Int(cols)
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: backwardCost) { range in
      for r in range { backwardRow(y + r * c, dy + r * c, dx + r * c, c) }
    }
  }

  static func jacobian<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ jacobian: UnsafeMutablePointer<T>?, _ rows: UInt, _ cols: UInt
  ) throws(ActivationError) {
    let count = try Rows.count(rows, cols, of: T.self)
    let jacobianCount = try Rows.count(rows, cols, cols, of: T.self)
    guard rows == 0 || cols > 0 else { throw .size }
    guard rows > 0 else { return }
    let (x, jacobian) = (try nonNull(x), try nonNull(jacobian))
    try requireAligned(x)
    try requireAligned(UnsafePointer(jacobian))
    try requireNoPartialOverlap(Region(jacobian, count: jacobianCount), Region(x, count: count))
    let c = Int(cols)
    Rows.forEachChunk(rows: Int(rows), elementsPerRow: c * c, cost: jacobianCost) { range in
      for r in range { jacobianRow(x + r * c, jacobian + r * c * c, c) }
    }
  }
}

// MARK: - C ABI (include/activations.h, "softmax")

@c(act_softmax_f32)
public func act_softmax_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols) }
}
@c(act_softmax_backward_f32)
public func act_softmax_backward_f32(
  _ y: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols) }
}
@c(act_softmax_derivative_f32)
public func act_softmax_derivative_f32(
  _ x: UnsafePointer<Float>?, _ jacobian: UnsafeMutablePointer<Float>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols) }
}
@c(act_softmax_f64)
public func act_softmax_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.forward(x, y, rows, cols) }
}
@c(act_softmax_backward_f64)
public func act_softmax_backward_f64(
  _ y: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.backward(y, dy, dx, rows, cols) }
}
@c(act_softmax_derivative_f64)
public func act_softmax_derivative_f64(
  _ x: UnsafePointer<Double>?, _ jacobian: UnsafeMutablePointer<Double>?, _ rows: UInt, _ cols: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Softmax.jacobian(x, jacobian, rows, cols) }
}
