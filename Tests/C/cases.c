/*
 * cases.c -- the table of all computing functions, generated from
 * functions.def: for each row, six wrappers per type that give every entry
 * point the same signature (fn_call), and their CASES[] entries.
 */
#include <math.h>
#include <string.h>

#include "cases.h"

/* The trailing arguments of each PARAMS kind, converted to T. */
#include "wrappers.h"

/* prelu: the weights are PRELU_WEIGHT(k), weight 2 NaN or -inf when
 * p->seed asks for it; dweight lands in prelu_dweight. */
double prelu_dweight[PRELU_MAX_WEIGHTS];
#define PRELU_WEIGHTS(T, t)                                                        \
    static const T *weights_##t(const params *p) {                                 \
        static T w[PRELU_MAX_WEIGHTS];                                             \
        size_t k;                                                                  \
        for (k = 0; k < PRELU_MAX_WEIGHTS; k++) w[k] = (T)PRELU_WEIGHT(k);          \
        if (p->seed == PRELU_NAN_WEIGHT) w[2] = (T)NAN;                            \
        if (p->seed == PRELU_INF_WEIGHT) w[2] = (T)-INFINITY;                      \
        return w;                                                                  \
    }
#define PRELU_WRAPPERS(name, T, t)                                                 \
    static act_status w_##name##_##t(const void *a, const void *b, void *o,        \
                                     const shape *s, const params *p) {            \
        (void)b;                                                                   \
        return act_##name##_##t((const T *)a, (T *)o, s->rows, s->cols,            \
                                weights_##t(p), s->units);                       \
    }                                                                              \
    static act_status w_##name##_derivative_##t(const void *a, const void *b,      \
                                                void *o, const shape *s,           \
                                                const params *p) {                 \
        (void)b;                                                                   \
        return act_##name##_derivative_##t((const T *)a, (T *)o, s->rows, s->cols, \
                                           weights_##t(p), s->units);            \
    }                                                                              \
    static act_status w_##name##_backward_##t(const void *a, const void *b,        \
                                              void *o, const shape *s,             \
                                              const params *p) {                   \
        return act_##name##_backward_##t((const T *)a, (const T *)b, (T *)o,       \
                                         (T *)(void *)prelu_dweight, s->rows,      \
                                         s->cols, weights_##t(p), s->units);     \
    }
PRELU_WEIGHTS(float, f32)
PRELU_WEIGHTS(double, f64)

#define ACT_ELEMENTWISE(name, PARAMS, ulps)                                        \
    ELEMENTWISE_WRAPPERS(name, PARAMS, float, float, f32)                          \
    ELEMENTWISE_WRAPPERS(name, PARAMS, double, double, f64)
#define ACT_SOFTMAX(name, ulps) ROWS_WRAPPERS(name, float, f32) ROWS_WRAPPERS(name, double, f64)
#define ACT_MAXOUT(name, ulps)  MAXOUT_WRAPPERS(name, float, f32) MAXOUT_WRAPPERS(name, double, f64)
#define ACT_GATED(name, ulps)   ROWS_WRAPPERS(name, float, f32) ROWS_WRAPPERS(name, double, f64)
#define ACT_PRELU(name, ulps)   PRELU_WRAPPERS(name, float, f32) PRELU_WRAPPERS(name, double, f64)
#include "functions.def"

/* ---- the table ----------------------------------------------------------- */
#define ENTRY(name, suffix, variant, kind, prm, T, t, ulps)                        \
    { "act_" #name suffix "_" #t, #name suffix, kind, variant, prm, sizeof(T),     \
      ulps, w_##name##_##t },
#define ENTRY_D(name, kind, prm, T, t, ulps)                                       \
    { "act_" #name "_derivative_" #t, #name "_derivative", kind,                  \
      VARIANT_DERIVATIVE, prm, sizeof(T), ulps, w_##name##_derivative_##t },
#define ENTRY_B(name, kind, prm, T, t, ulps)                                       \
    { "act_" #name "_backward_" #t, #name "_backward", kind,                      \
      VARIANT_BACKWARD, prm, sizeof(T), ulps, w_##name##_backward_##t },
#define SIX(name, kind, prm, ulps)                                                 \
    ENTRY(name, "", VARIANT_FORWARD, kind, prm, float, f32, ulps)                  \
    ENTRY_D(name, kind, prm, float, f32, ulps)                                     \
    ENTRY_B(name, kind, prm, float, f32, ulps)                                     \
    ENTRY(name, "", VARIANT_FORWARD, kind, prm, double, f64, ulps)                 \
    ENTRY_D(name, kind, prm, double, f64, ulps)                                    \
    ENTRY_B(name, kind, prm, double, f64, ulps)

const fn_case CASES[] = {
#define ACT_ELEMENTWISE(name, PARAMS, ulps) SIX(name, KIND_ELEMENTWISE, PARAMS_##PARAMS, ulps)
#define ACT_SOFTMAX(name, ulps)             SIX(name, KIND_SOFTMAX, PARAMS_NONE, ulps)
#define ACT_MAXOUT(name, ulps)              SIX(name, KIND_MAXOUT, PARAMS_NONE, ulps)
#define ACT_GATED(name, ulps)               SIX(name, KIND_GATED, PARAMS_NONE, ulps)
#define ACT_PRELU(name, ulps)               SIX(name, KIND_PRELU, PARAMS_WEIGHTS, ulps)
#include "functions.def"
};
const size_t NCASES = sizeof CASES / sizeof CASES[0];

void case_counts(const fn_case *c, const shape *s, size_t count[3]) {
    size_t rc = s->rows * s->cols, ru = s->rows * s->units, rup = ru * s->pieces;
    int bwd = c->variant == VARIANT_BACKWARD;
    switch (c->kind) {
    case KIND_ELEMENTWISE:
        count[0] = s->n; count[1] = bwd ? s->n : 0; count[2] = s->n;
        break;
    case KIND_SOFTMAX:
        count[0] = rc; count[1] = bwd ? rc : 0;
        count[2] = c->variant == VARIANT_DERIVATIVE ? rc * s->cols : rc;
        break;
    case KIND_MAXOUT:
        count[0] = rup; count[1] = bwd ? ru : 0;
        count[2] = c->variant == VARIANT_FORWARD ? ru : rup;
        break;
    case KIND_GATED:
        count[0] = 2 * rc; count[1] = bwd ? rc : 0;
        count[2] = c->variant == VARIANT_FORWARD ? rc : 2 * rc;
        break;
    case KIND_PRELU:
        count[0] = rc; count[1] = bwd ? rc : 0; count[2] = rc;
        break;
    }
}

int case_npointers(const fn_case *c) { return c->variant == VARIANT_BACKWARD ? 3 : 2; }

const fn_case *find_case(const char *symbol) {
    size_t i;
    for (i = 0; i < NCASES; i++)
        if (strcmp(CASES[i].symbol, symbol) == 0) return &CASES[i];
    return NULL;
}
