/// The elementwise vector loop, shared by every instruction-set build of the
/// kernels (see Runtime/ISA.swift): it never validates, never threads.

/// One direction of one function on one element type, as a value the loop
/// is specialized for (so the math is inlined into the loop body).
protocol ElementwiseKernel {
  associatedtype Scalar: ActivationScalar
  /// Whether the kernel reads `dy` (backward); the others get x twice.
  static var readsGradient: Bool { get }
  /// Whether its 16-bit results need the rounding check of the correctly
  /// rounded path: forward and derivative, unless the family's float result
  /// is the exact value itself (then rounding it once is correct); never
  /// backward (the float product rounded once).
  static var checksRounding: Bool { get }
  /// The same function on eight double lanes (first lane at `index`): the
  /// 16-bit loops' fallback for results too close to a rounding boundary
  /// (Drivers/HalfPrecision.swift); only called where `checksRounding`.
  func wide(_ x: SIMD8<Double>, index: Int) -> SIMD8<Double>
  /// The outputs for lanes `x` (and gradients `dy`), first lane at `index`.
  func callAsFunction(_ x: Scalar.Vector, _ dy: Scalar.Vector, index: Int) -> Scalar.Vector
}

struct ForwardKernel<A: UnaryActivation, Scalar: ActivationScalar>: ElementwiseKernel {
  let p: A.Parameters
  static var readsGradient: Bool { false }
  static var checksRounding: Bool { !A.forwardIsExactInFloat }
  @inline(__always)
  func wide(_ x: SIMD8<Double>, index: Int) -> SIMD8<Double> {
    propagateNaN(A.forwardForHalves(x, p, index: index), x)
  }
  @inline(__always)
  func callAsFunction(_ x: Scalar.Vector, _: Scalar.Vector, index: Int) -> Scalar.Vector {
    propagateNaN(A.forward(x, p, index: index), x)
  }
}

struct DerivativeKernel<A: UnaryActivation, Scalar: ActivationScalar>: ElementwiseKernel {
  let p: A.Parameters
  static var readsGradient: Bool { false }
  static var checksRounding: Bool { !A.derivativeIsExactInFloat }
  @inline(__always)
  func wide(_ x: SIMD8<Double>, index: Int) -> SIMD8<Double> {
    propagateNaN(A.derivativeForHalves(x, p, index: index), x)
  }
  @inline(__always)
  func callAsFunction(_ x: Scalar.Vector, _: Scalar.Vector, index: Int) -> Scalar.Vector {
    propagateNaN(A.derivative(x, p, index: index), x)
  }
}

struct BackwardKernel<A: UnaryActivation, Scalar: ActivationScalar>: ElementwiseKernel {
  let p: A.Parameters
  static var readsGradient: Bool { true }
  static var checksRounding: Bool { false }
  @inline(__always)
  func wide(_ x: SIMD8<Double>, index: Int) -> SIMD8<Double> { x }
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
