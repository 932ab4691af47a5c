/* act-eval: the accuracy of every elementwise function of libactivations,
 * measured in ulps against independent higher-precision references.
 *
 *   float32: every float bit pattern (2^32 inputs; --stride K takes every
 *            K-th) plus the special values, reference in double (functions.c).
 *   float64: --count N inputs (default 10^7) spread over the whole finite
 *            range, reference in __float128 (libquadmath).
 *   f16, bf16: every one of the 2^16 bit patterns of each format (always, a
 *            second or two), reference: the float32 one in double, rounded
 *            once straight to the 16-bit format (half_round).
 *
 * For each function x direction x type it reports the largest error (in ulps
 * of the exact result: the spacing of the type's numbers at |exact|, the
 * subnormal spacing below the normal range), the input where it occurs, how
 * many inputs exceed 0.5, 1 and 2 ulp, and special-value failures (NaN in
 * must give NaN; an infinite or zero exact result must come out as that
 * infinity or that signed zero). Functions marked exact must return the
 * correctly rounded value bit for bit. Derivative rows also check backward:
 * act_NAME_backward must equal fl(dy * d) bit for bit, d being the
 * derivative's own output. The document's naive formulas are measured on
 * the same inputs for comparison.
 *
 * The half rows (act_NAME_f16, act_NAME_bf16, the parameters as floats)
 * report how many results are the correctly rounded value (the exact value
 * rounded once to the format, NaN inputs aside), the largest error in ulps
 * of the format, the results over 1 ulp and the special-value failures (NaN
 * in must give a quiet NaN). Their contract is checked bit for bit: each
 * result is act_NAME_f32 on the widened input rounded once (NaN: any NaN),
 * except where that rounding is ambiguous (the floats 4 ulps below and
 * above the float result round differently): there the library computes
 * in double and the result must be the correctly rounded value. Backward
 * equals the float32 backward on the widened x and dy rounded
 * once, for every x with each of a set of gradients. A half row fails below
 * 99.99% correctly rounded, above 1 ulp, on a special failure or a mismatch.
 *
 * Exit status: 0 when every published bound holds, 1 otherwise.
 *
 *   act-eval [--stride K] [--count N] [--threads T] [--markdown FILE] [--only NAME] [--hashes FILE]
 *            [--half-only] [--half-markdown FILE]
 *
 * --hashes FILE writes one line per row with a hash of every output bit, for
 * comparing instruction-set paths (ACTIVATIONS_ISA) bit for bit (the half
 * rows' NaNs hashed as one canonical NaN: their sign and payload are not
 * specified). --half-only skips the float32 and float64 rows; --half-markdown
 * FILE rewrites only the half-precision section of FILE (docs/accuracy.md)
 * in place, which --markdown writes with the rest.
 */
#define _GNU_SOURCE /* clock_gettime, sysconf */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "functions.h"

enum { BLOCK = 1 << 16 };
/* The document's formulas are measured on every SNIPPET_STRIDE-th input
 * (a power of two, so the test is a mask): their errors are a comparison,
 * not a bound, and their overflowing exp calls are slow. */
enum { SNIPPET_STRIDE = 8 };

struct stats {
  uint64_t inputs;
  double max_ulp;
  double worst_input;
  uint64_t over_half, over_one, over_two;
  uint64_t special_failures;
  double first_special_input;
  uint64_t inexact; /* exact rows: results that are not the correctly rounded value */
  uint64_t backward_mismatches;
  double snippet_max_ulp;
  double snippet_worst_input;
  uint64_t snippet_over_one;
  uint64_t snippet_special_failures;
  uint64_t hash; /* of every output bit (forward/derivative and backward), order-independent */
};

static void record_error(struct stats *s, double ulps, double x) {
  if (ulps > s->max_ulp || (isnan(ulps) && !isnan(s->max_ulp))) {
    s->max_ulp = ulps;
    s->worst_input = x;
  }
  s->over_half += ulps > 0.5;
  s->over_one += ulps > 1;
  s->over_two += ulps > 2;
}

static void record_special(struct stats *s, double x) {
  if (s->special_failures++ == 0) s->first_special_input = x;
}

static void merge(struct stats *into, const struct stats *s) {
  into->inputs += s->inputs;
  /* a NaN error (a reference without a value) must survive the merge and fail the row */
  if (s->max_ulp > into->max_ulp || (isnan(s->max_ulp) && !isnan(into->max_ulp))) {
    into->max_ulp = s->max_ulp;
    into->worst_input = s->worst_input;
  }
  into->over_half += s->over_half;
  into->over_one += s->over_one;
  into->over_two += s->over_two;
  if (s->special_failures && !into->special_failures) into->first_special_input = s->first_special_input;
  into->special_failures += s->special_failures;
  into->inexact += s->inexact;
  into->backward_mismatches += s->backward_mismatches;
  if (s->snippet_max_ulp > into->snippet_max_ulp) {
    into->snippet_max_ulp = s->snippet_max_ulp;
    into->snippet_worst_input = s->snippet_worst_input;
  }
  into->snippet_over_one += s->snippet_over_one;
  into->snippet_special_failures += s->snippet_special_failures;
  into->hash += s->hash;
}

/* FNV-1a of a block's output bytes, keyed by the block's number; blocks'
 * hashes are added, so the total does not depend on which thread ran which. */
static uint64_t block_hash(uint64_t block, const void *bytes, size_t size) {
  uint64_t h = 0xcbf29ce484222325u ^ (block * 0x9E3779B97F4A7C15u);
  const unsigned char *p = bytes;
  for (size_t i = 0; i < size; i++) h = (h ^ p[i]) * 0x100000001b3u;
  return h;
}

/* ---- ulps --------------------------------------------------------------- */

/* The header's interior-zero rule (see functions.h). */
#define ZERO_WINDOW 0.25
#define ZERO_SCALE 0x1p-4

/* 2^(max(exponent of |exact|, -126) - 23), from the bits of the double
 * (exact is finite here). */
static double ulp32(double exact) {
  uint64_t bits;
  memcpy(&bits, &exact, sizeof bits);
  int64_t e = (int64_t)((bits >> 52) & 0x7ff) - 1023;
  if (e < -126) e = -126;
  uint64_t ulp_bits = (uint64_t)(e - 23 + 1023) << 52;
  double ulp;
  memcpy(&ulp, &ulp_bits, sizeof ulp);
  return ulp;
}

static quad ulp64(quad exact) {
  int e = exact == 0 ? -1022 : ilogbq(exact);
  if (e < -1022) e = -1022;
  return ldexpq(1, e - 52);
}

/* The outcome of comparing one result with its exact value. */
enum verdict { MEASURED, SPECIAL_OK, SPECIAL_FAILED };

