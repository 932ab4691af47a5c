/*
 * fuzz_abi.c -- a libFuzzer harness over the C ABI.
 *
 * The fuzzer's bytes choose the function (any row of Tests/C/functions.def,
 * f32 or f64, forward, derivative or backward), the shape, the parameters
 * (from a table of ordinary and hostile values: 0, -0, tiny, huge, +-inf,
 * NaN), the aliasing (separate buffers, in place, a partial overlap, NULL)
 * and the input values (the remaining bytes, any bit pattern).  Each call
 * must
 *   - return one of the header's status codes;
 *   - leave the canary bytes around the output untouched, and the output
 *     itself untouched when it returns an error;
 *   - for elementwise functions on separate buffers: return
 *     ACT_ERR_PARAMETER exactly when a parameter is outside the family's
 *     domain (the header's rules, restated below), and otherwise give,
 *     element by element, the bits of the same function called on that one
 *     element (the slow scalar reference: no lane, tail or split may change
 *     a result; rrelu's training slopes depend on the index, so it is
 *     compared through a call at the same index).
 * A violation aborts (libFuzzer then saves the input).
 *
 *   make fuzz                 # runs it for 10 minutes on Tests/fuzz/corpus
 *   (CI runs it for a minute)
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activations.h"
#include "cases.h"

#define MAX_COUNT 4096
#define CANARY 0x5A
#define PAD 64

static const double VALUES[] = {0.0, -0.0, 0.5, 1.0, -1.5, 20.0, 1e-30, -1e-30, 1e30, 3.0,
                                INFINITY, -INFINITY, NAN, 1e300, 0.125, 0.375};
#define NVALUES (sizeof VALUES / sizeof *VALUES)

static void fail(const char *what, const fn_case *c) {
    fprintf(stderr, "fuzz_abi: %s (%s)\n", what, c->symbol);
    abort();
}

/* The header's parameter domains, for the elementwise kinds (T = float or
 * double: values are first rounded to T). */
static int valid_params(const fn_case *c, const params *p) {
    double alpha = c->size == sizeof(float) ? (double)(float)p->alpha : p->alpha;
    double lower = c->size == sizeof(float) ? (double)(float)p->lower : p->lower;
    double upper = c->size == sizeof(float) ? (double)(float)p->upper : p->upper;
    switch (c->params) {
    case PARAMS_NONE: return 1;
    case PARAMS_ALPHA: return isfinite(alpha);
    case PARAMS_LAMBD: return isfinite(alpha) && alpha >= 0;
    case PARAMS_BOUNDS: return isfinite(lower) && isfinite(upper) && lower <= upper;
    case PARAMS_PAIR: return isfinite(lower) && isfinite(upper);
    case PARAMS_RRELU: {
        double width = c->size == sizeof(float) ? (double)((float)upper - (float)lower) : upper - lower;
        return isfinite(lower) && isfinite(upper) && lower <= upper && isfinite(width);
    }
    case PARAMS_SOFTPLUS: return isfinite(lower) && lower != 0 && (isfinite(upper) || upper == INFINITY);
    case PARAMS_NONZERO: return isfinite(alpha) && alpha != 0;
    case PARAMS_WEIGHTS: return 1;
    }
    return 1;
}

