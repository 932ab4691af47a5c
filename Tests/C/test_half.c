/*
 * test_half.c -- the half-precision entry points (_f16: IEEE binary16,
 * _bf16: bfloat16), for every row of functions.def, forward, derivative and
 * backward, in both formats (HALF_CASES, half_cases.c):
 *
 *   a. contract: the half result is the _f32 function on the exactly
 *      widened inputs, rounded once to the format, to nearest, ties to even
 *      -- bit for bit, NaN (quiet) where the _f32 result is NaN.  The
 *      elementwise forward and derivative are correctly rounded: where
 *      rounding the _f32 result is ambiguous (the floats 4 ulps below and
 *      above it round differently) they must be the _f64 function of the
 *      widened input (parameters as float), rounded once; results that are
 *      not the correctly rounded _f64 value anywhere are noted (information).
 *      Widening and rounding are written here (half.c), not taken from the
 *      library.
 *      Elementwise: every one of the 2^16 bit patterns as x (and, for the
 *      backward, as dy), beside a mix of moderate values, every special
 *      class (+-0, subnormals, the largest finite, +-inf, quiet and
 *      signalling NaNs with payloads) and arbitrary bit patterns, with three
 *      parameter sets (the last one large, so that results overflow).  Row
 *      functions: small shapes of such rows; prelu's dweight too.
 *   b. validation with sizeof(T) = 2: ACT_ERR_SIZE (n * 2 > PTRDIFF_MAX,
 *      shape products), zero work touching nothing, NULL pointers, odd
 *      addresses, parameters checked as float, partial overlap, the order of
 *      these checks, and exact in-place calls equal to out-of-place ones;
 *      an error return writes nothing.
 *   c. slices and threads: lengths 0..70 (elements; rows for the row kinds)
 *      at offsets 0 and 1 equal to the same part of one long call, and that
 *      long call (past the threading crossover) the same bits with 1 and 8
 *      threads; the long call in place equal to out of place.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "half_cases.h"
#include "inputs.h"
#include "tests.h"

typedef uint16_t H;

/* ---- inputs ----------------------------------------------------------------- */

static uint64_t rnd(uint64_t *s) {
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(0x2545F4914F6CDD1D);
}

static double unit(uint64_t r) { return (double)(r >> 11) * (1.0 / 9007199254740992.0); }

/* Every special class of each format: +-0, the smallest and largest
 * subnormals, the smallest normal, the largest finite, +-inf, quiet NaNs
 * (both signs, payloads), signalling NaNs, +-1, 0.5. */
#define NSPECIAL 20
static const H SPECIAL[2][NSPECIAL] = {
    {0x0000, 0x8000, 0x0001, 0x8001, 0x03ff, 0x83ff, 0x0400, 0x8400, 0x7bff, 0xfbff,
     0x7c00, 0xfc00, 0x7e00, 0xfe00, 0x7c01, 0x7d55, 0xffff, 0x3c00, 0xbc00, 0x3800},
    {0x0000, 0x8000, 0x0001, 0x8001, 0x007f, 0x807f, 0x0080, 0x8080, 0x7f7f, 0xff7f,
     0x7f80, 0xff80, 0x7fc0, 0xffc0, 0x7f81, 0x7fa5, 0xffff, 0x3f80, 0xbf80, 0x3f00}};

enum { MODERATE, SPECIAL_VALUE, BITS, WIDE };

/* One input of the given mode for case h (maxout: small integers, so ties
 * happen; softmax_backward's y: in [0, 1)). */
static H gen(const half_case *h, int mode, uint64_t *st, int is_dy) {
    uint64_t r = rnd(st);
    half_format f = h->format;
    if (mode == SPECIAL_VALUE) return SPECIAL[f][r % NSPECIAL];
    if (mode == BITS) return (H)(r >> 48);
    if (mode == WIDE) { /* +-2^e, e across (and past) the format's range */
        double e = f == FORMAT_F16 ? -27.0 + 45.0 * unit(r) : -135.0 + 265.0 * unit(r);
        return half_from_float(f, (float)((r & 1 ? -1.0 : 1.0) * pow(2.0, e)));
    }
    if (is_dy) return half_from_float(f, (float)(-2.0 + 4.0 * unit(r)));
    if (h->c.kind == KIND_MAXOUT) return half_from_float(f, (float)(int)(-3.0 + 7.0 * unit(r)));
    if (h->c.kind == KIND_SOFTMAX && h->c.variant == VARIANT_BACKWARD) return half_from_float(f, (float)unit(r));
    return half_from_float(f, (float)(-12.0 + 24.0 * unit(r)));
}

/* Element k's mode in a mixed stream: half moderate, the rest wide, special
 * or arbitrary bits. */
static int mixed_mode(size_t k) {
    static const int MODES[8] = {MODERATE, MODERATE, MODERATE, WIDE, SPECIAL_VALUE, BITS, BITS, MODERATE};
    return MODES[k % 8];
}

/* Fills count elements of rows of `width`: row r's flavour is r % 5 --
 * moderate; moderate with one special value; mixed; wide; arbitrary bits.
 * Elementwise arrays (width 0) are one mixed stream. */
static void fill_rows(const half_case *h, H *a, size_t count, size_t width, uint64_t seed, int is_dy) {
    uint64_t st = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    size_t k;
    for (k = 0; k < count; k++) {
        int mode;
        if (width == 0) {
            mode = mixed_mode(k);
        } else {
            size_t row = k / width, col = k % width;
            switch (row % 5) {
            case 0: mode = MODERATE; break;
            case 1: mode = col == (row / 5) % width ? SPECIAL_VALUE : MODERATE; break;
            case 2: mode = mixed_mode(k); break;
            case 3: mode = WIDE; break;
            default: mode = BITS; break;
            }
        }
        a[k] = gen(h, mode, &st, is_dy);
    }
}

static void widen(half_format f, const H *a, float *w, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) w[i] = half_to_float(f, a[i]);
}

static H *halloc(size_t n) { return xmalloc((n ? n : 1) * sizeof(H)); }
static float *falloc(size_t n) { return xmalloc((n ? n : 1) * sizeof(float)); }

