/*
 * cases.h -- every computing function of libactivations behind one calling
 * convention, generated from functions.def, so the tests can loop over all
 * of them.
 */
#ifndef TESTS_C_CASES_H
#define TESTS_C_CASES_H

#include <stddef.h>
#include <stdint.h>

#include "activations.h"

typedef enum { KIND_ELEMENTWISE, KIND_SOFTMAX, KIND_MAXOUT, KIND_GATED, KIND_PRELU } fn_kind;
typedef enum { VARIANT_FORWARD, VARIANT_DERIVATIVE, VARIANT_BACKWARD } fn_variant;
/* Parameter kinds (functions.def): NONE; ALPHA one T, any finite (leaky_relu,
 * elu, swish); LAMBD one T, finite >= 0 (softshrink, hardshrink); BOUNDS two
 * T, finite, lower <= upper (hardtanh); PAIR two T, finite (threshold);
 * SOFTPLUS two T, lower finite and non-zero, upper finite or +inf (softplus's
 * beta, threshold); NONZERO one T, finite and non-zero (celu's alpha);
 * RRELU lower, upper, training, seed; WEIGHTS prelu's weight array (finite
 * values, 1 or channels of them). */
typedef enum {
    PARAMS_NONE, PARAMS_ALPHA, PARAMS_LAMBD, PARAMS_BOUNDS, PARAMS_PAIR, PARAMS_RRELU, PARAMS_SOFTPLUS, PARAMS_NONZERO,
    PARAMS_WEIGHTS
} fn_params;

/* The sizes of one call; each kind reads its own fields. */
typedef struct {
    size_t n;                    /* elementwise */
    size_t rows, cols;           /* softmax     */
    size_t units, pieces;        /* maxout (with rows); prelu: rows, cols (the channels) and
                                    units (num_weights); gated: rows, cols (x is rows x 2cols) */
} shape;

/* The scalar parameters of one call, converted to T by the wrappers. */
typedef struct {
    double alpha;                /* ALPHA and LAMBD kinds */
    double lower, upper;         /* RRELU, BOUNDS and PAIR kinds */
    int32_t training;
    uint64_t seed;               /* prelu: PRELU_NAN_WEIGHT / PRELU_INF_WEIGHT ask for a bad weight */
} params;

/* prelu's weights in the wrappers: weight k = PRELU_WEIGHT(k) (exact in
 * float), weight 2 NaN or -inf when params.seed asks for it; the backward's
 * dweight goes to prelu_dweight (PRELU_MAX_WEIGHTS doubles' room). */
#define PRELU_MAX_WEIGHTS 4096
#define PRELU_NAN_WEIGHT UINT64_C(0xBAD1)
#define PRELU_INF_WEIGHT UINT64_C(0xBAD2)
#define PRELU_WEIGHT(k) (0.25 - 0.125 * (double)((k) % 7))
extern double prelu_dweight[PRELU_MAX_WEIGHTS];

/* Uniform entry point: in0 is x (y for softmax_backward), in1 is dy
 * (backward only, else ignored), out is y / d / dx / jacobian. */
typedef act_status (*fn_call)(const void *in0, const void *in1, void *out,
                              const shape *s, const params *p);

typedef struct {
    const char *symbol;          /* "act_elu_backward_f64" */
    const char *snippet;         /* "elu_backward": the name oracle.py knows */
    fn_kind kind;
    fn_variant variant;
    fn_params params;
    size_t size;                 /* sizeof(T) */
    int ulps;                    /* allowed distance from the snippet; 0 = exact */
    fn_call call;
} fn_case;

extern const fn_case CASES[];
extern const size_t NCASES;

/* Element counts of in0, in1 and out for shape s (in1: 0 when unused).
 * The shape must not overflow (the tests only call this on small shapes). */
void case_counts(const fn_case *c, const shape *s, size_t count[3]);

/* Number of pointer arguments the tests place: 3 for backward, else 2 (in0,
 * out); prelu's weight and dweight come from the wrappers. */
int case_npointers(const fn_case *c);

/* The case with this symbol, or NULL. */
const fn_case *find_case(const char *symbol);

#endif
