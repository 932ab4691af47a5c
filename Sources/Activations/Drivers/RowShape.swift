/// Shape checks of the row functions (row-major, contiguous matrices), and
/// their threading: rows are split on a fixed grid, each row computed by one
/// task from start to end, so results do not depend on the thread count.
enum Rows {
  /// Element count of a rows x cols x depth array: `.size` when the product
  /// overflows or its bytes exceed PTRDIFF_MAX.
  @inline(__always)
  static func count<T>(_ rows: UInt, _ cols: UInt, _ depth: UInt = 1, of _: T.Type) throws(ActivationError) -> Int {
    try elementCount(try shapeProduct(rows, cols, depth), of: T.self)
  }

  /// Runs `body` over ranges of rows of `elementsPerRow` elements of `cost`
  /// units each (see `Parallel`).
  @inline(__always)
  static func forEachChunk(rows: Int, elementsPerRow: Int, cost: Int, _ body: (Range<Int>) -> Void) {
    let (product, overflow) = max(1, elementsPerRow).multipliedReportingOverflow(by: cost)
    let perRow = overflow ? Int.max : product
    let grain = max(1, Parallel.unitGrain / perRow)
    let threshold = (Parallel.unitThreshold - 1) / perRow + 1
    Parallel.forEachChunk(count: rows, grain: grain, threshold: threshold, body)
  }
}

/// Runs a row kernel on `rows` in the selected instruction-set build.
func runRows<T: ActivationScalar>(
  _ kernel: RowKernel, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
  _ rows: Range<Int>, _ cols: Int
) {
  ISA.kernels.row(
    kernel.rawValue, T.self == Double.self, UnsafeRawPointer(a), UnsafeRawPointer(b), UnsafeMutableRawPointer(out),
    rows.lowerBound, rows.upperBound, cols)
}
