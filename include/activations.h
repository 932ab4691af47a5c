/*
 * activations.h -- the C interface of libactivations (libactivations.so).
 *
 * Neural-network activation functions, their derivatives and their backward
 * passes, batched over raw arrays of float (_f32), double (_f64), IEEE half
 * precision (_f16) or bfloat16 (_bf16).
 *
 * ===========================================================================
 * Conventions shared by every function below
 * ===========================================================================
 *
 * Types.  T is `float` in the *_f32 functions and `double` in the *_f64 ones;
 *   scalar parameters (alpha, lower, upper) have type T as well.  In the
 *   *_f16 and *_bf16 functions T is uint16_t and the parameters are float
 *   (see "Half precision").  Counts are
 *   size_t.  Every computing function returns an act_status.
 *
 * Half precision.  Every function also exists as act_..._f16 (IEEE 754
 *   binary16: 1 sign, 5 exponent, 10 fraction bits) and act_..._bf16
 *   (bfloat16: the upper 16 bits of a float).  Their arrays hold the 16-bit
 *   patterns as uint16_t (C99 has no portable half type; _Float16 and __bf16
 *   arrays can be passed through a cast of the pointer); their scalar
 *   parameters are float and are checked as for _f32.  Each element is
 *   widened exactly to float and computed by the float kernel.  Forward and
 *   derivative of the elementwise functions are correctly rounded to the
 *   16-bit format (to nearest, ties to even): the float result is rounded
 *   once, except where the floats 4 ulps below and above it would round
 *   differently (about 1 input in 1000 for f16) -- those lanes are computed
 *   in double and that result rounded once, correctly.  Backward is the
 *   float dy * f'(x) rounded once; the row functions are the float function
 *   on the widened rows, each output rounded once (prelu's dweight: the float
 *   sum, rounded once).  Results beyond the format's range round to +-inf,
 *   tiny ones to its subnormals or a signed zero; a NaN result is the
 *   canonical quiet NaN, 0x7E00 (f16) or 0x7FC0 (bf16), the same bits on
 *   every path and thread count.  sizeof(T) is 2 in the checks below.  Accuracy, asserted by `make test`
 *   over all 2^16 inputs of each format (tools/act-eval, docs/accuracy.md):
 *   forward and derivative of every elementwise function correctly rounded
 *   for at least 99.99% of inputs and never more than 1 ulp (of the 16-bit
 *   format) away; measured: 100% correctly rounded in every function and
 *   both formats.  Speed: the conversions are vectorized (F16C on the AVX
 *   paths, integer arithmetic giving the same bits on the baseline path,
 *   shifts for bfloat16); see docs/benchmarks.md.
 *
 * Three entry points per elementwise function NAME with parameters P...:
 *   act_NAME_T(x, y, n, P...)                 y[i]  = f(x[i])
 *   act_NAME_derivative_T(x, d, n, P...)      d[i]  = f'(x[i])
 *   act_NAME_backward_T(x, dy, dx, n, P...)   dx[i] = dy[i] * f'(x[i])   (one pass)
 *
 * Order of checks (the first that applies decides the status; an error
 * return writes nothing at all):
 *   1. ACT_ERR_SIZE       a count out of range: n * sizeof(T) > PTRDIFF_MAX;
 *                         for row functions, any element count (rows*cols,
 *                         rows*cols*cols for the Jacobian, rows*units*pieces)
 *                         overflowing size_t or, times sizeof(T), exceeding
 *                         PTRDIFF_MAX; cols == 0 while rows > 0 (softmax).
 *   2. ACT_OK             nothing to compute (n == 0; rows == 0; maxout with
 *                         rows*units == 0): returns at once, touching nothing,
 *                         even with NULL pointers or bad parameters.
 *   3. ACT_ERR_NULL_POINTER  a pointer argument is NULL.
 *   4. ACT_ERR_ALIGNMENT  a pointer is not a multiple of sizeof(T).
 *   5. ACT_ERR_PARAMETER  a parameter outside its domain (see each family).
 *   6. ACT_ERR_OVERLAP    an output overlaps an input without being exactly
 *                         the same array (same address AND same length).
 *   7. ACT_ERR_MEMORY     the _f16/_bf16 row functions (softmax family,
 *                         maxout, prelu, gated units) could not allocate their
 *                         float scratch (a block of at most 2^18 elements per
 *                         array, or one row when a row is longer; prelu: the
 *                         whole arrays).  No other function allocates memory
 *                         of its own (see "Threads and determinism").
 *
 * Aliasing.  An output may be the very same array as an input of the same
 *   length: the call then works in place.  Inputs may alias each other
 *   (backward with dy == x).  Every other overlap between an output and any
 *   buffer of the call -- including an output equal to an input of a
 *   different length (maxout y == x with pieces > 1) -- is ACT_ERR_OVERLAP.
 *
 * Special values.  NaN in x gives NaN in the forward, the derivative and the
 *   backward of every elementwise function (relu'(NaN) is NaN).  Backward is
 *   the IEEE product dy * f'(x): NaN in dy gives NaN, inf * 0 gives NaN.
 *   The sign and payload of a NaN result are unspecified: they can differ
 *   between the instruction-set paths for the row functions (see
 *   docs/reproducibility.md); every other bit is the same on both.
 *   Odd functions keep the sign of zero (tanh(-0) = -0); so do leaky_relu,
 *   rrelu and elu (f(-0) = -0); relu(-0) = +0.  Results that fall in the
 *   subnormal range are returned as subnormals, never flushed to zero.
 *
 * Accuracy.  "ulp" is the unit in the last place of the exact result (the
 *   subnormal spacing below the normal range).  Each block states the bound
 *   `make test` asserts and the maximum measured by `make accuracy`
 *   (tools/act-eval, report in docs/accuracy.md): every one of the 2^32
 *   float inputs and 10^7 doubles spread over the whole finite range, against
 *   references in double (for float) and __float128 (for double).  The
 *   transcendental functions evaluate exp and expm1 in their own type
 *   (polynomials fitted by tools/fit-poly) and carry every intermediate as a
 *   two-term value, so each result is rounded once plus a few hundredths of
 *   an ulp.  Backward is dy * f'(x) rounded once, bitwise equal to
 *   multiplying the derivative by dy.
 *
 * Threads and determinism.  Every function may be called from many threads
 *   at once.  Results are bitwise identical whatever the thread count.  The
 *   library never changes the caller's floating-point environment.  Calls
 *   that run on the calling thread alone do no heap allocation: calls below
 *   the crossover (2^18 elements for the functions evaluating exp,
 *   2^20 for the piecewise-linear ones), or with one thread set.  Larger
 *   calls hand chunks to the thread pool (libdispatch), which allocates its
 *   work items.  The _f16/_bf16 row functions allocate float scratch
 *   (ACT_ERR_MEMORY when that fails, check 7).
 *
 * No function aborts or crashes for any value of any argument, except for
 * non-NULL pointers to buffers shorter than the counts say -- the caller's
 * side of the contract, as in any C API.
 */
#ifndef ACTIVATIONS_H
#define ACTIVATIONS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ===========================================================================
 * Status codes, messages, version
 * ======================================================================== */

/* Every computing function returns one of these (int32_t). */
typedef int32_t act_status;

#define ACT_OK                 0  /* success                                          */
#define ACT_ERR_NULL_POINTER (-1) /* a required pointer is NULL while there is work   */
#define ACT_ERR_SIZE         (-2) /* a count or shape out of range (see check 1)      */
#define ACT_ERR_PARAMETER    (-3) /* a parameter outside its domain                   */
#define ACT_ERR_OVERLAP      (-4) /* an output partially overlaps an input            */
#define ACT_ERR_ALIGNMENT    (-5) /* a pointer not aligned to its element type        */
#define ACT_ERR_MEMORY       (-6) /* working memory could not be allocated (only the */
                                  /* _f16/_bf16 row functions allocate; see 7.)     */

/* A static, NUL-terminated ASCII message, distinct for each code above, and
 * "unknown status" for any other value.  Never NULL; never free it. */
const char *act_status_message(act_status status);

/* The library's version as "MAJOR.MINOR.PATCH" (static storage). */
const char *act_version(void);

/* ===========================================================================
 * Threads
 *
 * act_set_num_threads(n): n <= 0 selects automatic mode (the value of the
 *   environment variable ACTIVATIONS_NUM_THREADS if it is a positive integer,
 *   read once at first use; else the number of online CPUs); other values are
 *   clamped to [1, 1024].  Process-wide; safe to call at any time from any
 *   thread.  act_get_num_threads() returns the effective count (>= 1).
 * Work is split on a grid that depends only on the sizes, never on the thread
 * count, so results are bitwise identical for every setting.
 * ======================================================================== */
