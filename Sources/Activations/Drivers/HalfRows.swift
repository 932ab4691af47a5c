#if canImport(Glibc)
import Glibc
#endif

/// The 16-bit row functions (`_f16`, `_bf16` of softmax and its variants,
/// maxout, the gated units): each driver checks its arrays in their own
/// element type (2-byte elements, exactly as the float driver does with
/// 4-byte ones), then hands the rows to `forEachRowChunk`, which widens them
/// to float, runs the float row kernels and rounds the outputs once.

/// A 16-bit pattern of `format`, the element of the `_f16` and `_bf16` row
/// functions' arrays (the C side passes `uint16_t`).
protocol HalfElement {
  /// The bit pattern.
  var bits: UInt16 { get }
  static var format: HalfFormat { get }
  /// The exponent field: all ones for infinities and NaN.
  static var exponentMask: UInt16 { get }
}

/// An IEEE binary16 bit pattern.
struct Binary16Element: HalfElement {
  var bits: UInt16
  static var format: HalfFormat { .binary16 }
  static var exponentMask: UInt16 { 0x7C00 }
}

/// A bfloat16 bit pattern.
struct BFloat16Element: HalfElement {
  var bits: UInt16
  static var format: HalfFormat { .bfloat16 }
  static var exponentMask: UInt16 { 0x7F80 }
}

/// The C arrays of a `_f16` row function as their element type.
@inline(__always)
func f16(_ p: UnsafePointer<UInt16>?) -> UnsafePointer<Binary16Element>? {
  p.map { UnsafeRawPointer($0).assumingMemoryBound(to: Binary16Element.self) }
}

@inline(__always)
func f16(_ p: UnsafeMutablePointer<UInt16>?) -> UnsafeMutablePointer<Binary16Element>? {
  p.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Binary16Element.self) }
}

/// The C arrays of a `_bf16` row function as their element type.
@inline(__always)
func bf16(_ p: UnsafePointer<UInt16>?) -> UnsafePointer<BFloat16Element>? {
  p.map { UnsafeRawPointer($0).assumingMemoryBound(to: BFloat16Element.self) }
}

@inline(__always)
func bf16(_ p: UnsafeMutablePointer<UInt16>?) -> UnsafeMutablePointer<BFloat16Element>? {
  p.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: BFloat16Element.self) }
}

/// Elements per row-block of the 16-bit row functions: each block's rows
/// are widened to float scratch (at most this many floats per array, or one
/// row), computed, and rounded into the output.
let halfBlockElements = 1 << 18

extension HalfElement {
  /// Widens blocks of rows into float scratch allocated once per call (the
  /// only allocation: `.memory` when it fails, before anything is written),
  /// computes them with `body` and rounds the output rows once. Every chunk
  /// converts its own rows, so conversions run on the threads too; rows are
  /// computed independently, so the blocks do not change any result.
  static func forEachRowChunk(
    rows: Int, elementsPerRow: Int, cost: Int,
    a: UnsafePointer<Self>, aPerRow: Int, b: UnsafePointer<Self>, bPerRow: Int,
    out: UnsafeMutablePointer<Self>, outPerRow: Int,
    _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Range<Int>) -> Void
  ) throws(ActivationError) {
    let shared = UnsafeRawPointer(a) == UnsafeRawPointer(b) && aPerRow == bPerRow
    let perRow = aPerRow + (shared ? 0 : bPerRow) + outPerRow
    let blockRows = max(1, min(rows, halfBlockElements / max(1, perRow)))
    let (bytes, overflow) = (blockRows * perRow).multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
    guard !overflow, let raw = malloc(max(1, bytes)) else { throw .memory }
    defer { free(raw) }
    let scratchA = raw.assumingMemoryBound(to: Float.self)
    let scratchB = shared ? scratchA : scratchA + blockRows * aPerRow
    let scratchOut = scratchB + (shared ? blockRows * aPerRow : blockRows * bPerRow)
    let (a16, b16, out16) = (UnsafeRawPointer(a), UnsafeRawPointer(b), UnsafeMutableRawPointer(out))
    var start = 0
    while start < rows {
      let count = min(blockRows, rows - start)
      Rows.forEachChunk(rows: count, elementsPerRow: elementsPerRow, cost: cost) { range in
        let (first, n) = (start + range.lowerBound, range.count)
        convertHalves(
          format, widen: true, a16 + 2 * first * aPerRow, scratchA + range.lowerBound * aPerRow, n * aPerRow)
        if !shared {
          convertHalves(
            format, widen: true, b16 + 2 * first * bPerRow, scratchB + range.lowerBound * bPerRow, n * bPerRow)
        }
        body(scratchA, scratchB, scratchOut, range)
        convertHalves(
          format, widen: false, scratchOut + range.lowerBound * outPerRow, out16 + 2 * first * outPerRow,
          n * outPerRow)
      }
      start += count
    }
  }
}

/// Widens `count` 16-bit patterns to floats, or rounds `count` floats to
/// 16-bit patterns, in the selected instruction-set build.
func convertHalves(
  _ format: HalfFormat, widen: Bool, _ source: UnsafeRawPointer, _ target: UnsafeMutableRawPointer, _ count: Int
) {
  ISA.kernels.halfConversion(format.rawValue, widen, source, target, count)
}
