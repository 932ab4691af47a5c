/* peer_ours.c -- libactivations through its C header, as a C program calls it
 * (one peer of the peer benchmark; the interface is peer.h). */
#define PEER_IMPLEMENTATION
#include "peer.h"

#include <stdio.h>
#include <stdlib.h>

#include "activations.h"

/* One call of a case: x (or y), dy, out, rows, cols. */
typedef act_status (*entry)(const void *x, const void *dy, void *out, size_t rows, size_t cols);

/* Elementwise functions: forward, derivative and backward in f32 and f64,
 * with the parameter list (leading comma included) of each type. */
#define ELEMENTWISE(name, p32, p64)                                                                  \
  static act_status name##_forward_32(const void *x, const void *g, void *y, size_t r, size_t n) {  \
    (void)g, (void)r;                                                                               \
    return act_##name##_f32(x, y, n p32);                                                          \
  }                                                                                                 \
  static act_status name##_derivative_32(const void *x, const void *g, void *y, size_t r, size_t n) { \
    (void)g, (void)r;                                                                               \
    return act_##name##_derivative_f32(x, y, n p32);                                               \
  }                                                                                                 \
  static act_status name##_backward_32(const void *x, const void *g, void *y, size_t r, size_t n) { \
    (void)r;                                                                                        \
    return act_##name##_backward_f32(x, g, y, n p32);                                              \
  }                                                                                                 \
  static act_status name##_forward_64(const void *x, const void *g, void *y, size_t r, size_t n) {  \
    (void)g, (void)r;                                                                               \
    return act_##name##_f64(x, y, n p64);                                                          \
  }                                                                                                 \
  static act_status name##_derivative_64(const void *x, const void *g, void *y, size_t r, size_t n) { \
    (void)g, (void)r;                                                                               \
    return act_##name##_derivative_f64(x, y, n p64);                                               \
  }                                                                                                 \
  static act_status name##_backward_64(const void *x, const void *g, void *y, size_t r, size_t n) { \
    (void)r;                                                                                        \
    return act_##name##_backward_f64(x, g, y, n p64);                                              \
  }

/* Row functions: forward x -> y, backward (y, dy) -> dx. */
#define ROWS(name)                                                                                  \
  static act_status name##_forward_32(const void *x, const void *g, void *y, size_t r, size_t c) {  \
    (void)g;                                                                                        \
    return act_##name##_f32(x, y, r, c);                                                           \
  }                                                                                                 \
  static act_status name##_backward_32(const void *y, const void *g, void *dx, size_t r, size_t c) { \
    return act_##name##_backward_f32(y, g, dx, r, c);                                              \
  }                                                                                                 \
  static act_status name##_forward_64(const void *x, const void *g, void *y, size_t r, size_t c) {  \
    (void)g;                                                                                        \
    return act_##name##_f64(x, y, r, c);                                                           \
  }                                                                                                 \
  static act_status name##_backward_64(const void *y, const void *g, void *dx, size_t r, size_t c) { \
    return act_##name##_backward_f64(y, g, dx, r, c);                                              \
  }

/* Parameter lists, with their leading comma: PyTorch's defaults. */
#define NONE
#define SLOPE_32 , 0.01f
#define SLOPE_64 , 0.01
#define ALPHA_32 , 1.0f
#define ALPHA_64 , 1.0
#define SOFTPLUS_32 , 1.0f, 20.0f
#define SOFTPLUS_64 , 1.0, 20.0
#define HARDTANH_32 , -1.0f, 1.0f
#define HARDTANH_64 , -1.0, 1.0
ELEMENTWISE(sigmoid, NONE, NONE)
ELEMENTWISE(tanh, NONE, NONE)
ELEMENTWISE(relu, NONE, NONE)
ELEMENTWISE(leaky_relu, SLOPE_32, SLOPE_64)
ELEMENTWISE(elu, ALPHA_32, ALPHA_64)
ELEMENTWISE(gelu, NONE, NONE)
ELEMENTWISE(gelu_tanh, NONE, NONE)
ELEMENTWISE(silu, NONE, NONE)
ELEMENTWISE(softplus, SOFTPLUS_32, SOFTPLUS_64)
ELEMENTWISE(mish, NONE, NONE)
ELEMENTWISE(hardswish, NONE, NONE)
ELEMENTWISE(hardsigmoid, NONE, NONE)
ELEMENTWISE(selu, NONE, NONE)
ELEMENTWISE(celu, ALPHA_32, ALPHA_64)
ELEMENTWISE(softsign, NONE, NONE)
ELEMENTWISE(relu6, NONE, NONE)
ELEMENTWISE(hardtanh, HARDTANH_32, HARDTANH_64)
ROWS(softmax)
ROWS(log_softmax)

#define ENTRY(name, direction) \
  {#name, #direction, name##_##direction##_32, name##_##direction##_64}
#define ELEMENTWISE_ENTRIES(name) ENTRY(name, forward), ENTRY(name, derivative), ENTRY(name, backward)

static const struct {
  const char *function, *direction;
  entry f32, f64;
} ENTRIES[] = {
    ELEMENTWISE_ENTRIES(sigmoid),  ELEMENTWISE_ENTRIES(tanh),        ELEMENTWISE_ENTRIES(relu),
    ELEMENTWISE_ENTRIES(leaky_relu), ELEMENTWISE_ENTRIES(elu),       ELEMENTWISE_ENTRIES(gelu),
    ELEMENTWISE_ENTRIES(gelu_tanh), ELEMENTWISE_ENTRIES(silu),       ELEMENTWISE_ENTRIES(softplus),
    ELEMENTWISE_ENTRIES(mish),     ELEMENTWISE_ENTRIES(hardswish),   ELEMENTWISE_ENTRIES(hardsigmoid),
    ELEMENTWISE_ENTRIES(selu),     ELEMENTWISE_ENTRIES(celu),        ELEMENTWISE_ENTRIES(softsign),
    ELEMENTWISE_ENTRIES(relu6),    ELEMENTWISE_ENTRIES(hardtanh),
    ENTRY(softmax, forward),       ENTRY(softmax, backward),
    ENTRY(log_softmax, forward),   ENTRY(log_softmax, backward),
};

typedef struct {
  peer_handle base;
  entry function;
  peer_case c;
} ours_handle;

static int ours_call(peer_handle *self) {
  ours_handle *h = (ours_handle *)self;
  return h->function(h->c.x, h->c.dy, h->c.out, h->c.rows, h->c.cols) != ACT_OK;
}

void peer_set_threads(int32_t threads) { act_set_num_threads(threads); }

const char *peer_about(void) {
  static char about[64];
  snprintf(about, sizeof about, "%s; ISA %s", act_version(), act_isa());
  return about;
}

void *peer_prepare(const peer_case *c) {
  for (size_t k = 0; k < sizeof ENTRIES / sizeof ENTRIES[0]; k++) {
    if (!peer_is(c, ENTRIES[k].function, ENTRIES[k].direction)) continue;
    ours_handle *h = calloc(1, sizeof *h);
    if (h == NULL) return NULL;
    h->base = (peer_handle){ours_call, NULL, c->threads};
    h->function = c->bits == 32 ? ENTRIES[k].f32 : ENTRIES[k].f64;
    h->c = *c;
    return peer_checked(&h->base);
  }
  return NULL;
}
