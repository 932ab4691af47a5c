/// Maxout: the maximum of each group of `pieces` consecutive elements:
/// validation, the thread split and the C exports (the group kernels are
/// in MaxoutGroups.swift).
///
///     x is rows x (units * pieces), y is rows x units
///     y[r,u] = max_k x[r, u*pieces + k]
///     derivative (shape of x) = 1 at the winning element, 0 elsewhere
///     backward: dx[r, u*pieces + k] = dy[r,u] * derivative[r, u*pieces + k]
///
/// The first maximum wins ties (also -0 against +0), and its own value is
/// returned. The first NaN of a group wins outright, so a group containing
/// NaN gives NaN and its derivative marks that NaN. Exact.
/// Rows and units together form rows*units independent groups.
enum Maxout {
  /// Work per element for the thread split (`Parallel`): the vectorized
  /// forward runs at about 2.8 el/ns, the derivative and backward (strided
  /// stores) at about 0.85 el/ns on one thread.
  static let cost = 2

  /// The shape checks shared by the three entry points, in the header's
  /// order; returns (groups, elements of x), or nil when there is nothing
  /// to do.
  @inline(__always)
  static func shape<T>(_ rows: UInt, _ units: UInt, _ pieces: UInt, of _: T.Type) throws(ActivationError) -> (
    groups: Int, elements: Int
  )? {
    let elements = try Rows.count(rows, units, pieces, of: T.self)
    let groups = try Rows.count(rows, units, of: T.self)
    return groups == 0 ? nil : (groups, elements)
  }

  static func forward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) {
    guard let (x, y, groups, p) = try checkForward(x, y, rows, units, pieces) else { return }
    Rows.forEachChunk(rows: groups, elementsPerRow: p, cost: cost) { range in
      runRows(.maxout, x, x, y, range, p)
    }
  }

  static func derivative<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) {
    guard let (x, d, groups, p) = try checkDerivative(x, d, rows, units, pieces) else { return }
    Rows.forEachChunk(rows: groups, elementsPerRow: p, cost: cost) { range in
      runRows(.maxoutDerivative, x, x, d, range, p)
    }
  }

  static func backward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?,
    _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) {
    guard let (x, dy, dx, groups, p) = try checkBackward(x, dy, dx, rows, units, pieces) else { return }
    Rows.forEachChunk(rows: groups, elementsPerRow: p, cost: cost) { range in
      runRows(.maxoutBackward, x, dy, dx, range, p)
    }
  }
}

// MARK: - Checks (any element type): the arrays, the group count and pieces

extension Maxout {
  static func checkForward<T>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, Int, Int)? {
    guard let (groups, elements) = try shape(rows, units, pieces, of: T.self) else { return nil }
    let (x, y) = (try nonNull(x), try nonNull(y))
    try requireAligned(x)
    try requireAligned(UnsafePointer(y))
    guard pieces > 0 else { throw .parameter }
    try requireNoPartialOverlap(Region(y, count: groups), Region(x, count: elements))
    return (x, y, groups, Int(pieces))
  }

  static func checkDerivative<T>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafeMutablePointer<T>, Int, Int)? {
    guard let (groups, elements) = try shape(rows, units, pieces, of: T.self) else { return nil }
    let (x, d) = (try nonNull(x), try nonNull(d))
    try requireAligned(x)
    try requireAligned(UnsafePointer(d))
    guard pieces > 0 else { throw .parameter }
    try requireNoPartialOverlap(Region(d, count: elements), Region(x, count: elements))
    return (x, d, groups, Int(pieces))
  }

  static func checkBackward<T>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?,
    _ rows: UInt, _ units: UInt, _ pieces: UInt
  ) throws(ActivationError) -> (UnsafePointer<T>, UnsafePointer<T>, UnsafeMutablePointer<T>, Int, Int)? {
    guard let (groups, elements) = try shape(rows, units, pieces, of: T.self) else { return nil }
    let (x, dy, dx) = (try nonNull(x), try nonNull(dy), try nonNull(dx))
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(dx))
    guard pieces > 0 else { throw .parameter }
    try requireNoPartialOverlap(Region(dx, count: elements), Region(x, count: elements), Region(dy, count: groups))
    return (x, dy, dx, groups, Int(pieces))
  }
}

// MARK: - C ABI (include/activations.h, "maxout")

/// The C function `act_maxout_f32` (float; include/activations.h).
/// Swift code calls `maxout` instead.
@c(act_maxout_f32)
public func act_maxout_f32(
  _ x: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.forward(x, y, rows, units, pieces) }
}
/// The C function `act_maxout_derivative_f32` (float; include/activations.h).
/// Swift code calls `maxoutDerivative` instead.
@c(act_maxout_derivative_f32)
public func act_maxout_derivative_f32(
  _ x: UnsafePointer<Float>?, _ d: UnsafeMutablePointer<Float>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.derivative(x, d, rows, units, pieces) }
}
/// The C function `act_maxout_backward_f32` (float; include/activations.h).
/// Swift code calls `maxoutBackward` instead.
@c(act_maxout_backward_f32)
public func act_maxout_backward_f32(
  _ x: UnsafePointer<Float>?, _ dy: UnsafePointer<Float>?, _ dx: UnsafeMutablePointer<Float>?,
  _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.backward(x, dy, dx, rows, units, pieces) }
}
/// The C function `act_maxout_f64` (double; include/activations.h).
/// Swift code calls `maxout` instead.
@c(act_maxout_f64)
public func act_maxout_f64(
  _ x: UnsafePointer<Double>?, _ y: UnsafeMutablePointer<Double>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.forward(x, y, rows, units, pieces) }
}
/// The C function `act_maxout_derivative_f64` (double; include/activations.h).
/// Swift code calls `maxoutDerivative` instead.
@c(act_maxout_derivative_f64)
public func act_maxout_derivative_f64(
  _ x: UnsafePointer<Double>?, _ d: UnsafeMutablePointer<Double>?, _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.derivative(x, d, rows, units, pieces) }
}
/// The C function `act_maxout_backward_f64` (double; include/activations.h).
/// Swift code calls `maxoutBackward` instead.
@c(act_maxout_backward_f64)
public func act_maxout_backward_f64(
  _ x: UnsafePointer<Double>?, _ dy: UnsafePointer<Double>?, _ dx: UnsafeMutablePointer<Double>?,
  _ rows: UInt, _ units: UInt, _ pieces: UInt
) -> Int32 {
  abiCall { () throws(ActivationError) in try Maxout.backward(x, dy, dx, rows, units, pieces) }
}
