/// The driver of every elementwise function: validation in the header's
/// order, the vector loop with a padded tail, and threads on a fixed grid.
///
/// For each direction the result of an element depends only on its value,
/// its index and the parameters, never on where a chunk or the array ends:
/// the tail runs the same vector code on a zero-padded copy.
enum Unary<A: UnaryActivation> {
  /// y = f(x)
  static func forward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ y: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters
  ) throws(ActivationError) {
    try run(.forward, x, x, y, n, p)
  }

  /// d = f'(x)
  static func derivative<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters
  ) throws(ActivationError) {
    try run(.derivative, x, x, d, n, p)
  }

  /// dx = dy * f'(x), in one pass.
  static func backward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ n: UInt,
    _ p: A.Parameters
  ) throws(ActivationError) {
    try run(.backward, x, dy, dx, n, p)
  }

  /// Checks the arguments, then runs the selected instruction set's kernel
  /// over the chunks of the grid. `dy` is read only for backward (it is x
  /// otherwise).
  @inline(__always)
  private static func run<T: ActivationScalar>(
    _ direction: ElementwiseDirection, _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?,
    _ out: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters
  ) throws(ActivationError) {
    let count = try elementCount(n, of: T.self)
    guard count > 0 else { return }
    let x = try nonNull(x)
    let dy = try nonNull(dy)
    let out = try nonNull(out)
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(out))
    try p.validate(for: T.self)
    let readsGradient = direction == .backward
    try requireNoPartialOverlap(
      Region(out, count: count), Region(x, count: count), readsGradient ? Region(dy, count: count) : nil)
    let elementwise = ISA.kernels.elementwise
    let (a, b, flag, seed) = p.raw
    Parallel.forEachChunk(
      count: count, grain: Parallel.grain(cost: A.cost), threshold: Parallel.threshold(cost: A.cost)
    ) { range in
      elementwise(
        A.family.rawValue, direction.rawValue, T.self == Double.self, -1, UnsafeRawPointer(x), UnsafeRawPointer(dy),
        UnsafeMutableRawPointer(out), range.lowerBound, range.upperBound, a, b, flag, seed)
    }
  }
}

