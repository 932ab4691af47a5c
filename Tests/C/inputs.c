#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"

void put(const fn_case *c, void *buf, size_t i, double v) {
    if (c->size == sizeof(float))
        ((float *)buf)[i] = (float)v;
    else
        ((double *)buf)[i] = v;
}

double get(const fn_case *c, const void *buf, size_t i) {
    return c->size == sizeof(float) ? (double)((const float *)buf)[i]
                                    : ((const double *)buf)[i];
}

double uniform(uint64_t *state, double lo, double hi) {
    uint64_t z = *state;
    z ^= z >> 12;
    z ^= z << 25;
    z ^= z >> 27;
    *state = z;
    z *= UINT64_C(0x2545F4914F6CDD1D);
    return lo + (hi - lo) * (double)(z >> 11) * (1.0 / 9007199254740992.0);
}

void random_inputs(const fn_case *c, const shape *s, void *in0, void *in1, uint64_t seed) {
    size_t count[3], i, r, j;
    uint64_t st = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    case_counts(c, s, count);
    if (c->kind == KIND_MAXOUT) {
        for (i = 0; i < count[0]; i++) put(c, in0, i, (double)(int)uniform(&st, -3, 4));
    } else if (c->kind == KIND_SOFTMAX && c->variant == VARIANT_BACKWARD) {
        /* log_softmax's backward takes log-probabilities */
        int logs = strncmp(c->snippet, "log_softmax", 11) == 0;
        for (r = 0; r < s->rows; r++) { /* a probability row: positive, sums to ~1 */
            double sum = 0;
            for (j = 0; j < s->cols; j++) {
                double v = uniform(&st, 0.01, 1);
                put(c, in0, r * s->cols + j, v);
                sum += get(c, in0, r * s->cols + j);
            }
            for (j = 0; j < s->cols; j++) {
                double p = get(c, in0, r * s->cols + j) / sum;
                put(c, in0, r * s->cols + j, logs ? log(p) : p);
            }
        }
    } else {
        for (i = 0; i < count[0]; i++) put(c, in0, i, uniform(&st, -10, 10));
    }
    for (i = 0; i < count[1]; i++) put(c, in1, i, uniform(&st, -2, 2));
}

void *xmalloc(size_t bytes) {
    void *p = malloc(bytes ? bytes : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory (%zu bytes)\n", bytes);
        exit(2);
    }
    return p;
}