void act_set_num_threads(int32_t n);
int32_t act_get_num_threads(void);

/* ===========================================================================
 * Instruction set
 *
 * act_isa() names the instruction set the kernels run with: "avx512"
 * (x86-64-v4: AVX-512 F, BW, DQ and VL) when the CPU has it, else "avx2"
 * (x86-64-v3: AVX2 and FMA) when it has that, else "baseline" (x86-64 with
 * SSE2).  It is chosen once, at first use; the environment variable
 * ACTIVATIONS_ISA=avx2 or ACTIVATIONS_ISA=baseline lowers the choice (a
 * higher or unknown value keeps it).  Every path returns the same bits for
 * every input (the sign and payload of NaN results aside, see "Special
 * values"): the AVX-512 path runs the AVX2 path's operations on one 512-bit
 * register where AVX2 uses two, and the baseline path computes the same
 * fused multiply-adds through libm's fma/fmaf (correctly rounded), which
 * makes its transcendental functions about 20 times slower.  Every function
 * is dispatched.  Static string, never NULL.
 * ======================================================================== */
const char *act_isa(void);

/* ===========================================================================
 * Elementwise functions
 * ======================================================================== */

/* ---- sigmoid --------------------------------------------------------------
 *   f(x)  = 1 / (1 + exp(-x))
 *   f'(x) = f(x) * (1 - f(x)) = exp(-|x|) / (1 + exp(-|x|))^2
 *   Evaluated from e = exp(-|x|), which never overflows; f' never cancels
 *   (it stays accurate in the tails, e.g. f'(20) ~ 2.06e-9 in float).
 *   Edges: f(-inf) = +0, f(+inf) = 1, f(+-0) = 0.5, f(NaN) = NaN;
 *   f'(+-inf) = +0, f'(+-0) = 0.25, f'(NaN) = NaN.  f(x) is subnormal for
 *   x below about -87.3 (float) / -708.4 (double), f'(x) for |x| above
 *   those, and both are returned as such, never flushed to zero.
 *   Parameters: none.
 *   Accuracy (f and f'), asserted by `make test`: <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.8025 ulp over all 2^32 inputs;
 *   double 0.7834 ulp over 10^7 inputs.
 */
act_status act_sigmoid_f32(const float *x, float *y, size_t n);
act_status act_sigmoid_derivative_f32(const float *x, float *d, size_t n);
act_status act_sigmoid_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_sigmoid_f64(const double *x, double *y, size_t n);
act_status act_sigmoid_derivative_f64(const double *x, double *d, size_t n);
act_status act_sigmoid_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_sigmoid_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_sigmoid_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_sigmoid_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_sigmoid_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_sigmoid_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_sigmoid_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- tanh -----------------------------------------------------------------
 *   f(x)  = (exp(x) - exp(-x)) / (exp(x) + exp(-x))
 *   f'(x) = 1 - f(x)^2 = 4 exp(-2|x|) / (1 + exp(-2|x|))^2
 *   Evaluated as sign(x) * -t / (2 + t) with t = expm1(-2|x|) (no
 *   cancellation near 0, no overflow), and f' in the exp(-2|x|) form, which stays
 *   accurate where 1 - f^2 would round to 0.
 *   Edges: f(+-inf) = +-1, f(+-0) = +-0, f(NaN) = NaN; f'(+-inf) = +0,
 *   f'(+-0) = 1, f'(NaN) = NaN; subnormal x gives f(x) = x; subnormal f'
 *   (|x| above about 44 float / 355 double) is returned, not flushed.
 *   Parameters: none.
 *   Accuracy (f and f'), asserted by `make test`: <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.8200 ulp over all 2^32 inputs;
 *   double 0.6494 ulp over 10^7 inputs.
 */
act_status act_tanh_f32(const float *x, float *y, size_t n);
act_status act_tanh_derivative_f32(const float *x, float *d, size_t n);
act_status act_tanh_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_tanh_f64(const double *x, double *y, size_t n);
act_status act_tanh_derivative_f64(const double *x, double *d, size_t n);
act_status act_tanh_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_tanh_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_tanh_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_tanh_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_tanh_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_tanh_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_tanh_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- relu -----------------------------------------------------------------
 *   f(x)  = max(0, x)               relu(-0) = +0, relu(NaN) = NaN
 *   f'(x) = 1 if x > 0, else 0      (f'(0) = 0; f'(NaN) = NaN)
 *   Edges: relu(+inf) = +inf, relu(-inf) = +0, relu(-0) = +0.
 *   Parameters: none.
 *   Accuracy: exact (checked on all 2^32 float inputs and 10^7 doubles).
 */
act_status act_relu_f32(const float *x, float *y, size_t n);
act_status act_relu_derivative_f32(const float *x, float *d, size_t n);
act_status act_relu_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_relu_f64(const double *x, double *y, size_t n);
act_status act_relu_derivative_f64(const double *x, double *d, size_t n);
act_status act_relu_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_relu_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_relu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_relu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_relu_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_relu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_relu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- leaky_relu(alpha) ----------------------------------------------------
 *   f(x)  = x if x >= 0, else alpha * x     (f(-0) = -0)
 *   f'(x) = 1 if x > 0,  else alpha         (f'(0) = alpha: x > 0 is the
 *                                            positive side)
 *   Parameters: alpha finite (NaN or +-inf -> ACT_ERR_PARAMETER); zero and
 *   negative values are allowed.  Common choice: 0.01.
 *   Edges: f(+inf) = +inf; f(-inf) = alpha * -inf (the IEEE product: -inf
 *   for alpha > 0, +inf for alpha < 0, NaN for alpha = 0); f(NaN) = NaN,
 *   f'(NaN) = NaN.
 *   Accuracy: exact -- alpha * x correctly rounded, subnormals included
 *   (checked on all 2^32 float inputs and 10^7 doubles).
 */
act_status act_leaky_relu_f32(const float *x, float *y, size_t n, float alpha);
act_status act_leaky_relu_derivative_f32(const float *x, float *d, size_t n, float alpha);
act_status act_leaky_relu_backward_f32(const float *x, const float *dy, float *dx, size_t n, float alpha);
act_status act_leaky_relu_f64(const double *x, double *y, size_t n, double alpha);
act_status act_leaky_relu_derivative_f64(const double *x, double *d, size_t n, double alpha);
act_status act_leaky_relu_backward_f64(const double *x, const double *dy, double *dx, size_t n, double alpha);
act_status act_leaky_relu_f16(const uint16_t *x, uint16_t *y, size_t n, float alpha);
act_status act_leaky_relu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float alpha);
act_status act_leaky_relu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float alpha);
act_status act_leaky_relu_bf16(const uint16_t *x, uint16_t *y, size_t n, float alpha);
act_status act_leaky_relu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float alpha);
act_status act_leaky_relu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float alpha);

/* ---- elu(alpha) -----------------------------------------------------------
 *   f(x)  = x if x >= 0, else alpha * (exp(x) - 1)    (f(-0) = -0)
 *   f'(x) = 1 if x > 0,  else alpha * exp(x)          (f'(0) = alpha)
 *   exp(x) - 1 is evaluated as expm1(x), exact to the last bits near 0.
 *   Edges: f(-inf) = -alpha, f(+inf) = +inf, f(+-0) = +-0, f(NaN) = NaN;
 *   f'(-inf) = 0 (signed like alpha), f'(+inf) = 1, f'(+-0) = alpha,
 *   f'(NaN) = NaN; subnormal x gives f(x) = alpha * x rounded once;
 *   subnormal f' is returned, not flushed.
 *   Parameters: alpha finite (NaN or +-inf -> ACT_ERR_PARAMETER); zero and
 *   negative values are allowed.  Common choice: 1.0.
 *   Accuracy (f and f'), asserted by `make test`: <= 1 ulp in both types.
 *   Measured (docs/accuracy.md, alpha = 1 and 0.3): float 0.8570 ulp over
 *   all 2^32 inputs; double 0.7736 ulp over 10^7 inputs.  alpha times the
 *   two-term exp(x) - 1 (or exp(x)) is one fma, rounded once; for tiny
 *   |alpha| (below 2^-40 float, 2^-500 double) a subnormal alpha * exp(x)
 *   may be rounded twice.
 */
