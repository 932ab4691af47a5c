import Dispatch

/// Splits work over threads on a grid that depends only on the sizes.
///
/// `[0, count)` is cut into chunks of `grain` items; workers take chunks
/// w, w + workers, w + 2 workers, ... Which thread runs a chunk never changes
/// what the chunk computes, so results are bitwise identical for every thread
/// count. Below `threshold` items, or with one thread, the body runs inline
/// on the caller's thread.
enum Parallel {
  /// Work is counted in units of one relu element (a load, a compare, a
  /// store); each function declares its cost per element in units. Chunks
  /// hold about 128 Ki units and threads start at 1 Mi units. Measured with
  /// act-bench on this 2-core machine (float32, one vs two threads, el/ns):
  /// relu lost at 512 Ki elements (4.16 vs 4.39) and gained from 1 Mi (4.02
  /// vs 3.73; 4.36 vs 2.42 at 2 Mi); sigmoid broke even at 64 Ki (0.149 vs
  /// 0.152) and gained from 128 Ki (0.211 vs 0.140), hence a cost of 8 for
  /// the functions that evaluate exp with the kernels of that time; the
  /// native kernels since are about four times faster (cost 4, see
  /// `transcendentalCost`).
  static let unitGrain = 1 << 17
  static let unitThreshold = 1 << 20

  /// The chunk size for items of `cost` units: a multiple of 64 items (so
  /// of every vector width), at least 64.
  @inline(__always)
  static func grain(cost: Int) -> Int {
    max(64, (unitGrain / max(1, cost)) & ~63)
  }

  /// The smallest count of items of `cost` units worth splitting.
  @inline(__always)
  static func threshold(cost: Int) -> Int {
    max(1, unitThreshold / max(1, cost))
  }

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
