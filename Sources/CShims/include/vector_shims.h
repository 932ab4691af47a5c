/* Vector conversions the Swift standard library only offers as per-lane
 * loops: float <-> double on eight lanes. Swift imports these clang vector
 * types as SIMD8<Float> / SIMD8<Double>, and the static inline functions are
 * inlined into the Swift kernels (cvtps2pd / cvtpd2ps, round to nearest). */
#ifndef ACTIVATIONS_VECTOR_SHIMS_H
#define ACTIVATIONS_VECTOR_SHIMS_H

typedef float actv_float8 __attribute__((ext_vector_type(8)));
typedef double actv_double8 __attribute__((ext_vector_type(8)));

static inline __attribute__((always_inline)) actv_double8 actv_widen_f32x8(actv_float8 v) {
  return __builtin_convertvector(v, actv_double8);
}

static inline __attribute__((always_inline)) actv_float8 actv_narrow_f64x8(actv_double8 v) {
  return __builtin_convertvector(v, actv_float8);
}

#endif
