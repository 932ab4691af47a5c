"""The Python API: dtypes, shapes, 0-d and empty arrays, `out`, bad input."""

import doctest
import inspect
import re
import warnings
from fractions import Fraction

import numpy as np
import pytest

import activations
import halves
from activations import _library
from activations._spec import DIRECTIONS, FAMILIES

# One call per public function on an array of shape (2, 6), with valid extra
# arguments: {name: (positional arrays..., extra keyword arguments)}.
SHAPE = (2, 6)


def _calls():
    x = np.linspace(-3, 3, 12).reshape(SHAPE)
    dy = np.cos(x)
    y = activations.softmax(x)
    calls = {}
    # Every elementwise family of the table, with non-default parameters
    # where that exercises them (and the required ones).
    chosen = {"leaky_relu": {"alpha": 0.1}, "elu": {"alpha": 0.7}, "rrelu": {"training": True, "seed": 9},
              "hardtanh": {"min_val": -2.0, "max_val": 1.5}, "softshrink": {"lambd": 0.3},
              "swish": {"beta": 0.8}, "threshold": {"threshold": 0.5, "value": -1.0}}
    for family in (f.name for f in FAMILIES if f.kind == "unary"):
        params = chosen.get(family, {})
        calls[family] = ((x,), params)
        calls[family + "_derivative"] = ((x,), params)
        calls[family + "_backward"] = ((x, dy), params)
    # softmax and its variants; backward takes the forward's output.
    for family in (f.name for f in FAMILIES if f.kind == "softmax"):
        calls[family] = ((x,), {})
        calls[family + "_derivative"] = ((x,), {})
        calls[family + "_backward"] = ((y if family == "softmax" else getattr(activations, family)(x), dy), {})
    calls["maxout"] = ((x,), {"pieces": 3})
    calls["maxout_derivative"] = ((x,), {"pieces": 3})
    calls["maxout_backward"] = ((x, dy[:, :2]), {"pieces": 3})
    weight = np.linspace(-0.5, 0.75, SHAPE[-1])
    calls["prelu"] = ((x, weight), {})
    calls["prelu_derivative"] = ((x, weight), {})
    for name in ("glu", "swiglu", "geglu"):
        calls[name] = ((x,), {})
        calls[name + "_derivative"] = ((x,), {})
        calls[name + "_backward"] = ((x, dy[:, :3]), {})
    return calls


CALLS = _calls()
# Functions returning a pair of arrays (tested in test_prelu.py).
PAIR_RESULTS = {"prelu_backward"}


def run(name, dtype=None, **overrides):
    arrays, params = CALLS[name]
    if dtype is not None:
        arrays = [np.asarray(a).astype(dtype) for a in arrays]
    return getattr(activations, name)(*arrays, **{**params, **overrides})


def test_every_family_has_three_public_functions():
    names = {family.name + direction for family in FAMILIES for direction in DIRECTIONS}
    assert names == set(CALLS) | PAIR_RESULTS
    assert names <= set(activations.__all__)


