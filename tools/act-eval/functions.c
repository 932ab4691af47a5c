/* The table of functions act-eval measures (see functions.h): wrappers that
 * fix each family's parameters, references and the document's formulas. */
#include "functions.h"

#include <math.h>
#include <stdint.h>

/* Parameters used by the evaluation, as the element type receives them. */
#define LEAKY_ALPHA 0.01
#define ELU_ALPHA_SMALL 0.3
#define RRELU_LOWER (1.0 / 8)
#define RRELU_UPPER (1.0 / 3)
#define RRELU_SEED 42u

/* ---- wrappers: one signature per direction ------------------------------ */

#define WRAP(family, suffix, call32, call64)                                                        \
  static act_status family##suffix##_f32(const float *x, float *y, size_t n) { return call32; }    \
  static act_status family##suffix##_f64(const double *x, double *y, size_t n) { return call64; }
#define WRAP_BACKWARD(family, call32, call64)                                                               \
  static act_status family##_backward_f32(const float *x, const float *dy, float *dx, size_t n) {          \
    return call32;                                                                                          \
  }                                                                                                         \
  static act_status family##_backward_f64(const double *x, const double *dy, double *dx, size_t n) {       \
    return call64;                                                                                          \
  }

WRAP(sigmoid, , act_sigmoid_f32(x, y, n), act_sigmoid_f64(x, y, n))
WRAP(sigmoid, _derivative, act_sigmoid_derivative_f32(x, y, n), act_sigmoid_derivative_f64(x, y, n))
WRAP_BACKWARD(sigmoid, act_sigmoid_backward_f32(x, dy, dx, n), act_sigmoid_backward_f64(x, dy, dx, n))
WRAP(tanh, , act_tanh_f32(x, y, n), act_tanh_f64(x, y, n))
WRAP(tanh, _derivative, act_tanh_derivative_f32(x, y, n), act_tanh_derivative_f64(x, y, n))
WRAP_BACKWARD(tanh, act_tanh_backward_f32(x, dy, dx, n), act_tanh_backward_f64(x, dy, dx, n))
WRAP(relu, , act_relu_f32(x, y, n), act_relu_f64(x, y, n))
WRAP(relu, _derivative, act_relu_derivative_f32(x, y, n), act_relu_derivative_f64(x, y, n))
WRAP_BACKWARD(relu, act_relu_backward_f32(x, dy, dx, n), act_relu_backward_f64(x, dy, dx, n))
WRAP(leaky, , act_leaky_relu_f32(x, y, n, (float)LEAKY_ALPHA), act_leaky_relu_f64(x, y, n, LEAKY_ALPHA))
WRAP(leaky, _derivative, act_leaky_relu_derivative_f32(x, y, n, (float)LEAKY_ALPHA),
     act_leaky_relu_derivative_f64(x, y, n, LEAKY_ALPHA))
WRAP_BACKWARD(leaky, act_leaky_relu_backward_f32(x, dy, dx, n, (float)LEAKY_ALPHA),
              act_leaky_relu_backward_f64(x, dy, dx, n, LEAKY_ALPHA))
WRAP(elu, , act_elu_f32(x, y, n, 1.0f), act_elu_f64(x, y, n, 1.0))
WRAP(elu, _derivative, act_elu_derivative_f32(x, y, n, 1.0f), act_elu_derivative_f64(x, y, n, 1.0))
WRAP_BACKWARD(elu, act_elu_backward_f32(x, dy, dx, n, 1.0f), act_elu_backward_f64(x, dy, dx, n, 1.0))
WRAP(elu_small, , act_elu_f32(x, y, n, (float)ELU_ALPHA_SMALL), act_elu_f64(x, y, n, ELU_ALPHA_SMALL))
WRAP(elu_small, _derivative, act_elu_derivative_f32(x, y, n, (float)ELU_ALPHA_SMALL),
     act_elu_derivative_f64(x, y, n, ELU_ALPHA_SMALL))
WRAP_BACKWARD(elu_small, act_elu_backward_f32(x, dy, dx, n, (float)ELU_ALPHA_SMALL),
              act_elu_backward_f64(x, dy, dx, n, ELU_ALPHA_SMALL))
WRAP(rrelu, , act_rrelu_f32(x, y, n, (float)RRELU_LOWER, (float)RRELU_UPPER, 0, 0),
     act_rrelu_f64(x, y, n, RRELU_LOWER, RRELU_UPPER, 0, 0))
WRAP(rrelu, _derivative, act_rrelu_derivative_f32(x, y, n, (float)RRELU_LOWER, (float)RRELU_UPPER, 0, 0),
     act_rrelu_derivative_f64(x, y, n, RRELU_LOWER, RRELU_UPPER, 0, 0))
WRAP_BACKWARD(rrelu, act_rrelu_backward_f32(x, dy, dx, n, (float)RRELU_LOWER, (float)RRELU_UPPER, 0, 0),
              act_rrelu_backward_f64(x, dy, dx, n, RRELU_LOWER, RRELU_UPPER, 0, 0))
WRAP(rrelu_train, , act_rrelu_f32(x, y, n, (float)RRELU_LOWER, (float)RRELU_UPPER, 1, RRELU_SEED),
     act_rrelu_f64(x, y, n, RRELU_LOWER, RRELU_UPPER, 1, RRELU_SEED))
WRAP(rrelu_train, _derivative,
     act_rrelu_derivative_f32(x, y, n, (float)RRELU_LOWER, (float)RRELU_UPPER, 1, RRELU_SEED),
     act_rrelu_derivative_f64(x, y, n, RRELU_LOWER, RRELU_UPPER, 1, RRELU_SEED))
