/* sleef_vectors.h -- the vector vocabulary of sleef_loops.c for one
 * instruction set (ISA_AVX512 or ISA_AVX2) and one type (BITS 32 or 64):
 * intrinsics and SLEEF's u10 functions (1.0 ulp) of that width. */
#include <immintrin.h>
#include <math.h>
#include <sleef.h>

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

#if defined(ISA_AVX512) && BITS == 32
typedef float T;
typedef __m512 V;
typedef __mmask16 M;
#define W 16
#define TABLE sleef_f32_avx512
#define SFX ps
#define P(op) CAT(CAT(_mm512_, op), _ps)
#define SLEEF(fn) CAT(CAT(Sleef_, fn), f16_u10avx512f)
#elif defined(ISA_AVX512) && BITS == 64
typedef double T;
typedef __m512d V;
typedef __mmask8 M;
#define W 8
#define TABLE sleef_f64_avx512
#define SFX pd
#define P(op) CAT(CAT(_mm512_, op), _pd)
#define SLEEF(fn) CAT(CAT(Sleef_, fn), d8_u10avx512f)
#elif defined(ISA_AVX2) && BITS == 32
typedef float T;
typedef __m256 V;
typedef __m256 M;
#define W 8
#define TABLE sleef_f32_avx2
#define P(op) CAT(CAT(_mm256_, op), _ps)
#define SLEEF(fn) CAT(CAT(Sleef_, fn), f8_u10avx2)
#elif defined(ISA_AVX2) && BITS == 64
typedef double T;
typedef __m256d V;
typedef __m256d M;
#define W 4
#define TABLE sleef_f64_avx2
#define P(op) CAT(CAT(_mm256_, op), _pd)
#define SLEEF(fn) CAT(CAT(Sleef_, fn), d4_u10avx2)
#else
#error "define ISA_AVX512 or ISA_AVX2, and BITS 32 or 64"
#endif

#define LOAD(p) P(loadu)(p)
#define STORE(p, v) P(storeu)(p, v)
#define SET1(s) P(set1)((T)(s))
#define ADD(a, b) P(add)(a, b)
#define SUB(a, b) P(sub)(a, b)
#define MUL(a, b) P(mul)(a, b)
#define DIV(a, b) P(div)(a, b)
#define FMA(a, b, c) P(fmadd)(a, b, c) /* a * b + c */
#define MAX(a, b) P(max)(a, b)
#define MIN(a, b) P(min)(a, b)
#define ABS(a) P(andnot)(SET1(-0.0), a)
#define EXP(a) SLEEF(exp)(a)
#define EXPM1(a) SLEEF(expm1)(a)
#define LOG1P(a) SLEEF(log1p)(a)
#define TANH(a) SLEEF(tanh)(a)
#define ERF(a) SLEEF(erf)(a)

#ifdef ISA_AVX512
#define GT(a, b) CAT(CAT(_mm512_cmp_, SFX), _mask)(a, b, _CMP_GT_OQ)
#define LT(a, b) CAT(CAT(_mm512_cmp_, SFX), _mask)(a, b, _CMP_LT_OQ)
#define BLEND(m, t, f) P(mask_blend)(m, f, t) /* t where m, else f */
#define HMAX(v) P(reduce_max)(v)
#define HSUM(v) P(reduce_add)(v)
#else
#define GT(a, b) P(cmp)(a, b, _CMP_GT_OQ)
#define LT(a, b) P(cmp)(a, b, _CMP_LT_OQ)
#define BLEND(m, t, f) P(blendv)(f, t, m)
static inline T HMAX(V v) {
  T lanes[W], m;
  STORE(lanes, v);
  m = lanes[0];
  for (int k = 1; k < W; k++) m = lanes[k] > m ? lanes[k] : m;
  return m;
}
static inline T HSUM(V v) {
  T lanes[W], s = 0;
  STORE(lanes, v);
  for (int k = 0; k < W; k++) s += lanes[k];
  return s;
}
#endif

#define SCALAR_LOG(x) (BITS == 32 ? logf((float)(x)) : log(x))
