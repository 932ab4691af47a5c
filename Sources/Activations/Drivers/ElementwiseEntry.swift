/// The elementwise kernels by number (the families are numbered in
/// ElementwiseFamily.swift, generated from the table): the one entry point an instruction-set
/// build of these sources (module KernelsAVX2, see Runtime/ISA.swift) offers
/// to the driver. Its arguments are plain numbers and raw pointers, because
/// every type declared in these sources is a distinct type in each module.

/// The three directions of an elementwise function.
enum ElementwiseDirection: Int {
  case forward, derivative, backward
}

/// Runs one direction of `A` over `range` in element type `T`.
@inline(__always)
func runElementwise<A: UnaryActivation, T: ActivationScalar>(
  _: A.Type, _ direction: ElementwiseDirection, _ p: A.Parameters,
  _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>, _ range: Range<Int>
) {
  switch direction {
  case .forward: elementwiseLoop(ForwardKernel<A, T>(p: p), x, dy, out, range)
  case .derivative: elementwiseLoop(DerivativeKernel<A, T>(p: p), x, dy, out, range)
  case .backward: elementwiseLoop(BackwardKernel<A, T>(p: p), x, dy, out, range)
  }
}

/// out[i] = direction of `family`(x[i], dy[i]) for i in start ..< end, the
/// arguments already validated by the driver; (a, b, flag, seed) are the
/// family's parameters in the form of `ActivationParameters.raw`. The
/// elements are `Double` (`doublePrecision`), 16-bit patterns of the
/// `HalfFormat` numbered `halfFormat` (when it is 0 or 1), else `Float`.
public func elementwiseEntry(
  family: Int, direction: Int, doublePrecision: Bool, halfFormat: Int = -1,
  x: UnsafeRawPointer, dy: UnsafeRawPointer, out: UnsafeMutableRawPointer,
  start: Int, end: Int, a: Double, b: Double, flag: Int32, seed: UInt64
) {
  guard let family = ElementwiseFamily(rawValue: family), let direction = ElementwiseDirection(rawValue: direction)
  else { return }
  let arguments = EntryArguments(
    direction: direction, doublePrecision: doublePrecision, halfFormat: HalfFormat(rawValue: halfFormat),
    x: x, dy: dy, out: out, range: start..<end, a: a, b: b, flag: flag, seed: seed)
  family.run(arguments)
}

/// The arguments of `elementwiseEntry`, applied to one family.
struct EntryArguments {
  let direction: ElementwiseDirection
  let doublePrecision: Bool
  let halfFormat: HalfFormat?
  let x: UnsafeRawPointer, dy: UnsafeRawPointer, out: UnsafeMutableRawPointer
  let range: Range<Int>
  let a: Double, b: Double, flag: Int32, seed: UInt64

  func run<A: UnaryActivation>(_: A.Type) {
    let p = A.Parameters(raw: (a, b, flag, seed))
    if let halfFormat {
      let (x, dy, out) = (
        x.assumingMemoryBound(to: UInt16.self), dy.assumingMemoryBound(to: UInt16.self),
        out.assumingMemoryBound(to: UInt16.self)
      )
      switch halfFormat {
      case .binary16: runElementwiseHalf(A.self, Binary16Conversion.self, direction, p, x, dy, out, range)
      case .bfloat16: runElementwiseHalf(A.self, BFloat16Conversion.self, direction, p, x, dy, out, range)
      }
    } else if doublePrecision {
      runElementwise(
        A.self, direction, p, x.assumingMemoryBound(to: Double.self), dy.assumingMemoryBound(to: Double.self),
        out.assumingMemoryBound(to: Double.self), range)
    } else {
      runElementwise(
        A.self, direction, p, x.assumingMemoryBound(to: Float.self), dy.assumingMemoryBound(to: Float.self),
        out.assumingMemoryBound(to: Float.self), range)
    }
  }
}
