import Activations
import Testing

/// The row functions' array forms against their buffer forms and the C
/// exports, bit for bit, in both element types; and their shape errors.
@Suite struct RowArrayTests {
  /// Rows with both signs, ties, infinities and NaN.
  func rowInputs<T: ActivationScalar>(_ count: Int, _: T.Type, seed: UInt64 = 4) -> [T] {
    var generator = SplitMix(seed: seed)
    return (0..<count).map { i -> T in
      switch i % 23 {
      case 5: -T.infinity
      case 11: T.infinity
      case 17: T.nan
      case 19: -T(0)
      default: T(Double(generator.next() % 4000) / 100 - 20)
      }
    }
  }

  enum SoftmaxKind: CaseIterable { case softmax, logSoftmax, softmin, softmaxSafe }

  /// The C exports of one function of the softmax family for one element type.
  struct SoftmaxExports<T: ActivationScalar> {
    typealias Forward = (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt) -> Int32
    typealias Backward = (UnsafePointer<T>?, UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt) -> Int32
    let kind: SoftmaxKind
    let forward: Forward, jacobian: Forward, backward: Backward
  }

  func forwardArray<T: ActivationScalar>(_ k: SoftmaxKind, _ x: [T], _ rows: Int, _ cols: Int) throws -> [T] {
    switch k {
    case .softmax: try softmax(x, rows: rows, cols: cols)
    case .logSoftmax: try logSoftmax(x, rows: rows, cols: cols)
    case .softmin: try softmin(x, rows: rows, cols: cols)
    case .softmaxSafe: try softmaxSafe(x, rows: rows, cols: cols)
    }
  }

  func forwardBuffer<T: ActivationScalar>(
    _ k: SoftmaxKind, _ x: UnsafeBufferPointer<T>, _ y: UnsafeMutableBufferPointer<T>, _ rows: Int, _ cols: Int
  ) throws {
    switch k {
    case .softmax: try softmax(x, into: y, rows: rows, cols: cols)
    case .logSoftmax: try logSoftmax(x, into: y, rows: rows, cols: cols)
    case .softmin: try softmin(x, into: y, rows: rows, cols: cols)
    case .softmaxSafe: try softmaxSafe(x, into: y, rows: rows, cols: cols)
    }
  }

  func jacobianArray<T: ActivationScalar>(_ k: SoftmaxKind, _ x: [T], _ rows: Int, _ cols: Int) throws -> [T] {
    switch k {
    case .softmax: try softmaxJacobian(x, rows: rows, cols: cols)
    case .logSoftmax: try logSoftmaxJacobian(x, rows: rows, cols: cols)
    case .softmin: try softminJacobian(x, rows: rows, cols: cols)
    case .softmaxSafe: try softmaxSafeJacobian(x, rows: rows, cols: cols)
    }
  }

  func backwardArray<T: ActivationScalar>(_ k: SoftmaxKind, _ y: [T], _ dy: [T], _ rows: Int, _ cols: Int) throws -> [T] {
    switch k {
    case .softmax: try softmaxBackward(output: y, dy, rows: rows, cols: cols)
    case .logSoftmax: try logSoftmaxBackward(output: y, dy, rows: rows, cols: cols)
    case .softmin: try softminBackward(output: y, dy, rows: rows, cols: cols)
    case .softmaxSafe: try softmaxSafeBackward(output: y, dy, rows: rows, cols: cols)
    }
  }

  /// out filled by a C call, which must succeed.
  func viaC<T: ActivationScalar>(_ count: Int, _ body: (UnsafeMutablePointer<T>?) -> Int32) -> [T] {
    var out = [T](repeating: 7, count: count)
    let status = out.withUnsafeMutableBufferPointer { body($0.baseAddress) }
    #expect(status == 0)
    return out
  }

