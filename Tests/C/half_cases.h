/*
 * half_cases.h -- the _f16 and _bf16 entry points of every row of
 * functions.def behind the calling convention of cases.h (fn_call), each
 * with the name of its _f32 counterpart (the contract: the half result is
 * the _f32 result on the widened inputs, rounded once).
 */
#ifndef TESTS_C_HALF_CASES_H
#define TESTS_C_HALF_CASES_H

#include "cases.h"
#include "half.h"

typedef struct {
    fn_case c;              /* symbol "act_elu_backward_bf16", size 2, call: the half wrapper */
    half_format format;
    const char *reference;  /* "act_elu_backward_f32": the case in CASES[] it must agree with */
} half_case;

extern const half_case HALF_CASES[];
extern const size_t NHALF_CASES;

/* prelu's half wrappers take weight k = PRELU_WEIGHT(k) in the format (exact
 * in both), weight 2 NaN or -inf for PRELU_NAN_WEIGHT / PRELU_INF_WEIGHT,
 * and write dweight to prelu_dweight (as uint16_t), like the f32 ones.
 * These seeds pass other weight or dweight pointers instead: */
#define PRELU_NULL_WEIGHT UINT64_C(0xBAD3)   /* weight NULL */
#define PRELU_ODD_WEIGHT UINT64_C(0xBAD4)    /* weight at an odd address */
#define PRELU_NULL_DWEIGHT UINT64_C(0xBAD5)  /* dweight NULL */
#define PRELU_ODD_DWEIGHT UINT64_C(0xBAD6)   /* dweight at an odd address */
/* prelu_weight_half(f): the weights the half wrappers pass (uint16_t,
 * PRELU_MAX_WEIGHTS of them, no bad one). */
const uint16_t *prelu_weight_half(half_format f);

#endif
