/* act-bench: throughput of every libactivations entry point, beside the
 * streaming ceilings of this machine measured in the same run.
 *
 * For each function x direction x type x size x thread count it prints the
 * elements processed per nanosecond (types f32 and f64 at every size; the
 * half-precision f16 and bf16 -- every elementwise function and softmax's
 * forward -- at the smallest and the largest size, for bench.py's ratio to
 * f32 in the same run) (median of interleaved repeats, with
 * the minimum and maximum), and the two ceilings for the same bytes: memcpy
 * and a copy with non-temporal stores (three streams -- two reads, one
 * non-temporal write -- for backward, which reads x and dy). Output is TSV
 * on stdout, one row per case, for tools/act-bench/bench.py to merge with
 * the numpy timings. No test asserts any of these numbers.
 *
 *   act-bench [--samples S] [--min-ms M] [--sizes a,b,c] [--quick]
 */
#define _GNU_SOURCE /* clock_gettime */
#include <emmintrin.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "activations.h"

/* ---- entry points with a uniform signature ------------------------------- */

/* in: x (or softmax's y for backward), g: dy; out; n elements of x;
 * cols: row length (softmax) or group size (maxout). */
typedef act_status (*entry)(const void *in, const void *g, void *out, size_t n, size_t cols);

#define UNARY(name, params32, params64)                                                                     \
  static act_status name##_f_f32(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_##name##_f32(x, y, n params32);                                                              \
  }                                                                                                         \
  static act_status name##_d_f32(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_##name##_derivative_f32(x, y, n params32);                                                   \
  }                                                                                                         \
  static act_status name##_b_f32(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)c;                                                                                                \
    return act_##name##_backward_f32(x, g, y, n params32);                                                  \
  }                                                                                                         \
  static act_status name##_f_f64(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_##name##_f64(x, y, n params64);                                                              \
  }                                                                                                         \
  static act_status name##_d_f64(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_##name##_derivative_f64(x, y, n params64);                                                   \
  }                                                                                                         \
  static act_status name##_b_f64(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)c;                                                                                                \
    return act_##name##_backward_f64(x, g, y, n params64);                                                  \
  }                                                                                                         \
  HALF_UNARY(name, f16, params32)                                                                           \
  HALF_UNARY(name, bf16, params32)

/* The half-precision entry points take the f32 parameters (floats); the
 * parameter list, with its leading comma, arrives as the variable arguments. */
#define HALF_UNARY(name, t, ...)                                                                            \
  static act_status name##_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_##name##_##t(x, y, n __VA_ARGS__);                                                           \
  }                                                                                                         \
  static act_status name##_d_##t(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_##name##_derivative_##t(x, y, n __VA_ARGS__);                                                \
  }                                                                                                         \
  static act_status name##_b_##t(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)c;                                                                                                \
    return act_##name##_backward_##t(x, g, y, n __VA_ARGS__);                                               \
  }

/* Parameter lists (with their leading comma) of the benchmarked calls:
 * PyTorch's defaults; rrelu in training mode. */
