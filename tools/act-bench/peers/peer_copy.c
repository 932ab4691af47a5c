/* peer_copy.c -- the streaming ceilings of the peer benchmark (interface:
 * peer.h): the same bytes as a case moves, copied.  Function "memcpy": memcpy
 * of x to out (forward, two streams), or out = max(x, dy) with ordinary stores
 * (backward, three streams).  Function "ntcopy": the same with non-temporal
 * stores, which skip the cache.  One thread; the buffers are 64-byte aligned. */
#define PEER_IMPLEMENTATION
#include "peer.h"

#include <immintrin.h>
#include <stdlib.h>

typedef struct {
  peer_handle base;
  int streaming, backward;
  size_t bytes;
  peer_case c;
} copy_handle;

/* out = x (dy NULL) or max(x, dy), 32 bytes at a time; the tail by bytes.
 * Only called when the CPU has AVX2. */
__attribute__((target("avx2")))
static void copy(const peer_case *c, size_t bytes, int streaming) {
  const char *x = c->x, *dy = c->dy;
  char *out = c->out;
  size_t i = 0;
  for (; i + 32 <= bytes; i += 32) {
    __m256 v = _mm256_load_ps((const float *)(x + i));
    if (dy) v = _mm256_max_ps(v, _mm256_load_ps((const float *)(dy + i)));
    if (streaming)
      _mm256_stream_ps((float *)(out + i), v);
    else
      _mm256_store_ps((float *)(out + i), v);
  }
  for (; i < bytes; i++) out[i] = dy && dy[i] > x[i] ? dy[i] : x[i];
  if (streaming) _mm_sfence();
}

static int copy_call(peer_handle *self) {
  copy_handle *h = (copy_handle *)self;
  if (!h->streaming && !h->backward)
    memcpy(h->c.out, h->c.x, h->bytes);
  else
    copy(&h->c, h->bytes, h->streaming);
  return 0;
}

void peer_set_threads(int32_t threads) { (void)threads; }

const char *peer_about(void) { return "memcpy and AVX2 non-temporal stores; one thread"; }

void *peer_prepare(const peer_case *c) {
  int streaming = strcmp(c->function, "ntcopy") == 0;
  if (!streaming && strcmp(c->function, "memcpy") != 0) return NULL;
  __builtin_cpu_init();
  if (!__builtin_cpu_supports("avx2")) return NULL;
  copy_handle *h = calloc(1, sizeof *h);
  if (h == NULL) return NULL;
  h->base = (peer_handle){copy_call, NULL, 1};
  h->streaming = streaming;
  h->backward = strcmp(c->direction, "backward") == 0;
  h->bytes = peer_elements(c) * (size_t)(c->bits / 8);
  h->c = *c;
  if (!h->backward) h->c.dy = NULL;
  return peer_checked(&h->base);
}