/* Special values: NaN in, an infinite exact result (or one that rounds to
 * infinity), an exact zero. Otherwise *ulps gets the error. A reference
 * that is NaN for a number (a limit it failed to take, such as inf * 0)
 * is a special failure: the row fails until the reference is mended. */
static enum verdict compare32(float got, float x, double exact, double *ulps) {
  if (isnan(x)) return isnan(got) ? SPECIAL_OK : SPECIAL_FAILED;
  if (isnan(exact)) return SPECIAL_FAILED;
  float rounded = (float)exact;
  if (isinf(rounded)) return got == rounded ? SPECIAL_OK : SPECIAL_FAILED;
  if (exact == 0) {
    if (got == 0) return !signbit(got) == !signbit(exact) ? SPECIAL_OK : SPECIAL_FAILED;
  }
  if (isnan(got) || isinf(got)) return SPECIAL_FAILED;
  *ulps = fabs((double)got - exact) / ulp32(exact);
  return MEASURED;
}

static enum verdict compare64(double got, double x, quad exact, double *ulps) {
  if (isnan(x)) return isnan(got) ? SPECIAL_OK : SPECIAL_FAILED;
  if (isnanq(exact)) return SPECIAL_FAILED;
  double rounded = (double)exact;
  if (isinf(rounded)) return got == rounded ? SPECIAL_OK : SPECIAL_FAILED;
  if (exact == 0) {
    if (got == 0) return !signbit(got) == !signbit(rounded) ? SPECIAL_OK : SPECIAL_FAILED;
  }
  if (isnan(got) || isinf(got)) return SPECIAL_FAILED;
  *ulps = (double)(fabsq((quad)got - exact) / ulp64(exact));
  return MEASURED;
}

/* The library's result for x: special-value outcome or error in ulps;
 * `inexact` says whether an exact row missed the correctly rounded value. */
static void record_result(struct stats *s, enum verdict verdict, double ulps, double x, int inexact) {
  switch (verdict) {
    case SPECIAL_FAILED: record_special(s, x); break;
    case SPECIAL_OK: break;
    case MEASURED:
      record_error(s, ulps, x);
      s->inexact += inexact;
  }
}

/* The document's formula's result for x. */
static void record_snippet(struct stats *s, enum verdict verdict, double ulps, double x) {
  switch (verdict) {
    case SPECIAL_FAILED: s->snippet_special_failures++; break;
    case SPECIAL_OK: break;
    case MEASURED:
      if (ulps > s->snippet_max_ulp) {
        s->snippet_max_ulp = ulps;
        s->snippet_worst_input = x;
      }
      s->snippet_over_one += ulps > 1;
  }
}

/* backward must equal fl(dy * d) bit for bit (NaN matching NaN). */
static void record_backward(struct stats *s, double got, double expected) {
  if (!(got == expected || (isnan(got) && isnan(expected)))) s->backward_mismatches++;
}

/* ---- inputs ------------------------------------------------------------- */

/* Gradients for the backward check: signs, magnitudes, and 0 and inf (for
 * the IEEE products 0 * f' and inf * f'). */
static const double gradients[] = {1.0, -0.75, 3.5, 1e-3, -2.0, 0.1, 1e30, 0.0, INFINITY, -1e-30, 7.0};
enum { GRADIENT_COUNT = sizeof gradients / sizeof gradients[0] };

static void fill_gradients32(float *dy, size_t n, uint64_t first) {
  size_t g = (size_t)(first % GRADIENT_COUNT);
  for (size_t j = 0; j < n; j++, g = g + 1 == GRADIENT_COUNT ? 0 : g + 1) dy[j] = (float)gradients[g];
}

static void fill_gradients64(double *dy, size_t n, uint64_t first) {
  size_t g = (size_t)(first % GRADIENT_COUNT);
  for (size_t j = 0; j < n; j++, g = g + 1 == GRADIENT_COUNT ? 0 : g + 1) dy[j] = gradients[g];
}

static uint64_t splitmix(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15u);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

static double uniform(uint64_t *state) { return (double)(splitmix(state) >> 11) * 0x1p-53; }

/* Points where the functions change regime: exp's overflow and underflow
 * thresholds, where results turn subnormal, where the naive derivative
 * formulas round to 0, where tanh rounds to 1, and small integers. */
static const double thresholds[] = {0, 0.5, 1, 2, 8.3, 16.64, 17, 19.06, 20, 36.74, 37, 87.3, 88.72,
                                    103.97, 104, 708.4, 709.78, 744.44, 745.13, 746};

/* The double inputs of block b: deterministic, a mix of log-uniform values
 * over the whole range, dense values near 0 and where the functions curve,
 * and neighbourhoods of the thresholds; block 0 starts with the specials. */
static void double_inputs(double *x, size_t n, uint64_t block) {
  uint64_t state = 0xACC0u ^ (block * 0x9E3779B97F4A7C15u);
  size_t start = 0;
  if (block == 0) {
    static const double specials[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, 0x1p-1074, -0x1p-1074,
                                      0x1p-1022, -0x1p-1022, 1.7976931348623157e308, -1.7976931348623157e308};
    for (; start < sizeof specials / sizeof specials[0]; start++) x[start] = specials[start];
  }
  for (size_t j = start; j < n; j++) {
    double sign = (splitmix(&state) & 1) ? -1.0 : 1.0, u = uniform(&state);
    switch (j % 8) {
      case 0: case 1: case 2:
        x[j] = sign * exp2(-1074 + u * 2098); /* log-uniform over every binade */
        break;
      case 3:
        x[j] = sign * u * 0x1p-20; /* near 0 */
        break;
      case 4: case 5:
        x[j] = sign * u * 40; /* where the functions curve */
        break;
      case 6:
        x[j] = sign * (700 + u * 50); /* exp's underflow and overflow thresholds */
        break;
      default: {
        double t = thresholds[splitmix(&state) % (sizeof thresholds / sizeof thresholds[0])];
        double v = sign * t;
        int steps = (int)(splitmix(&state) % 64);
        for (int k = 0; k < steps; k++) v = nextafter(v, (splitmix(&state) & 1) ? INFINITY : -INFINITY);
        x[j] = v;
      }
    }
  }
}

/* Float specials, appended to every float32 sweep (a strided sweep would
 * otherwise skip -0, the infinities and NaNs). */
static const uint32_t float_specials[] = {
    0x00000000u, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0xffc00000u, 0x7f800001u,
    0x00000001u, 0x80000001u, 0x00800000u, 0x80800000u, 0x7f7fffffu, 0xff7fffffu, 0x3f800000u, 0xbf800000u};
enum { FLOAT_SPECIAL_COUNT = sizeof float_specials / sizeof float_specials[0] };

