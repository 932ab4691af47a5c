/*
 * test_contract.c -- status codes and the header's order of checks, for all
 * computing functions through the CASES table:
 *   1. ACT_ERR_SIZE  2. zero work -> ACT_OK  3. ACT_ERR_NULL_POINTER
 *   4. ACT_ERR_ALIGNMENT  5. ACT_ERR_PARAMETER  6. ACT_ERR_OVERLAP
 * and "an error return writes nothing" (every error call runs on an arena of
 * memory that is compared with a snapshot afterwards).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "inputs.h"
#include "tests.h"

/* ---- an arena holding all buffers of one call ----------------------------- */
/* Buffers are placed at element offsets in one allocation; the whole arena
 * is compared before/after error calls. */
#define ARENA_ELEMS 256
static unsigned char arena[ARENA_ELEMS * sizeof(double) + 64];
static unsigned char snapshot[sizeof arena];

static void *at(const fn_case *c, size_t elem, size_t byte_shift) {
    return arena + 16 + elem * c->size + byte_shift; /* arena + 16 is 16-aligned */
}

static void fill_arena(const fn_case *c) {
    size_t i, n = (sizeof arena - 16) / c->size;
    for (i = 0; i < n; i++) put(c, arena + 16, i, 0.05 + (double)(i % 17) / 20.0);
}

/* The default placement: in0 at 0, in1 at 64, out at 128 (elements). */
static void *P0(const fn_case *c) { return at(c, 0, 0); }
static void *P1(const fn_case *c) { return at(c, 64, 0); }
static void *P2(const fn_case *c) { return at(c, 128, 0); }

static const char *msg(act_status s) { return act_status_message(s); }

/* Calls c and checks the status; unless may_write, also that the arena is
 * untouched (error returns, and ACT_OK with nothing to do). */
static void expect(const fn_case *c, const char *what, const void *p0, const void *p1,
                   void *p2, const shape *s, const params *p, act_status want,
                   int may_write) {
    act_status got;
    memcpy(snapshot, arena, sizeof arena);
    got = c->call(p0, p1, p2, s, p);
    check(got == want, "%s: %s: got %d (%s), want %d (%s)", c->symbol, what, got,
          msg(got), want, msg(want));
    if (!may_write)
        check(memcmp(snapshot, arena, sizeof arena) == 0,
              "%s: %s: returned %d but wrote to memory", c->symbol, what, got);
}

/* ---- shapes and parameters ------------------------------------------------ */

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

/* Bad parameter sets for c (0 when its kind has no parameters). */
static size_t bad_params(const fn_case *c, params out[8]) {
    double max = c->size == sizeof(float) ? FLT_MAX : DBL_MAX;
    size_t n = 0, i;
    if (c->params == PARAMS_ALPHA) {
        double bad[] = {NAN, INFINITY, -INFINITY};
        for (i = 0; i < 3; i++) { out[n] = GOOD; out[n++].alpha = bad[i]; }
    } else if (c->params == PARAMS_LAMBD) {
        double bad[] = {NAN, INFINITY, -INFINITY, -0.5};
        for (i = 0; i < 4; i++) { out[n] = GOOD; out[n++].alpha = bad[i]; }
    } else if (c->params == PARAMS_BOUNDS || c->params == PARAMS_PAIR) {
        double bad[] = {NAN, INFINITY, -INFINITY};
        for (i = 0; i < 3; i++) { out[n] = GOOD; out[n++].lower = bad[i]; }
        for (i = 0; i < 3; i++) { out[n] = GOOD; out[n++].upper = bad[i]; }
        if (c->params == PARAMS_BOUNDS) { out[n] = GOOD; out[n].lower = 0.5; out[n++].upper = 0.25; }
    } else if (c->params == PARAMS_SOFTPLUS) {
        double bad_beta[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0}, bad_threshold[] = {NAN, -INFINITY};
        for (i = 0; i < 5; i++) { out[n] = GOOD; out[n++].lower = bad_beta[i]; }
        for (i = 0; i < 2; i++) { out[n] = GOOD; out[n++].upper = bad_threshold[i]; }
    } else if (c->params == PARAMS_NONZERO) {
        double bad[] = {NAN, INFINITY, -INFINITY, 0.0, -0.0};
        for (i = 0; i < 5; i++) { out[n] = GOOD; out[n++].alpha = bad[i]; }
    } else if (c->params == PARAMS_RRELU) {
        out[n] = GOOD; out[n].lower = 0.5; out[n].upper = 0.25; out[n++].training = 0;
        out[n] = GOOD; out[n].lower = 0.5; out[n++].upper = 0.25;        /* training */
        out[n] = GOOD; out[n++].lower = NAN;
        out[n] = GOOD; out[n++].upper = NAN;
        out[n] = GOOD; out[n++].upper = INFINITY;
        out[n] = GOOD; out[n++].lower = -INFINITY;
        out[n] = GOOD; out[n].lower = -max; out[n++].upper = max;        /* upper - lower = inf */
    } else if (c->params == PARAMS_WEIGHTS) {
        out[n] = GOOD; out[n++].seed = PRELU_NAN_WEIGHT;                 /* a NaN weight */
        out[n] = GOOD; out[n++].seed = PRELU_INF_WEIGHT;                 /* an infinite weight */
    }
    return n;
}

