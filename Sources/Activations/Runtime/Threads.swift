#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The process-wide thread setting behind `act_set_num_threads`.
///
/// `requested` is 0 in automatic mode, else the count the caller set
/// (clamped to [1, 1024]). Automatic mode uses ACTIVATIONS_NUM_THREADS when
/// it holds a positive integer (read once, at first use), else the number of
/// online CPUs.
enum Threads {
  static let maximum: Int32 = 1024
  static let requested = Atomic<Int32>(0)

  /// The automatic count, computed once (thread-safe lazy global).
  static let automatic: Int32 = {
    if let text = getenv("ACTIVATIONS_NUM_THREADS"), let value = Int32(String(cString: text)), value > 0 {
      return min(value, maximum)
    }
    let cpus = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return Int32(clamping: max(1, min(Int(maximum), cpus)))
  }()

  /// The effective count, >= 1.
  static var effective: Int32 {
    let value = requested.load(ordering: .relaxed)
    return value > 0 ? value : automatic
  }

  static func set(_ n: Int32) {
    requested.store(n <= 0 ? 0 : min(n, maximum), ordering: .relaxed)
  }
}

// MARK: - C ABI (include/activations.h, "Threads")

/// The C function `act_set_num_threads`, also the Swift API: the number of
/// threads of every later call in the process; n <= 0 returns to the automatic
/// count (ACTIVATIONS_NUM_THREADS, else the online CPUs), larger values are
/// clamped to 1024. Results do not depend on it.
@c(act_set_num_threads)
public func act_set_num_threads(_ n: Int32) {
  Threads.set(n)
}

/// The C function `act_get_num_threads`, also the Swift API: the number of
/// threads the next call may use (>= 1).
@c(act_get_num_threads)
public func act_get_num_threads() -> Int32 {
  Threads.effective
}
