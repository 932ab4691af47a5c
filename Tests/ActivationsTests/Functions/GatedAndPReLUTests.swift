#if canImport(Glibc)
import Glibc
#endif
import Activations
import Testing

/// prelu and the gated units through the Swift API.
@Suite struct GatedAndPReLUTests {
  @Test func preluForwardDerivativeAndBackward() throws {
    let x: [Float] = [-2, 3, -0.0, 4, -1, 0.5]  // 2 rows x 3 channels
    let weight: [Float] = [0.25, -0.5, 2]
    let dy: [Float] = [1, 2, 3, 4, 5, 6]
    var y = [Float](repeating: .nan, count: 6), d = y, dx = y
    var dweight = [Float](repeating: .nan, count: 3)
    try x.withUnsafeBufferPointer { x in
      try weight.withUnsafeBufferPointer { w in
        try dy.withUnsafeBufferPointer { dy in
          try y.withUnsafeMutableBufferPointer { try prelu(x, weight: w, into: $0, rows: 2, channels: 3) }
          try d.withUnsafeMutableBufferPointer { try preluDerivative(x, weight: w, into: $0, rows: 2, channels: 3) }
          try dx.withUnsafeMutableBufferPointer { dx in
            try dweight.withUnsafeMutableBufferPointer { g in
              try preluBackward(x, dy, weight: w, into: dx, weightGradient: g, rows: 2, channels: 3)
            }
          }
        }
      }
    }
    #expect(y == [-0.5, 3, 0, 4, 0.5, 0.5])
    #expect(y[2].sign == .minus)  // f(-0) = -0
    #expect(d == [0.25, 1, 2, 1, -0.5, 1])  // f'(-0) = w
    #expect(dx == [0.25, 2, 6, 4, -2.5, 6])
    #expect(dweight == [-2, -5, 0])  // dy * x where x < 0, per channel
  }

  @Test func preluRejectsBadWeights() throws {
    let x: [Double] = [1, -1, 2, -2]
    var y = [Double](repeating: 0, count: 4)
    for weight: [Double] in [[.nan], [0.1, 0.2, 0.3], [.infinity, 1]] {
      #expect(throws: ActivationError.parameter) {
        try x.withUnsafeBufferPointer { x in
          try weight.withUnsafeBufferPointer { w in
            try y.withUnsafeMutableBufferPointer { try prelu(x, weight: w, into: $0, rows: 2, channels: 2) }
          }
        }
      }
    }
  }

  @Test func gatedUnitsAgainstFloat80() throws {
    var generator = SplitMix(seed: 5)
    let rows = 40, cols = 7
    let x = (0..<(rows * 2 * cols)).map { _ in Float(Double(generator.next() % 40_000_000) / 1e6 - 20) }
    for unit in [GatedUnit.glu, .swiglu] {
      var y = [Float](repeating: .nan, count: rows * cols)
      try x.withUnsafeBufferPointer { x in
        try y.withUnsafeMutableBufferPointer { try unit.forward(x, into: $0, rows: rows, cols: cols) }
      }
      var worst = 0.0
      for r in 0..<rows {
        for j in 0..<cols {
          let a = Float80(x[r * 2 * cols + j]), b = Float80(x[r * 2 * cols + cols + j])
          let sigma = 1 / (1 + expl(-b))
          worst = max(worst, ulpError(y[r * cols + j], unit == .glu ? a * sigma : a * b * sigma))
        }
      }
      print("accuracy f32 \(unit): max \(worst) ulp")
      #expect(worst <= 1)
    }
  }

  @Test func gatedOutputMustNotBeTheInput() throws {
    var x: [Double] = [1, 2, 3, 4]
    #expect(throws: ActivationError.overlap) {
      try x.withUnsafeMutableBufferPointer { x in
        // y (2 values) at x's start: shorter than x, so an overlap.
        try GatedUnit.glu.forward(UnsafeBufferPointer(x), into: UnsafeMutableBufferPointer(rebasing: x[0..<2]), rows: 2, cols: 1)
      }
    }
    #expect(throws: ActivationError.size) {
      try [Double](repeating: 0, count: 4).withUnsafeBufferPointer { x in
        var y = [Double](repeating: 0, count: 3)
        try y.withUnsafeMutableBufferPointer { try GatedUnit.swiglu.forward(x, into: $0, rows: 2, cols: 1) }
      }
    }
  }
}