/* ---- the sweep ---------------------------------------------------------- */

struct job {
  const struct function *f;
  int double_precision;
  uint64_t stride;      /* float32: every stride-th bit pattern */
  uint64_t strided;     /* float32: how many of those, before the specials */
  uint64_t total;       /* inputs in all */
  uint64_t blocks;
  atomic_uint_fast64_t next_block;
  pthread_mutex_t lock;
  struct stats result;
  int failed_call;
};

static void run_block32(struct job *job, uint64_t block, struct stats *s, float *x, float *y, float *dy,
                        float *dx) {
  const struct function *f = job->f;
  uint64_t first = block * BLOCK;
  size_t n = (size_t)((job->total - first) < BLOCK ? job->total - first : BLOCK);
  for (size_t j = 0; j < n; j++) {
    uint64_t index = first + j;
    uint32_t bits = index < job->strided ? (uint32_t)(index * job->stride) : float_specials[index - job->strided];
    memcpy(&x[j], &bits, sizeof bits);
  }
  fill_gradients32(dy, n, first);
  if (f->f32(x, y, n) != ACT_OK) job->failed_call = 1;
  if (f->backward32 && f->backward32(x, dy, dx, n) != ACT_OK) job->failed_call = 1;
  s->hash += block_hash(block, y, n * sizeof *y) + (f->backward32 ? block_hash(~block, dx, n * sizeof *dx) : 0);
  for (size_t j = 0; j < n; j++) {
    s->inputs++;
    double exact = f->reference32((double)x[j], j), ulps = 0;
    enum verdict verdict = compare32(y[j], x[j], exact, &ulps);
    if (verdict == MEASURED && f->has_zero && fabs((double)x[j] - f->zero) <= ZERO_WINDOW)
      ulps = fmin(ulps, fabs((double)y[j] - exact) / ulp32(ZERO_SCALE));
    record_result(s, verdict, ulps, x[j], f->exact && y[j] != (float)exact);
    if (f->backward32) record_backward(s, dx[j], (float)(dy[j] * y[j]));
    if (f->snippet32 && (first + j) % SNIPPET_STRIDE == 0) {
      double snippet_ulps = 0;
      verdict = compare32(f->snippet32(x[j]), x[j], exact, &snippet_ulps);
      record_snippet(s, verdict, snippet_ulps, x[j]);
    }
  }
}

static void run_block64(struct job *job, uint64_t block, struct stats *s, double *x, double *y, double *dy,
                        double *dx) {
  const struct function *f = job->f;
  uint64_t first = block * BLOCK;
  size_t n = (size_t)((job->total - first) < BLOCK ? job->total - first : BLOCK);
  double_inputs(x, n, block);
  fill_gradients64(dy, n, first);
  if (f->f64(x, y, n) != ACT_OK) job->failed_call = 1;
  if (f->backward64 && f->backward64(x, dy, dx, n) != ACT_OK) job->failed_call = 1;
  s->hash += block_hash(block, y, n * sizeof *y) + (f->backward64 ? block_hash(~block, dx, n * sizeof *dx) : 0);
  for (size_t j = 0; j < n; j++) {
    s->inputs++;
    quad exact = f->reference64((quad)x[j], j);
    double ulps = 0;
    enum verdict verdict = compare64(y[j], x[j], exact, &ulps);
    if (verdict == MEASURED && f->has_zero && fabs(x[j] - f->zero) <= ZERO_WINDOW)
      ulps = fmin(ulps, (double)(fabsq((quad)y[j] - exact) / ulp64(ZERO_SCALE)));
    record_result(s, verdict, ulps, x[j], f->exact && y[j] != (double)exact);
    if (f->backward64) record_backward(s, dx[j], dy[j] * y[j]);
    if (f->snippet64 && (first + j) % SNIPPET_STRIDE == 0) {
      double snippet_ulps = 0;
      verdict = compare64(f->snippet64(x[j]), x[j], exact, &snippet_ulps);
      record_snippet(s, verdict, snippet_ulps, x[j]);
    }
  }
}

static void *worker(void *argument) {
  struct job *job = argument;
  struct stats local = {0};
  /* One buffer set per worker, big enough for either type. */
  double *buffers = malloc(4 * BLOCK * sizeof(double));
  if (!buffers) {
    job->failed_call = 1;
    return NULL;
  }
  double *x = buffers, *y = x + BLOCK, *dy = y + BLOCK, *dx = dy + BLOCK;
  for (;;) {
    uint64_t block = atomic_fetch_add(&job->next_block, 1);
    if (block >= job->blocks) break;
    if (job->double_precision)
      run_block64(job, block, &local, x, y, dy, dx);
    else
      run_block32(job, block, &local, (float *)x, (float *)y, (float *)dy, (float *)dx);
  }
  free(buffers);
  pthread_mutex_lock(&job->lock);
  merge(&job->result, &local);
  pthread_mutex_unlock(&job->lock);
  return NULL;
}

static struct stats evaluate(const struct function *f, int double_precision, uint64_t stride, uint64_t count,
                             int threads, int *failed_call) {
  struct job job = {.f = f, .double_precision = double_precision, .stride = stride};
  job.strided = ((1ull << 32) + stride - 1) / stride;
  job.total = double_precision ? count : job.strided + FLOAT_SPECIAL_COUNT;
  job.blocks = (job.total + BLOCK - 1) / BLOCK;
  atomic_init(&job.next_block, 0);
  pthread_mutex_init(&job.lock, NULL);
  pthread_t ids[64];
  for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, worker, &job);
  for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
  pthread_mutex_destroy(&job.lock);
  *failed_call |= job.failed_call;
  return job.result;
}

/* ---- half precision (_f16, _bf16): every bit pattern ---------------------- */

/* A 16-bit format: IEEE binary16 or bfloat16. */
struct half_format {
  const char *name;   /* "f16" or "bf16", as in the entry points' names */
  int precision;      /* significand bits, the implicit one included */
  int emin, emax;     /* exponents of the normal range */
  uint16_t infinity;  /* +inf's pattern: the exponent field all ones */
  uint16_t quiet;     /* a NaN's quiet bit */
};

static const struct half_format half_formats[] = {
    {"f16", 11, -14, 15, 0x7c00u, 0x0200u},
    {"bf16", 8, -126, 127, 0x7f80u, 0x0040u},
};
enum { HALF_FORMAT_COUNT = sizeof half_formats / sizeof half_formats[0], HALF_INPUTS = 1 << 16 };

static int half_is_nan(const struct half_format *h, uint16_t b) { return (b & 0x7fffu) > h->infinity; }
static int half_is_quiet_nan(const struct half_format *h, uint16_t b) { return half_is_nan(h, b) && (b & h->quiet); }