/* A parameter set (or, for maxout, pieces = 0) that is bad for c, for the
 * order-of-checks tests; returns 0 when c has no parameter that can be bad.
 * keep_shape: leave the shape alone (maxout then has nothing bad to offer). */
static int make_bad(const fn_case *c, shape *s, params *p, int keep_shape) {
    params b[8];
    if (c->kind == KIND_MAXOUT) {
        if (keep_shape) return 0;
        s->pieces = 0;
        return 1;
    }
    if (bad_params(c, b) == 0) return 0;
    *p = b[0];
    return 1;
}

/* ---- 1 and 2: sizes and zero work ------------------------------------------ */

static void test_sizes(const fn_case *c) {
    const size_t big = PTRDIFF_MAX / c->size + 1; /* first count with n*size > PTRDIFF_MAX */
    const size_t wrap = SIZE_MAX / c->size + 1;   /* n*size wraps around to a small number */
    const size_t G = (size_t)1 << 31;
    shape bad[8], zero[4], s;
    params p = GOOD;
    size_t nbad = 0, nzero = 0, i;
    char what[128];
    memset(bad, 0, sizeof bad);
    memset(zero, 0, sizeof zero);

    if (c->kind == KIND_ELEMENTWISE) {
        bad[0].n = SIZE_MAX; bad[1].n = big; bad[2].n = wrap; bad[3].n = (size_t)1 << 63; nbad = 4;
        nzero = 1; /* n = 0 */
    } else if (c->kind == KIND_SOFTMAX) {
        bad[0].rows = 2;      bad[0].cols = 0;          /* cols == 0 with rows > 0 */
        bad[1].rows = 4 * G;  bad[1].cols = 4 * G;      /* rows*cols overflows */
        bad[2].rows = 1;      bad[2].cols = big;
        bad[3].rows = G;      bad[3].cols = G;          /* 2^62 elements, *size wraps */
        bad[4].rows = SIZE_MAX; bad[4].cols = 1;
        nbad = 5;
        zero[0].rows = 0; zero[0].cols = 4;
        zero[1].rows = 0; zero[1].cols = 0;
        nzero = 2;
    } else {
        bad[0].rows = 1; bad[0].units = 1; bad[0].pieces = big;
        bad[1].rows = 1; bad[1].units = big; bad[1].pieces = 1;
        bad[2].rows = (size_t)1 << 22; bad[2].units = (size_t)1 << 22; bad[2].pieces = (size_t)1 << 22;
        bad[3].rows = G; bad[3].units = G; bad[3].pieces = 4; /* 2^64 elements: wraps to 0 */
        bad[4].rows = SIZE_MAX; bad[4].units = 2; bad[4].pieces = 1;
        nbad = 5;
        zero[0].rows = 0; zero[0].units = 3; zero[0].pieces = 2;
        zero[1].rows = 2; zero[1].units = 0; zero[1].pieces = 2;
        zero[2].rows = 2; zero[2].units = 0; zero[2].pieces = 0; /* pieces 0, no work */
        zero[3].rows = 0; zero[3].units = 0; zero[3].pieces = 0;
        nzero = 4;
    }
    if (c->kind == KIND_GATED || c->kind == KIND_PRELU) {
        /* x is rows x 2cols (gated) or rows x cols (prelu, cols = channels) */
        memset(bad, 0, sizeof bad);
        memset(zero, 0, sizeof zero);
        bad[0].rows = 4 * G;  bad[0].cols = 4 * G;      /* rows*cols overflows */
        bad[1].rows = 1;      bad[1].cols = big;
        bad[2].rows = G;      bad[2].cols = G;          /* 2^62 elements (gated 2^63), *size wraps */
        bad[3].rows = SIZE_MAX; bad[3].cols = 2;
        nbad = 4;
        if (c->kind == KIND_GATED) {
            bad[4].rows = 2; bad[4].cols = 0;           /* cols == 0 with rows > 0 */
            bad[5].rows = 1; bad[5].cols = big / 2;     /* 2*cols*sizeof(T) > PTRDIFF_MAX */
            nbad = 6;
            zero[0].rows = 0; zero[0].cols = 4;
            zero[1].rows = 0; zero[1].cols = 0;
            nzero = 2;
        } else {
            for (i = 0; i < nbad; i++) bad[i].units = 1;
            bad[4].rows = 1; bad[4].cols = 1; bad[4].units = big;   /* num_weights*sizeof(T) */
            nbad = 5;
            /* nothing to compute: no element and (for the backward) no weight */
            zero[0].rows = 0; zero[0].cols = 0; zero[0].units = 0;
            zero[1].rows = 3; zero[1].cols = 0; zero[1].units = 0;
            nzero = 2;
        }
    }
    fill_arena(c);
    for (i = 0; i < nbad; i++) {
        /* size is checked first: before NULL pointers and bad parameters */
        sprintf(what, "size #%zu (rows %zu cols %zu units %zu pieces %zu n %zu), NULL pointers",
                i, bad[i].rows, bad[i].cols, bad[i].units, bad[i].pieces, bad[i].n);
        expect(c, what, NULL, NULL, NULL, &bad[i], &p, ACT_ERR_SIZE, 0);
        s = bad[i];
        if (make_bad(c, &s, &p, 1)) {
            strcat(what, ", bad parameter");
            expect(c, what, NULL, NULL, NULL, &s, &p, ACT_ERR_SIZE, 0);
            p = GOOD;
        }
        sprintf(what, "size #%zu, valid pointers", i);
        expect(c, what, P0(c), P1(c), P2(c), &bad[i], &p, ACT_ERR_SIZE, 0);
    }
    for (i = 0; i < nzero; i++) {
        s = zero[i];
        make_bad(c, &s, &p, 0);
        sprintf(what, "zero work #%zu with NULL pointers and a bad parameter", i);
        expect(c, what, NULL, NULL, NULL, &s, &p, ACT_OK, 0);
        sprintf(what, "zero work #%zu with valid pointers touches nothing", i);
        expect(c, what, P0(c), P1(c), P2(c), &zero[i], &GOOD, ACT_OK, 0);
        p = GOOD;
    }

    /* The largest valid counts pass the size check (NULL pointers catch them). */
    memset(&s, 0, sizeof s);
    if (c->kind == KIND_ELEMENTWISE) {
        s.n = big - 1;
        expect(c, "n = PTRDIFF_MAX/sizeof(T) (valid), NULL pointers", NULL, NULL, NULL, &s, &p,
               ACT_ERR_NULL_POINTER, 0);
    } else if (c->kind == KIND_SOFTMAX) {
        /* the Jacobian's rows*cols*cols is checked for the derivative only */
        act_status want = c->variant == VARIANT_DERIVATIVE ? ACT_ERR_SIZE : ACT_ERR_NULL_POINTER;
        s.rows = 1; s.cols = G;
        expect(c, "rows 1 cols 2^31 (cols^2*sizeof(T) > PTRDIFF_MAX), NULL pointers", NULL,
               NULL, NULL, &s, &p, want, 0);
        s.rows = (size_t)1 << 20; s.cols = (size_t)1 << 21;
        expect(c, "rows 2^20 cols 2^21 (Jacobian 2^62 elements), NULL pointers", NULL, NULL,
               NULL, &s, &p, want, 0);
        s.rows = 1; s.cols = (size_t)1 << 32;
        expect(c, "rows 1 cols 2^32 (cols^2 overflows), NULL pointers", NULL, NULL, NULL, &s,
               &p, want, 0);
        s.rows = 1; s.cols = 1000;
        expect(c, "rows 1 cols 1000, NULL pointers", NULL, NULL, NULL, &s, &p,
               ACT_ERR_NULL_POINTER, 0);
    } else if (c->kind == KIND_MAXOUT) {
        s.rows = 1; s.units = 1; s.pieces = big - 1;
        expect(c, "rows 1 units 1 pieces PTRDIFF_MAX/sizeof(T) (valid), NULL pointers", NULL,
               NULL, NULL, &s, &p, ACT_ERR_NULL_POINTER, 0);
    } else if (c->kind == KIND_GATED) {
        s.rows = 1; s.cols = (big - 1) / 2;
        expect(c, "rows 1 cols PTRDIFF_MAX/sizeof(T)/2 (valid), NULL pointers", NULL, NULL, NULL,
               &s, &p, ACT_ERR_NULL_POINTER, 0);
    } else {
        s.rows = 1; s.cols = big - 1; s.units = 1;
        expect(c, "rows 1 channels PTRDIFF_MAX/sizeof(T) (valid), NULL pointers", NULL, NULL, NULL,
               &s, &p, ACT_ERR_NULL_POINTER, 0);
    }
}