  func softmaxFamily<T: ActivationScalar>(_ exports: [SoftmaxExports<T>]) throws {
    for (rows, cols) in [(0, 3), (1, 1), (3, 7), (5, 33), (2, 100)] {
      let x = rowInputs(rows * cols, T.self), dy = rowInputs(rows * cols, T.self, seed: 9)
      let (r, n) = (UInt(rows), UInt(cols))
      for c in exports {
        let label = "\(c.kind) \(T.self) \(rows)x\(cols)"
        let y: [T] = x.withUnsafeBufferPointer { x in viaC(rows * cols) { c.forward(x.baseAddress, $0, r, n) } }
        let j: [T] = x.withUnsafeBufferPointer { x in viaC(rows * cols * cols) { c.jacobian(x.baseAddress, $0, r, n) } }
        let dx: [T] = y.withUnsafeBufferPointer { y in
          dy.withUnsafeBufferPointer { dy in viaC(rows * cols) { c.backward(y.baseAddress, dy.baseAddress, $0, r, n) } }
        }
        var yBuffer = [T](repeating: 7, count: rows * cols)
        try x.withUnsafeBufferPointer { x in
          try yBuffer.withUnsafeMutableBufferPointer { try forwardBuffer(c.kind, x, $0, rows, cols) }
        }
        expectSameBits(yBuffer, y, "\(label) buffers")
        expectSameBits(try forwardArray(c.kind, x, rows, cols), y, "\(label)")
        expectSameBits(try jacobianArray(c.kind, x, rows, cols), j, "\(label) jacobian")
        expectSameBits(try backwardArray(c.kind, y, dy, rows, cols), dx, "\(label) backward")
      }
    }
  }

  @Test func softmaxFamilyFloat() throws {
    try softmaxFamily([
      SoftmaxExports<Float>(
        kind: .softmax, forward: act_softmax_f32, jacobian: act_softmax_derivative_f32,
        backward: act_softmax_backward_f32),
      SoftmaxExports<Float>(
        kind: .logSoftmax, forward: act_log_softmax_f32, jacobian: act_log_softmax_derivative_f32,
        backward: act_log_softmax_backward_f32),
      SoftmaxExports<Float>(
        kind: .softmin, forward: act_softmin_f32, jacobian: act_softmin_derivative_f32,
        backward: act_softmin_backward_f32),
      SoftmaxExports<Float>(
        kind: .softmaxSafe, forward: act_softmax_safe_f32, jacobian: act_softmax_safe_derivative_f32,
        backward: act_softmax_safe_backward_f32),
    ])
  }

  @Test func softmaxFamilyDouble() throws {
    try softmaxFamily([
      SoftmaxExports<Double>(
        kind: .softmax, forward: act_softmax_f64, jacobian: act_softmax_derivative_f64,
        backward: act_softmax_backward_f64),
      SoftmaxExports<Double>(
        kind: .logSoftmax, forward: act_log_softmax_f64, jacobian: act_log_softmax_derivative_f64,
        backward: act_log_softmax_backward_f64),
      SoftmaxExports<Double>(
        kind: .softmin, forward: act_softmin_f64, jacobian: act_softmin_derivative_f64,
        backward: act_softmin_backward_f64),
      SoftmaxExports<Double>(
        kind: .softmaxSafe, forward: act_softmax_safe_f64, jacobian: act_softmax_safe_derivative_f64,
        backward: act_softmax_safe_backward_f64),
    ])
  }

