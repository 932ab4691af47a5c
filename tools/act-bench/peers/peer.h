/* peer.h -- the small C interface every compiled peer of the peer benchmark
 * implements (tools/act-bench/bench_peers.py loads each peer_*.so with ctypes
 * and drives them all in one process, on the same buffers).
 *
 * A case is one function, one direction, one type and one shape:
 *   function   "sigmoid", "gelu", "softmax", ... (bench_peers.py's ROWS names)
 *   direction  "forward", "derivative" or "backward"
 *   bits       32 (float) or 64 (double)
 *   rows, cols elementwise cases have rows = 1 and cols = n; softmax and
 *              log_softmax run over each of `rows` rows of `cols` elements
 *   threads    the number of threads the peer may use (1, or all CPUs)
 *   x, dy, out the input (for softmax backward: the forward output y), the
 *              incoming gradient (backward only) and the output buffer.
 *              Every buffer is 64-byte aligned.
 * Parameters are PyTorch's defaults: leaky_relu slope 0.01, elu and celu
 * alpha 1, softplus beta 1 (threshold 20 where a peer has one), hardtanh
 * [-1, 1], relu6 [0, 6].
 *
 * A peer prepares a case once (primitive or operator created, buffers bound),
 * then peer_run calls it back to back.  peer_prepare returns NULL when the
 * peer does not offer the case, or when its one checking call fails.
 */
#ifndef ACT_BENCH_PEER_H
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#define ACT_BENCH_PEER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

typedef struct peer_case {
  const char *function;
  const char *direction;
  int32_t bits;
  size_t rows, cols;
  int32_t threads;
  const void *x;
  const void *dy;
  void *out;
} peer_case;

/* Every peer's prepared case starts with this: `call` runs the case once and
 * returns 0 on success.  A peer's handle embeds it as its first member. */
typedef struct peer_handle peer_handle;
struct peer_handle {
  int (*call)(peer_handle *self);
  void (*release)(peer_handle *self);
  int32_t threads;
};

/* The exported interface of a peer module. */
const char *peer_about(void);                 /* "VERSION; ISA ..." (static storage) */
void *peer_prepare(const peer_case *c);       /* NULL: not offered here */
int64_t peer_run(void *handle, int64_t calls); /* nanoseconds for `calls` calls; < 0 on failure */
void peer_release(void *handle);

/* Peers set their thread count before each timed run (some settings are
 * process-wide and another peer may have changed them since). */
void peer_set_threads(int32_t threads);

static inline int peer_is(const peer_case *c, const char *function, const char *direction) {
  return strcmp(c->function, function) == 0 && strcmp(c->direction, direction) == 0;
}

static inline size_t peer_elements(const peer_case *c) { return c->rows * c->cols; }

/* The shared timing loop, compiled into each module (define PEER_IMPLEMENTATION
 * in exactly one source file of the module). */
#ifdef PEER_IMPLEMENTATION
#include <stdlib.h>

static int64_t peer_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

int64_t peer_run(void *handle, int64_t calls) {
  peer_handle *h = handle;
  peer_set_threads(h->threads);
  int failed = 0;
  int64_t start = peer_now_ns();
  for (int64_t i = 0; i < calls; i++) failed |= h->call(h);
  int64_t elapsed = peer_now_ns() - start;
  return failed ? -1 : elapsed;
}

void peer_release(void *handle) {
  peer_handle *h = handle;
  if (h == NULL) return;
  if (h->release) h->release(h);
  free(h);
}

/* Checks the prepared case with one call; frees it and returns NULL if that fails. */
static void *peer_checked(peer_handle *h) {
  if (h == NULL) return NULL;
  peer_set_threads(h->threads);
  if (h->call(h) != 0) {
    peer_release(h);
    return NULL;
  }
  return h;
}
#endif

#endif
