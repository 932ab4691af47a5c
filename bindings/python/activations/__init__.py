"""activations: neural-network activation functions from libactivations.so.

For every function NAME of the table in activations._spec (the document's
sigmoid, tanh, relu, leaky_relu, elu, rrelu, softmax and maxout, and the
modern family: gelu, gelu_tanh, silu, swish, mish, softplus, logsigmoid,
selu, celu, hardtanh, relu6, hardsigmoid, hardswish, softsign, tanhshrink,
softshrink, hardshrink, threshold, prelu, log_softmax, softmin,
softmax_safe, glu, swiglu, geglu) there are NAME, NAME_derivative and
NAME_backward, e.g.

    >>> import numpy as np, activations
    >>> activations.sigmoid(np.array([-1.0, 0.0, 1.0]))
    array([0.26894142, 0.5       , 0.73105858])
    >>> activations.leaky_relu_backward(x=[-2.0, 3.0], dy=[1.0, 1.0], alpha=0.1)
    array([0.1, 1. ])

Conventions for dtypes, strides, `out`, 0-d and empty input and `axis` are
listed in activations._drivers.  All computation happens in the C library
(found through ACTIVATIONS_LIBRARY, beside this package, or in the
repository's .build/release); this package only converts arrays and calls
it, releasing the GIL during each call.

Every function has type annotations (the package is typed, PEP 561: see
activations/__init__.pyi) and a docstring with its formulas, parameters,
their domains and defaults.  `python -m activations` prints the version, the
library in use, its instruction set and thread count, and runs a self-check.
"""

from __future__ import annotations

import operator
from typing import SupportsIndex

from . import _library
from ._errors import (
    ActivationsError,
    AlignmentError,
    NullPointerError,
    OutOfMemoryError,
    OverlapError,
    ParameterError,
    SizeError,
)
from ._wrappers import generate as _generate

_FUNCTIONS = _generate()
globals().update(_FUNCTIONS)


def version() -> str:
    """The library's version, act_version(): "MAJOR.MINOR.PATCH"."""
    return _library.version().decode("ascii")


def isa() -> str:
    """The instruction set of the kernels, act_isa(): "avx512", "avx2" or "baseline"
    (ACTIVATIONS_ISA=avx2 or baseline, set before the first call, lowers it)."""
    return _library.isa().decode("ascii")


def set_num_threads(n: SupportsIndex) -> None:
    """Set the library's thread count: n <= 0 means automatic; clamped to [1, 1024]."""
    n = operator.index(n)
    _library.set_num_threads(max(-(2**31), min(n, 2**31 - 1)))


def get_num_threads() -> int:
    """The library's effective thread count (>= 1)."""
    return _library.get_num_threads()


#: The library's act_version() (the repository's VERSION; the package metadata's version too).
__version__: str = version()
__all__ = sorted(_FUNCTIONS) + [
    "ActivationsError",
    "AlignmentError",
    "NullPointerError",
    "OutOfMemoryError",
    "OverlapError",
    "ParameterError",
    "SizeError",
    "get_num_threads",
    "isa",
    "set_num_threads",
    "version",
]
