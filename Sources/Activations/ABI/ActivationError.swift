/// The outcome of a call, mirroring `act_status` in include/activations.h
/// one to one; the raw values are part of the C ABI.
///
/// Inside the library, validation throws a status (typed throws, no
/// allocation); the C boundary converts it back to its raw value.
public struct ActivationError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The C status code (`act_status`).
  public let rawValue: Int32

  @inlinable init(rawValue: Int32) { self.rawValue = rawValue }

  /// A required pointer is NULL while there is work to do.
  /// The corresponding C status is `ACT_ERR_NULL_POINTER`.
  public static let nullPointer = ActivationError(rawValue: -1)
  /// A count or shape out of range.
  /// The corresponding C status is `ACT_ERR_SIZE`.
  public static let size = ActivationError(rawValue: -2)
  /// A parameter outside its domain.
  /// The corresponding C status is `ACT_ERR_PARAMETER`.
  public static let parameter = ActivationError(rawValue: -3)
  /// An output partially overlaps an input.
  /// The corresponding C status is `ACT_ERR_OVERLAP`.
  public static let overlap = ActivationError(rawValue: -4)
  /// A pointer not aligned to its element type.
  /// The corresponding C status is `ACT_ERR_ALIGNMENT`.
  public static let alignment = ActivationError(rawValue: -5)
  /// The library could not allocate its working memory (only the 16-bit
  /// row functions allocate: float scratch for a block of rows).
  /// The corresponding C status is `ACT_ERR_MEMORY`.
  public static let memory = ActivationError(rawValue: -6)

  /// The status's message, the text of `act_status_message`.
  public var description: String { String(cString: statusMessage(rawValue)) }
}

/// The C value of success (`ACT_OK`).
let statusOK: Int32 = 0

/// Runs a validated operation and converts its outcome to a C status.
@inline(__always)
func abiCall(_ body: () throws(ActivationError) -> Void) -> Int32 {
  do {
    try body()
    return statusOK
  } catch {
    return error.rawValue
  }
}

/// Static, NUL-terminated ASCII messages, one per status code.
func statusMessage(_ status: Int32) -> UnsafePointer<CChar> {
  let message: StaticString
  switch status {
  case 0: message = "ok"
  case -1: message = "null pointer: a required pointer is NULL"
  case -2: message = "size out of range: a count or shape is too large, overflows, or is inconsistent"
  case -3: message = "parameter out of domain: a parameter is NaN, infinite or otherwise invalid"
  case -4: message = "overlap: an output partially overlaps an input"
  case -5: message = "misaligned pointer: a pointer is not aligned to its element type"
  case -6: message = "out of memory: the library could not allocate its working memory"
  default: message = "unknown status"
  }
  return UnsafeRawPointer(message.utf8Start).assumingMemoryBound(to: CChar.self)
}
