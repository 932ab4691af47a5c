/* peer_sleef.c -- loops around SLEEF's u10 vector functions (sleef_loops.c),
 * float32 and float64, forward and backward: one peer of the peer benchmark
 * (interface: peer.h).  It runs the AVX-512 loops when the CPU has avx512f
 * and avx512dq, else the AVX2 ones (avx2 and fma), else offers nothing, so it
 * never executes an instruction the CPU lacks. */
#define PEER_IMPLEMENTATION
#include "peer.h"

#include <stdio.h>
#include <stdlib.h>

#include <sleef.h>

#include "sleef_kernels.h"

typedef struct {
  peer_handle base;
  sleef_loop run;
  peer_case c;
} sleef_handle;

static int sleef_call(peer_handle *self) {
  sleef_handle *h = (sleef_handle *)self;
  h->run(h->c.x, h->c.dy, h->c.out, h->c.rows, h->c.cols, h->c.threads);
  return 0;
}

void peer_set_threads(int32_t threads) { (void)threads; /* each loop's num_threads clause */ }

static const char *isa(void) {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return "avx512";
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return "avx2";
  return NULL;
}

const char *peer_about(void) {
  static char about[96];
  snprintf(about, sizeof about, "%d.%d.%d; ISA %s (u10 functions); OpenMP threads", SLEEF_VERSION_MAJOR,
           SLEEF_VERSION_MINOR, SLEEF_VERSION_PATCHLEVEL, isa() ? isa() : "none");
  return about;
}

void *peer_prepare(const peer_case *c) {
  const char *name = isa();
  if (name == NULL) return NULL;
  int wide = strcmp(name, "avx512") == 0;
  const sleef_kernel_table *table = c->bits == 32 ? (wide ? &sleef_f32_avx512 : &sleef_f32_avx2)
                                                  : (wide ? &sleef_f64_avx512 : &sleef_f64_avx2);
  for (size_t k = 0; k < table->count; k++) {
    if (!peer_is(c, table->kernels[k].function, table->kernels[k].direction)) continue;
    sleef_handle *h = calloc(1, sizeof *h);
    if (h == NULL) return NULL;
    h->base = (peer_handle){sleef_call, NULL, c->threads};
    h->run = table->kernels[k].run;
    h->c = *c;
    return peer_checked(&h->base);
  }
  return NULL;
}
