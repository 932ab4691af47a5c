/// The prelu kernels by number: the entry point an instruction-set build of
/// these sources (module KernelsAVX2, see Runtime/ISA.swift) offers to the
/// prelu driver, in plain numbers and raw pointers like `rowEntry`.

/// The prelu kernels, numbered for `preluEntry`. Each runs over
/// `start ..< end` of its own unit (see Functions/PReLUKernels.swift).
enum PReLUKernel: Int {
  /// out = y; units: rows.
  case forwardColumns
  /// out = f'(x); units: rows.
  case derivativeColumns
  /// out = dx, gradient = dweight (a weight per channel); units: channel groups.
  case backwardColumns
  /// out = y; units: periods.
  case forwardFlat
  /// out = f'(x); units: periods.
  case derivativeFlat
  /// out = dx, gradient = the blocks' partial sums; units: blocks.
  case backwardFlat
}

/// Runs `kernel` on `start ..< end` in element type `T`.
@inline(__always)
func runPReLUKernel<T: ActivationScalar>(
  _ kernel: PReLUKernel, _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ weight: UnsafePointer<T>, _ gradient: UnsafeMutablePointer<T>, rows: Int, channels: Int, weights: Int,
  _ range: Range<Int>
) {
  switch kernel {
  case .forwardColumns, .derivativeColumns:
    PReLUKernels.mapColumns(
      derivative: kernel == .derivativeColumns, x, out, weight, channels: channels, rows: range)
  case .backwardColumns:
    PReLUKernels.backwardColumns(x, dy, out, weight, gradient, rows: rows, channels: channels, groups: range)
  case .forwardFlat, .derivativeFlat:
    PReLUKernels.mapFlat(
      derivative: kernel == .derivativeFlat, x, out, weight, weights: weights, count: rows &* channels,
      periods: range)
  case .backwardFlat:
    PReLUKernels.backwardFlat(
      x, dy, out, weight, weights: weights, count: rows &* channels, blocks: range, partials: gradient)
  }
}

/// `runPReLUKernel` by numbers, for the driver in module Activations.
public func preluEntry(
  kernel: Int, doublePrecision: Bool, x: UnsafeRawPointer, dy: UnsafeRawPointer, out: UnsafeMutableRawPointer,
  weight: UnsafeRawPointer, gradient: UnsafeMutableRawPointer, rows: Int, channels: Int, weights: Int,
  start: Int, end: Int
) {
  guard let kernel = PReLUKernel(rawValue: kernel) else { return }
  if doublePrecision {
    runPReLUKernel(
      kernel, x.assumingMemoryBound(to: Double.self), dy.assumingMemoryBound(to: Double.self),
      out.assumingMemoryBound(to: Double.self), weight.assumingMemoryBound(to: Double.self),
      gradient.assumingMemoryBound(to: Double.self), rows: rows, channels: channels, weights: weights, start..<end)
  } else {
    runPReLUKernel(
      kernel, x.assumingMemoryBound(to: Float.self), dy.assumingMemoryBound(to: Float.self),
      out.assumingMemoryBound(to: Float.self), weight.assumingMemoryBound(to: Float.self),
      gradient.assumingMemoryBound(to: Float.self), rows: rows, channels: channels, weights: weights, start..<end)
  }
}