/* ---- a. the contract: round(f32(widen(x))) ---------------------------------- */

/* The expected 16-bit result from the _f32 result y32 (and, for the
 * elementwise forward and derivative, y64: the _f64 function on the same
 * widened input, parameters as float): RN16(y32), except where rounding y32
 * is ambiguous (half_rounding_ambiguous): there the correctly rounded y64. */
static H expected(const half_case *h, float y32, const double *y64) {
    if (y64 != NULL && half_rounding_ambiguous(h->format, y32)) return half_from_double(h->format, *y64);
    return half_from_float(h->format, y32);
}

/* How many of got[0..n) differ from the expected value (NaN: must be a
 * quiet NaN); prints the first few with their inputs' bits. */
static size_t compare_rounded(const half_case *h, const char *what, const H *got, const float *ref,
                              const double *ref64, size_t n, const H *in0, const H *in1, size_t width,
                              int *printed) {
    size_t i, bad = 0;
    for (i = 0; i < n; i++) {
        H want = expected(h, ref[i], ref64 ? &ref64[i] : NULL);
        int ok = isnan(ref[i]) ? half_is_quiet_nan(h->format, got[i]) : got[i] == want;
        if (ok) continue;
        bad++;
        if ((*printed)++ < 4) {
            uint32_t rb;
            char extra[96] = "";
            memcpy(&rb, &ref[i], sizeof rb);
            if (ref64 && half_rounding_ambiguous(h->format, ref[i]))
                sprintf(extra, "; ambiguous, _f64 result %a", ref64[i]);
            if (width == 0 && in1)
                printf("  %s (%s): element %zu: x 0x%04x, dy 0x%04x: got 0x%04x, want 0x%04x%s "
                       "(_f32 result %a = 0x%08x%s)\n",
                       h->c.symbol, what, i, in0[i], in1[i], got[i], want, isnan(ref[i]) ? " (a quiet NaN)" : "",
                       (double)ref[i], rb, extra);
            else if (width == 0)
                printf("  %s (%s): element %zu: x 0x%04x: got 0x%04x, want 0x%04x%s (_f32 result %a = 0x%08x%s)\n",
                       h->c.symbol, what, i, in0[i], got[i], want, isnan(ref[i]) ? " (a quiet NaN)" : "",
                       (double)ref[i], rb, extra);
            else
                printf("  %s (%s): output element %zu (row %zu): got 0x%04x, want 0x%04x%s "
                       "(_f32 result %a = 0x%08x)\n",
                       h->c.symbol, what, i, i / width, got[i], want, isnan(ref[i]) ? " (a quiet NaN)" : "",
                       (double)ref[i], rb);
        }
    }
    return bad;
}

/* Information only: results that are not the correctly rounded _f64 value. */
static size_t not_correctly_rounded(const half_case *h, const H *got, const double *ref64, const H *in0, size_t n,
                                    size_t *in_range) {
    size_t i, bad = 0;
    *in_range = 0;
    for (i = 0; i < n; i++) {
        if (isnan(ref64[i])) continue;
        ++*in_range;
        if (got[i] != half_from_double(h->format, ref64[i]) && bad++ < 2)
            printf("  note: %s(x 0x%04x) = 0x%04x, the _f64 result %a rounds to 0x%04x\n", h->c.symbol, in0[i],
                   got[i], ref64[i], half_from_double(h->format, ref64[i]));
    }
    return bad;
}

/* v rounded to float, as a double.  Through a volatile float: gcc 12.2 at
 * -O2 drops the rounding of `q.alpha = (double)(float)p->alpha; q.lower =
 * (double)(float)p->lower;` on a struct copy (its SLP vectorizer pairs the
 * two and folds the conversions away; -fno-tree-slp-vectorize keeps them). */
static double as_float(double v) {
    volatile float f = (float)v;
    return (double)f;
}

/* rrelu draws its training slopes in the element type, and the half entry
 * points compute the float function: its exact values are x times the float
 * slopes (the _f32 derivative of -1 at the same indices), exact in double. */
static void rrelu_float_slopes(const double *x, double *out64, size_t n, int derivative, const shape *s,
                               const params *p) {
    const fn_case *slopes_case = find_case("act_rrelu_derivative_f32");
    float *ones = falloc(n), *slopes = falloc(n);
    size_t i;
    for (i = 0; i < n; i++) ones[i] = -1.0f;
    check(slopes_case != NULL && slopes_case->call(ones, NULL, slopes, s, p) == ACT_OK,
          "act_rrelu_derivative_f32 gives the float slopes");
    for (i = 0; i < n; i++) {
        if (isnan(x[i])) continue;
        if (derivative)
            out64[i] = x[i] > 0 ? 1.0 : (double)slopes[i];
        else
            out64[i] = x[i] >= 0 ? x[i] : x[i] * (double)slopes[i];
    }
    free(ones);
    free(slopes);
}

/* Calls h and its _f32 reference on the same inputs (widened) with shape s
 * and parameters p, and checks every output (and prelu's dweight); the
 * elementwise forward and derivative also call the _f64 function. */
