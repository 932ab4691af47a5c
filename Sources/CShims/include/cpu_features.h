/* What the CPU can run, asked once by the instruction-set selection
 * (Sources/Activations/Runtime/ISA.swift). __builtin_cpu_supports reads
 * CPUID and, for AVX, whether the OS saves the wide registers. */
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

#endif
