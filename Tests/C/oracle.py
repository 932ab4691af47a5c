"""The bridge between the C test program and the document's numpy snippets.

Tests/C/test_activations embeds CPython, imports this module and calls
reference(...) once per library call it checks.  The snippets themselves live
in ONE file, Tests/python/snippets.py (shared with the pytest suite): the
document's sigmoid and tanh as written, its relu and leaky_relu CORRECTED
(relu takes `a` but reads `z`; leaky_relu hard-codes 0.1 instead of alpha),
the derivatives of its tables, and plain numpy formulations for rrelu,
softmax and maxout, which the document names only as headings (softmin,
the safe softmax and log_softmax are formulas here, beside softmax's).

No expected number is typed by hand anywhere: every reference value is
computed by those snippets from the very inputs the library was given.

Working type.  A snippet runs in a type W wider than the tested type T
(float64 for the float32 functions, long double for the float64 ones) and its
result is rounded to T.  The exact functions (EXACT) run in T itself: their
only rounding is one product (alpha * z, a * z, dy * f'), which numpy rounds
correctly in T -- in a wider type it would be rounded twice.

Scale.  Where a formula subtracts nearly equal terms (1 - S, 1 - tanh^2,
e^z - 1, dy - sum(dy * y)) its own error is about eps_W times the size of
those terms.  reference() returns that size per value as `scale`; the C test
adds a few eps_W * scale to its tolerance (and, for softmax backward and
Jacobian, judges the library on eps_T * scale, as the header does).
"""

import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "python"))
import snippets as s  # noqa: E402  (Tests/python/snippets.py)

EXACT = {"relu", "leaky_relu", "rrelu", "maxout"}

# Elementwise: name -> (f, f', parameters, scale of f, scale of f').
# "slopes" stands for rrelu's a_i, computed from lower, upper, training, seed.
# A scale of None: no cancellation (the ulps tolerance alone applies).
ELEMENTWISE = {
    "sigmoid":    (s.sigmoid, s.sigmoid_derivative, (),
                   None, lambda z: s.sigmoid(z)),          # S * (1 - S)
    "tanh":       (s.tanh, s.tanh_derivative, (),
                   None, lambda z: np.ones_like(z)),       # 1 - tanh^2
    "relu":       (s.relu, s.relu_derivative, (), None, None),
    "leaky_relu": (s.leaky_relu, s.leaky_relu_derivative, ("alpha",), None, None),
    "elu":        (s.elu, s.elu_derivative, ("alpha",),
                   lambda z, alpha: np.where(z > 0, 0, abs(alpha)),  # e^z - 1
                   None),
    "rrelu":      (s.rrelu, s.rrelu_derivative, ("slopes",), None, None),
}

EXACT |= {"hardtanh", "relu6", "softshrink", "hardshrink", "threshold"}


# The functions beyond the document: plain numpy formulas in the working
# type W (constants parsed from decimal strings, so they carry W's
# precision), written without cancellation where it matters (x * sigma(u)
# as x / (1 + exp(-u))), with a scale where a sum of terms cancels.
def _sigma(z):
    return 1 / (1 + np.exp(-z))


def _const(text, like):
    return np.asarray(text, dtype=like.dtype) if like.dtype == np.longdouble else like.dtype.type(float(text))


def _c1(x):
    pi = _const("3.14159265358979323846264338327950288", x)
    return 2 * np.sqrt(2 / pi)


def _gelu_u(x):
    c1 = _c1(x)
    return x * (c1 + c1 * _const("0.044715", x) * x * x)


def _gelu_du(x):
    c1 = _c1(x)
    return c1 + 3 * c1 * _const("0.044715", x) * x * x


_SELU_ALPHA = "1.6732632423543772848170429916717"
_SELU_SCALE = "1.0507009873554804934193349852946"


def _selu(x):
    scale, alpha = _const(_SELU_SCALE, x), _const(_SELU_ALPHA, x)
    return np.where(x > 0, scale * x, scale * alpha * np.expm1(np.minimum(x, 0)))


def _selu_derivative(x):
    scale, alpha = _const(_SELU_SCALE, x), _const(_SELU_ALPHA, x)
    return np.where(x > 0, scale, scale * alpha * np.exp(np.minimum(x, 0)))


def _mish_parts(x):
    e = np.exp(x)
    n = e * (e + 2)
    return n / (n + 2), 4 * e * (1 + e) / (n + 2) ** 2