static void contract_call(const half_case *h, const fn_case *ref, const char *what, const H *in0,
                          const H *in1, const shape *s, const params *p, size_t width) {
    size_t count[3], bad = 0, nw = 0, i;
    float *w0, *w1, *out32, dweight32[64];
    double *w64 = NULL, *out64 = NULL;
    H *out16, dweight16[64];
    act_status st16, st32, st64 = ACT_OK;
    int printed = 0;
    case_counts(&h->c, s, count);
    w0 = falloc(count[0]);
    w1 = falloc(count[1]);
    out32 = falloc(count[2]);
    out16 = halloc(count[2]);
    widen(h->format, in0, w0, count[0]);
    widen(h->format, in1, w1, count[1]);
    memset(out16, 0x5a, count[2] * sizeof(H));
    st32 = ref->call(w0, count[1] ? w1 : NULL, out32, s, p);
    if (h->c.kind == KIND_PRELU && h->c.variant == VARIANT_BACKWARD) {
        nw = s->units;
        memcpy(dweight32, prelu_dweight, nw * sizeof(float));
    }
    if (h->c.kind == KIND_ELEMENTWISE && h->c.variant != VARIANT_BACKWARD) {
        char symbol[96];
        const fn_case *ref64;
        params p64 = *p; /* the parameters the half call receives: floats */
        p64.alpha = as_float(p->alpha);
        p64.lower = as_float(p->lower);
        p64.upper = as_float(p->upper);
        strcpy(symbol, h->reference);
        strcpy(symbol + strlen(symbol) - 3, "f64");
        ref64 = find_case(symbol);
        check(ref64 != NULL, "%s: no %s in the table", h->c.symbol, symbol);
        if (ref64 != NULL) {
            w64 = xmalloc(count[0] * sizeof(double));
            out64 = xmalloc(count[2] * sizeof(double));
            for (i = 0; i < count[0]; i++) w64[i] = (double)w0[i];
            st64 = ref64->call(w64, NULL, out64, s, &p64);
            if (strncmp(h->c.symbol, "act_rrelu", 9) == 0)
                rrelu_float_slopes(w64, out64, count[0], h->c.variant == VARIANT_DERIVATIVE, s, p);
        }
    }
    st16 = h->c.call(in0, count[1] ? in1 : NULL, out16, s, p);
    if (nw) memcpy(dweight16, prelu_dweight, nw * sizeof(H));
    check(st32 == ACT_OK && st16 == ACT_OK && st64 == ACT_OK, "%s (%s): status %d, %s %d (f64 %d)", h->c.symbol,
          what, (int)st16, h->reference, (int)st32, (int)st64);
    if (st32 == ACT_OK && st16 == ACT_OK && st64 == ACT_OK) {
        bad = compare_rounded(h, what, out16, out32, out64, count[2], in0, count[1] ? in1 : NULL, width, &printed);
        check(bad == 0, "%s (%s): %zu of %zu results differ from %s on the widened inputs, rounded once%s",
              h->c.symbol, what, bad, count[2], h->reference,
              out64 ? " (the _f64 result where that rounding is ambiguous)" : "");
        if (out64) {
            size_t in_range, off = not_correctly_rounded(h, out16, out64, in0, count[2], &in_range);
            if (off)
                printf("  note: %s (%s): %zu of %zu non-NaN results are not the correctly rounded _f64 value\n",
                       h->c.symbol, what, off, in_range);
        }
        if (nw) {
            int pr = 0;
            size_t bw = compare_rounded(h, "dweight", dweight16, dweight32, NULL, nw, in0, NULL, 1, &pr);
            check(bw == 0, "%s (%s): %zu of %zu weight gradients differ from %s's, rounded once", h->c.symbol,
                  what, bw, nw, h->reference);
        }
    }
    free(w0);
    free(w1);
    free(w64);
    free(out32);
    free(out64);
    free(out16);
}

static const params PARAMS_SET[3] = {
    {0.5, 0.125, 0.375, 1, 7},        /* parameters exact in both formats; rrelu training */
    {0.3, -0.1, 0.7, 0, 99},          /* parameters no 16-bit format holds; rrelu eval   */
    {1000.0, 2.5, 3000.0, 1, 12345},  /* large: results overflow the format              */
};

static void contract_elementwise(const half_case *h, const fn_case *ref) {
    const size_t N = 65536 + 4096;
    H *x = halloc(N), *dy = halloc(N);
    shape s = {N, 0, 0, 0, 0};
    size_t i, k;
    char what[96];
    int np = h->c.params == PARAMS_NONE ? 1 : 3;
    for (k = 0; k < (size_t)np; k++) {
        /* x: every bit pattern, then a mixed tail; dy mixed */
        for (i = 0; i < 65536; i++) x[i] = (H)i;
        fill_rows(h, x + 65536, N - 65536, 0, 11 + k, 0);
        fill_rows(h, dy, N, 0, 23 + k, 1);
        sprintf(what, "all x, parameter set %zu", k);
        contract_call(h, ref, what, x, dy, &s, &PARAMS_SET[k], 0);
        if (h->c.variant == VARIANT_BACKWARD) { /* dy: every bit pattern, x mixed */
            for (i = 0; i < 65536; i++) dy[i] = (H)i;
            fill_rows(h, x, N, 0, 37 + k, 0);
            sprintf(what, "all dy, parameter set %zu", k);
            contract_call(h, ref, what, x, dy, &s, &PARAMS_SET[k], 0);
        }
    }
    free(x);
    free(dy);
}

static void contract_rows(const half_case *h, const fn_case *ref) {
    shape shapes[3];
    size_t ns = 0, i, count[3];
    memset(shapes, 0, sizeof shapes);
    switch (h->c.kind) {
    case KIND_SOFTMAX:
        shapes[0].rows = 40; shapes[0].cols = 7;
        shapes[1].rows = 10; shapes[1].cols = 67;
        shapes[2].rows = 5; shapes[2].cols = 1;
        ns = 3;
        break;
    case KIND_MAXOUT:
        shapes[0].rows = 20; shapes[0].units = 5; shapes[0].pieces = 3;
        shapes[1].rows = 5; shapes[1].units = 19; shapes[1].pieces = 1;
        ns = 2;
        break;
    case KIND_GATED:
        shapes[0].rows = 20; shapes[0].cols = 9;
        shapes[1].rows = 5; shapes[1].cols = 33;
        ns = 2;
        break;
    case KIND_PRELU:
        shapes[0].rows = 25; shapes[0].cols = 5; shapes[0].units = 5;
        shapes[1].rows = 25; shapes[1].cols = 5; shapes[1].units = 1;
        shapes[2].rows = 10; shapes[2].cols = 37; shapes[2].units = 37;
        ns = 3;
        break;
    default:
        break;
    }
    for (i = 0; i < ns; i++) {
        const shape *s = &shapes[i];
        size_t width;
        H *in0, *in1;
        char what[96];
        case_counts(&h->c, s, count);
        width = count[0] / (s->rows ? s->rows : 1);
        in0 = halloc(count[0]);
        in1 = halloc(count[1]);
        fill_rows(h, in0, count[0], width, 51 + i, 0);
        fill_rows(h, in1, count[1], count[1] / s->rows, 61 + i, 1);
        sprintf(what, "rows %zu, cols %zu, units %zu, pieces %zu", s->rows, s->cols, s->units, s->pieces);
        contract_call(h, ref, what, in0, in1, s, &PARAMS_SET[0], count[2] / s->rows);
        free(in0);
        free(in1);
    }
}

