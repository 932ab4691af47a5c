/// Hyperbolic tangent.
///
///     f(x)  = (e^x - e^-x) / (e^x + e^-x)
///     f'(x) = 1 - f(x)^2 = 4 e / (1 + e)^2,   e = exp(-2|x|)  = 4 sigma'(2x)
///
/// f is evaluated as sign(x) * t / (t + 2) with t = expm1(2|x|), carried
/// as two-term sums and rounded once: no cancellation near 0 (tanh(x) ~ x
/// for tiny x, subnormals included), and
/// |x| is clamped at 20, beyond which tanh rounds to 1 in double. f' reuses
/// the logistic derivative at 2x (2x is exact; it overflows to inf only where
/// f' is 0 anyway) instead of 1 - f^2, which rounds to 0 far too early.
/// f(+-inf) = +-1, f(-0) = -0, f'(+-inf) = 0.
enum Tanh: UnaryActivation {
  static let family = ElementwiseFamily.tanh
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.mapInDouble(x, index: index) { v, _ in
      let bits = unsafeBitCast(v, to: SIMD8<UInt64>.self)
      let sign = bits & SIMD8<UInt64>(repeating: 1 << 63)
      var a = unsafeBitCast(bits ^ sign, to: F64x8.self)  // |x|
      a = a.replacing(with: F64x8(repeating: 20), where: a .> F64x8(repeating: 20))
      let magnitude: F64x8
      if V.doubleAccuracy == .relaxed {
        let t = F64x8.expMinusOne(a + a)
        magnitude = t / (t + F64x8(repeating: 2))
      } else {
        // t / (t + 2) with t = tHi + tLo and t + 2 = dHi + dLo, rounded once.
        let (tHi, tLo) = F64x8.expMinusOneTwoTerm(a + a)
        let (dHi, dError) = TwoTerm.sum(tHi, F64x8(repeating: 2))
        magnitude = TwoTerm.quotient(tHi, tLo, dHi, dError + tLo)
      }
      return unsafeBitCast(unsafeBitCast(magnitude, to: SIMD8<UInt64>.self) | sign, to: F64x8.self)
    }
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.mapInDouble(x, index: index) { v, _ in Logistic.derivative(v + v, V.doubleAccuracy, scaleExponent: 2) }
  }
}
