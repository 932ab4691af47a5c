/* peer_xnnpack.c -- XNNPACK's operator API, float32 forward (it has no
 * backward and no float64), one peer of the peer benchmark (interface:
 * peer.h).  Each case is one operator created and set up once on the shared
 * buffers; a call is xnn_run_operator.  More than one thread runs on a
 * pthreadpool of that size. */
#define PEER_IMPLEMENTATION
#include "peer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <pthreadpool.h>
#include <xnnpack.h>

typedef struct {
  peer_handle base;
  xnn_operator_t op;
  pthreadpool_t pool;
} xnnpack_handle;

static int xnnpack_call(peer_handle *self) {
  xnnpack_handle *h = (xnnpack_handle *)self;
  return xnn_run_operator(h->op, h->pool) != xnn_status_success;
}

static void xnnpack_release(peer_handle *self) {
  xnnpack_handle *h = (xnnpack_handle *)self;
  if (h->op) xnn_delete_operator(h->op);
  if (h->pool) pthreadpool_destroy(h->pool);
}

void peer_set_threads(int32_t threads) { (void)threads; /* the pool is the case's own */ }

const char *peer_about(void) {
  /* The library reports no version; bench_peers.py adds the package's. */
  return "operator API; microkernels chosen at xnn_initialize from cpuinfo; pthreadpool threads";
}

/* Creates the operator of an elementwise case over n = batch contiguous floats. */
static enum xnn_status create_unary(const peer_case *c, xnn_operator_t *op) {
  const float inf = INFINITY;
  if (strcmp(c->function, "sigmoid") == 0) return xnn_create_sigmoid_nc_f32(1, 1, 1, 0, op);
  if (strcmp(c->function, "elu") == 0) return xnn_create_elu_nc_f32(1, 1, 1, 1.0f, 0, op);
  if (strcmp(c->function, "leaky_relu") == 0) return xnn_create_leaky_relu_nc_f32(1, 1, 1, 0.01f, 0, op);
  if (strcmp(c->function, "hardswish") == 0) return xnn_create_hardswish_nc_f32(1, 1, 1, 0, op);
  if (strcmp(c->function, "relu") == 0) return xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, inf, 0, op);
  if (strcmp(c->function, "relu6") == 0) return xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, 6.0f, 0, op);
  if (strcmp(c->function, "hardtanh") == 0) return xnn_create_clamp_nc_f32(1, 1, 1, -1.0f, 1.0f, 0, op);
  return xnn_status_unsupported_parameter;
}

static enum xnn_status setup_unary(const peer_case *c, xnn_operator_t op, pthreadpool_t pool) {
  size_t n = peer_elements(c);
  if (strcmp(c->function, "sigmoid") == 0) return xnn_setup_sigmoid_nc_f32(op, n, c->x, c->out, pool);
  if (strcmp(c->function, "elu") == 0) return xnn_setup_elu_nc_f32(op, n, c->x, c->out, pool);
  if (strcmp(c->function, "leaky_relu") == 0) return xnn_setup_leaky_relu_nc_f32(op, n, c->x, c->out, pool);
  if (strcmp(c->function, "hardswish") == 0) return xnn_setup_hardswish_nc_f32(op, n, c->x, c->out, pool);
  return xnn_setup_clamp_nc_f32(op, n, c->x, c->out, pool);
}

void *peer_prepare(const peer_case *c) {
  static int initialized;
  if (c->bits != 32 || strcmp(c->direction, "forward") != 0) return NULL;
  if (!initialized) {
    if (xnn_initialize(NULL) != xnn_status_success) return NULL;
    initialized = 1;
  }
  xnnpack_handle *h = calloc(1, sizeof *h);
  if (h == NULL) return NULL;
  h->base = (peer_handle){xnnpack_call, xnnpack_release, c->threads};
  if (c->threads > 1 && (h->pool = pthreadpool_create((size_t)c->threads)) == NULL) goto fail;
  if (strcmp(c->function, "softmax") == 0) {
    if (xnn_create_softmax_nc_f32(c->cols, c->cols, c->cols, 0, &h->op) != xnn_status_success ||
        xnn_setup_softmax_nc_f32(h->op, c->rows, c->x, c->out, h->pool) != xnn_status_success)
      goto fail;
  } else if (c->rows != 1 || create_unary(c, &h->op) != xnn_status_success ||
             setup_unary(c, h->op, h->pool) != xnn_status_success) {
    goto fail;
  }
  return peer_checked(&h->base);
fail:
  peer_release(h);
  return NULL;
}
