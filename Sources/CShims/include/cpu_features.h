/* What the CPU can run, asked once by the instruction-set selection
 * (Sources/Activations/Runtime/ISA.swift). __builtin_cpu_supports reads
 * CPUID and, for AVX and AVX-512, whether the OS saves the wide registers. */
#ifndef ACTIVATIONS_CPU_FEATURES_H
#define ACTIVATIONS_CPU_FEATURES_H

/* 1 when AVX2 and FMA are usable (the x86-64-v3 kernels), else 0. */
static inline int actv_cpu_has_avx2_fma(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
  return 0;
#endif
}

/* 1 when the x86-64-v4 kernels can run: AVX-512 F, BW, DQ and VL, with AVX2
 * and FMA, else 0. */
static inline int actv_cpu_has_avx512(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  return actv_cpu_has_avx2_fma() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
#else
  return 0;
#endif
}

#endif
