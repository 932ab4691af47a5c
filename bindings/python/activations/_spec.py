"""The one table the binding is generated from.

Every C symbol's argtypes/restype (see _library.py) and every public Python
wrapper (see _wrappers.py) comes from FAMILIES below, and so do the library's
elementwise C exports, their dispatch and the Swift API's `Activation` cases
with their Swift tests (tools/gen-abi/generate.py writes them; `make test`
checks they are current), and so are the wrappers' docstrings (from
`forward`, `derivative`, `backward` and the parameters' `doc` and defaults)
and type annotations, and the package's type stub __init__.pyi
(tools/gen-stub/generate.py writes it; the tests check it is current):
adding an elementwise activation means its math in one Swift file plus one
row here (and its block in the header, its references in the tests, and
running the two generators).

C signatures by kind (T = float or double, P... = the family's parameters):
    unary    act_NAME_T(x, y, n, P...)           act_NAME_backward_T(x, dy, dx, n, P...)
    softmax  act_NAME_T(x, y, rows, cols, P...)  act_NAME_backward_T(y, dy, dx, rows, cols, P...)
    maxout   act_NAME_T(x, y, rows, units, P...) act_NAME_backward_T(x, dy, dx, rows, units, P...)
    gated    act_NAME_T(x, y, rows, cols)        act_NAME_backward_T(x, dy, dx, rows, cols)
    prelu    act_NAME_T(x, y, rows, channels, weight, num_weights)
             act_NAME_backward_T(x, dy, dx, dweight, rows, channels, weight, num_weights)
and the same for act_NAME_derivative_T with the forward's arguments.
"""

from ctypes import c_int32, c_size_t, c_uint64
from typing import NamedTuple

#: Marks a parameter of the element type T (c_float for _f32, c_double for _f64).
REAL = "T"
#: Marks a parameter without a default value.
REQUIRED = object()

#: Markers of C arguments in Kind.signatures: a pointer, a size_t count.
POINTER = "pointer"
COUNT = "count"

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
    #: The C arguments of (forward, derivative, backward) as POINTER/COUNT
    #: markers, for kinds whose layout is not pointers, counts, parameters.
    signatures: tuple = ()


KINDS = {
    "unary": Kind(("n",), False, (("x",), ("x",), ("x", "dy"))),
    "softmax": Kind(("rows", "cols"), True, (("x",), ("x",), ("y", "dy"))),
    "maxout": Kind(("rows", "units"), True, (("x",), ("x",), ("x", "dy"))),
    "gated": Kind(("rows", "cols"), True, (("x",), ("x",), ("x", "dy"))),
    "prelu": Kind(
        ("rows", "channels"),
        False,
        (("x", "weight"), ("x", "weight"), ("x", "dy", "weight")),
        ((POINTER, POINTER, COUNT, COUNT, POINTER, COUNT),) * 2
        + ((POINTER, POINTER, POINTER, POINTER, COUNT, COUNT, POINTER, COUNT),),
    ),
}


