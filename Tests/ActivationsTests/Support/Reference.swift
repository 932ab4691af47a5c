#if canImport(Glibc)
import Glibc
#endif

/// Reference values in Float80 (64-bit significand: 11 bits beyond double),
/// from glibc's long double functions and the textbook formulas, which are
/// accurate in Float80 wherever the float/double results are finite and
/// nonzero. Kept independent of the library's own formulas where possible.
enum Reference {
  static func sigmoid(_ x: Float80) -> Float80 {
    x >= 0 ? 1 / (1 + expl(-x)) : expl(x) / (1 + expl(x))
  }

  static func sigmoidDerivative(_ x: Float80) -> Float80 {
    let e = expl(-abs(x))
    return e / ((1 + e) * (1 + e))
  }

  static func tanh(_ x: Float80) -> Float80 { tanhl(x) }

  /// 1 - tanh^2 = 4 e / (1 + e)^2 with e = exp(-2|x|) (accurate in the tails).
  static func tanhDerivative(_ x: Float80) -> Float80 {
    let e = expl(-2 * abs(x))
    return 4 * e / ((1 + e) * (1 + e))
  }

  static func elu(_ x: Float80, alpha: Float80) -> Float80 {
    x >= 0 ? x : alpha * expm1l(x)
  }

  static func eluDerivative(_ x: Float80, alpha: Float80) -> Float80 {
    x > 0 ? 1 : alpha * expl(x)
  }
}
