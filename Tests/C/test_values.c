/*
 * test_values.c -- every computing function against the document's numpy
 * snippets (Tests/python/snippets.py, through oracle.py and oracle.c), on
 * moderate inputs.
 *
 * Tolerance for one value, with r the snippet's result rounded to T:
 *     |got - r| <= ulps * ulp_T(r)             the row's ulps in functions.def
 *                + ORACLE_K * eps_W * scale      the snippet's own rounding
 *                + ulps * eps_T * scale          softmax backward / Jacobian only
 * where scale (from oracle.py) is the size of the terms the formula
 * subtracts, and eps_W the epsilon of the snippet's working type (double for
 * the f32 functions, long double for the f64 ones).  ulps == 0 means exact
 * (NaN matches NaN; +0 matches -0 here -- signs of zero are checked against
 * the header in test_special.c).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "inputs.h"
#include "oracle.h"
#include "tests.h"

#define ORACLE_K 8

/* Per case, for the closing table: the worst error in ulps of T over the
 * values where the snippet itself is accurate to 1/2 ulp of T (trusted), and
 * how many values were only checked to the snippet's own accuracy. */
static double worst_ulps[256];
static size_t trusted[256], limited[256];

/* The unit in the last place of T at r (r a value of T). */
static long double ulp_T(const fn_case *c, long double r) {
    int mant = c->size == sizeof(float) ? FLT_MANT_DIG : DBL_MANT_DIG;
    int min_exp = c->size == sizeof(float) ? FLT_MIN_EXP : DBL_MIN_EXP;
    int e = min_exp;
    if (r != 0) frexpl(fabsl(r), &e); /* |r| = f * 2^e, f in [0.5, 1) */
    if (e < min_exp) e = min_exp;     /* subnormals: fixed spacing */
    return ldexpl(1.0L, e - mant);
}

/* Compares count values of got with ref; one check per call. */
static void compare(const fn_case *c, const char *what, const void *in0, const void *in1,
                    const void *got, const void *ref, const double *scale, size_t count) {
    long double eps_T = c->size == sizeof(float) ? FLT_EPSILON : DBL_EPSILON;
    long double eps_W = c->size == sizeof(float) ? DBL_EPSILON : LDBL_EPSILON;
    int lib_scaled = c->kind == KIND_SOFTMAX && c->variant != VARIANT_FORWARD;
    size_t i, bad = 0, idx = (size_t)(c - CASES);
    for (i = 0; i < count; i++) {
        long double g = get(c, got, i), r = get(c, ref, i), err, allowed, oracle_err;
        int ok;
        if (isnan(r)) {
            ok = isnan(g);
            err = ok ? 0 : INFINITY;
        } else if (isinf(r)) {
            ok = g == r;
            err = ok ? 0 : INFINITY;
        } else {
            err = fabsl(g - r); /* NaN when g is NaN: fails below */
            oracle_err = ORACLE_K * eps_W * scale[i];
            allowed = c->ulps * ulp_T(c, r) + oracle_err +
                      (lib_scaled ? c->ulps * eps_T * scale[i] : 0);
            ok = err <= allowed;
            /* in ulps of r; for softmax backward/Jacobian in ulps of the
             * natural scale (eps_T * scale), the header's measure there */
            err /= ulp_T(c, r) + (lib_scaled ? eps_T * scale[i] : 0);
            if (lib_scaled || oracle_err <= ulp_T(c, r) / 2) {
                trusted[idx]++;
                if (err > worst_ulps[idx]) worst_ulps[idx] = (double)err;
            } else {
                limited[idx]++;
            }
        }
        if (!ok && bad++ < 5) {
            /* in0[i] is x for elementwise functions; elsewhere it is only a hint */
            printf("  %s %s [%zu]: got %.17g, snippet %.17g (in0[%zu] = %.17g",
                   c->symbol, what, i, (double)g, (double)r, i,
                   get(c, in0, i < count ? i : 0));
            if (in1 != NULL && c->kind == KIND_ELEMENTWISE)
                printf(", dy = %.17g", get(c, in1, i));
            printf(")\n");
        }
    }
    check(bad == 0, "%s %s: %zu of %zu values differ from the snippet", c->symbol, what,
          bad, count);
}

/* Calls c on copies of in0/in1 (in_place: 1 = out is in0, 2 = out is in1),
 * checks ACT_OK, compares with the snippet and checks the inputs that are
 * not outputs were not modified. */
