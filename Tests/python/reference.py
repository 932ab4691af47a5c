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


def softmax_row(row):
    """Exact softmax of one row of representable numbers (a list of mpf)."""
    top = max(row)
    e = [mp.exp(v - top) for v in row]
    total = mp.fsum(e)
    return [v / total for v in e]


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
    non-finite result of a finite exact value is inf.
    """
    dtype = np.dtype(dtype)
    errors = np.empty(len(reference))
    for k, (value, ref) in enumerate(zip(np.ravel(got), reference)):
        if ref == 0:
            errors[k] = 0.0 if value == 0 else math.inf
        elif not np.isfinite(value):
            errors[k] = math.inf
        else:
            errors[k] = float(abs(mp.mpf(float(value)) - ref) / ulp(ref, dtype))
    return errors
