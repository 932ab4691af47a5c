import Activations
import Testing

/// Limits, signed zeros, NaN and subnormal results, per the conventions of
/// include/activations.h, in both element types.
@Suite struct SpecialValueTests {
  func check<T: ActivationScalar>(
    _ a: Activation, _ x: T, forward expectedForward: T, derivative expectedDerivative: T,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let y = try a.forward([x])[0], d = try a.derivative([x])[0]
    #expect(identical(y, expectedForward), "\(a)(\(x)) = \(y), expected \(expectedForward)", sourceLocation: sourceLocation)
    #expect(identical(d, expectedDerivative), "\(a)'(\(x)) = \(d), expected \(expectedDerivative)", sourceLocation: sourceLocation)
  }

  func limits<T: ActivationScalar>(_: T.Type) throws {
    let inf = T.infinity
    try check(.sigmoid, inf, forward: 1, derivative: 0)
    try check(.sigmoid, -inf, forward: 0, derivative: 0)
    try check(.sigmoid, T(0), forward: 0.5, derivative: 0.25)
    try check(.sigmoid, -T(0), forward: 0.5, derivative: 0.25)
    try check(.tanh, inf, forward: 1, derivative: 0)
    try check(.tanh, -inf, forward: -1, derivative: 0)
    try check(.tanh, -T(0), forward: -T(0), derivative: 1)
    try check(.tanh, T(0), forward: 0, derivative: 1)
    try check(.relu, -T(0), forward: 0, derivative: 0)
    try check(.relu, inf, forward: inf, derivative: 1)
    try check(.relu, -inf, forward: 0, derivative: 0)
    try check(.leakyReLU(alpha: 0.25), -T(0), forward: -T(0), derivative: 0.25)
    try check(.leakyReLU(alpha: -2), -T(0), forward: -T(0), derivative: -2)
    try check(.leakyReLU(alpha: 0.25), -inf, forward: -inf, derivative: 0.25)
    try check(.elu(alpha: 1), -T(0), forward: -T(0), derivative: 1)
    try check(.elu(alpha: 2), -inf, forward: -2, derivative: 0)
    try check(.elu(alpha: 2), T(0), forward: 0, derivative: 2)
    try check(.elu(alpha: -2), -T(0), forward: -T(0), derivative: -2)
    try check(.elu(alpha: 2), inf, forward: inf, derivative: 1)
    try check(.rrelu(lower: 0.25, upper: 0.5), -T(0), forward: -T(0), derivative: 0.375)
    // Tiny inputs: the odd functions are x to the last bit.
    let tiny = T.leastNonzeroMagnitude
    try check(.tanh, tiny, forward: tiny, derivative: 1)
    try check(.tanh, -tiny, forward: -tiny, derivative: 1)
    try check(.elu(alpha: 1), -tiny, forward: -tiny, derivative: 1)
  }

  @Test func limitsFloat() throws { try limits(Float.self) }
  @Test func limitsDouble() throws { try limits(Double.self) }

  @Test(arguments: [Activation.sigmoid, .tanh, .relu, .leakyReLU(alpha: 0.1), .elu(alpha: 1),
                    .rrelu(lower: 0.1, upper: 0.3, training: true, seed: 7)])
  func nanPropagates(_ a: Activation) throws {
    for x in [Float.nan, -Float.nan] {
      #expect(try a.forward([x])[0].isNaN)
      #expect(try a.derivative([x])[0].isNaN)
      #expect(try a.backward([x], [1])[0].isNaN)
      #expect(try a.backward([Float(1)], [x])[0].isNaN)
    }
    #expect(try a.forward([Double.nan])[0].isNaN)
    #expect(try a.derivative([Double.nan])[0].isNaN)
    #expect(try a.backward([Double.nan], [0])[0].isNaN)
  }

  /// Backward is the IEEE product dy * f'(x): inf * 0 is NaN.
  @Test func backwardIsTheIEEEProduct() throws {
    #expect(try Activation.relu.backward([Float(-1)], [.infinity])[0].isNaN)
    #expect(try Activation.sigmoid.backward([Double.infinity], [.infinity])[0].isNaN)
    #expect(try Activation.relu.backward([Float(2)], [.infinity])[0] == .infinity)
  }

  /// Results in the subnormal range come out as subnormals, not zero.
  @Test func subnormalResultsAreKept() throws {
    let y = try Activation.sigmoid.forward([Float(-100), -95, -88])
    let exact = [Float80(-100), -95, -88].map { Reference.sigmoid($0) }
    for (yi, e) in zip(y, exact) {
      #expect(yi > 0 && ulpError(yi, e) <= 0.5)
    }
    #expect(y[0].isSubnormal && y[1].isSubnormal)
    let d = try Activation.sigmoid.forward([Double(-740), -720])
    #expect(d[0].isSubnormal && d[0] > 0)
    #expect(ulpError(d[0], Reference.sigmoid(-740)) <= 0.5)
    // Derivatives of the document's form S(1 - S) would give 0 here.
    let s = try Activation.sigmoid.derivative([Float(20), 30, 60])
    for (si, x) in zip(s, [Float80(20), 30, 60]) {
      #expect(si > 0 && ulpError(si, Reference.sigmoidDerivative(x)) <= 0.5)
    }
  }
}
