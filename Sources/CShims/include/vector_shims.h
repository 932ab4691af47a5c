/* Vector conversions the Swift standard library only offers as per-lane
 * loops: float <-> double on eight lanes, and float <-> binary16/bfloat16 on
 * sixteen (below). Swift imports these clang vector
 * types as SIMD8<Float> / SIMD8<Double>, and the static inline functions are
 * inlined into the Swift kernels (cvtps2pd / cvtpd2ps, round to nearest). */
#ifndef ACTIVATIONS_VECTOR_SHIMS_H
#define ACTIVATIONS_VECTOR_SHIMS_H

/* The sixteen-lane types below are passed between always-inline functions
 * only; the calling-convention note clang gives for them without AVX-512
 * does not apply. */
#pragma clang diagnostic ignored "-Wpsabi"

typedef float actv_float8 __attribute__((ext_vector_type(8)));
typedef double actv_double8 __attribute__((ext_vector_type(8)));

static inline __attribute__((always_inline)) actv_double8 actv_widen_f32x8(actv_float8 v) {
  return __builtin_convertvector(v, actv_double8);
}

static inline __attribute__((always_inline)) actv_float8 actv_narrow_f64x8(actv_double8 v) {
  return __builtin_convertvector(v, actv_float8);
}

/* ---- 16-bit floating-point formats, sixteen lanes -------------------------
 * Bit patterns travel as actv_u16x16 (Swift: SIMD16<UInt16>), values as
 * actv_f32x16 (SIMD16<Float>).  Widening is exact; narrowing rounds once to
 * nearest, ties to even, overflows to +-inf, keeps signed zeros and gives
 * the canonical quiet NaN (0x7E00 binary16, 0x7FC0 bfloat16) for every NaN,
 * so NaN results have the same bits on every path.
 *
 * binary16 (IEEE half): with F16C (the x86-64-v3 build) vcvtph2ps/vcvtps2ph;
 * otherwise integer arithmetic that gives the same bits for every non-NaN
 * value (widening rebiases the exponent by one multiplication by 2^112,
 * which also normalizes subnormal halves; narrowing adds the rounding bias
 * to the bits for normal results, and lets the float adder round results in
 * the subnormal range, by adding 0.5 whose ulp is the half subnormal step).
 * bfloat16 is the upper half of a float: widening shifts, narrowing adds
 * 0x7FFF plus the lowest kept bit (ties to even) and shifts. */
typedef unsigned short actv_u16x16 __attribute__((ext_vector_type(16)));
typedef unsigned int actv_u32x16 __attribute__((ext_vector_type(16)));
typedef float actv_f32x16 __attribute__((ext_vector_type(16)));

/* mask ? a : b, lane by lane, for masks of all-ones / all-zeros lanes. */
static inline __attribute__((always_inline)) actv_u32x16 actv_select_u32x16(actv_u32x16 mask, actv_u32x16 a,
                                                                           actv_u32x16 b) {
  return (a & mask) | (b & ~mask);
}

#if defined(__F16C__)
typedef short actv_i16x8 __attribute__((vector_size(16)));
typedef float actv_f32x8 __attribute__((vector_size(32)));

static inline __attribute__((always_inline)) actv_f32x16 actv_widen_binary16x16(actv_u16x16 bits) {
  actv_i16x8 lo = (actv_i16x8)__builtin_shufflevector(bits, bits, 0, 1, 2, 3, 4, 5, 6, 7);
  actv_i16x8 hi = (actv_i16x8)__builtin_shufflevector(bits, bits, 8, 9, 10, 11, 12, 13, 14, 15);
  actv_f32x8 a = __builtin_ia32_vcvtph2ps256(lo);
  actv_f32x8 b = __builtin_ia32_vcvtph2ps256(hi);
  return __builtin_shufflevector(a, b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
}

static inline __attribute__((always_inline)) actv_u16x16 actv_narrow_binary16x16(actv_f32x16 v) {
  actv_f32x8 lo = __builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7);
  actv_f32x8 hi = __builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15);
  actv_i16x8 a = __builtin_ia32_vcvtps2ph256(lo, 0); /* imm 0: round to nearest even */
  actv_i16x8 b = __builtin_ia32_vcvtps2ph256(hi, 0);
  actv_u16x16 r = (actv_u16x16)__builtin_shufflevector(a, b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  actv_u16x16 nan = __builtin_convertvector((actv_u32x16)(v != v), actv_u16x16);
  return (r & ~nan) | ((actv_u16x16)0x7e00u & nan); /* the canonical quiet NaN */
}
#else
static inline __attribute__((always_inline)) actv_f32x16 actv_widen_binary16x16(actv_u16x16 bits) {
  actv_u32x16 h = __builtin_convertvector(bits, actv_u32x16);
  actv_u32x16 sign = (h & 0x8000u) << 16;
  actv_u32x16 magnitude = (h & 0x7fffu) << 13;
  actv_u32x16 scaled = (actv_u32x16)((actv_f32x16)magnitude * 0x1p112f);
  actv_u32x16 special = (actv_u32x16)(magnitude >= (0x7c00u << 13)); /* inf, NaN */
  return (actv_f32x16)(actv_select_u32x16(special, magnitude | 0x7f800000u, scaled) | sign);
}