/* ---- b. validation ---------------------------------------------------------- */

#define ARENA 512
static union {
    double align; /* the arena starts 8-aligned: at(k, 0) is 4-aligned for even k */
    H h[ARENA + 32];
} arena_u;
static H *const arena = arena_u.h;
static H snapshot[ARENA + 32];

static void *at(size_t elem, size_t byte_shift) { return (char *)(arena + 16) + elem * sizeof(H) + byte_shift; }

static void fill_arena(const half_case *h) {
    size_t i;
    for (i = 0; i < ARENA + 32; i++) arena[i] = half_from_float(h->format, (float)(0.05 + (double)(i % 17) / 20.0));
}

static void expect(const half_case *h, const char *what, const void *p0, const void *p1, void *p2, const shape *s,
                   const params *p, act_status want, int may_write) {
    act_status got;
    memcpy(snapshot, arena, sizeof snapshot);
    got = h->c.call(p0, p1, p2, s, p);
    check(got == want, "%s: %s: got %d (%s), want %d (%s)", h->c.symbol, what, (int)got, act_status_message(got),
          (int)want, act_status_message(want));
    if (!may_write)
        check(memcmp(snapshot, arena, sizeof snapshot) == 0, "%s: %s: returned %d but wrote to memory", h->c.symbol,
              what, (int)got);
}

static shape small_shape(const fn_case *c) {
    shape s = {0, 0, 0, 0, 0};
    if (c->kind == KIND_ELEMENTWISE) s.n = 8;
    if (c->kind == KIND_SOFTMAX) { s.rows = 2; s.cols = 4; }
    if (c->kind == KIND_MAXOUT) { s.rows = 2; s.units = 3; s.pieces = 2; }
    if (c->kind == KIND_GATED) { s.rows = 2; s.cols = 3; }
    if (c->kind == KIND_PRELU) { s.rows = 2; s.cols = 4; s.units = 4; }
    return s;
}

static const params GOOD = {0.5, 0.125, 0.375, 1, 7};

/* Parameter sets outside the domain, as float: some are finite doubles that
 * become +-inf or 0 as float (the check is on the float the call receives). */
static size_t bad_params(const fn_case *c, params out[16]) {
    size_t n = 0, i;
    if (c->params == PARAMS_ALPHA) {
        const double bad[] = {NAN, INFINITY, -INFINITY, 1e39, -1e39};
        for (i = 0; i < 5; i++) { out[n] = GOOD; out[n++].alpha = bad[i]; }
    } else if (c->params == PARAMS_LAMBD) {
        const double bad[] = {NAN, INFINITY, -INFINITY, -0.5, 1e39};
        for (i = 0; i < 5; i++) { out[n] = GOOD; out[n++].alpha = bad[i]; }
    } else if (c->params == PARAMS_BOUNDS || c->params == PARAMS_PAIR) {
        const double bad[] = {NAN, INFINITY, -INFINITY, 1e39};
        for (i = 0; i < 4; i++) { out[n] = GOOD; out[n++].lower = -bad[i]; }
        for (i = 0; i < 4; i++) { out[n] = GOOD; out[n++].upper = bad[i]; }
        if (c->params == PARAMS_BOUNDS) { out[n] = GOOD; out[n].lower = 0.5; out[n++].upper = 0.25; }
    } else if (c->params == PARAMS_SOFTPLUS) {
        const double bad_beta[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0, 1e39, 1e-50, -1e-50};
        const double bad_threshold[] = {NAN, -INFINITY, -1e39};
        for (i = 0; i < 8; i++) { out[n] = GOOD; out[n++].lower = bad_beta[i]; }
        for (i = 0; i < 3; i++) { out[n] = GOOD; out[n++].upper = bad_threshold[i]; }
    } else if (c->params == PARAMS_NONZERO) {
        const double bad[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0, 1e-50, 1e39};
        for (i = 0; i < 7; i++) { out[n] = GOOD; out[n++].alpha = bad[i]; }
    } else if (c->params == PARAMS_RRELU) {
        out[n] = GOOD; out[n].lower = 0.5; out[n].upper = 0.25; out[n++].training = 0;
        out[n] = GOOD; out[n].lower = 0.5; out[n++].upper = 0.25;
        out[n] = GOOD; out[n++].lower = NAN;
        out[n] = GOOD; out[n++].upper = NAN;
        out[n] = GOOD; out[n++].upper = INFINITY;
        out[n] = GOOD; out[n++].upper = 1e39;
        out[n] = GOOD; out[n++].lower = -INFINITY;
        out[n] = GOOD; out[n].lower = -FLT_MAX; out[n++].upper = FLT_MAX; /* upper - lower = inf in float */
    } else if (c->params == PARAMS_WEIGHTS) {
        out[n] = GOOD; out[n++].seed = PRELU_NAN_WEIGHT;
        out[n] = GOOD; out[n++].seed = PRELU_INF_WEIGHT;
    }
    return n;
}

/* Parameter sets inside the domain as float that no 16-bit format holds. */
static size_t good_params(const fn_case *c, params out[8]) {
    size_t n = 0, i;
    if (c->params == PARAMS_ALPHA || c->params == PARAMS_LAMBD || c->params == PARAMS_NONZERO) {
        /* -1e-50 is -0 as float: a valid lambd and alpha, not a valid celu alpha */
        const double alpha[] = {1e-30, 1e30, -1.5, 0.1, -1e-50, 0.0}, lambd[] = {1e-30, 1e30, 0.1, -1e-50},
                     nonzero[] = {1e-30, 1e30, -1.5, 0.1};
        const double *ok = c->params == PARAMS_ALPHA ? alpha : c->params == PARAMS_LAMBD ? lambd : nonzero;
        size_t m = c->params == PARAMS_ALPHA ? 6 : 4;
        for (i = 0; i < m; i++) { out[n] = GOOD; out[n++].alpha = ok[i]; }
    } else if (c->params == PARAMS_BOUNDS || c->params == PARAMS_PAIR) {
        out[n] = GOOD; out[n].lower = -1e30; out[n++].upper = 1e30;
        out[n] = GOOD; out[n].lower = 0.1 + 1e-12; out[n++].upper = 0.1; /* equal as float */
    } else if (c->params == PARAMS_SOFTPLUS) {
        out[n] = GOOD; out[n].lower = 1e-30; out[n++].upper = INFINITY;
        out[n] = GOOD; out[n].lower = -3.0; out[n++].upper = -1e30;
    } else if (c->params == PARAMS_RRELU) {
        out[n] = GOOD; out[n].lower = 0.1 + 1e-12; out[n++].upper = 0.1; /* equal as float */
        out[n] = GOOD; out[n].lower = -1e30; out[n].upper = 1e30; out[n++].training = 0;
    }
    return n;
}

