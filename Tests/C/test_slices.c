/*
 * test_slices.c -- a call on part of an array gives the same bits as the
 * same part of one long call.
 *
 * For every computing function in functions.def, one long call on inputs
 * that mix moderate values with arbitrary bit patterns (NaN, infinities,
 * subnormals, huge values), then:
 *   - every length 0..130 (elements; rows for the row kinds) starting at the
 *     first element and one element (one row) further on, so each start is
 *     misaligned for the vector loops, compared bitwise with the long call;
 *   - a few large calls (past the size at which work is split among threads)
 *     at odd offsets, compared bitwise with the long call;
 *   - the call in place (output == input) compared bitwise with the call
 *     out of place, wherever an output has the length of an input;
 *   - (elementwise) each result unchanged when the elements beside it are
 *     NaN, infinite, huge or subnormal.
 * rrelu in training mode draws slope i from the element's index within the
 * call, so its shifted slices are compared in evaluation mode and its
 * training mode on prefixes only.  prelu's weight gradient is a sum over
 * all rows and is left to the other tests; its dx is compared here.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "inputs.h"
#include "tests.h"

#define MAX_SLICE 130

/* The shape of `units` slicing units: elements, or rows of a small width. */
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

/* Elements of in0, in1 and out per slicing unit. */
static void per_unit(const fn_case *c, size_t count[3]) {
    shape one = unit_shape(c, 1);
    case_counts(c, &one, count);
}

/* Inputs for `units` units: three of four values moderate (in [-12, 12]),
 * the fourth an arbitrary bit pattern; dy in [-2, 2] with an occasional
 * special value.  softmax_backward's y and maxout keep their own inputs
 * (probability rows, small integers) with a few specials mixed in. */
static void fill(const fn_case *c, size_t units, void *in0, void *in1) {
    shape s = unit_shape(c, units);
    size_t count[3], i;
    uint64_t st = 0x5eed + (uint64_t)(c - CASES);
    case_counts(c, &s, count);
    random_inputs(c, &s, in0, in1, 4242);
    for (i = 0; i < count[0]; i++) {
        uint64_t bits;
        if (i % 4 != 3) continue;
        if (c->kind == KIND_MAXOUT || (c->kind == KIND_SOFTMAX && c->variant == VARIANT_BACKWARD)) {
            if (i % 68 == 3) put(c, in0, i, (i / 68) % 2 ? INFINITY : NAN);
            continue;
        }
        uniform(&st, 0, 1);
        bits = st * UINT64_C(0x2545F4914F6CDD1D);
        if (c->size == sizeof(float)) {
            uint32_t b = (uint32_t)(bits >> 32);
            memcpy((char *)in0 + i * c->size, &b, sizeof b);
        } else {
            memcpy((char *)in0 + i * c->size, &bits, sizeof bits);
        }
    }
    for (i = 0; i < count[1]; i += 37) put(c, in1, i, i % 74 ? INFINITY : NAN);
}

/* Calls c on `units` units starting `first` units into the inputs, and
 * compares the output with the same part of `whole` (`first` units in). */
static int same_slice(const fn_case *c, const params *p, const void *in0, const void *in1,
                      const void *whole, void *out, size_t first, size_t units) {
    size_t u[3];
    shape s = unit_shape(c, units);
    act_status st;
    per_unit(c, u);
    memset(out, 0x5A, (units ? units : 1) * u[2] * c->size);
    st = c->call((const char *)in0 + first * u[0] * c->size,
                 u[1] ? (const char *)in1 + first * u[1] * c->size : NULL, out, &s, p);
    if (st != ACT_OK) {
        printf("  %s: %zu units from unit %zu: status %d\n", c->symbol, units, first, (int)st);
        return 0;
    }
    if (memcmp(out, (const char *)whole + first * u[2] * c->size, units * u[2] * c->size) != 0) {
        const char *w = (const char *)whole + first * u[2] * c->size;
        size_t i = 0;
        while (memcmp((const char *)out + i * c->size, w + i * c->size, c->size) == 0) i++;
        printf("  %s: %zu units from unit %zu: output element %zu is %a, the long call's %a "
               "(input element %zu: %a)\n",
               c->symbol, units, first, i, get(c, out, i), get(c, w, i),
               first * u[0] + (u[0] == u[2] ? i : 0), get(c, in0, first * u[0] + (u[0] == u[2] ? i : 0)));
        return 0;
    }
    return 1;
}