WRAP_BACKWARD(rrelu_train,
              act_rrelu_backward_f32(x, dy, dx, n, (float)RRELU_LOWER, (float)RRELU_UPPER, 1, RRELU_SEED),
              act_rrelu_backward_f64(x, dy, dx, n, RRELU_LOWER, RRELU_UPPER, 1, RRELU_SEED))

/* ---- references for float inputs, in double ------------------------------ */

/* exp(x) for x <= 0, without glibc's slow underflow path where the result
 * is far below every float (and double) the callers can produce. */
static double exp_nonpositive(double x) { return x < -800 ? 0.0 : exp(x); }

static double sigmoid_ref32(double x, uint64_t i) {
  (void)i;
  if (x >= 0) return 1 / (1 + exp_nonpositive(-x));
  double e = exp_nonpositive(x);
  return e / (1 + e);
}
static double logistic_derivative(double x) {
  double e = exp_nonpositive(-fabs(x));
  return e / ((1 + e) * (1 + e));
}
static double sigmoid_derivative_ref32(double x, uint64_t i) { (void)i; return logistic_derivative(x); }
static double tanh_ref32(double x, uint64_t i) { (void)i; return tanh(x); }
static double tanh_derivative_ref32(double x, uint64_t i) {
  (void)i;
  double e = exp_nonpositive(-2 * fabs(x));
  return 4 * e / ((1 + e) * (1 + e));
}
static double relu_ref32(double x, uint64_t i) { (void)i; return x > 0 ? x : 0.0; }
static double relu_derivative_ref32(double x, uint64_t i) { (void)i; return x > 0 ? 1.0 : 0.0; }
static double leaky_ref32(double x, uint64_t i) { (void)i; return x >= 0 ? x : (double)(float)LEAKY_ALPHA * x; }
static double leaky_derivative_ref32(double x, uint64_t i) { (void)i; return x > 0 ? 1.0 : (double)(float)LEAKY_ALPHA; }
static double elu_with(double alpha, double x) { return x >= 0 ? x : alpha * expm1(x); }
static double elu_derivative_with(double alpha, double x) { return x > 0 ? 1.0 : alpha * exp_nonpositive(x); }
static double elu_ref32(double x, uint64_t i) { (void)i; return elu_with(1.0, x); }
static double elu_derivative_ref32(double x, uint64_t i) { (void)i; return elu_derivative_with(1.0, x); }
static double elu_small_ref32(double x, uint64_t i) { (void)i; return elu_with((float)ELU_ALPHA_SMALL, x); }
static double elu_small_derivative_ref32(double x, uint64_t i) {
  (void)i;
  return elu_derivative_with((float)ELU_ALPHA_SMALL, x);
}

/* rrelu's slopes, from the recipe published in the header (independent of
 * the library's code). */
static uint64_t mix(uint64_t z) {
  z += 0x9E3779B97F4A7C15u;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}
static float slope32(int training, uint64_t i) {
  float lower = (float)RRELU_LOWER, upper = (float)RRELU_UPPER;
  if (!training) return (lower + upper) / 2;
  float u = (float)(mix(RRELU_SEED ^ mix(i)) >> 40) * 0x1p-24f;
  return lower + (upper - lower) * u;
}
static double slope64(int training, uint64_t i) {
  double lower = RRELU_LOWER, upper = RRELU_UPPER;
  if (!training) return (lower + upper) / 2;
  double u = (double)(mix(RRELU_SEED ^ mix(i)) >> 11) * 0x1p-53;
  return lower + (upper - lower) * u;
}
static double rrelu_ref32(double x, uint64_t i) { return x >= 0 ? x : slope32(0, i) * x; }
static double rrelu_derivative_ref32(double x, uint64_t i) { return x > 0 ? 1.0 : slope32(0, i); }
static double rrelu_train_ref32(double x, uint64_t i) { return x >= 0 ? x : slope32(1, i) * x; }
static double rrelu_train_derivative_ref32(double x, uint64_t i) { return x > 0 ? 1.0 : slope32(1, i); }

/* ---- references for double inputs, in __float128 ------------------------- */

static quad sigmoid_ref64(quad x, uint64_t i) {
  (void)i;
  return x >= 0 ? 1 / (1 + expq(-x)) : expq(x) / (1 + expq(x));
}
static quad sigmoid_derivative_ref64(quad x, uint64_t i) {
  (void)i;
  quad e = expq(-fabsq(x));
  return e / ((1 + e) * (1 + e));
}
static quad tanh_ref64(quad x, uint64_t i) { (void)i; return tanhq(x); }
static quad tanh_derivative_ref64(quad x, uint64_t i) {
  (void)i;
  quad e = expq(-2 * fabsq(x));
  return 4 * e / ((1 + e) * (1 + e));
}
static quad relu_ref64(quad x, uint64_t i) { (void)i; return x > 0 ? x : 0; }
static quad relu_derivative_ref64(quad x, uint64_t i) { (void)i; return x > 0 ? 1 : 0; }
static quad leaky_ref64(quad x, uint64_t i) { (void)i; return x >= 0 ? x : (quad)LEAKY_ALPHA * x; }
static quad leaky_derivative_ref64(quad x, uint64_t i) { (void)i; return x > 0 ? 1 : (quad)LEAKY_ALPHA; }
static quad elu_ref64(quad x, uint64_t i) { (void)i; return x >= 0 ? x : expm1q(x); }
static quad elu_derivative_ref64(quad x, uint64_t i) { (void)i; return x > 0 ? 1 : expq(x); }
static quad elu_small_ref64(quad x, uint64_t i) { (void)i; return x >= 0 ? x : (quad)ELU_ALPHA_SMALL * expm1q(x); }
static quad elu_small_derivative_ref64(quad x, uint64_t i) {
  (void)i;
  return x > 0 ? 1 : (quad)ELU_ALPHA_SMALL * expq(x);
}
static quad rrelu_ref64(quad x, uint64_t i) { return x >= 0 ? x : slope64(0, i) * x; }
static quad rrelu_derivative_ref64(quad x, uint64_t i) { return x > 0 ? 1 : slope64(0, i); }
static quad rrelu_train_ref64(quad x, uint64_t i) { return x >= 0 ? x : slope64(1, i) * x; }
static quad rrelu_train_derivative_ref64(quad x, uint64_t i) { return x > 0 ? 1 : slope64(1, i); }