static int make_bad(const fn_case *c, shape *s, params *p, int keep_shape) {
    params b[16];
    if (c->kind == KIND_MAXOUT) {
        if (keep_shape) return 0;
        s->pieces = 0;
        return 1;
    }
    if (bad_params(c, b) == 0) return 0;
    *p = b[0];
    return 1;
}

static void validate_sizes(const half_case *h) {
    const fn_case *c = &h->c;
    const size_t big = PTRDIFF_MAX / 2 + 1;       /* first count with n*2 > PTRDIFF_MAX */
    const size_t wrap = SIZE_MAX / 2 + 1;         /* n*2 wraps around to 0 */
    const size_t f32big = PTRDIFF_MAX / 4 + 1;    /* too many floats, not too many halves */
    const size_t G = (size_t)1 << 31;
    shape bad[8], ok[6], zero[4], s;
    size_t nbad = 0, nok = 0, nzero = 0, i;
    act_status ok_want[6];
    params p = GOOD;
    char what[160];
    memset(bad, 0, sizeof bad);
    memset(ok, 0, sizeof ok);
    memset(zero, 0, sizeof zero);
    for (i = 0; i < 6; i++) ok_want[i] = ACT_ERR_NULL_POINTER;
    switch (c->kind) {
    case KIND_ELEMENTWISE:
        bad[0].n = SIZE_MAX; bad[1].n = big; bad[2].n = wrap; bad[3].n = PTRDIFF_MAX; nbad = 4;
        ok[0].n = big - 1; ok[1].n = f32big; nok = 2;
        nzero = 1;
        break;
    case KIND_SOFTMAX:
        bad[0].rows = 2; bad[0].cols = 0;
        bad[1].rows = 4 * G; bad[1].cols = 4 * G;
        bad[2].rows = 1; bad[2].cols = big;
        bad[3].rows = G; bad[3].cols = G;              /* 2^62 elements: 2^63 bytes */
        bad[4].rows = SIZE_MAX; bad[4].cols = 1;
        nbad = 5;
        ok[0].rows = 1; ok[0].cols = big - 1;
        ok[1].rows = 1; ok[1].cols = G - 1;            /* Jacobian (2^31-1)^2 halves: fits */
        ok[2].rows = 1; ok[2].cols = G;                /* Jacobian 2^62 halves: 2^63 bytes */
        ok[3].rows = 2; ok[3].cols = G - 1;            /* Jacobian 2 (2^31-1)^2 halves: too many */
        ok[4].rows = f32big; ok[4].cols = 1;
        nok = 5;
        if (c->variant == VARIANT_DERIVATIVE) ok_want[0] = ok_want[2] = ok_want[3] = ACT_ERR_SIZE;
        zero[0].rows = 0; zero[0].cols = 4;
        zero[1].rows = 0; zero[1].cols = 0;
        nzero = 2;
        break;
    case KIND_MAXOUT:
        bad[0].rows = 1; bad[0].units = 1; bad[0].pieces = big;
        bad[1].rows = 1; bad[1].units = big; bad[1].pieces = 1;
        bad[2].rows = (size_t)1 << 22; bad[2].units = (size_t)1 << 22; bad[2].pieces = (size_t)1 << 22;
        bad[3].rows = G; bad[3].units = G; bad[3].pieces = 4;
        bad[4].rows = SIZE_MAX; bad[4].units = 2; bad[4].pieces = 1;
        bad[5].rows = 1; bad[5].units = G; bad[5].pieces = G;     /* 2^62 halves */
        nbad = 6;
        ok[0].rows = 1; ok[0].units = 1; ok[0].pieces = big - 1;
        ok[1].rows = 1; ok[1].units = f32big; ok[1].pieces = 1;
        nok = 2;
        zero[0].rows = 0; zero[0].units = 3; zero[0].pieces = 2;
        zero[1].rows = 2; zero[1].units = 0; zero[1].pieces = 2;
        zero[2].rows = 2; zero[2].units = 0; zero[2].pieces = 0;
        zero[3].rows = 0; zero[3].units = 0; zero[3].pieces = 0;
        nzero = 4;
        break;
    case KIND_GATED:
        bad[0].rows = 4 * G; bad[0].cols = 4 * G;
        bad[1].rows = 1; bad[1].cols = big;
        bad[2].rows = G; bad[2].cols = G / 2;           /* y 2^61, x 2^62 halves */
        bad[3].rows = SIZE_MAX; bad[3].cols = 2;
        bad[4].rows = 2; bad[4].cols = 0;
        bad[5].rows = 1; bad[5].cols = big / 2;        /* 2 cols * 2 > PTRDIFF_MAX */
        nbad = 6;
        ok[0].rows = 1; ok[0].cols = (big - 1) / 2;
        ok[1].rows = 1; ok[1].cols = f32big / 2;
        nok = 2;
        zero[0].rows = 0; zero[0].cols = 4;
        zero[1].rows = 0; zero[1].cols = 0;
        nzero = 2;
        break;
    case KIND_PRELU:
        bad[0].rows = 4 * G; bad[0].cols = 4 * G; bad[0].units = 1;
        bad[1].rows = 1; bad[1].cols = big; bad[1].units = 1;
        bad[2].rows = G; bad[2].cols = G; bad[2].units = 1;
        bad[3].rows = SIZE_MAX; bad[3].cols = 2; bad[3].units = 1;
        bad[4].rows = 1; bad[4].cols = 1; bad[4].units = big;   /* num_weights * 2 */
        nbad = 5;
        ok[0].rows = 1; ok[0].cols = big - 1; ok[0].units = 1;
        ok[1].rows = 1; ok[1].cols = f32big; ok[1].units = f32big;
        nok = 2;
        zero[0].rows = 0; zero[0].cols = 0; zero[0].units = 0;
        zero[1].rows = 3; zero[1].cols = 0; zero[1].units = 0;
        nzero = 2;
        break;
    }
    fill_arena(h);
    for (i = 0; i < nbad; i++) {
        sprintf(what, "size #%zu (n %zu rows %zu cols %zu units %zu pieces %zu), NULL pointers", i, bad[i].n,
                bad[i].rows, bad[i].cols, bad[i].units, bad[i].pieces);
        expect(h, what, NULL, NULL, NULL, &bad[i], &p, ACT_ERR_SIZE, 0);
        s = bad[i];
        if (make_bad(c, &s, &p, 1)) {
            strcat(what, ", bad parameter");
            expect(h, what, NULL, NULL, NULL, &s, &p, ACT_ERR_SIZE, 0);
            p = GOOD;
        }
        sprintf(what, "size #%zu, valid pointers", i);
        expect(h, what, at(0, 0), at(64, 0), at(128, 0), &bad[i], &p, ACT_ERR_SIZE, 0);
    }
    for (i = 0; i < nok; i++) {
        sprintf(what, "large count #%zu (n %zu rows %zu cols %zu units %zu pieces %zu), NULL pointers", i, ok[i].n,
                ok[i].rows, ok[i].cols, ok[i].units, ok[i].pieces);
        expect(h, what, NULL, NULL, NULL, &ok[i], &p, ok_want[i], 0);
    }
    for (i = 0; i < nzero; i++) {
        s = zero[i];
        make_bad(c, &s, &p, 0);
        sprintf(what, "zero work #%zu with NULL pointers and a bad parameter", i);
        expect(h, what, NULL, NULL, NULL, &s, &p, ACT_OK, 0);
        sprintf(what, "zero work #%zu with odd pointers", i);
        expect(h, what, at(0, 1), at(64, 1), at(128, 1), &zero[i], &GOOD, ACT_OK, 0);
        sprintf(what, "zero work #%zu with valid pointers touches nothing", i);
        expect(h, what, at(0, 0), at(64, 0), at(128, 0), &zero[i], &GOOD, ACT_OK, 0);
        p = GOOD;
    }
}