static inline __attribute__((always_inline)) actv_u16x16 actv_narrow_binary16x16(actv_f32x16 v) {
  actv_u32x16 u = (actv_u32x16)v;
  actv_u32x16 sign = u & 0x80000000u;
  u ^= sign;
  /* |v| >= 2^-14: rebias the exponent (-112 << 23), add 0xFFF plus the
   * lowest kept bit, drop 13 bits; 65520 and above carry into infinity. */
  actv_u32x16 normal = (u + 0xc8000fffu + ((u >> 13) & 1u)) >> 13;
  /* |v| < 2^-14: the float sum |v| + 0.5 is rounded at the half subnormal step. */
  actv_u32x16 subnormal = (actv_u32x16)((actv_f32x16)u + 0.5f) - 0x3f000000u;
  actv_u32x16 huge = actv_select_u32x16((actv_u32x16)(u > 0x7f800000u), (actv_u32x16)0x7e00u,
                                        (actv_u32x16)0x7c00u);
  actv_u32x16 r = actv_select_u32x16((actv_u32x16)(u < 0x38800000u), subnormal, normal);
  r = actv_select_u32x16((actv_u32x16)(u >= 0x47800000u), huge, r) | (sign >> 16);
  r = actv_select_u32x16((actv_u32x16)(u > 0x7f800000u), (actv_u32x16)0x7e00u, r); /* the canonical quiet NaN */
  return __builtin_convertvector(r, actv_u16x16);
}
#endif

static inline __attribute__((always_inline)) actv_f32x16 actv_widen_bfloat16x16(actv_u16x16 bits) {
  return (actv_f32x16)(__builtin_convertvector(bits, actv_u32x16) << 16);
}

static inline __attribute__((always_inline)) actv_u16x16 actv_narrow_bfloat16x16(actv_f32x16 v) {
  actv_u32x16 u = (actv_u32x16)v;
  actv_u32x16 rounded = (u + 0x7fffu + ((u >> 16) & 1u)) >> 16;
  actv_u32x16 nan = (actv_u32x16)((u & 0x7fffffffu) > 0x7f800000u);
  return __builtin_convertvector(actv_select_u32x16(nan, (actv_u32x16)0x7fc0u, rounded), actv_u16x16);
}

/* ---- Correct rounding of a float result to a 16-bit format ----------------
 * A float result y within 4 of its ulps of the exact value rounds to the
 * same 16-bit value as the exact value unless the float numbers 4 ulps below
 * and above y (the magnitude's bit pattern -4 and +4: the patterns are
 * ordered like the numbers) round differently.  These lanes are "ambiguous":
 * the caller recomputes them in double.  Returns all-ones lanes for them
 * (finite y only). */
static inline __attribute__((always_inline)) int actv_any_u16x16(actv_u16x16 mask) {
  return __builtin_reduce_or(mask) != 0;
}

/* mask ? a : b, lane by lane. */
static inline __attribute__((always_inline)) actv_u16x16 actv_select_u16x16(actv_u16x16 mask, actv_u16x16 a,
                                                                           actv_u16x16 b) {
  return (a & mask) | (b & ~mask);
}

/* Lanes 0-7 and 8-15 of sixteen floats as doubles (exact), and two times
 * eight floats as sixteen. */
static inline __attribute__((always_inline)) actv_double8 actv_widen_low_f32x16(actv_f32x16 v) {
  return __builtin_convertvector(__builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7), actv_double8);
}

