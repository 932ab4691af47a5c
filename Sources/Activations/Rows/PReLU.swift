/// PReLU: leaky ReLU with learned slopes, one per channel or one shared:
/// validation, the thread split, the weight gradient's reduction and the C
/// exports (the kernels are in Functions/PReLUKernels.swift).
///
///     x is rows x channels; element (r, c) uses weight[c] (num_weights ==
///     channels) or weight[0] (num_weights == 1)
///     y  = x if x >= 0 else w x
///     d  = 1 if x > 0 else w
///     dx = dy * d;   dweight[k] = sum of dy * x over the elements of
///                    weight k with x < 0 (NaN x included)
enum PReLU {
  /// Work per element for the thread split (`Parallel`): the forward and
  /// the derivative are leaky_relu's compare and select; the backward adds
  /// a compensated product and sum per element.
  static let cost = 1
  static let backwardCost = 4

  /// Checks 5 (the weights: num_weights is 1 or channels, every weight
  /// finite); returns the weight count.
  @inline(__always)
  static func validWeights<T>(
    _ weight: UnsafePointer<T>, _ numWeights: UInt, _ channels: UInt, finite: (T) -> Bool
  ) throws(ActivationError) -> Int {
    guard numWeights == 1 || numWeights == channels else { throw .parameter }
    let n = Int(numWeights)
    for k in 0..<n where !finite(weight[k]) { throw .parameter }
    return n
  }

  /// The checks of `map` in the header's order, for any element type;
  /// returns the arrays, the element count and the weight count, or nil
  /// when there is nothing to do.
  @inline(__always)
  static func checkMap<T>(
    _ x: UnsafePointer<T>?, _ out: UnsafeMutablePointer<T>?, _ rows: UInt, _ channels: UInt,
    _ weight: UnsafePointer<T>?, _ numWeights: UInt, finite: (T) -> Bool
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, UnsafePointer<T>, Int, Int)? {
    let count = try Rows.count(rows, channels, of: T.self)
    _ = try elementCount(numWeights, of: T.self)
    guard count > 0 else { return nil }
    let (x, out, weight) = (try nonNull(x), try nonNull(out), try nonNull(weight))
    try requireAligned(x)
    try requireAligned(UnsafePointer(out))
    try requireAligned(weight)
    let weights = try validWeights(weight, numWeights, channels, finite: finite)
    try requireNoPartialOverlap(Region(out, count: count), Region(x, count: count), Region(weight, count: weights))
    return (x, out, weight, count, weights)
  }

