/*
 * half.h -- the two 16-bit formats of the _f16 and _bf16 entry points,
 * written here independently of the library: exact widening to float and
 * rounding of a float to nearest, ties to even.
 *
 *   binary16 (IEEE 754 half): 1 sign, 5 exponent (bias 15), 10 fraction bits;
 *   bfloat16: the upper 16 bits of a float (1 sign, 8 exponent, 7 fraction).
 */
#ifndef TESTS_C_HALF_H
#define TESTS_C_HALF_H

#include <stdint.h>

typedef enum { FORMAT_F16, FORMAT_BF16 } half_format;

/* The float with the same value (exact; a NaN keeps its sign and payload
 * bits, shifted into the float's fraction). */
float f16_to_float(uint16_t h);
float bf16_to_float(uint16_t h);
float half_to_float(half_format f, uint16_t h);

/* The float rounded to the format, to nearest, ties to even: overflow gives
 * +-inf, underflow subnormals or a signed zero; a NaN gives a quiet NaN of
 * the same sign (the top payload bits kept). */
uint16_t f16_from_float(float v);
uint16_t bf16_from_float(float v);
uint16_t half_from_float(half_format f, float v);

/* The double rounded to the format directly (once), to nearest, ties to
 * even: the correctly rounded value of v. */
uint16_t half_from_double(half_format f, double v);

/* Whether rounding y32 to the format is ambiguous in the library's sense
 * (the rule of the elementwise forward and derivative): y32 is finite and
 * the floats whose bit patterns are |y32|'s minus 4 (clamped at 0) and
 * plus 4 (clamped at +inf), with y32's sign, round to different values. */
int half_rounding_ambiguous(half_format f, float y32);

/* Classes of a 16-bit pattern. */
int half_is_nan(half_format f, uint16_t h);
int half_is_quiet_nan(half_format f, uint16_t h);
/* The positive quiet NaN with an empty payload: 0x7e00 (f16), 0x7fc0 (bf16). */
uint16_t half_canonical_nan(half_format f);

/* "f16" / "bf16". */
const char *half_format_name(half_format f);

#endif
