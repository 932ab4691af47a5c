// MARK: - C ABI (include/activations.h, "rrelu")

@c(act_rrelu_f32)
public func act_rrelu_f32(
  _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ n: UInt,
  _ lower: Float, _ upper: Float, _ training: Int32, _ seed: UInt64
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<RReLU>.forward(x, y, n, RReLUParameters(lower, upper, training, seed)) }
}
@c(act_rrelu_derivative_f32)
public func act_rrelu_derivative_f32(
  _ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ n: UInt,
  _ lower: Float, _ upper: Float, _ training: Int32, _ seed: UInt64
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<RReLU>.derivative(x, d, n, RReLUParameters(lower, upper, training, seed)) }
}
@c(act_rrelu_backward_f32)
public func act_rrelu_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?, _ n: UInt,
  _ lower: Float, _ upper: Float, _ training: Int32, _ seed: UInt64
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<RReLU>.backward(x, dy, dx, n, RReLUParameters(lower, upper, training, seed)) }
}
@c(act_rrelu_f64)
public func act_rrelu_f64(
  _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ n: UInt,
  _ lower: Double, _ upper: Double, _ training: Int32, _ seed: UInt64
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<RReLU>.forward(x, y, n, RReLUParameters(lower, upper, training, seed)) }
}
@c(act_rrelu_derivative_f64)
public func act_rrelu_derivative_f64(
  _ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ n: UInt,
  _ lower: Double, _ upper: Double, _ training: Int32, _ seed: UInt64
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<RReLU>.derivative(x, d, n, RReLUParameters(lower, upper, training, seed)) }
}
@c(act_rrelu_backward_f64)
public func act_rrelu_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?, _ n: UInt,
  _ lower: Double, _ upper: Double, _ training: Int32, _ seed: UInt64
) -> Int32 {
  abiCall { () throws(ActivationError) in try Unary<RReLU>.backward(x, dy, dx, n, RReLUParameters(lower, upper, training, seed)) }
}
