/// The row kernels by number: the entry point an instruction-set build of
/// these sources (module KernelsAVX2, see Runtime/ISA.swift) offers to the
/// row drivers, in plain numbers and raw pointers like `elementwiseEntry`.

/// The row kernels, numbered for `rowEntry`.
enum RowKernel: Int {
  /// out = softmax(a) (b unused).
  case softmax
  /// out = softmax backward from the output a and the gradient b.
  case softmaxBackward
  /// out = the cols x cols Jacobian of softmax(a) per row (b unused).
  case softmaxJacobian
  /// The same three for softmin, and for log_softmax (backward from its
  /// output a); the safe softmax's forward and Jacobian (its backward is
  /// softmaxBackward). `softmaxVariant` names the row function of each.
  case softmin
  case softminBackward
  case softminJacobian
  case softmaxSafe
  case softmaxSafeJacobian
  case logSoftmax
  case logSoftmaxBackward
  case logSoftmaxJacobian
  /// Maxout on groups ("rows") of cols pieces: out = the winners of a.
  case maxout
  /// out = 1 at each group's winner in a, 0 elsewhere (b unused).
  case maxoutDerivative
  /// out = b[g] at group g's winner in a, times 0 elsewhere.
  case maxoutBackward
}

extension RowKernel {
  /// The row function of the softmax kernels (.softmax for the others).
  var softmaxVariant: SoftmaxVariant {
    switch self {
    case .softmin, .softminBackward, .softminJacobian: .softmin
    case .softmaxSafe, .softmaxSafeJacobian: .safe
    case .logSoftmax, .logSoftmaxBackward, .logSoftmaxJacobian: .log
    default: .softmax
    }
  }
}

/// Runs `kernel` on rows `start ..< end` of rows x cols matrices.
@inline(__always)
func runRowKernel<T: ActivationScalar>(
  _ kernel: RowKernel, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ rows: Range<Int>, _ cols: Int
) {
  switch kernel {
  case .softmax, .softmin, .softmaxSafe, .logSoftmax:
    let variant = kernel.softmaxVariant
    for r in rows { SoftmaxRows.row(a + r * cols, out + r * cols, cols, variant) }
  case .softmaxBackward, .softminBackward, .logSoftmaxBackward:
    let variant = kernel.softmaxVariant
    for r in rows { SoftmaxRows.backwardRow(a + r * cols, b + r * cols, out + r * cols, cols, variant) }
  case .softmaxJacobian, .softminJacobian, .softmaxSafeJacobian, .logSoftmaxJacobian:
    let variant = kernel.softmaxVariant
    for r in rows { SoftmaxRows.jacobianRow(a + r * cols, out + r * cols * cols, cols, variant) }
  case .maxout:
    MaxoutGroups.forward(a, out, rows, cols)
  case .maxoutDerivative:
    MaxoutGroups.mark(a, nil, out, rows, cols)
  case .maxoutBackward:
    MaxoutGroups.mark(a, b, out, rows, cols)
  }
}

/// `runRowKernel` by numbers, for the driver in module Activations.
public func rowEntry(
  kernel: Int, doublePrecision: Bool, a: UnsafeRawPointer, b: UnsafeRawPointer, out: UnsafeMutableRawPointer,
  start: Int, end: Int, cols: Int
) {
  guard let kernel = RowKernel(rawValue: kernel) else { return }
  if doublePrecision {
    runRowKernel(
      kernel, a.assumingMemoryBound(to: Double.self), b.assumingMemoryBound(to: Double.self),
      out.assumingMemoryBound(to: Double.self), start..<end, cols)
  } else {
    runRowKernel(
      kernel, a.assumingMemoryBound(to: Float.self), b.assumingMemoryBound(to: Float.self),
      out.assumingMemoryBound(to: Float.self), start..<end, cols)
  }
}