act_status act_elu_f32(const float *x, float *y, size_t n, float alpha);
act_status act_elu_derivative_f32(const float *x, float *d, size_t n, float alpha);
act_status act_elu_backward_f32(const float *x, const float *dy, float *dx, size_t n, float alpha);
act_status act_elu_f64(const double *x, double *y, size_t n, double alpha);
act_status act_elu_derivative_f64(const double *x, double *d, size_t n, double alpha);
act_status act_elu_backward_f64(const double *x, const double *dy, double *dx, size_t n, double alpha);
act_status act_elu_f16(const uint16_t *x, uint16_t *y, size_t n, float alpha);
act_status act_elu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float alpha);
act_status act_elu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float alpha);
act_status act_elu_bf16(const uint16_t *x, uint16_t *y, size_t n, float alpha);
act_status act_elu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float alpha);
act_status act_elu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float alpha);

/* ---- rrelu(lower, upper, training, seed): randomized leaky ReLU ----------
 *   f(x)  = x if x >= 0, else a_i * x       (f(-0) = -0)
 *   f'(x) = 1 if x > 0,  else a_i           (f'(0) = a_i)
 *   Eval mode (training == 0): a_i = a = fl((lower + upper) / 2) in T
 *     (computed as lower/2 + upper/2 when lower + upper overflows T).
 *   Training mode (training != 0): a_i is a pure function of (seed, i), where
 *     i counts elements from the pointer passed, so the slopes never depend
 *     on threads or chunking, and derivative and backward recompute exactly
 *     the forward's slopes from the same seed.  The recipe, all arithmetic on
 *     uint64_t modulo 2^64:
 *         mix(z):  z += 0x9E3779B97F4A7C15;
 *                  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
 *                  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
 *                  return z ^ (z >> 31);            (the SplitMix64 step)
 *         h_i  = mix(seed ^ mix(i))
 *         u_i  = (h_i >> 40) * 2^-24   (float)    u_i in [0, 1)
 *                (h_i >> 11) * 2^-53   (double)
 *         a_i  = lower + (upper - lower) * u_i     (each operation rounded to T)
 *   Parameters: lower and upper finite with lower <= upper, and upper - lower
 *   finite in T (else ACT_ERR_PARAMETER), in both modes; training is 0 (eval)
 *   or any other value (training).  Common choice: lower = 1/8, upper = 1/3.
 *   Edges: as leaky_relu with slope a_i; NaN -> NaN in every direction.
 *   Accuracy: exact -- a_i * x correctly rounded (checked on all 2^32 float
 *   inputs and 10^7 doubles, eval and training mode).
 */
act_status act_rrelu_f32(const float *x, float *y, size_t n,
                         float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_derivative_f32(const float *x, float *d, size_t n,
                                    float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_backward_f32(const float *x, const float *dy, float *dx, size_t n,
                                  float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_f64(const double *x, double *y, size_t n,
                         double lower, double upper, int32_t training, uint64_t seed);
act_status act_rrelu_derivative_f64(const double *x, double *d, size_t n,
                                    double lower, double upper, int32_t training, uint64_t seed);
act_status act_rrelu_backward_f64(const double *x, const double *dy, double *dx, size_t n,
                                  double lower, double upper, int32_t training, uint64_t seed);
act_status act_rrelu_f16(const uint16_t *x, uint16_t *y, size_t n,
                         float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n,
                                    float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n,
                                  float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_bf16(const uint16_t *x, uint16_t *y, size_t n,
                          float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n,
                                     float lower, float upper, int32_t training, uint64_t seed);
act_status act_rrelu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n,
                                   float lower, float upper, int32_t training, uint64_t seed);

/* ===========================================================================
 * The modern family (PyTorch's definitions; see the README's table for
 * other frameworks' presets)
 *
 * The same conventions as the functions above: act_NAME_T(x, y, n, P...),
 * act_NAME_derivative_T(x, d, n, P...), act_NAME_backward_T(x, dy, dx, n,
 * P...) with the parameters P of type T in the order of PyTorch's
 * functional signature; the same checks, status codes, aliasing rules and
 * special values (NaN gives NaN in f, f' and the backward).
 *
 * Interior zeros.  Where a derivative crosses zero inside its domain (silu',
 * swish', gelu', gelu_tanh', mish' at the x0 stated in their blocks) a relative
 * bound means nothing; within |x - x0| <= 1/4 the error is instead at most
 * 1 ulp of 2^-4 (2^-28 in float, 2^-57 in double).
 * ======================================================================== */

/* ---- hardtanh(min_val, max_val) ------------------------------------------
 *   f(x)  = min_val if x < min_val, max_val if x > max_val, else x
 *   f'(x) = 1 if min_val < x < max_val, else 0   (0 at both edges: PyTorch)
 *   Parameters: min_val, max_val finite, min_val <= max_val (else
 *   ACT_ERR_PARAMETER).  PyTorch's defaults: -1, 1.
 *   Edges: f(+-inf) = max_val / min_val, f(NaN) = NaN, f'(NaN) = NaN.
 *   Accuracy: exact.
 */
act_status act_hardtanh_f32(const float *x, float *y, size_t n, float min_val, float max_val);
act_status act_hardtanh_derivative_f32(const float *x, float *d, size_t n, float min_val, float max_val);
act_status act_hardtanh_backward_f32(const float *x, const float *dy, float *dx,
                                     size_t n, float min_val, float max_val);
act_status act_hardtanh_f64(const double *x, double *y, size_t n, double min_val, double max_val);
act_status act_hardtanh_derivative_f64(const double *x, double *d, size_t n, double min_val, double max_val);
act_status act_hardtanh_backward_f64(const double *x, const double *dy, double *dx,
                                     size_t n, double min_val, double max_val);
act_status act_hardtanh_f16(const uint16_t *x, uint16_t *y, size_t n, float min_val, float max_val);
act_status act_hardtanh_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float min_val, float max_val);
act_status act_hardtanh_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                     size_t n, float min_val, float max_val);
act_status act_hardtanh_bf16(const uint16_t *x, uint16_t *y, size_t n, float min_val, float max_val);
act_status act_hardtanh_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float min_val, float max_val);
act_status act_hardtanh_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                      size_t n, float min_val, float max_val);

/* ---- relu6 ---------------------------------------------------------------
 *   f(x)  = 0 if x <= 0, 6 if x > 6, else x     (f(-0) = +0, as relu)
 *   f'(x) = 1 if 0 < x < 6, else 0              (0 at 0 and 6: PyTorch)
 *   Parameters: none.  Accuracy: exact.
 */
act_status act_relu6_f32(const float *x, float *y, size_t n);
act_status act_relu6_derivative_f32(const float *x, float *d, size_t n);
act_status act_relu6_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_relu6_f64(const double *x, double *y, size_t n);
act_status act_relu6_derivative_f64(const double *x, double *d, size_t n);
act_status act_relu6_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_relu6_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_relu6_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_relu6_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_relu6_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_relu6_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_relu6_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- hardsigmoid ---------------------------------------------------------
 *   f(x)  = relu6(x + 3) / 6 = 0 if x <= -3, 1 if x >= 3, else (x + 3) / 6
 *   f'(x) = 1/6 if -3 < x < 3, else 0           (0 at +-3: PyTorch)
 *   PyTorch's and ONNX's default slope 1/6; Keras 2's hard_sigmoid used
 *   0.2 x + 0.5 (another function).  (x + 3) / 6 is formed from the exact
 *   two-term x + 3 and rounded once (x / 6 + 1/2 loses millions of ulps
 *   near x = -3).
 *   Parameters: none.  Accuracy: within 1 ulp (measured over all 2^32 floats
 *   and 10^7 doubles: 0.5000).  f' is 1/6 rounded.
 */
act_status act_hardsigmoid_f32(const float *x, float *y, size_t n);
act_status act_hardsigmoid_derivative_f32(const float *x, float *d, size_t n);
act_status act_hardsigmoid_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_hardsigmoid_f64(const double *x, double *y, size_t n);
act_status act_hardsigmoid_derivative_f64(const double *x, double *d, size_t n);
act_status act_hardsigmoid_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_hardsigmoid_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_hardsigmoid_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_hardsigmoid_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_hardsigmoid_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_hardsigmoid_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_hardsigmoid_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- hardswish -----------------------------------------------------------
 *   f(x)  = x * relu6(x + 3) / 6 = -0 if x <= -3, x if x >= 3,
 *           else x (x + 3) / 6                 (f(-inf) = -0, the limit)
 *   f'(x) = 0 if x <= -3, 1 if x >= 3, else (2x + 3) / 6
 *   f' is 0 at -3 and 1 at +3.  x (x + 3) and 2x + 3 are exact two-term
 *   values divided by 6 and rounded once.
 *   Parameters: none.  Accuracy: within 1 ulp (measured over all 2^32 floats
 *   and 10^7 doubles: 0.5000).
 */