def test_signatures_are_the_documented_ones():
    expected = {
        "sigmoid": "(x, *, out=None, dtype=None)",
        "sigmoid_backward": "(x, dy, *, out=None, dtype=None)",
        "leaky_relu": "(x, alpha=0.01, *, out=None, dtype=None)",
        "elu_derivative": "(x, alpha=1.0, *, out=None, dtype=None)",
        "rrelu": "(x, lower=0.125, upper=0.3333333333333333, training=False, seed=0, *, out=None, dtype=None)",
        "softmax": "(x, axis=-1, *, out=None, dtype=None)",
        "softmax_backward": "(y, dy, axis=-1, *, out=None, dtype=None)",
        "softmax_derivative": "(x, axis=-1, *, out=None, dtype=None)",
        "log_softmax": "(x, axis=-1, *, out=None, dtype=None)",
        "log_softmax_backward": "(y, dy, axis=-1, *, out=None, dtype=None)",
        "log_softmax_derivative": "(x, axis=-1, *, out=None, dtype=None)",
        "softmin": "(x, axis=-1, *, out=None, dtype=None)",
        "softmin_backward": "(y, dy, axis=-1, *, out=None, dtype=None)",
        "softmin_derivative": "(x, axis=-1, *, out=None, dtype=None)",
        "softmax_safe": "(x, axis=-1, *, out=None, dtype=None)",
        "softmax_safe_backward": "(y, dy, axis=-1, *, out=None, dtype=None)",
        "softmax_safe_derivative": "(x, axis=-1, *, out=None, dtype=None)",
        "maxout": "(x, pieces, axis=-1, *, out=None, dtype=None)",
        "maxout_backward": "(x, dy, pieces, axis=-1, *, out=None, dtype=None)",
    }
    for name, signature in expected.items():
        # The names, order, kinds and defaults (test_package.py checks the annotations).
        full = inspect.signature(getattr(activations, name))
        bare = full.replace(
            parameters=[p.replace(annotation=inspect.Parameter.empty) for p in full.parameters.values()],
            return_annotation=inspect.Signature.empty,
        )
        assert str(bare) == signature
        assert getattr(activations, name).__doc__


# --- dtypes --------------------------------------------------------------------


@pytest.mark.parametrize("name", CALLS)
def test_float32_and_float64_are_preserved(name, dtype):
    assert run(name, dtype).dtype == dtype


@pytest.mark.parametrize("name", CALLS)
def test_float16_is_computed_by_the_f16_entry_points(name):
    """float16 runs the _f16 entry points: the float32 function on the widened input,
    rounded to float16 as the contract says (halves.py; test_half.py checks every
    function and bfloat16 in depth)."""
    got = run(name, np.float16)
    assert got.dtype == np.float16
    arrays, params = CALLS[name]
    halves.assert_same(got, halves.expected(name, [np.asarray(a).astype(np.float16) for a in arrays], params, "f16"),
                       "f16")


@pytest.mark.parametrize("name", CALLS)
@pytest.mark.parametrize("kind", [bool, np.int8, np.int32, np.int64, np.uint64, "list"])
def test_integers_bools_and_lists_are_computed_as_float64(name, kind):
    arrays, params = CALLS[name]
    rounded = [np.round(a) for a in arrays]
    inputs = [a.tolist() if kind == "list" else a.astype(kind) for a in rounded]
    got = getattr(activations, name)(*inputs, **params)
    want = getattr(activations, name)(*[np.asarray(a, dtype=np.float64) for a in inputs], **params)
    assert got.dtype == np.float64
    assert np.array_equal(got, want, equal_nan=True)


def test_float16_results_beyond_its_range_are_inf_without_a_warning():
    """The library rounds float16 results beyond its range to inf silently, like the
    float32 and float64 results (no RuntimeWarning, which warnings-as-errors would
    turn into an exception)."""
    big = np.array([65504.0, -1.0], np.float16)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert activations.selu(big)[0] == np.inf  # 1.0507 * 65504
        out = np.zeros(2, np.float16)
        assert activations.selu(big, out=out) is out and out[0] == np.inf
        assert activations.softmax_backward(big.reshape(1, 2), big.reshape(1, 2))[0, 0] == -np.inf
        dx, dweight = activations.prelu_backward(-big, np.full(2, 2.0, np.float16), np.float16(0.5))
        assert dweight == -np.inf and dx.dtype == np.float16  # sum of dy * x where x < 0


def test_mixed_dtypes_promote_like_numpy():
    x32 = np.linspace(-1, 1, 5, dtype=np.float32)
    assert activations.tanh_backward(x32, x32.astype(np.float64)).dtype == np.float64
    assert activations.tanh_backward(x32, x32.astype(np.float16)).dtype == np.float32
    assert activations.tanh_backward(x32, np.arange(5)).dtype == np.float64


