/* sleef_loops.c -- activation loops around SLEEF's u10 vector functions,
 * written the way a C user would write them: the textbook formula of each
 * function on full vectors, the last partial vector through a padded copy,
 * OpenMP over blocks (elementwise) or rows (softmax) when given more than one
 * thread.  Compiled once per instruction set and type (sleef_kernels.h);
 * sleef_vectors.h supplies the vocabulary (T, V, W, LOAD, EXP, ...). */
#include <string.h>

#include "sleef_kernels.h"
#include "sleef_vectors.h"

#define K(name) CAT(CAT(name, _), TABLE)

/* ---- forward f(x) and backward dy * f'(x), one vector each ------------------ */

static inline V f_sigmoid(V x) { return DIV(SET1(1), ADD(SET1(1), EXP(SUB(SET1(0), x)))); }
static inline V b_sigmoid(V x, V g) {
  V s = f_sigmoid(x);
  return MUL(g, MUL(s, SUB(SET1(1), s)));
}
static inline V f_tanh(V x) { return TANH(x); }
static inline V b_tanh(V x, V g) {
  V t = TANH(x);
  return MUL(g, SUB(SET1(1), MUL(t, t)));
}
static inline V f_relu(V x) { return MAX(x, SET1(0)); }
static inline V b_relu(V x, V g) { return BLEND(GT(x, SET1(0)), g, SET1(0)); }
static inline V f_leaky_relu(V x) { return BLEND(GT(x, SET1(0)), x, MUL(x, SET1(0.01))); }
static inline V b_leaky_relu(V x, V g) { return BLEND(GT(x, SET1(0)), g, MUL(g, SET1(0.01))); }
static inline V f_elu(V x) { return BLEND(GT(x, SET1(0)), x, EXPM1(x)); }
static inline V b_elu(V x, V g) { return BLEND(GT(x, SET1(0)), g, MUL(g, EXP(x))); }
static inline V f_celu(V x) { return f_elu(x); } /* alpha = 1 */
static inline V b_celu(V x, V g) { return b_elu(x, g); }
#define SELU_ALPHA 1.6732632423543772848170429916717
#define SELU_SCALE 1.0507009873554804934193349852946
static inline V f_selu(V x) {
  return MUL(SET1(SELU_SCALE), BLEND(GT(x, SET1(0)), x, MUL(SET1(SELU_ALPHA), EXPM1(x))));
}
static inline V b_selu(V x, V g) {
  return MUL(MUL(g, SET1(SELU_SCALE)), BLEND(GT(x, SET1(0)), SET1(1), MUL(SET1(SELU_ALPHA), EXP(x))));
}
#define SQRT_HALF 0.70710678118654752440084436210485
#define INV_SQRT_2PI 0.39894228040143267793994605993438
static inline V f_gelu(V x) { return MUL(MUL(SET1(0.5), x), ADD(SET1(1), ERF(MUL(x, SET1(SQRT_HALF))))); }
static inline V b_gelu(V x, V g) {
  V cdf = MUL(SET1(0.5), ADD(SET1(1), ERF(MUL(x, SET1(SQRT_HALF)))));
  V pdf = MUL(SET1(INV_SQRT_2PI), EXP(MUL(SET1(-0.5), MUL(x, x))));
  return MUL(g, FMA(x, pdf, cdf));
}
#define SQRT_2_OVER_PI 0.79788456080286535587989211986876
static inline V gelu_tanh_inner(V x) { /* sqrt(2/pi) (x + 0.044715 x^3) */
  return MUL(SET1(SQRT_2_OVER_PI), FMA(MUL(SET1(0.044715), MUL(x, x)), x, x));
}
static inline V f_gelu_tanh(V x) { return MUL(MUL(SET1(0.5), x), ADD(SET1(1), TANH(gelu_tanh_inner(x)))); }
static inline V b_gelu_tanh(V x, V g) {
  V t = TANH(gelu_tanh_inner(x));
  V inner_d = MUL(SET1(SQRT_2_OVER_PI), FMA(SET1(3 * 0.044715), MUL(x, x), SET1(1)));
  V d = FMA(MUL(MUL(SET1(0.5), x), SUB(SET1(1), MUL(t, t))), inner_d, MUL(SET1(0.5), ADD(SET1(1), t)));
  return MUL(g, d);
}
static inline V f_silu(V x) { return DIV(x, ADD(SET1(1), EXP(SUB(SET1(0), x)))); }
static inline V b_silu(V x, V g) {
  V s = f_sigmoid(x);
  return MUL(g, MUL(s, FMA(x, SUB(SET1(1), s), SET1(1))));
}
static inline V f_softplus(V x) { /* beta 1, threshold 20 */
  return BLEND(GT(x, SET1(20)), x, LOG1P(EXP(x)));
}
static inline V b_softplus(V x, V g) { return BLEND(GT(x, SET1(20)), g, MUL(g, f_sigmoid(x))); }
static inline V f_mish(V x) { return MUL(x, TANH(LOG1P(EXP(x)))); }
static inline V b_mish(V x, V g) {
  V t = TANH(LOG1P(EXP(x)));
  V s = f_sigmoid(x);
  return MUL(g, FMA(MUL(x, s), SUB(SET1(1), MUL(t, t)), t));
}
static inline V f_hardswish(V x) {
  return MUL(x, MUL(MIN(MAX(ADD(x, SET1(3)), SET1(0)), SET1(6)), SET1(1.0 / 6)));
}
static inline V b_hardswish(V x, V g) {
  V inner = MUL(g, FMA(x, SET1(2.0 / 6), SET1(0.5)));
  return BLEND(LT(x, SET1(-3)), SET1(0), BLEND(GT(x, SET1(3)), g, inner));
}
static inline V f_hardsigmoid(V x) { return MIN(MAX(FMA(x, SET1(1.0 / 6), SET1(0.5)), SET1(0)), SET1(1)); }
static inline V b_hardsigmoid(V x, V g) {
  return BLEND(LT(ABS(x), SET1(3)), MUL(g, SET1(1.0 / 6)), SET1(0));
}
static inline V f_softsign(V x) { return DIV(x, ADD(SET1(1), ABS(x))); }
static inline V b_softsign(V x, V g) {
  V d = ADD(SET1(1), ABS(x));
  return DIV(g, MUL(d, d));
}
static inline V f_relu6(V x) { return MIN(MAX(x, SET1(0)), SET1(6)); }
static inline V b_relu6(V x, V g) {
  return BLEND(GT(x, SET1(0)), BLEND(LT(x, SET1(6)), g, SET1(0)), SET1(0));
}
static inline V f_hardtanh(V x) { return MIN(MAX(x, SET1(-1)), SET1(1)); }
static inline V b_hardtanh(V x, V g) {
  return BLEND(GT(x, SET1(-1)), BLEND(LT(x, SET1(1)), g, SET1(0)), SET1(0));
}