static void validate_pointers_and_params(const half_case *h) {
    const fn_case *c = &h->c;
    shape s = small_shape(c), sb;
    void *ptr[3];
    params bad[16], good[8], pb = GOOD;
    size_t nbad = bad_params(c, bad), ngood = good_params(c, good), i;
    int np = case_npointers(c), k, j, has_bad;
    const int order[3] = {0, 2, 1};
    char what[160];

    fill_arena(h);
    expect(h, "valid call", at(0, 0), at(64, 0), at(128, 0), &s, &GOOD, ACT_OK, 1);
    for (j = 0; j < np; j++) {
        k = order[j];
        ptr[0] = at(0, 0); ptr[1] = at(64, 0); ptr[2] = at(128, 0);
        ptr[k] = NULL;
        sprintf(what, "pointer %d NULL", k);
        expect(h, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_NULL_POINTER, 0);
        sb = s;
        has_bad = make_bad(c, &sb, &pb, 0);
        if (has_bad) {
            sprintf(what, "pointer %d NULL and a bad parameter", k);
            expect(h, what, ptr[0], ptr[1], ptr[2], &sb, &pb, ACT_ERR_NULL_POINTER, 0);
        }
        ptr[k] = at((size_t)64 * (size_t)k, 1); /* an odd address */
        sprintf(what, "pointer %d at an odd address", k);
        expect(h, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_ALIGNMENT, 0);
        if (has_bad) {
            sprintf(what, "pointer %d at an odd address and a bad parameter", k);
            expect(h, what, ptr[0], ptr[1], ptr[2], &sb, &pb, ACT_ERR_ALIGNMENT, 0);
        }
        ptr[k] = at((size_t)64 * (size_t)k + 1, 0); /* 2-aligned, not 4-aligned: fine for halves */
        sprintf(what, "pointer %d 2-aligned but not 4-aligned", k);
        expect(h, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_OK, 1);
        fill_arena(h);
        ptr[k] = at((size_t)64 * (size_t)k, 1);
        ptr[k == 0 ? 2 : 0] = NULL;
        sprintf(what, "pointer %d at an odd address and pointer %d NULL", k, k == 0 ? 2 : 0);
        expect(h, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_NULL_POINTER, 0);
        pb = GOOD;
    }
    if (c->kind == KIND_PRELU) {
        params q = GOOD;
        q.seed = PRELU_NULL_WEIGHT;
        expect(h, "weight NULL", at(0, 0), at(64, 0), at(128, 0), &s, &q, ACT_ERR_NULL_POINTER, 0);
        q.seed = PRELU_ODD_WEIGHT;
        expect(h, "weight at an odd address", at(0, 0), at(64, 0), at(128, 0), &s, &q, ACT_ERR_ALIGNMENT, 0);
        expect(h, "weight at an odd address and x NULL", NULL, at(64, 0), at(128, 0), &s, &q,
               ACT_ERR_NULL_POINTER, 0);
        if (c->variant == VARIANT_BACKWARD) {
            size_t m;
            int zeros = 1;
            q.seed = PRELU_NULL_DWEIGHT;
            expect(h, "dweight NULL", at(0, 0), at(64, 0), at(128, 0), &s, &q, ACT_ERR_NULL_POINTER, 0);
            q.seed = PRELU_ODD_DWEIGHT;
            expect(h, "dweight at an odd address", at(0, 0), at(64, 0), at(128, 0), &s, &q, ACT_ERR_ALIGNMENT, 0);
            sb = s;
            sb.rows = 0;
            for (m = 0; m < 4; m++) ((H *)(void *)prelu_dweight)[m] = 0x7777;
            expect(h, "rows 0 with 4 weights: dweight is written", at(0, 0), at(64, 0), at(128, 0), &sb, &GOOD,
                   ACT_OK, 1);
            for (m = 0; m < 4; m++) zeros &= ((H *)(void *)prelu_dweight)[m] == 0;
            check(zeros, "%s: rows 0 sets the 4 weight gradients to +0 (0x0000)", c->symbol);
        }
        {
            const size_t counts[] = {0, 2, 3, 5, 8};
            for (i = 0; i < 5; i++) {
                sb = s;
                sb.units = counts[i];
                sprintf(what, "num_weights %zu with 4 channels", counts[i]);
                expect(h, what, at(0, 0), at(64, 0), at(128, 0), &sb, &GOOD, ACT_ERR_PARAMETER, 0);
            }
            sb = s;
            sb.units = 1;
            expect(h, "num_weights 1", at(0, 0), at(64, 0), at(128, 0), &sb, &GOOD, ACT_OK, 1);
        }
    }
    if (c->kind == KIND_MAXOUT) {
        sb = s;
        sb.pieces = 0;
        expect(h, "pieces == 0 with rows*units > 0", at(0, 0), at(64, 0), at(128, 0), &sb, &GOOD,
               ACT_ERR_PARAMETER, 0);
        expect(h, "pieces == 0 and overlap", at(0, 0), at(64, 0), at(1, 0), &sb, &GOOD, ACT_ERR_PARAMETER, 0);
    }
    for (i = 0; i < nbad; i++) {
        sprintf(what, "bad parameters #%zu (alpha %g lower %g upper %g training %d seed %llx)", i, bad[i].alpha,
                bad[i].lower, bad[i].upper, (int)bad[i].training, (unsigned long long)bad[i].seed);
        expect(h, what, at(0, 0), at(64, 0), at(128, 0), &s, &bad[i], ACT_ERR_PARAMETER, 0);
        strcat(what, " and overlap");
        expect(h, what, at(0, 0), at(64, 0), at(1, 0), &s, &bad[i], ACT_ERR_PARAMETER, 0);
    }
    for (i = 0; i < ngood; i++) {
        sprintf(what, "parameters #%zu in the domain as float (alpha %g lower %g upper %g)", i, good[i].alpha,
                good[i].lower, good[i].upper);
        fill_arena(h);
        expect(h, what, at(0, 0), at(64, 0), at(128, 0), &s, &good[i], ACT_OK, 1);
    }
}

