/// The kernels of one instruction-set build of these sources: module
/// Activations (the x86-64 baseline), KernelsAVX2 (x86-64-v3) and
/// KernelsAVX512 (x86-64-v4) each export one, `kernelTable`, and the drivers
/// call through the one that Runtime/ISA.swift picks once, at first use.
///
/// It is a tuple of functions over plain numbers and raw pointers (the
/// `...Entry` functions beside their kernels), because every type declared in
/// these sources is a distinct type in each module: a tuple type is the same
/// in all of them.
public typealias KernelTable = (
  /// `elementwiseEntry`: one direction of one elementwise family on a range.
  elementwise: @Sendable (
    _ family: Int, _ direction: Int, _ doublePrecision: Bool, _ halfFormat: Int, _ x: UnsafeRawPointer,
    _ dy: UnsafeRawPointer, _ out: UnsafeMutableRawPointer, _ start: Int, _ end: Int, _ a: Double, _ b: Double,
    _ flag: Int32, _ seed: UInt64
  ) -> Void,
  /// `rowEntry`: a row kernel (softmax family, maxout) on a range of rows.
  row: @Sendable (
    _ kernel: Int, _ doublePrecision: Bool, _ a: UnsafeRawPointer, _ b: UnsafeRawPointer,
    _ out: UnsafeMutableRawPointer, _ start: Int, _ end: Int, _ cols: Int
  ) -> Void,
  /// `gatedEntry`: a gated unit's direction on a range of rows.
  gated: @Sendable (
    _ gate: Int, _ direction: Int, _ doublePrecision: Bool, _ x: UnsafeRawPointer, _ dy: UnsafeRawPointer,
    _ out: UnsafeMutableRawPointer, _ start: Int, _ end: Int, _ cols: Int
  ) -> Void,
  /// `preluEntry`: a prelu kernel on a range.
  prelu: @Sendable (
    _ kernel: Int, _ doublePrecision: Bool, _ x: UnsafeRawPointer, _ dy: UnsafeRawPointer,
    _ out: UnsafeMutableRawPointer, _ weight: UnsafeRawPointer, _ gradient: UnsafeMutableRawPointer, _ rows: Int,
    _ channels: Int, _ weights: Int, _ start: Int, _ end: Int
  ) -> Void,
  /// `halfConversionEntry`: 16-bit patterns widened to floats, or floats rounded to them.
  halfConversion: @Sendable (
    _ format: Int, _ widen: Bool, _ source: UnsafeRawPointer, _ target: UnsafeMutableRawPointer, _ count: Int
  ) -> Void
)

/// This build's kernels.
public let kernelTable: KernelTable = (
  elementwise: elementwiseEntry, row: rowEntry, gated: gatedEntry, prelu: preluEntry,
  halfConversion: halfConversionEntry
)
