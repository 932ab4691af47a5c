"""The numpy formulas the benchmarks time: the seed document's snippets where
it has one (Tests/python/snippets.py), else the formula a numpy user would
write.  Each takes x and dy (dy only for backward) and computes in their
dtype: every constant is a Python float, which numpy treats as "weak", so a
float32 array stays float32.  gelu's erf form has none: numpy has no erf.

FORMULAS[(function, direction)] -> f(x, dy); softmax and log_softmax work
over the last axis, and their backward takes the forward output y as x.
Parameters are PyTorch's defaults (those of tools/act-bench/peers/peer.h).
"""

import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "Tests" / "python"))
import snippets  # noqa: E402  (the document's snippets, shared with the tests)

_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_SELU_ALPHA = 1.6732632423543772
_SELU_SCALE = 1.0507009873554805


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _gelu_tanh_parts(x):
    inner = _SQRT_2_OVER_PI * (x + 0.044715 * x**3)
    return np.tanh(inner), _SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x**2)


def _gelu_tanh_backward(x, dy):
    t, inner_d = _gelu_tanh_parts(x)
    return dy * (0.5 * (1 + t) + 0.5 * x * (1 - t**2) * inner_d)


def _silu_backward(x, dy):
    s = _sigmoid(x)
    return dy * s * (1 + x * (1 - s))


def _mish_backward(x, dy):
    t = np.tanh(np.log1p(np.exp(x)))
    return dy * (t + x * _sigmoid(x) * (1 - t**2))


def _softmax(x, dy):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _log_softmax(x, dy):
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


FORMULAS = {
    # The document's functions and derivatives (snippets.py); backward = dy * f'.
    ("sigmoid", "forward"): lambda x, dy: snippets.sigmoid(x),
    ("sigmoid", "derivative"): lambda x, dy: snippets.sigmoid_derivative(x),
    ("sigmoid", "backward"): lambda x, dy: dy * snippets.sigmoid_derivative(x),
    ("tanh", "forward"): lambda x, dy: snippets.tanh(x),
    ("tanh", "derivative"): lambda x, dy: snippets.tanh_derivative(x),
    ("tanh", "backward"): lambda x, dy: dy * snippets.tanh_derivative(x),
    ("relu", "forward"): lambda x, dy: snippets.relu(x),
    ("relu", "derivative"): lambda x, dy: snippets.relu_derivative(x),
    ("relu", "backward"): lambda x, dy: dy * snippets.relu_derivative(x),
    ("leaky_relu", "forward"): lambda x, dy: snippets.leaky_relu(x, 0.01),
    ("leaky_relu", "derivative"): lambda x, dy: snippets.leaky_relu_derivative(x, 0.01),
    ("leaky_relu", "backward"): lambda x, dy: dy * snippets.leaky_relu_derivative(x, 0.01),
    ("elu", "forward"): lambda x, dy: snippets.elu(x, 1.0),
    ("elu", "derivative"): lambda x, dy: snippets.elu_derivative(x, 1.0),
    ("elu", "backward"): lambda x, dy: dy * snippets.elu_derivative(x, 1.0),
    # The usual numpy formulas of the others.
    ("gelu_tanh", "forward"): lambda x, dy: 0.5 * x * (1 + _gelu_tanh_parts(x)[0]),
    ("gelu_tanh", "backward"): _gelu_tanh_backward,
    ("silu", "forward"): lambda x, dy: x * _sigmoid(x),
    ("silu", "backward"): _silu_backward,
    ("softplus", "forward"): lambda x, dy: np.logaddexp(0, x),
    ("softplus", "backward"): lambda x, dy: dy * _sigmoid(x),
    ("mish", "forward"): lambda x, dy: x * np.tanh(np.log1p(np.exp(x))),
    ("mish", "backward"): _mish_backward,
    ("hardswish", "forward"): lambda x, dy: x * np.clip(x + 3, 0, 6) / 6,
    ("hardswish", "backward"): lambda x, dy: np.where(x < -3, 0, np.where(x > 3, dy, dy * (2 * x + 3) / 6)),
    ("hardsigmoid", "forward"): lambda x, dy: np.clip(x / 6 + 0.5, 0, 1),
    ("hardsigmoid", "backward"): lambda x, dy: np.where(np.abs(x) < 3, dy / 6, 0),
    ("selu", "forward"): lambda x, dy: _SELU_SCALE * np.where(x > 0, x, _SELU_ALPHA * np.expm1(x)),
    ("selu", "backward"): lambda x, dy: dy * _SELU_SCALE * np.where(x > 0, 1, _SELU_ALPHA * np.exp(x)),
    ("celu", "forward"): lambda x, dy: np.where(x >= 0, x, np.expm1(x)),
    ("celu", "backward"): lambda x, dy: dy * np.where(x >= 0, 1, np.exp(x)),
    ("logsigmoid", "forward"): lambda x, dy: -np.logaddexp(0, -x),
    ("tanhshrink", "forward"): lambda x, dy: x - np.tanh(x),
    ("softsign", "forward"): lambda x, dy: x / (1 + np.abs(x)),
    ("softsign", "backward"): lambda x, dy: dy / (1 + np.abs(x)) ** 2,
    ("relu6", "forward"): lambda x, dy: np.clip(x, 0, 6),
    ("relu6", "backward"): lambda x, dy: np.where((x > 0) & (x < 6), dy, 0),
    ("hardtanh", "forward"): lambda x, dy: np.clip(x, -1, 1),
    ("hardtanh", "backward"): lambda x, dy: np.where((x > -1) & (x < 1), dy, 0),
    ("softmax", "forward"): _softmax,
    ("softmax", "backward"): lambda y, dy: y * (dy - (y * dy).sum(axis=-1, keepdims=True)),
    ("log_softmax", "forward"): _log_softmax,
    ("log_softmax", "backward"): lambda y, dy: dy - np.exp(y) * dy.sum(axis=-1, keepdims=True),
}
