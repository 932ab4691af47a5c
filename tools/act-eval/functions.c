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

const struct function functions[] = {
    {"sigmoid", "forward", "", 0, sigmoid_f32, sigmoid_f64, NULL, NULL, sigmoid_ref32, sigmoid_ref64,
     sigmoid_snippet32, sigmoid_snippet64, "1 / (1 + exp(-z))", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"sigmoid", "derivative", "", 0, sigmoid_derivative_f32, sigmoid_derivative_f64, sigmoid_backward_f32,
     sigmoid_backward_f64, sigmoid_derivative_ref32, sigmoid_derivative_ref64, sigmoid_derivative_snippet32,
     sigmoid_derivative_snippet64, "S(z) * (1 - S(z))", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"tanh", "forward", "", 0, tanh_f32, tanh_f64, NULL, NULL, tanh_ref32, tanh_ref64, tanh_snippet32,
     tanh_snippet64, "np.tanh(z)", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"tanh", "derivative", "", 0, tanh_derivative_f32, tanh_derivative_f64, tanh_backward_f32, tanh_backward_f64,
     tanh_derivative_ref32, tanh_derivative_ref64, tanh_derivative_snippet32, tanh_derivative_snippet64,
     "1 - tanh(z)^2", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"elu", "forward", "alpha=1", 0, elu_f32, elu_f64, NULL, NULL, elu_ref32, elu_ref64, elu_snippet32,
     elu_snippet64, "alpha * (exp(z) - 1)", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"elu", "derivative", "alpha=1", 0, elu_derivative_f32, elu_derivative_f64, elu_backward_f32,
     elu_backward_f64, elu_derivative_ref32, elu_derivative_ref64, elu_derivative_snippet32,
     elu_derivative_snippet64, "alpha * exp(z)", TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"elu", "forward", "alpha=0.3", 0, elu_small_f32, elu_small_f64, NULL, NULL, elu_small_ref32,
     elu_small_ref64, NULL, NULL, NULL, TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"elu", "derivative", "alpha=0.3", 0, elu_small_derivative_f32, elu_small_derivative_f64,
     elu_small_backward_f32, elu_small_backward_f64, elu_small_derivative_ref32, elu_small_derivative_ref64,
     NULL, NULL, NULL, TRANSCENDENTAL_BOUND, TRANSCENDENTAL_BOUND},
    {"relu", "forward", "", 1, relu_f32, relu_f64, NULL, NULL, relu_ref32, relu_ref64, NULL, NULL, NULL, 0, 0},
    {"relu", "derivative", "", 1, relu_derivative_f32, relu_derivative_f64, relu_backward_f32, relu_backward_f64,
     relu_derivative_ref32, relu_derivative_ref64, NULL, NULL, NULL, 0, 0},
    {"leaky_relu", "forward", "alpha=0.01", 1, leaky_f32, leaky_f64, NULL, NULL, leaky_ref32, leaky_ref64, NULL,
     NULL, NULL, 0.5, 0.5},
    {"leaky_relu", "derivative", "alpha=0.01", 1, leaky_derivative_f32, leaky_derivative_f64, leaky_backward_f32,
     leaky_backward_f64, leaky_derivative_ref32, leaky_derivative_ref64, NULL, NULL, NULL, 0.5, 0.5},
    {"rrelu", "forward", "eval", 1, rrelu_f32, rrelu_f64, NULL, NULL, rrelu_ref32, rrelu_ref64, NULL, NULL, NULL,
     0.5, 0.5},
    {"rrelu", "derivative", "eval", 1, rrelu_derivative_f32, rrelu_derivative_f64, rrelu_backward_f32,
     rrelu_backward_f64, rrelu_derivative_ref32, rrelu_derivative_ref64, NULL, NULL, NULL, 0.5, 0.5},
    {"rrelu", "forward", "training, seed=42", 1, rrelu_train_f32, rrelu_train_f64, NULL, NULL, rrelu_train_ref32,
     rrelu_train_ref64, NULL, NULL, NULL, 0.5, 0.5},
    {"rrelu", "derivative", "training, seed=42", 1, rrelu_train_derivative_f32, rrelu_train_derivative_f64,
     rrelu_train_backward_f32, rrelu_train_backward_f64, rrelu_train_derivative_ref32,
     rrelu_train_derivative_ref64, NULL, NULL, NULL, 0.5, 0.5},
};

const size_t function_count = sizeof functions / sizeof functions[0];