act_status act_hardswish_f32(const float *x, float *y, size_t n);
act_status act_hardswish_derivative_f32(const float *x, float *d, size_t n);
act_status act_hardswish_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_hardswish_f64(const double *x, double *y, size_t n);
act_status act_hardswish_derivative_f64(const double *x, double *d, size_t n);
act_status act_hardswish_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_hardswish_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_hardswish_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_hardswish_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_hardswish_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_hardswish_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_hardswish_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- softsign ------------------------------------------------------------
 *   f(x)  = x / (1 + |x|)
 *   f'(x) = 1 / (1 + |x|)^2
 *   1 + |x| is carried as two terms; f' is the square of the two-term
 *   1 / (1 + |x|), so it is subnormal rather than 0 where (1 + |x|)^2
 *   would overflow.  Edges: f(+-inf) = +-1, f'(+-inf) = 0.
 *   Parameters: none.  Accuracy: within 1 ulp (measured: f 0.5000; f' 0.9996
 *   float over all 2^32 inputs, 0.9690 double, largest near
 *   |x| = 2^63 where f' approaches the subnormal range).
 */
act_status act_softsign_f32(const float *x, float *y, size_t n);
act_status act_softsign_derivative_f32(const float *x, float *d, size_t n);
act_status act_softsign_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_softsign_f64(const double *x, double *y, size_t n);
act_status act_softsign_derivative_f64(const double *x, double *d, size_t n);
act_status act_softsign_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_softsign_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_softsign_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_softsign_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_softsign_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_softsign_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_softsign_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- softshrink(lambd) ---------------------------------------------------
 *   f(x)  = x - lambd if x > lambd, x + lambd if x < -lambd, else 0
 *   f'(x) = 1 if |x| > lambd, else 0           (0 at +-lambd: PyTorch)
 *   Parameters: lambd finite, >= 0 (else ACT_ERR_PARAMETER).  PyTorch's
 *   default: 0.5.  Accuracy: exact (one correctly rounded operation).
 */
act_status act_softshrink_f32(const float *x, float *y, size_t n, float lambd);
act_status act_softshrink_derivative_f32(const float *x, float *d, size_t n, float lambd);
act_status act_softshrink_backward_f32(const float *x, const float *dy, float *dx, size_t n, float lambd);
act_status act_softshrink_f64(const double *x, double *y, size_t n, double lambd);
act_status act_softshrink_derivative_f64(const double *x, double *d, size_t n, double lambd);
act_status act_softshrink_backward_f64(const double *x, const double *dy, double *dx, size_t n, double lambd);
act_status act_softshrink_f16(const uint16_t *x, uint16_t *y, size_t n, float lambd);
act_status act_softshrink_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float lambd);
act_status act_softshrink_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float lambd);
act_status act_softshrink_bf16(const uint16_t *x, uint16_t *y, size_t n, float lambd);
act_status act_softshrink_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float lambd);
act_status act_softshrink_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float lambd);

/* ---- hardshrink(lambd) ---------------------------------------------------
 *   f(x)  = x if |x| > lambd, else 0
 *   f'(x) = 1 if |x| > lambd, else 0           (0 at +-lambd: PyTorch)
 *   Parameters: lambd finite, >= 0.  PyTorch's default: 0.5.
 *   Accuracy: exact.
 */
act_status act_hardshrink_f32(const float *x, float *y, size_t n, float lambd);
act_status act_hardshrink_derivative_f32(const float *x, float *d, size_t n, float lambd);
act_status act_hardshrink_backward_f32(const float *x, const float *dy, float *dx, size_t n, float lambd);
act_status act_hardshrink_f64(const double *x, double *y, size_t n, double lambd);
act_status act_hardshrink_derivative_f64(const double *x, double *d, size_t n, double lambd);
act_status act_hardshrink_backward_f64(const double *x, const double *dy, double *dx, size_t n, double lambd);
act_status act_hardshrink_f16(const uint16_t *x, uint16_t *y, size_t n, float lambd);
act_status act_hardshrink_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float lambd);
act_status act_hardshrink_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float lambd);
act_status act_hardshrink_bf16(const uint16_t *x, uint16_t *y, size_t n, float lambd);
act_status act_hardshrink_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float lambd);
act_status act_hardshrink_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float lambd);

/* ---- threshold(threshold, value) -----------------------------------------
 *   f(x)  = x if x > threshold, else value
 *   f'(x) = 1 if x > threshold, else 0         (0 at x == threshold)
 *   Parameters: threshold and value finite; no defaults (PyTorch requires
 *   both).  NaN gives NaN in f and f' (PyTorch's backward passes 0).
 *   Accuracy: exact.
 */
act_status act_threshold_f32(const float *x, float *y, size_t n, float threshold, float value);
act_status act_threshold_derivative_f32(const float *x, float *d, size_t n, float threshold, float value);
act_status act_threshold_backward_f32(const float *x, const float *dy, float *dx,
                                      size_t n, float threshold, float value);
act_status act_threshold_f64(const double *x, double *y, size_t n, double threshold, double value);
act_status act_threshold_derivative_f64(const double *x, double *d, size_t n, double threshold, double value);
act_status act_threshold_backward_f64(const double *x, const double *dy, double *dx,
                                      size_t n, double threshold, double value);
act_status act_threshold_f16(const uint16_t *x, uint16_t *y, size_t n, float threshold, float value);
act_status act_threshold_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float threshold, float value);
act_status act_threshold_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                      size_t n, float threshold, float value);
act_status act_threshold_bf16(const uint16_t *x, uint16_t *y, size_t n, float threshold, float value);
act_status act_threshold_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float threshold, float value);
act_status act_threshold_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                       size_t n, float threshold, float value);

/* ---- silu ----------------------------------------------------------------
 *   f(x)  = x * sigma(x)                      (swish with beta = 1)
 *   f'(x) = sigma(x) + x sigma'(x) = sigma(x) (1 + x (1 - sigma(x)))
 *   PyTorch's silu, TensorFlow's/Keras's swish and silu.  The two-term
 *   sigma and sigma' are multiplied and summed before one rounding, and
 *   before the scaling by exp's power of two, so subnormal results are
 *   rounded once.  f' crosses 0 at x0 = -1.2785 (interior-zero rule above).
 *   Edges: f(-inf) = -0, f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1
 *   (the limits; PyTorch's formula gives NaN at -inf).
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.7794 ulp over all
 *   2^32 inputs, double 0.7816 over 10^7.
 */
act_status act_silu_f32(const float *x, float *y, size_t n);
act_status act_silu_derivative_f32(const float *x, float *d, size_t n);
act_status act_silu_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_silu_f64(const double *x, double *y, size_t n);
act_status act_silu_derivative_f64(const double *x, double *d, size_t n);
act_status act_silu_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_silu_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_silu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_silu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_silu_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_silu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_silu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- swish(beta) ---------------------------------------------------------
 *   f(x)  = x * sigma(beta x)
 *   f'(x) = sigma(beta x) + beta x sigma'(beta x)
 *   beta x is carried exactly as two terms (its rounding alone would cost
 *   |beta x| half-ulps in sigma's tail); otherwise as silu.  f' crosses 0
 *   at x0 = -1.2785 / beta.  beta = 0 gives x / 2 and 1/2.
 *   Parameters: beta finite (else ACT_ERR_PARAMETER); the binding's
 *   default 1 (silu).  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md, beta = 0.7): float 0.7817 ulp over all
 *   2^32 inputs, double 0.6871 over 10^7.  For
 *   |x| > 2^100 with beta x < -174 (float) / -1416 (double) f is flushed
 *   to 0 although its exact value may be a tiny normal number.
 */
act_status act_swish_f32(const float *x, float *y, size_t n, float beta);
act_status act_swish_derivative_f32(const float *x, float *d, size_t n, float beta);
act_status act_swish_backward_f32(const float *x, const float *dy, float *dx, size_t n, float beta);
act_status act_swish_f64(const double *x, double *y, size_t n, double beta);
act_status act_swish_derivative_f64(const double *x, double *d, size_t n, double beta);
act_status act_swish_backward_f64(const double *x, const double *dy, double *dx, size_t n, double beta);
act_status act_swish_f16(const uint16_t *x, uint16_t *y, size_t n, float beta);
act_status act_swish_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float beta);
act_status act_swish_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float beta);
act_status act_swish_bf16(const uint16_t *x, uint16_t *y, size_t n, float beta);
act_status act_swish_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float beta);
act_status act_swish_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float beta);

