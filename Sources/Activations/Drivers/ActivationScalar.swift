/// The element types of the library: `Float` (`_f32`) and `Double` (`_f64`),
/// each with its 64-byte vector type.
public protocol ActivationScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
  associatedtype Vector: FloatVector where Vector.Scalar == Self
}

extension Float: ActivationScalar {
  /// Sixteen lanes (64 bytes).
  public typealias Vector = SIMD16<Float>
}

extension Double: ActivationScalar {
  /// Eight lanes (64 bytes).
  public typealias Vector = SIMD8<Double>
}
