// MARK: - C ABI (include/activations.h, "tanh")

@c(act_tanh_f32)
public func act_tanh_f32(_ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<Tanh>.forward(x, y, n, NoParameters()) }
}
@c(act_tanh_derivative_f32)
public func act_tanh_derivative_f32(_ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<Tanh>.derivative(x, d, n, NoParameters()) }
}
@c(act_tanh_backward_f32)
public func act_tanh_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ n: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<Tanh>.backward(x, dy, dx, n, NoParameters()) }
}
@c(act_tanh_f64)
public func act_tanh_f64(_ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<Tanh>.forward(x, y, n, NoParameters()) }
}
@c(act_tanh_derivative_f64)
public func act_tanh_derivative_f64(_ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ n: UInt) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<Tanh>.derivative(x, d, n, NoParameters()) }
}
@c(act_tanh_backward_f64)
public func act_tanh_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ n: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<Tanh>.backward(x, dy, dx, n, NoParameters()) }
}
