/* act-eval: the accuracy of every elementwise function of libactivations,
 * measured in ulps against independent higher-precision references.
 *
 *   float32: every float bit pattern (2^32 inputs; --stride K takes every
 *            K-th) plus the special values, reference in double (functions.c).
 *   float64: --count N inputs (default 10^7) spread over the whole finite
 *            range, reference in __float128 (libquadmath).
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
 * Exit status: 0 when every published bound holds, 1 otherwise.
 *
 *   act-eval [--stride K] [--count N] [--threads T] [--markdown FILE] [--only NAME] [--hashes FILE]
 *
 * --hashes FILE writes one line per row with a hash of every output bit, for
 * comparing instruction-set paths (ACTIVATIONS_ISA) bit for bit.
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
                           double seconds) {
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
          "  derivative's own output, for gradients including 0, inf, tiny and huge values.\n\n"
          "Instruction set of this run: %s (`ACTIVATIONS_ISA`; `make accuracy` also runs the baseline path and\n"
          "checks that every output bit matches). Run time: %.0f s on this machine.\n\n",
          act_version(), stride == 1 ? "every one of the 2^32 bit patterns" : "a strided subset of the bit patterns",
          (unsigned long long)(((1ull << 32) + stride - 1) / stride + FLOAT_SPECIAL_COUNT), (unsigned long long)n64,
          act_isa(), seconds);
  fprintf(out,
          "| function | type | inputs | max ulp | at x | > 0.5 ulp | > 1 ulp | > 2 ulp | special failures | "
          "backward | bound | |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (size_t i = 0; i < count; i++) print_row(out, &rows[i], 1);
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
          "usage: act-eval [--stride K] [--count N] [--threads T] [--markdown FILE] [--only NAME] [--hashes FILE]\n");
  exit(2);
}

int main(int argc, char **argv) {
  uint64_t stride = 1, count = 10000000;
  long threads = sysconf(_SC_NPROCESSORS_ONLN);
  const char *markdown = NULL, *only = NULL, *hashes = NULL;
  for (int i = 1; i < argc; i++) {
    if (i + 1 >= argc) usage();
    if (!strcmp(argv[i], "--stride")) stride = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--count")) count = strtoull(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--threads")) threads = strtol(argv[++i], NULL, 10);
    else if (!strcmp(argv[i], "--markdown")) markdown = argv[++i];
    else if (!strcmp(argv[i], "--only")) only = argv[++i];
    else if (!strcmp(argv[i], "--hashes")) hashes = argv[++i];
    else usage();
  }
  if (stride < 1 || threads < 1 || threads > 64) usage();

  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  printf("act-eval: libactivations %s (instruction set: %s); float32: every %llu-th bit pattern; float64: %llu "
         "inputs; %ld threads\n\n",
         act_version(), act_isa(), (unsigned long long)stride, (unsigned long long)count, threads);
  printf("%-34s %s %11s %9s %16s %10s %8s %8s %6s %-9s %6s\n", "function", "type", "inputs", "max ulp", "at x",
         ">0.5 ulp", ">1 ulp", ">2 ulp", "special", "backward", "bound");
  fflush(stdout);

  struct row rows[2 * 64];
  size_t row_count = 0;
  int failed_call = 0, all_passed = 1;
  for (size_t i = 0; i < function_count; i++) {
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

  printf("\nthe document's formulas on the same inputs (max ulp, worst input, inputs over 1 ulp, special failures)\n");
  for (size_t i = 0; i < row_count; i++)
    if (rows[i].f->snippet32) print_snippet_row(stdout, &rows[i], 0);
  if (markdown) write_markdown(markdown, rows, row_count, stride, count, seconds);
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
    fclose(out);
  }
  if (failed_call) printf("\nact-eval: a library call returned an error status\n");
  printf("\n%s: every published bound %s (%.1f s)\n", all_passed && !failed_call ? "ok" : "FAILED",
         all_passed && !failed_call ? "holds" : "does not hold", seconds);
  return all_passed && !failed_call ? 0 : 1;
}