/* ---- the modern family ------------------------------------------------------ */

#define SWISH_BETA 0.7
#define SOFTPLUS_BETA 0.7
#define CELU_ALPHA 0.6
#define CELU_NEGATIVE -1.5
#define SIX_WRAPS(fam, call32, call64, dcall32, dcall64, bcall32, bcall64) \
  WRAP(fam, , call32, call64)                                             \
  WRAP(fam, _derivative, dcall32, dcall64)                                \
  WRAP_BACKWARD(fam, bcall32, bcall64)
#define PLAIN(fam)                                                                                       \
  SIX_WRAPS(fam, act_##fam##_f32(x, y, n), act_##fam##_f64(x, y, n), act_##fam##_derivative_f32(x, y, n), \
            act_##fam##_derivative_f64(x, y, n), act_##fam##_backward_f32(x, dy, dx, n),                  \
            act_##fam##_backward_f64(x, dy, dx, n))
PLAIN(relu6)
PLAIN(hardsigmoid)
PLAIN(hardswish)
PLAIN(softsign)
PLAIN(silu)
PLAIN(gelu)
PLAIN(logsigmoid)
PLAIN(tanhshrink)
PLAIN(gelu_tanh)
PLAIN(selu)
PLAIN(mish)
#define WITH(fam, ...)                                                                                         \
  SIX_WRAPS(fam, act_##fam##_f32(x, y, n, __VA_ARGS__), act_##fam##_f64(x, y, n, __VA_ARGS__),                \
            act_##fam##_derivative_f32(x, y, n, __VA_ARGS__), act_##fam##_derivative_f64(x, y, n, __VA_ARGS__), \
            act_##fam##_backward_f32(x, dy, dx, n, __VA_ARGS__), act_##fam##_backward_f64(x, dy, dx, n, __VA_ARGS__))
WITH(hardtanh, -1.5, 2.0)
WITH(softshrink, 0.5)
WITH(hardshrink, 0.5)
WITH(threshold, 0.25, -3.0)
WITH(softplus, 1.0, 20.0)
WITH(celu, CELU_ALPHA)
SIX_WRAPS(celu_negative, act_celu_f32(x, y, n, (float)CELU_NEGATIVE), act_celu_f64(x, y, n, CELU_NEGATIVE),
          act_celu_derivative_f32(x, y, n, (float)CELU_NEGATIVE), act_celu_derivative_f64(x, y, n, CELU_NEGATIVE),
          act_celu_backward_f32(x, dy, dx, n, (float)CELU_NEGATIVE),
          act_celu_backward_f64(x, dy, dx, n, CELU_NEGATIVE))
SIX_WRAPS(softplus_beta, act_softplus_f32(x, y, n, (float)SOFTPLUS_BETA, INFINITY),
          act_softplus_f64(x, y, n, SOFTPLUS_BETA, INFINITY),
          act_softplus_derivative_f32(x, y, n, (float)SOFTPLUS_BETA, INFINITY),
          act_softplus_derivative_f64(x, y, n, SOFTPLUS_BETA, INFINITY),
          act_softplus_backward_f32(x, dy, dx, n, (float)SOFTPLUS_BETA, INFINITY),
          act_softplus_backward_f64(x, dy, dx, n, SOFTPLUS_BETA, INFINITY))
WRAP(swish, , act_swish_f32(x, y, n, (float)SWISH_BETA), act_swish_f64(x, y, n, SWISH_BETA))
WRAP(swish, _derivative, act_swish_derivative_f32(x, y, n, (float)SWISH_BETA),
     act_swish_derivative_f64(x, y, n, SWISH_BETA))
WRAP_BACKWARD(swish, act_swish_backward_f32(x, dy, dx, n, (float)SWISH_BETA),
              act_swish_backward_f64(x, dy, dx, n, SWISH_BETA))

/* ---- the half-precision entry points (_f16, _bf16) ------------------------ */

/* The same parameters as the _f32 rows pass (floats): P builds the argument
 * list from the array arguments, e.g. LEAKY_P(x, y, n). */
#define NO_P(...) (__VA_ARGS__)
#define LEAKY_P(...) (__VA_ARGS__, (float)LEAKY_ALPHA)
#define ELU_P(...) (__VA_ARGS__, 1.0f)
#define ELU_SMALL_P(...) (__VA_ARGS__, (float)ELU_ALPHA_SMALL)
#define RRELU_P(...) (__VA_ARGS__, (float)RRELU_LOWER, (float)RRELU_UPPER, 0, 0)
#define RRELU_TRAIN_P(...) (__VA_ARGS__, (float)RRELU_LOWER, (float)RRELU_UPPER, 1, RRELU_SEED)
#define HARDTANH_P(...) (__VA_ARGS__, -1.5f, 2.0f)
#define SHRINK_P(...) (__VA_ARGS__, 0.5f)
#define THRESHOLD_P(...) (__VA_ARGS__, 0.25f, -3.0f)
#define SOFTPLUS_P(...) (__VA_ARGS__, 1.0f, 20.0f)
#define SOFTPLUS_BETA_P(...) (__VA_ARGS__, (float)SOFTPLUS_BETA, INFINITY)
#define CELU_P(...) (__VA_ARGS__, (float)CELU_ALPHA)
#define CELU_NEGATIVE_P(...) (__VA_ARGS__, (float)CELU_NEGATIVE)
#define SWISH_P(...) (__VA_ARGS__, (float)SWISH_BETA)

#define HALF_MAP(family, suffix, fn, P)                                                                        \
  static act_status family##suffix##_f16(const uint16_t *x, uint16_t *y, size_t n) {                          \
    return fn##_f16 P(x, y, n);                                                                                \
  }                                                                                                            \
  static act_status family##suffix##_bf16(const uint16_t *x, uint16_t *y, size_t n) {                         \
    return fn##_bf16 P(x, y, n);                                                                               \
  }