#define NO_PARAMETERS
#define LEAKY_F32 , 0.01f
#define LEAKY_F64 , 0.01
#define ELU_F32 , 1.0f
#define ELU_F64 , 1.0
#define RRELU_F32 , 0.125f, 1.0f / 3, 1, 42u
#define RRELU_F64 , 0.125, 1.0 / 3, 1, 42u
UNARY(sigmoid, NO_PARAMETERS, NO_PARAMETERS)
UNARY(tanh, NO_PARAMETERS, NO_PARAMETERS)
UNARY(relu, NO_PARAMETERS, NO_PARAMETERS)
UNARY(leaky_relu, LEAKY_F32, LEAKY_F64)
UNARY(elu, ELU_F32, ELU_F64)
UNARY(rrelu, RRELU_F32, RRELU_F64)
UNARY(silu, NO_PARAMETERS, NO_PARAMETERS)
UNARY(gelu_tanh, NO_PARAMETERS, NO_PARAMETERS)
UNARY(mish, NO_PARAMETERS, NO_PARAMETERS)
UNARY(selu, NO_PARAMETERS, NO_PARAMETERS)
UNARY(hardswish, NO_PARAMETERS, NO_PARAMETERS)
UNARY(softsign, NO_PARAMETERS, NO_PARAMETERS)
#define SOFTPLUS_F32 , 1.0f, 20.0f
#define SOFTPLUS_F64 , 1.0, 20.0
UNARY(gelu, NO_PARAMETERS, NO_PARAMETERS)
UNARY(softplus, SOFTPLUS_F32, SOFTPLUS_F64)
UNARY(logsigmoid, NO_PARAMETERS, NO_PARAMETERS)
UNARY(tanhshrink, NO_PARAMETERS, NO_PARAMETERS)
UNARY(celu, ELU_F32, ELU_F64)
#define HARDTANH_F32 , -1.0f, 1.0f
#define HARDTANH_F64 , -1.0, 1.0
#define LAMBD_F32 , 0.5f
#define LAMBD_F64 , 0.5
#define THRESHOLD_F32 , 0.1f, 0.0f
#define THRESHOLD_F64 , 0.1, 0.0
UNARY(hardtanh, HARDTANH_F32, HARDTANH_F64)
UNARY(relu6, NO_PARAMETERS, NO_PARAMETERS)
UNARY(hardsigmoid, NO_PARAMETERS, NO_PARAMETERS)
UNARY(softshrink, LAMBD_F32, LAMBD_F64)
UNARY(hardshrink, LAMBD_F32, LAMBD_F64)
UNARY(threshold, THRESHOLD_F32, THRESHOLD_F64)
UNARY(swish, ELU_F32, ELU_F64)

#define ROWS(T, t)                                                                                          \
  static act_status softmax_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {             \
    (void)g;                                                                                                \
    return act_softmax_##t(x, y, n / c, c);                                                                 \
  }                                                                                                         \
  static act_status softmax_b_##t(const void *y, const void *g, void *dx, size_t n, size_t c) {            \
    return act_softmax_backward_##t(y, g, dx, n / c, c);                                                    \
  }                                                                                                         \
  static act_status maxout_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g;                                                                                                \
    return act_maxout_##t(x, y, 1, n / c, c);                                                               \
  }                                                                                                         \
  static act_status maxout_d_##t(const void *x, const void *g, void *d, size_t n, size_t c) {              \
    (void)g;                                                                                                \
    return act_maxout_derivative_##t(x, d, 1, n / c, c);                                                    \
  }                                                                                                         \
  static act_status maxout_b_##t(const void *x, const void *g, void *dx, size_t n, size_t c) {             \
    return act_maxout_backward_##t(x, g, dx, 1, n / c, c);                                                  \
  }                                                                                                         \
  static act_status prelu_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {               \
    static const T weight[64] = {0.25};                                                                     \
    (void)g, (void)c;                                                                                       \
    return act_prelu_##t(x, y, n / 64, 64, weight, 64);                                                     \
  }                                                                                                         \
  static act_status swiglu_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {              \
    (void)g, (void)c;                                                                                       \
    return act_swiglu_##t(x, y, n / 2048, 1024);                                                            \
  }                                                                                                         \
  static act_status glu_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {                 \
    (void)g, (void)c;                                                                                       \
    return act_glu_##t(x, y, n / 2048, 1024);                                                               \
  }                                                                                                         \
  static act_status geglu_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {               \
    (void)g, (void)c;                                                                                       \
    return act_geglu_##t(x, y, n / 2048, 1024);                                                             \
  }                                                                                                         \
  static act_status log_softmax_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {         \
    (void)g;                                                                                                \
    return act_log_softmax_##t(x, y, n / c, c);                                                             \
  }
ROWS(float, f32)
ROWS(double, f64)
/* softmax's forward stands for the row functions in half precision */
#define HALF_SOFTMAX(t)                                                                                     \
  static act_status softmax_f_##t(const void *x, const void *g, void *y, size_t n, size_t c) {             \
    (void)g;                                                                                                \
    return act_softmax_##t(x, y, n / c, c);                                                                 \
  }
HALF_SOFTMAX(f16)
HALF_SOFTMAX(bf16)

/* ---- the cases -------------------------------------------------------------- */

/* The element types, in the order of struct kind's entries. */
enum { F32, F64, F16, BF16, TYPE_COUNT };
static const char *const type_names[TYPE_COUNT] = {"f32", "f64", "f16", "bf16"};
static const size_t type_sizes[TYPE_COUNT] = {sizeof(float), sizeof(double), sizeof(uint16_t), sizeof(uint16_t)};

