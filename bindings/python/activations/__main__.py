"""python -m activations: what is installed, and whether it computes.

Prints the version, the libactivations.so in use, the instruction set of its
kernels (act_isa) and its thread count, then checks a few functions in
float32 and float64 against their closed forms computed with numpy on a few
inputs.  Exits with status 1 if a check fails.
"""

from __future__ import annotations

import math
import sys
from typing import Callable, List, NamedTuple, Optional, Sequence

import numpy as np

import activations
from activations import _library


#: Inputs: both tails, around zero (both zeros), moderate values.
INPUTS = np.array([-30.0, -4.0, -1.5, -0.25, -0.0, 0.0, 0.125, 0.75, 2.0, 7.5, 40.0])
#: Rows for softmax: a spread one, one with a tie at a large maximum, a constant one.
ROWS = np.array([[-1.0, 0.0, 2.5, 3.0], [100.0, 99.0, -50.0, 100.0], [0.0, 0.0, 0.0, 0.0]])


class Check(NamedTuple):
    """One function against its closed form, computed in float64 with numpy."""

    name: str
    function: Callable[[np.ndarray], np.ndarray]
    reference: Callable[[np.ndarray], np.ndarray]
    inputs: np.ndarray = INPUTS


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


_erfc = np.vectorize(math.erfc, otypes=[np.float64])

CHECKS = [
    Check("sigmoid", activations.sigmoid, _sigmoid),
    Check("sigmoid_derivative", activations.sigmoid_derivative, lambda x: _sigmoid(x) * _sigmoid(-x)),
    Check("tanh", activations.tanh, np.tanh),
    Check("tanh_derivative", activations.tanh_derivative, lambda x: 1 / np.cosh(x) ** 2),
    Check("relu", activations.relu, lambda x: np.maximum(x, 0.0)),
    Check("elu (alpha=0.5)", lambda x: activations.elu(x, alpha=0.5), lambda x: np.where(x > 0, x, 0.5 * np.expm1(x))),
    Check(
        "leaky_relu_backward",
        lambda x: activations.leaky_relu_backward(x, 3 * x),
        lambda x: 3 * x * np.where(x > 0, 1.0, 0.01),
    ),
    # x * Phi(x) with Phi(x) = erfc(-x / sqrt(2)) / 2; erfc multiplies the rounding
    # error of -x / sqrt(2) by about x**2, so the far left tail is left out.
    Check("gelu", activations.gelu, lambda x: x * _erfc(-x / math.sqrt(2)) / 2, INPUTS[INPUTS >= -2]),
    Check(
        "softplus (threshold=inf)",
        lambda x: activations.softplus(x, threshold=math.inf),
        lambda x: np.logaddexp(0.0, x),
    ),
    Check("softmax", activations.softmax, _softmax, ROWS),
]

#: Largest accepted error, in units of the dtype's epsilon relative to the
#: reference rounded to that dtype (the library is within 1 ulp; the numpy
#: closed forms within a few ulps of float64 on these inputs).
TOLERANCE = 16


def _error(result, reference, dtype):
    """max |result - reference| / (|reference| * eps), reference rounded to dtype."""
    info = np.finfo(dtype)
    reference = reference.astype(dtype).astype(np.float64)
    result = np.asarray(result, dtype=np.float64)
    scale = np.maximum(np.abs(reference), float(info.smallest_normal)) * float(info.eps)
    with np.errstate(over="ignore", invalid="ignore"):
        error = np.where(result == reference, 0.0, np.abs(result - reference) / scale)
    return math.inf if np.isnan(error).any() else float(np.max(error, initial=0.0))


def self_check(checks: Optional[Sequence[Check]] = None) -> List[str]:
    """Run the checks in float32 and float64: one line per check, "FAILED" in failing ones."""
    lines = []
    for check in CHECKS if checks is None else checks:
        reference = check.reference(check.inputs)
        errors = {}
        for dtype in (np.dtype(np.float32), np.dtype(np.float64)):
            result = check.function(check.inputs.astype(dtype))
            same_type = np.asarray(result).dtype == dtype and np.shape(result) == reference.shape
            errors[dtype.name] = _error(result, reference, dtype) if same_type else math.inf
        failed = max(errors.values()) > TOLERANCE
        worst = ", ".join(f"{name} {value:.2g}" for name, value in errors.items())
        lines.append(f"  {check.name:<26} {'FAILED' if failed else 'ok':<7} (largest error in eps: {worst})")
    return lines


def main(argv: Optional[Sequence[str]] = None) -> int:
    print(f"activations {activations.__version__}")
    print(f"  package      {activations.__file__}")
    print(f"  library      {_library.PATH}")
    print(f"  isa          {activations.isa()}")
    print(f"  threads      {activations.get_num_threads()}")
    lines = self_check()
    failed = sum("FAILED" in line for line in lines)
    print(f"self-check: {len(lines) - failed} of {len(lines)} functions agree with their closed forms")
    print("\n".join(lines))
    if failed:
        print(f"self-check FAILED: {failed} function(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
