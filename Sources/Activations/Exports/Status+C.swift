// MARK: - C ABI (include/activations.h, "Status codes, messages, version")

@c(act_status_message)
public func act_status_message(_ status: Int32) -> UnsafePointer<CChar> {
  statusMessage(status)
}

@c(act_version)
public func act_version() -> UnsafePointer<CChar> {
  UnsafeRawPointer(activationsVersion.utf8Start).assumingMemoryBound(to: CChar.self)
}