  /// The checks of `backward` in the header's order, for any element type;
  /// returns the arrays, the element count and the weight count, or nil
  /// when there is nothing to do.
  @inline(__always)
  static func checkBackward<T>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?,
    _ dweight: UnsafeMutablePointer<T>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<T>?,
    _ numWeights: UInt, finite: (T) -> Bool
  ) throws(ActivationError) -> (
    x: UnsafePointer<T>, dy: UnsafePointer<T>, dx: UnsafeMutablePointer<T>, dweight: UnsafeMutablePointer<T>,
    weight: UnsafePointer<T>, count: Int, weights: Int
  )? {
    let count = try Rows.count(rows, channels, of: T.self)
    let gradients = try elementCount(numWeights, of: T.self)
    // With no elements the weights' gradients are still written (zeros).
    guard count > 0 || gradients > 0 else { return nil }
    let (x, dy, dx) = (try nonNull(x), try nonNull(dy), try nonNull(dx))
    let (dweight, weight) = (try nonNull(dweight), try nonNull(weight))
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(dx))
    try requireAligned(UnsafePointer(dweight))
    try requireAligned(weight)
    let weights = try validWeights(weight, numWeights, channels, finite: finite)
    let w = Region(weight, count: weights)
    try requireNoPartialOverlap(Region(dx, count: count), Region(x, count: count), Region(dy, count: count))
    try requireNoPartialOverlap(Region(dx, count: count), w)
    // dweight shares no byte with any other array (not even an equal one).
    let g = Region(dweight, count: weights)
    try requireDisjoint(g, Region(x, count: count), Region(dy, count: count))
    try requireDisjoint(g, Region(dx, count: count), w)
    return (x, dy, dx, dweight, weight, count, weights)
  }

  /// Throws `.overlap` unless `output` shares no byte with `a` and `b`.
  @inline(__always)
  static func requireDisjoint(_ output: Region, _ a: Region, _ b: Region) throws(ActivationError) {
    guard output.end <= a.start || a.end <= output.start, output.end <= b.start || b.end <= output.start
    else { throw .overlap }
  }

  /// y = f(x) (or d = f'(x) when `derivative`).
  static func map<T: ActivationScalar>(
    derivative: Bool, _ x: UnsafePointer<T>?, _ out: UnsafeMutablePointer<T>?, _ rows: UInt, _ channels: UInt,
    _ weight: UnsafePointer<T>?, _ numWeights: UInt
  ) throws(ActivationError) {
    guard let (x, out, weight, count, weights) = try checkMap(
      x, out, rows, channels, weight, numWeights, finite: { $0.isFinite })
    else { return }
    let c = Int(channels)
    if PReLUKernels.usesColumns(channels: c, weights: weights, of: T.self) {
      let kernel = derivative ? PReLUKernel.derivativeColumns : .forwardColumns
      Rows.forEachChunk(rows: Int(rows), elementsPerRow: c, cost: cost) { range in
        runPReLU(kernel, x, x, out, weight, out, rows: Int(rows), channels: c, weights: weights, range)
      }
    } else {
      let length = PReLUKernels.period(weights: weights, of: T.self)
      let kernel = derivative ? PReLUKernel.derivativeFlat : .forwardFlat
      Rows.forEachChunk(rows: (count - 1) / length + 1, elementsPerRow: length, cost: cost) { range in
        runPReLU(kernel, x, x, out, weight, out, rows: Int(rows), channels: c, weights: weights, range)
      }
    }
  }

  /// dx = dy * f'(x) and dweight, the weights' gradients (overwritten).
  static func backward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?,
    _ dweight: UnsafeMutablePointer<T>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<T>?,
    _ numWeights: UInt
  ) throws(ActivationError) {
    guard let (x, dy, dx, dweight, weight, count, weights) = try checkBackward(
      x, dy, dx, dweight, rows, channels, weight, numWeights, finite: { $0.isFinite })
    else { return }
    guard count > 0 else {
      dweight.update(repeating: 0, count: weights)
      return
    }
    let (r, c) = (Int(rows), Int(channels))
    if PReLUKernels.usesColumns(channels: c, weights: weights, of: T.self) {
      let width = T.Vector.scalarCount
      let (perGroup, overflow) = r.multipliedReportingOverflow(by: width)
      Rows.forEachChunk(rows: (c - 1) / width + 1, elementsPerRow: overflow ? Int.max : perGroup, cost: backwardCost) {
        range in
        runPReLU(.backwardColumns, x, dy, dx, weight, dweight, rows: r, channels: c, weights: weights, range)
      }
    } else {
      flatBackward(x, dy, dx, dweight, rows: r, channels: c, weight, weights: weights, count: count)
    }
  }

  /// The flat layout's backward: each block's partial sums, added in block
  /// order. Threaded calls keep the partials in a scratch array; calls on
  /// the caller's thread add each block's partials as they come, on the
  /// stack. Both add the same partials in the same order.
  static func flatBackward<T: ActivationScalar>(
    _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ dx: UnsafeMutablePointer<T>, _ dweight: UnsafeMutablePointer<T>,
    rows: Int, channels: Int, _ weight: UnsafePointer<T>, weights: Int, count: Int
  ) {
    let width = T.Vector.scalarCount
    let size = PReLUKernels.blockElements(period: PReLUKernels.period(weights: weights, of: T.self))
    let blocks = (count - 1) / size + 1
    let minimumBlocks = (Parallel.unitThreshold - 1) / (size * backwardCost) + 1
    withUnsafeTemporaryAllocation(of: T.self, capacity: 4 * width) { buffer in
      let total = buffer.baseAddress!, block = total + 2 * width
      total.update(repeating: 0, count: 2 * width)
      func add(_ partial: UnsafePointer<T>) {
        for k in 0..<weights {
          (total[k], total[width + k]) = PReLUKernels.addTwoTerm(
            (total[k], total[width + k]), (partial[k], partial[width + k]))
        }
      }
      if blocks > 1, Threads.effective > 1, blocks >= minimumBlocks {
        let partials = UnsafeMutablePointer<T>.allocate(capacity: blocks * 2 * width)
        defer { partials.deallocate() }
        Rows.forEachChunk(rows: blocks, elementsPerRow: size, cost: backwardCost) { range in
          runPReLU(
            .backwardFlat, x, dy, dx, weight, partials + range.lowerBound * 2 * width, rows: rows,
            channels: channels, weights: weights, range)
        }
        for b in 0..<blocks { add(partials + b * 2 * width) }
      } else {
        for b in 0..<blocks {
          runPReLU(.backwardFlat, x, dy, dx, weight, block, rows: rows, channels: channels, weights: weights, b..<(b + 1))
          add(block)
        }
      }
      for k in 0..<weights { dweight[k] = PReLUKernels.rounded(total[k], total[width + k]) }
    }
  }
}

