/* half.c -- binary16 and bfloat16 conversions (see half.h), integer arithmetic only. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "half.h"

static float from_bits(uint32_t b) {
    float v;
    memcpy(&v, &b, sizeof v);
    return v;
}

static uint32_t to_bits(float v) {
    uint32_t b;
    memcpy(&b, &v, sizeof b);
    return b;
}

float f16_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu;
    if (e == 0x1f) return from_bits(sign | 0x7f800000u | (m << 13)); /* inf, NaN (payload kept) */
    if (e != 0) return from_bits(sign | ((e + 112) << 23) | (m << 13));
    if (m == 0) return from_bits(sign);
    /* subnormal: m * 2^-24; normalize (m < 2^10) */
    e = 113; /* the float exponent field of 2^-14 */
    while ((m & 0x400u) == 0) {
        m <<= 1;
        e--;
    }
    return from_bits(sign | (e << 23) | ((m & 0x3ffu) << 13));
}

float bf16_to_float(uint16_t h) { return from_bits((uint32_t)h << 16); }

float half_to_float(half_format f, uint16_t h) { return f == FORMAT_F16 ? f16_to_float(h) : bf16_to_float(h); }

uint16_t f16_from_float(float v) {
    uint32_t x = to_bits(v), sign = (x >> 16) & 0x8000u, ax = x & 0x7fffffffu;
    if (ax > 0x7f800000u) return (uint16_t)(sign | 0x7e00u | ((ax >> 13) & 0x1ffu)); /* quiet NaN */
    if (ax >= 0x477ff000u) return (uint16_t)(sign | 0x7c00u); /* >= 65520 (65504 + half an ulp, a tie to even): inf */
    if (ax >= 0x38800000u) {                                    /* >= 2^-14: normal */
        uint32_t r = ax - (112u << 23);                         /* rebias 127 -> 15 */
        r += 0xfffu + ((r >> 13) & 1u);                         /* to nearest, ties to even */
        return (uint16_t)(sign | (r >> 13));                    /* a carry moves into the exponent */
    }
    {
        /* subnormal or zero: the value is m * 2^(e - 150); in units of 2^-24, m >> (126 - e) */
        int e = (int)(ax >> 23);
        uint32_t m = (ax & 0x7fffffu) | (e ? 0x800000u : 0u), q, rem, halfway;
        int shift;
        if (e == 0) e = 1;
        shift = 126 - e; /* >= 14 */
        if (shift > 24) return (uint16_t)sign; /* below 2^-25: rounds to zero */
        q = m >> shift;
        rem = m & ((1u << shift) - 1u);
        halfway = 1u << (shift - 1);
        if (rem > halfway || (rem == halfway && (q & 1u))) q++;
        return (uint16_t)(sign | q); /* q == 0x400 is the smallest normal: still right */
    }
}

uint16_t bf16_from_float(float v) {
    uint32_t x = to_bits(v);
    if ((x & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((x >> 16) | 0x40u); /* quiet NaN */
    x += 0x7fffu + ((x >> 16) & 1u); /* to nearest, ties to even; overflow carries to inf */
    return (uint16_t)(x >> 16);
}

uint16_t half_from_float(half_format f, float v) { return f == FORMAT_F16 ? f16_from_float(v) : bf16_from_float(v); }

uint16_t half_from_double(half_format f, double v) {
    /* v / spacing is exact (a power of two); nearbyint rounds it to an integer,
     * to nearest, ties to even; times spacing it is a value of the format (or
     * the power of two past its largest finite, which converts to inf) that
     * float holds exactly, so the last conversion does not round. */
    int e, emin = f == FORMAT_F16 ? -14 : -126, digits = f == FORMAT_F16 ? 10 : 7;
    double spacing, r;
    if (isnan(v) || isinf(v) || v == 0) return half_from_float(f, (float)v);
    frexp(v, &e); /* |v| = m * 2^e, m in [0.5, 1): floor(log2 |v|) = e - 1 */
    e = e - 1 < emin ? emin : e - 1;
    spacing = ldexp(1.0, e - digits);
    r = nearbyint(v / spacing) * spacing;
    if (r == 0) return (uint16_t)(signbit(v) ? 0x8000u : 0u);
    if (fabs(r) > (double)FLT_MAX) return (uint16_t)((signbit(v) ? 0x8000u : 0u) | (f == FORMAT_F16 ? 0x7c00u : 0x7f80u));
    return half_from_float(f, (float)r);
}

int half_rounding_ambiguous(half_format f, float y32) {
    uint32_t b = to_bits(y32), sign = b & 0x80000000u, a = b & 0x7fffffffu, lo, hi;
    if (a >= 0x7f800000u) return 0; /* inf, NaN */
    lo = a >= 4 ? a - 4 : 0;
    hi = a + 4 > 0x7f800000u ? 0x7f800000u : a + 4;
    return half_from_float(f, from_bits(sign | lo)) != half_from_float(f, from_bits(sign | hi));
}

int half_is_nan(half_format f, uint16_t h) {
    return f == FORMAT_F16 ? (h & 0x7fffu) > 0x7c00u : (h & 0x7fffu) > 0x7f80u;
}

int half_is_quiet_nan(half_format f, uint16_t h) {
    return half_is_nan(f, h) && (h & (f == FORMAT_F16 ? 0x0200u : 0x0040u)) != 0;
}

uint16_t half_canonical_nan(half_format f) { return f == FORMAT_F16 ? 0x7e00u : 0x7fc0u; }

const char *half_format_name(half_format f) { return f == FORMAT_F16 ? "f16" : "bf16"; }
