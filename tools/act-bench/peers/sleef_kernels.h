/* sleef_kernels.h -- the SLEEF loops of the peer benchmark: one source,
 * sleef_loops.c, compiled once per instruction set and type (BITS 32 or 64,
 * ISA_AVX512 or ISA_AVX2), each object exporting one table; peer_sleef.c picks
 * the widest table the running CPU can execute. */
#ifndef ACT_BENCH_SLEEF_KERNELS_H
#define ACT_BENCH_SLEEF_KERNELS_H

#include <stddef.h>

/* One case: rows x cols elements (elementwise loops have rows = 1). */
typedef void (*sleef_loop)(const void *x, const void *dy, void *out, size_t rows, size_t cols, int threads);

typedef struct {
  const char *function, *direction;
  sleef_loop run;
} sleef_kernel;

typedef struct {
  const sleef_kernel *kernels;
  size_t count;
} sleef_kernel_table;

extern const sleef_kernel_table sleef_f32_avx512, sleef_f64_avx512, sleef_f32_avx2, sleef_f64_avx2;

#endif
