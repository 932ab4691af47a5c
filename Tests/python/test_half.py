"""Half precision in the binding: float16 and bfloat16 through the _f16 and _bf16 entry points.

The contract (include/activations.h, "Half precision"; halves.py computes it):
each element is widened exactly to float32 and the float32 function computes;
backward passes and row functions round each float32 result ONCE to the 16-bit
format, and elementwise forward and derivative results are correctly rounded
(the float32 result rounded, or where that rounding is ambiguous the float64
function's, rounded correctly), always to nearest, ties to even.  So every
public function, in both formats, must give bit for bit what halves.expected
computes from the binding's own float32 and float64 paths on the widened input:
float16 rounded by numpy's astype (RNE), bfloat16 by the RNE rounding of
float32 bits in halves.py (both checked here, against ml_dtypes' cast too where
that is installed).  NaN results only need to be quiet NaNs.

bfloat16 comes in two forms: uint16 bit patterns with dtype="bfloat16" (always
available, tested without ml_dtypes too: a subprocess that cannot import it),
and ml_dtypes.bfloat16 arrays (the tests of that form skip when ml_dtypes is
not installed; `make deps` installs it).
"""

import os
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import numpy as np
import pytest

import activations
from activations._spec import DIRECTIONS, FAMILIES, KINDS
from halves import (F16, F32, F64, FORMATS, U16, assert_same, bf16_round, bf16_widen, bits, correctly_rounded,
                    encode, expected, is_nan, round16_from_f64, to_odd_f32, widen)

PACKAGE_PARENT = Path(activations.__file__).resolve().parents[1]

PUBLIC = [(family, index, family.name + direction) for family in FAMILIES for index, direction in enumerate(DIRECTIONS)]
UNARY = [entry for entry in PUBLIC if entry[0].kind == "unary"]

#: Non-default parameters where that exercises them (and the required ones).
PARAMS = {
    "leaky_relu": {"alpha": 0.1}, "elu": {"alpha": 0.7}, "rrelu": {"training": True, "seed": 9},
    "hardtanh": {"min_val": -2.0, "max_val": 1.5}, "softshrink": {"lambd": 0.3}, "hardshrink": {"lambd": 0.4},
    "threshold": {"threshold": 0.5, "value": -1.0}, "swish": {"beta": 0.8}, "celu": {"alpha": 0.6},
    "softplus": {"beta": 2.0, "threshold": 10.0}, "maxout": {"pieces": 3},
}


def keywords(fmt):
    """The call's extra keywords for a format's storage."""
    return {} if fmt == "f16" else {"dtype": "bfloat16"}


#: What each call must return (halves.py: the contract's rounding).
reference = expected


def check(name, arrays, params, fmt, **extra):
    got = getattr(activations, name)(*arrays, **params, **keywords(fmt), **extra)
    want = reference(name, arrays, params, fmt)
    pairs = zip(got, want) if isinstance(want, tuple) else [(got, want)]
    for g, w in pairs:
        assert np.asarray(g).dtype == (F16 if fmt == "f16" else U16)
        assert_same(g, w, fmt)
    return got


# --- inputs for every public function -----------------------------------------------------

#: Values the inputs include: zeros, infinities, NaN, each format's extremes
#: and subnormals, values whose results overflow or underflow.
SPECIALS = [0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, 65504.0, -65504.0, 6e-8, -6e-8, 1e-40, -1e-40,
            3.3e38, -3.3e38, 1.0, -1.0, 0.5, 20.0, -20.0, 88.0, -104.0, 11.0, -17.0, 3.0, -3.0, 6.0]


def values(rng, shape, specials=True):
    out = rng.uniform(-8, 8, shape)
    if specials:
        flat = out.reshape(-1)
        picks = rng.random(flat.size) < 0.25
        flat[picks] = rng.choice(SPECIALS, int(picks.sum()))
    return out