/* ---- softplus(beta, threshold) -------------------------------------------
 *   f(x)  = log(1 + exp(beta x)) / beta,   or x where fl(beta x) > threshold
 *   f'(x) = sigma(beta x),                 or 1 where fl(beta x) > threshold
 *   PyTorch's softplus(x, beta=1, threshold=20): the switch to x is its,
 *   compared in the element type; the rest is the exact function rounded.
 *   (PyTorch's switch at 20 costs float64 up to ~5.8e5 ulp just beyond it:
 *   log1p(exp(20)) - 20 = 2.06e-9.  Float64 users who want the exact
 *   function everywhere pass threshold = +inf.)  TensorFlow/Keras and JAX
 *   have no beta or threshold (the exact function); ONNX Softplus likewise.
 *   Computed as max(z, 0) + log1p(exp(-|z|)), z = beta x exact in two
 *   terms, divided by beta once: neither tail overflows or cancels.
 *   Edges: f(+inf) = +inf, f(-inf) = +-0 (signed like beta) for beta > 0
 *   (for beta < 0 the roles swap); f'(+inf) = 1, f'(-inf) = 0 (beta > 0).
 *   Parameters: beta finite and non-zero, threshold finite or +inf; else
 *   ACT_ERR_PARAMETER.  Python defaults beta = 1, threshold = 20.
 *   Accuracy (f and f'): <= 1 ulp in both types, for 2^-40 <= |beta| <= 2^40.
 *   Measured (docs/accuracy.md, beta = 1 with threshold 20 and beta = 0.7
 *   with threshold +inf): float 0.7830 ulp over all 2^32 inputs, double
 *   0.7661 over 10^7.
 */
act_status act_softplus_f32(const float *x, float *y, size_t n, float beta, float threshold);
act_status act_softplus_derivative_f32(const float *x, float *d, size_t n, float beta, float threshold);
act_status act_softplus_backward_f32(const float *x, const float *dy, float *dx,
                                     size_t n, float beta, float threshold);
act_status act_softplus_f64(const double *x, double *y, size_t n, double beta, double threshold);
act_status act_softplus_derivative_f64(const double *x, double *d, size_t n, double beta, double threshold);
act_status act_softplus_backward_f64(const double *x, const double *dy, double *dx,
                                     size_t n, double beta, double threshold);
act_status act_softplus_f16(const uint16_t *x, uint16_t *y, size_t n, float beta, float threshold);
act_status act_softplus_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float beta, float threshold);
act_status act_softplus_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                     size_t n, float beta, float threshold);
act_status act_softplus_bf16(const uint16_t *x, uint16_t *y, size_t n, float beta, float threshold);
act_status act_softplus_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float beta, float threshold);
act_status act_softplus_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                      size_t n, float beta, float threshold);

/* ---- logsigmoid ----------------------------------------------------------
 *   f(x)  = log(sigma(x)) = -softplus(-x) = min(x, 0) - log(1 + exp(-|x|))
 *   f'(x) = sigma(-x) = 1 - sigma(x)
 *   PyTorch's logsigmoid, TensorFlow's log_sigmoid, JAX's log_sigmoid.
 *   Stable for both signs: f(x) = x - log1p(e^x) -> x as x -> -inf (no
 *   overflow), f(x) = -e^-x rounded once for x > 40 (subnormal results
 *   included).
 *   Edges: f(-inf) = -inf, f(+inf) = -0, f'(-inf) = 1, f'(+inf) = 0.
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.7798 ulp (f' 0.8025) over all
 *   2^32 inputs, double 0.7652 (f' 0.7823) over 10^7.
 */
act_status act_logsigmoid_f32(const float *x, float *y, size_t n);
act_status act_logsigmoid_derivative_f32(const float *x, float *d, size_t n);
act_status act_logsigmoid_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_logsigmoid_f64(const double *x, double *y, size_t n);
act_status act_logsigmoid_derivative_f64(const double *x, double *d, size_t n);
act_status act_logsigmoid_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_logsigmoid_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_logsigmoid_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_logsigmoid_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_logsigmoid_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_logsigmoid_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_logsigmoid_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- tanhshrink ----------------------------------------------------------
 *   f(x)  = x - tanh(x)
 *   f'(x) = 1 - tanh'(x) = tanh(x)^2
 *   PyTorch's tanhshrink; TensorFlow Addons' tanhshrink; not in JAX or ONNX.
 *   Near 0 the difference cancels (x^3/3 - 2x^5/15 + ...): for |x| < 0.625
 *   it is x^3 P(x^2) with a fitted polynomial, elsewhere x - tanh(x) with
 *   tanh unrounded (two terms).  f is odd, f' even.
 *   Edges: f(+-inf) = +-inf, f(-0) = -0, f'(+-inf) = 1, f'(0) = 0.
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.5005 ulp (f' 0.5000) over all
 *   2^32 inputs, double 0.7426 (f' 0.9445) over 10^7.
 */
act_status act_tanhshrink_f32(const float *x, float *y, size_t n);
act_status act_tanhshrink_derivative_f32(const float *x, float *d, size_t n);
act_status act_tanhshrink_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_tanhshrink_f64(const double *x, double *y, size_t n);
act_status act_tanhshrink_derivative_f64(const double *x, double *d, size_t n);
act_status act_tanhshrink_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_tanhshrink_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_tanhshrink_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_tanhshrink_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_tanhshrink_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_tanhshrink_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_tanhshrink_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- celu(alpha) ---------------------------------------------------------
 *   f(x)  = x if x >= 0, else alpha (exp(x / alpha) - 1)
 *   f'(x) = 1 if x >= 0, else exp(x / alpha)        (f'(0) = 1: PyTorch)
 *   PyTorch's celu(x, alpha=1.0) (= max(0, x) + min(0, alpha (exp(x/alpha)
 *   - 1)) for alpha > 0), JAX's celu(alpha=1.0), ONNX Celu(alpha=1.0);
 *   TensorFlow has none.  alpha = 1 is elu.  x / alpha is carried in two
 *   terms; for alpha < 0 the exponential grows (f(x) -> -inf as x -> -inf)
 *   and is formed as -alpha expm1(-t) q^2 with q = exp(t/2), t = x / alpha,
 *   rounded once.
 *   Edges: f(+inf) = +inf, f'(+inf) = 1; alpha > 0: f(-inf) = -alpha,
 *   f'(-inf) = 0; alpha < 0: f(-inf) = -inf, f'(-inf) = +inf; f(-0) = -0.
 *   Parameters: alpha finite and non-zero (else ACT_ERR_PARAMETER); Python
 *   default 1.0.  Accuracy (f and f'): <= 1 ulp in both types, for
 *   2^-40 <= |alpha| <= 2^40.
 *   Measured (docs/accuracy.md, alpha = 0.6 and -1.5): float 0.8563 ulp
 *   over all 2^32 inputs, double 0.7359 over 10^7.
 */
act_status act_celu_f32(const float *x, float *y, size_t n, float alpha);
act_status act_celu_derivative_f32(const float *x, float *d, size_t n, float alpha);
act_status act_celu_backward_f32(const float *x, const float *dy, float *dx, size_t n, float alpha);
act_status act_celu_f64(const double *x, double *y, size_t n, double alpha);
act_status act_celu_derivative_f64(const double *x, double *d, size_t n, double alpha);
act_status act_celu_backward_f64(const double *x, const double *dy, double *dx, size_t n, double alpha);
act_status act_celu_f16(const uint16_t *x, uint16_t *y, size_t n, float alpha);
act_status act_celu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n, float alpha);
act_status act_celu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float alpha);
act_status act_celu_bf16(const uint16_t *x, uint16_t *y, size_t n, float alpha);
act_status act_celu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n, float alpha);
act_status act_celu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n, float alpha);

/* ---- gelu (exact, erf form) ---------------------------------------------
 *   f(x)  = x Phi(x) = x/2 (1 + erf(x / sqrt 2))
 *   f'(x) = Phi(x) + x phi(x),   phi(x) = exp(-x^2/2) / sqrt(2 pi)
 *   PyTorch's gelu (approximate='none', its default), TensorFlow's
 *   gelu(approximate=False) (its default), JAX's gelu(approximate=False),
 *   ONNX Gelu; the tanh approximation is the separate gelu_tanh.  Computed
 *   from the scaled normal tail G(a) = Phi(-a) exp(a^2/2), a = |x|, one
 *   polynomial in c/(c + a) (no cancellation in either tail; the negative
 *   tail keeps full relative accuracy into the subnormal range, where
 *   x/2 (1 + erf(x/sqrt 2)) would lose everything below x = -6); float
 *   results are computed in double and rounded once.  f' crosses 0 at
 *   x0 = -0.7518 (interior-zero rule above).
 *   Edges: f(-inf) = -0, f(+inf) = +inf, f'(-inf) = -0, f'(+inf) = 1.
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.5172 ulp (f' 0.5164) over all
 *   2^32 inputs, double 0.7395 (f' 0.7485) over 10^7.
 */