static void run(const fn_case *c, const char *what, const shape *s, const params *p,
                const void *in0, const void *in1, int in_place) {
    size_t count[3], b[3];
    void *x, *dy, *out, *ref;
    double *scale;
    act_status st;
    int k;
    case_counts(c, s, count);
    for (k = 0; k < 3; k++) b[k] = count[k] * c->size;
    x = xmalloc(b[0]);
    dy = xmalloc(b[1]);
    ref = xmalloc(b[2]);
    scale = xmalloc(count[2] * sizeof(double));
    memcpy(x, in0, b[0]);
    if (b[1]) memcpy(dy, in1, b[1]);
    out = in_place == 1 ? x : in_place == 2 ? dy : xmalloc(b[2]);
    if (!in_place) memset(out, 0x5A, b[2]); /* a sentinel: every value must be written */

    st = c->call(x, count[1] ? dy : NULL, out, s, p);
    check(st == ACT_OK, "%s %s: status %d (%s)", c->symbol, what, st, act_status_message(st));
    if (oracle_reference(c, s, p, in0, count[1] ? in1 : NULL, ref, scale) != 0) {
        check(0, "%s %s: the snippet failed", c->symbol, what);
    } else if (st == ACT_OK) {
        compare(c, what, in0, count[1] ? in1 : NULL, out, ref, scale, count[2]);
    }
    if (in_place != 1) check(memcmp(x, in0, b[0]) == 0, "%s %s: input x modified", c->symbol, what);
    if (in_place != 2 && b[1])
        check(memcmp(dy, in1, b[1]) == 0, "%s %s: input dy modified", c->symbol, what);
    if (!in_place) free(out);
    free(x);
    free(dy);
    free(ref);
    free(scale);
}

/* ---- elementwise ---------------------------------------------------------- */

/* The grid: -10 .. 10 in steps of 0.01, then a few small values and zeros. */
#define GRID_N 2001
static const double EXTRA[] = {1e-3, -1e-3, 1e-6, -1e-6, 0.0, -0.0, 3e-8, -3e-8};
#define NX (GRID_N + sizeof EXTRA / sizeof EXTRA[0])

/* Parameter sets per kind.  Leaky ReLU's snippet max(alpha*z, z) holds for
 * alpha in [0, 1] only, so ALPHA sets stay there. */
static const params NONE_SETS[] = {{0, 0, 0, 0, 0}};
static const params ALPHA_SETS[] = {
    {0.01, 0, 0, 0, 0}, {0.1, 0, 0, 0, 0}, {1.0, 0, 0, 0, 0}, {0.0, 0, 0, 0, 0}, {0.5, 0, 0, 0, 0}};
static const params LAMBD_SETS[] = {{0.5, 0, 0, 0, 0}, {0.0, 0, 0, 0, 0}, {2.0, 0, 0, 0, 0}};
static const params BOUNDS_SETS[] = {{0, -1.0, 1.0, 0, 0}, {0, -2.0, 0.5, 0, 0}, {0, 0.3, 0.3, 0, 0}};
static const params PAIR_SETS[] = {{0, 0.5, -1.0, 0, 0}, {0, -2.0, 7.0, 0, 0}, {0, 1.0, 1.0, 0, 0}};
static const params SOFTPLUS_SETS[] = {{0, 1.0, 20.0, 0, 0}, {0, 0.5, INFINITY, 0, 0}, {0, -2.0, 5.0, 0, 0}};
static const params NONZERO_SETS[] = {{1.0, 0, 0, 0, 0}, {0.5, 0, 0, 0, 0}, {-1.5, 0, 0, 0, 0}};
static const params RRELU_SETS[] = {
    {0, 0.125, 1.0 / 3, 0, 0},                                /* eval, the defaults */
    {0, 0.1, 0.3, 0, 0},                                      /* eval, inexact mean */
    {0, 0.125, 1.0 / 3, 1, 0},                                /* training, seed 0 */
    {0, 0.125, 1.0 / 3, 1, UINT64_C(0x0123456789ABCDEF)},
    {0, 0.0, 1.0, -7, UINT64_C(0x8000000000000000)},          /* any non-zero trains */
    {0, 0.2, 0.2, 1, 42},                                     /* lower == upper */
    {0, -0.5, 0.5, 1, 99},                                    /* negative slopes */
};