/* ---- 3 to 5: NULL pointers, alignment, parameters --------------------------- */

static void test_pointers_and_params(const fn_case *c) {
    shape s = small_shape(c), sb;
    void *ptr[3];
    params bad[8], pb = GOOD;
    size_t nbad = bad_params(c, bad), i;
    int np = case_npointers(c), k, j, has_bad;
    char what[128];
    const int order[3] = {0, 2, 1};          /* in0, out, then in1 (backward only) */

    fill_arena(c);
    expect(c, "valid call", P0(c), P1(c), P2(c), &s, &GOOD, ACT_OK, 1);

    for (j = 0; j < np; j++) {
        k = order[j]; /* pointer k of the call: 0 in0, 1 in1, 2 out */
        /* NULL pointer k */
        ptr[0] = P0(c); ptr[1] = P1(c); ptr[2] = P2(c);
        ptr[k] = NULL;
        sprintf(what, "pointer %d NULL", k);
        expect(c, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_NULL_POINTER, 0);
        sb = s;
        has_bad = make_bad(c, &sb, &pb, 0);
        if (has_bad) {
            sprintf(what, "pointer %d NULL and a bad parameter", k);
            expect(c, what, ptr[0], ptr[1], ptr[2], &sb, &pb, ACT_ERR_NULL_POINTER, 0);
        }
        /* misaligned pointer k (1 byte, and half an element) */
        ptr[k] = at(c, (size_t)64 * (size_t)k, 1);
        sprintf(what, "pointer %d misaligned by 1 byte", k);
        expect(c, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_ALIGNMENT, 0);
        if (has_bad) {
            sprintf(what, "pointer %d misaligned and a bad parameter", k);
            expect(c, what, ptr[0], ptr[1], ptr[2], &sb, &pb, ACT_ERR_ALIGNMENT, 0);
        }
        ptr[k] = at(c, (size_t)64 * (size_t)k, c->size / 2);
        sprintf(what, "pointer %d misaligned by %zu bytes", k, c->size / 2);
        expect(c, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_ALIGNMENT, 0);
        /* NULL is checked before alignment */
        ptr[k == 0 ? 2 : 0] = NULL;
        sprintf(what, "pointer %d misaligned and pointer %d NULL", k, k == 0 ? 2 : 0);
        expect(c, what, ptr[0], ptr[1], ptr[2], &s, &GOOD, ACT_ERR_NULL_POINTER, 0);
        pb = GOOD;
    }

    /* parameters out of their domain */
    for (i = 0; i < nbad; i++) {
        sprintf(what, "bad parameters #%zu (alpha %g lower %g upper %g training %d)", i,
                bad[i].alpha, bad[i].lower, bad[i].upper, (int)bad[i].training);
        expect(c, what, P0(c), P1(c), P2(c), &s, &bad[i], ACT_ERR_PARAMETER, 0);
        /* parameter before overlap: out overlapping in0 partially */
        strcat(what, " and overlap");
        expect(c, what, at(c, 0, 0), P1(c), at(c, 1, 0), &s, &bad[i], ACT_ERR_PARAMETER, 0);
    }
    if (c->kind == KIND_PRELU) {
        const size_t counts[] = {0, 2, 3, 5, 8};
        for (i = 0; i < sizeof counts / sizeof *counts; i++) {
            sb = s;
            sb.units = counts[i];
            sprintf(what, "num_weights %zu with 4 channels", counts[i]);
            expect(c, what, P0(c), P1(c), P2(c), &sb, &GOOD, ACT_ERR_PARAMETER, 0);
            strcat(what, " and overlap");
            expect(c, what, at(c, 0, 0), P1(c), at(c, 1, 0), &sb, &GOOD, ACT_ERR_PARAMETER, 0);
        }
        sb = s;
        sb.units = 1;
        expect(c, "num_weights 1 (one shared weight)", P0(c), P1(c), P2(c), &sb, &GOOD, ACT_OK, 1);
        if (c->variant == VARIANT_BACKWARD) {
            size_t k;
            int zeros = 1;
            sb.rows = 0;
            sb.units = 4;
            for (k = 0; k < 4; k++) prelu_dweight[k] = 99.0;
            expect(c, "rows 0 with 4 weights: dweight is written", P0(c), P1(c), P2(c), &sb, &GOOD,
                   ACT_OK, 1);
            for (k = 0; k < 4; k++) zeros &= get(c, prelu_dweight, k) == 0;
            check(zeros, "%s: rows 0 sets the 4 weight gradients to 0", c->symbol);
            expect(c, "rows 0 with 4 weights and NULL x", NULL, P1(c), P2(c), &sb, &GOOD,
                   ACT_ERR_NULL_POINTER, 0);
        }
    }
    if (c->kind == KIND_MAXOUT) {
        sb = s;
        sb.pieces = 0;
        expect(c, "pieces == 0 with rows*units > 0", P0(c), P1(c), P2(c), &sb, &GOOD,
               ACT_ERR_PARAMETER, 0);
        expect(c, "pieces == 0 and overlap", at(c, 0, 0), P1(c), at(c, 1, 0), &sb, &GOOD,
               ACT_ERR_PARAMETER, 0);
    }
    /* values inside the domain are accepted */
    if (c->params == PARAMS_ALPHA) {
        const double ok[] = {0.0, -0.0, -1.5, 1000.0, 1e-30};
        for (i = 0; i < sizeof ok / sizeof *ok; i++) {
            params p = GOOD;
            p.alpha = ok[i];
            sprintf(what, "alpha %g is allowed", ok[i]);
            expect(c, what, P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        }
    } else if (c->params == PARAMS_LAMBD) {
        const double ok[] = {0.0, -0.0, 2.0, 1e30};
        for (i = 0; i < sizeof ok / sizeof *ok; i++) {
            params p = GOOD;
            p.alpha = ok[i];
            sprintf(what, "lambd %g is allowed", ok[i]);
            expect(c, what, P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        }
    } else if (c->params == PARAMS_BOUNDS || c->params == PARAMS_PAIR) {
        params p = GOOD;
        p.lower = p.upper = -0.3;
        expect(c, "equal parameters are allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        if (c->params == PARAMS_PAIR) {
            p.lower = 2.0;
            p.upper = -7.0;
            expect(c, "threshold > value is allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        }
    } else if (c->params == PARAMS_SOFTPLUS) {
        params p = GOOD;
        p.lower = -3.0;
        p.upper = INFINITY;
        expect(c, "beta < 0 and threshold +inf are allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        p.upper = -5.0;
        expect(c, "a negative threshold is allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
    } else if (c->params == PARAMS_NONZERO) {
        const double ok[] = {-1.5, 1e-30, 1000.0};
        for (i = 0; i < sizeof ok / sizeof *ok; i++) {
            params p = GOOD;
            p.alpha = ok[i];
            sprintf(what, "alpha %g is allowed", ok[i]);
            expect(c, what, P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        }
    } else if (c->params == PARAMS_RRELU) {
        params p = GOOD;
        p.lower = p.upper = 0.3;
        expect(c, "lower == upper is allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        p = GOOD;
        p.training = -3;
        p.seed = UINT64_MAX;
        expect(c, "training -3, seed 2^64-1 are allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
        p = GOOD;
        p.lower = -2.0;
        p.upper = -1.0;
        p.training = 0;
        expect(c, "negative lower/upper are allowed", P0(c), P1(c), P2(c), &s, &p, ACT_OK, 1);
    }
}

/* ---- 6: overlap ------------------------------------------------------------ */

static void test_overlap(const fn_case *c) {
    shape s = small_shape(c);
    size_t count[3], k;
    char what[128];
    case_counts(c, &s, count);
    fill_arena(c);
    /* the input under test sits at element 64, the other input at 192 */
    for (k = 0; k < 2; k++) {
        void *in[2], *in_k;
        if (count[k] == 0) continue;
        in[0] = at(c, 192, 0);
        in[1] = at(c, 192, 0);
        in[k] = in_k = at(c, 64, 0);
        sprintf(what, "out = in%zu + 1 element", k);
        expect(c, what, in[0], in[1], at(c, 65, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out = in%zu - 1 element", k);
        expect(c, what, in[0], in[1], at(c, 63, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out starts inside in%zu's last element", k);
        expect(c, what, in[0], in[1], at(c, 64 + count[k] - 1, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        sprintf(what, "out ends inside in%zu's first element", k);
        expect(c, what, in[0], in[1], at(c, 64 - count[2] + 1, 0), &s, &GOOD, ACT_ERR_OVERLAP, 0);
        /* exact aliasing: in place when the lengths agree, else overlap */
        sprintf(what, "out == in%zu (%zu vs %zu elements)", k, count[2], count[k]);
        expect(c, what, in[0], in[1], in_k, &s, &GOOD,
               count[2] == count[k] ? ACT_OK : ACT_ERR_OVERLAP, count[2] == count[k]);
        /* touching is not overlapping */
        sprintf(what, "out right after in%zu", k);
        expect(c, what, in[0], in[1], at(c, 64 + count[k], 0), &s, &GOOD, ACT_OK, 1);
        sprintf(what, "out right before in%zu", k);
        expect(c, what, in[0], in[1], at(c, 64 - count[2], 0), &s, &GOOD, ACT_OK, 1);
    }
    if (count[1]) {
        /* inputs may alias each other (dy == x, or any overlap of two inputs) */
        expect(c, "dy == x", at(c, 0, 0), at(c, 0, 0), P2(c), &s, &GOOD, ACT_OK, 1);
        expect(c, "dy = x + 1 element", at(c, 0, 0), at(c, 1, 0), P2(c), &s, &GOOD, ACT_OK, 1);
    }
}

void test_contract(void) {
    size_t i;
    for (i = 0; i < NCASES; i++) {
        test_sizes(&CASES[i]);
        test_pointers_and_params(&CASES[i]);
        test_overlap(&CASES[i]);
    }
}