struct kind {
  const char *name;
  const char *direction;
  entry fn[TYPE_COUNT]; /* NULL: not benchmarked in that type */
  int reads_gradient;   /* backward: three streams */
  int rows;             /* 0: elementwise sizes; 1: softmax shapes; 2: maxout (pieces 4) */
};

#define FAMILY(name)                                                                            \
  {#name, "forward", {name##_f_f32, name##_f_f64, name##_f_f16, name##_f_bf16}, 0, 0},          \
      {#name, "derivative", {name##_d_f32, name##_d_f64, name##_d_f16, name##_d_bf16}, 0, 0}, { \
    #name, "backward", {name##_b_f32, name##_b_f64, name##_b_f16, name##_b_bf16}, 1, 0          \
  }

static const struct kind kinds[] = {
    FAMILY(sigmoid),
    FAMILY(tanh),
    FAMILY(relu),
    FAMILY(leaky_relu),
    FAMILY(elu),
    FAMILY(rrelu),
    FAMILY(silu),
    FAMILY(gelu_tanh),
    FAMILY(mish),
    FAMILY(selu),
    FAMILY(hardswish),
    FAMILY(softsign),
    FAMILY(gelu),
    FAMILY(softplus),
    FAMILY(logsigmoid),
    FAMILY(tanhshrink),
    FAMILY(celu),
    FAMILY(hardtanh),
    FAMILY(relu6),
    FAMILY(hardsigmoid),
    FAMILY(softshrink),
    FAMILY(hardshrink),
    FAMILY(threshold),
    FAMILY(swish),
    {"softmax", "forward", {softmax_f_f32, softmax_f_f64, softmax_f_f16, softmax_f_bf16}, 0, 1},
    {"softmax", "backward", {softmax_b_f32, softmax_b_f64, NULL, NULL}, 1, 1},
    {"maxout", "forward", {maxout_f_f32, maxout_f_f64, NULL, NULL}, 0, 2},
    {"maxout", "derivative", {maxout_d_f32, maxout_d_f64, NULL, NULL}, 0, 2},
    {"maxout", "backward", {maxout_b_f32, maxout_b_f64, NULL, NULL}, 1, 2},
    {"prelu", "forward", {prelu_f_f32, prelu_f_f64, NULL, NULL}, 0, 0},   /* rows x 64 channels */
    {"swiglu", "forward", {swiglu_f_f32, swiglu_f_f64, NULL, NULL}, 0, 0}, /* rows x (2 x 1024) */
    {"glu", "forward", {glu_f_f32, glu_f_f64, NULL, NULL}, 0, 0},          /* rows x (2 x 1024) */
    {"geglu", "forward", {geglu_f_f32, geglu_f_f64, NULL, NULL}, 0, 0},    /* rows x (2 x 1024) */
    {"log_softmax", "forward", {log_softmax_f_f32, log_softmax_f_f64, NULL, NULL}, 0, 1},
};
enum { KIND_COUNT = sizeof kinds / sizeof kinds[0] };

struct shape {
  size_t n, cols;
};

struct bench_case {
  const struct kind *kind; /* NULL for the ceilings */
  const char *ceiling;     /* "memcpy", "nt-copy", "nt-3-stream" */
  int type;                /* F32, F64, F16, BF16 */
  struct shape shape;
  int threads;
  long reps;
  double *samples; /* elements per ns */
};

/* ---- timing ----------------------------------------------------------------- */

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void *buffer(size_t bytes) {
  void *p = NULL;
  if (posix_memalign(&p, 64, bytes ? bytes : 64)) {
    fprintf(stderr, "act-bench: out of memory\n");
    exit(1);
  }
  return p;
}

/* Copies `bytes` with non-temporal stores (16-byte aligned buffers). */
static void nt_copy(void *dst, const void *src, size_t bytes) {
  __m128i *d = dst;
  const __m128i *s = src;
  for (size_t i = 0; i < bytes / 16; i++) _mm_stream_si128(d + i, _mm_load_si128(s + i));
  _mm_sfence();
}

/* dst = a + b with non-temporal stores: two read streams, one write stream. */
static void nt_three_streams(void *dst, const void *a, const void *b, size_t bytes) {
  __m128 *d = dst;
  const __m128 *x = a, *y = b;
  for (size_t i = 0; i < bytes / 16; i++) _mm_stream_ps((float *)(d + i), _mm_add_ps(x[i], y[i]));
  _mm_sfence();
}

static char *in_buffer, *gradient_buffer, *out_buffer;

/* One run of a case, `reps` times. */
static void run(const struct bench_case *c) {
  size_t bytes = c->shape.n * type_sizes[c->type];
  for (long r = 0; r < c->reps; r++) {
    if (c->kind) {
      entry f = c->kind->fn[c->type];
      if (f(in_buffer, gradient_buffer, out_buffer, c->shape.n, c->shape.cols) != ACT_OK) {
        fprintf(stderr, "act-bench: %s %s failed\n", c->kind->name, c->kind->direction);
        exit(1);
      }
    } else if (!strcmp(c->ceiling, "memcpy")) {
      memcpy(out_buffer, in_buffer, bytes);
    } else if (!strcmp(c->ceiling, "nt-copy")) {
      nt_copy(out_buffer, in_buffer, bytes);
    } else {
      nt_three_streams(out_buffer, in_buffer, gradient_buffer, bytes);
    }
  }
}

static double sample(const struct bench_case *c) {
  act_set_num_threads(c->threads);
  double start = now();
  run(c);
  double seconds = now() - start;
  return (double)c->shape.n * (double)c->reps / (seconds * 1e9);
}

static size_t largest_size(const size_t *sizes, int count) {
  size_t largest = 0;
  for (int s = 0; s < count; s++) largest = sizes[s] > largest ? sizes[s] : largest;
  return largest;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The 16-bit pattern of v rounded to binary16 or bfloat16 (to nearest, ties
 * to even; the inputs below are finite and well inside both ranges). */
static uint16_t to_half(float v, int type) {
  uint32_t x;
  memcpy(&x, &v, sizeof x);
  if (type == BF16) return (uint16_t)((x + 0x7fffu + ((x >> 16) & 1u)) >> 16);
  uint32_t sign = (x >> 16) & 0x8000u, ax = x & 0x7fffffffu;
  if (ax < 0x38800000u) return (uint16_t)sign; /* below binary16's normal range: not in these inputs */
  ax -= 112u << 23;
  ax += 0xfffu + ((ax >> 13) & 1u);
  return (uint16_t)(sign | (ax >> 13));
}

/* Inputs in [-10, 10] and gradients in [-1, 1], in the case's type. */
static void fill(int type, size_t count) {
  for (size_t i = 0; i < count; i++) {
    double x = (double)(i % 2001) / 100.0 - 10.0, g = (double)(i % 17) / 8.0 - 1.0;
    if (type == F64) {
      ((double *)in_buffer)[i] = x;
      ((double *)gradient_buffer)[i] = g;
    } else if (type == F32) {
      ((float *)in_buffer)[i] = (float)x;
      ((float *)gradient_buffer)[i] = (float)g;
    } else {
      ((uint16_t *)in_buffer)[i] = to_half((float)x, type);
      ((uint16_t *)gradient_buffer)[i] = to_half((float)g, type);
    }
  }
}

int main(int argc, char **argv) {
  int samples = 5;
  double min_ms = 20;
  size_t sizes[8] = {4096, 262144, 16777216};
  int size_count = 3;
  int with_softmax_shapes = 1; /* the two softmax shapes, unless --quick or --sizes */
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--quick")) {
      samples = 1;
      min_ms = 1;
      sizes[0] = 4096, sizes[1] = 65536, size_count = 2;
      with_softmax_shapes = 0;
    } else if (!strcmp(argv[i], "--samples") && i + 1 < argc) {
      samples = atoi(argv[++i]);
    } else if (!strcmp(argv[i], "--min-ms") && i + 1 < argc) {
      min_ms = atof(argv[++i]);
    } else if (!strcmp(argv[i], "--sizes") && i + 1 < argc) {
      size_count = 0;
      with_softmax_shapes = 0;
      for (char *item = strtok(argv[++i], ","); item && size_count < 8; item = strtok(NULL, ","))
        sizes[size_count++] = strtoull(item, NULL, 10);
    } else {
      fprintf(stderr, "usage: act-bench [--samples S] [--min-ms M] [--sizes a,b,c] [--quick]\n");
      return 2;
    }
  }
  if (samples < 1) samples = 1;
  int all_threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
  int thread_counts[2] = {1, all_threads};
  int thread_variants = all_threads > 1 ? 2 : 1;

  /* Softmax shapes: 4096 x 1000 and 64 x 32000 (4,096,000 and 2,048,000 elements). */
  const struct shape softmax_shapes[] = {{4096 * 1000, 1000}, {64 * 32000, 32000}};
  size_t largest = 0;
  for (int s = 0; s < size_count; s++) largest = sizes[s] > largest ? sizes[s] : largest;
  if (with_softmax_shapes && largest < softmax_shapes[0].n) largest = softmax_shapes[0].n;
  size_t bytes = largest * sizeof(double);
  in_buffer = buffer(bytes);
  gradient_buffer = buffer(bytes);
  out_buffer = buffer(bytes);

  /* Build the case list, per type (inputs are refilled per type).  The
   * half types run at the smallest and the largest size only. */
  size_t smallest = largest;
  for (int s = 0; s < size_count; s++) smallest = sizes[s] < smallest ? sizes[s] : smallest;
  struct bench_case *cases = calloc(8192, sizeof *cases);
  int case_count = 0;
  for (int type = 0; type < TYPE_COUNT; type++) {
    int first = case_count, half = type == F16 || type == BF16;
    for (int s = 0; s < size_count; s++) {
      struct shape shape = {sizes[s], 4};
      if (half && sizes[s] != smallest && sizes[s] != largest_size(sizes, size_count)) continue;
      for (int t = 0; t < thread_variants; t++) {
        const char *ceilings[] = {"memcpy", "nt-copy", "nt-3-stream"};
        for (int k = 0; k < 3; k++)
          cases[case_count++] = (struct bench_case){NULL, ceilings[k], type, shape, thread_counts[t], 1, NULL};
        for (int k = 0; k < KIND_COUNT; k++) {
          if (kinds[k].rows == 1 || !kinds[k].fn[type]) continue;
          cases[case_count++] = (struct bench_case){&kinds[k], NULL, type, shape, thread_counts[t], 1, NULL};
        }
      }
    }
    for (int s = 0; s < 2 && with_softmax_shapes; s++)
      for (int t = 0; t < thread_variants; t++)
        for (int k = 0; k < KIND_COUNT; k++)
          if (kinds[k].rows == 1 && kinds[k].fn[type])
            cases[case_count++] =
                (struct bench_case){&kinds[k], NULL, type, softmax_shapes[s], thread_counts[t], 1, NULL};

    fill(type, largest);
    /* Calibrate: reps so that one sample takes at least min_ms. */
    for (int i = first; i < case_count; i++) {
      struct bench_case *c = &cases[i];
      c->samples = calloc((size_t)samples, sizeof(double));
      double rate = sample(c); /* also warms up */
      double per_rep = (double)c->shape.n / (rate * 1e9);
      c->reps = (long)ceil(min_ms * 1e-3 / per_rep);
      if (c->reps < 1) c->reps = 1;
    }
    /* Interleaved repeats: each round measures every case once. */
    for (int round = 0; round < samples; round++)
      for (int i = first; i < case_count; i++) cases[i].samples[round] = sample(&cases[i]);
  }
  act_set_num_threads(0);

  printf("# act-bench: libactivations %s; %d samples per case (interleaved), >= %.0f ms each; %d CPUs\n",
         act_version(), samples, min_ms, all_threads);
  printf("function\tdirection\ttype\tn\tcols\tthreads\tmedian_el_per_ns\tmin\tmax\n");
  for (int i = 0; i < case_count; i++) {
    struct bench_case *c = &cases[i];
    qsort(c->samples, (size_t)samples, sizeof(double), compare_doubles);
    printf("%s\t%s\t%s\t%zu\t%zu\t%d\t%.4f\t%.4f\t%.4f\n", c->kind ? c->kind->name : c->ceiling,
           c->kind ? c->kind->direction : "ceiling", type_names[c->type], c->shape.n,
           c->kind && c->kind->rows ? c->shape.cols : 0, c->threads, c->samples[samples / 2], c->samples[0],
           c->samples[samples - 1]);
  }
  return 0;
}
