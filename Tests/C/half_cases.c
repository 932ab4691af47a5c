/*
 * half_cases.c -- the table of the half-precision entry points, generated
 * from functions.def: for each row, wrappers of act_NAME[_derivative|
 * _backward]_f16 and _bf16 with the signature fn_call, and their HALF_CASES[]
 * entries.  Arrays are uint16_t bit patterns; scalar parameters are float
 * (converted from the params doubles as for _f32).
 */
#include <math.h>
#include <stddef.h>

#include "half_cases.h"

#include "wrappers.h"

typedef uint16_t H;

/* prelu: weights in the format, with the bad ones the seeds ask for. */
static uint16_t prelu_weights[2][PRELU_MAX_WEIGHTS + 1];

const uint16_t *prelu_weight_half(half_format f) {
    size_t k;
    for (k = 0; k < PRELU_MAX_WEIGHTS; k++)
        prelu_weights[f][k] = half_from_float(f, (float)PRELU_WEIGHT(k));
    return prelu_weights[f];
}

static const H *weights(half_format f, const params *p) {
    uint16_t *w = prelu_weights[f];
    prelu_weight_half(f);
    if (p->seed == PRELU_NAN_WEIGHT) w[2] = half_canonical_nan(f);
    if (p->seed == PRELU_INF_WEIGHT) w[2] = f == FORMAT_F16 ? 0xfc00u : 0xff80u; /* -inf */
    if (p->seed == PRELU_NULL_WEIGHT) return NULL;
    if (p->seed == PRELU_ODD_WEIGHT) return (const H *)(const void *)((const char *)w + 1);
    return w;
}

static H *dweight(const params *p) {
    if (p->seed == PRELU_NULL_DWEIGHT) return NULL;
    if (p->seed == PRELU_ODD_DWEIGHT) return (H *)(void *)((char *)prelu_dweight + 1);
    return (H *)(void *)prelu_dweight;
}

#define FORMAT_f16 FORMAT_F16
#define FORMAT_bf16 FORMAT_BF16
#define PRELU_WRAPPERS(name, t)                                                    \
    static act_status w_##name##_##t(const void *a, const void *b, void *o,        \
                                     const shape *s, const params *p) {            \
        (void)b;                                                                   \
        return act_##name##_##t((const H *)a, (H *)o, s->rows, s->cols,            \
                                weights(FORMAT_##t, p), s->units);                 \
    }                                                                              \
    static act_status w_##name##_derivative_##t(const void *a, const void *b,      \
                                                void *o, const shape *s,           \
                                                const params *p) {                 \
        (void)b;                                                                   \
        return act_##name##_derivative_##t((const H *)a, (H *)o, s->rows, s->cols, \
                                           weights(FORMAT_##t, p), s->units);      \
    }                                                                              \
    static act_status w_##name##_backward_##t(const void *a, const void *b,        \
                                              void *o, const shape *s,             \
                                              const params *p) {                   \
        return act_##name##_backward_##t((const H *)a, (const H *)b, (H *)o,       \
                                         dweight(p), s->rows, s->cols,             \
                                         weights(FORMAT_##t, p), s->units);        \
    }

#define ACT_ELEMENTWISE(name, PARAMS, ulps)                                        \
    ELEMENTWISE_WRAPPERS(name, PARAMS, H, float, f16) ELEMENTWISE_WRAPPERS(name, PARAMS, H, float, bf16)
#define ACT_SOFTMAX(name, ulps) ROWS_WRAPPERS(name, H, f16) ROWS_WRAPPERS(name, H, bf16)
#define ACT_MAXOUT(name, ulps)  MAXOUT_WRAPPERS(name, H, f16) MAXOUT_WRAPPERS(name, H, bf16)
#define ACT_GATED(name, ulps)   ROWS_WRAPPERS(name, H, f16) ROWS_WRAPPERS(name, H, bf16)
#define ACT_PRELU(name, ulps)   PRELU_WRAPPERS(name, f16) PRELU_WRAPPERS(name, bf16)
#include "functions.def"

/* ---- the table ----------------------------------------------------------- */
/* ulps: 0, the contract is bitwise (against the rounded _f32 result). */
#define HALF_ENTRY(name, kind, prm, t)                                             \
    { { "act_" #name "_" #t, #name, kind, VARIANT_FORWARD, prm, 2, 0,              \
        w_##name##_##t }, FORMAT_##t, "act_" #name "_f32" },
#define HALF_ENTRY_D(name, kind, prm, t)                                           \
    { { "act_" #name "_derivative_" #t, #name "_derivative", kind,                 \
        VARIANT_DERIVATIVE, prm, 2, 0, w_##name##_derivative_##t }, FORMAT_##t,    \
      "act_" #name "_derivative_f32" },
#define HALF_ENTRY_B(name, kind, prm, t)                                           \
    { { "act_" #name "_backward_" #t, #name "_backward", kind,                     \
        VARIANT_BACKWARD, prm, 2, 0, w_##name##_backward_##t }, FORMAT_##t,        \
      "act_" #name "_backward_f32" },
#define THREE(name, kind, prm, t)                                                  \
    HALF_ENTRY(name, kind, prm, t) HALF_ENTRY_D(name, kind, prm, t) HALF_ENTRY_B(name, kind, prm, t)
#define SIX(name, kind, prm) THREE(name, kind, prm, f16) THREE(name, kind, prm, bf16)

const half_case HALF_CASES[] = {
#define ACT_ELEMENTWISE(name, PARAMS, ulps) SIX(name, KIND_ELEMENTWISE, PARAMS_##PARAMS)
#define ACT_SOFTMAX(name, ulps)             SIX(name, KIND_SOFTMAX, PARAMS_NONE)
#define ACT_MAXOUT(name, ulps)              SIX(name, KIND_MAXOUT, PARAMS_NONE)
#define ACT_GATED(name, ulps)               SIX(name, KIND_GATED, PARAMS_NONE)
#define ACT_PRELU(name, ulps)               SIX(name, KIND_PRELU, PARAMS_WEIGHTS)
#include "functions.def"
};
const size_t NHALF_CASES = sizeof HALF_CASES / sizeof HALF_CASES[0];