act_status act_gelu_f32(const float *x, float *y, size_t n);
act_status act_gelu_derivative_f32(const float *x, float *d, size_t n);
act_status act_gelu_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_gelu_f64(const double *x, double *y, size_t n);
act_status act_gelu_derivative_f64(const double *x, double *d, size_t n);
act_status act_gelu_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_gelu_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_gelu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_gelu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_gelu_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_gelu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_gelu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- gelu_tanh -----------------------------------------------------------
 *   f(x)  = x/2 (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) = x sigma(u),
 *           u = x (c1 + c2 x^2), c1 = 2 sqrt(2/pi), c2 = 0.044715 c1
 *   f'(x) = sigma(u) + x u'(x) sigma'(u),   u'(x) = c1 + 3 c2 x^2
 *   PyTorch's gelu(approximate='tanh'), TensorFlow's gelu(approximate=True),
 *   JAX's gelu default; the exact (erf) GELU is a different function.  The
 *   constants are the exact real numbers (two-term in each type); u and
 *   x u' are two-term values, the results rounded once.  f' crosses 0 at
 *   x0 = -0.7518 (interior-zero rule above).
 *   Edges: f(-inf) = -0, f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1.
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.7906 ulp over all
 *   2^32 inputs, double 0.7556 over 10^7.
 */
act_status act_gelu_tanh_f32(const float *x, float *y, size_t n);
act_status act_gelu_tanh_derivative_f32(const float *x, float *d, size_t n);
act_status act_gelu_tanh_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_gelu_tanh_f64(const double *x, double *y, size_t n);
act_status act_gelu_tanh_derivative_f64(const double *x, double *d, size_t n);
act_status act_gelu_tanh_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_gelu_tanh_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_gelu_tanh_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_gelu_tanh_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_gelu_tanh_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_gelu_tanh_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_gelu_tanh_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- selu ----------------------------------------------------------------
 *   f(x)  = scale * x if x > 0, else scale * alpha * (exp(x) - 1)
 *   f'(x) = scale if x > 0, else scale * alpha * exp(x)  (f'(0) = scale*alpha)
 *   alpha = 1.6732632423543772848..., scale = 1.0507009873554804934...
 *   (Klambauer et al.), exact reals carried as two-term constants, each
 *   result rounded once.  Edges: f(+-0) = +-0, f(-inf) = -scale * alpha,
 *   f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = scale.
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.8318 ulp over all
 *   2^32 inputs, double 0.7614 over 10^7.
 */
act_status act_selu_f32(const float *x, float *y, size_t n);
act_status act_selu_derivative_f32(const float *x, float *d, size_t n);
act_status act_selu_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_selu_f64(const double *x, double *y, size_t n);
act_status act_selu_derivative_f64(const double *x, double *d, size_t n);
act_status act_selu_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_selu_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_selu_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_selu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_selu_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_selu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_selu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ---- mish ----------------------------------------------------------------
 *   f(x)  = x tanh(softplus(x)) = x n / (n + 2),  n = e^x (e^x + 2)
 *   f'(x) = tanh(softplus(x)) + x sech^2(softplus(x)) sigma(x)
 *   Evaluated from exp(-|x|), no overflow, two-term throughout, rounded
 *   once after the products.  f' crosses 0 at x0 = -1.1924 (interior-zero
 *   rule above).
 *   Edges: f(-inf) = -0, f(+inf) = +inf, f'(-inf) = 0, f'(+inf) = 1.
 *   Parameters: none.  Accuracy (f and f'): <= 1 ulp in both types.
 *   Measured (docs/accuracy.md): float 0.8000 ulp over all
 *   2^32 inputs, double 0.8000 over 10^7.
 */
act_status act_mish_f32(const float *x, float *y, size_t n);
act_status act_mish_derivative_f32(const float *x, float *d, size_t n);
act_status act_mish_backward_f32(const float *x, const float *dy, float *dx, size_t n);
act_status act_mish_f64(const double *x, double *y, size_t n);
act_status act_mish_derivative_f64(const double *x, double *d, size_t n);
act_status act_mish_backward_f64(const double *x, const double *dy, double *dx, size_t n);
act_status act_mish_f16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_mish_derivative_f16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_mish_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);
act_status act_mish_bf16(const uint16_t *x, uint16_t *y, size_t n);
act_status act_mish_derivative_bf16(const uint16_t *x, uint16_t *d, size_t n);
act_status act_mish_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t n);

/* ===========================================================================
 * Row functions: row-major, contiguous matrices
 * ======================================================================== */

/* ---- softmax (over each row of a rows x cols matrix) ---------------------
 *   y[r,j] = exp(x[r,j] - m) / sum_k exp(x[r,k] - m),   m = max_k x[r,k]
 *   Backward takes the softmax OUTPUT y:
 *     dx[r,j] = y[r,j] * (dy[r,j] - sum_k dy[r,k] * y[r,k])
 *   Derivative: one cols x cols Jacobian per row, rows x cols x cols in all:
 *     jacobian[r][i][j] = d y[r,i] / d x[r,j] = y[r,i] * (delta_ij - y[r,j])
 *   Special rows: a row containing NaN is all NaN; a row containing +inf
 *   gives its +inf entries equal shares of 1 and the others 0; a row of only
 *   -inf is all NaN.  Sums are compensated and reduced in a fixed order, so
 *   results do not depend on threads.
 *   Shapes: cols == 0 with rows > 0 -> ACT_ERR_SIZE.  The Jacobian output
 *   (rows*cols*cols elements) may equal x only when cols == 1.
 *   Accuracy: forward <= 1 ulp on rows with max - min <= 30, asserted by the
 *   tests (measured max: 0.5492 ulp float, 0.5261 ulp double): each exponent
 *   x_j - m is exact, exponentials and the row sum are two-term values, and
 *   each y_j is rounded once.  Backward and Jacobian within a few eps of
 *   their natural scale y_j * (|dy_j| + sum_k |dy_k y_k|).
 */
act_status act_softmax_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_softmax_backward_f32(const float *y, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_softmax_derivative_f32(const float *x, float *jacobian, size_t rows, size_t cols);
act_status act_softmax_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_softmax_backward_f64(const double *y, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_softmax_derivative_f64(const double *x, double *jacobian, size_t rows, size_t cols);
act_status act_softmax_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_softmax_backward_f16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_softmax_derivative_f16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);
act_status act_softmax_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_softmax_backward_bf16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_softmax_derivative_bf16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);

/* ---- log_softmax (over each row of a rows x cols matrix) -----------------
 *   y[r,j] = (x[r,j] - m) - log(sum_k exp(x[r,k] - m)),   m = max_k x[r,k]
 *          = log(softmax(x)[r,j])
 *   Backward takes the log_softmax OUTPUT y:
 *     dx[r,j] = dy[r,j] - exp(y[r,j]) * sum_k dy[r,k]
 *   Derivative: one cols x cols Jacobian per row, rows x cols x cols in all:
 *     jacobian[r][i][j] = d y[r,i] / d x[r,j] = delta_ij - softmax(x[r])_j
 *   Special rows, the logarithms of softmax's: a row containing NaN is all
 *   NaN; a row of only -inf is all NaN; a row containing +inf gives its k
 *   +inf entries -log(k) (+0 for k = 1) and the others -inf; elsewhere an
 *   entry -inf gives -inf.  The Jacobian is delta_ij minus softmax's
 *   special row (all NaN for the NaN rows).  Backward follows IEEE arithmetic for any y (y > 0
 *   is no output of the forward; exp(+inf) = inf, NaN gives NaN).
 *   Shapes, status codes, aliasing (in place y == x; the Jacobian may
 *   equal x only when cols == 1) and threads: as softmax.
 *   Accuracy: forward <= 1 ulp of y[r,j] on every row (double: plus
 *   cols * 2^-1074 absolute, which matters only for the maximum entry of a
 *   row whose other entries all lie more than about 680 below it: their
 *   terms exp(x - m) are subnormal).  Measured max (pytest against mpmath,
 *   rows of spreads 10^-6 to 10^4, -inf entries, one entry 0.5 to 90 above
 *   the rest): 0.5000 ulp float, 0.5307 ulp double.  x - m is
 *   exact; log(sum) is a double-double (the sum in double, and for a single
 *   maximum the terms below it apart, so that log1p of a tiny rest stays
 *   accurate; the log as k ln 2 + 2 atanh(u), u two-term); the two terms
 *   of y have the same sign, so nothing cancels and y is rounded once.
 *   Backward within a few eps of its natural scale
 *   |dy_j| + exp(y_j) * sum_k |dy_k|; Jacobian within a few eps of
 *   delta_ij + softmax_j.
 */