static void elementwise_sets(const fn_case *c, const params **sets, size_t *nsets) {
    *sets = NONE_SETS;
    *nsets = 1;
    if (c->params == PARAMS_ALPHA) {
        *sets = ALPHA_SETS;
        *nsets = sizeof ALPHA_SETS / sizeof *ALPHA_SETS;
    } else if (c->params == PARAMS_LAMBD) {
        *sets = LAMBD_SETS;
        *nsets = sizeof LAMBD_SETS / sizeof *LAMBD_SETS;
    } else if (c->params == PARAMS_BOUNDS) {
        *sets = BOUNDS_SETS;
        *nsets = sizeof BOUNDS_SETS / sizeof *BOUNDS_SETS;
    } else if (c->params == PARAMS_PAIR) {
        *sets = PAIR_SETS;
        *nsets = sizeof PAIR_SETS / sizeof *PAIR_SETS;
    } else if (c->params == PARAMS_SOFTPLUS) {
        *sets = SOFTPLUS_SETS;
        *nsets = sizeof SOFTPLUS_SETS / sizeof *SOFTPLUS_SETS;
    } else if (c->params == PARAMS_NONZERO) {
        *sets = NONZERO_SETS;
        *nsets = sizeof NONZERO_SETS / sizeof *NONZERO_SETS;
    } else if (c->params == PARAMS_RRELU) {
        *sets = RRELU_SETS;
        *nsets = sizeof RRELU_SETS / sizeof *RRELU_SETS;
    }
}

static void test_elementwise(const fn_case *c) {
    const params *sets;
    size_t nsets, i, k;
    char what[96];
    void *x = xmalloc(NX * c->size), *dy = xmalloc(NX * c->size);
    const void *in1 = c->variant == VARIANT_BACKWARD ? dy : NULL;
    uint64_t st = 12345;
    shape s = {NX, 0, 0, 0, 0};

    for (i = 0; i < GRID_N; i++) put(c, x, i, ((double)i - 1000.0) / 100.0);
    for (i = GRID_N; i < NX; i++) put(c, x, i, EXTRA[i - GRID_N]);
    for (i = 0; i < NX; i++) put(c, dy, i, uniform(&st, -2, 2));

    elementwise_sets(c, &sets, &nsets);
    for (k = 0; k < nsets; k++) {
        sprintf(what, "grid, params #%zu", k);
        run(c, what, &s, &sets[k], x, in1, 0);
    }
    /* rrelu eval mode where lower + upper overflows T (mean = lower/2 + upper/2). */
    if (c->params == PARAMS_RRELU) {
        double max = c->size == sizeof(float) ? FLT_MAX : DBL_MAX;
        params big = {0, 0.75 * max, max, 0, 0};
        run(c, "grid, eval with lower + upper overflowing T", &s, &big, x, in1, 0);
    }
    /* In place, every short length (vector tails), an offset start. */
    run(c, "in place (out == x)", &s, &sets[nsets - 1], x, in1, 1);
    if (c->variant == VARIANT_BACKWARD)
        run(c, "in place (dx == dy)", &s, &sets[nsets - 1], x, in1, 2);
    for (i = 1; i <= 40; i++) {
        shape t = {i, 0, 0, 0, 0};
        sprintf(what, "length %zu", i);
        run(c, what, &t, &sets[nsets - 1], (const char *)x + 950 * c->size,
            in1 ? (const char *)in1 + 950 * c->size : NULL, 0);
    }
    free(x);
    free(dy);
}

/* ---- softmax and maxout --------------------------------------------------- */