/// Runs a prelu kernel on `range` in the selected instruction-set build.
func runPReLU<T: ActivationScalar>(
  _ kernel: PReLUKernel, _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ weight: UnsafePointer<T>, _ gradient: UnsafeMutablePointer<T>, rows: Int, channels: Int, weights: Int,
  _ range: Range<Int>
) {
  ISA.kernels.prelu(
    kernel.rawValue, T.self == Double.self, UnsafeRawPointer(x), UnsafeRawPointer(dy), UnsafeMutableRawPointer(out),
    UnsafeRawPointer(weight), UnsafeMutableRawPointer(gradient), rows, channels, weights, range.lowerBound,
    range.upperBound)
}

// MARK: - C ABI (include/activations.h, "prelu")

/// The C function `act_prelu_f32` (float; include/activations.h).
/// Swift code calls `prelu` instead.
@c(act_prelu_f32)
public func act_prelu_f32(
  _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<Float>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: false, x, y, rows, channels, weight, numWeights)
  }
}
/// The C function `act_prelu_derivative_f32` (float; include/activations.h).
/// Swift code calls `preluDerivative` instead.
@c(act_prelu_derivative_f32)
public func act_prelu_derivative_f32(
  _ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<Float>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: true, x, d, rows, channels, weight, numWeights)
  }
}
/// The C function `act_prelu_backward_f32` (float; include/activations.h).
/// Swift code calls `preluBackward` instead.
@c(act_prelu_backward_f32)
public func act_prelu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?,
  _ dweight: UnsafeMutablePointer<Float>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<Float>?,
  _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.backward(x, dy, dx, dweight, rows, channels, weight, numWeights)
  }
}
/// The C function `act_prelu_f64` (double; include/activations.h).
/// Swift code calls `prelu` instead.
@c(act_prelu_f64)
public func act_prelu_f64(
  _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<Double>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: false, x, y, rows, channels, weight, numWeights)
  }
}
/// The C function `act_prelu_derivative_f64` (double; include/activations.h).
/// Swift code calls `preluDerivative` instead.
@c(act_prelu_derivative_f64)
public func act_prelu_derivative_f64(
  _ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ rows: UInt, _ channels: UInt,
  _ weight: UnsafePointer<Double>?, _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.map(derivative: true, x, d, rows, channels, weight, numWeights)
  }
}
/// The C function `act_prelu_backward_f64` (double; include/activations.h).
/// Swift code calls `preluBackward` instead.
@c(act_prelu_backward_f64)
public func act_prelu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?,
  _ dweight: UnsafeMutablePointer<Double>?, _ rows: UInt, _ channels: UInt, _ weight: UnsafePointer<Double>?,
  _ numWeights: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in
    try PReLU.backward(x, dy, dx, dweight, rows, channels, weight, numWeights)
  }
}