static int same_bits(const unsigned char *a, const unsigned char *b, size_t size) {
    if (size == sizeof(float)) {
        float x, y;
        memcpy(&x, a, size), memcpy(&y, b, size);
        return (isnan(x) && isnan(y)) || memcmp(a, b, size) == 0;
    } else {
        double x, y;
        memcpy(&x, a, size), memcpy(&y, b, size);
        return (isnan(x) && isnan(y)) || memcmp(a, b, size) == 0;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static unsigned char in0[MAX_COUNT * 8 + 2 * PAD], in1[MAX_COUNT * 8], out[MAX_COUNT * 8 * 65 + 2 * PAD];
    static unsigned char before[sizeof out];
    const fn_case *c;
    shape s;
    params p;
    size_t count[3], i, bytes, mode;
    act_status status;
    unsigned char *x, *y;
    if (size < 12) return 0;
    c = &CASES[(data[0] | (size_t)data[1] << 8) % NCASES];
    memset(&s, 0, sizeof s);
    switch (c->kind) {
    case KIND_ELEMENTWISE: s.n = (data[2] | (size_t)data[3] << 8) % 600; break;
    case KIND_SOFTMAX: s.rows = data[2] % 5; s.cols = data[3] % (c->variant == VARIANT_DERIVATIVE ? 24 : 200); break;
    case KIND_MAXOUT: s.rows = data[2] % 5; s.units = data[3] % 60; s.pieces = data[4] % 5; break;
    case KIND_GATED: s.rows = data[2] % 5; s.cols = data[3] % 200; break;
    case KIND_PRELU:
        s.rows = data[2] % 9; s.cols = data[3] % 80;
        s.units = data[4] % 3 == 0 ? 1 : data[4] % 3 == 1 ? s.cols : data[4] % 7;
        break;
    }
    p.alpha = VALUES[data[5] % NVALUES];
    p.lower = VALUES[data[6] % NVALUES];
    p.upper = VALUES[data[7] % NVALUES];
    p.training = data[8] & 1;
    p.seed = data[9];
    mode = data[10] % 4;  /* 0 separate, 1 in place, 2 partial overlap, 3 NULL output */
    data += 12, size -= 12;
    case_counts(c, &s, count);
    if (count[0] > MAX_COUNT || count[1] > MAX_COUNT || count[2] > MAX_COUNT * 64) return 0;
    /* inputs: the fuzzer's bytes, then zeros */
    memset(in0, 0, sizeof in0), memset(in1, 0, sizeof in1);
    bytes = count[0] * c->size < size ? count[0] * c->size : size;
    memcpy(in0 + PAD, data, bytes);
    if (size > bytes) memcpy(in1, data + bytes, size - bytes < count[1] * c->size ? size - bytes : count[1] * c->size);
    x = in0 + PAD;
    memset(out, CANARY, sizeof out);
    y = out + PAD;
    if (mode == 1) { memcpy(y, x, count[0] * c->size); x = y; }                      /* in place */
    if (mode == 2) { memcpy(y + c->size, x, count[0] * c->size); x = y + c->size; }  /* shifted by one */
    memcpy(before, out, sizeof out);
    status = c->call(x, in1, mode == 3 ? NULL : y, &s, &p);
    if (status != ACT_OK && status != ACT_ERR_NULL_POINTER && status != ACT_ERR_SIZE &&
        status != ACT_ERR_PARAMETER && status != ACT_ERR_OVERLAP && status != ACT_ERR_ALIGNMENT)
        fail("unknown status", c);
    /* the canaries (and, after an error, the whole output region) */
    if (mode == 0 || mode == 3) {
        size_t end = PAD + count[2] * c->size;
        for (i = 0; i < PAD; i++)
            if (out[i] != CANARY || out[end + i] != CANARY) fail("a write outside the output", c);
        if (status != ACT_OK && memcmp(out, before, end + PAD) != 0) fail("an error after writing the output", c);
    } else if (status != ACT_OK && memcmp(out, before, sizeof out) != 0) {
        fail("an error after writing the output", c);
    }
    if (c->kind != KIND_ELEMENTWISE || mode != 0 || s.n == 0) return 0;
    if ((status == ACT_ERR_PARAMETER) != !valid_params(c, &p)) fail("parameter check differs from the header", c);
    if (status == ACT_ERR_PARAMETER) return 0;
    if (status != ACT_OK) fail("an elementwise call on valid arguments failed", c);
    /* element by element: the same bits as a one-element call */
    for (i = 0; i < s.n; i++) {
        unsigned char one[8];
        shape s1 = s;
        s1.n = 1;
        if (c->params == PARAMS_RRELU && p.training) continue;  /* its slope depends on the index */
        if (c->call(x + i * c->size, in1 + i * c->size, one, &s1, &p) != ACT_OK) fail("a one-element call failed", c);
        if (!same_bits(one, y + i * c->size, c->size)) fail("an element differs from its one-element call", c);
    }
    return 0;
}
