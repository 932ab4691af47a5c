// swift-tools-version:6.0
import PackageDescription

// A Swift program using libactivations' Swift API (`import Activations`).
// The dependency must be a local path: the library's KernelsAVX2 target is
// built with unsafeFlags (-march=x86-64-v3), which SwiftPM accepts only in
// root packages and path dependencies, not in dependencies fetched by URL.
//
//     swift run -c release     (from this directory; or `make test-swift-example`)
let package = Package(
  name: "ActivationsExample",
  dependencies: [
    .package(name: "libactivations", path: "../.."),
  ],
  targets: [
    .executableTarget(
      name: "ActivationsExample",
      dependencies: [.product(name: "Activations", package: "libactivations")]
    ),
  ]
)
