/// The element types of the library: `Float` (`_f32`) and `Double` (`_f64`),
/// each with its 64-byte vector type.
public protocol ActivationScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
  associatedtype Vector: FloatVector where Vector.Scalar == Self
}

extension Float: ActivationScalar {
  public typealias Vector = SIMD16<Float>
}

extension Double: ActivationScalar {
  public typealias Vector = SIMD8<Double>
}
