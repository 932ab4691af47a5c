#if canImport(Glibc)
import Glibc
#endif
import Activations
import Testing

/// softmax, its variants and maxout through the Swift API, against Float80 references.
@Suite struct RowFunctionTests {
  func softmaxRows<T: ActivationScalar>(_ x: [T], cols: Int) throws -> [T] {
    try mappingRows(x, count: x.count) { x, y in try Activations.softmax(x, into: y, rows: x.count / cols, cols: cols) }
  }

  func mappingRows<T: ActivationScalar>(
    _ x: [T], count: Int, _ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws -> Void
  ) throws -> [T] {
    var out = [T](repeating: 0, count: count)
    try x.withUnsafeBufferPointer { x in try out.withUnsafeMutableBufferPointer { try body(x, $0) } }
    return out
  }

  /// Rows with max - min <= 30 (the published domain): within the
  /// published 1 ulp.
  func softmaxAccuracy<T: ActivationScalar>(_: T.Type) throws -> Double {
    var generator = SplitMix(seed: 8)
    var worst = 0.0
    for cols in [1, 2, 7, 16, 17, 100, 1000] {
      let x = (0..<(3 * cols)).map { _ in T(Double(generator.next() % 30_000_000) / 1e6 - 10) }
      let y = try softmaxRows(x, cols: cols)
      for r in 0..<3 {
        let row = x[(r * cols)..<((r + 1) * cols)].map { Float80($0) }
        let m = row.max()!
        let sum = row.reduce(Float80(0)) { $0 + expl($1 - m) }
        for j in 0..<cols {
          worst = max(worst, ulpError(y[r * cols + j], expl(row[j] - m) / sum))
        }
      }
    }
    return worst
  }

  @Test func softmaxAccuracyFloat() throws {
    let worst = try softmaxAccuracy(Float.self)
    print("accuracy f32 softmax: max \(worst) ulp")
    #expect(worst <= 1)
  }

  @Test func softmaxAccuracyDouble() throws {
    let worst = try softmaxAccuracy(Double.self)
    print("accuracy f64 softmax: max \(worst) ulp")
    #expect(worst <= 1)
  }

  @Test func softmaxSpecialRows() throws {
    let inf = Float.infinity
    let y = try softmaxRows([1, .nan, 2, /**/ inf, 0, inf, /**/ -inf, -inf, -inf, /**/ -inf, 0, -inf], cols: 3)
    #expect(y[0..<3].allSatisfy { $0.isNaN })
    #expect(Array(y[3..<6]) == [0.5, 0, 0.5])
    #expect(y[6..<9].allSatisfy { $0.isNaN })
    #expect(Array(y[9..<12]) == [0, 1, 0])
    // Huge spreads do not overflow.
    let z = try softmaxRows([Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude], cols: 2)
    #expect(z == [1, 0])
  }

  /// Backward equals the Jacobian-vector product, within eps times the
  /// natural scale y_j (|dy_j| + sum |dy_k y_k|).
  @Test func softmaxBackwardMatchesJacobian() throws {
    let cols = 9, rows = 4
    var generator = SplitMix(seed: 21)
    let x = (0..<(rows * cols)).map { _ in Double(generator.next() % 2000) / 100 - 10 }
    let dy = (0..<(rows * cols)).map { _ in Double(generator.next() % 2000) / 100 - 10 }
    let y = try softmaxRows(x, cols: cols)
    var dx = [Double](repeating: 0, count: rows * cols)
    var jacobian = [Double](repeating: 0, count: rows * cols * cols)
    try y.withUnsafeBufferPointer { y in
      try dy.withUnsafeBufferPointer { dy in
        try dx.withUnsafeMutableBufferPointer { try softmaxBackward(output: y, dy, into: $0, rows: rows, cols: cols) }
      }
    }
    try x.withUnsafeBufferPointer { x in
      try jacobian.withUnsafeMutableBufferPointer { try softmaxJacobian(x, into: $0, rows: rows, cols: cols) }
    }
    for r in 0..<rows {
      let dot = (0..<cols).reduce(0.0) { $0 + abs(dy[r * cols + $1] * y[r * cols + $1]) }
      for j in 0..<cols {
        // dx_j = sum_i dy_i J_ij (the Jacobian is symmetric).
        var viaJacobian = 0.0
        for i in 0..<cols { viaJacobian += dy[r * cols + i] * jacobian[(r * cols + i) * cols + j] }
        let scale = y[r * cols + j] * (abs(dy[r * cols + j]) + dot)
        #expect(abs(dx[r * cols + j] - viaJacobian) <= 8 * Double.ulpOfOne * max(scale, .leastNormalMagnitude))
      }
    }
  }