/* The float a pattern stands for, exactly (a NaN keeps its sign and payload). */
static float half_widen(const struct half_format *h, uint16_t b) {
  uint32_t bits;
  if (h->precision == 8) {
    bits = (uint32_t)b << 16;
  } else {
    uint32_t sign = (uint32_t)(b & 0x8000u) << 16, exponent = (b >> 10) & 0x1fu, fraction = b & 0x3ffu;
    if (exponent == 0) {
      float v = ldexpf((float)fraction, -24); /* zero and the subnormals */
      return sign ? -v : v;
    }
    bits = sign | (exponent == 0x1f ? 0xffu : exponent - 15 + 127) << 23 | fraction << 13;
  }
  float v;
  memcpy(&v, &bits, sizeof v);
  return v;
}

/* v rounded once to the format, to nearest, ties to even: subnormals below
 * the normal range, +-inf from max + ulp/2 on, zeros keep their sign, a NaN
 * gives the quiet NaN of its sign. Exact: scaling by a power of two is exact
 * in double and rint rounds the scaled significand to an integer (the
 * default rounding mode, to nearest even). */
static uint16_t half_round(const struct half_format *h, double v) {
  uint16_t sign = signbit(v) ? 0x8000u : 0;
  if (isnan(v)) return sign | h->infinity | h->quiet;
  double a = fabs(v);
  if (a == 0) return sign;
  int e = isinf(a) ? h->emax + 1 : ilogb(a);
  if (e > h->emax) return sign | h->infinity; /* a >= 2^(emax+1) */
  if (e < h->emin) e = h->emin;
  /* the significand in units of the result's last place, rounded; a carry
   * to 2^precision moves into the exponent field by the addition below */
  uint32_t m = (uint32_t)rint(ldexp(a, h->precision - 1 - e));
  uint32_t bits = ((uint32_t)(e - h->emin) << (h->precision - 1)) + m;
  return sign | (uint16_t)(bits > h->infinity ? h->infinity : bits);
}

/* The format's ulp at |exact|: 2^(max(exponent, emin) - precision + 1). */
static double half_ulp(const struct half_format *h, double exact) {
  int e = exact == 0 ? h->emin : ilogb(exact);
  if (e < h->emin) e = h->emin;
  return ldexp(1, e - (h->precision - 1));
}

/* Gradients for the half backward check, rounded to each format: those of
 * the wider types, the format's largest and smallest numbers and a NaN
 * (1e30 and 3e38 are inf in f16, -1e-30 is -0). */
static const double half_gradients[] = {1.0, -0.75, 3.5, 1e-3, -2.0, 0.1, 1e30, 0.0, INFINITY, -1e-30, 7.0,
                                        65504.0, -0x1p-24, 3e-5, -0.0, 3e38, NAN};
enum { HALF_GRADIENT_COUNT = sizeof half_gradients / sizeof half_gradients[0] };

struct half_stats {
  uint64_t inputs;              /* every bit pattern */
  uint64_t numbers;             /* the inputs that are not NaN */
  uint64_t correctly_rounded;   /* numbers whose result is the exact value rounded once, bit for bit */
  double max_ulp, worst_input;
  uint64_t over_one;
  uint64_t special_failures;
  double first_special_input;
  uint64_t contract_mismatches; /* results other than the rounded float32 result (NaN: NaN), or than
                                   the correctly rounded value where that rounding is ambiguous */
  uint64_t ambiguous;           /* results whose float32 value is too close to a rounding boundary */
  double first_contract_input;
  uint64_t backward_mismatches;
  uint64_t hash;                /* of every output bit, NaNs canonical (their bits are unspecified) */
};

struct half_row {
  const struct function *f;
  const struct half_format *h;
  struct half_stats s;
  int passed;
};

/* One input's forward or derivative result against its exact value. */
static void half_special(struct half_stats *s, double x) {
  if (s->special_failures++ == 0) s->first_special_input = x;
}

static void half_check(struct half_stats *s, const struct half_format *h, uint16_t got, float x, double exact) {
  if (isnan(x)) {
    if (!half_is_quiet_nan(h, got)) half_special(s, x);
    return;
  }
  s->numbers++;
  if (isnan(exact)) { /* a reference without a value fails the row until mended */
    half_special(s, x);
    return;
  }
  uint16_t rounded = half_round(h, exact);
  s->correctly_rounded += got == rounded;
  if ((rounded & 0x7fffu) == h->infinity) {
    if (got != rounded) half_special(s, x);
    return;
  }
  if (exact == 0 && (got & 0x7fffu) == 0) {
    if (got != rounded) half_special(s, x); /* the zero's sign */
    return;
  }
  if ((got & 0x7fffu) >= h->infinity) { /* inf or NaN for a finite exact value */
    half_special(s, x);
    return;
  }
  double ulps = fabs((double)half_widen(h, got) - exact) / half_ulp(h, exact);
  if (ulps > s->max_ulp) {
    s->max_ulp = ulps;
    s->worst_input = x;
  }
  s->over_one += ulps > 1;
}

/* Whether rounding the float result y to the format is ambiguous, as the
 * library decides it (Sources/CShims/include/vector_shims.h): y finite and
 * the floats 4 ulps below and above it (its magnitude's bit pattern -4,
 * clamped at 0, and +4) round to different 16-bit values. */
static int half_ambiguous(const struct half_format *h, float y) {
  uint32_t m;
  memcpy(&m, &y, sizeof m);
  m &= 0x7fffffffu;
  if (m >= 0x7f800000u) return 0;
  uint32_t below = m >= 4 ? m - 4 : 0, above = m + 4;
  if (h->precision == 8) /* bfloat16 rounds the pattern itself */
    return ((below + 0x7fffu + ((below >> 16) & 1u)) >> 16) != ((above + 0x7fffu + ((above >> 16) & 1u)) >> 16);
  float low, high;
  memcpy(&low, &below, sizeof low);
  memcpy(&high, &above, sizeof high);
  return half_round(h, low) != half_round(h, high);
}

/* Equal bits, or both NaN with the 16-bit one quiet. */
static int half_same(const struct half_format *h, uint16_t got, float wide) {
  if (isnan(wide) || half_is_nan(h, got)) return isnan(wide) && half_is_quiet_nan(h, got);
  return got == half_round(h, wide);
}

static int float_same(float a, float b) { return isnan(a) ? isnan(b) : !memcmp(&a, &b, sizeof a); }

/* The outputs' hash, NaNs replaced by the canonical quiet NaN. */
static uint64_t half_hash(const struct half_format *h, uint64_t key, const uint16_t *y, uint16_t *scratch,
                          size_t n) {
  for (size_t j = 0; j < n; j++) scratch[j] = half_is_nan(h, y[j]) ? (uint16_t)(h->infinity | h->quiet) : y[j];
  return block_hash(key, scratch, n * sizeof *scratch);
}