def _swish_derivative(x, beta):
    z = beta * x
    return _sigma(z) + z * _sigma(z) * _sigma(-z)


ELEMENTWISE.update({
    "hardtanh":    (lambda z, lo, hi: np.where(z < lo, lo, np.where(z > hi, hi, z)),
                    lambda z, lo, hi: ((z > lo) & (z < hi)).astype(z.dtype), ("lower", "upper"), None, None),
    "relu6":       (lambda z: np.where(z <= 0, 0, np.where(z > 6, 6, z)).astype(z.dtype),
                    lambda z: ((z > 0) & (z < 6)).astype(z.dtype), (), None, None),
    "hardsigmoid": (lambda z: np.where(z <= -3, 0, np.where(z >= 3, 1, (z + 3) / 6)),
                    lambda z: np.where((z > -3) & (z < 3), z.dtype.type(1) / 6, 0), (), None, None),
    "hardswish":   (lambda z: np.where(z <= -3, -z.dtype.type(0), np.where(z >= 3, z, z * (z + 3) / 6)),
                    lambda z: np.where(z <= -3, 0, np.where(z >= 3, 1, (2 * z + 3) / 6)), (), None, None),
    "softsign":    (lambda z: z / (1 + np.abs(z)), lambda z: 1 / (1 + np.abs(z)) ** 2, (), None, None),
    "softshrink":  (lambda z, l: np.where(z > l, z - l, np.where(z < -l, z + l, 0)).astype(z.dtype),
                    lambda z, l: (np.abs(z) > l).astype(z.dtype), ("alpha",), None, None),
    "hardshrink":  (lambda z, l: np.where(np.abs(z) > l, z, 0).astype(z.dtype),
                    lambda z, l: (np.abs(z) > l).astype(z.dtype), ("alpha",), None, None),
    "threshold":   (lambda z, t, v: np.where(z > t, z, v).astype(z.dtype),
                    lambda z, t, v: (z > t).astype(z.dtype), ("lower", "upper"), None, None),
    "silu":        (lambda z: z * _sigma(z), lambda z: _swish_derivative(z, 1),
                    (), None, lambda z: _sigma(z) * (1 + np.abs(z) * _sigma(-z))),
    "swish":       (lambda z, b: z * _sigma(b * z), _swish_derivative,
                    ("alpha",), None, lambda z, b: _sigma(b * z) * (1 + np.abs(b * z) * _sigma(-b * z))),
    "gelu_tanh":   (lambda z: z * _sigma(_gelu_u(z)),
                    lambda z: _sigma(_gelu_u(z)) + z * _gelu_du(z) * _sigma(_gelu_u(z)) * _sigma(-_gelu_u(z)),
                    (), None,
                    lambda z: _sigma(_gelu_u(z)) * (1 + np.abs(z * _gelu_du(z)) * _sigma(-_gelu_u(z)))),
    "selu":        (_selu, _selu_derivative, (), None, None),
    "mish":        (lambda z: z * _mish_parts(z)[0], lambda z: _mish_parts(z)[0] + z * _mish_parts(z)[1],
                    (), None, lambda z: _mish_parts(z)[0] + np.abs(z * _mish_parts(z)[1])),
})


# Functions whose plain formulas in W would not be accurate enough (erfc's
# argument x / sqrt(2), rounded in W, costs ~x^2 ulps in the tail): computed
# element by element in mpmath and rounded to W.
def _in_mpmath(fn, z):
    import mpmath as mp

    mp.mp.dps = 40
    to_w = (lambda v: np.longdouble(mp.nstr(v, 30))) if z.dtype == np.longdouble else float
    return np.array([to_w(fn(mp.mpf(float(v)))) for v in z.ravel()], dtype=z.dtype).reshape(z.shape)


def _gelu(x):
    import mpmath as mp

    return _in_mpmath(lambda v: v * mp.ncdf(v), x)


def _gelu_derivative(x):
    import mpmath as mp

    return _in_mpmath(lambda v: mp.ncdf(v) + v * mp.npdf(v), x)


