import Dispatch

/// Splits work over threads on a grid that depends only on the sizes.
///
/// `[0, count)` is cut into chunks of `grain` items; workers take chunks
/// w, w + workers, w + 2 workers, ... Which thread runs a chunk never changes
/// what the chunk computes, so results are bitwise identical for every thread
/// count. Below `threshold` items, or with one thread, the body runs inline
/// on the caller's thread.
enum Parallel {
  /// Elementwise calls: chunks of 64 Ki elements (a multiple of every vector
  /// width), threads only from 512 Ki elements, where two threads were
  /// measured to beat one on this kind of machine.
  static let elementGrain = 1 << 16
  static let elementThreshold = 1 << 19

  @inline(__always)
  static func forEachChunk(
    count: Int, grain: Int, threshold: Int,
    _ body: (Range<Int>) -> Void
  ) {
    let chunks = (count - 1) / grain + 1
    let threads = Int(Threads.effective)
    guard count >= threshold, threads > 1, chunks > 1 else {
      body(0..<count)
      return
    }
    let workers = min(threads, chunks)
    withoutActuallyEscaping(body) { body in
      let shared = UncheckedSendable(body)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var chunk = worker
        while chunk < chunks {
          let start = chunk * grain
          shared.value(start..<min(count, start + grain))
          chunk += workers
        }
      }
    }
  }
}

/// Carries a value into a `@Sendable` closure. Used only for the chunk body,
/// whose writes go to disjoint ranges of the caller's output.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
