// MARK: - C ABI (include/activations.h, "Status codes, messages, version")

/// The C function `act_status_message`: a static message for a status code
/// ("unknown status" for other values). Swift code reads
/// `ActivationError.description` instead.
@c(act_status_message)
public func act_status_message(_ status: Int32) -> UnsafePointer<CChar> {
  statusMessage(status)
}

/// The C function `act_version`: the library's semantic version, "MAJOR.MINOR.PATCH"
/// (a static string; `activationsVersion` in Swift).
@c(act_version)
public func act_version() -> UnsafePointer<CChar> {
  UnsafeRawPointer(activationsVersion.utf8Start).assumingMemoryBound(to: CChar.self)
}
