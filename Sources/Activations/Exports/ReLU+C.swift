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
