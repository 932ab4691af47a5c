"""The bridge between the C test program and the document's numpy snippets.

Tests/C/test_activations embeds CPython, imports this module and calls
reference(...) once per library call it checks.  The snippets themselves live
in ONE file, Tests/python/snippets.py (shared with the pytest suite): the
document's sigmoid and tanh as written, its relu and leaky_relu CORRECTED
(relu takes `a` but reads `z`; leaky_relu hard-codes 0.1 instead of alpha),
the derivatives of its tables, and plain numpy formulations for rrelu,
softmax and maxout, which the document names only as headings.

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


def _softmax(variant, x, dy, rows, cols):
    x = x.reshape(rows, cols)
    if variant == "forward":
        return s.softmax(x), np.zeros_like(x)
    if variant == "backward":  # x holds the softmax output y here
        dy = dy.reshape(rows, cols)
        natural = x * (np.abs(dy) + np.sum(np.abs(dy * x), axis=-1, keepdims=True))
        return s.softmax_backward(x, dy), natural
    y = s.softmax(x)
    eye = np.eye(cols, dtype=x.dtype)
    return s.softmax_jacobian(x), y[:, :, None] * (eye + y[:, None, :])


def _maxout(variant, x, dy, rows, units, pieces):
    x = x.reshape(rows, units * pieces)
    if variant == "forward":
        ref = s.maxout(x, pieces)
    elif variant == "derivative":
        ref = s.maxout_derivative(x, pieces)
    else:
        ref = s.maxout_backward(x, dy.reshape(rows, units), pieces)
    return ref, np.zeros_like(ref)


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
        elif family == "softmax":
            ref, scale = _softmax(variant, x, dy, *shape)
        elif family == "maxout":
            ref, scale = _maxout(variant, x, dy, *shape)
        else:
            raise KeyError("no snippet for " + name)
        ref = np.asarray(ref, dtype=W)
        scale = np.broadcast_to(scale, ref.shape).astype(np.float64).ravel()
        ref = ref.ravel().astype(T)
    return ref.tobytes(), scale.tobytes()
