/* The functions act-eval measures: one row per elementwise function and
 * direction, with the library's entry points (through include/activations.h
 * only), an independent reference, the document's naive formula where it
 * has one, and the bound published in the header.
 *
 * References (never the library's own code):
 *   float32 inputs:  computed in double from glibc's exp/expm1/tanh with the
 *                    stable formulas; their error is a few double ulps,
 *                    about 2^-29 of a float ulp.
 *   float64 inputs:  computed in __float128 from libquadmath (113-bit
 *                    significand); the error is far below 2^-50 double ulp.
 *   half inputs:     (_f16, _bf16: the widened input is a float) the float32
 *                    reference in double, whose error is about 2^-42 of an
 *                    f16 ulp: rounding it straight to the 16-bit format gives
 *                    the correctly rounded value.
 */
#ifndef ACT_EVAL_FUNCTIONS_H
#define ACT_EVAL_FUNCTIONS_H

#include <quadmath.h>
#include <stddef.h>
#include <stdint.h>

#include "activations.h"

typedef __float128 quad;

typedef act_status (*map_f32)(const float *x, float *y, size_t n);
typedef act_status (*map_f64)(const double *x, double *y, size_t n);
typedef act_status (*backward_f32)(const float *x, const float *dy, float *dx, size_t n);
typedef act_status (*backward_f64)(const double *x, const double *dy, double *dx, size_t n);
/* The half-precision entry points (_f16 and _bf16): 16-bit patterns, float parameters. */
typedef act_status (*map_half)(const uint16_t *x, uint16_t *y, size_t n);
typedef act_status (*backward_half)(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

struct function {
  const char *name;       /* the C family name, e.g. "sigmoid" */
  const char *direction;  /* "forward" or "derivative" */
  const char *parameters; /* as shown in the report, e.g. "alpha=0.3" */
  int exact;              /* 1: the result must be the correctly rounded value */
  map_f32 f32;
  map_f64 f64;
  /* For derivative rows: the backward entry point, checked to equal
   * fl(dy * f'(x)) bit for bit, with f'(x) the derivative's own output. */
  backward_f32 backward32;
  backward_f64 backward64;
  /* The exact value for input x at element index i of a call (the index
   * matters only for rrelu's training slopes). */
  double (*reference32)(double x, uint64_t i);
  quad (*reference64)(quad x, uint64_t i);
  float (*snippet32)(float x);                      /* the document's formula, or NULL */
  double (*snippet64)(double x);
  const char *snippet;                              /* the formula, for the report */
  double bound32, bound64;                          /* published bounds (ulp) */
  /* A derivative's interior zero x0 (has_zero = 1): within 1/4 of x0 the
   * header bounds the error by 1 ulp of 2^-4 instead (absolute). */
  int has_zero;
  double zero;
  /* The same row's _f16 and _bf16 entry points (the parameters as the _f32
   * row passes them), and for derivative rows their backward (else NULL).
   * Their exact values are reference32's: the parameters are floats. */
  map_half f16, bf16;
  backward_half backward_f16, backward_bf16;
};

extern const struct function functions[];
extern const size_t function_count;

#endif
