"""Bad input at the C layer, through the binding's ctypes declarations.

Each case passes raw pointers and counts the Python API never produces
(NULL, huge counts, misaligned or partially overlapping pointers) and checks
the header's status code, its order of checks, that an error return writes
nothing, and that the binding maps the code to its exception.
"""

import re

import numpy as np
import pytest

import activations
from activations import _library

NULL = None
SENTINEL = -7.25
PTRDIFF_MAX = 2**63 - 1

OK, NULL_POINTER, SIZE, PARAMETER, OVERLAP, ALIGNMENT, MEMORY = 0, -1, -2, -3, -4, -5, -6


def symbol(name, direction, dtype):
    return _library.FUNCTIONS[name, direction][np.dtype(dtype)]


class Buffers:
    """x, dy and an output filled with a sentinel, plus byte addresses into them."""

    def __init__(self, dtype, n=8):
        self.dtype = np.dtype(dtype)
        self.x = np.linspace(-2, 2, n).astype(dtype)
        self.dy = np.ones(n, dtype)
        self.out = np.full(2 * n, SENTINEL, dtype)

    def at(self, array, elements=0, extra_bytes=0):
        return array.ctypes.data + elements * self.dtype.itemsize + extra_bytes

    def untouched(self):
        return bool(np.all(self.out == SENTINEL))


def test_null_pointers(dtype):
    b = Buffers(dtype)
    assert symbol("sigmoid", "", dtype)(NULL, b.at(b.out), 4) == NULL_POINTER
    assert symbol("sigmoid", "", dtype)(b.at(b.x), NULL, 4) == NULL_POINTER
    assert symbol("tanh", "_backward", dtype)(b.at(b.x), NULL, b.at(b.out), 4) == NULL_POINTER
    assert symbol("softmax", "_derivative", dtype)(NULL, b.at(b.out), 1, 2) == NULL_POINTER
    assert symbol("maxout", "_backward", dtype)(b.at(b.x), NULL, b.at(b.out), 1, 2, 2) == NULL_POINTER
    assert b.untouched()


def test_zero_elements_is_ok_even_with_nulls_and_bad_parameters(dtype):
    nan = float("nan")
    assert symbol("sigmoid", "", dtype)(NULL, NULL, 0) == OK
    assert symbol("leaky_relu", "_backward", dtype)(NULL, NULL, NULL, 0, nan) == OK
    assert symbol("rrelu", "", dtype)(NULL, NULL, 0, 1.0, 0.0, 1, 5) == OK
    assert symbol("softmax", "", dtype)(NULL, NULL, 0, 5) == OK
    assert symbol("maxout", "", dtype)(NULL, NULL, 3, 0, 0) == OK


def test_counts_out_of_range(dtype):
    b = Buffers(dtype)
    too_many = PTRDIFF_MAX // b.dtype.itemsize + 1
    for n in (too_many, 2**63, 2**64 - 1):
        assert symbol("sigmoid", "", dtype)(b.at(b.x), b.at(b.out), n) == SIZE
        assert symbol("elu", "_backward", dtype)(NULL, NULL, NULL, n, float("nan")) == SIZE  # size is checked first
    assert symbol("softmax", "", dtype)(b.at(b.x), b.at(b.out), 3, 0) == SIZE  # cols == 0, rows > 0
    assert symbol("softmax", "", dtype)(b.at(b.x), b.at(b.out), 2**40, 2**40) == SIZE
    assert symbol("softmax", "_derivative", dtype)(b.at(b.x), b.at(b.out), 2**20, 2**22) == SIZE  # rows*cols*cols
    assert symbol("maxout", "", dtype)(b.at(b.x), b.at(b.out), 2**30, 2**30, 2**10) == SIZE
    assert b.untouched()