/* ---- loops ------------------------------------------------------------------ */

/* Elements per OpenMP block: below two blocks (or with one thread) the loop
 * runs on the calling thread, outside any parallel region. */
#define BLOCK 16384

#define BLOCK_END(b, n) ((b) * BLOCK + BLOCK < (n) ? (b) * BLOCK + BLOCK : (n))

#define ELEMENTWISE(name)                                                                              \
  static void K(name##_forward_span)(const T *x, T *y, size_t i, size_t end) {                         \
    for (; i + W <= end; i += W) STORE(y + i, f_##name(LOAD(x + i)));                                  \
    if (i < end) {                                                                                     \
      T bx[W] = {0}, by[W];                                                                            \
      memcpy(bx, x + i, (end - i) * sizeof(T));                                                        \
      STORE(by, f_##name(LOAD(bx)));                                                                   \
      memcpy(y + i, by, (end - i) * sizeof(T));                                                        \
    }                                                                                                  \
  }                                                                                                    \
  static void K(name##_backward_span)(const T *x, const T *dy, T *dx, size_t i, size_t end) {          \
    for (; i + W <= end; i += W) STORE(dx + i, b_##name(LOAD(x + i), LOAD(dy + i)));                   \
    if (i < end) {                                                                                     \
      T bx[W] = {0}, bg[W] = {0}, bd[W];                                                               \
      memcpy(bx, x + i, (end - i) * sizeof(T));                                                        \
      memcpy(bg, dy + i, (end - i) * sizeof(T));                                                       \
      STORE(bd, b_##name(LOAD(bx), LOAD(bg)));                                                         \
      memcpy(dx + i, bd, (end - i) * sizeof(T));                                                       \
    }                                                                                                  \
  }                                                                                                    \
  static void K(name##_forward)(const void *x, const void *dy, void *y, size_t rows, size_t n,       \
                                int threads) {                                                         \
    (void)dy, (void)rows;                                                                              \
    size_t blocks = (n + BLOCK - 1) / BLOCK;                                                           \
    if (threads > 1 && blocks > 1) {                                                                   \
      _Pragma("omp parallel for num_threads(threads) schedule(static)")                                \
      for (size_t b = 0; b < blocks; b++) K(name##_forward_span)(x, y, b * BLOCK, BLOCK_END(b, n));    \
    } else {                                                                                           \
      K(name##_forward_span)(x, y, 0, n);                                                              \
    }                                                                                                  \
  }                                                                                                    \
  static void K(name##_backward)(const void *x, const void *dy, void *dx, size_t rows, size_t n,     \
                                 int threads) {                                                        \
    (void)rows;                                                                                        \
    size_t blocks = (n + BLOCK - 1) / BLOCK;                                                           \
    if (threads > 1 && blocks > 1) {                                                                   \
      _Pragma("omp parallel for num_threads(threads) schedule(static)")                                \
      for (size_t b = 0; b < blocks; b++) K(name##_backward_span)(x, dy, dx, b * BLOCK, BLOCK_END(b, n)); \
    } else {                                                                                           \
      K(name##_backward_span)(x, dy, dx, 0, n);                                                        \
    }                                                                                                  \
  }

ELEMENTWISE(sigmoid)
ELEMENTWISE(tanh)
ELEMENTWISE(relu)
ELEMENTWISE(leaky_relu)
ELEMENTWISE(elu)
ELEMENTWISE(celu)
ELEMENTWISE(selu)
ELEMENTWISE(gelu)
ELEMENTWISE(gelu_tanh)
ELEMENTWISE(silu)
ELEMENTWISE(softplus)
ELEMENTWISE(mish)
ELEMENTWISE(hardswish)
ELEMENTWISE(hardsigmoid)
ELEMENTWISE(softsign)
ELEMENTWISE(relu6)
ELEMENTWISE(hardtanh)

/* A row's last partial vector, padded with `fill`. */
static inline V load_tail(const T *p, size_t k, T fill) {
  T b[W];
  for (int j = 0; j < W; j++) b[j] = (size_t)j < k ? p[j] : fill;
  return LOAD(b);
}
static inline void store_tail(T *p, size_t k, V v) {
  T b[W];
  STORE(b, v);
  memcpy(p, b, k * sizeof(T));
}

static T row_max(const T *x, size_t n) {
  V m = SET1(-INFINITY);
  size_t i = 0;
  for (; i + W <= n; i += W) m = MAX(m, LOAD(x + i));
  if (i < n) m = MAX(m, load_tail(x + i, n - i, -INFINITY));
  return HMAX(m);
}

/* Three passes: the maximum; exp(x - max) stored, with its sum; the scaling. */
static void softmax_row(const T *x, const T *dy, T *y, size_t n) {
  (void)dy;
  V m = SET1(row_max(x, n)), s = SET1(0), e;
  size_t i = 0;
  for (; i + W <= n; i += W) {
    e = EXP(SUB(LOAD(x + i), m));
    STORE(y + i, e);
    s = ADD(s, e);
  }
  if (i < n) {
    e = EXP(SUB(load_tail(x + i, n - i, -INFINITY), m));
    store_tail(y + i, n - i, e);
    s = ADD(s, e);
  }
  T inverse = 1 / HSUM(s);
  V r = SET1(inverse);
  for (i = 0; i + W <= n; i += W) STORE(y + i, MUL(LOAD(y + i), r));
  for (; i < n; i++) y[i] *= inverse;
}

/* y = x - (max + log(sum exp(x - max))): two passes, nothing stored between. */
static void log_softmax_row(const T *x, const T *dy, T *y, size_t n) {
  (void)dy;
  T top = row_max(x, n);
  V m = SET1(top), s = SET1(0);
  size_t i = 0;
  for (; i + W <= n; i += W) s = ADD(s, EXP(SUB(LOAD(x + i), m)));
  if (i < n) s = ADD(s, EXP(SUB(load_tail(x + i, n - i, -INFINITY), m)));
  V shift = SET1(top + SCALAR_LOG(HSUM(s)));
  for (i = 0; i + W <= n; i += W) STORE(y + i, SUB(LOAD(x + i), shift));
  if (i < n) store_tail(y + i, n - i, SUB(load_tail(x + i, n - i, 0), shift));
}

/* dx = y (dy - sum(y dy)), from the forward output y. */
static void softmax_backward_row(const T *y, const T *dy, T *dx, size_t n) {
  V s = SET1(0);
  size_t i = 0;
  for (; i + W <= n; i += W) s = FMA(LOAD(y + i), LOAD(dy + i), s);
  if (i < n) s = FMA(load_tail(y + i, n - i, 0), load_tail(dy + i, n - i, 0), s);
  V dot = SET1(HSUM(s));
  for (i = 0; i + W <= n; i += W) STORE(dx + i, MUL(LOAD(y + i), SUB(LOAD(dy + i), dot)));
  if (i < n) store_tail(dx + i, n - i, MUL(load_tail(y + i, n - i, 0), SUB(load_tail(dy + i, n - i, 0), dot)));
}

/* dx = dy - exp(y) sum(dy), from the forward output y. */
static void log_softmax_backward_row(const T *y, const T *dy, T *dx, size_t n) {
  V s = SET1(0);
  size_t i = 0;
  for (; i + W <= n; i += W) s = ADD(s, LOAD(dy + i));
  if (i < n) s = ADD(s, load_tail(dy + i, n - i, 0));
  V total = SET1(HSUM(s));
  for (i = 0; i + W <= n; i += W) STORE(dx + i, SUB(LOAD(dy + i), MUL(EXP(LOAD(y + i)), total)));
  if (i < n)
    store_tail(dx + i, n - i, SUB(load_tail(dy + i, n - i, 0), MUL(EXP(load_tail(y + i, n - i, 0)), total)));
}

#define ROWS(name, row)                                                                                \
  static void K(name)(const void *xs, const void *dys, void *ys, size_t rows, size_t cols, int threads) { \
    const T *x = xs, *dy = dys;                                                                        \
    T *y = ys;                                                                                         \
    if (threads > 1 && rows > 1) {                                                                     \
      _Pragma("omp parallel for num_threads(threads) schedule(static)")                                \
      for (size_t r = 0; r < rows; r++) row(x + r * cols, dy ? dy + r * cols : NULL, y + r * cols, cols); \
    } else {                                                                                           \
      for (size_t r = 0; r < rows; r++) row(x + r * cols, dy ? dy + r * cols : NULL, y + r * cols, cols); \
    }                                                                                                  \
  }

ROWS(softmax_forward, softmax_row)
ROWS(softmax_backward, softmax_backward_row)
ROWS(log_softmax_forward, log_softmax_row)
ROWS(log_softmax_backward, log_softmax_backward_row)

#define ENTRY(name, direction) {#name, #direction, K(name##_##direction)}
#define ENTRIES(name) ENTRY(name, forward), ENTRY(name, backward)

static const sleef_kernel kernels[] = {
    ENTRIES(sigmoid),   ENTRIES(tanh),      ENTRIES(relu),        ENTRIES(leaky_relu), ENTRIES(elu),
    ENTRIES(celu),      ENTRIES(selu),      ENTRIES(gelu),        ENTRIES(gelu_tanh),  ENTRIES(silu),
    ENTRIES(softplus),  ENTRIES(mish),      ENTRIES(hardswish),   ENTRIES(hardsigmoid), ENTRIES(softsign),
    ENTRIES(relu6),     ENTRIES(hardtanh),  ENTRIES(softmax),     ENTRIES(log_softmax),
};

const sleef_kernel_table TABLE = {kernels, sizeof kernels / sizeof kernels[0]};
