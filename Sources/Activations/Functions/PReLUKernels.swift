/// The kernels of prelu (the drivers, validation and exports are in
/// Rows/PReLU.swift; these run in each instruction-set build, see
/// Drivers/PReLUEntry.swift).
///
///     y  = x if x >= 0 else w x            (f(-0) = -0; NaN gives x)
///     d  = 1 if x > 0 else w               (d(0) = w; NaN gives x)
///     dx = dy * d
///     dweight[k] = sum of dy * x over the elements using weight k with
///                  x < 0 or x NaN (those with x >= 0 add nothing)
///
/// x is rows x channels; element (r, c) uses weight c (one weight per
/// channel) or weight 0 (one shared weight). The work takes one of two
/// layouts, chosen from the shape alone:
///
/// - columns (a weight per channel and at least a vector's width of
///   channels): lanes hold consecutive channels of one row. The forward and
///   the derivative go row by row; the backward goes down all the rows of
///   one group of channels, so the gradient of each weight is one sum over
///   the rows in order.
/// - flat (one shared weight, or fewer channels than lanes): the array is
///   one sequence whose weights repeat with the period L = lcm(weights,
///   width); vector k of a period always sees the same weights. The
///   backward sums fixed blocks of periods (`blockElements`), each block
///   into one two-term partial per weight; the driver adds the partials in
///   block order.
///
/// Every sum is compensated: each product dy * x is split exactly into
/// p + e (fma), p is added by TwoSum and the errors are kept apart, so a
/// gradient is its exact value rounded about once. The order of every
/// addition depends only on the shape, never on threads or instruction set.
enum PReLUKernels {
  /// y for lanes x with weights w.
  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ w: V) -> V {
    (w * x).replacing(with: x, where: (x .>= V.zero) .| (x .!= x))
  }

  /// f'(x) for lanes x with weights w.
  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ w: V) -> V {
    w.replacing(with: V.one, where: x .> V.zero).replacing(with: x, where: x .!= x)
  }

  /// Whether the work takes the column layout (else flat).
  @inline(__always)
  static func usesColumns<T: ActivationScalar>(channels: Int, weights: Int, of _: T.Type) -> Bool {
    weights > 1 && channels >= T.Vector.scalarCount
  }

  /// The flat layout's period: lcm(weights, vector width), weights < width.
  @inline(__always)
  static func period<T: ActivationScalar>(weights: Int, of _: T.Type) -> Int {
    let width = T.Vector.scalarCount
    var (a, b) = (weights, width)
    while b != 0 { (a, b) = (b, a % b) }
    return weights / a * width
  }

  /// The flat backward's block: a whole number of periods, about 2^16 elements.
  @inline(__always)
  static func blockElements(period: Int) -> Int {
    period * max(1, (1 << 16) / period)
  }

  // MARK: - Columns

  /// Forward (or derivative) of rows `rows`, row by row.
  static func mapColumns<T: ActivationScalar>(
    derivative isDerivative: Bool, _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
    _ weight: UnsafePointer<T>, channels: Int, rows: Range<Int>
  ) {
    let width = T.Vector.scalarCount
    for r in rows {
      let row = r &* channels
      var c = 0
      while channels - c >= width {
        let v = load(x + (row &+ c)), w = load(weight + c)
        store(isDerivative ? derivative(v, w) : forward(v, w), out + (row &+ c))
        c &+= width
      }
      if c < channels {
        let rest = channels - c
        let v = loadPadded(x + (row &+ c), rest), w = loadPadded(weight + c, rest)
        storePartial(isDerivative ? derivative(v, w) : forward(v, w), out + (row &+ c), rest)
      }
    }
  }

  /// Backward of the channel groups `groups` (group g = channels g*width
  /// ..< (g+1)*width), each down all `rows` rows: dx, and the gradients of
  /// the group's weights written to dweight.
  static func backwardColumns<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>,
    _ weight: UnsafePointer<T>, _ dweight: UnsafeMutablePointer<T>, rows: Int, channels: Int, groups: Range<Int>
  ) {
    let width = T.Vector.scalarCount
    for g in groups {
      let c = g &* width
      let count = Swift.min(width, channels - c)
      var sum = GradientSum<T.Vector>()
      if count == width {
        let w = load(weight + c)
        for r in 0..<rows {
          let i = r &* channels &+ c
          let v = load(x + i), gradient = load(dy + i)
          store(gradient * derivative(v, w), dx + i)
          sum.add(v, gradient)
        }
        store(sum.rounded(), dweight + c)
      } else {
        let w = loadPadded(weight + c, count)
        for r in 0..<rows {
          let i = r &* channels &+ c
          let v = loadPadded(x + i, count), gradient = loadPadded(dy + i, count)
          storePartial(gradient * derivative(v, w), dx + i, count)
          sum.add(v, gradient)
        }
        storePartial(sum.rounded(), dweight + c, count)
      }
    }
  }

  // MARK: - Flat

  /// Runs `body` with the period's weights: L values, element i of the
  /// array using pattern[i mod L] (at most 240 floats or 56 doubles, on
  /// the stack).
  @inline(__always)
  static func withPattern<T: ActivationScalar>(
    _ weight: UnsafePointer<T>, weights: Int, _ body: (UnsafePointer<T>, Int) -> Void
  ) {
    let length = period(weights: weights, of: T.self)
    withUnsafeTemporaryAllocation(of: T.self, capacity: length) { buffer in
      for i in 0..<length { buffer[i] = weight[i % weights] }
      body(UnsafePointer(buffer.baseAddress!), length)
    }
  }

  /// Forward (or derivative) of the periods `periods` of the n elements.
  static func mapFlat<T: ActivationScalar>(
    derivative isDerivative: Bool, _ x: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
    _ weight: UnsafePointer<T>, weights: Int, count n: Int, periods: Range<Int>
  ) {
    let width = T.Vector.scalarCount
    withPattern(weight, weights: weights) { pattern, length in
      let end = Swift.min(n, periods.upperBound &* length)
      var i = periods.lowerBound &* length
      var k = 0
      while i < end {
        let w = load(pattern + k)
        if end - i >= width {
          let v = load(x + i)
          store(isDerivative ? derivative(v, w) : forward(v, w), out + i)
        } else {
          let v = loadPadded(x + i, end - i)
          storePartial(isDerivative ? derivative(v, w) : forward(v, w), out + i, end - i)
        }
        i &+= width
        k &+= width
        if k == length { k = 0 }
      }
    }
  }

  /// Backward of blocks `blocks` of the n elements: dx, and block b's
  /// partial gradients in partials[(b - blocks.lowerBound) * 2 * width ...]:
  /// the high terms in lanes 0 ..< weights of one vector, the low terms in
  /// the next.
  static func backwardFlat<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>,
    _ weight: UnsafePointer<T>, weights: Int, count n: Int, blocks: Range<Int>,
    partials: UnsafeMutablePointer<T>
  ) {
    let width = T.Vector.scalarCount
    withPattern(weight, weights: weights) { pattern, length in
      let size = blockElements(period: length)
      for b in blocks {
        let start = b &* size
        let end = Swift.min(n, start &+ size)
        var hi = T.Vector.zero, lo = T.Vector.zero
        // Vector k of every period in the block, period by period; then
        // its lanes join the partials of their weights, in lane order.
        for k in stride(from: 0, to: length, by: width) {
          let w = load(pattern + k)
          var sum = GradientSum<T.Vector>()
          var i = start &+ k
          while i < end {
            if end - i >= width {
              let v = load(x + i), g = load(dy + i)
              store(g * derivative(v, w), dx + i)
              sum.add(v, g)
            } else {
              let v = loadPadded(x + i, end - i), g = loadPadded(dy + i, end - i)
              storePartial(g * derivative(v, w), dx + i, end - i)
              sum.add(v, g)
            }
            i &+= length
          }
          for lane in 0..<width {
            let slot = (k &+ lane) % weights
            (hi[slot], lo[slot]) = addTwoTerm((hi[slot], lo[slot]), (sum.sum[lane], sum.error[lane]))
          }
        }
        let out = partials + (b &- blocks.lowerBound) &* 2 &* width
        store(hi, out)
        store(lo, out + width)
      }
    }
  }

  /// (aHi + aLo) + (bHi + bLo) as a two-term value: TwoSum of the high
  /// terms, the low terms and that sum's error added. Plain IEEE operations
  /// (no fma), the same in every build.
  @inline(__always)
  static func addTwoTerm<T: BinaryFloatingPoint>(_ a: (T, T), _ b: (T, T)) -> (T, T) {
    let s = a.0 + b.0
    let bPart = s - a.0
    let e = (a.0 - (s - bPart)) + (b.0 - bPart)
    return (s, (a.1 + b.1) + e)
  }

  /// hi + lo rounded, or hi where hi is not finite (an infinite or NaN
  /// sum, whose error terms are meaningless).
  @inline(__always)
  static func rounded<T: BinaryFloatingPoint>(_ hi: T, _ lo: T) -> T {
    hi.isFinite ? hi + lo : hi
  }
}

/// Per-lane compensated sums of the products dy * x where x < 0 (or x is
/// NaN): each product split exactly into p + e, p added by TwoSum, the
/// errors and e kept in `error`.
struct GradientSum<V: FloatVector> {
  var sum = V()
  var error = V()

  @inline(__always)
  mutating func add(_ x: V, _ dy: V) {
    let used = (x .< V.zero) .| (x .!= x)
    let product = dy * x
    let p = V.zero.replacing(with: product, where: used)
    // The exact error of a finite product (an overflowed one has none worth keeping).
    let finite = (p - p) .== V.zero
    let e = V.zero.replacing(with: V.fma(dy, x, V.zero - p), where: used .& finite)
    let t = sum + p
    let pPart = t - sum
    error = error + (((sum - (t - pPart)) + (p - pPart)) + e)
    sum = t
  }

  /// Each lane's sum rounded once (the sum itself where it is not finite).
  @inline(__always)
  func rounded() -> V {
    (sum + error).replacing(with: sum, where: (sum - sum) .!= V.zero)
  }
}