/* A derivative row's backward entry point in the format (NULL for forward rows). */
static backward_half half_backward_of(const struct function *f, const struct half_format *h) {
  return f->backward32 ? (h->precision == 8 ? f->backward_bf16 : f->backward_f16) : NULL;
}

struct half_buffers {
  uint16_t *x, *y, *dy, *dx, *scratch;
  float *wide_x, *wide_y, *wide_dy, *wide_dx;
};

/* Every pattern of one format through one row: the half entry point, the
 * float32 entry point on the widened inputs (the contract), the exact value;
 * for derivative rows the backward with every gradient. */
static void run_half(struct half_row *r, struct half_buffers *b, atomic_int *failed_call) {
  const struct function *f = r->f;
  const struct half_format *h = r->h;
  map_half forward = h->precision == 8 ? f->bf16 : f->f16;
  backward_half backward = half_backward_of(f, h);
  struct half_stats *s = &r->s;
  size_t n = HALF_INPUTS;
  for (size_t j = 0; j < n; j++) {
    b->x[j] = (uint16_t)j;
    b->wide_x[j] = half_widen(h, b->x[j]);
  }
  if (forward(b->x, b->y, n) != ACT_OK || f->f32(b->wide_x, b->wide_y, n) != ACT_OK) atomic_store(failed_call, 1);
  s->hash += half_hash(h, 0, b->y, b->scratch, n);
  for (size_t j = 0; j < n; j++) {
    s->inputs++;
    double exact = isnan(b->wide_x[j]) ? NAN : f->reference32(b->wide_x[j], j);
    int ambiguous = half_ambiguous(h, b->wide_y[j]);
    s->ambiguous += ambiguous;
    int kept = ambiguous ? b->y[j] == half_round(h, exact) : half_same(h, b->y[j], b->wide_y[j]);
    if (!kept && s->contract_mismatches++ == 0) s->first_contract_input = b->wide_x[j];
    half_check(s, h, b->y[j], b->wide_x[j], exact);
  }
  if (!backward) return;
  uint16_t gradients[HALF_GRADIENT_COUNT];
  for (size_t g = 0; g < HALF_GRADIENT_COUNT; g++) gradients[g] = half_round(h, half_gradients[g]);
  for (size_t k = 0; k < HALF_GRADIENT_COUNT; k++) {
    for (size_t j = 0, g = k; j < n; j++, g = g + 1 == HALF_GRADIENT_COUNT ? 0 : g + 1) {
      b->dy[j] = gradients[g];
      b->wide_dy[j] = half_widen(h, b->dy[j]);
    }
    if (backward(b->x, b->dy, b->dx, n) != ACT_OK || f->backward32(b->wide_x, b->wide_dy, b->wide_dx, n) != ACT_OK)
      atomic_store(failed_call, 1);
    s->hash += half_hash(h, k + 1, b->dx, b->scratch, n);
    /* dx = the float32 backward on the widened inputs, rounded once; that
     * one is fl(dy * f'(x)) with f'(x) the float32 derivative's output */
    for (size_t j = 0; j < n; j++)
      s->backward_mismatches += !half_same(h, b->dx[j], b->wide_dx[j]) ||
                                !float_same(b->wide_dx[j], b->wide_dy[j] * b->wide_y[j]);
  }
}

struct half_job {
  struct half_row *rows;
  size_t count;
  atomic_size_t next;
  atomic_int failed_call;
};

static void *half_worker(void *argument) {
  struct half_job *job = argument;
  struct half_buffers b;
  void *memory = malloc(HALF_INPUTS * (5 * sizeof(uint16_t) + 4 * sizeof(float)));
  if (!memory) {
    atomic_store(&job->failed_call, 1);
    return NULL;
  }
  b.wide_x = memory;
  b.wide_y = b.wide_x + HALF_INPUTS;
  b.wide_dy = b.wide_y + HALF_INPUTS;
  b.wide_dx = b.wide_dy + HALF_INPUTS;
  b.x = (uint16_t *)(b.wide_dx + HALF_INPUTS);
  b.y = b.x + HALF_INPUTS;
  b.dy = b.y + HALF_INPUTS;
  b.dx = b.dy + HALF_INPUTS;
  b.scratch = b.dx + HALF_INPUTS;
  for (;;) {
    size_t i = atomic_fetch_add(&job->next, 1);
    if (i >= job->count) break;
    run_half(&job->rows[i], &b, &job->failed_call);
  }
  free(memory);
  return NULL;
}

/* The half rows' criterion (include/activations.h): at least 99.99% of the
 * numbers correctly rounded, none more than 1 ulp away, no special failure,
 * and the results bitwise those of the float32 function rounded once. */
static int half_passes(const struct half_stats *s) {
  return s->special_failures == 0 && s->contract_mismatches == 0 && s->backward_mismatches == 0 &&
         !isnan(s->max_ulp) && s->max_ulp <= 1 && s->over_one == 0 &&
         s->correctly_rounded * 10000 >= s->numbers * 9999;
}

/* Runs every row in `rows` (each on its own thread while there are rows). */
static void evaluate_half(struct half_row *rows, size_t count, int threads, int *failed_call) {
  struct half_job job = {.rows = rows, .count = count};
  atomic_init(&job.next, 0);
  atomic_init(&job.failed_call, 0);
  pthread_t ids[64];
  for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, half_worker, &job);
  for (int t = 0; t < threads; t++) pthread_join(ids[t], NULL);
  *failed_call |= atomic_load(&job.failed_call);
  for (size_t i = 0; i < count; i++) rows[i].passed = half_passes(&rows[i].s);
}

/* ---- report: half precision ---------------------------------------------- */

#define HALF_BEGIN "<!-- act-eval: half precision, begin (act-eval --half-only --half-markdown FILE rewrites it) -->"
#define HALF_END "<!-- act-eval: half precision, end -->"

static double half_percent(const struct half_stats *s) {
  return s->numbers ? 100.0 * (double)s->correctly_rounded / (double)s->numbers : 100.0;
}