  /// log_softmax against Float80 (log(sum) as log1p of the terms below one
  /// maximum), on rows of spreads up to 60, some with one entry 1 to 40
  /// above the rest: within the published 1 ulp.
  func logSoftmaxAccuracy<T: ActivationScalar>(_: T.Type) throws -> Double {
    var generator = SplitMix(seed: 31)
    var worst = 0.0
    for cols in [1, 2, 7, 16, 17, 100] {
      for spread in [1e-3, 1.0, 60.0] {
        var x = (0..<(3 * cols)).map { _ in T(Double(generator.next() % 1_000_000) / 1e6 * spread - spread / 2) }
        x[cols / 2] += T(Double(generator.next() % 40) + 1)
        var y = [T](repeating: 0, count: x.count)
        try x.withUnsafeBufferPointer { x in
          try y.withUnsafeMutableBufferPointer { try logSoftmax(x, into: $0, rows: 3, cols: cols) }
        }
        for r in 0..<3 {
          let row = x[(r * cols)..<((r + 1) * cols)].map { Float80($0) }
          let m = row.max()!
          let first = row.firstIndex(of: m)!
          let rest = row.indices.reduce(Float80(0)) { $1 == first ? $0 : $0 + expl(row[$1] - m) }
          for j in 0..<cols { worst = max(worst, ulpError(y[r * cols + j], (row[j] - m) - log1pl(rest))) }
        }
      }
    }
    return worst
  }

  @Test func logSoftmaxAccuracyFloat() throws {
    let worst = try logSoftmaxAccuracy(Float.self)
    print("accuracy f32 log_softmax: max \(worst) ulp")
    #expect(worst <= 1)
  }

  @Test func logSoftmaxAccuracyDouble() throws {
    let worst = try logSoftmaxAccuracy(Double.self)
    print("accuracy f64 log_softmax: max \(worst) ulp")
    #expect(worst <= 1)
  }

  /// softmin is softmax of -x, bit for bit, and its backward and Jacobian
  /// are softmax's negated; the safe softmax zeros a row of only -inf.
  @Test func softminAndSafeSoftmaxThroughTheSwiftAPI() throws {
    let inf = Float.infinity
    let x: [Float] = [1, 2, 3, /**/ -inf, -inf, -inf, /**/ -inf, 0, 4]
    let negated = x.map { -$0 }
    let softminOfX = try mappingRows(x, count: 9) { try softmin($0, into: $1, rows: 3, cols: 3) }
    let softmaxOfMinusX = try softmaxRows(negated, cols: 3)
    #expect(softminOfX.elementsEqual(softmaxOfMinusX) { identical($0, $1) })
    let safe = try mappingRows(x, count: 9) { try softmaxSafe($0, into: $1, rows: 3, cols: 3) }
    let plain = try softmaxRows(x, cols: 3)
    #expect(Array(safe[0..<3]) == Array(plain[0..<3]) && Array(safe[6..<9]) == Array(plain[6..<9]))
    #expect(safe[3..<6].allSatisfy { identical($0, 0) } && plain[3..<6].allSatisfy { $0.isNaN })
    let jacobian = try mappingRows(x, count: 27) { try softmaxSafeJacobian($0, into: $1, rows: 3, cols: 3) }
    #expect(jacobian[9..<18].allSatisfy { $0 == 0 })
    let dy: [Float] = [0.5, -1, 2, 3, -4, 0.25, 1, 1, -1]
    var dx = [Float](repeating: 9, count: 9), dxSoftmax = dx, dxSoftmin = dx
    try safe.withUnsafeBufferPointer { y in
      try dy.withUnsafeBufferPointer { dy in
        try dx.withUnsafeMutableBufferPointer { try softmaxSafeBackward(output: y, dy, into: $0, rows: 3, cols: 3) }
        try dxSoftmax.withUnsafeMutableBufferPointer { try softmaxBackward(output: y, dy, into: $0, rows: 3, cols: 3) }
        try dxSoftmin.withUnsafeMutableBufferPointer { try softminBackward(output: y, dy, into: $0, rows: 3, cols: 3) }
      }
    }
    #expect(dx == dxSoftmax && dx[3..<6].allSatisfy { $0 == 0 })
    #expect(dxSoftmin == dxSoftmax.map { -$0 })
  }