act_status act_log_softmax_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_log_softmax_backward_f32(const float *y, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_log_softmax_derivative_f32(const float *x, float *jacobian, size_t rows, size_t cols);
act_status act_log_softmax_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_log_softmax_backward_f64(const double *y, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_log_softmax_derivative_f64(const double *x, double *jacobian, size_t rows, size_t cols);
act_status act_log_softmax_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_log_softmax_backward_f16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_log_softmax_derivative_f16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);
act_status act_log_softmax_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_log_softmax_backward_bf16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_log_softmax_derivative_bf16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);

/* ---- softmin (over each row of a rows x cols matrix) ---------------------
 *   y[r,j] = softmax(-x)[r,j] = exp(m - x[r,j]) / sum_k exp(m - x[r,k]),
 *            m = min_k x[r,k]
 *   Backward takes the softmin OUTPUT y:
 *     dx[r,j] = -y[r,j] * (dy[r,j] - sum_k dy[r,k] * y[r,k])
 *   Derivative: one cols x cols Jacobian per row, rows x cols x cols in all:
 *     jacobian[r][i][j] = d y[r,i] / d x[r,j] = -y[r,i] * (delta_ij - y[r,j])
 *   Special rows, softmax's rules on -x: a row containing NaN is all NaN; a
 *   row containing -inf gives its -inf entries equal shares of 1 and the
 *   others 0; a row of only +inf is all NaN.
 *   Shapes, status codes, aliasing and threads: as softmax.
 *   Accuracy: softmax's kernels on -x (negation is exact), so softmax's
 *   bounds: forward <= 1 ulp on rows with max - min <= 30 (measured max:
 *   0.5799 ulp float, 0.5575 ulp double); backward and Jacobian
 *   (softmax's with the sign changed, exactly) within a few eps of their
 *   natural scale.
 */
act_status act_softmin_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_softmin_backward_f32(const float *y, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_softmin_derivative_f32(const float *x, float *jacobian, size_t rows, size_t cols);
act_status act_softmin_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_softmin_backward_f64(const double *y, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_softmin_derivative_f64(const double *x, double *jacobian, size_t rows, size_t cols);
act_status act_softmin_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_softmin_backward_f16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_softmin_derivative_f16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);
act_status act_softmin_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_softmin_backward_bf16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_softmin_derivative_bf16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);

/* ---- softmax_safe (softmax whose rows of only -inf give zeros) -----------
 *   A separate function, not a flag: softmax in every respect (formula,
 *   kernels, bits, accuracy, status codes, aliasing, threads) except that a
 *   row of only -inf -- a fully masked row of attention scores -- gives all
 *   zeros (+0) instead of NaN.  A row containing NaN is still all NaN; a
 *   row containing +inf follows softmax's rule (its +inf entries share 1).
 *   Backward is softmax's, from the output y, bit for bit:
 *     dx[r,j] = y[r,j] * (dy[r,j] - sum_k dy[r,k] * y[r,k])
 *   so a row of y that is all zeros gives dx = 0 (+0 or -0) for finite dy;
 *   an infinite or NaN dy in such a row gives NaN (IEEE 0 * inf).
 *   Derivative: softmax's Jacobian, y[r,i] * (delta_ij - y[r,j]); all zeros
 *   for a row of only -inf.
 *   Elsewhere: PyTorch's softmax has no such option (a row of only -inf is
 *   NaN; its attention math calls the private torch._safe_softmax, which
 *   zeros such rows); JAX's jax.nn.softmax(x, where=mask) and the Keras
 *   Softmax layer's mask argument take a boolean mask instead of -inf.
 */
act_status act_softmax_safe_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_softmax_safe_backward_f32(const float *y, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_softmax_safe_derivative_f32(const float *x, float *jacobian, size_t rows, size_t cols);
act_status act_softmax_safe_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_softmax_safe_backward_f64(const double *y, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_softmax_safe_derivative_f64(const double *x, double *jacobian, size_t rows, size_t cols);
act_status act_softmax_safe_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_softmax_safe_backward_f16(const uint16_t *y, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_softmax_safe_derivative_f16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);
act_status act_softmax_safe_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_softmax_safe_backward_bf16(const uint16_t *y, const uint16_t *dy, uint16_t *dx,
                                          size_t rows, size_t cols);
act_status act_softmax_safe_derivative_bf16(const uint16_t *x, uint16_t *jacobian, size_t rows, size_t cols);

/* ---- maxout(pieces) ------------------------------------------------------
 *   x is rows x (units * pieces); y is rows x units:
 *     y[r,u] = max_k x[r, u*pieces + k],  k = 0 .. pieces-1
 *   The first maximum wins ties (also -0 against +0: its value is returned).
 *   A group containing NaN gives NaN, and the first NaN counts as the maximum.
 *   Derivative (shape of x): 1 at the winning element of each group, 0 elsewhere.
 *   Backward (dy is rows x units, dx has the shape of x):
 *     dx[r, u*pieces + k] = dy[r,u] * derivative[r, u*pieces + k]   (IEEE product)
 *   Parameters: pieces >= 1 (pieces == 0 with work to do -> ACT_ERR_PARAMETER).
 *   Accuracy: exact (the maximum is one of the inputs).
 */
act_status act_maxout_f32(const float *x, float *y, size_t rows, size_t units, size_t pieces);
act_status act_maxout_derivative_f32(const float *x, float *d, size_t rows, size_t units, size_t pieces);
act_status act_maxout_backward_f32(const float *x, const float *dy, float *dx,
                                   size_t rows, size_t units, size_t pieces);
act_status act_maxout_f64(const double *x, double *y, size_t rows, size_t units, size_t pieces);
act_status act_maxout_derivative_f64(const double *x, double *d, size_t rows, size_t units, size_t pieces);
act_status act_maxout_backward_f64(const double *x, const double *dy, double *dx,
                                   size_t rows, size_t units, size_t pieces);
act_status act_maxout_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t units, size_t pieces);
act_status act_maxout_derivative_f16(const uint16_t *x, uint16_t *d, size_t rows, size_t units, size_t pieces);
act_status act_maxout_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                   size_t rows, size_t units, size_t pieces);
act_status act_maxout_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t units, size_t pieces);
act_status act_maxout_derivative_bf16(const uint16_t *x, uint16_t *d, size_t rows, size_t units, size_t pieces);
act_status act_maxout_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                    size_t rows, size_t units, size_t pieces);

/* ---- prelu(weight, num_weights): leaky ReLU with learned slopes ----------
 *   x is rows x channels (row-major); element (r, c) uses w = weight[c] when
 *   num_weights == channels (one slope per channel), w = weight[0] when
 *   num_weights == 1 (one shared slope).  PyTorch's prelu(input, weight),
 *   whose channels are dimension 1: pass rows x channels with the channels
 *   last (e.g. NHWC, or N x C).
 *     f(x)  = x if x >= 0, else w * x       (f(-0) = -0 whatever w, as
 *                                            leaky_relu; PyTorch gives w * -0)
 *     f'(x) = 1 if x > 0,  else w           (f'(0) = w, as leaky_relu and
 *                                            PyTorch's prelu backward)
 *   Backward (one call; dx has x's shape, dweight num_weights values):
 *     dx[r,c]    = dy[r,c] * f'(x[r,c])      (the IEEE product, bitwise)
 *     dweight[k] = sum of dy[r,c] * x[r,c] over the elements using weight k
 *                  with x[r,c] < 0 or NaN; elements with x >= 0 (-0
 *                  included) add nothing.  dweight is OVERWRITTEN (not
 *                  accumulated into); with rows * channels == 0 it is set to
 *                  zeros.
 *   The sums are compensated (each product split exactly by fma, TwoSum for
 *   the additions), so each dweight[k] is its exact value rounded about once
 *   (measured: within 0.5 ulp); their order of addition depends only on the
 *   shape, so the result is bitwise the same for every thread count and
 *   instruction set.  An infinite or NaN sum is returned as the plain IEEE
 *   sum (a NaN x or dy where x < 0 gives NaN; inf * 0 gives NaN).
 *   Parameters: num_weights == 1 or num_weights == channels (anything else
 *   -> ACT_ERR_PARAMETER); every weight finite (else ACT_ERR_PARAMETER, all
 *   checked before anything is written).  Zero and negative slopes are
 *   allowed.  PyTorch's module initializes the slopes to 0.25.
 *   Edges: f(+inf) = +inf, f(-inf) = w * -inf (NaN for w = 0);
 *   f(NaN) = NaN, f'(NaN) = NaN.
 *   Checks: size first (rows * channels as for the row functions, and
 *   num_weights * sizeof(T) <= PTRDIFF_MAX).  Nothing to compute: forward
 *   and derivative with rows * channels == 0; backward only with
 *   rows * channels == 0 and num_weights == 0 (it has gradients to write
 *   otherwise).  y, d and dx may be x itself (dx also dy) and may equal
 *   weight only exactly (same address and length); dweight must not
 *   overlap any other array at all (else ACT_ERR_OVERLAP).
 *   Accuracy: exact for f, f' and dx (one correctly rounded product);
 *   dweight as above.
 */
