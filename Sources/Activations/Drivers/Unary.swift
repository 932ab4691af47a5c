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
    try map(x, y, n, p) { v, i in propagateNaN(A.forward(v, p, index: i), v) }
  }

  /// d = f'(x)
  static func derivative<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ d: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters
  ) throws(ActivationError) {
    try map(x, d, n, p) { v, i in propagateNaN(A.derivative(v, p, index: i), v) }
  }

  /// dx = dy * f'(x), in one pass.
  static func backward<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ dy: UnsafePointer<T>?, _ dx: UnsafeMutablePointer<T>?, _ n: UInt,
    _ p: A.Parameters
  ) throws(ActivationError) {
    let count = try elementCount(n, of: T.self)
    guard count > 0 else { return }
    let (x, dy, dx) = (try nonNull(x), try nonNull(dy), try nonNull(dx))
    try requireAligned(x)
    try requireAligned(dy)
    try requireAligned(UnsafePointer(dx))
    try p.validate(for: T.self)
    try requireNoPartialOverlap(Region(dx, count: count), Region(x, count: count), Region(dy, count: count))

    Parallel.forEachChunk(count: count, grain: Parallel.elementGrain, threshold: Parallel.elementThreshold) {
      range in
      var i = range.lowerBound
      let end = range.upperBound
      let width = T.Vector.scalarCount
      while end - i >= width {
        let v = load(x + i), g = load(dy + i)
        store(g * propagateNaN(A.derivative(v, p, index: i), v), dx + i)
        i &+= width
      }
      if i < end {
        let v = loadPadded(x + i, end - i), g = loadPadded(dy + i, end - i)
        storePartial(g * propagateNaN(A.derivative(v, p, index: i), v), dx + i, end - i)
      }
    }
  }

  /// The shared body of forward and derivative: out[i] = kernel(x[i]).
  @inline(__always)
  private static func map<T: ActivationScalar>(
    _ x: UnsafePointer<T>?, _ out: UnsafeMutablePointer<T>?, _ n: UInt, _ p: A.Parameters,
    _ kernel: (T.Vector, Int) -> T.Vector
  ) throws(ActivationError) {
    let count = try elementCount(n, of: T.self)
    guard count > 0 else { return }
    let (x, out) = (try nonNull(x), try nonNull(out))
    try requireAligned(x)
    try requireAligned(UnsafePointer(out))
    try p.validate(for: T.self)
    try requireNoPartialOverlap(Region(out, count: count), Region(x, count: count))

    Parallel.forEachChunk(count: count, grain: Parallel.elementGrain, threshold: Parallel.elementThreshold) {
      range in
      var i = range.lowerBound
      let end = range.upperBound
      let width = T.Vector.scalarCount
      while end - i >= width {
        store(kernel(load(x + i), i), out + i)
        i &+= width
      }
      if i < end {
        storePartial(kernel(loadPadded(x + i, end - i), i), out + i, end - i)
      }
    }
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
