#if canImport(Glibc)
import Glibc
#endif
import Activations
import Testing

/// softmax and maxout through the Swift API, against Float80 references.
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
        #expect(throws: ActivationError.parameter) {
          try maxout(UnsafeBufferPointer(rebasing: x[0..<0]), into: y, rows: 2, units: 2, pieces: 0)
        }
      }
    }
  }
}
