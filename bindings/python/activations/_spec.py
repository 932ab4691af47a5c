"""The one table the binding is generated from.

Every C symbol's argtypes/restype (see _library.py) and every public Python
wrapper (see _wrappers.py) comes from FAMILIES below, and so do the library's
elementwise C exports and their dispatch (tools/gen-abi/generate.py writes
them; `make test` checks they are current): adding an elementwise activation
means its math in one Swift file plus one row here (and its block in the
header, and its references in the tests).

C signatures by kind (T = float or double, P... = the family's parameters):
    unary    act_NAME_T(x, y, n, P...)           act_NAME_backward_T(x, dy, dx, n, P...)
    softmax  act_NAME_T(x, y, rows, cols, P...)  act_NAME_backward_T(y, dy, dx, rows, cols, P...)
    maxout   act_NAME_T(x, y, rows, units, P...) act_NAME_backward_T(x, dy, dx, rows, units, P...)
and the same for act_NAME_derivative_T with the forward's arguments.
"""

from ctypes import c_int32, c_size_t, c_uint64
from typing import NamedTuple

#: Marks a parameter of the element type T (c_float for _f32, c_double for _f64).
REAL = "T"
#: Marks a parameter without a default value.
REQUIRED = object()

#: Directions: the public name suffix, which is also the C symbol suffix.
DIRECTIONS = ("", "_derivative", "_backward")


class Param(NamedTuple):
    """One C parameter after the counts: its Python name, default and C type."""

    name: str
    default: object
    ctype: object
    doc: str


class Kind(NamedTuple):
    """How a kind of function lays out its arrays for the C call."""

    counts: tuple  # the size_t counts after the pointers
    has_axis: bool  # whether the Python wrapper takes axis=-1
    inputs: tuple  # names of the array arguments of (forward, derivative, backward)


KINDS = {
    "unary": Kind(("n",), False, (("x",), ("x",), ("x", "dy"))),
    "softmax": Kind(("rows", "cols"), True, (("x",), ("x",), ("y", "dy"))),
    "maxout": Kind(("rows", "units"), True, (("x",), ("x",), ("x", "dy"))),
}


class Family(NamedTuple):
    """One activation: forward, derivative and backward in f32 and f64."""

    name: str
    kind: str
    params: tuple
    forward: str  # formula of the forward pass, for the docstrings
    derivative: str  # formula of the derivative, for the docstrings
    swift: str = ""  # the Swift type with its math (elementwise kinds), for tools/gen-abi


_ALPHA_DOC = "finite; zero and negative values are allowed"

FAMILIES = (
    Family("sigmoid", "unary", (), "f(x) = 1 / (1 + exp(-x))", "f'(x) = f(x) * (1 - f(x))", "Sigmoid"),
    Family("tanh", "unary", (), "f(x) = tanh(x)", "f'(x) = 1 - tanh(x)**2", "Tanh"),
    Family("relu", "unary", (), "f(x) = max(0, x)", "f'(x) = 1 if x > 0 else 0", "ReLU"),
    Family(
        "leaky_relu",
        "unary",
        (Param("alpha", 0.01, REAL, _ALPHA_DOC),),
        "f(x) = x if x >= 0 else alpha * x",
        "f'(x) = 1 if x > 0 else alpha",
        "LeakyReLU",
    ),
    Family(
        "elu",
        "unary",
        (Param("alpha", 1.0, REAL, _ALPHA_DOC),),
        "f(x) = x if x >= 0 else alpha * (exp(x) - 1)",
        "f'(x) = 1 if x > 0 else alpha * exp(x)",
        "ELU",
    ),
    Family(
        "rrelu",
        "unary",
        (
            Param("lower", 1 / 8, REAL, "finite, lower <= upper"),
            Param("upper", 1 / 3, REAL, "finite"),
            Param("training", False, c_int32, "False: slope (lower + upper) / 2; True: random slopes"),
            Param("seed", 0, c_uint64, "integer in [0, 2**64): the training slopes are a pure function of (seed, i)"),
        ),
        "f(x) = x if x >= 0 else a_i * x, a_i ~ U(lower, upper) for element i in C order",
        "f'(x) = 1 if x > 0 else a_i",
        "RReLU",
    ),
    Family(
        "softmax",
        "softmax",
        (),
        "y_j = exp(x_j - max(x)) / sum_k exp(x_k - max(x))",
        "jac[i, j] = dy_i / dx_j = y_i * (delta_ij - y_j)",
    ),
    Family(
        "maxout",
        "maxout",
        (Param("pieces", REQUIRED, c_size_t, "group size >= 1; x.shape[axis] must be a multiple of it"),),
        "y[u] = max_k x[u*pieces + k], k = 0 .. pieces-1 (the first maximum wins ties, NaN wins)",
        "1 at each group's winning element, 0 elsewhere",
    ),
)
