import Activations
import Testing

/// The transcendental functions against Float80 references: every 4099th
/// float32 bit pattern (about a million inputs: all exponents, subnormals,
/// both signs) and 200,000 doubles spread over the whole finite range.
/// The bound asserted is the one published in include/activations.h.
struct AccuracyCase: CustomTestStringConvertible, Sendable {
  let name: String
  let isDerivative: Bool
  /// elu's alpha; the reference receives it rounded to the element type.
  var alpha: Double = 1
  let reference: @Sendable (_ x: Float80, _ alpha: Float80) -> Float80
  var testDescription: String { name }

  static let all: [AccuracyCase] = [
    .init(name: "sigmoid", isDerivative: false) { x, _ in Reference.sigmoid(x) },
    .init(name: "sigmoid_derivative", isDerivative: true) { x, _ in Reference.sigmoidDerivative(x) },
    .init(name: "tanh", isDerivative: false) { x, _ in Reference.tanh(x) },
    .init(name: "tanh_derivative", isDerivative: true) { x, _ in Reference.tanhDerivative(x) },
    .init(name: "elu", isDerivative: false, reference: Reference.elu),
    .init(name: "elu_derivative", isDerivative: true, reference: Reference.eluDerivative),
    .init(name: "elu(alpha=0.3)", isDerivative: false, alpha: 0.3, reference: Reference.elu),
    .init(name: "elu_derivative(alpha=0.3)", isDerivative: true, alpha: 0.3, reference: Reference.eluDerivative),
  ]

  var activation: Activation {
    switch name.prefix(4) {
    case "sigm": .sigmoid
    case "tanh": .tanh
    default: .elu(alpha: alpha)
    }
  }

  /// The worst error of the library over `x`.
  func worstCase<T: ActivationScalar>(_ x: [T]) throws -> WorstCase {
    let y = isDerivative ? try activation.derivative(x) : try activation.forward(x)
    let alphaT = Float80(T(alpha))
    var worst = WorstCase()
    for (xi, yi) in zip(x, y) {
      worst.record(ulpError(yi, reference(Float80(xi), alphaT)), at: Double(xi))
    }
    return worst
  }
}

/// Published bound (ulp) for sigmoid, tanh, elu and their derivatives.
let transcendentalBound = 1.0

@Test(arguments: AccuracyCase.all)
func float32Accuracy(_ c: AccuracyCase) throws {
  let worst = try c.worstCase(float32Sweep(stride: 4099))
  print("accuracy f32 \(c.name): \(worst)")
  #expect(worst.ulps <= transcendentalBound, "\(c.name) f32: \(worst)")
}

@Test(arguments: AccuracyCase.all)
func float64Accuracy(_ c: AccuracyCase) throws {
  let worst = try c.worstCase(float64Sample(count: 200_000, seed: 42))
  print("accuracy f64 \(c.name): \(worst)")
  #expect(worst.ulps <= transcendentalBound, "\(c.name) f64: \(worst)")
}