#define HALF_BACKWARD(family, fn, P)                                                                           \
  static act_status family##_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n) {    \
    return fn##_f16 P(x, dy, dx, n);                                                                           \
  }                                                                                                            \
  static act_status family##_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n) {   \
    return fn##_bf16 P(x, dy, dx, n);                                                                          \
  }
#define HALF_WRAPS(family, fn, P)                                                                              \
  HALF_MAP(family, , fn, P)                                                                                    \
  HALF_MAP(family, _derivative, fn##_derivative, P)                                                            \
  HALF_BACKWARD(family, fn##_backward, P)

HALF_WRAPS(sigmoid, act_sigmoid, NO_P)
HALF_WRAPS(tanh, act_tanh, NO_P)
HALF_WRAPS(relu, act_relu, NO_P)
HALF_WRAPS(leaky, act_leaky_relu, LEAKY_P)
HALF_WRAPS(elu, act_elu, ELU_P)
HALF_WRAPS(elu_small, act_elu, ELU_SMALL_P)
HALF_WRAPS(rrelu, act_rrelu, RRELU_P)
HALF_WRAPS(rrelu_train, act_rrelu, RRELU_TRAIN_P)
HALF_WRAPS(hardtanh, act_hardtanh, HARDTANH_P)
HALF_WRAPS(relu6, act_relu6, NO_P)
HALF_WRAPS(hardsigmoid, act_hardsigmoid, NO_P)
HALF_WRAPS(hardswish, act_hardswish, NO_P)
HALF_WRAPS(softsign, act_softsign, NO_P)
HALF_WRAPS(softshrink, act_softshrink, SHRINK_P)
HALF_WRAPS(hardshrink, act_hardshrink, SHRINK_P)
HALF_WRAPS(threshold, act_threshold, THRESHOLD_P)
HALF_WRAPS(silu, act_silu, NO_P)
HALF_WRAPS(swish, act_swish, SWISH_P)
HALF_WRAPS(softplus, act_softplus, SOFTPLUS_P)
HALF_WRAPS(softplus_beta, act_softplus, SOFTPLUS_BETA_P)
HALF_WRAPS(logsigmoid, act_logsigmoid, NO_P)
HALF_WRAPS(tanhshrink, act_tanhshrink, NO_P)
HALF_WRAPS(celu, act_celu, CELU_P)
HALF_WRAPS(celu_negative, act_celu, CELU_NEGATIVE_P)
HALF_WRAPS(gelu, act_gelu, NO_P)
HALF_WRAPS(gelu_tanh, act_gelu_tanh, NO_P)
HALF_WRAPS(selu, act_selu, NO_P)
HALF_WRAPS(mish, act_mish, NO_P)

/* References: the same formulas written once for double (float inputs) and
 * __float128 (double inputs), from the stable forms: sigma from exp(-|z|),
 * x sigma(u) never as x/2 (1 + tanh), mish from exp(-|x|). */
#define MODERN_REFS(R, suffix, EXP, EXPM1, SQRT, FABS, C)                                                   \
  static R logistic_##suffix(R z) {                                                                         \
    R e = EXP(-FABS(z));                                                                                    \
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);                                                              \
  }                                                                                                         \
  /* sigma(z) + w sigma'(z) = sigma(z) (1 + w sigma(-z)): no cancellation     \
   * hidden in the sign when sigma underflows; the limits at infinite w. */     \
  static R gated_d_##suffix(R z, R w) {                                                                     \
    if (isinf((double)w)) return z < 0 ? -(R)0 : 1;                                                         \
    return logistic_##suffix(z) * (1 + w * logistic_##suffix(-z));                                         \
  }                                                                                                         \
  static R gelu_u_##suffix(R x) {                                                                           \
    R c1 = 2 * SQRT(2 / C(3.14159265358979323846264338327950288));                                          \
    return x * (c1 + c1 * C(0.044715) * x * x);                                                             \
  }                                                                                                         \
  static R gelu_du_##suffix(R x) {                                                                          \
    R c1 = 2 * SQRT(2 / C(3.14159265358979323846264338327950288));                                          \
    return c1 + 3 * c1 * C(0.044715) * x * x;                                                               \
  }                                                                                                         \
  static void mish_parts_##suffix(R x, R *t, R *g) {                                                        \
    R e = EXP(-FABS(x));                                                                                    \
    if (x < 0) {                                                                                            \
      R n = e * (e + 2), d = n + 2;                                                                         \
      *t = n / d;                                                                                           \
      *g = 4 * e * (1 + e) / (d * d);                                                                       \
    } else {                                                                                                \
      R d = 1 + 2 * e + 2 * e * e;                                                                          \
      *t = (1 + 2 * e) / d;                                                                                 \
      *g = 4 * e * e * (1 + e) / (d * d);                                                                   \
    }                                                                                                       \
  }                                                                                                         \
  static R silu_r##suffix(R x, uint64_t i) { (void)i; return isinf((double)x) ? (x < 0 ? -(R)0 : x) : x * logistic_##suffix(x); } \
  static R silu_d_r##suffix(R x, uint64_t i) { (void)i; return gated_d_##suffix(x, x); } \
  static R swish_r##suffix(R x, uint64_t i) { (void)i; R z = (R)(BETA_##suffix) * x; return isinf((double)x) ? (z < 0 ? -(R)0 : x) : x * logistic_##suffix(z); } \
  static R swish_d_r##suffix(R x, uint64_t i) { (void)i; R z = (R)(BETA_##suffix) * x; return gated_d_##suffix(z, z); } \
  static R gelu_tanh_r##suffix(R x, uint64_t i) { (void)i; R t = FABS(x) > 30 ? (x < 0 ? -30 : 30) : x; R u = gelu_u_##suffix(t); return isinf((double)x) ? (x < 0 ? -(R)0 : x) : x * logistic_##suffix(u); } \
  static R gelu_tanh_d_r##suffix(R x, uint64_t i) {                                                         \
    (void)i;                                                                                                \
    R t = FABS(x) > 30 ? (x < 0 ? -30 : 30) : x;                                                            \
    return gated_d_##suffix(gelu_u_##suffix(t), t * gelu_du_##suffix(t));                                   \
  }                                                                                                         \
  static R selu_r##suffix(R x, uint64_t i) {                                                                \
    (void)i;                                                                                                \
    R scale = C(1.0507009873554804934193349852946), alpha = C(1.6732632423543772848170429916717);           \
    return x >= 0 ? scale * x : scale * alpha * EXPM1(x);                                                   \
  }                                                                                                         \
  static R selu_d_r##suffix(R x, uint64_t i) {                                                              \
    (void)i;                                                                                                \
    R scale = C(1.0507009873554804934193349852946), alpha = C(1.6732632423543772848170429916717);           \
    return x > 0 ? scale : scale * alpha * EXP(x < -1e5 ? -1e5 : x);                                      \
  }                                                                                                         \
  static R mish_r##suffix(R x, uint64_t i) { (void)i; R t, g; mish_parts_##suffix(x, &t, &g); return isinf((double)x) && x < 0 ? -(R)0 : x * t; } \
  static R mish_d_r##suffix(R x, uint64_t i) {                                                              \
    (void)i;                                                                                                \
    R t, g, e = EXP(-FABS(x));                                                                              \
    if (isinf((double)x)) return x < 0 ? -(R)0 : 1;                                                         \
    if (x >= 0) {                                                                                           \
      mish_parts_##suffix(x, &t, &g);                                                                       \
      return t + x * g;                                                                                     \
    }                                                                                                       \
    /* e (t/e + x g/e): the sign survives when e underflows */                                              \
    R d = e * (e + 2) + 2;                                                                                  \
    return e * ((e + 2) / d + x * 4 * (1 + e) / (d * d));                                                   \
  }                                                                                                         \
  static R softsign_r##suffix(R x, uint64_t i) { (void)i; return isinf((double)x) ? (x < 0 ? -1 : 1) : x / (1 + FABS(x)); } \
  static R softsign_d_r##suffix(R x, uint64_t i) { (void)i; R d = 1 / (1 + FABS(x)); return d * d; }     \
  static R hardsigmoid_r##suffix(R x, uint64_t i) { (void)i; return x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6; } \
  static R hardsigmoid_d_r##suffix(R x, uint64_t i) { (void)i; return x > -3 && x < 3 ? (R)1 / 6 : 0; }   \
  static R hardswish_r##suffix(R x, uint64_t i) { (void)i; return x <= -3 ? -(R)0 : x >= 3 ? x : x * (x + 3) / 6; } \
  static R hardswish_d_r##suffix(R x, uint64_t i) { (void)i; return x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6; } \
  static R relu6_r##suffix(R x, uint64_t i) { (void)i; return x <= 0 ? 0 : x > 6 ? 6 : x; }              \
  static R relu6_d_r##suffix(R x, uint64_t i) { (void)i; return x > 0 && x < 6 ? 1 : 0; }                 \
  static R hardtanh_r##suffix(R x, uint64_t i) { (void)i; return x < C(-1.5) ? C(-1.5) : x > 2 ? 2 : x; } \
  static R hardtanh_d_r##suffix(R x, uint64_t i) { (void)i; return x > C(-1.5) && x < 2 ? 1 : 0; }        \
  static R softshrink_r##suffix(R x, uint64_t i) { (void)i; return x > C(0.5) ? x - C(0.5) : x < C(-0.5) ? x + C(0.5) : 0; } \
  static R shrink_d_r##suffix(R x, uint64_t i) { (void)i; return FABS(x) > C(0.5) ? 1 : 0; }               \
  static R hardshrink_r##suffix(R x, uint64_t i) { (void)i; return FABS(x) > C(0.5) ? x : 0; }            \
  static R threshold_r##suffix(R x, uint64_t i) { (void)i; return x > C(0.25) ? x : -3; }                 \
  static R threshold_d_r##suffix(R x, uint64_t i) { (void)i; return x > C(0.25) ? 1 : 0; }

