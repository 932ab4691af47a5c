/* peer_onednn.c -- oneDNN's eltwise and softmax primitives, forward and
 * backward, float32 (its CPU engine has no float64 eltwise), through its C API
 * (one peer of the peer benchmark; the interface is peer.h).  Each case is one
 * primitive created once, with its memory objects bound to the shared buffers;
 * a call is dnnl_primitive_execute and dnnl_stream_wait.  Backward passes are
 * the ones that start from x (not the *_use_dst_for_bwd forms). */
#define PEER_IMPLEMENTATION
#include "peer.h"

#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#include <oneapi/dnnl/dnnl.h>

/* function -> algorithm and its alpha, beta (PyTorch's defaults). */
static const struct {
  const char *function;
  dnnl_alg_kind_t alg;
  float alpha, beta;
} ELTWISE[] = {
    {"sigmoid", dnnl_eltwise_logistic, 0, 0},
    {"tanh", dnnl_eltwise_tanh, 0, 0},
    {"relu", dnnl_eltwise_relu, 0, 0},
    {"leaky_relu", dnnl_eltwise_relu, 0.01f, 0},
    {"elu", dnnl_eltwise_elu, 1, 0},
    {"gelu", dnnl_eltwise_gelu_erf, 0, 0},
    {"gelu_tanh", dnnl_eltwise_gelu_tanh, 0, 0},
    {"silu", dnnl_eltwise_swish, 1, 0},
    {"softplus", dnnl_eltwise_soft_relu, 0, 0}, /* log(1 + e^x), no threshold */
    {"mish", dnnl_eltwise_mish, 0, 0},
    {"hardswish", dnnl_eltwise_hardswish, 0, 0},
    {"relu6", dnnl_eltwise_bounded_relu, 6, 0},
    {"hardtanh", dnnl_eltwise_clip, -1, 1},
};

typedef struct {
  peer_handle base;
  dnnl_primitive_t primitive;
  dnnl_memory_t memory[3];
  dnnl_exec_arg_t args[3];
  int nargs;
} onednn_handle;

static dnnl_engine_t engine;
static dnnl_stream_t stream;

static int onednn_call(peer_handle *self) {
  onednn_handle *h = (onednn_handle *)self;
  if (dnnl_primitive_execute(h->primitive, stream, h->nargs, h->args) != dnnl_success) return 1;
  return dnnl_stream_wait(stream) != dnnl_success;
}

static void onednn_release(peer_handle *self) {
  onednn_handle *h = (onednn_handle *)self;
  if (h->primitive) dnnl_primitive_destroy(h->primitive);
  for (int k = 0; k < h->nargs; k++)
    if (h->memory[k]) dnnl_memory_destroy(h->memory[k]);
}

void peer_set_threads(int32_t threads) { omp_set_num_threads(threads); }

static const char *isa_name(dnnl_cpu_isa_t isa) {
  switch (isa) {
  case dnnl_cpu_isa_sse41: return "sse41";
  case dnnl_cpu_isa_avx: return "avx";
  case dnnl_cpu_isa_avx2: return "avx2";
  case dnnl_cpu_isa_avx2_vnni: return "avx2_vnni";
  case dnnl_cpu_isa_avx512_core: return "avx512_core";
  case dnnl_cpu_isa_avx512_core_vnni: return "avx512_core_vnni";
  case dnnl_cpu_isa_avx512_core_bf16: return "avx512_core_bf16";
  case dnnl_cpu_isa_avx512_core_amx: return "avx512_core_amx";
  default: return "other";
  }
}

const char *peer_about(void) {
  static char about[96];
  const dnnl_version_t *v = dnnl_version();
  snprintf(about, sizeof about, "%d.%d.%d; ISA %s; OpenMP threads", v->major, v->minor, v->patch,
           isa_name(dnnl_get_effective_cpu_isa()));
  return about;
}

static int ready(void) {
  if (engine) return 1;
  if (dnnl_engine_create(&engine, dnnl_cpu, 0) != dnnl_success) return 0;
  if (dnnl_stream_create(&stream, engine, dnnl_stream_default_flags) != dnnl_success) return 0;
  return 1;
}

/* Binds `pointer` as argument `arg` of the handle. */
static int bind(onednn_handle *h, int arg, const dnnl_memory_desc_t *md, const void *pointer) {
  int k = h->nargs;
  if (dnnl_memory_create(&h->memory[k], md, engine, (void *)pointer) != dnnl_success) return 0;
  h->args[k] = (dnnl_exec_arg_t){arg, h->memory[k]};
  h->nargs++;
  return 1;
}

/* The primitive of a descriptor (with the forward primitive descriptor as the
 * hint of a backward one). */
