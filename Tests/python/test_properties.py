"""Hypothesis properties of the binding and the library.

in place == out of place; derivatives within 2 ulp of mpmath on random
finite inputs (exact for the piecewise-linear ones); dtype preservation;
backward == dy * derivative bit for bit; strided views == contiguous copies.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import activations
import reference

settings.register_profile("activations", max_examples=100, deadline=None)
settings.load_profile("activations")

ELEMENTWISE = {
    "sigmoid": {},
    "tanh": {},
    "relu": {},
    "leaky_relu": {"alpha": 0.05},
    "elu": {"alpha": 1.5},
    "rrelu": {"training": True, "seed": 77},
}
FLOAT_DTYPES = st.sampled_from([np.dtype(np.float32), np.dtype(np.float64)])


def same_values(a, b):
    """Equal elementwise, NaN where NaN, same sign on zeros."""
    a, b = np.asarray(a), np.asarray(b)
    if a.dtype != b.dtype or a.shape != b.shape:
        return False
    nan = np.isnan(a)
    return bool(np.array_equal(nan, np.isnan(b)) and np.all((a == b) | nan)
                and np.array_equal(np.signbit(a) | nan, np.signbit(b) | nan))


@st.composite
def float_arrays(draw, dtype=None, shape=None, finite=False):
    dtype = dtype if dtype is not None else draw(FLOAT_DTYPES)
    shape = shape if shape is not None else draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=9))
    elements = st.floats(width=8 * dtype.itemsize, allow_nan=not finite, allow_infinity=not finite)
    return draw(hnp.arrays(dtype, shape, elements=elements))


@given(name=st.sampled_from(sorted(ELEMENTWISE)), direction=st.sampled_from(["", "_derivative", "_backward"]),
       x=float_arrays(), data=st.data())
def test_in_place_equals_out_of_place(name, direction, x, data):
    function = getattr(activations, name + direction)
    params = ELEMENTWISE[name]
    arrays = [x] if direction != "_backward" else [x, data.draw(float_arrays(x.dtype, x.shape))]
    want = function(*[a.copy() for a in arrays], **params)
    target = data.draw(st.integers(0, len(arrays) - 1))
    inputs = [a.copy() for a in arrays]
    function(*inputs, **params, out=inputs[target])
    assert same_values(inputs[target], want)


@given(name=st.sampled_from(["sigmoid", "tanh", "elu"]), dtype=FLOAT_DTYPES, data=st.data())
def test_derivative_within_two_ulp_of_mpmath(name, dtype, data):
    x = data.draw(float_arrays(dtype, (data.draw(st.integers(1, 16)),), finite=True))
    if name == "elu":
        alpha = dtype.type(1.5)
        got = activations.elu_derivative(x, alpha)
        want = [reference.elu_derivative(v, reference.mp.mpf(float(alpha))) for v in reference.exact(x)]
    else:
        got = getattr(activations, name + "_derivative")(x)
        want = [getattr(reference, name + "_derivative")(v) for v in reference.exact(x)]
    assert reference.ulp_errors(got, want, dtype).max() <= 2.0


@given(x=float_arrays(finite=True))
def test_piecewise_linear_derivatives_are_exact(x):
    one, alpha = x.dtype.type(1), x.dtype.type(0.05)
    assert same_values(activations.relu_derivative(x), np.where(x > 0, one, x.dtype.type(0)))
    assert same_values(activations.leaky_relu_derivative(x, 0.05), np.where(x > 0, one, alpha))
    slope = (x.dtype.type(0.125) + x.dtype.type(1 / 3)) / x.dtype.type(2)
    assert same_values(activations.rrelu_derivative(x), np.where(x > 0, one, slope))


@given(dtype=st.sampled_from([np.float16, np.float32, np.float64, np.int8, np.int64, np.uint32, np.bool_]),
       name=st.sampled_from(sorted(ELEMENTWISE)), shape=hnp.array_shapes(min_dims=0, max_dims=3, max_side=5))
def test_dtype_preservation(dtype, name, shape):
    x = np.ones(shape, dtype)
    result = getattr(activations, name)(x, **ELEMENTWISE[name])
    expected = np.dtype(dtype) if np.dtype(dtype).kind == "f" else np.dtype(np.float64)
    assert result.dtype == expected and np.shape(result) == shape


@given(name=st.sampled_from(sorted(ELEMENTWISE)), x=float_arrays(), data=st.data())
def test_backward_is_dy_times_derivative_bitwise(name, x, data):
    dy = data.draw(float_arrays(x.dtype, x.shape))
    params = ELEMENTWISE[name]
    backward = getattr(activations, name + "_backward")(x, dy, **params)
    with np.errstate(invalid="ignore"):  # inf * 0
        want = dy * getattr(activations, name + "_derivative")(x, **params)
    assert same_values(backward, want)


@given(x=float_arrays(shape=(4, 6)), pieces=st.sampled_from([1, 2, 3, 6]), data=st.data())
def test_maxout_backward_is_dy_times_derivative_bitwise(x, pieces, data):
    dy = data.draw(float_arrays(x.dtype, (4, 6 // pieces)))
    derivative = activations.maxout_derivative(x, pieces)
    with np.errstate(invalid="ignore"):  # inf * 0
        want = derivative * np.repeat(dy, pieces, axis=-1)
    assert same_values(activations.maxout_backward(x, dy, pieces), want)


VIEWS = {
    "reversed": lambda a: a[::-1, ::-1],
    "every other": lambda a: a[::2, 1::2],
    "transposed": lambda a: a.T,
    "negative step": lambda a: a[::-2, ::-3],
}


@given(x=float_arrays(shape=(8, 12)), view=st.sampled_from(sorted(VIEWS)),
       name=st.sampled_from(sorted(ELEMENTWISE) + ["softmax", "maxout"]),
       direction=st.sampled_from(["", "_derivative", "_backward"]), data=st.data())
def test_strided_views_equal_contiguous_copies(x, view, name, direction, data):
    function = getattr(activations, name + direction)
    params = {"pieces": 2} if name == "maxout" else ELEMENTWISE.get(name, {})
    first = VIEWS[view](x)
    arrays = [first]
    if direction == "_backward":
        other = data.draw(float_arrays(x.dtype, (8, 12)))
        second = VIEWS[view](other)
        arrays.append(second[..., ::2] if name == "maxout" else second)
    assert not first.flags.c_contiguous
    got = function(*arrays, **params)
    want = function(*[np.ascontiguousarray(a) for a in arrays], **params)
    assert same_values(got, want)