def arguments(family, index, fmt, rng):
    """(arrays in the format, parameters) for one call of a public function."""
    kind = family.kind
    inputs = KINDS[kind].inputs[index]
    params = dict(PARAMS.get(family.name, {}))
    if kind == "unary":
        shape = (3, 37)
        second = shape
    elif kind == "softmax":
        shape = second = (5, 9)
    elif kind == "maxout":
        shape, second = (4, 12), (4, 4)
    elif kind == "gated":
        shape, second = (4, 10), (4, 5)
    else:
        shape, second = (5, 6), (6,)
    arrays = []
    for name in inputs:
        if name == "weight":
            arrays.append(encode(rng.uniform(-1, 1, second), fmt))
        elif name == "x":
            arrays.append(encode(values(rng, shape), fmt))
        elif name == "y":  # the forward's output, in the format
            x = values(rng, shape, specials=False)
            arrays.append(encode(getattr(activations, family.name)(x.astype(F32)), fmt))
        else:  # dy
            arrays.append(encode(values(rng, second if kind in ("maxout", "gated") else shape), fmt))
    return arrays, params


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("family, index, name", PUBLIC, ids=[name for _, _, name in PUBLIC])
def test_every_function_follows_the_rounding_contract(family, index, name, fmt, rng):
    arrays, params = arguments(family, index, fmt, rng)
    check(name, arrays, params, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("family, index, name", UNARY, ids=[name for _, _, name in UNARY])
def test_elementwise_functions_over_every_16_bit_pattern(family, index, name, fmt):
    """All 2**16 inputs of the format (backward: with dy a fixed permutation of them)."""
    patterns = np.arange(2**16, dtype=np.uint32).astype(U16).reshape(256, 256)
    x = patterns.view(F16) if fmt == "f16" else patterns
    arrays = [x]
    if index == 2:
        arrays.append(np.random.default_rng(16).permutation(x.reshape(-1)).reshape(x.shape))
    check(name, arrays, PARAMS.get(family.name, {}), fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_forward_and_derivative_are_correctly_rounded_where_float32_is_ambiguous(fmt):
    """Rounding the float32 result once would be a double rounding: wrong where it is
    ambiguous.  silu(2**-24) = 2**-25 (1 + 2**-25 ...) is just above the tie between 0
    and float16's smallest subnormal 2**-24, which the float32 result (2**-25 exactly)
    lands on.  And over all inputs, the correction decides some sigmoid lanes."""
    if fmt == "f16":
        tiny = np.array([2.0**-24, -(2.0**-24)], F16)
        assert activations.silu(tiny).tolist() == [2.0**-24, -0.0]
        assert np.float16(np.float32(activations.silu(tiny.astype(F32))[0])) == 0  # the double rounding
    patterns = np.arange(2**16, dtype=np.uint32).astype(U16)
    x = patterns.view(F16) if fmt == "f16" else patterns
    for name in ("sigmoid", "gelu", "silu_derivative"):
        once = encode(getattr(activations, name)(widen(x, fmt)), fmt)
        want = reference(name, [x], {}, fmt)
        finite = ~is_nan(want, fmt)
        corrected = np.count_nonzero(bits(once, fmt)[finite] != bits(want, fmt)[finite])
        got = getattr(activations, name)(x, **keywords(fmt))
        assert_same(got, want, fmt)
        if name == "sigmoid" and fmt == "f16":
            assert corrected > 0, "no lane where the rounding once from float32 is wrong: a vacuous test"


def test_the_rounding_of_these_tests():
    """halves.py's roundings: bfloat16's RNE on the cases that decide it; the float64
    rounding through round-to-odd against numpy's direct float64 -> float16 cast (and
    ml_dtypes' casts where installed)."""
    """The test's own rounding, on the cases that decide it (and against ml_dtypes if installed)."""
    cases = {
        0x3F808000: 0x3F80,  # a tie, even below: down
        0x3F818000: 0x3F82,  # a tie, odd below: up
        0x3F808001: 0x3F81,  # above the tie: up
        0x3F807FFF: 0x3F80,  # below the tie: down
        0x7F7FFFFF: 0x7F80,  # the largest float rounds to inf
        0xFF7F8000: 0xFF80,  # a tie at the top, odd below: -inf
        0x00008000: 0x0000,  # the smallest tie rounds to zero (even)
        0x00018000: 0x0002,  # a subnormal tie, odd below: up
        0x80000000: 0x8000,  # -0 stays -0
        0x7F800000: 0x7F80,  # inf
    }
    f32 = np.array(list(cases), np.uint32).view(F32)
    assert bf16_round(f32).tolist() == list(cases.values())
    assert is_nan(bf16_round(np.array([np.nan, -np.nan], F32)), "bf16").all()
    assert to_odd_f32(np.array([1 + 2.0**-30, -1 - 2.0**-30, 1.0, 1e300, 1 - 2.0**-40])).view(np.uint32).tolist() == [
        0x3F800001, 0xBF800001, 0x3F800000, 0x7F7FFFFF, 0x3F7FFFFF]
    rng = np.random.default_rng(5)
    # Doubles at, just above and just below float16's ties, and random ones.
    halves16 = rng.integers(0, 0x7C00, 50_000).astype(U16).view(F16).astype(F64)
    with np.errstate(over="ignore"):
        half_ulps = np.spacing(halves16.astype(F16)).astype(F64) / 2
    doubles = np.concatenate([halves16 + half_ulps * k for k in (1, 1 + 2.0**-30, 1 - 2.0**-30, -1 - 2.0**-40)]
                             + [rng.normal(0, 100, 50_000), rng.normal(0, 1e-6, 50_000)])
    with np.errstate(over="ignore"):
        assert np.array_equal(bits(round16_from_f64(doubles, "f16"), "f16"), doubles.astype(F16).view(U16))
    try:
        import ml_dtypes
    except ImportError:
        return
    sample = rng.integers(0, 2**32, 200_000, dtype=np.uint64).astype(np.uint32).view(F32)
    sample = sample[~np.isnan(sample)]
    with np.errstate(over="ignore"):
        assert np.array_equal(bf16_round(sample), sample.astype(ml_dtypes.bfloat16).view(U16))
        below = bf16_widen(rng.integers(0, 0x7F7F, 50_000).astype(U16)).astype(F64)
        ties = (below + bf16_widen(bf16_round(below.astype(F32) * np.float32(1 + 2**-7))).astype(F64)) / 2
        doubles = np.concatenate([ties, ties * (1 + 2.0**-40), ties * (1 - 2.0**-40), -ties, doubles])
        assert np.array_equal(round16_from_f64(doubles, "bf16"), doubles.astype(ml_dtypes.bfloat16).view(U16))


# --- shapes, 0-d, empty, out=, in place, strides ------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_zero_d_and_empty_inputs(fmt):
    x = encode(np.array(0.5), fmt)
    got = activations.sigmoid(x, **keywords(fmt))
    assert isinstance(got, np.generic) and got.dtype == x.dtype
    assert_same(got, reference("sigmoid", [x], {}, fmt), fmt)
    scalar = x[()]  # a numpy scalar (np.float16 or np.uint16)
    assert activations.sigmoid(scalar, **keywords(fmt)) == got
    for shape in [(0,), (3, 0), (0, 4)]:
        empty = encode(np.zeros(shape), fmt)
        for name in ("tanh", "softmax", "glu"):
            result = getattr(activations, name)(empty, **keywords(fmt))
            assert result.dtype == empty.dtype and result.size == 0
        weight = encode(np.ones(1), fmt)
        dx, dweight = activations.prelu_backward(empty, empty, weight, **keywords(fmt))
        assert dx.shape == shape and dweight.shape == (1,) and dweight.dtype == empty.dtype
        assert_same(dweight, reference("prelu_backward", [empty, empty, weight], {}, fmt)[1], fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["elu", "softmax", "maxout", "glu_backward", "prelu", "log_softmax_derivative"])
def test_out_contiguous_strided_and_in_place(name, fmt, rng):
    family = next(f for f in FAMILIES if name.startswith(f.name) and name[len(f.name):] in DIRECTIONS)
    index = DIRECTIONS.index(name[len(family.name):])
    arrays, params = arguments(family, index, fmt, rng)
    want = reference(name, arrays, params, fmt)
    function = getattr(activations, name)
    storage = arrays[0].dtype
    out = np.empty(want.shape, storage)
    assert function(*arrays, **params, **keywords(fmt), out=out) is out
    assert_same(out, want, fmt)
    # A strided out (the result goes through a temporary), in reverse order.
    base = np.full(2 * want.size, 7, U16)
    if want.ndim == 1:
        strided, untouched = base.view(storage)[::-2], base[0::2]
    else:
        strided, untouched = base.view(storage)[::2].reshape(want.shape)[::-1, ::-1], base[1::2]
    assert function(*arrays, **params, **keywords(fmt), out=strided) is strided
    assert_same(strided, want, fmt)
    assert np.all(untouched == 7)  # the elements between untouched
    # In place, where the output has x's shape.
    if want.shape == arrays[0].shape:
        x = arrays[0].copy()
        assert function(x, *arrays[1:], **params, **keywords(fmt), out=x) is x
        assert_same(x, want, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["silu_backward", "softmin", "swiglu", "maxout_derivative", "prelu_backward"])
def test_strided_byte_swapped_and_misaligned_inputs(name, fmt, rng):
    family = next(f for f in FAMILIES if name.startswith(f.name) and name[len(f.name):] in DIRECTIONS)
    index = DIRECTIONS.index(name[len(family.name):])
    arrays, params = arguments(family, index, fmt, rng)
    want = check(name, arrays, params, fmt)
    function = getattr(activations, name)

    def layouts(array):
        yield np.asfortranarray(array)
        stepped = np.empty(tuple(2 * n for n in array.shape), array.dtype)
        view = stepped[tuple(slice(None, None, 2) for _ in array.shape)]
        view[...] = array
        yield view
        yield array.astype(array.dtype.newbyteorder())  # the same values, the other byte order
        raw = np.zeros(array.nbytes + 1, np.uint8)[1:].view(array.dtype).reshape(array.shape)
        raw[...] = array
        yield raw  # misaligned
        if array.ndim == 2:
            yield np.ascontiguousarray(array.T).T

    for k, array in enumerate(arrays):
        for layout in layouts(array):
            assert np.array_equal(layout, array) or np.isnan(widen(array, fmt)).any()
            call = arrays[:k] + [layout] + arrays[k + 1:]
            got = function(*call, **params, **keywords(fmt))
            for g, w in (zip(got, want) if isinstance(want, tuple) else [(got, want)]):
                assert np.array_equal(bits(g, fmt), bits(w, fmt))


def test_the_axis_of_row_functions(rng):
    for fmt in FORMATS:
        x = encode(values(rng, (6, 4, 5)), fmt)
        for name in ("softmax", "log_softmax_derivative", "glu"):
            for axis in (0, 1):
                if name == "glu" and x.shape[axis] % 2:
                    continue
                got = getattr(activations, name)(x, axis=axis, **keywords(fmt))
                want = reference(name, [x], {"axis": axis}, fmt)
                assert_same(got, want, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_results_do_not_depend_on_the_thread_count(fmt, rng):
    x = encode(rng.uniform(-20, 20, 2**20 + 3), fmt)
    dy = encode(rng.uniform(-2, 2, x.size), fmt)
    calls = [lambda: activations.gelu_backward(x, dy, **keywords(fmt)),
             lambda: activations.softmax(x[:2**20].reshape(-1, 1024), **keywords(fmt)),
             lambda: activations.prelu_backward(x, dy, x[:1], **keywords(fmt))[1]]
    try:
        results = []
        for threads in (1, 3, 8):
            activations.set_num_threads(threads)
            results.append([bits(call(), fmt).copy() for call in calls])
    finally:
        activations.set_num_threads(0)
    for other in results[1:]:
        for a, b in zip(results[0], other):
            assert np.array_equal(a, b)


# --- overflow, promotion --------------------------------------------------------------------


def test_overflow_to_inf_without_a_warning():
    big16 = np.array([65504.0, -1.0], F16)
    big_bf = bf16_round(np.array([3.38e38, -1.0], F32))  # the largest bfloat16 values
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert activations.selu(big16)[0] == np.inf
        assert activations.selu(big_bf, dtype="bfloat16")[0] == 0x7F80  # +inf
        dx, dweight = activations.prelu_backward(-big16, np.full(2, 2.0, F16), np.float16(0.5))
        assert dweight == -np.inf and dx.dtype == F16


def test_mixed_dtypes_promote_as_before():
    x16 = np.linspace(-1, 1, 5, dtype=F16)
    assert activations.tanh_backward(x16, x16).dtype == F16
    assert activations.tanh_backward(x16, x16.astype(F32)).dtype == F32
    assert activations.tanh_backward(x16, x16.astype(np.float64)).dtype == np.float64
    assert activations.tanh_backward(x16, np.arange(5)).dtype == np.float64
    assert activations.prelu(x16, 0.25).dtype == np.float64  # a Python float is a float64 array
    assert activations.prelu(x16, np.float16(0.25)).dtype == F16
    # float16 with float32: the float32 entry point on the exactly widened float16.
    dy = np.float32(1 / 3) * np.ones(5, F32)
    assert np.array_equal(activations.tanh_backward(x16, dy), activations.tanh_backward(x16.astype(F32), dy))


def test_uint16_without_the_keyword_is_an_integer_array():
    patterns = np.array([0x3F80, 2], U16)
    assert np.array_equal(activations.relu(patterns), [16256.0, 2.0])
    assert activations.relu(patterns).dtype == np.float64


# --- the dtype keyword: errors -----------------------------------------------------------------


@pytest.mark.parametrize("value", [np.zeros(3, F32), np.zeros(3, F16), np.zeros(3, np.int16), np.zeros(3, np.uint32),
                                   np.zeros(3, np.int64), np.zeros(3, np.float64), [16256, 0, 1], 16256, 0.5, True,
                                   np.zeros(3, bool), np.zeros(3, np.complex64)],
                         ids=lambda v: type(v).__name__ + (f"-{v.dtype}" if isinstance(v, np.ndarray) else ""))
def test_bfloat16_keyword_rejects_other_dtypes(value):
    with pytest.raises(TypeError, match="dtype='bfloat16' takes uint16 arrays"):
        activations.sigmoid(value, dtype="bfloat16")


def test_bfloat16_keyword_rejects_any_non_bfloat16_argument():
    bits16 = np.zeros((2, 4), U16)
    with pytest.raises(TypeError, match="dy has dtype float32"):
        activations.elu_backward(bits16, bits16.astype(F32), dtype="bfloat16")
    with pytest.raises(TypeError, match="weight has dtype float64"):
        activations.prelu(bits16, 0.25, dtype="bfloat16")
    with pytest.raises(TypeError, match="y has dtype float16"):
        activations.softmax_backward(bits16.view(F16), bits16, dtype="bfloat16")
    out = np.empty((2, 4), F32)
    with pytest.raises(ValueError, match="out has dtype float32, expected uint16"):
        activations.elu(bits16, dtype="bfloat16", out=out)
    with pytest.raises(ValueError, match="out has dtype uint16, expected float16"):
        activations.elu(bits16.view(F16), out=bits16)


@pytest.mark.parametrize("dtype, error", [("float16", ValueError), ("bf16", ValueError), ("BFLOAT16", ValueError),
                                          ("", ValueError), (np.float16, TypeError), (F16, TypeError), (1, TypeError),
                                          (b"bfloat16", TypeError), (["bfloat16"], TypeError),
                                          (np.array("bfloat16"), TypeError)],
                         ids=repr)
def test_the_dtype_keyword_takes_none_or_bfloat16(dtype, error):
    for name, args in [("sigmoid", (np.zeros(3, U16),)), ("softmax", (np.zeros((2, 3), U16),)),
                       ("prelu_backward", (np.zeros(3, U16),) * 3), ("maxout", (np.zeros((2, 4), U16), 2))]:
        with pytest.raises(error, match="dtype must be None or"):
            getattr(activations, name)(*args, dtype=dtype)
    assert activations.sigmoid(np.zeros(3, F16), dtype=None).dtype == F16
    assert activations.sigmoid(np.zeros(3, U16), dtype=np.str_("bfloat16")).dtype == U16


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_parameters_raise_the_libraries_parameter_error(fmt):
    suffix = "_f16" if fmt == "f16" else "_bf16"
    x = encode(np.linspace(-2, 2, 8), fmt)
    cases = [
        ("elu", (x,), {"alpha": float("nan")}),
        ("elu_backward", (x, x), {"alpha": float("inf")}),
        ("softplus", (x,), {"beta": 0.0}),
        ("hardtanh_derivative", (x,), {"min_val": 2.0, "max_val": 1.0}),
        ("rrelu", (x,), {"lower": 0.5, "upper": 0.25, "training": True}),
        ("celu", (x,), {"alpha": 1e39}),  # beyond float32: inf as a float parameter
        ("maxout", (x.reshape(2, 4),), {"pieces": 0}),
        ("prelu", (x, encode(np.array([np.inf]), fmt)), {}),
        ("prelu_backward", (x, x, encode(np.array([np.nan]), fmt)), {}),
    ]
    for name, args, params in cases:
        with pytest.raises(activations.ParameterError) as caught:
            getattr(activations, name)(*args, **params, **keywords(fmt))
        assert caught.value.function == f"act_{name}{suffix}"
        assert caught.value.status == activations.ParameterError.code


def test_shape_errors_are_the_usual_value_errors():
    bits16 = np.zeros((2, 5), U16)
    with pytest.raises(ValueError, match="is odd"):
        activations.glu(bits16, dtype="bfloat16")
    with pytest.raises(ValueError, match="not a multiple of pieces"):
        activations.maxout(bits16.view(F16), 2)
    with pytest.raises(ValueError, match="same shape"):
        activations.tanh_backward(bits16, bits16[:, :2], dtype="bfloat16")


# --- ml_dtypes.bfloat16 arrays (the optional package) ------------------------------------------


@pytest.fixture
def ml_dtypes():
    return pytest.importorskip("ml_dtypes")


@pytest.mark.parametrize("family, index, name", PUBLIC, ids=[name for _, _, name in PUBLIC])
def test_ml_dtypes_bfloat16_arrays_give_the_keywords_bits(family, index, name, ml_dtypes, rng):
    arrays, params = arguments(family, index, "bf16", rng)
    want = check(name, arrays, params, "bf16")
    typed = [a.view(ml_dtypes.bfloat16) for a in arrays]
    function = getattr(activations, name)
    for call in (lambda: function(*typed, **params), lambda: function(*typed, **params, dtype="bfloat16")):
        got = call()
        for g, w in (zip(got, want) if isinstance(want, tuple) else [(got, want)]):
            assert g.dtype == ml_dtypes.bfloat16
            assert np.array_equal(g.view(U16), w)
    # Mixed with uint16 bit patterns under the keyword: uint16 bits out.
    mixed = [typed[0]] + arrays[1:] if len(arrays) > 1 else [arrays[0]]
    got = function(*mixed, **params, dtype="bfloat16")
    for g, w in (zip(got, want) if isinstance(want, tuple) else [(got, want)]):
        assert g.dtype == U16 and np.array_equal(g, w)


def test_ml_dtypes_out_in_place_strides_and_0_d(ml_dtypes, rng):
    bf16 = np.dtype(ml_dtypes.bfloat16)
    x = bf16_round(rng.uniform(-4, 4, (6, 8)).astype(F32)).view(bf16)
    want = activations.gelu(x.view(U16), dtype="bfloat16")
    out = np.empty(x.shape, bf16)
    assert activations.gelu(x, out=out) is out and np.array_equal(out.view(U16), want)
    strided = np.zeros((12, 8), bf16)[::2]
    assert activations.gelu(x, out=strided) is strided and np.array_equal(strided.view(U16), want)
    inplace = x.copy()
    assert activations.gelu(inplace, out=inplace) is inplace and np.array_equal(inplace.view(U16), want)
    assert np.array_equal(activations.gelu(x[::-1, ::2]).view(U16), want[::-1, ::2])
    assert np.array_equal(activations.gelu(x.T).view(U16), want.T)
    scalar = activations.gelu(x[1, 2])
    assert type(scalar) is ml_dtypes.bfloat16 and scalar.view(U16) == want[1, 2]
    with pytest.raises(ValueError, match="out has dtype uint16, expected bfloat16"):
        activations.gelu(x, out=np.empty(x.shape, U16))
    with pytest.raises(ValueError, match="out has dtype bfloat16, expected uint16"):
        activations.gelu(x.view(U16), out=out, dtype="bfloat16")
    with pytest.raises(activations.ParameterError) as caught:
        activations.elu(x, alpha=float("nan"))
    assert caught.value.function == "act_elu_bf16"


def test_ml_dtypes_bfloat16_promotes_like_numpy(ml_dtypes):
    bf16 = np.dtype(ml_dtypes.bfloat16)
    x = np.linspace(-2, 2, 5).astype(bf16)
    assert activations.tanh_backward(x, x).dtype == bf16
    for other, result in [(F16, F32), (F32, F32), (np.float64, np.float64), (np.int8, np.float64),
                          (U16, np.float64), (bool, np.float64)]:
        got = activations.tanh_backward(x, np.ones(5, other))
        assert got.dtype == result
        assert np.array_equal(got, activations.tanh_backward(x.astype(result), np.ones(5, other).astype(result)))


def test_other_ml_dtypes_are_unsupported(ml_dtypes):
    for name in ("float8_e4m3fn", "float8_e5m2", "int4"):
        dtype = getattr(ml_dtypes, name, None)
        if dtype is not None:
            with pytest.raises(TypeError, match="unsupported dtype"):
                activations.sigmoid(np.zeros(3, dtype))
            with pytest.raises(TypeError, match="dtype='bfloat16' takes uint16"):
                activations.sigmoid(np.zeros(3, dtype), dtype="bfloat16")


# --- without ml_dtypes --------------------------------------------------------------------------


def _run_python(code):
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    if not os.environ.get("ACTIVATIONS_TEST_INSTALLED") == "1":
        env["PYTHONPATH"] = str(PACKAGE_PARENT)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                          timeout=120)


def test_bfloat16_keyword_works_without_ml_dtypes():
    """A process where `import ml_dtypes` fails: the keyword form still works, and
    an uint16 result is returned for every kind of function."""
    result = _run_python("""
        import sys
        sys.modules["ml_dtypes"] = None  # import ml_dtypes now raises ImportError
        import numpy as np
        import activations
        try:
            import ml_dtypes
        except ImportError:
            pass
        else:
            raise SystemExit("ml_dtypes is importable")
        x = (np.array([1.0, -2.0, 0.5, 3.0], np.float32).view(np.uint32) >> 16).astype(np.uint16)
        print(activations.relu(x, dtype="bfloat16").tolist())
        print(activations.softmax(x, dtype="bfloat16").dtype, activations.maxout(x, 2, dtype="bfloat16").tolist())
        print(activations.prelu_backward(x, x, x[:1], dtype="bfloat16")[1].tolist())
        print(activations.sigmoid(np.float16(0)).dtype, activations.sigmoid(x.view(np.float16)).dtype)
        try:
            activations.sigmoid(np.zeros(2, np.float32), dtype="bfloat16")
        except TypeError as error:
            print("TypeError", error)
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == str([0x3F80, 0, 0x3F00, 0x4040])  # relu: 1, 0 (from -2), 0.5, 3
    assert lines[1] == f"uint16 {[0x3F80, 0x4040]}"
    assert lines[2] == str([0x4080])  # dweight = dy * x for x = -2 < 0: 4.0
    assert lines[3] == "float16 float16"
    assert lines[4].startswith("TypeError activations: dtype='bfloat16' takes uint16 arrays")


def test_the_binding_never_imports_ml_dtypes():
    result = _run_python("""
        import sys
        import numpy as np
        import activations
        x = np.zeros(4, np.uint16)
        activations.gelu(x, dtype="bfloat16")
        activations.gelu(x.view(np.float16))
        activations.softmax(np.zeros((2, 2)))
        print("ml_dtypes" in sys.modules)
    """)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split() == ["False"]