  /// log_softmax's backward from its output equals the Jacobian-vector
  /// product sum_i dy_i J_ij = dy_j - softmax_j sum_i dy_i, within eps of
  /// |dy_j| + softmax_j sum |dy_i|.
  @Test func logSoftmaxBackwardMatchesJacobian() throws {
    let cols = 9, rows = 4
    var generator = SplitMix(seed: 22)
    let x = (0..<(rows * cols)).map { _ in Double(generator.next() % 2000) / 100 - 10 }
    let dy = (0..<(rows * cols)).map { _ in Double(generator.next() % 2000) / 100 - 10 }
    let y = try mappingRows(x, count: rows * cols) { try logSoftmax($0, into: $1, rows: rows, cols: cols) }
    let jacobian = try mappingRows(x, count: rows * cols * cols) {
      try logSoftmaxJacobian($0, into: $1, rows: rows, cols: cols)
    }
    var dx = [Double](repeating: 0, count: rows * cols)
    try y.withUnsafeBufferPointer { y in
      try dy.withUnsafeBufferPointer { dy in
        try dx.withUnsafeMutableBufferPointer { try logSoftmaxBackward(output: y, dy, into: $0, rows: rows, cols: cols) }
      }
    }
    for r in 0..<rows {
      let magnitude = (0..<cols).reduce(0.0) { $0 + abs(dy[r * cols + $1]) }
      for j in 0..<cols {
        var viaJacobian = 0.0
        for i in 0..<cols { viaJacobian += dy[r * cols + i] * jacobian[(r * cols + i) * cols + j] }
        let scale = abs(dy[r * cols + j]) + exp(y[r * cols + j]) * magnitude
        #expect(abs(dx[r * cols + j] - viaJacobian) <= 8 * Double.ulpOfOne * scale)
      }
    }
  }

  @Test func maxoutPicksTheFirstMaximumAndMarksIt() throws {
    let x: [Float] = [1, 3, 3, /**/ -0.0, 0, -1, /**/ 2, .nan, .nan, /**/ -.infinity, -.infinity, -.infinity]
    var y = [Float](repeating: 9, count: 4), d = [Float](repeating: 9, count: 12), dx = [Float](repeating: 9, count: 12)
    let dy: [Float] = [10, 20, 30, 40]
    try x.withUnsafeBufferPointer { x in
      try y.withUnsafeMutableBufferPointer { try maxout(x, into: $0, rows: 2, units: 2, pieces: 3) }
      try d.withUnsafeMutableBufferPointer { try maxoutDerivative(x, into: $0, rows: 2, units: 2, pieces: 3) }
      try dy.withUnsafeBufferPointer { dy in
        try dx.withUnsafeMutableBufferPointer { try maxoutBackward(x, dy, into: $0, rows: 2, units: 2, pieces: 3) }
      }
    }
    #expect(y[0] == 3 && identical(y[1], -0.0) && y[2].isNaN && y[3] == -.infinity)
    #expect(d == [0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0])
    #expect(dx == [0, 10, 0, 20, 0, 0, 0, 30, 0, 40, 0, 0])
  }

  @Test func shapeErrors() {
    var y = [Float](repeating: 0, count: 4)
    let x = [Float](repeating: 0, count: 4)
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        #expect(throws: ActivationError.size) { try softmax(x, into: y, rows: 3, cols: 1) }
        #expect(throws: ActivationError.size) { try softmax(x, into: y, rows: -2, cols: -2) }
        #expect(throws: ActivationError.size) { try logSoftmax(x, into: y, rows: 3, cols: 1) }
        #expect(throws: ActivationError.size) { try softmin(x, into: y, rows: 4, cols: 0) }
        #expect(throws: ActivationError.parameter) {
          try maxout(UnsafeBufferPointer(rebasing: x[0..<0]), into: y, rows: 2, units: 2, pieces: 0)
        }
      }
    }
  }
}
