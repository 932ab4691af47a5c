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
    try run(ForwardKernel<A, T>(p: p), x, x, y, n, p, readsGradient: false)
  }

  /// d = f'(x)
  static func derivative<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters
  ) throws(ActivationError) {
    try run(DerivativeKernel<A, T>(p: p), x, x, d, n, p, readsGradient: false)
  }

  /// dx = dy * f'(x), in one pass.
  static func backward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ n: UInt,
    _ p: A.Parameters
  ) throws(ActivationError) {
    try run(BackwardKernel<A, T>(p: p), x, dy, dx, n, p, readsGradient: true)
  }

  /// Checks the arguments, then runs `kernel` over the chunks of the grid.
  /// `dy` is read only when `readsGradient` (it is x otherwise).
  @inline(__always)
  private static func run<K: ElementwiseKernel>(
    _ kernel: K, _ x: UnsafePointer<K.Scalar>?, _ dy: UnsafePointer<K.Scalar>?,
    _ out: UnsafeMutablePointer<K.Scalar>?, _ n: UInt, _ p: A.Parameters, readsGradient: Bool
  ) throws(ActivationError) {
    let count = try elementCount(n, of: K.Scalar.self)
    guard count > 0 else { return }
    let x = try nonNull(x)
    let dy = try nonNull(dy)
    let out = try nonNull(out)
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(out))
    try p.validate(for: K.Scalar.self)
    try requireNoPartialOverlap(
      Region(out, count: count), Region(x, count: count), readsGradient ? Region(dy, count: count) : nil)
    Parallel.forEachChunk(
      count: count, grain: Parallel.grain(cost: A.cost), threshold: Parallel.threshold(cost: A.cost)
    ) { range in elementwiseLoop(kernel, x, dy, out, range) }
  }
}

/// One direction of one function on one element type, as a value the loop
/// is specialized for (so the math is inlined into the loop body).
protocol ElementwiseKernel {
  associatedtype Scalar: ActivationScalar
  /// The outputs for lanes `x` (and gradients `dy`), first lane at `index`.
  func callAsFunction(_ x: Scalar.Vector, _ dy: Scalar.Vector, index: Int) -> Scalar.Vector
}

struct ForwardKernel<A: UnaryActivation, Scalar: ActivationScalar>: ElementwiseKernel {
  let p: A.Parameters
  @inline(__always)
  func callAsFunction(_ x: Scalar.Vector, _: Scalar.Vector, index: Int) -> Scalar.Vector {
    propagateNaN(A.forward(x, p, index: index), x)
  }
}

struct DerivativeKernel<A: UnaryActivation, Scalar: ActivationScalar>: ElementwiseKernel {
  let p: A.Parameters
  @inline(__always)
  func callAsFunction(_ x: Scalar.Vector, _: Scalar.Vector, index: Int) -> Scalar.Vector {
    propagateNaN(A.derivative(x, p, index: index), x)
  }
}

struct BackwardKernel<A: UnaryActivation, Scalar: ActivationScalar>: ElementwiseKernel {
  let p: A.Parameters
  @inline(__always)
  func callAsFunction(_ x: Scalar.Vector, _ dy: Scalar.Vector, index: Int) -> Scalar.Vector {
    dy * propagateNaN(A.derivative(x, p, index: index), x)
  }
}

/// out[i] = kernel(x[i], dy[i]) for i in `range`: whole vectors, then the
/// remainder through a zero-padded vector.
func elementwiseLoop<K: ElementwiseKernel>(
  _ kernel: K, _ x: UnsafePointer<K.Scalar>, _ dy: UnsafePointer<K.Scalar>,
  _ out: UnsafeMutablePointer<K.Scalar>, _ range: Range<Int>
) {
  let width = K.Scalar.Vector.scalarCount
  var i = range.lowerBound
  let end = range.upperBound
  while end - i >= width {
    store(kernel(load(x + i), load(dy + i), index: i), out + i)
    i &+= width
  }
  if i < end {
    let rest = end - i
    storePartial(kernel(loadPadded(x + i, rest), loadPadded(dy + i, rest), index: i), out + i, rest)
  }
}

/// NaN lanes of x give NaN (x itself, so its payload) whatever the math did.
@inline(__always)
func propagateNaN<V: FloatVector>(_ result: V, _ x: V) -> V {
  result.replacing(with: x, where: x .!= x)
}

@inline(__always)
func load<T: ActivationScalar>(_ p: UnsafePointer<T>) -> T.Vector {
  UnsafeRawPointer(p).loadUnaligned(as: T.Vector.self)
}

@inline(__always)
func store<T: ActivationScalar>(_ v: T.Vector, _ p: UnsafeMutablePointer<T>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: T.Vector.self)
}

/// The first `count` elements at `p`, the other lanes `fill`.
@inline(__always)
func loadPadded<T: ActivationScalar>(_ p: UnsafePointer<T>, _ count: Int, fill: T = 0) -> T.Vector {
  var v = T.Vector(repeating: fill)
  for lane in 0..<count { v[lane] = p[lane] }
  return v
}

/// Stores the first `count` lanes of `v`.
@inline(__always)
func storePartial<T: ActivationScalar>(_ v: T.Vector, _ p: UnsafeMutablePointer<T>, _ count: Int) {
  for lane in 0..<count { p[lane] = v[lane] }
}