act_status act_prelu_f32(const float *x, float *y, size_t rows, size_t channels,
                         const float *weight, size_t num_weights);
act_status act_prelu_derivative_f32(const float *x, float *d, size_t rows, size_t channels,
                                    const float *weight, size_t num_weights);
act_status act_prelu_backward_f32(const float *x, const float *dy, float *dx, float *dweight,
                                  size_t rows, size_t channels, const float *weight, size_t num_weights);
act_status act_prelu_f64(const double *x, double *y, size_t rows, size_t channels,
                         const double *weight, size_t num_weights);
act_status act_prelu_derivative_f64(const double *x, double *d, size_t rows, size_t channels,
                                    const double *weight, size_t num_weights);
act_status act_prelu_backward_f64(const double *x, const double *dy, double *dx, double *dweight,
                                  size_t rows, size_t channels, const double *weight, size_t num_weights);
act_status act_prelu_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t channels,
                         const uint16_t *weight, size_t num_weights);
act_status act_prelu_derivative_f16(const uint16_t *x, uint16_t *d, size_t rows, size_t channels,
                                    const uint16_t *weight, size_t num_weights);
act_status act_prelu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, uint16_t *dweight,
                                  size_t rows, size_t channels, const uint16_t *weight, size_t num_weights);
act_status act_prelu_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t channels,
                          const uint16_t *weight, size_t num_weights);
act_status act_prelu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t rows, size_t channels,
                                     const uint16_t *weight, size_t num_weights);
act_status act_prelu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, uint16_t *dweight,
                                   size_t rows, size_t channels, const uint16_t *weight, size_t num_weights);

/* ---- gated linear units: glu, swiglu, geglu ------------------------------
 *   x is rows x (2 * cols): each row is [a | b], a = x[r, 0 .. cols-1],
 *   b = x[r, cols .. 2*cols-1] (PyTorch's glu(x, dim=-1) split).  y is
 *   rows x cols:
 *     glu:     y = a * sigma(b)                  g = sigma = 1 / (1 + exp(-b))
 *     swiglu:  y = a * silu(b) = a * b * sigma(b)   g = silu
 *     geglu:   y = a * gelu(b)                   g = gelu, the exact (erf) form
 *   (PyTorch's glu; swiglu and geglu as in Shazeer's "GLU variants", the
 *   gate applied to the second half, beta = 1.)
 *   Derivative (x's shape): the two partials of y[r,j],
 *     d[r, j]        = dy/da = g(b)
 *     d[r, cols + j] = dy/db = a * g'(b)
 *   (sigma' = sigma (1 - sigma); silu' = sigma + b sigma';
 *   gelu' = Phi + b phi, see gelu).
 *   Backward (dy rows x cols, dx x's shape): dx = dy[r,j] * d in both halves,
 *   the IEEE product, bitwise equal to multiplying the derivative by dy.
 *   a * g(b) and a * g'(b) are formed from the two-term sigma (and, for
 *   swiglu, the exact two-term a * b) before the final scaling by exp's
 *   power of two, and rounded once: subnormal results included.  geglu is
 *   computed as gelu (in double lanes), with a folded into its final
 *   products (a * b two-term), rounded once.
 *   Special values: NaN in a or b gives NaN in y and in dy/db; dy/da = g(b)
 *   is NaN only for NaN b.  Where a or b is infinite the results are the
 *   IEEE products of a with the exact gate values and their limits
 *   (sigma(-inf) = 0, sigma(+inf) = 1, silu(-inf) = gelu(-inf) = -0,
 *   silu(+inf) = gelu(+inf) = +inf, gelu'(+inf) = 1,
 *   g'(-inf) = 0, sigma'(+inf) = 0, silu'(+inf) = 1): glu(inf, b) = inf for
 *   every b > -inf however small sigma(b) is, glu(inf, -inf) = NaN
 *   (inf * 0), glu(a, -inf) = 0 signed like a.  a = +-0 gives zeros signed
 *   as the product.
 *   Shapes: rows * 2 * cols overflowing -> ACT_ERR_SIZE; cols == 0 with
 *   rows > 0 -> ACT_ERR_SIZE (as softmax); rows == 0 -> ACT_OK.  y is
 *   shorter than x, so y == x is ACT_ERR_OVERLAP (writing rows over later
 *   rows' inputs is not safe with threads); d and dx may be x itself (in
 *   place: each pair is read before its outputs are written); dx == dy
 *   (a different length) is ACT_ERR_OVERLAP.
 *   Parameters: none.
 *   Accuracy (y and both partials), asserted by the tests: <= 1 ulp in both
 *   types.  Measured against mpmath (Tests/python/test_gated.py: a over 80
 *   binades and subnormals, b through the tails where the results are
 *   subnormal), largest of y, dy/da, dy/db: glu float 0.6558, 0.7239,
 *   0.6558, double 0.6590, 0.7417, 0.6590; swiglu float 0.6199, 0.7355,
 *   0.6680, double 0.6878, 0.7196, 0.6239.
 *   geglu float 0.5101, 0.5097, 0.5000, double 0.5253, 0.5208, 0.5329.
 *   swiglu's dy/db = a silu'(b) crosses 0 at b0 = -1.2785 (geglu's at
 *   b0 = -0.7518): within
 *   |b - b0| <= 1/4 the bound is |a| times 1 ulp of 2^-4 (the interior-zero
 *   rule above).  Limits: for |a| (glu) or |a b| (swiglu) above 2^100 with
 *   b below -174 (float) / -1416 (double) the result is flushed to 0
 *   although its exact value may be a tiny nonzero number (as swish); where
 *   a * b overflows T, swiglu scales a by 2^-63 (float) / 2^-511 (double)
 *   first, and results below the normal range are then rounded twice.
 */
act_status act_glu_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_glu_derivative_f32(const float *x, float *d, size_t rows, size_t cols);
act_status act_glu_backward_f32(const float *x, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_glu_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_glu_derivative_f64(const double *x, double *d, size_t rows, size_t cols);
act_status act_glu_backward_f64(const double *x, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_glu_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_glu_derivative_f16(const uint16_t *x, uint16_t *d, size_t rows, size_t cols);
act_status act_glu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_glu_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_glu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t rows, size_t cols);
act_status act_glu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_swiglu_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_swiglu_derivative_f32(const float *x, float *d, size_t rows, size_t cols);
act_status act_swiglu_backward_f32(const float *x, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_swiglu_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_swiglu_derivative_f64(const double *x, double *d, size_t rows, size_t cols);
act_status act_swiglu_backward_f64(const double *x, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_swiglu_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_swiglu_derivative_f16(const uint16_t *x, uint16_t *d, size_t rows, size_t cols);
act_status act_swiglu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_swiglu_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_swiglu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t rows, size_t cols);
act_status act_swiglu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_geglu_f32(const float *x, float *y, size_t rows, size_t cols);
act_status act_geglu_derivative_f32(const float *x, float *d, size_t rows, size_t cols);
act_status act_geglu_backward_f32(const float *x, const float *dy, float *dx, size_t rows, size_t cols);
act_status act_geglu_f64(const double *x, double *y, size_t rows, size_t cols);
act_status act_geglu_derivative_f64(const double *x, double *d, size_t rows, size_t cols);
act_status act_geglu_backward_f64(const double *x, const double *dy, double *dx, size_t rows, size_t cols);
act_status act_geglu_f16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_geglu_derivative_f16(const uint16_t *x, uint16_t *d, size_t rows, size_t cols);
act_status act_geglu_backward_f16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);
act_status act_geglu_bf16(const uint16_t *x, uint16_t *y, size_t rows, size_t cols);
act_status act_geglu_derivative_bf16(const uint16_t *x, uint16_t *d, size_t rows, size_t cols);
act_status act_geglu_backward_bf16(const uint16_t *x, const uint16_t *dy, uint16_t *dx, size_t rows, size_t cols);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ACTIVATIONS_H */