static void test_case(const fn_case *c, size_t total) {
    params p = {0.5, 0.125, 0.375, 1, 7};
    params eval = p;
    size_t u[3], count[3], k, first, bad = 0;
    shape s = unit_shape(c, total);
    void *in0, *in1, *whole, *out, *copy;
    act_status st;
    int training = c->params == PARAMS_RRELU;
    eval.training = 0;
    per_unit(c, u);
    case_counts(c, &s, count);
    in0 = xmalloc(count[0] * c->size);
    in1 = xmalloc((count[1] ? count[1] : 1) * c->size);
    whole = xmalloc(count[2] * c->size);
    out = xmalloc(count[2] * c->size);
    copy = xmalloc(count[2] * c->size);
    fill(c, total, in0, in1);

    /* lengths 0..130 at offsets 0 and 1, with the parameters of the long call */
    st = c->call(in0, count[1] ? in1 : NULL, whole, &s, training ? &eval : &p);
    check(st == ACT_OK, "%s: long call (%zu units): status %d", c->symbol, total, (int)st);
    for (first = 0; first < 2; first++)
        for (k = 0; k <= MAX_SLICE; k++)
            if (!same_slice(c, training ? &eval : &p, in0, in1, whole, out, first, k)) {
                if (bad++ < 3)
                    check(0, "%s: %zu units from unit %zu differ from the long call", c->symbol, k, first);
            }
    /* large slices at odd offsets, past the threading crossover */
    if (total > 2 * MAX_SLICE) {
        const size_t starts[3] = {1, 5, 0}, lengths[3] = {total / 4 + 3, total - 5, total - 1};
        for (k = 0; k < 3; k++)
            if (!same_slice(c, training ? &eval : &p, in0, in1, whole, out, starts[k], lengths[k])) {
                bad++;
                check(0, "%s: %zu units from unit %zu differ from the long call", c->symbol, lengths[k],
                      starts[k]);
            }
    }
    /* rrelu's training mode: prefixes only */
    if (training) {
        st = c->call(in0, count[1] ? in1 : NULL, whole, &s, &p);
        for (k = 0; k <= MAX_SLICE; k++)
            if (!same_slice(c, &p, in0, in1, whole, out, 0, k) && bad++ < 3)
                check(0, "%s: training mode, the first %zu elements differ from the long call", c->symbol, k);
    }
    /* in place == out of place (the long call just made, with p) */
    if (count[2] == count[0]) {
        memcpy(copy, in0, count[0] * c->size);
        st = c->call(copy, count[1] ? in1 : NULL, copy, &s, &p);
        if (st != ACT_OK || memcmp(copy, whole, count[2] * c->size) != 0) {
            bad++;
            check(0, "%s: in place (out == in0) differs from out of place", c->symbol);
        }
    }
    if (count[1] && count[2] == count[1]) {
        memcpy(copy, in1, count[1] * c->size);
        st = c->call(in0, copy, copy, &s, &p);
        if (st != ACT_OK || memcmp(copy, whole, count[2] * c->size) != 0) {
            bad++;
            check(0, "%s: in place (out == dy) differs from out of place", c->symbol);
        }
    }
    check(bad == 0, "%s: slices, large calls and in place agree with one long call bitwise", c->symbol);
    free(in0);
    free(in1);
    free(whole);
    free(out);
    free(copy);
}