static void print_half_row(FILE *out, const struct half_row *r, int markdown) {
  const struct function *f = r->f;
  const struct half_stats *s = &r->s;
  char name[96];
  snprintf(name, sizeof name, "%s%s%s%s", f->name, *f->parameters ? " (" : "", f->parameters,
           *f->parameters ? ")" : "");
  const char *backward = !half_backward_of(f, r->h) ? "-" : s->backward_mismatches ? "MISMATCH" : "bitwise";
  if (markdown)
    fprintf(out, "| %s | %s | %s | %llu | %llu | %.4f | %.4f | %.9g | %llu | %llu | %llu | %llu | %s | %s |\n", name,
            f->direction, r->h->name, (unsigned long long)s->numbers, (unsigned long long)s->correctly_rounded,
            half_percent(s), s->max_ulp, s->worst_input, (unsigned long long)s->over_one,
            (unsigned long long)s->special_failures, (unsigned long long)s->ambiguous,
            (unsigned long long)s->contract_mismatches, backward,
            r->passed ? "ok" : "FAIL");
  else
    fprintf(out, "%-34s %-10s %-4s %6llu %6llu %8.4f%% %7.4f %16.9g %6llu %7llu %6llu %8llu %-9s %s\n", name,
            f->direction, r->h->name, (unsigned long long)s->numbers, (unsigned long long)s->correctly_rounded,
            half_percent(s), s->max_ulp, s->worst_input, (unsigned long long)s->over_one,
            (unsigned long long)s->special_failures, (unsigned long long)s->ambiguous,
            (unsigned long long)s->contract_mismatches, backward,
            r->passed ? "ok" : "FAIL");
}