def test_misaligned_pointers(dtype):
    b = Buffers(dtype)
    assert symbol("sigmoid", "", dtype)(b.at(b.x, extra_bytes=1), b.at(b.out), 4) == ALIGNMENT
    assert symbol("sigmoid", "", dtype)(b.at(b.x), b.at(b.out, extra_bytes=2), 4) == ALIGNMENT
    assert symbol("softmax", "_backward", dtype)(b.at(b.x), b.at(b.dy, extra_bytes=1), b.at(b.out), 1, 4) == ALIGNMENT
    # NULL comes before alignment, alignment before parameters
    assert symbol("sigmoid", "", dtype)(b.at(b.x, extra_bytes=1), NULL, 4) == NULL_POINTER
    assert symbol("elu", "", dtype)(b.at(b.x, extra_bytes=1), b.at(b.out), 4, float("nan")) == ALIGNMENT
    assert b.untouched()


def test_parameters_outside_their_domain(dtype):
    b = Buffers(dtype)
    x, out = b.at(b.x), b.at(b.out)
    inf, nan = float("inf"), float("nan")
    for alpha in (nan, inf, -inf):
        assert symbol("leaky_relu", "", dtype)(x, out, 4, alpha) == PARAMETER
        assert symbol("elu", "_derivative", dtype)(x, out, 4, alpha) == PARAMETER
    for training in (0, 1, -3):
        assert symbol("rrelu", "", dtype)(x, out, 4, 0.5, 0.25, training, 0) == PARAMETER
        assert symbol("rrelu", "_derivative", dtype)(x, out, 4, nan, 0.25, training, 0) == PARAMETER
    assert symbol("maxout", "", dtype)(x, out, 1, 2, 0) == PARAMETER
    # parameters come before overlap
    assert symbol("elu", "", dtype)(x, b.at(b.x, 1), 4, nan) == PARAMETER
    assert b.untouched()


def test_partial_overlap(dtype):
    b = Buffers(dtype)
    x = b.x.copy()
    assert symbol("tanh", "", dtype)(b.at(b.x), b.at(b.x, 1), 4) == OVERLAP
    assert symbol("tanh", "_backward", dtype)(b.at(b.x), b.at(b.dy), b.at(b.dy, 2), 4) == OVERLAP
    assert symbol("softmax", "_derivative", dtype)(b.at(b.x), b.at(b.x), 2, 2) == OVERLAP  # jacobian == x, cols > 1
    assert symbol("maxout", "", dtype)(b.at(b.x), b.at(b.x), 2, 2, 2) == OVERLAP  # y == x, pieces > 1
    assert np.array_equal(b.x, x) and np.all(b.dy == 1)


def test_exact_aliasing_is_in_place(dtype):
    b = Buffers(dtype)
    want = activations.sigmoid_backward(b.x, b.x)
    assert symbol("sigmoid", "_backward", dtype)(b.at(b.x), b.at(b.x), b.at(b.x), b.x.size) == OK
    assert np.array_equal(b.x, want)
    x = np.array([[0.5], [-2.0]], dtype)
    assert symbol("softmax", "_derivative", dtype)(x.ctypes.data, x.ctypes.data, 2, 1) == OK  # cols == 1
    assert np.all(x == 0)