static void validate_overlap(const half_case *h) {
    const fn_case *c = &h->c;
    shape s = small_shape(c);
    size_t count[3], k;
    char what[160];
    H want[128], got[128];
    case_counts(c, &s, count);
    fill_arena(h);
    for (k = 0; k < 2; k++) {
        void *in[2], *in_k;
        if (count[k] == 0) continue;
        in[0] = at(192, 0);
        in[1] = at(192, 0);
        in[k] = in_k = at(64, 0);
        sprintf(what, "out = in%zu + 1 element", k);
        expect(h, what, in[0], in[1], at(65, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out = in%zu - 1 element", k);
        expect(h, what, in[0], in[1], at(63, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out starts inside in%zu's last element", k);
        expect(h, what, in[0], in[1], at(64 + count[k] - 1, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out ends inside in%zu's first element", k);
        expect(h, what, in[0], in[1], at(64 - count[2] + 1, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out right after in%zu", k);
        expect(h, what, in[0], in[1], at(64 + count[k], 0), &s, &GOOD, ACT_OK, 1);
        fill_arena(h);
        sprintf(what, "out right before in%zu", k);
        expect(h, what, in[0], in[1], at(64 - count[2], 0), &s, &GOOD, ACT_OK, 1);
        fill_arena(h);
        if (count[2] == count[k]) {
            /* exactly in place: allowed, and the same bits as out of place */
            expect(h, "out of place", in[0], in[1], at(320, 0), &s, &GOOD, ACT_OK, 1);
            memcpy(want, at(320, 0), count[2] * sizeof(H));
            sprintf(what, "out == in%zu (in place)", k);
            expect(h, what, in[0], in[1], in_k, &s, &GOOD, ACT_OK, 1);
            memcpy(got, in_k, count[2] * sizeof(H));
            check(memcmp(got, want, count[2] * sizeof(H)) == 0, "%s: in place (out == in%zu) differs from out of place",
                  c->symbol, k);
            fill_arena(h);
        } else {
            sprintf(what, "out == in%zu (%zu vs %zu elements)", k, count[2], count[k]);
            expect(h, what, in[0], in[1], in_k, &s, &GOOD, ACT_ERR_OVERLAP, 0);
        }
    }
    if (count[1]) {
        expect(h, "dy == x", at(0, 0), at(0, 0), at(128, 0), &s, &GOOD, ACT_OK, 1);
        expect(h, "dy = x + 1 element", at(0, 0), at(1, 0), at(128, 0), &s, &GOOD, ACT_OK, 1);
    }
}

/* ---- c. slices, threads, in place ----------------------------------------------- */

#define MAX_SLICE 70

static shape unit_shape(const fn_case *c, size_t units) {
    shape s = {0, 0, 0, 0, 0};
    switch (c->kind) {
    case KIND_ELEMENTWISE: s.n = units; break;
    case KIND_SOFTMAX: s.rows = units; s.cols = 5; break;
    case KIND_GATED: s.rows = units; s.cols = 3; break;
    case KIND_MAXOUT: s.rows = units; s.units = 3; s.pieces = 2; break;
    case KIND_PRELU: s.rows = units; s.cols = 3; s.units = 3; break;
    }
    return s;
}

static int same_slice(const half_case *h, const params *p, const H *in0, const H *in1, const H *whole, H *out,
                      size_t first, size_t units) {
    shape one = unit_shape(&h->c, 1), s = unit_shape(&h->c, units);
    size_t u[3], i;
    act_status st;
    case_counts(&h->c, &one, u);
    memset(out, 0x5a, (units ? units : 1) * u[2] * sizeof(H));
    st = h->c.call(in0 + first * u[0], u[1] ? in1 + first * u[1] : NULL, out, &s, p);
    if (st != ACT_OK) {
        printf("  %s: %zu units from unit %zu: status %d\n", h->c.symbol, units, first, (int)st);
        return 0;
    }
    for (i = 0; i < units * u[2]; i++)
        if (out[i] != whole[first * u[2] + i]) {
            printf("  %s: %zu units from unit %zu: output element %zu is 0x%04x, the long call's 0x%04x\n",
                   h->c.symbol, units, first, i, out[i], whole[first * u[2] + i]);
            return 0;
        }
    return 1;
}

static void slices_and_threads(const half_case *h) {
    const fn_case *c = &h->c;
    params p = {0.5, 0.125, 0.375, 1, 7}, eval = p;
    size_t total, count[3], u[3], k, first, bad = 0, nw = 0;
    shape s, one;
    H *in0, *in1, *whole, *out, *copy, dweight1[8];
    act_status st;
    int training = c->params == PARAMS_RRELU;
    eval.training = 0;
    /* past the threading crossover (2^20 elements of x; the Jacobian 2^16 rows of 5 x 5) */
    if (c->kind == KIND_ELEMENTWISE) total = ((size_t)1 << 20) + 77;
    else if (c->kind == KIND_SOFTMAX && c->variant == VARIANT_DERIVATIVE) total = ((size_t)1 << 16) + 7;
    else if (c->kind == KIND_PRELU) total = ((size_t)1 << 19) + 7;
    else total = ((size_t)1 << 18) + 7;
    s = unit_shape(c, total);
    one = unit_shape(c, 1);
    case_counts(c, &s, count);
    case_counts(c, &one, u);
    in0 = halloc(count[0]);
    in1 = halloc(count[1]);
    whole = halloc(count[2]);
    out = halloc(count[2]);
    copy = halloc(count[2] > count[1] ? count[2] : count[1]);
    fill_rows(h, in0, count[0], c->kind == KIND_ELEMENTWISE ? 0 : u[0], 101, 0);
    fill_rows(h, in1, count[1], c->kind == KIND_ELEMENTWISE ? 0 : u[1], 103, 1);

    /* one long call with 1 thread and with 8: the same bits */
    act_set_num_threads(1);
    st = c->call(in0, count[1] ? in1 : NULL, whole, &s, &p);
    check(st == ACT_OK, "%s: long call (%zu elements in, 1 thread): status %d", c->symbol, count[0], (int)st);
    if (c->kind == KIND_PRELU && c->variant == VARIANT_BACKWARD) {
        nw = s.units;
        memcpy(dweight1, prelu_dweight, nw * sizeof(H));
    }
    act_set_num_threads(8);
    memset(out, 0, count[2] * sizeof(H));
    st = c->call(in0, count[1] ? in1 : NULL, out, &s, &p);
    check(st == ACT_OK && memcmp(out, whole, count[2] * sizeof(H)) == 0,
          "%s: 8 threads give the same bits as 1 thread (%zu elements out)", c->symbol, count[2]);
    if (nw)
        check(memcmp(dweight1, prelu_dweight, nw * sizeof(H)) == 0,
              "%s: 8 threads give the same weight gradients as 1 thread", c->symbol);
    act_set_num_threads(0);

    /* slices 0..70 at offsets 0 and 1 (rrelu: evaluation mode; training on prefixes) */
    if (training) {
        for (k = 0; k <= MAX_SLICE; k++)
            if (!same_slice(h, &p, in0, in1, whole, out, 0, k) && bad++ < 3)
                check(0, "%s: training mode, the first %zu elements differ from the long call", c->symbol, k);
        st = c->call(in0, count[1] ? in1 : NULL, whole, &s, &eval);
    }
    for (first = 0; first < 2; first++)
        for (k = 0; k <= MAX_SLICE; k++)
            if (!same_slice(h, training ? &eval : &p, in0, in1, whole, out, first, k) && bad++ < 3)
                check(0, "%s: %zu units from unit %zu differ from the long call", c->symbol, k, first);
    if (training) st = c->call(in0, count[1] ? in1 : NULL, whole, &s, &p);

    /* the long call in place */
    if (count[2] == count[0]) {
        memcpy(copy, in0, count[0] * sizeof(H));
        st = c->call(copy, count[1] ? in1 : NULL, copy, &s, &p);
        if (st != ACT_OK || memcmp(copy, whole, count[2] * sizeof(H)) != 0) {
            bad++;
            check(0, "%s: in place (out == x) differs from out of place (status %d)", c->symbol, (int)st);
        }
    }
    if (count[1] && count[2] == count[1]) {
        memcpy(copy, in1, count[1] * sizeof(H));
        st = c->call(in0, copy, copy, &s, &p);
        if (st != ACT_OK || memcmp(copy, whole, count[2] * sizeof(H)) != 0) {
            bad++;
            check(0, "%s: in place (out == dy) differs from out of place (status %d)", c->symbol, (int)st);
        }
    }
    check(bad == 0, "%s: slices 0..%d at offsets 0 and 1 and in place agree with one long call", c->symbol,
          MAX_SLICE);
    free(in0);
    free(in1);
    free(whole);
    free(out);
    free(copy);
}

void test_half(void) {
    size_t i, formats[2] = {0, 0};
    for (i = 0; i < NHALF_CASES; i++) {
        const half_case *h = &HALF_CASES[i];
        const fn_case *ref = find_case(h->reference);
        formats[h->format]++;
        check(ref != NULL, "%s: no %s in the table", h->c.symbol, h->reference);
        if (ref == NULL) continue;
        if (h->c.kind == KIND_ELEMENTWISE) contract_elementwise(h, ref);
        else contract_rows(h, ref);
        validate_sizes(h);
        validate_pointers_and_params(h);
        validate_overlap(h);
        slices_and_threads(h);
    }
    printf("  %zu half entry points (%zu _f16, %zu _bf16) against their _f32 functions rounded once; "
           "validation; slices 0..%d; 1 vs 8 threads\n", NHALF_CASES, formats[FORMAT_F16], formats[FORMAT_BF16],
           MAX_SLICE);
}