UNSUPPORTED = [np.complex64, np.complex128, object, "U3", "S3", "datetime64[s]", "timedelta64[s]"]
if np.dtype(np.longdouble) != np.dtype(np.float64):
    UNSUPPORTED.append(np.longdouble)


@pytest.mark.parametrize("bad", UNSUPPORTED, ids=str)
@pytest.mark.parametrize("name", ["sigmoid", "elu_backward", "softmax", "maxout"])
def test_unsupported_dtypes_raise_type_error_naming_it(bad, name):
    arrays, params = CALLS[name]
    bad_array = np.zeros(SHAPE, dtype=bad)
    with pytest.raises(TypeError, match=re.escape(str(np.dtype(bad)))):
        getattr(activations, name)(bad_array, *arrays[1:], **params)
    if len(arrays) == 2:  # the second array is checked too
        with pytest.raises(TypeError, match=re.escape(str(np.dtype(bad)))):
            getattr(activations, name)(arrays[0], bad_array[..., :arrays[1].shape[-1]], **params)


def test_python_objects_that_are_not_numbers_raise_type_error():
    with pytest.raises(TypeError, match="object"):
        activations.sigmoid(None)
    with pytest.raises(TypeError, match="<U"):
        activations.relu("1.5")


# --- 0-d and empty ----------------------------------------------------------------


def test_zero_dimensional_input_gives_a_numpy_scalar():
    assert type(activations.sigmoid(0.5)) is np.float64
    assert type(activations.sigmoid(np.float32(0.5))) is np.float32
    assert type(activations.elu_backward(-1.0, 2.0, alpha=0.5)) is np.float64
    assert activations.sigmoid(0.0) == 0.5
    out = np.zeros((), np.float32)
    assert activations.tanh(np.float32(0.0), out=out) is out