#define BETA_32 ((double)(float)SWISH_BETA)
#define BETA_64 SWISH_BETA
#define DOUBLE_C(v) ((double)(v##L))
#define QUAD_C(v) (v##Q)
MODERN_REFS(double, 32, exp_nonpositive, expm1, sqrt, fabs, DOUBLE_C)
MODERN_REFS(quad, 64, expq, expm1q, sqrtq, fabsq, QUAD_C)

/* The functions built on erf, log1p and tanh: gelu as x Phi(x) with
 * Phi(x) = erfc(-x / sqrt 2) / 2 (relative accuracy in the negative tail);
 * softplus and logsigmoid from the stable split below. */
#define TAIL_REFS(R, suffix, EXP, EXPM1, ERFC, LOG1P, TANH, SQRT, FABS, C)                                                              \
  static R gelu_r##suffix(R x, uint64_t i) {                                                                \
    (void)i;                                                                                                \
    if (isinf((double)x)) return x < 0 ? -(R)0 : x;                                                         \
    return x * ERFC(-x / SQRT(C(2.0))) / 2;                                                                 \
  }                                                                                                         \
  static R gelu_d_r##suffix(R x, uint64_t i) {                                                              \
    (void)i;                                                                                                \
    if (isinf((double)x)) return x < 0 ? -(R)0 : 1;                                                         \
    R pi = C(3.14159265358979323846264338327950288);                                                        \
    R d = ERFC(-x / SQRT(C(2.0))) / 2 + x * EXP(-x * x / 2) / SQRT(2 * pi);                                  \
    return d == 0 && x < 0 ? -(R)0 : d; /* below x0 the exact value is negative */                          \
  }                                                                                                         \
  /* log(1 + e^z) = max(z, 0) + log1p(e^-|z|); softplus switches to x where  \
   * the rounded beta x exceeds the threshold (zt: beta x in the tested type) */ \
  static R softplus_of_##suffix(R z) { return (z > 0 ? z : 0) + LOG1P(EXP(-FABS(z))); }                     \
  static R logistic2_##suffix(R z) {                                                                         \
    R e = EXP(-FABS(z));                                                                                    \
    return z >= 0 ? 1 / (1 + e) : e / (1 + e);                                                              \
  }                                                                                                         \
  static R softplus_r##suffix(R x, uint64_t i) { (void)i; return x > 20 ? x : softplus_of_##suffix(x); }    \
  static R softplus_d_r##suffix(R x, uint64_t i) { (void)i; return x > 20 ? 1 : logistic2_##suffix(x); }    \
  static R softplus_beta_r##suffix(R x, uint64_t i) {                                                       \
    (void)i;                                                                                                \
    R beta = (R)(SOFTPLUS_BETA_##suffix);                                                                   \
    return isinf((double)x) ? (x > 0 ? x : 0) : softplus_of_##suffix(beta * x) / beta;                      \
  }                                                                                                         \
  static R softplus_beta_d_r##suffix(R x, uint64_t i) { (void)i; return logistic2_##suffix((R)(SOFTPLUS_BETA_##suffix) * x); } \
  static R logsigmoid_r##suffix(R x, uint64_t i) { (void)i; return -softplus_of_##suffix(-x); }             \
  static R logsigmoid_d_r##suffix(R x, uint64_t i) { (void)i; return logistic2_##suffix(-x); }              \
  /* x - tanh x cancels near 0: its series there (x^11 term below 2^-64 relative) */                       \
  static R tanhshrink_r##suffix(R x, uint64_t i) {                                                          \
    (void)i;                                                                                                \
    if (isinf((double)x) || x == 0) return x;                                                               \
    if (FABS(x) >= C(0.00390625)) return x - TANH(x);                                                       \
    R s = x * x;                                                                                            \
    return x * s * (C(1.0) / 3 - s * (C(2.0) / 15 - s * (C(17.0) / 315 - s * (C(62.0) / 2835))));           \
  }                                                                                                         \
  static R tanhshrink_d_r##suffix(R x, uint64_t i) { (void)i; R t = TANH(x); return t * t; }                 \
  /* celu with alpha = CELU_ALPHA (and CELU_NEGATIVE): alpha expm1(x / alpha); x / alpha exact in R */   \
  static R celu_of_##suffix(R x, R alpha) {                                                                  \
    if (x >= 0) return x;                                                                                   \
    R t = x / alpha;                                                                                        \
    return alpha > 0 ? alpha * EXPM1(t) : (t > 12000 ? -(R)INFINITY : alpha * EXPM1(t));                     \
  }                                                                                                         \
  static R celu_d_of_##suffix(R x, R alpha) {                                                                \
    if (x >= 0) return 1;                                                                                   \
    R t = x / alpha;                                                                                        \
    return t > 12000 ? (R)INFINITY : EXP(t < -12000 ? -12000 : t);                                          \
  }                                                                                                         \
  static R celu_r##suffix(R x, uint64_t i) { (void)i; return celu_of_##suffix(x, (R)CELU_ALPHA_##suffix); }  \
  static R celu_d_r##suffix(R x, uint64_t i) { (void)i; return celu_d_of_##suffix(x, (R)CELU_ALPHA_##suffix); } \
  static R celu_negative_r##suffix(R x, uint64_t i) { (void)i; return celu_of_##suffix(x, (R)CELU_NEGATIVE_##suffix); } \
  static R celu_negative_d_r##suffix(R x, uint64_t i) { (void)i; return celu_d_of_##suffix(x, (R)CELU_NEGATIVE_##suffix); }