  func maxoutAndGated<T: ActivationScalar>(
    _: T.Type,
    maxoutC: (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt, UInt) -> Int32,
    maxoutDerivativeC: (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt, UInt) -> Int32,
    maxoutBackwardC: (UnsafePointer<T>?, UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt, UInt) -> Int32,
    gatedC: [GatedUnit: (
      forward: (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt) -> Int32,
      derivative: (UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt) -> Int32,
      backward: (UnsafePointer<T>?, UnsafePointer<T>?, UnsafeMutablePointer<T>?, UInt, UInt) -> Int32
    )]
  ) throws {
    let (rows, units, pieces) = (6, 5, 3)
    let x = rowInputs(rows * units * pieces, T.self), dy = rowInputs(rows * units, T.self, seed: 2)
    let (r, u, p) = (UInt(rows), UInt(units), UInt(pieces))
    let (y, d, dx): ([T], [T], [T]) = x.withUnsafeBufferPointer { xb in
      dy.withUnsafeBufferPointer { dyb in
        (
          viaC(rows * units) { maxoutC(xb.baseAddress, $0, r, u, p) },
          viaC(x.count) { maxoutDerivativeC(xb.baseAddress, $0, r, u, p) },
          viaC(x.count) { maxoutBackwardC(xb.baseAddress, dyb.baseAddress, $0, r, u, p) }
        )
      }
    }
    expectSameBits(try maxout(x, rows: rows, units: units, pieces: pieces), y)
    expectSameBits(try maxoutDerivative(x, rows: rows, units: units, pieces: pieces), d)
    expectSameBits(try maxoutBackward(x, dy, rows: rows, units: units, pieces: pieces), dx)
    // Gated: x rows x (2 cols), dy rows x cols.
    let cols = 9
    let g = rowInputs(rows * 2 * cols, T.self, seed: 5), gdy = rowInputs(rows * cols, T.self, seed: 6)
    let n = UInt(cols)
    for unit in [GatedUnit.glu, .swiglu, .geglu] {
      let c = try #require(gatedC[unit])
      let (gy, gd, gdx): ([T], [T], [T]) = g.withUnsafeBufferPointer { xb in
        gdy.withUnsafeBufferPointer { dyb in
          (
            viaC(rows * cols) { c.forward(xb.baseAddress, $0, r, n) },
            viaC(g.count) { c.derivative(xb.baseAddress, $0, r, n) },
            viaC(g.count) { c.backward(xb.baseAddress, dyb.baseAddress, $0, r, n) }
          )
        }
      }
      expectSameBits(try unit.forward(g, rows: rows, cols: cols), gy, "\(unit)")
      expectSameBits(try unit.derivative(g, rows: rows, cols: cols), gd, "\(unit)")
      expectSameBits(try unit.backward(g, gdy, rows: rows, cols: cols), gdx, "\(unit)")
      #expect(unit.name == "\(unit)")
    }
  }

  @Test func maxoutAndGatedFloat() throws {
    try maxoutAndGated(
      Float.self, maxoutC: act_maxout_f32, maxoutDerivativeC: act_maxout_derivative_f32,
      maxoutBackwardC: act_maxout_backward_f32,
      gatedC: [
        .glu: (act_glu_f32, act_glu_derivative_f32, act_glu_backward_f32),
        .swiglu: (act_swiglu_f32, act_swiglu_derivative_f32, act_swiglu_backward_f32),
        .geglu: (act_geglu_f32, act_geglu_derivative_f32, act_geglu_backward_f32),
      ])
  }

  @Test func maxoutAndGatedDouble() throws {
    try maxoutAndGated(
      Double.self, maxoutC: act_maxout_f64, maxoutDerivativeC: act_maxout_derivative_f64,
      maxoutBackwardC: act_maxout_backward_f64,
      gatedC: [
        .glu: (act_glu_f64, act_glu_derivative_f64, act_glu_backward_f64),
        .swiglu: (act_swiglu_f64, act_swiglu_derivative_f64, act_swiglu_backward_f64),
        .geglu: (act_geglu_f64, act_geglu_derivative_f64, act_geglu_backward_f64),
      ])
  }