@pytest.mark.parametrize("name", ["log_softmax", "softmin", "softmax_safe"])
def test_softmax_variants_check_like_softmax(name, dtype):
    """The header: shapes, status codes, order of checks and aliasing as softmax."""
    b = Buffers(dtype)
    x, dy, out = b.at(b.x), b.at(b.dy), b.at(b.out)
    forward, backward, jacobian = (symbol(name, direction, dtype) for direction in ("", "_backward", "_derivative"))
    assert forward(NULL, NULL, 0, 5) == OK  # rows == 0: nothing to do, even with NULL
    assert backward(NULL, NULL, NULL, 0, 0) == OK
    assert forward(NULL, NULL, 3, 0) == SIZE  # cols == 0 with rows > 0, before NULL
    assert jacobian(x, out, 2**20, 2**22) == SIZE  # rows*cols*cols
    assert forward(x, NULL, 2, 4) == NULL_POINTER
    assert backward(x, NULL, out, 2, 4) == NULL_POINTER
    assert backward(x, b.at(b.dy, extra_bytes=1), out, 1, 4) == ALIGNMENT
    assert forward(b.at(b.x, extra_bytes=1), NULL, 1, 4) == NULL_POINTER  # NULL before alignment
    assert forward(x, b.at(b.x, 1), 2, 4) == OVERLAP
    assert backward(x, dy, b.at(b.dy, 2), 2, 4) == OVERLAP
    assert jacobian(x, x, 2, 2) == OVERLAP  # jacobian == x, cols > 1
    assert b.untouched() and np.all(b.dy == 1)
    with pytest.raises(activations.SizeError, match=f"act_{name}_derivative"):
        _library.check(jacobian, jacobian(x, out, 3, 0))  # the binding names the function
    # exact aliasing works in place: forward y == x, backward dx == dy, Jacobian == x when cols == 1
    want = getattr(activations, name)(b.x.reshape(2, 4))
    assert forward(x, x, 2, 4) == OK and np.array_equal(b.x.reshape(2, 4), want)
    ones = np.array([[0.5], [-2.0]], dtype)
    assert jacobian(ones.ctypes.data, ones.ctypes.data, 2, 1) == OK and np.all(ones == 0)


@pytest.mark.parametrize("status, cls", [
    (NULL_POINTER, activations.NullPointerError),
    (SIZE, activations.SizeError),
    (PARAMETER, activations.ParameterError),
    (OVERLAP, activations.OverlapError),
    (ALIGNMENT, activations.AlignmentError),
    (MEMORY, activations.OutOfMemoryError),
    (7, activations.ActivationsError),
])
def test_each_status_becomes_its_exception(status, cls):
    function = symbol("sigmoid", "", np.float64)
    with pytest.raises(cls) as caught:
        _library.check(function, status)
    error = caught.value
    assert type(error) is cls and error.status == status
    assert error.message == _library.status_message(status).decode("ascii")
    assert error.function == "act_sigmoid_f64"
    if cls is activations.OutOfMemoryError:  # not a bad argument: Python's MemoryError
        assert isinstance(error, MemoryError) and not isinstance(error, ValueError) and cls.code == status
    elif cls is not activations.ActivationsError:
        assert isinstance(error, ValueError) and cls.code == status


def test_status_messages_are_distinct_ascii_and_unknown_otherwise():
    codes = (OK, NULL_POINTER, SIZE, PARAMETER, OVERLAP, ALIGNMENT, MEMORY)
    known = [_library.status_message(code) for code in codes]
    assert len(set(known)) == len(known)
    assert all(message and message.isascii() for message in known)
    assert b"unknown status" not in known
    for code in (1, -7, 100, 2**31 - 1, -(2**31)):
        assert _library.status_message(code) == b"unknown status"


def test_version_format():
    assert re.fullmatch(r"\d+\.\d+\.\d+", activations.version())
    assert activations.__version__ == activations.version()


# --- prelu and the gated units --------------------------------------------------------


