/// The methods of `Activation` (its cases, one per elementwise family of
/// the table, are generated into Activation+Cases.swift): each function in
/// three directions over buffers or arrays of `Float` or `Double`, running
/// the same kernels as the C functions `act_NAME_f32/_f64`:
///
///     try Activation.elu(alpha: 1).forward(x, into: y)      // y  = f(x)
///     try Activation.sigmoid.derivative(x, into: d)          // d  = f'(x)
///     try Activation.tanh.backward(x, dy, into: dx)          // dx = dy * f'(x)
///     let y = try Activation.relu.forward([1, -2, 3] as [Float])
///
/// Parameters are rounded to the element type first, exactly as the C
/// functions receive them. Errors are `ActivationError` values, the C
/// status codes: `.size` when the counts differ, `.parameter` for a value
/// outside the family's domain (NaN alpha, lower > upper, ...; checked only
/// when there are elements, as in C), `.overlap` when an output partially
/// overlaps an input. The conventions (NaN, infinities, signed zeros,
/// kinks) are those of include/activations.h.
extension Activation {
  /// y = f(x), elementwise. `y` may be the same memory as `x` (in place).
  ///
  /// - Throws: `ActivationError.size` when the counts differ,
  ///   `.parameter` when a parameter is outside the family's domain,
  ///   `.overlap` when `y` partially overlaps `x`.
  public func forward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into y: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    guard x.count == y.count else { throw .size }
    try run(.forward, x.baseAddress, x.baseAddress, y.baseAddress, UInt(x.count))
  }

  /// d = f'(x), elementwise. `d` may be the same memory as `x`.
  ///
  /// - Throws: `ActivationError.size` when the counts differ,
  ///   `.parameter` when a parameter is outside the family's domain,
  ///   `.overlap` when `d` partially overlaps `x`.
  public func derivative<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, into d: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    guard x.count == d.count else { throw .size }
    try run(.derivative, x.baseAddress, x.baseAddress, d.baseAddress, UInt(x.count))
  }

  /// dx = dy * f'(x), elementwise in one pass (the IEEE product: inf * 0
  /// is NaN). `dx` may be the same memory as `x` or `dy`.
  ///
  /// - Throws: `ActivationError.size` when the three counts are not equal,
  ///   `.parameter` when a parameter is outside the family's domain,
  ///   `.overlap` when `dx` partially overlaps `x` or `dy`.
  public func backward<T: ActivationScalar>(
    _ x: UnsafeBufferPointer<T>, _ dy: UnsafeBufferPointer<T>, into dx: UnsafeMutableBufferPointer<T>
  ) throws(ActivationError) {
    guard x.count == dx.count, dy.count == dx.count else { throw .size }
    try run(.backward, x.baseAddress, dy.baseAddress, dx.baseAddress, UInt(x.count))
  }
}

// MARK: - Arrays

extension Activation {
  /// f(x) as a new array of x's count.
  ///
  /// - Throws: `ActivationError.parameter` when a parameter is outside the
  ///   family's domain (and `x` is not empty).
  public func forward<T: ActivationScalar>(_ x: [T]) throws(ActivationError) -> [T] {
    try mapping(x) { x, y throws(ActivationError) in try forward(x, into: y) }
  }

  /// f'(x) as a new array of x's count.
  ///
  /// - Throws: `ActivationError.parameter` when a parameter is outside the
  ///   family's domain (and `x` is not empty).
  public func derivative<T: ActivationScalar>(_ x: [T]) throws(ActivationError) -> [T] {
    try mapping(x) { x, d throws(ActivationError) in try derivative(x, into: d) }
  }

  /// dy * f'(x) as a new array.
  ///
  /// - Throws: `ActivationError.size` when `x` and `dy` have different
  ///   counts, `.parameter` when a parameter is outside the family's domain
  ///   (and there are elements).
  public func backward<T: ActivationScalar>(_ x: [T], _ dy: [T]) throws(ActivationError) -> [T] {
    guard x.count == dy.count else { throw .size }
    return try dy.withUnsafeBufferPointer { dy throws(ActivationError) in
      try mapping(x) { x, dx throws(ActivationError) in try backward(x, dy, into: dx) }
    }
  }
}

extension Unary {
  /// One call of the driver in `direction`: the entry of the Swift API
  /// (Activation+Cases.swift), the same validation and kernels as the C
  /// exports. `dy` is read by the backward direction only.
  @inline(__always)
  static func call<T: ActivationScalar>(
    _ direction: ElementwiseDirection, _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?,
    _ out: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters
  ) throws(ActivationError) {
    switch direction {
    case .forward: try forward(x, out, n, p)
    case .derivative: try derivative(x, out, n, p)
    case .backward: try backward(x, dy, out, n, p)
    }
  }
}

/// A new array of `count` elements (x's count by default) written by `body`
/// from `x`'s storage; the output is never zero-filled first (`body` writes
/// every element or throws).
func mapping<T: ActivationScalar>(
  _ x: [T], count: Int? = nil,
  _ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) throws(ActivationError) -> Void
) throws(ActivationError) -> [T] {
  let count = count ?? x.count
  var failure: ActivationError?
  let out = [T](unsafeUninitializedCapacity: count) { out, initialized in
    do throws(ActivationError) {
      try x.withUnsafeBufferPointer { x throws(ActivationError) in
        try body(x, UnsafeMutableBufferPointer(rebasing: out[0..<count]))
      }
      initialized = count
    } catch {
      failure = error
      initialized = 0
    }
  }
  if let failure { throw failure }
  return out
}
