/// Rectified linear unit.
///
///     f(x)  = max(0, x)          relu(-0) = +0, relu(NaN) = NaN
///     f'(x) = 1 if x > 0 else 0  (f'(0) = 0)
///
/// Exact in both types.
enum ReLU: UnaryActivation {
  @inline(__always)
  static func forward<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    x.replacing(with: V.zero, where: x .<= V.zero)
  }

  @inline(__always)
  static func derivative<V: FloatVector>(_ x: V, _: NoParameters, index: Int) -> V {
    V.zero.replacing(with: V.one, where: x .> V.zero)
  }
}

// MARK: - C ABI (include/activations.h, "relu")

@c(act_relu_f32)
public func act_relu_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ReLU>.forward(x, y, n, NoParameters()) }
}
@c(act_relu_derivative_f32)
public func act_relu_derivative_f32(_ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ReLU>.derivative(x, d, n, NoParameters()) }
}
@c(act_relu_backward_f32)
public func act_relu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ n: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ReLU>.backward(x, dy, dx, n, NoParameters()) }
}
@c(act_relu_f64)
public func act_relu_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ReLU>.forward(x, y, n, NoParameters()) }
}
@c(act_relu_derivative_f64)
public func act_relu_derivative_f64(_ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ReLU>.derivative(x, d, n, NoParameters()) }
}
@c(act_relu_backward_f64)
public func act_relu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ n: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ReLU>.backward(x, dy, dx, n, NoParameters()) }
}
