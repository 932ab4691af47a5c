// MARK: - C ABI (include/activations.h, "elu")

@c(act_elu_f32)
public func act_elu_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ n: UInt, _ alpha: Float) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ELU>.forward(x, y, n, AlphaParameter(alpha)) }
}
@c(act_elu_derivative_f32)
public func act_elu_derivative_f32(_ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ n: UInt, _ alpha: Float) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ELU>.derivative(x, d, n, AlphaParameter(alpha)) }
}
@c(act_elu_backward_f32)
public func act_elu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ n: UInt, _ alpha: Float
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ELU>.backward(x, dy, dx, n, AlphaParameter(alpha)) }
}
@c(act_elu_f64)
public func act_elu_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ n: UInt, _ alpha: Double) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ELU>.forward(x, y, n, AlphaParameter(alpha)) }
}
@c(act_elu_derivative_f64)
public func act_elu_derivative_f64(_ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ n: UInt, _ alpha: Double) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ELU>.derivative(x, d, n, AlphaParameter(alpha)) }
}
@c(act_elu_backward_f64)
public func act_elu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ n: UInt, _ alpha: Double
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<ELU>.backward(x, dy, dx, n, AlphaParameter(alpha)) }
}