/* Lane independence: an element's result must not depend on the values
 * next to it (vector code may take another path for a vector holding a
 * special value or a far tail; that path must give the other lanes the same
 * bits).  Each even element's result from a one-element call is compared
 * with the same element in a long call beside other moderate-to-large values,
 * and in a long call with every odd element NaN, +-inf, +-huge or subnormal. */
static void test_neighbours(const fn_case *c) {
    enum { N = 1 << 16 };
    static const double SPECIAL[] = {NAN, INFINITY, -INFINITY, 1e300, -1e300, 4e-320, -0.0};
    params p = {0.5, 0.125, 0.375, 1, 7};
    void *x = xmalloc(N * c->size), *x2 = xmalloc(N * c->size), *dy = xmalloc(N * c->size);
    void *y = xmalloc(N * c->size), *y2 = xmalloc(N * c->size), *alone = xmalloc(N * c->size);
    shape s = {N, 0, 0, 0, 0}, one = {1, 0, 0, 0, 0};
    uint64_t st = 99 + (uint64_t)(c - CASES);
    size_t i, bad = 0, first = 0;
    int backward = c->variant == VARIANT_BACKWARD, ok = 1;
    if (c->params == PARAMS_RRELU) p.training = 0; /* training slopes depend on the index */
    for (i = 0; i < N; i++) {
        double m = uniform(&st, -1, 1), e = uniform(&st, -24, 9);
        put(c, x, i, i % 3 == 0 ? 40 * m : i % 3 == 1 ? (m < 0 ? -1 : 1) * pow(2.0, e) : 800 * m);
        put(c, dy, i, uniform(&st, -2, 2));
    }
    memcpy(x2, x, N * c->size);
    for (i = 1; i < N; i += 2) put(c, x2, i, SPECIAL[(i / 2) % 7]);
    for (i = 0; i < N; i += 2)
        ok &= c->call((char *)x + i * c->size, backward ? (char *)dy + i * c->size : NULL,
                      (char *)alone + i * c->size, &one, &p) == ACT_OK;
    ok &= c->call(x, backward ? dy : NULL, y, &s, &p) == ACT_OK;
    ok &= c->call(x2, backward ? dy : NULL, y2, &s, &p) == ACT_OK;
    if (!ok) {
        check(0, "%s: neighbours: a call failed", c->symbol);
    } else {
        for (i = 0; i < N; i += 2) {
            const char *a = (char *)alone + i * c->size;
            if ((memcmp(a, (char *)y + i * c->size, c->size) != 0 ||
                 memcmp(a, (char *)y2 + i * c->size, c->size) != 0) && bad++ == 0)
                first = i;
        }
        if (bad)
            printf("  %s: %zu elements change with their neighbours, first x = %a: %a alone, %a and %a "
                   "beside %g and %g\n", c->symbol, bad, get(c, x, first), get(c, alone, first),
                   get(c, y, first), get(c, y2, first), get(c, x, first + 1), get(c, x2, first + 1));
        check(bad == 0, "%s: every result independent of the neighbouring elements", c->symbol);
    }
    free(x);
    free(x2);
    free(dy);
    free(y);
    free(y2);
    free(alone);
}

void test_slices(void) {
    size_t i, total;
    for (i = 0; i < NCASES; i++) {
        const fn_case *c = &CASES[i];
        /* the long call: 2^20 + 77 elements, or a few hundred thousand elements of rows
         * (the softmax Jacobian: 2^14 rows of 5 x 5) */
        if (c->kind == KIND_ELEMENTWISE) total = ((size_t)1 << 20) + 77;
        else if (c->kind == KIND_SOFTMAX && c->variant == VARIANT_DERIVATIVE) total = ((size_t)1 << 14) + 7;
        else total = ((size_t)1 << 17) + 7;
        test_case(c, total);
        if (c->kind == KIND_ELEMENTWISE) test_neighbours(c);
    }
    printf("  %zu functions: lengths 0..%d at offsets 0 and 1, three large slices, in place;\n"
           "  elementwise results independent of their neighbours\n", NCASES, MAX_SLICE);
}
