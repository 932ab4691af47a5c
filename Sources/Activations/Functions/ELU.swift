/// Exponential linear unit.
///
///     f(x)  = x if x >= 0 else alpha * (e^x - 1)   (f(-0) = -0)
///     f'(x) = 1 if x > 0  else alpha * e^x         (f'(0) = alpha)
///
/// e^x - 1 is `expMinusOne`, which keeps every bit near 0 where the
/// textbook form cancels; the math runs in double and float results are
/// rounded once. In double, alpha times the two-term e^x - 1 (or e^x) is
/// formed exactly and rounded once. f(-inf) = -alpha, f'(-inf) = 0 (signed like alpha).
/// alpha is any finite value.
enum ELU: UnaryActivation {
  static let family = ElementwiseFamily.elu
  static var cost: Int { transcendentalCost }

  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    let alpha = F64x8(repeating: p.alpha)
    return V.mapInDouble(x, index: index) { v, _ in
      let y: F64x8
      if V.doubleAccuracy == .relaxed {
        y = alpha * F64x8.expMinusOne(v)
      } else {
        let (hi, lo) = F64x8.expMinusOneTwoTerm(v)
        y = TwoTerm.scaled(alpha, hi, lo)
      }
      return y.replacing(with: v, where: v .>= F64x8())
    }
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    let alpha = F64x8(repeating: p.alpha)
    return V.mapInDouble(x, index: index) { v, _ in
      let d: F64x8
      if V.doubleAccuracy == .relaxed {
        d = alpha * F64x8.exp(v)
      } else {
        d = F64x8.exp(v, times: alpha)
      }
      return d.replacing(with: F64x8(repeating: 1), where: v .> F64x8())
    }
  }
}