static inline __attribute__((always_inline)) actv_double8 actv_widen_high_f32x16(actv_f32x16 v) {
  return __builtin_convertvector(__builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15), actv_double8);
}

static inline __attribute__((always_inline)) actv_f32x16 actv_concat_f32x8(actv_float8 a, actv_float8 b) {
  return __builtin_shufflevector(a, b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
}
#define ACTV_AMBIGUITY_ULPS 4u

static inline __attribute__((always_inline)) actv_u16x16 actv_ambiguous_binary16x16(actv_f32x16 y) {
  actv_u32x16 m = (actv_u32x16)y & 0x7fffffffu;
  /* Normal binary16 results (2^-14 <= |y| < 2^16, and the overflow boundary
   * 65520 just below): the format keeps the float's top 10 fraction bits, so
   * the boundaries are where the lower 13 bits are 0x1000; ambiguous within
   * 4 of it. */
  actv_u32x16 offset = (m & 0x1fffu) - (0x1000u - ACTV_AMBIGUITY_ULPS);
  actv_u32x16 normal = (actv_u32x16)(offset <= 2 * ACTV_AMBIGUITY_ULPS) & (actv_u32x16)(m >= 0x38800000u) &
                       (actv_u32x16)(m < 0x47800000u);
  actv_u32x16 small = (actv_u32x16)(m < 0x38800000u) & (actv_u32x16)(m > ACTV_AMBIGUITY_ULPS);
  if (__builtin_reduce_or(small) != 0) {
    /* binary16 subnormal results: the floats 4 ulps below and above, rounded */
    actv_u32x16 below = m - ACTV_AMBIGUITY_ULPS, above = m + ACTV_AMBIGUITY_ULPS;
    actv_u16x16 low = actv_narrow_binary16x16((actv_f32x16)below);
    actv_u16x16 high = actv_narrow_binary16x16((actv_f32x16)above);
    small &= (actv_u32x16)(__builtin_convertvector(low, actv_u32x16) != __builtin_convertvector(high, actv_u32x16));
    normal |= small;
  }
  return __builtin_convertvector(normal, actv_u16x16);
}

static inline __attribute__((always_inline)) actv_u16x16 actv_ambiguous_bfloat16x16(actv_f32x16 y) {
  /* bfloat16 keeps the float's upper 16 bits at every magnitude (subnormals
   * included): the boundaries are where the lower 16 bits are 0x8000. */
  actv_u32x16 m = (actv_u32x16)y & 0x7fffffffu;
  actv_u32x16 offset = (m & 0xffffu) - (0x8000u - ACTV_AMBIGUITY_ULPS);
  actv_u32x16 near = (actv_u32x16)(offset <= 2 * ACTV_AMBIGUITY_ULPS) & (actv_u32x16)(m < 0x7f800000u);
  return __builtin_convertvector(near, actv_u16x16);
}

/* A double rounded to float to odd: exact values stay, others become the
 * float just toward zero of them with the last bit set.  Rounding that
 * float to a format of at most 22 significant bits (binary16, bfloat16)
 * gives the correct rounding of the double itself (no double rounding). */
typedef unsigned int actv_u32x8 __attribute__((ext_vector_type(8)));
typedef long long actv_i64x8 __attribute__((ext_vector_type(8)));

static inline __attribute__((always_inline)) actv_float8 actv_round_to_odd_f64x8(actv_double8 d) {
  actv_float8 f = __builtin_convertvector(d, actv_float8);
  actv_double8 back = __builtin_convertvector(f, actv_double8);
  actv_i64x8 inexact64 = (actv_i64x8)(back != d);
  actv_i64x8 beyond64 = (actv_i64x8)(__builtin_elementwise_abs(back) > __builtin_elementwise_abs(d));
  actv_u32x8 inexact = __builtin_convertvector(inexact64, actv_u32x8);
  actv_u32x8 beyond = __builtin_convertvector(beyond64, actv_u32x8);
  actv_u32x8 bits = (actv_u32x8)f;
  actv_u32x8 toward_zero = bits - (beyond & 1u); /* the magnitude one step down where f is beyond d */
  actv_u32x8 odd = toward_zero | 1u;
  return (actv_float8)((odd & inexact) | (bits & ~inexact));
}

#endif
