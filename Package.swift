// swift-tools-version:6.0
import PackageDescription

// libactivations: activation functions, their derivatives and backward passes,
// exported through a C ABI (include/activations.h) as libactivations.so.
//
// Link settings of the dynamic library, and why:
// - exports.map is a linker version script that keeps `act_*` as the only
//   dynamic symbols: the C functions are the whole public ABI.
// - `-static-stdlib` links the Swift runtime into the .so itself, so it needs
//   nothing but libc/libm/libstdc++/libgcc_s at load time and its RUNPATH is
//   `$ORIGIN`. A C program or Python's ctypes loads it with no
//   LD_LIBRARY_PATH, wherever the file is copied or installed; an rpath to
//   the toolchain's runtime would tie every user to that absolute path.
//   (Tests/C checks the loader view with `ldd` and a plain C program.)
// - `-soname` records libactivations.so.MAJOR (MAJOR of the file VERSION) in
//   the library, so programs linked against it ask for that name: the
//   installed file is libactivations.so.MAJOR.MINOR.PATCH, with the links
//   .so.MAJOR and .so beside it (`make install`). The build output keeps
//   the name libactivations.so. The line below is written from VERSION by
//   tools/gen-abi/generate.py (`--check` in `make test` fails when it is stale).
let soname = "libactivations.so.1"
let libraryLinkerSettings: [LinkerSetting] = [
  .unsafeFlags([
    "-Xlinker", "--version-script=\(Context.packageDirectory)/exports.map",
    "-Xlinker", "-soname=\(soname)",
    "-static-stdlib",
  ])
]

let package = Package(
  name: "libactivations",
  products: [
    // MARK: - Public products
    // libactivations.so: the C ABI (act_* symbols) of the Swift module below.
    .library(name: "activations", type: .dynamic, targets: ["LibActivations"]),
    // The Swift API for other Swift packages (`import Activations`), linked
    // into them (automatic: static unless they ask otherwise). The kernel
    // modules' unsafeFlags limit dependents to a local path dependency,
    // `.package(path: ...)`: see examples/swift.
    .library(name: "Activations", targets: ["Activations"]),
  ],
  targets: [
    // MARK: - Library
    // The Swift API (`import Activations`), the math, and the @c exports.
    .target(
      name: "Activations",
      dependencies: ["CShims", "KernelsAVX2", "KernelsAVX512"]
    ),
    // The kernels again, built for x86-64-v3 (AVX2 + FMA) and for x86-64-v4
    // (AVX-512 F, BW, DQ, VL): the same source files (symbolic links to
    // Sources/Activations' Functions, Elementary, Vector and Random
    // directories and to the shared driver files), each module exporting one
    // kernel table, chosen at run time when the CPU has the instructions
    // (Sources/Activations/Runtime/ISA.swift).
    .target(
      name: "KernelsAVX2",
      dependencies: ["CShims"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-march=x86-64-v3"])]
    ),
    .target(
      name: "KernelsAVX512",
      dependencies: ["CShims"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-march=x86-64-v4"])]
    ),
    // The shared library's own target: only link settings (see its source).
    .target(
      name: "LibActivations",
      dependencies: ["Activations"],
      linkerSettings: libraryLinkerSettings
    ),
    // Inline C helpers: vector conversions the Swift standard library only
    // offers as per-lane loops (float <-> double), and CPU feature checks.
    .target(name: "CShims"),

    // MARK: - Tests
    // Swift tests of the Swift API. The C and Python tests live beside them in
    // Tests/C and Tests/python and are run by `make test`.
    .testTarget(
      name: "ActivationsTests",
      dependencies: ["Activations"]
    ),
  ]
)
