/// Argument checks shared by every entry point, in the order the header
/// fixes: size, nothing-to-do, NULL, alignment, parameters, overlap.
/// Each check throws the status it stands for; none of them writes anything.

/// The number of elements `n` as an `Int`, if `n * size` fits in `ptrdiff_t`.
@inline(__always)
func elementCount<T>(_ n: UInt, of _: T.Type) throws(ActivationError) -> Int {
  guard n <= UInt(Int.max) / UInt(MemoryLayout<T>.stride) else { throw .size }
  return Int(n)
}

/// `a * b` (and `* c`), throwing `.size` when the product overflows `size_t`.
@inline(__always)
func shapeProduct(_ a: UInt, _ b: UInt, _ c: UInt = 1) throws(ActivationError) -> UInt {
  let (ab, o1) = a.multipliedReportingOverflow(by: b)
  let (abc, o2) = ab.multipliedReportingOverflow(by: c)
  guard !o1, !o2 else { throw .size }
  return abc
}

/// The pointer itself, or `.nullPointer`.
@inline(__always)
func nonNull<P>(_ p: P?) throws(ActivationError) -> P {
  guard let p else { throw .nullPointer }
  return p
}

/// Throws `.alignment` unless `p` is a multiple of `T`'s alignment.
@inline(__always)
func requireAligned<T>(_ p: UnsafePointer<T>) throws(ActivationError) {
  guard UInt(bitPattern: p) % UInt(MemoryLayout<T>.alignment) == 0 else { throw .alignment }
}

/// A byte range of memory touched by a call.
struct Region {
  let start: UInt
  let end: UInt

  @inline(__always)
  init<T>(_ p: UnsafePointer<T>, count: Int) {
    start = UInt(bitPattern: p)
    end = start &+ UInt(count) &* UInt(MemoryLayout<T>.stride)
  }

  @inline(__always)
  init<T>(_ p: UnsafeMutablePointer<T>, count: Int) {
    self.init(UnsafePointer(p), count: count)
  }

  /// True when `self` (an output) may be written while `input` is read:
  /// the two are disjoint, or they are exactly the same array (in place).
  @inline(__always)
  func isCompatible(withInput input: Region) -> Bool {
    (start == input.start && end == input.end) || end <= input.start || input.end <= start
  }
}

/// Throws `.overlap` unless `output` is compatible with every input.
@inline(__always)
func requireNoPartialOverlap(_ output: Region, _ a: Region, _ b: Region? = nil) throws(ActivationError) {
  guard output.isCompatible(withInput: a) else { throw .overlap }
  if let b, !output.isCompatible(withInput: b) { throw .overlap }
}