#define SOFTPLUS_BETA_32 ((double)(float)SOFTPLUS_BETA)
#define SOFTPLUS_BETA_64 SOFTPLUS_BETA
#define CELU_ALPHA_32 ((double)(float)CELU_ALPHA)
#define CELU_ALPHA_64 CELU_ALPHA
#define CELU_NEGATIVE_32 ((double)(float)CELU_NEGATIVE)
#define CELU_NEGATIVE_64 CELU_NEGATIVE
TAIL_REFS(double, 32, exp, expm1, erfc, log1p, tanh, sqrt, fabs, DOUBLE_C)
TAIL_REFS(quad, 64, expq, expm1q, erfcq, log1pq, tanhq, sqrtq, fabsq, QUAD_C)

/* ---- the document's formulas, in the element type's arithmetic ----------- */

static float sigmoid_snippet32(float z) { return 1 / (1 + expf(-z)); }
static double sigmoid_snippet64(double z) { return 1 / (1 + exp(-z)); }
static float sigmoid_derivative_snippet32(float z) { float s = sigmoid_snippet32(z); return s * (1 - s); }
static double sigmoid_derivative_snippet64(double z) { double s = sigmoid_snippet64(z); return s * (1 - s); }
static float tanh_snippet32(float z) { return tanhf(z); }
static double tanh_snippet64(double z) { return tanh(z); }
static float tanh_derivative_snippet32(float z) { float t = tanhf(z); return 1 - t * t; }
static double tanh_derivative_snippet64(double z) { double t = tanh(z); return 1 - t * t; }
static float elu_snippet32(float z) { return z > 0 ? z : expf(z) - 1; }
static double elu_snippet64(double z) { return z > 0 ? z : exp(z) - 1; }
static float elu_derivative_snippet32(float z) { return z > 0 ? 1 : expf(z); }
static double elu_derivative_snippet64(double z) { return z > 0 ? 1 : exp(z); }