  @Test func preluArraysMatchTheCExports() throws {
    let (rows, channels) = (7, 5)
    for weight: [Double] in [[0.25], [0.25, -0.5, 2, 0, 1e-3]] {
      let x = rowInputs(rows * channels, Double.self), dy = rowInputs(rows * channels, Double.self, seed: 3)
      var y = [Double](repeating: 7, count: x.count), d = y, dx = y
      var dweight = [Double](repeating: 7, count: weight.count)
      let (r, c, k) = (UInt(rows), UInt(channels), UInt(weight.count))
      x.withUnsafeBufferPointer { x in
        weight.withUnsafeBufferPointer { w in
          dy.withUnsafeBufferPointer { dy in
            #expect(y.withUnsafeMutableBufferPointer { act_prelu_f64(x.baseAddress, $0.baseAddress, r, c, w.baseAddress, k) } == 0)
            #expect(d.withUnsafeMutableBufferPointer {
              act_prelu_derivative_f64(x.baseAddress, $0.baseAddress, r, c, w.baseAddress, k)
            } == 0)
            #expect(dx.withUnsafeMutableBufferPointer { dx in
              dweight.withUnsafeMutableBufferPointer { g in
                act_prelu_backward_f64(x.baseAddress, dy.baseAddress, dx.baseAddress, g.baseAddress, r, c, w.baseAddress, k)
              }
            } == 0)
          }
        }
      }
      expectSameBits(try prelu(x, weight: weight, rows: rows, channels: channels), y)
      expectSameBits(try preluDerivative(x, weight: weight, rows: rows, channels: channels), d)
      let backward = try preluBackward(x, dy, weight: weight, rows: rows, channels: channels)
      expectSameBits(backward.dx, dx)
      expectSameBits(backward.weightGradient, dweight)
      let x32 = x.map { Float($0) }, w32 = weight.map { Float($0) }
      #expect(try prelu(x32, weight: w32, rows: rows, channels: channels).count == x.count)
    }
  }

  /// Shapes that do not match the arrays are `.size` (also when a product
  /// overflows: no allocation, no trap); maxout's pieces == 0 and prelu's
  /// weight count are `.parameter`.
  @Test func arrayShapeErrors() throws {
    let x = [Float](repeating: 1, count: 6)
    #expect(throws: ActivationError.size) { try softmax(x, rows: 4, cols: 2) }
    #expect(throws: ActivationError.size) { try logSoftmax(x, rows: -2, cols: -3) }
    #expect(throws: ActivationError.size) { try softmin([Float](), rows: 3, cols: 0) }
    #expect(throws: ActivationError.size) { try softmaxSafeJacobian(x, rows: 1, cols: 5) }
    #expect(throws: ActivationError.size) { try softmaxJacobian(x, rows: 3, cols: Int.max) }
    #expect(try softmaxJacobian([Float](), rows: 0, cols: Int.max) == [])  // 0 rows: nothing overflows
    #expect(try softmaxJacobian([Float](), rows: 0, cols: 3) == [])
    #expect(throws: ActivationError.size) { try softmaxBackward(output: x, [1, 2], rows: 2, cols: 3) }
    #expect(throws: ActivationError.size) { try logSoftmaxBackward(output: x, x, rows: 3, cols: 3) }
    #expect(throws: ActivationError.size) { try maxout(x, rows: 1, units: 4, pieces: 2) }
    #expect(throws: ActivationError.size) { try maxoutBackward(x, [1], rows: 1, units: 2, pieces: 3) }
    #expect(throws: ActivationError.parameter) { try maxout([Float](), rows: 2, units: 2, pieces: 0) }
    #expect(throws: ActivationError.parameter) { try maxoutDerivative([Double](), rows: 1, units: 1, pieces: 0) }
    #expect(throws: ActivationError.size) { try GatedUnit.glu.forward(x, rows: 1, cols: 6) }
    #expect(throws: ActivationError.size) { try GatedUnit.geglu.forward([Float](), rows: 1, cols: Int.max) }
    #expect(throws: ActivationError.size) { try GatedUnit.swiglu.backward(x, [1, 2], rows: 1, cols: 3) }
    #expect(throws: ActivationError.size) { try GatedUnit.glu.derivative([Float](), rows: 2, cols: 0) }
    #expect(throws: ActivationError.size) { try prelu(x, weight: [0.1], rows: 4, channels: 2) }
    #expect(throws: ActivationError.parameter) { try prelu(x, weight: [0.1, 0.2], rows: 2, channels: 3) }
    #expect(throws: ActivationError.parameter) { try preluDerivative(x, weight: [.nan], rows: 2, channels: 3) }
    #expect(throws: ActivationError.size) { try preluBackward(x, [1], weight: [0.1], rows: 2, channels: 3) }
  }
}
