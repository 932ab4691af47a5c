// The shared-library target: it links the `Activations` module (whose `@c`
// functions are the C ABI) into libactivations.so with the link settings in
// Package.swift. It has no code of its own, and exists so that those settings
// (static Swift runtime, export list) apply to the .so only, not to the test
// executables, which link `Activations` with the toolchain's dynamic runtime.
import Activations