static int create(onednn_handle *h, const void *desc, const_dnnl_primitive_desc_t hint) {
  dnnl_primitive_desc_t pd;
  if (dnnl_primitive_desc_create(&pd, desc, NULL, engine, hint) != dnnl_success) return 0;
  dnnl_status_t s = dnnl_primitive_create(&h->primitive, pd);
  dnnl_primitive_desc_destroy(pd);
  return s == dnnl_success;
}

static int prepare_eltwise(onednn_handle *h, const peer_case *c, dnnl_alg_kind_t alg, float alpha, float beta,
                           const dnnl_memory_desc_t *md) {
  dnnl_eltwise_desc_t forward;
  int backward = strcmp(c->direction, "backward") == 0;
  if (dnnl_eltwise_forward_desc_init(&forward, backward ? dnnl_forward_training : dnnl_forward_inference, alg,
                                     md, alpha, beta) != dnnl_success)
    return 0;
  if (!backward) return create(h, &forward, NULL) && bind(h, DNNL_ARG_SRC, md, c->x) &&
                        bind(h, DNNL_ARG_DST, md, c->out);
  dnnl_primitive_desc_t hint;
  if (dnnl_primitive_desc_create(&hint, &forward, NULL, engine, NULL) != dnnl_success) return 0;
  dnnl_eltwise_desc_t desc;
  int ok = dnnl_eltwise_backward_desc_init(&desc, alg, md, md, alpha, beta) == dnnl_success &&
           create(h, &desc, hint);
  dnnl_primitive_desc_destroy(hint);
  return ok && bind(h, DNNL_ARG_SRC, md, c->x) && bind(h, DNNL_ARG_DIFF_DST, md, c->dy) &&
         bind(h, DNNL_ARG_DIFF_SRC, md, c->out);
}

/* softmax and log_softmax over the last axis; backward from y = the forward output. */
static int prepare_softmax(onednn_handle *h, const peer_case *c, int logarithm, const dnnl_memory_desc_t *md) {
  int backward = strcmp(c->direction, "backward") == 0;
  dnnl_softmax_desc_t forward, desc;
  dnnl_logsoftmax_desc_t log_forward, log_desc;
  dnnl_prop_kind_t prop = backward ? dnnl_forward_training : dnnl_forward_inference;
  const void *forward_desc = logarithm ? (const void *)&log_forward : (const void *)&forward;
  if ((logarithm ? dnnl_logsoftmax_forward_desc_init(&log_forward, prop, md, 1)
                 : dnnl_softmax_forward_desc_init(&forward, prop, md, 1)) != dnnl_success)
    return 0;
  if (!backward) return create(h, forward_desc, NULL) && bind(h, DNNL_ARG_SRC, md, c->x) &&
                        bind(h, DNNL_ARG_DST, md, c->out);
  dnnl_primitive_desc_t hint;
  if (dnnl_primitive_desc_create(&hint, forward_desc, NULL, engine, NULL) != dnnl_success) return 0;
  int ok = (logarithm ? dnnl_logsoftmax_backward_desc_init(&log_desc, md, md, 1)
                      : dnnl_softmax_backward_desc_init(&desc, md, md, 1)) == dnnl_success &&
           create(h, logarithm ? (const void *)&log_desc : (const void *)&desc, hint);
  dnnl_primitive_desc_destroy(hint);
  return ok && bind(h, DNNL_ARG_DST, md, c->x) && bind(h, DNNL_ARG_DIFF_DST, md, c->dy) &&
         bind(h, DNNL_ARG_DIFF_SRC, md, c->out);
}

void *peer_prepare(const peer_case *c) {
  if (c->bits != 32 || strcmp(c->direction, "derivative") == 0 || !ready()) return NULL;
  int softmax = strcmp(c->function, "softmax") == 0, log_softmax = strcmp(c->function, "log_softmax") == 0;
  int eltwise = -1;
  for (size_t k = 0; k < sizeof ELTWISE / sizeof ELTWISE[0]; k++)
    if (strcmp(c->function, ELTWISE[k].function) == 0) eltwise = (int)k;
  if (eltwise < 0 && !softmax && !log_softmax) return NULL;

  onednn_handle *h = calloc(1, sizeof *h);
  if (h == NULL) return NULL;
  h->base = (peer_handle){onednn_call, onednn_release, c->threads};
  dnnl_memory_desc_t md;
  dnnl_dims_t dims = {(dnnl_dim_t)c->rows, (dnnl_dim_t)c->cols};
  int ok = dnnl_memory_desc_init_by_tag(&md, 2, dims, dnnl_f32, dnnl_ab) == dnnl_success;
  peer_set_threads(c->threads); /* primitives may size their scratch by the thread count */
  if (ok && eltwise >= 0)
    ok = prepare_eltwise(h, c, ELTWISE[eltwise].alg, ELTWISE[eltwise].alpha, ELTWISE[eltwise].beta, &md);
  else if (ok)
    ok = prepare_softmax(h, c, log_softmax, &md);
  if (!ok) {
    peer_release(h);
    return NULL;
  }
  return peer_checked(&h->base);
}
