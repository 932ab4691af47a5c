"""High-precision references (mpmath, 50 digits) and ULP error measurement.

Inputs are converted exactly (mpf(float(x))); each reference is the exact
function of that representable input, in closed forms that stay accurate in
the tails (e.g. tanh'(x) = 4 e / (1 + e)^2 with e = exp(-2|x|), never
1 - tanh^2, which cancels to 0 even at 50 digits once |x| > 58).
"""

import math

import mpmath
import numpy as np

mp = mpmath.mp
mp.dps = 50


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def sigmoid_derivative(x):
    e = mp.exp(-abs(x))
    return e / (1 + e) ** 2


def tanh(x):
    return mp.tanh(x)


def tanh_derivative(x):
    e = mp.exp(-2 * abs(x))
    return 4 * e / (1 + e) ** 2


def elu(x, alpha):
    return x if x > 0 else alpha * mp.expm1(x)


def elu_derivative(x, alpha):
    return mp.mpf(1) if x > 0 else alpha * mp.exp(x)


# The modern family (PyTorch's definitions, exact constants).

def silu(x):
    return x * sigmoid(x)


def silu_derivative(x):
    return sigmoid(x) + x * sigmoid_derivative(x)


def swish(x, beta):
    return x * sigmoid(beta * x)


def swish_derivative(x, beta):
    return sigmoid(beta * x) + beta * x * sigmoid_derivative(beta * x)



def _ncdf(x):
    """Phi(x); beyond |x| = 40 (where mpmath's erfc overflows for huge
    arguments) from the tail series Phi(-a) = phi(a) / a (1 - 1/a^2 + 3/a^4),
    relative error below 1e-7 there, far beyond what any result keeps."""
    if abs(x) <= 40:
        return mp.ncdf(x)
    a = abs(x)
    tail = mp.npdf(a) / a * (1 - 1 / a**2 + 3 / a**4)
    return tail if x < 0 else 1 - tail


def softplus(x, beta=1, threshold=20):
    z = mp.mpf(beta) * x
    if z > threshold:
        return x
    return mp.log1p(mp.exp(z)) / beta


def softplus_derivative(x, beta=1, threshold=20):
    z = mp.mpf(beta) * x
    return mp.mpf(1) if z > threshold else sigmoid(z)


def logsigmoid(x):
    return -mp.log1p(mp.exp(-x))


def logsigmoid_derivative(x):
    return sigmoid(-x)


def tanhshrink(x):
    """x - tanh(x); below 1e-3 from its series (the difference would cancel
    at any fixed working precision for tiny x; the x^13 term is below
    1e-36 relative there)."""
    if abs(x) < mp.mpf("1e-3"):
        s = x * x
        return x * s * (mp.mpf(1) / 3 - s * (mp.mpf(2) / 15 - s * (mp.mpf(17) / 315 - s * (
            mp.mpf(62) / 2835 - s * mp.mpf(1382) / 155925))))
    return x - mp.tanh(x)


def tanhshrink_derivative(x):
    return mp.tanh(x) ** 2


def celu(x, alpha):
    return x if x >= 0 else alpha * mp.expm1(x / alpha)


def celu_derivative(x, alpha):
    return mp.mpf(1) if x >= 0 else mp.exp(x / alpha)


def gelu(x):
    return x * _ncdf(x)


def gelu_derivative(x):
    return _ncdf(x) + x * mp.npdf(x)

_C1 = 2 * mp.sqrt(2 / mp.pi)
_C2 = _C1 * mp.mpf("0.044715")


def gelu_tanh(x):
    return x * sigmoid(x * (_C1 + _C2 * x * x))


def gelu_tanh_derivative(x):
    u = x * (_C1 + _C2 * x * x)
    return sigmoid(u) + x * (_C1 + 3 * _C2 * x * x) * sigmoid_derivative(u)


_SELU_ALPHA = mp.mpf("1.6732632423543772848170429916717")
_SELU_SCALE = mp.mpf("1.0507009873554804934193349852946")


def selu(x):
    return _SELU_SCALE * x if x > 0 else _SELU_SCALE * _SELU_ALPHA * mp.expm1(x)


