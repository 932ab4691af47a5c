#if canImport(Glibc)
import Glibc
#endif
import CShims
import KernelsAVX2
import KernelsAVX512

/// The instruction set the kernels run with, chosen once, and its kernels.
///
/// The kernels exist three times in the library, built from the same source
/// files: this module's, for the x86-64 baseline (SSE2); module KernelsAVX2,
/// for x86-64-v3 (AVX2 + FMA); and module KernelsAVX512, for x86-64-v4
/// (AVX-512 F, BW, DQ, VL), their sources symbolic links to this module's.
/// Every type in those files is a distinct type in each module, so no
/// specialization can be shared between two builds (Tests/C/check_isa.py
/// disassembles the library to keep it so). Every build rounds each fused
/// multiply-add once (vfmadd in the AVX builds, libm's fma/fmaf in the
/// baseline build, correctly rounded too and about 20 times slower) and runs
/// the same operations on the same 64-byte vectors (two ymm registers or one
/// zmm), so all three give the same bits.
///
/// The choice is the best the CPU supports; ACTIVATIONS_ISA (read once) may
/// lower it: `avx2` or `baseline` (`avx512`, or an unknown value, keeps the
/// CPU's choice). Each build exports one `kernelTable`; `kernels` is the
/// chosen one, which every driver calls through.
enum ISA: Int, Comparable {
  case baseline
  case avx2
  case avx512

  static let selected: ISA = {
    let best: ISA = actv_cpu_has_avx512() != 0 ? .avx512 : actv_cpu_has_avx2_fma() != 0 ? .avx2 : .baseline
    guard let text = getenv("ACTIVATIONS_ISA"), let requested = ISA(name: String(cString: text)) else {
      return best
    }
    return min(requested, best)
  }()

  /// The kernels of the selected build.
  static let kernels: KernelTable = {
    switch selected {
    case .baseline: kernelTable
    case .avx2: KernelsAVX2.kernelTable
    case .avx512: KernelsAVX512.kernelTable
    }
  }()

  init?(name: String) {
    switch name {
    case "baseline": self = .baseline
    case "avx2": self = .avx2
    case "avx512": self = .avx512
    default: return nil
    }
  }

  static func < (a: ISA, b: ISA) -> Bool { a.rawValue < b.rawValue }

  /// The name as static C string, for `act_isa`.
  var cName: UnsafePointer<CChar> {
    let name: StaticString =
      switch self {
      case .baseline: "baseline"
      case .avx2: "avx2"
      case .avx512: "avx512"
      }
    return UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
  }
}

// MARK: - C ABI (include/activations.h, "Instruction set")

/// The C function `act_isa`, also the Swift API: the instruction set the
/// kernels run on, "avx512", "avx2" or "baseline" (a static string;
/// ACTIVATIONS_ISA=avx2 or baseline lowers the choice).
@c(act_isa)
public func act_isa() -> UnsafePointer<CChar> {
  ISA.selected.cName
}