class Family(NamedTuple):
    """One activation: forward, derivative and backward in f32 and f64."""

    name: str
    kind: str
    params: tuple
    forward: str  # formula of the forward pass, for the docstrings
    derivative: str  # formula of the derivative, for the docstrings
    swift: str = ""  # the Swift type with its math (elementwise kinds), for tools/gen-abi
    backward: str = ""  # formula of the backward pass from the output (softmax kind), for the docstrings


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
        "hardtanh",
        "unary",
        (Param("min_val", -1.0, REAL, "finite, min_val <= max_val"), Param("max_val", 1.0, REAL, "finite")),
        "f(x) = min(max(x, min_val), max_val)",
        "f'(x) = 1 if min_val < x < max_val else 0",
        "HardTanh",
    ),
    Family("relu6", "unary", (), "f(x) = min(max(x, 0), 6)", "f'(x) = 1 if 0 < x < 6 else 0", "ReLU6"),
    Family(
        "hardsigmoid", "unary", (), "f(x) = relu6(x + 3) / 6", "f'(x) = 1/6 if -3 < x < 3 else 0", "HardSigmoid"
    ),
    Family(
        "hardswish",
        "unary",
        (),
        "f(x) = x * relu6(x + 3) / 6",
        "f'(x) = 0 if x <= -3, 1 if x >= 3, else (2x + 3) / 6",
        "HardSwish",
    ),
    Family("softsign", "unary", (), "f(x) = x / (1 + |x|)", "f'(x) = 1 / (1 + |x|)**2", "Softsign"),
    Family(
        "softshrink",
        "unary",
        (Param("lambd", 0.5, REAL, "finite, >= 0"),),
        "f(x) = x - lambd if x > lambd, x + lambd if x < -lambd, else 0",
        "f'(x) = 1 if |x| > lambd else 0",
        "Softshrink",
    ),
    Family(
        "hardshrink",
        "unary",
        (Param("lambd", 0.5, REAL, "finite, >= 0"),),
        "f(x) = x if |x| > lambd else 0",
        "f'(x) = 1 if |x| > lambd else 0",
        "Hardshrink",
    ),
    Family(
        "threshold",
        "unary",
        (Param("threshold", REQUIRED, REAL, "finite"), Param("value", REQUIRED, REAL, "finite")),
        "f(x) = x if x > threshold else value",
        "f'(x) = 1 if x > threshold else 0",
        "Threshold",
    ),
    Family("silu", "unary", (), "f(x) = x * sigmoid(x)", "f'(x) = sigmoid(x) * (1 + x * (1 - sigmoid(x)))", "SiLU"),
    Family(
        "swish",
        "unary",
        (Param("beta", 1.0, REAL, "finite"),),
        "f(x) = x * sigmoid(beta * x)",
        "f'(x) = sigmoid(beta x) + beta x * sigmoid'(beta x)",
        "Swish",
    ),
    Family(
        "softplus",
        "unary",
        (
            Param("beta", 1.0, REAL, "finite, non-zero"),
            Param("threshold", 20.0, REAL, "finite or +inf; x is returned where beta * x > threshold"),
        ),
        "f(x) = log(1 + exp(beta * x)) / beta, or x where beta * x > threshold",
        "f'(x) = sigmoid(beta * x), or 1 where beta * x > threshold",
        "Softplus",
    ),
    Family(
        "logsigmoid",
        "unary",
        (),
        "f(x) = log(sigmoid(x)) = -softplus(-x)",
        "f'(x) = sigmoid(-x) = 1 - sigmoid(x)",
        "LogSigmoid",
    ),
    Family(
        "tanhshrink",
        "unary",
        (),
        "f(x) = x - tanh(x)",
        "f'(x) = tanh(x)**2",
        "Tanhshrink",
    ),
    Family(
        "celu",
        "unary",
        (Param("alpha", 1.0, REAL, "finite, non-zero"),),
        "f(x) = x if x >= 0 else alpha * (exp(x / alpha) - 1)",
        "f'(x) = 1 if x >= 0 else exp(x / alpha)",
        "CELU",
    ),
    Family(
        "gelu",
        "unary",
        (),
        "f(x) = x/2 * (1 + erf(x / sqrt(2))) = x * Phi(x)",
        "f'(x) = Phi(x) + x * exp(-x**2/2) / sqrt(2 pi)",
        "Gelu",
    ),
    Family(
        "gelu_tanh",
        "unary",
        (),
        "f(x) = x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x**3)))",
        "f'(x) = sigmoid(u) + x u'(x) sigmoid'(u), u = 2 sqrt(2/pi) (x + 0.044715 x**3)",
        "GeluTanh",
    ),
    Family(
        "selu",
        "unary",
        (),
        "f(x) = scale * (x if x > 0 else alpha * (exp(x) - 1)), alpha = 1.6732632423543772, scale = 1.0507009873554805",
        "f'(x) = scale if x > 0 else scale * alpha * exp(x)",
        "SELU",
    ),
    Family(
        "mish",
        "unary",
        (),
        "f(x) = x * tanh(softplus(x)) = x * tanh(log(1 + exp(x)))",
        "f'(x) = tanh(softplus(x)) + x * sech(softplus(x))**2 * sigmoid(x)",
        "Mish",
    ),
    Family(
        "softmax",
        "softmax",
        (),
        "y_j = exp(x_j - max(x)) / sum_k exp(x_k - max(x))",
        "jac[i, j] = dy_i / dx_j = y_i * (delta_ij - y_j)",
        backward="dx = y * (dy - sum(dy * y))",
    ),
    Family(
        "log_softmax",
        "softmax",
        (),
        "y_j = (x_j - max(x)) - log(sum_k exp(x_k - max(x))) = log(softmax(x)_j)",
        "jac[i, j] = dy_i / dx_j = delta_ij - softmax(x)_j",
        backward="dx = dy - exp(y) * sum(dy)",
    ),
    Family(
        "softmin",
        "softmax",
        (),
        "y = softmax(-x)",
        "jac[i, j] = dy_i / dx_j = -y_i * (delta_ij - y_j)",
        backward="dx = -y * (dy - sum(dy * y))",
    ),
    Family(
        "softmax_safe",
        "softmax",
        (),
        "softmax(x), except that a slice of only -inf gives zeros (softmax gives NaN)",
        "jac[i, j] = dy_i / dx_j = y_i * (delta_ij - y_j) (zeros for a slice of only -inf)",
        backward="dx = y * (dy - sum(dy * y)), softmax's (0 where y is a row of zeros)",
    ),
    Family(
        "maxout",
        "maxout",
        (Param("pieces", REQUIRED, c_size_t, "group size >= 1; x.shape[axis] must be a multiple of it"),),
        "y[u] = max_k x[u*pieces + k], k = 0 .. pieces-1 (the first maximum wins ties, NaN wins)",
        "1 at each group's winning element, 0 elsewhere",
    ),
    Family(
        "prelu",
        "prelu",
        (),
        "f(x) = x if x >= 0 else w * x, w = weight[c] for channel c = the last axis (or the one shared weight)",
        "f'(x) = 1 if x > 0 else w",
    ),
    Family(
        "glu",
        "gated",
        (),
        "y = a * sigmoid(b), [a | b] the two halves of x along axis",
        "[dy/da | dy/db] = [sigmoid(b) | a * sigmoid'(b)]",
    ),
    Family(
        "swiglu",
        "gated",
        (),
        "y = a * silu(b) = a * b * sigmoid(b), [a | b] the two halves of x along axis",
        "[dy/da | dy/db] = [silu(b) | a * silu'(b)], silu'(b) = sigmoid(b) + b * sigmoid'(b)",
    ),
    Family(
        "geglu",
        "gated",
        (),
        "y = a * gelu(b) (exact, erf form), [a | b] the two halves of x along axis",
        "[dy/da | dy/db] = [gelu(b) | a * gelu'(b)], gelu'(b) = Phi(b) + b * exp(-b**2/2) / sqrt(2 pi)",
    ),
)