def _stable_sigma(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _log1p_exp(z):
    """log(1 + e^z) without overflow or cancellation."""
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def _softplus(x, beta, threshold):
    z = beta * x
    return np.where(z > threshold, x, _log1p_exp(z) / beta)


def _softplus_derivative(x, beta, threshold):
    z = beta * x
    return np.where(z > threshold, 1, _stable_sigma(z)).astype(x.dtype)


ELEMENTWISE.update({
    "gelu": (_gelu, _gelu_derivative, (), None, None),
    "softplus": (_softplus, _softplus_derivative, ("lower", "upper"), None, None),
    "logsigmoid": (lambda z: -_log1p_exp(-z), lambda z: _stable_sigma(-z), (), None, None),
    # x - tanh(x) cancels near 0: its scale is |x|.
    "tanhshrink": (lambda z: z - np.tanh(z), lambda z: np.tanh(z) ** 2, (), lambda z: np.abs(z), None),
    "celu": (lambda z, a: np.where(z >= 0, z, a * np.expm1(np.minimum(z, 0) / a)),
             lambda z, a: np.where(z >= 0, 1, np.exp(np.minimum(z, 0) / a)).astype(z.dtype),
             ("alpha",), None, None),
})


def _split(name):
    """'elu_backward' -> ('elu', 'backward')."""
    for variant in ("derivative", "backward"):
        if name.endswith("_" + variant):
            return name[: -len(variant) - 1], variant
    return name, "forward"


def _elementwise(family, variant, T, W, params, x, dy):
    f, fprime, names, f_scale, fprime_scale = ELEMENTWISE[family]
    args = []
    for p in names:
        if p == "slopes":
            a = s.rrelu_slopes(x.size, params["lower"], params["upper"],
                               params["training"], params["seed"], T)
            args.append(a.astype(W))
        else:
            args.append(W(T.type(params[p])))
    zero = np.zeros_like(x)
    if variant == "forward":
        return f(x, *args), (zero if f_scale is None else f_scale(x, *args))
    d = fprime(x, *args)
    scale = zero if fprime_scale is None else fprime_scale(x, *args)
    if variant == "derivative":
        return d, scale
    return dy * d, np.abs(dy) * scale  # backward: dx = dy * f'(x)


# softmin is softmax of -x, and its backward and Jacobian are softmax's times
# -1; the safe softmax is softmax on rows that are not all -inf (the C test's
# random rows); log_softmax has its own formulas below.
SOFTMAX_SIGNS = {"softmax": 1, "softmin": -1, "softmax_safe": 1}


def _softmax(family, variant, x, dy, rows, cols):
    x = x.reshape(rows, cols)
    if family == "log_softmax":
        return _log_softmax(variant, x, dy, rows, cols)
    sign = SOFTMAX_SIGNS[family]
    if variant == "forward":
        return s.softmax(sign * x), np.zeros_like(x)
    if variant == "backward":  # x holds the forward's output y here
        dy = dy.reshape(rows, cols)
        natural = x * (np.abs(dy) + np.sum(np.abs(dy * x), axis=-1, keepdims=True))
        return sign * s.softmax_backward(x, dy), natural
    y = s.softmax(sign * x)
    eye = np.eye(cols, dtype=x.dtype)
    return sign * s.softmax_jacobian(sign * x), y[:, :, None] * (eye + y[:, None, :])


def _log_softmax(variant, x, dy, rows, cols):
    """y = (x - max) - log(sum exp(x - max)), log(sum) as log1p of the terms
    other than one maximum (a log of 1 + tiny in W would lose tiny's digits);
    backward dy - exp(y) sum(dy) from the output y; Jacobian delta_ij - softmax_j."""
    if variant == "backward":  # x holds the forward's output y here
        dy = dy.reshape(rows, cols)
        p = np.exp(x)
        total = np.sum(dy, axis=-1, keepdims=True)
        natural = np.abs(dy) + p * np.sum(np.abs(dy), axis=-1, keepdims=True)
        return dy - p * total, natural
    d = x - x.max(axis=-1, keepdims=True)
    e = np.exp(d)
    if variant == "forward":
        others = e.copy()
        others[np.arange(rows), np.argmax(x, axis=-1)] = 0
        return d - np.log1p(np.sum(others, axis=-1, keepdims=True)), np.zeros_like(x)
    p = e / np.sum(e, axis=-1, keepdims=True)
    eye = np.eye(cols, dtype=x.dtype)
    return eye - p[:, None, :], eye + p[:, None, :]


def _maxout(variant, x, dy, rows, units, pieces):
    x = x.reshape(rows, units * pieces)
    if variant == "forward":
        ref = s.maxout(x, pieces)
    elif variant == "derivative":
        ref = s.maxout_derivative(x, pieces)
    else:
        ref = s.maxout_backward(x, dy.reshape(rows, units), pieces)
    return ref, np.zeros_like(ref)


def _gated(family, variant, x, dy, rows, cols):
    """glu, swiglu and geglu in the working type: x = [a | b] per row."""
    x = x.reshape(rows, 2 * cols)
    a, b = x[:, :cols], x[:, cols:]
    s_b, s_minus = _sigma(b), _sigma(-b)
    if family == "glu":
        gate, slope, slope_scale = s_b, a * s_b * s_minus, np.zeros_like(a)
        value = a * s_b
    elif family == "geglu":  # gelu and gelu' from mpmath (their plain formulas lose the tail)
        gate, derivative_b = _gelu(b), _gelu_derivative(b)
        slope, slope_scale = a * derivative_b, np.zeros_like(a)
        value = a * gate
    else:  # swiglu: silu(b) = b sigma(b), silu'(b) = sigma(b) (1 + b sigma(-b)), which cancels near -1.28
        gate, slope = b * s_b, a * s_b * (1 + b * s_minus)
        slope_scale = np.abs(a) * s_b * (1 + np.abs(b) * s_minus)
        value = a * b * s_b
    if variant == "forward":
        return value, np.zeros_like(value)
    derivative = np.concatenate([gate, slope], axis=1)
    scale = np.concatenate([np.zeros_like(gate), slope_scale], axis=1)
    if variant == "derivative":
        return derivative, scale
    dy = np.tile(dy.reshape(rows, cols), 2)
    return dy * derivative, np.abs(dy) * scale


def _prelu(variant, x, dy, rows, channels, weights):
    """prelu in T (exact): the C wrappers' weights PRELU_WEIGHT(k) = 0.25 - 0.125 (k mod 7)."""
    k = np.arange(weights)
    w = (0.25 - 0.125 * (k % 7)).astype(x.dtype)
    x = x.reshape(rows, channels)
    w = w if weights == channels and weights > 1 else np.full(channels, w[0], x.dtype)
    if variant == "forward":
        ref = np.where(x >= 0, x, w * x)
    else:
        ref = np.where(x > 0, x.dtype.type(1), w)
        if variant == "backward":
            ref = dy.reshape(rows, channels) * ref
    return ref, np.zeros_like(ref)


EXACT.add("prelu")


def reference(name, dtype, shape, params, in0, in1=None):
    """The snippets' result for one library call.

    name    the function without act_ and _f32/_f64 ("elu_backward")
    dtype   "f" (float32) or "d" (float64): the tested type T
    shape   (n,) | (rows, cols) | (rows, units, pieces)
    params  dict of alpha, lower, upper, training, seed (values of T)
    in0     bytes of the first input (x, or y for softmax_backward)
    in1     bytes of dy for the backward functions, else None
    Returns (bytes of the reference in T, bytes of the scale in float64).
    """
    T = np.dtype(dtype)
    family, variant = _split(name)
    if family in EXACT:
        W = T.type
    else:
        W = np.float64 if T == np.float32 else np.longdouble
    x = np.frombuffer(in0, dtype=T).astype(W)
    dy = None if in1 is None else np.frombuffer(in1, dtype=T).astype(W)
    with np.errstate(all="ignore"):  # inf * 0 and overflow are part of the tests
        if family in ELEMENTWISE:
            ref, scale = _elementwise(family, variant, T, W, params, x, dy)
        elif family in SOFTMAX_SIGNS or family == "log_softmax":
            ref, scale = _softmax(family, variant, x, dy, *shape)
        elif family == "maxout":
            ref, scale = _maxout(variant, x, dy, *shape)
        elif family in ("glu", "swiglu", "geglu"):
            ref, scale = _gated(family, variant, x, dy, *shape)
        elif family == "prelu":
            ref, scale = _prelu(variant, x, dy, *shape)
        else:
            raise KeyError("no snippet for " + name)
        ref = np.asarray(ref, dtype=W)
        scale = np.broadcast_to(scale, ref.shape).astype(np.float64).ravel()
        ref = ref.ravel().astype(T)
    return ref.tobytes(), scale.tobytes()