/* ---- the table ------------------------------------------------------------ */

#define TRANSCENDENTAL_BOUND 1.0 /* ulp, both types: include/activations.h */

/* A row's half-precision entry points (the fields after `zero`). */
#define HALVES(fam) fam##_f16, fam##_bf16, NULL, NULL
#define HALVES_D(fam) fam##_derivative_f16, fam##_derivative_bf16, fam##_backward_f16, fam##_backward_bf16

const struct function functions[] = {
    {"sigmoid", "forward", "", 0, sigmoid_f32, sigmoid_f64, NULL, NULL, sigmoid_ref32, sigmoid_ref64,
     sigmoid_snippet32, sigmoid_snippet64, "1 / (1 + exp(-z))", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0,
     HALVES(sigmoid)},
    {"sigmoid", "derivative", "", 0, sigmoid_derivative_f32, sigmoid_derivative_f64, sigmoid_backward_f32,
     sigmoid_backward_f64, sigmoid_derivative_ref32, sigmoid_derivative_ref64, sigmoid_derivative_snippet32,
     sigmoid_derivative_snippet64, "S(z) * (1 - S(z))", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0,
     HALVES_D(sigmoid)},
    {"tanh", "forward", "", 0, tanh_f32, tanh_f64, NULL, NULL, tanh_ref32, tanh_ref64, tanh_snippet32,
     tanh_snippet64, "np.tanh(z)", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0, HALVES(tanh)},
    {"tanh", "derivative", "", 0, tanh_derivative_f32, tanh_derivative_f64, tanh_backward_f32, tanh_backward_f64,
     tanh_derivative_ref32, tanh_derivative_ref64, tanh_derivative_snippet32, tanh_derivative_snippet64,
     "1 - tanh(z)^2", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0, HALVES_D(tanh)},
    {"elu", "forward", "alpha=1", 0, elu_f32, elu_f64, NULL, NULL, elu_ref32, elu_ref64, elu_snippet32,
     elu_snippet64, "alpha * (exp(z) - 1)", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0, HALVES(elu)},
    {"elu", "derivative", "alpha=1", 0, elu_derivative_f32, elu_derivative_f64, elu_backward_f32,
     elu_backward_f64, elu_derivative_ref32, elu_derivative_ref64, elu_derivative_snippet32,
     elu_derivative_snippet64, "alpha * exp(z)", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0, HALVES_D(elu)},
    {"elu", "forward", "alpha=0.3", 0, elu_small_f32, elu_small_f64, NULL, NULL, elu_small_ref32,
     elu_small_ref64, NULL, NULL, NULL, TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0, HALVES(elu_small)},
    {"elu", "derivative", "alpha=0.3", 0, elu_small_derivative_f32, elu_small_derivative_f64,
     elu_small_backward_f32, elu_small_backward_f64, elu_small_derivative_ref32, elu_small_derivative_ref64,
     NULL, NULL, NULL, TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND, 0, 0, HALVES_D(elu_small)},
    {"relu", "forward", "", 1, relu_f32, relu_f64, NULL, NULL, relu_ref32, relu_ref64, NULL, NULL, NULL, 0, 0, 0, 0,
     HALVES(relu)},
    {"relu", "derivative", "", 1, relu_derivative_f32, relu_derivative_f64, relu_backward_f32, relu_backward_f64,
     relu_derivative_ref32, relu_derivative_ref64, NULL, NULL, NULL, 0, 0, 0, 0, HALVES_D(relu)},
    {"leaky_relu", "forward", "alpha=0.01", 1, leaky_f32, leaky_f64, NULL, NULL, leaky_ref32, leaky_ref64, NULL,
     NULL, NULL, 0.5, 0.5, 0, 0, HALVES(leaky)},
    {"leaky_relu", "derivative", "alpha=0.01", 1, leaky_derivative_f32, leaky_derivative_f64, leaky_backward_f32,
     leaky_backward_f64, leaky_derivative_ref32, leaky_derivative_ref64, NULL, NULL, NULL, 0.5, 0.5, 0, 0,
     HALVES_D(leaky)},
    {"rrelu", "forward", "eval", 1, rrelu_f32, rrelu_f64, NULL, NULL, rrelu_ref32, rrelu_ref64, NULL, NULL, NULL,
     0.5, 0.5, 0, 0, HALVES(rrelu)},
    {"rrelu", "derivative", "eval", 1, rrelu_derivative_f32, rrelu_derivative_f64, rrelu_backward_f32,
     rrelu_backward_f64, rrelu_derivative_ref32, rrelu_derivative_ref64, NULL, NULL, NULL, 0.5, 0.5, 0, 0,
     HALVES_D(rrelu)},
    {"rrelu", "forward", "training, seed=42", 1, rrelu_train_f32, rrelu_train_f64, NULL, NULL, rrelu_train_ref32,
     rrelu_train_ref64, NULL, NULL, NULL, 0.5, 0.5, 0, 0, HALVES(rrelu_train)},
    {"rrelu", "derivative", "training, seed=42", 1, rrelu_train_derivative_f32, rrelu_train_derivative_f64,
     rrelu_train_backward_f32, rrelu_train_backward_f64, rrelu_train_derivative_ref32,
     rrelu_train_derivative_ref64, NULL, NULL, NULL, 0.5, 0.5, 0, 0, HALVES_D(rrelu_train)},
#define ROW(fam, dir, param, ex, f32, f64, b32, b64, r32, r64, bound, hz, z, halves) \
  {fam, dir, param, ex, f32, f64, b32, b64, r32, r64, NULL, NULL, NULL, bound, bound, hz, z, halves}
#define PAIR_ROWS(fam, param, ex, ref, dref, bound, hz, z)                                                 \
  ROW(#fam, "forward", param, ex, fam##_f32, fam##_f64, NULL, NULL, ref##_r32, ref##_r64, bound, 0, 0,    \
      HALVES(fam)),                                                                                        \
  ROW(#fam, "derivative", param, ex, fam##_derivative_f32, fam##_derivative_f64, fam##_backward_f32,      \
      fam##_backward_f64, dref##_r32, dref##_r64, bound, hz, z, HALVES_D(fam))
    PAIR_ROWS(hardtanh, "min=-1.5, max=2", 1, hardtanh, hardtanh_d, 0.5, 0, 0),
    PAIR_ROWS(relu6, "", 1, relu6, relu6_d, 0.5, 0, 0),
    PAIR_ROWS(hardsigmoid, "", 0, hardsigmoid, hardsigmoid_d, TRANSCENDENTAL_BOUND, 0, 0),
    PAIR_ROWS(hardswish, "", 0, hardswish, hardswish_d, TRANSCENDENTAL_BOUND, 0, 0),
    PAIR_ROWS(softsign, "", 0, softsign, softsign_d, TRANSCENDENTAL_BOUND, 0, 0),
    PAIR_ROWS(softshrink, "lambd=0.5", 1, softshrink, shrink_d, 0.5, 0, 0),
    PAIR_ROWS(hardshrink, "lambd=0.5", 1, hardshrink, shrink_d, 0.5, 0, 0),
    PAIR_ROWS(threshold, "threshold=0.25, value=-3", 1, threshold, threshold_d, 0.5, 0, 0),
    PAIR_ROWS(silu, "", 0, silu, silu_d, TRANSCENDENTAL_BOUND, 1, -1.2784645427610738),
    PAIR_ROWS(swish, "beta=0.7", 0, swish, swish_d, TRANSCENDENTAL_BOUND, 1, -1.2784645427610738 / SWISH_BETA),
    PAIR_ROWS(softplus, "beta=1, threshold=20", 0, softplus, softplus_d, TRANSCENDENTAL_BOUND, 0, 0),
    ROW("softplus", "forward", "beta=0.7, threshold=inf", 0, softplus_beta_f32, softplus_beta_f64, NULL, NULL,
        softplus_beta_r32, softplus_beta_r64, TRANSCENDENTAL_BOUND, 0, 0, HALVES(softplus_beta)),
    ROW("softplus", "derivative", "beta=0.7, threshold=inf", 0, softplus_beta_derivative_f32,
        softplus_beta_derivative_f64, softplus_beta_backward_f32, softplus_beta_backward_f64, softplus_beta_d_r32,
        softplus_beta_d_r64, TRANSCENDENTAL_BOUND, 0, 0, HALVES_D(softplus_beta)),
    PAIR_ROWS(logsigmoid, "", 0, logsigmoid, logsigmoid_d, TRANSCENDENTAL_BOUND, 0, 0),
    PAIR_ROWS(tanhshrink, "", 0, tanhshrink, tanhshrink_d, TRANSCENDENTAL_BOUND, 0, 0),
    PAIR_ROWS(celu, "alpha=0.6", 0, celu, celu_d, TRANSCENDENTAL_BOUND, 0, 0),
    ROW("celu", "forward", "alpha=-1.5", 0, celu_negative_f32, celu_negative_f64, NULL, NULL, celu_negative_r32,
        celu_negative_r64, TRANSCENDENTAL_BOUND, 0, 0, HALVES(celu_negative)),
    ROW("celu", "derivative", "alpha=-1.5", 0, celu_negative_derivative_f32, celu_negative_derivative_f64,
        celu_negative_backward_f32, celu_negative_backward_f64, celu_negative_d_r32, celu_negative_d_r64,
        TRANSCENDENTAL_BOUND, 0, 0, HALVES_D(celu_negative)),
    PAIR_ROWS(gelu, "", 0, gelu, gelu_d, TRANSCENDENTAL_BOUND, 1, -0.7517915246935645),
    PAIR_ROWS(gelu_tanh, "", 0, gelu_tanh, gelu_tanh_d, TRANSCENDENTAL_BOUND, 1, -0.7517915241),
    PAIR_ROWS(selu, "", 0, selu, selu_d, TRANSCENDENTAL_BOUND, 0, 0),
    PAIR_ROWS(mish, "", 0, mish, mish_d, TRANSCENDENTAL_BOUND, 1, -1.1924456223),
};

const size_t function_count = sizeof functions / sizeof functions[0];