/* The section of docs/accuracy.md on the half rows, between its markers. */
static void write_half_section(FILE *out, const struct half_row *rows, size_t count, double seconds) {
  fprintf(out,
          HALF_BEGIN "\n"
          "## Half precision: every input of `_f16` and `_bf16`\n\n"
          "Every one of the 2^16 bit patterns of each format (IEEE binary16 `f16`, bfloat16 `bf16`) through\n"
          "the forward and derivative entry points of every row above, with the same parameters (floats).\n\n"
          "- **correctly rounded**: the result is, bit for bit, the exact value rounded once, directly to the\n"
          "  16-bit format (to nearest, ties to even, subnormals, overflow to inf, signed zeros), from the float32\n"
          "  reference in double (its error is about 2^-42 of an f16 ulp). Counted over the numbers: the 65536\n"
          "  patterns less the NaNs (2046 in f16, 254 in bf16), which must give a quiet NaN.\n"
          "- **max ulp**, **> 1 ulp**: errors in ulps of the 16-bit format at |exact| (the subnormal spacing\n"
          "  below the normal range).\n"
          "- **special**: NaN in must give a quiet NaN; an exact result that is infinite, or rounds to infinity\n"
          "  in the format, or zero must come out as that infinity or that signed zero.\n"
          "- **in double**: inputs whose float32 result lies too close to a rounding boundary of the format\n"
          "  (the floats 4 ulps below and above it round differently); the library computes these in double\n"
          "  and rounds that once, correctly.\n"
          "- **!= contract**: results that are not `act_NAME_f32` on the widened input rounded once to the\n"
          "  format (a NaN result must be a NaN there too), or, for the inputs computed in double, not the\n"
          "  correctly rounded value (include/activations.h).\n"
          "- **backward**: `act_NAME_backward_f16`/`_bf16` equals the float32 backward on the widened x and dy,\n"
          "  rounded once, bit for bit (and that one is `fl(dy * f'(x))`), for every x with each of %d\n"
          "  gradients (0, -0, inf, NaN, the format's largest and smallest numbers among them).\n"
          "- A row passes with at least 99.99%% correctly rounded, no result over 1 ulp, no special failure and\n"
          "  no mismatch. Rounding the float32 result alone would round twice (exact to float32 to 16 bits)\n"
          "  and miss the correctly rounded value where the exact one lies within float32's error of a\n"
          "  midpoint (sigmoid f16: 7 of 63490 numbers, rrelu f16: 1354); the inputs in double are those.\n\n"
          "Instruction set of this run: %s. Run time of the half sweep: %.1f s on this machine.\n\n",
          HALF_GRADIENT_COUNT, act_isa(), seconds);
  fprintf(out,
          "| function | direction | format | numbers | correctly rounded | %% | max ulp | at x | > 1 ulp | "
          "special failures | in double | != contract | backward | |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < count; i++) print_half_row(out, &rows[i], 1);
  fprintf(out, HALF_END "\n");
}

/* Rewrites only the half section of an existing accuracy document: between
 * its markers, or before the document's formulas' section when it has none
 * (at the end when that is missing too). */
static int update_half_section(const char *path, const struct half_row *rows, size_t count, double seconds) {
  FILE *in = fopen(path, "r");
  char *text = NULL;
  size_t size = 0;
  if (in) {
    size_t capacity = 0, got;
    do {
      if (size + 4096 + 1 > capacity) {
        capacity = 2 * capacity + 4096 + 1;
        char *grown = realloc(text, capacity);
        if (!grown) {
          free(text);
          fclose(in);
          return 0;
        }
        text = grown;
      }
      got = fread(text + size, 1, capacity - size - 1, in);
      size += got;
    } while (got);
    fclose(in);
  } else if (errno != ENOENT) {
    fprintf(stderr, "act-eval: cannot read %s: %s\n", path, strerror(errno));
    return 0;
  }
  if (!text) text = calloc(1, 1);
  if (!text) return 0;
  text[size] = 0;
  size_t cut = size, resume = size;
  const char *begin = strstr(text, HALF_BEGIN), *end = begin ? strstr(begin, HALF_END) : NULL;
  const char *formulas = strstr(text, "## The document's formulas");
  int separate = 0;
  if (begin && end) {
    cut = (size_t)(begin - text);
    resume = (size_t)(end - text) + strlen(HALF_END);
    if (text[resume] == '\n') resume++;
  } else if (formulas) {
    cut = resume = (size_t)(formulas - text);
    separate = 1;
  }
  char temporary[4096];
  snprintf(temporary, sizeof temporary, "%s.tmp", path);
  FILE *out = fopen(temporary, "w");
  if (!out) {
    fprintf(stderr, "act-eval: cannot write %s: %s\n", temporary, strerror(errno));
    free(text);
    return 0;
  }
  fwrite(text, 1, cut, out);
  if (cut == size && size && text[size - 1] != '\n') fputc('\n', out);
  if (cut == size && size) fputc('\n', out);
  write_half_section(out, rows, count, seconds);
  if (separate) fputc('\n', out);
  fwrite(text + resume, 1, size - resume, out);
  free(text);
  if (fclose(out) != 0 || rename(temporary, path) != 0) {
    fprintf(stderr, "act-eval: cannot write %s: %s\n", path, strerror(errno));
    return 0;
  }
  return 1;
}

/* ---- report ------------------------------------------------------------- */

struct row {
  const struct function *f;
  int double_precision;
  struct stats s;
  int passed;
};

static int passes(const struct function *f, int double_precision, const struct stats *s) {
  double bound = double_precision ? f->bound64 : f->bound32;
  return s->special_failures == 0 && s->backward_mismatches == 0 && s->inexact == 0 && !isnan(s->max_ulp) &&
         s->max_ulp <= bound;
}

static void print_row(FILE *out, const struct row *r, int markdown) {
  const struct function *f = r->f;
  const char *type = r->double_precision ? "f64" : "f32";
  double bound = r->double_precision ? f->bound64 : f->bound32;
  char name[96];
  snprintf(name, sizeof name, "%s%s%s%s%s", f->name, strcmp(f->direction, "forward") ? "'" : "",
           *f->parameters ? " (" : "", f->parameters, *f->parameters ? ")" : "");
  char bound_text[32];
  if (f->exact)
    snprintf(bound_text, sizeof bound_text, "exact");
  else
    snprintf(bound_text, sizeof bound_text, "%.2f", bound);
  const char *backward = f->backward32 ? (r->s.backward_mismatches ? "MISMATCH" : "bitwise") : "-";
  if (markdown)
    fprintf(out, "| %s | %s | %llu | %.4f | %.9g | %llu | %llu | %llu | %llu | %s | %s | %s |\n", name, type,
            (unsigned long long)r->s.inputs, r->s.max_ulp, r->s.worst_input,
            (unsigned long long)r->s.over_half, (unsigned long long)r->s.over_one,
            (unsigned long long)r->s.over_two, (unsigned long long)r->s.special_failures, backward, bound_text,
            r->passed ? "ok" : "FAIL");
  else
    fprintf(out, "%-34s %s %11llu %9.4f %16.9g %10llu %8llu %8llu %6llu %-9s %6s %s\n", name, type,
            (unsigned long long)r->s.inputs, r->s.max_ulp, r->s.worst_input,
            (unsigned long long)r->s.over_half, (unsigned long long)r->s.over_one,
            (unsigned long long)r->s.over_two, (unsigned long long)r->s.special_failures, backward, bound_text,
            r->passed ? "ok" : "FAIL");
}

static void print_snippet_row(FILE *out, const struct row *r, int markdown) {
  const struct function *f = r->f;
  const char *type = r->double_precision ? "f64" : "f32";
  char label[64];
  snprintf(label, sizeof label, "%s%s", f->name, strcmp(f->direction, "forward") ? "'" : "");
  if (markdown)
    fprintf(out, "| %s | `%s` | %s | %.4g | %.9g | %llu | %llu | %.4f |\n", label, f->snippet, type,
            r->s.snippet_max_ulp,
            r->s.snippet_worst_input, (unsigned long long)r->s.snippet_over_one,
            (unsigned long long)r->s.snippet_special_failures, r->s.max_ulp);
  else
    fprintf(out, "%-12s %-22s %s %14.4g %16.9g %12llu %8llu   (library: %.4f)\n", label, f->snippet, type,
            r->s.snippet_max_ulp, r->s.snippet_worst_input, (unsigned long long)r->s.snippet_over_one,
            (unsigned long long)r->s.snippet_special_failures, r->s.max_ulp);
}

static void write_markdown(const char *path, const struct row *rows, size_t count, uint64_t stride, uint64_t n64,
                           double seconds, const struct half_row *half_rows, size_t half_count,
                           double half_seconds) {
  FILE *out = fopen(path, "w");
  if (!out) {
    fprintf(stderr, "act-eval: cannot write %s: %s\n", path, strerror(errno));
    return;
  }
  fprintf(out,
          "# Accuracy of libactivations %s\n\n"
          "Written by `act-eval` (`make accuracy`, tools/act-eval). Errors are in ulps of the exact result\n"
          "(the spacing of the type's numbers at |exact|; the subnormal spacing below the normal range).\n\n"
          "- **float32**: %s and the special values (%llu inputs per row), against a reference computed in double\n"
          "  from glibc's `exp`/`expm1`/`tanh` with stable formulas.\n"
          "- **float64**: %llu inputs per row: log-uniform over every binade from the smallest subnormal to\n"
          "  the largest finite value (both signs), dense near 0, over [-40, 40] and [700, 750] in magnitude,\n"
          "  the neighbourhoods of the thresholds (exp overflow/underflow, subnormal results, where the naive\n"
          "  derivatives round to 0), and the special values; against libquadmath's `__float128` functions.\n"
          "- **special**: NaN in must give NaN; an exact result that is infinite (or rounds to infinity) or\n"
          "  zero must come out as that infinity or that signed zero. Subnormal results count like any other.\n"
          "- **exact** rows must return the correctly rounded value bit for bit (they did, or the row fails).\n"
          "- **backward**: `act_NAME_backward` equals `fl(dy * f'(x))` bit for bit, with `f'(x)` the\n"
          "  derivative's own output, for gradients including 0, inf, tiny and huge values.\n"
          "- **half precision** (`_f16`, `_bf16`): every input, in its own section below the table.\n\n"
          "Instruction set of this run: %s (`ACTIVATIONS_ISA`; `make accuracy` also runs every other path the CPU has and\n"
          "checks that every output bit matches). Run time: %.0f s on this machine.\n\n",
          act_version(), stride == 1 ? "every one of the 2^32 bit patterns" : "a strided subset of the bit patterns",
          (unsigned long long)(((1ull << 32) + stride - 1) / stride + FLOAT_SPECIAL_COUNT), (unsigned long long)n64,
          act_isa(), seconds);
  fprintf(out,
          "| function | type | inputs | max ulp | at x | > 0.5 ulp | > 1 ulp | > 2 ulp | special failures | "
          "backward | bound | |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < count; i++) print_row(out, &rows[i], 1);
  fprintf(out, "\n");
  write_half_section(out, half_rows, half_count, half_seconds);
  fprintf(out,
          "\n## The document's formulas, measured the same way\n\n"
          "The numpy snippets of the document the library starts from, evaluated in the type's own arithmetic\n"
          "on every 8th input of the sweep\n"
          "(C's `expf`/`tanhf` for float32, as numpy's float32 ufuncs compute them; `exp`/`tanh` for float64),\n"
          "on the same inputs against the same references. Their worst errors sit in the tails: `1/(1+exp(-z))`\n"
          "returns 0 where the exact value is still subnormal, `S(1-S)` and `1 - tanh^2` return 0 (an error of\n"
          "millions of ulps) where the derivative is still ~1e-8, and `exp(z) - 1` loses every digit near 0.\n\n"
          "| function | formula | type | max ulp | at x | > 1 ulp | special failures | library max ulp |\n"
          "|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < count; i++)
    if (rows[i].f->snippet32) print_snippet_row(out, &rows[i], 1);
  fclose(out);
}

static void usage(void) {
  fprintf(stderr,
          "usage: act-eval [--stride K] [--count N] [--threads T] [--markdown FILE] [--only NAME] [--hashes FILE]\n"
          "                [--half-only] [--half-markdown FILE]\n");
  exit(2);
}

int main(int argc, char **argv) {
  uint64_t stride = 1, count = 10000000;
  long threads = sysconf(_SC_NPROCESSORS_ONLN);
  const char *markdown = NULL, *only = NULL, *hashes = NULL, *half_markdown = NULL;
  int half_only = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--half-only")) {
      half_only = 1;
      continue;
    }
    if (i + 1 >= argc) usage();
    if (!strcmp(argv[i], "--stride")) stride = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--count")) count = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--threads")) threads = strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--markdown")) markdown = argv[++i];
    else if (!strcmp(argv[i], "--only")) only = argv[++i];
    else if (!strcmp(argv[i], "--hashes")) hashes = argv[++i];
    else if (!strcmp(argv[i], "--half-markdown")) half_markdown = argv[++i];
    else usage();
  }
  if (stride < 1 || threads < 1 || threads > 64) usage();
  if (half_only && markdown) {
    fprintf(stderr, "act-eval: --markdown writes the float32/float64 tables too: with --half-only, use "
                    "--half-markdown FILE (rewrites only the half section)\n");
    usage();
  }

  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  if (half_only)
    printf("act-eval: libactivations %s (instruction set: %s); half precision only; %ld threads\n\n", act_version(),
           act_isa(), threads);
  else
    printf("act-eval: libactivations %s (instruction set: %s); float32: every %llu-th bit pattern; float64: %llu "
           "inputs; f16 and bf16: every bit pattern; %ld threads\n\n",
           act_version(), act_isa(), (unsigned long long)stride, (unsigned long long)count, threads);

  struct row rows[2 * 64];
  size_t row_count = 0;
  int failed_call = 0, all_passed = 1;
  if (!half_only) {
    printf("%-34s %s %11s %9s %16s %10s %8s %8s %6s %-9s %6s\n", "function", "type", "inputs", "max ulp", "at x",
           ">0.5 ulp", ">1 ulp", ">2 ulp", "special", "backward", "bound");
    fflush(stdout);
  }
  for (size_t i = 0; i < function_count && !half_only; i++) {
    if (only && strcmp(only, functions[i].name)) continue;
    for (int precision = 0; precision < 2; precision++) {
      struct row *r = &rows[row_count++];
      r->f = &functions[i];
      r->double_precision = precision;
      r->s = evaluate(r->f, precision, stride, count, (int)threads, &failed_call);
      r->passed = passes(r->f, precision, &r->s);
      all_passed &= r->passed;
      print_row(stdout, r, 0);
      if (r->s.special_failures) printf("    first special-value failure at x = %.9g\n", r->s.first_special_input);
      fflush(stdout);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  double seconds = (double)(end.tv_sec - start.tv_sec) + 1e-9 * (double)(end.tv_nsec - start.tv_nsec);

  /* The half sweep: every bit pattern of both formats, one row per thread at a time. */
  struct half_row half_rows[HALF_FORMAT_COUNT * 64];
  size_t half_count = 0;
  for (size_t i = 0; i < function_count; i++) {
    if (only && strcmp(only, functions[i].name)) continue;
    for (size_t k = 0; k < HALF_FORMAT_COUNT; k++)
      half_rows[half_count++] = (struct half_row){.f = &functions[i], .h = &half_formats[k]};
  }
  struct timespec half_start, half_end;
  clock_gettime(CLOCK_MONOTONIC, &half_start);
  evaluate_half(half_rows, half_count, (int)threads, &failed_call);
  clock_gettime(CLOCK_MONOTONIC, &half_end);
  double half_seconds = (double)(half_end.tv_sec - half_start.tv_sec) +
                        1e-9 * (double)(half_end.tv_nsec - half_start.tv_nsec);
  printf("%shalf precision: every bit pattern (correctly rounded: of the numbers, NaN patterns aside; in double: "
         "float32 results too close to a rounding boundary; != contract: results other than the float32 result "
         "rounded once, or for those in double other than the correctly rounded value)\n",
         half_only ? "" : "\n");
  printf("%-34s %-10s %-4s %6s %6s %9s %7s %16s %6s %7s %6s %8s %-9s\n", "function", "direction", "fmt", "numbers",
         "correct", "%", "max ulp", "at x", ">1 ulp", "special", "double", "!= contr", "backward");
  for (size_t i = 0; i < half_count; i++) {
    all_passed &= half_rows[i].passed;
    print_half_row(stdout, &half_rows[i], 0);
    if (half_rows[i].s.special_failures)
      printf("    first special-value failure at x = %.9g\n", half_rows[i].s.first_special_input);
    if (half_rows[i].s.contract_mismatches)
      printf("    first result other than the contract's at x = %.9g\n",
             half_rows[i].s.first_contract_input);
  }
  printf("half sweep: %.2f s\n", half_seconds);
  fflush(stdout);

  if (!half_only) {
    printf("\nthe document's formulas on the same inputs (max ulp, worst input, inputs over 1 ulp, special failures)\n");
    for (size_t i = 0; i < row_count; i++)
      if (rows[i].f->snippet32) print_snippet_row(stdout, &rows[i], 0);
  }
  if (markdown) write_markdown(markdown, rows, row_count, stride, count, seconds, half_rows, half_count, half_seconds);
  if (half_markdown && !update_half_section(half_markdown, half_rows, half_count, half_seconds)) return 1;
  if (hashes) {
    FILE *out = fopen(hashes, "w");
    if (!out) {
      fprintf(stderr, "act-eval: cannot write %s: %s\n", hashes, strerror(errno));
      return 1;
    }
    for (size_t i = 0; i < row_count; i++)
      fprintf(out, "%s %s %s %s %016llx\n", rows[i].f->name, rows[i].f->direction,
              *rows[i].f->parameters ? rows[i].f->parameters : "-", rows[i].double_precision ? "f64" : "f32",
              (unsigned long long)rows[i].s.hash);
    for (size_t i = 0; i < half_count; i++)
      fprintf(out, "%s %s %s %s %016llx\n", half_rows[i].f->name, half_rows[i].f->direction,
              *half_rows[i].f->parameters ? half_rows[i].f->parameters : "-", half_rows[i].h->name,
              (unsigned long long)half_rows[i].s.hash);
    fclose(out);
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  seconds = (double)(end.tv_sec - start.tv_sec) + 1e-9 * (double)(end.tv_nsec - start.tv_nsec);
  if (failed_call) printf("\nact-eval: a library call returned an error status\n");
  printf("\n%s: every published bound %s (%.1f s)\n", all_passed && !failed_call ? "ok" : "FAILED",
         all_passed && !failed_call ? "holds" : "does not hold", seconds);
  return all_passed && !failed_call ? 0 : 1;
}