@pytest.mark.parametrize("shape", [(0,), (3, 0), (0, 6)])
@pytest.mark.parametrize("name", CALLS)
def test_empty_input_gives_an_empty_result(shape, name, dtype):
    arrays, params = CALLS[name]
    inputs = [np.zeros(shape, dtype) for _ in arrays]
    if name == "maxout_backward":  # dy has the forward's shape
        inputs[1] = np.zeros(shape[:-1] + (shape[-1] // 3,), dtype)
    if name in ("glu_backward", "swiglu_backward", "geglu_backward"):
        inputs[1] = np.zeros(shape[:-1] + (shape[-1] // 2,), dtype)
    if name.startswith("prelu"):  # one weight per channel
        inputs[-1] = np.zeros(shape[-1:], dtype)
    got = getattr(activations, name)(*inputs, **params)
    assert got.size == 0 and got.dtype == dtype


def test_empty_input_shapes():
    assert activations.softmax_derivative(np.zeros((3, 0))).shape == (3, 0, 0)
    assert activations.maxout(np.zeros((0, 6)), 3).shape == (0, 2)
    assert activations.maxout(np.zeros((4, 0)), 3).shape == (4, 0)


# --- out -------------------------------------------------------------------------


@pytest.mark.parametrize("name", CALLS)
def test_out_receives_the_result(name, dtype):
    want = run(name, dtype)
    out = np.full(want.shape, -7.0, dtype)
    assert run(name, dtype, out=out) is out
    assert np.array_equal(out, want)


@pytest.mark.parametrize("name", CALLS)
def test_non_contiguous_out_receives_the_result(name, dtype):
    want = run(name, dtype)
    backing = np.full(want.shape + (2,), -7.0, dtype)
    out = backing[..., 1]
    assert run(name, dtype, out=out) is out
    assert np.array_equal(out, want)
    assert np.all(backing[..., 0] == -7.0)


@pytest.mark.parametrize("name", CALLS)
def test_wrong_out_raises_value_error(name, dtype):
    want = run(name, dtype)
    other = np.float32 if dtype == np.float64 else np.float64
    readonly = np.empty(want.shape, dtype)
    readonly.flags.writeable = False
    for bad in (np.empty(want.shape + (1,), dtype), np.empty(want.shape, other), readonly, want.tolist()):
        with pytest.raises(ValueError, match="out"):
            run(name, dtype, out=bad)


@pytest.mark.parametrize("name", CALLS)
def test_out_may_be_an_input_of_the_same_shape(name, dtype):
    arrays, params = CALLS[name]
    want = run(name, dtype)
    for index in range(len(arrays)):
        inputs = [np.asarray(a, dtype).copy() for a in arrays]
        target = inputs[index]
        if target.shape == want.shape:
            assert getattr(activations, name)(*inputs, **params, out=target) is target
            assert np.array_equal(target, want)


def test_inputs_and_out_may_all_be_one_array(dtype):
    x = np.linspace(-3, 3, 50).astype(dtype)
    want = activations.elu_backward(x.copy(), x.copy())
    assert activations.elu_backward(x, x, out=x) is x
    assert np.array_equal(x, want)


def test_out_partially_overlapping_the_input(dtype):
    buffer = np.linspace(-3, 3, 101).astype(dtype)
    want = activations.tanh(buffer[:-1].copy())
    activations.tanh(buffer[:-1], out=buffer[1:])
    assert np.array_equal(buffer[1:], want)
    buffer = np.linspace(-3, 3, 101).astype(dtype)
    want = activations.sigmoid(buffer[::-1].copy())
    activations.sigmoid(buffer[::-1], out=buffer)  # reversed view of the same memory
    assert np.array_equal(buffer, want)


# --- shapes and parameters checked by the binding -------------------------------


def test_backward_shapes_must_match():
    with pytest.raises(ValueError, match="same shape"):
        activations.sigmoid_backward(np.zeros(3), np.zeros(4))
    with pytest.raises(ValueError, match="same shape"):
        activations.relu_backward(np.zeros((2, 3)), np.zeros(3))  # no broadcasting
    with pytest.raises(ValueError, match="same shape"):
        activations.softmax_backward(np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="dy has shape .* expected the forward.s shape"):
        activations.maxout_backward(np.zeros((2, 6)), np.zeros((2, 6)), 3)


def test_maxout_axis_length_must_be_a_multiple_of_pieces():
    with pytest.raises(ValueError, match="multiple"):
        activations.maxout(np.zeros((2, 7)), 3)


@pytest.mark.parametrize("pieces", [-1, 2**64])
def test_maxout_pieces_out_of_range_is_a_value_error(pieces):
    with pytest.raises(ValueError, match="pieces"):
        activations.maxout(np.zeros((2, 6)), pieces)


def test_maxout_pieces_must_be_an_integer():
    with pytest.raises(TypeError):
        activations.maxout(np.zeros((2, 6)), 2.0)


def test_maxout_along_other_axes(dtype, rng):
    x = rng.uniform(-1, 1, (6, 4, 3)).astype(dtype)
    for axis in (0, 1, -1):
        moved = np.moveaxis(x, axis, -1)
        pieces = moved.shape[-1] // 2 or 1
        want = np.moveaxis(activations.maxout(moved.copy(), pieces), -1, axis)
        assert np.array_equal(activations.maxout(x, pieces, axis=axis), want)
        want = np.moveaxis(activations.maxout_derivative(moved.copy(), pieces), -1, axis)
        assert np.array_equal(activations.maxout_derivative(x, pieces, axis=axis), want)


# --- library errors through the Python API ------------------------------------------

BAD_PARAMETERS = [
    ("leaky_relu", {"alpha": float("nan")}),
    ("leaky_relu", {"alpha": float("inf")}),
    ("elu", {"alpha": float("nan")}),
    ("elu", {"alpha": -float("inf")}),
    ("rrelu", {"lower": 0.5, "upper": 0.25}),
    ("rrelu", {"lower": 0.5, "upper": 0.25, "training": True}),
    ("rrelu", {"lower": float("nan")}),
    ("rrelu", {"upper": float("inf"), "training": True}),
    ("rrelu", {"lower": -1.5e308, "upper": 1.5e308}),  # upper - lower overflows
]


@pytest.mark.parametrize("family, params", BAD_PARAMETERS, ids=[f"{f}{p}" for f, p in BAD_PARAMETERS])
@pytest.mark.parametrize("direction", ["", "_derivative", "_backward"])
def test_bad_parameters_raise_the_library_parameter_error(family, params, direction, dtype):
    arrays = [np.linspace(-1, 1, 4, dtype=dtype)] * (2 if direction == "_backward" else 1)
    with pytest.raises(activations.ParameterError) as caught:
        getattr(activations, family + direction)(*arrays, **params)
    error = caught.value
    assert isinstance(error, ValueError) and isinstance(error, activations.ActivationsError)
    assert error.status == -3
    assert error.message == _library.status_message(-3).decode("ascii")
    assert error.function == f"act_{family}{direction}_{'f32' if dtype == np.float32 else 'f64'}"
    assert error.message in str(error)


def test_alpha_is_rounded_to_the_element_type_before_the_library_checks_it():
    x = np.linspace(-1, 1, 4)
    activations.leaky_relu(x, alpha=1e300)  # finite in double
    with pytest.raises(activations.ParameterError):
        activations.leaky_relu(x.astype(np.float32), alpha=1e300)  # inf in float


def test_maxout_zero_pieces_raises_the_library_parameter_error():
    with pytest.raises(activations.ParameterError) as caught:
        activations.maxout(np.zeros((2, 6)), 0)
    assert caught.value.message == _library.status_message(-3).decode("ascii")


@pytest.mark.parametrize("huge", [10**400, -(10**400), Fraction(10**400, 3)], ids=["int", "-int", "Fraction"])
def test_parameters_beyond_double_round_to_infinity(huge, dtype):
    """Not OverflowError: the value rounds to +-inf, as 1e300 does for float32."""
    x = np.linspace(-1, 1, 4, dtype=dtype)
    with pytest.raises(activations.ParameterError):
        activations.elu(x, alpha=huge)
    if huge > 0:  # softplus's threshold may be +inf
        want = activations.softplus(x, threshold=float("inf"))
        assert np.array_equal(activations.softplus(x, threshold=huge), want)


def test_parameters_must_be_numbers():
    with pytest.raises(TypeError, match="alpha"):
        activations.elu([1.0], alpha="0.5")


# --- unusual input layouts ------------------------------------------------------------


def _misaligned(values):
    """A copy of `values` at an odd byte address."""
    raw = np.zeros(values.nbytes + 1, np.uint8)
    array = raw[1:].view(values.dtype).reshape(values.shape)
    array[...] = values
    assert not array.flags.aligned
    return array


@pytest.mark.parametrize("name", ["sigmoid", "elu_backward", "softmax", "maxout_derivative"])
def test_misaligned_byteswapped_and_fortran_inputs(name):
    arrays, params = CALLS[name]
    want = getattr(activations, name)(*arrays, **params)
    for convert in (_misaligned, lambda a: a.astype(">f8"), np.asfortranarray):
        got = getattr(activations, name)(*[convert(np.asarray(a)) for a in arrays], **params)
        assert got.dtype == np.float64 and np.array_equal(got, want)


def test_misaligned_out_receives_the_result():
    x = np.linspace(-3, 3, 12)
    out = _misaligned(np.zeros(12))
    assert activations.tanh(x, out=out) is out
    assert np.array_equal(out, activations.tanh(x))


def test_package_docstring_examples():
    results = doctest.testmod(activations)
    assert results.attempted >= 2 and results.failed == 0