def test_prelu_status_codes(dtype):
    b = Buffers(dtype, n=16)
    x, dy, out = b.at(b.x), b.at(b.dy), b.at(b.out)
    weight = np.array([0.25, -0.5, 0.1, 2.0], dtype)
    dweight = np.full(4, SENTINEL, dtype)
    w, g = weight.ctypes.data, dweight.ctypes.data
    forward, backward = symbol("prelu", "", dtype), symbol("prelu", "_backward", dtype)
    assert forward(x, out, 4, 4, w, 4) == OK and forward(x, out, 4, 4, w, 1) == OK
    b.out[:] = SENTINEL
    # NULL pointers, the weights' included
    assert forward(x, out, 4, 4, NULL, 4) == NULL_POINTER
    assert backward(x, dy, out, NULL, 4, 4, w, 4) == NULL_POINTER
    assert backward(x, NULL, out, g, 4, 4, w, 4) == NULL_POINTER
    # num_weights must be 1 or channels; weights finite; both before overlap
    for count in (0, 2, 3, 5):
        assert forward(x, out, 4, 4, w, count) == PARAMETER
        assert backward(x, dy, out, g, 4, 4, w, count) == PARAMETER
    assert forward(x, b.at(b.x, 1), 4, 4, w, 3) == PARAMETER
    for bad in (np.nan, np.inf, -np.inf):
        weights = weight.copy()
        weights[3] = bad
        assert forward(x, out, 4, 4, weights.ctypes.data, 4) == PARAMETER
        assert symbol("prelu", "_derivative", dtype)(x, out, 4, 4, weights.ctypes.data, 4) == PARAMETER
    # sizes: first, before NULL and parameters
    assert forward(NULL, NULL, 2**40, 2**40, NULL, 7) == SIZE
    assert backward(NULL, NULL, NULL, NULL, 1, 1, NULL, PTRDIFF_MAX // b.dtype.itemsize + 1) == SIZE
    # nothing to compute
    assert forward(NULL, NULL, 0, 4, NULL, 3) == OK
    assert backward(NULL, NULL, NULL, NULL, 5, 0, NULL, 0) == OK
    # misaligned weight or dweight
    assert forward(x, out, 4, 4, w + 1, 4) == ALIGNMENT
    assert backward(x, dy, out, g + 2, 4, 4, w, 4) == ALIGNMENT
    # dweight overlapping any other array, even exactly; dx partially overlapping an input
    assert backward(x, dy, out, b.at(b.out, 10), 1, 16, w, 1) == OVERLAP
    assert backward(x, dy, out, b.at(b.x, 3), 1, 16, w, 1) == OVERLAP
    assert backward(x, dy, out, w, 4, 4, w, 4) == OVERLAP
    assert backward(x, dy, b.at(b.dy, 1), g, 4, 4, w, 4) == OVERLAP
    assert b.untouched() and np.all(dweight == SENTINEL)
    # rows 0: the gradients are written (zeros)
    assert backward(x, dy, out, g, 0, 4, w, 4) == OK
    assert np.all(dweight == 0)


def test_gated_status_codes(dtype):
    b = Buffers(dtype, n=16)
    x, dy, out = b.at(b.x), b.at(b.dy), b.at(b.out)
    for name in ("glu", "swiglu", "geglu"):
        forward, derivative = symbol(name, "", dtype), symbol(name, "_derivative", dtype)
        backward = symbol(name, "_backward", dtype)
        assert forward(x, out, 2, 0) == SIZE  # cols == 0 with rows > 0, as softmax
        assert forward(NULL, NULL, 2**62, 2) == SIZE  # rows * 2 * cols overflows
        assert backward(NULL, NULL, NULL, 1, PTRDIFF_MAX // b.dtype.itemsize // 2 + 1) == SIZE
        assert forward(NULL, NULL, 0, 3) == OK
        assert forward(x, NULL, 2, 4) == NULL_POINTER
        assert derivative(x, b.at(b.out, extra_bytes=1), 2, 4) == ALIGNMENT
        assert forward(x, x, 2, 4) == OVERLAP  # y is shorter than x: y == x is an overlap
        assert backward(x, dy, dy, 2, 4) == OVERLAP  # dx (x's shape) == dy (the forward's)
        assert b.untouched()
        x_copy = b.x.copy()
        want = getattr(activations, name + "_derivative")(x_copy.reshape(2, 8))
        assert derivative(x, x, 2, 4) == OK  # in place
        assert np.array_equal(b.x, want.ravel())
        b.x[:] = x_copy
