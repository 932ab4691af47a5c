/// Leaky rectified linear unit with slope alpha on the negative side.
///
///     f(x)  = x if x >= 0 else alpha * x    (f(-0) = -0 whatever alpha)
///     f'(x) = 1 if x > 0  else alpha        (f'(0) = alpha)
///
/// alpha is any finite value. Exact: alpha * x is one correctly rounded
/// product in the element type.
enum LeakyReLU: UnaryActivation {
  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    (V(repeating: V.Scalar(p.alpha)) * x).replacing(with: x, where: x .>= V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _ p: AlphaParameter, index: Int) -> V {
    V(repeating: V.Scalar(p.alpha)).replacing(with: V.one, where: x .> V.zero)
  }
}

// MARK: - C ABI (include/activations.h, "leaky_relu")

@c(act_leaky_relu_f32)
public func act_leaky_relu_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ n: UInt, _ alpha: Float) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<LeakyReLU>.forward(x, y, n, AlphaParameter(alpha)) }
}
@c(act_leaky_relu_derivative_f32)
public func act_leaky_relu_derivative_f32(_ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ n: UInt, _ alpha: Float) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<LeakyReLU>.derivative(x, d, n, AlphaParameter(alpha)) }
}
@c(act_leaky_relu_backward_f32)
public func act_leaky_relu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ n: UInt, _ alpha: Float
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<LeakyReLU>.backward(x, dy, dx, n, AlphaParameter(alpha)) }
}
@c(act_leaky_relu_f64)
public func act_leaky_relu_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ n: UInt, _ alpha: Double) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<LeakyReLU>.forward(x, y, n, AlphaParameter(alpha)) }
}
@c(act_leaky_relu_derivative_f64)
public func act_leaky_relu_derivative_f64(_ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ n: UInt, _ alpha: Double) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<LeakyReLU>.derivative(x, d, n, AlphaParameter(alpha)) }
}
@c(act_leaky_relu_backward_f64)
public func act_leaky_relu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ n: UInt, _ alpha: Double
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<LeakyReLU>.backward(x, dy, dx, n, AlphaParameter(alpha)) }
}
