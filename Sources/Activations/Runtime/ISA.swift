#if canImport(Glibc)
import Glibc
#endif
import CShims

/// The instruction set the elementwise kernels run with, chosen once.
///
/// The kernels exist twice in the library: this module's, built for the
/// x86-64 baseline (SSE2), and module KernelsAVX2, the same source files
/// (symbolic links in Sources/KernelsAVX2) built for x86-64-v3 (AVX2 + FMA).
/// Every type in those files is a distinct type in each module, so no
/// specialization can be shared between the two builds (Tests/C/check_isa.sh
/// disassembles the library to keep it so). Both builds round every fused
/// multiply-add once (vfmadd in the AVX2 build, libm's fma/fmaf in the
/// baseline build, correctly rounded too and about 20 times slower), so
/// they give the same bits.
///
/// The choice is the best the CPU supports; ACTIVATIONS_ISA (read once)
/// may lower it: `baseline` or `avx2` (an unknown or higher value keeps the
/// CPU's choice). The elementwise kernels and the row kernels (softmax,
/// maxout) are dispatched alike (`elementwiseEntry`, `rowEntry`).
enum ISA: String {
  case baseline
  case avx2

  static let selected: ISA = {
    let best: ISA = actv_cpu_has_avx2_fma() != 0 ? .avx2 : .baseline
    guard let text = getenv("ACTIVATIONS_ISA"), let requested = ISA(rawValue: String(cString: text)) else {
      return best
    }
    return requested == .baseline ? .baseline : best
  }()

  /// The name as static C string, for `act_isa`.
  var cName: UnsafePointer<CChar> {
    let name: StaticString = self == .avx2 ? "avx2" : "baseline"
    return UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
  }
}

// MARK: - C ABI (include/activations.h, "Instruction set")

/// The C function `act_isa`, also the Swift API: the instruction set the
/// kernels run on, "avx2" or "baseline" (a static string; ACTIVATIONS_ISA=baseline
/// forces the baseline).
@c(act_isa)
public func act_isa() -> UnsafePointer<CChar> {
  ISA.selected.cName
}
