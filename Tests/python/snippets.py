"""The seed document's numpy snippets: the oracle of the comparison tests.

sigmoid, tanh, relu and leaky_relu are the document's own code (two of them
CORRECTED, as marked).  The derivatives are the formulas of the document's
tables, written in numpy: S(1 - S), 1 - tanh^2, and ELU's piecewise alpha *
(e^z - 1) / alpha * e^z.  The document has only headings for Randomized ReLU,
Maxout and Softmax: their functions here are plain numpy formulations of the
usual definitions (and of the header's rrelu slope recipe), not its text.

Every function takes and returns numpy arrays and computes in their dtype
(Python-number parameters are "weak" under numpy's promotion rules).
"""

import numpy as np

# ---------------------------------------------------------------------------
# The document's code.
# ---------------------------------------------------------------------------


def sigmoid(z):
    a = 1 / (1 + np.exp(-z))
    return a


def tanh(z):
    a = np.tanh(z)
    return a


# CORRECTED: the document's snippet is `def relu(a): a = np.maximum(0, z)`,
# which takes `a` and then reads an undefined `z`.  It takes z here.
def relu(z):
    a = np.maximum(0, z)
    return a


# CORRECTED: the document's snippet hard-codes `np.maximum(0.1 * z, z)`; its
# text says alpha is "usually 0.01".  alpha is a parameter here.  (The max form
# equals the piecewise definition for 0 <= alpha <= 1, the range tested.)
def leaky_relu(z, alpha):
    a = np.maximum(alpha * z, z)
    return a


# ---------------------------------------------------------------------------
# Derivatives from the document's tables (sigmoid, tanh, ELU) and text (the
# ReLU gradient is 0 below 0; leaky ReLU's is alpha for z <= 0).  relu'(0) = 0
# follows the library's header (the document does not say).
# ---------------------------------------------------------------------------


def sigmoid_derivative(z):
    s = sigmoid(z)
    return s * (1 - s)


def tanh_derivative(z):
    return 1 - np.tanh(z) ** 2


def relu_derivative(z):
    return np.where(z > 0, np.ones_like(z), np.zeros_like(z))


def leaky_relu_derivative(z, alpha):
    return np.where(z > 0, np.ones_like(z), alpha * np.ones_like(z))


# ELU, from the document's table:
#   R(z) = z if z > 0 else alpha * (e^z - 1);  R'(z) = 1 if z > 0 else alpha * e^z
def elu(z, alpha):
    return np.where(z > 0, z, alpha * (np.exp(z) - 1))


def elu_derivative(z, alpha):
    return np.where(z > 0, np.ones_like(z), alpha * np.exp(z))


# ---------------------------------------------------------------------------
# Randomized ReLU (document: heading only).  Slopes follow the header's
# recipe with wrapping uint64 arithmetic; element i is the C-order index.
# ---------------------------------------------------------------------------


def _splitmix64(z):
    z = z + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def rrelu_slopes(n, lower, upper, training, seed, dtype):
    """The n slopes a_i of rrelu in `dtype` (each operation rounded to it)."""
    dtype = np.dtype(dtype)
    lower, upper = dtype.type(lower), dtype.type(upper)
    if not training:
        with np.errstate(over="ignore"):
            total = lower + upper
        # The header: fl((lower + upper) / 2), or lower/2 + upper/2 if the sum overflows.
        two = dtype.type(2)
        slope = total / two if np.isfinite(total) else lower / two + upper / two
        return np.full(n, slope, dtype=dtype)
    with np.errstate(over="ignore"):
        h = _splitmix64(np.uint64(seed) ^ _splitmix64(np.arange(n, dtype=np.uint64)))
    if dtype == np.float32:
        u = (h >> np.uint64(40)).astype(np.float32) * np.float32(2.0**-24)
    else:
        u = (h >> np.uint64(11)).astype(np.float64) * 2.0**-53
    return lower + (upper - lower) * u


def rrelu(z, slopes):
    return np.where(z >= 0, z, slopes.reshape(z.shape) * z)


def rrelu_derivative(z, slopes):
    return np.where(z > 0, np.ones_like(z), slopes.reshape(z.shape))


# ---------------------------------------------------------------------------
# Softmax (document: heading only), along the last axis.
# ---------------------------------------------------------------------------


def softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_backward(y, dy):
    return y * (dy - (dy * y).sum(axis=-1, keepdims=True))


def softmax_jacobian(z):
    """jac[..., i, j] = dy_i / dx_j = y_i * (delta_ij - y_j)."""
    y = softmax(z)
    eye = np.eye(z.shape[-1], dtype=z.dtype)
    return y[..., :, None] * (eye - y[..., None, :])


# ---------------------------------------------------------------------------
# Maxout (document: heading only), groups of `pieces` along the last axis.
# ---------------------------------------------------------------------------


def _groups(z, pieces):
    return z.reshape(z.shape[:-1] + (z.shape[-1] // pieces, pieces))


def maxout(z, pieces):
    return _groups(z, pieces).max(axis=-1)


def maxout_derivative(z, pieces):
    """One-hot of each group's first maximum (np.argmax: first occurrence, NaN first)."""
    winners = _groups(z, pieces).argmax(axis=-1)
    return np.eye(pieces, dtype=z.dtype)[winners].reshape(z.shape)


def maxout_backward(z, dy, pieces):
    return (_groups(maxout_derivative(z, pieces), pieces) * dy[..., None]).reshape(z.shape)