def selu_derivative(x):
    return _SELU_SCALE if x > 0 else _SELU_SCALE * _SELU_ALPHA * mp.exp(x)


def _mish_parts(x):
    e = mp.exp(x)
    n = e * (e + 2)
    return n / (n + 2), 4 * e * (1 + e) / (n + 2) ** 2


def mish(x):
    return x * _mish_parts(x)[0]


def mish_derivative(x):
    t, g = _mish_parts(x)
    return t + x * g


def softsign(x):
    return x / (1 + abs(x))


def softsign_derivative(x):
    return 1 / (1 + abs(x)) ** 2


def hardsigmoid(x):
    return mp.mpf(0) if x <= -3 else mp.mpf(1) if x >= 3 else (x + 3) / 6


def hardsigmoid_derivative(x):
    return mp.mpf(1) / 6 if -3 < x < 3 else mp.mpf(0)


def hardswish(x):
    return mp.mpf(0) if x <= -3 else x if x >= 3 else x * (x + 3) / 6


def hardswish_derivative(x):
    return mp.mpf(0) if x <= -3 else mp.mpf(1) if x >= 3 else (2 * x + 3) / 6


def softmax_row(row):
    """Exact softmax of one row of representable numbers (a list of mpf)."""
    top = max(row)
    e = [mp.exp(v - top) for v in row]
    total = mp.fsum(e)
    return [v / total for v in e]


def log_softmax_row(row):
    """Exact log_softmax of one row of representable numbers (a list of mpf).

    log(sum) is log1p of the terms other than one maximum, so it stays
    exact when those terms are far below the maximum's exp(0) = 1 (a
    plain log(1 + tiny) at 50 digits would round tiny away).
    """
    top = max(row)
    first = row.index(top)
    log_sum = mp.log1p(mp.fsum(mp.exp(v - top) for k, v in enumerate(row) if k != first))
    return [(v - top) - log_sum for v in row]


def softmin_row(row):
    """Exact softmin of one row: softmax of the negated row."""
    return softmax_row([-v for v in row])


def exact(values):
    """numpy float values -> mpf, exactly."""
    return [mp.mpf(float(v)) for v in np.ravel(values)]


def ulp(ref, dtype):
    """The unit in the last place of the exact value `ref` rounded to dtype.

    That is the spacing of dtype in the binade of the rounded value, clamped
    to the subnormal spacing below the smallest normal and to the top binade.
    """
    info = np.finfo(dtype)
    with np.errstate(over="ignore"):
        rounded = float(dtype.type(float(ref)))  # float() rounds to nearest double
    if rounded == 0 or not math.isfinite(rounded):
        exponent = mp.frexp(ref)[1] - 1
    else:
        exponent = math.frexp(rounded)[1] - 1
    exponent = min(max(exponent, info.minexp), info.maxexp - 1)
    return math.ldexp(1.0, exponent - info.nmant)


def ulp_errors(got, reference, dtype):
    """|got - exact| / ulp(exact) for each element (see ulp()).

    An exact zero must be matched exactly (else the error is inf); a
    non-finite result of a finite exact value is inf, unless the exact value
    overflows dtype (rounds to an infinity of its sign: then that infinity
    is the correctly rounded result and its error is 0).
    """
    dtype = np.dtype(dtype)
    info = np.finfo(dtype)
    # Round to nearest: beyond max + ulp(max)/2 every value rounds to inf.
    overflow = mp.mpf(float(info.max)) * (1 + mp.mpf(float(info.eps)) / 4)
    errors = np.empty(len(reference))
    for k, (value, ref) in enumerate(zip(np.ravel(got), reference)):
        if ref == 0:
            errors[k] = 0.0 if value == 0 else math.inf
        elif not np.isfinite(value):
            correct = np.isinf(value) and abs(ref) >= overflow and (value > 0) == (ref > 0)
            errors[k] = 0.0 if correct else math.inf
        else:
            errors[k] = float(abs(mp.mpf(float(value)) - ref) / ulp(ref, dtype))
    return errors
