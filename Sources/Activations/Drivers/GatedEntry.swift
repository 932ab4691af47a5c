/// The gated-unit kernels by number: the entry point an instruction-set
/// build of these sources (module KernelsAVX2, see Runtime/ISA.swift)
/// offers to the gated drivers, in plain numbers and raw pointers like
/// `rowEntry`.

/// Runs one direction (0 forward, 1 derivative, 2 backward) of `G` on rows
/// `rows`.
@inline(__always)
func runGatedKernel<G: GateFunction, T: ActivationScalar>(
  _: G.Type, _ direction: Int, _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ rows: Range<Int>, _ cols: Int
) {
  switch direction {
  case 0: GatedRows.forward(G.self, x, out, rows, cols)
  case 1: GatedRows.partials(G.self, x, nil, out, rows, cols)
  default: GatedRows.partials(G.self, x, dy, out, rows, cols)
  }
}

/// Runs one direction of the gate numbered `gate` (see `Gate`).
@inline(__always)
func runGatedKernel<T: ActivationScalar>(
  _ gate: Gate, _ direction: Int, _ x: UnsafePointer<T>, _ dy: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ rows: Range<Int>, _ cols: Int
) {
  switch gate {
  case .glu: runGatedKernel(SigmoidGate.self, direction, x, dy, out, rows, cols)
  case .swiglu: runGatedKernel(SiLUGate.self, direction, x, dy, out, rows, cols)
  case .geglu: runGatedKernel(GeluGate.self, direction, x, dy, out, rows, cols)
  }
}

/// `runGatedKernel` by numbers, for the drivers in module Activations.
public func gatedEntry(
  gate: Int, direction: Int, doublePrecision: Bool, x: UnsafeRawPointer, dy: UnsafeRawPointer,
  out: UnsafeMutableRawPointer, start: Int, end: Int, cols: Int
) {
  guard let gate = Gate(rawValue: gate) else { return }
  if doublePrecision {
    runGatedKernel(
      gate, direction, x.assumingMemoryBound(to: Double.self), dy.assumingMemoryBound(to: Double.self),
      out.assumingMemoryBound(to: Double.self), start..<end, cols)
  } else {
    runGatedKernel(
      gate, direction, x.assumingMemoryBound(to: Float.self), dy.assumingMemoryBound(to: Float.self),
      out.assumingMemoryBound(to: Float.self), start..<end, cols)
  }
}