static void test_rows(const fn_case *c) {
    static const size_t SOFTMAX_SHAPES[][2] = {{1, 1}, {1, 7}, {3, 5}, {4, 16}, {2, 33}, {5, 100}, {3, 257}};
    static const size_t MAXOUT_SHAPES[][3] = {{1, 1, 1}, {2, 3, 1}, {3, 4, 2}, {2, 5, 3}, {4, 7, 4}, {3, 9, 5}, {5, 33, 2}};
    /* gated: rows, cols (x is rows x 2cols); prelu: rows, channels, num_weights */
    static const size_t GATED_SHAPES[][2] = {{1, 1}, {2, 3}, {3, 16}, {4, 17}, {2, 40}, {5, 100}};
    static const size_t PRELU_SHAPES[][3] = {{1, 1, 1}, {5, 3, 3}, {5, 3, 1}, {7, 16, 16}, {9, 17, 17},
                                             {3, 40, 1}, {300, 7, 7}, {4, 5, 1}};
    size_t nshapes = c->kind == KIND_SOFTMAX ? sizeof SOFTMAX_SHAPES / sizeof *SOFTMAX_SHAPES
                     : c->kind == KIND_GATED ? sizeof GATED_SHAPES / sizeof *GATED_SHAPES
                     : c->kind == KIND_PRELU ? sizeof PRELU_SHAPES / sizeof *PRELU_SHAPES
                                             : sizeof MAXOUT_SHAPES / sizeof *MAXOUT_SHAPES;
    size_t k, count[3];
    const params none = {0, 0, 0, 0, 0};
    char what[96], where[128];
    for (k = 0; k < nshapes; k++) {
        shape s = {0, 0, 0, 0, 0};
        void *in0, *in1;
        if (c->kind == KIND_SOFTMAX) {
            s.rows = SOFTMAX_SHAPES[k][0];
            s.cols = SOFTMAX_SHAPES[k][1];
            sprintf(what, "rows %zu cols %zu", s.rows, s.cols);
        } else if (c->kind == KIND_GATED) {
            s.rows = GATED_SHAPES[k][0];
            s.cols = GATED_SHAPES[k][1];
            sprintf(what, "rows %zu cols %zu", s.rows, s.cols);
        } else if (c->kind == KIND_PRELU) {
            s.rows = PRELU_SHAPES[k][0];
            s.cols = PRELU_SHAPES[k][1];
            s.units = PRELU_SHAPES[k][2];
            sprintf(what, "rows %zu channels %zu num_weights %zu", s.rows, s.cols, s.units);
        } else {
            s.rows = MAXOUT_SHAPES[k][0];
            s.units = MAXOUT_SHAPES[k][1];
            s.pieces = MAXOUT_SHAPES[k][2];
            sprintf(what, "rows %zu units %zu pieces %zu", s.rows, s.units, s.pieces);
        }
        case_counts(c, &s, count);
        in0 = xmalloc(count[0] * c->size);
        in1 = xmalloc(count[1] * c->size);
        random_inputs(c, &s, in0, in1, 1000 + k);
        if (c->kind == KIND_MAXOUT && k == 4) {
            /* signed-zero ties and NaN groups: numpy's max/argmax treat them
             * as the header does (first maximum, first NaN) */
            put(c, in0, 0, -0.0);
            put(c, in0, 1, 0.0);
            put(c, in0, 5, NAN);
            put(c, in0, 7, NAN);
            if (count[1]) put(c, in1, 3, INFINITY); /* IEEE inf * 0 = NaN */
        }
        run(c, what, &s, &none, in0, count[1] ? in1 : NULL, 0);
        /* in place wherever an output has the length of an input */
        if (count[2] == count[0]) {
            sprintf(where, "%s, in place (out == in0)", what);
            run(c, where, &s, &none, in0, count[1] ? in1 : NULL, 1);
        }
        if (count[1] && count[2] == count[1]) {
            sprintf(where, "%s, in place (out == dy)", what);
            run(c, where, &s, &none, in0, in1, 2);
        }
        free(in0);
        free(in1);
    }
}

void test_values(void) {
    size_t i;
    for (i = 0; i < NCASES; i++) {
        if (CASES[i].kind == KIND_ELEMENTWISE)
            test_elementwise(&CASES[i]);
        else
            test_rows(&CASES[i]);
    }
    printf("\nLargest distance from the snippets, in ulps of T (softmax backward and\n"
           "Jacobian: in eps_T times the natural scale), over the values where the\n"
           "snippet is accurate to 1/2 ulp; 'coarse' counts the values where the\n"
           "snippet's own cancellation is larger (checked to its accuracy only):\n");
    for (i = 0; i < NCASES; i++) {
        printf("  %-30s %9.3f  (allowed %d%s)  %6zu values", CASES[i].symbol, worst_ulps[i],
               CASES[i].ulps, CASES[i].ulps == 0 ? ", exact" : "", trusted[i]);
        if (limited[i]) printf(", %zu coarse", limited[i]);
        printf("\n");
    }
    printf("\n");
}
