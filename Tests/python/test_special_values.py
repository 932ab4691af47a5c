"""NaN, infinities, signed zeros, subnormals, softmax's special rows, maxout ties.

Each expectation is the header's stated convention (include/activations.h).
"""

import numpy as np
import pytest

import activations
import reference

INF, NAN = np.inf, np.nan

# (family, parameters) of every elementwise function, with a non-default
# parameter where there is one.
ELEMENTWISE = [
    ("sigmoid", {}),
    ("tanh", {}),
    ("relu", {}),
    ("leaky_relu", {"alpha": 0.2}),
    ("elu", {"alpha": 0.5}),
    ("rrelu", {}),
    ("rrelu", {"training": True, "seed": 5}),
]
ELEMENTWISE_IDS = [name + ("(training)" if p.get("training") else "") for name, p in ELEMENTWISE]


def call(name, x, dtype, **params):
    return getattr(activations, name)(np.asarray(x, dtype=dtype), **params)


def bits_equal(got, want):
    """Same values, NaN where NaN (of any sign), and the same sign on zeros."""
    got, want = np.asarray(got), np.asarray(want, dtype=got.dtype)
    nan = np.isnan(got) & np.isnan(want)
    same = (got == want) & (np.signbit(got) == np.signbit(want))
    return bool(np.all(same | nan))


# --- NaN ---------------------------------------------------------------------


@pytest.mark.parametrize("name, params", ELEMENTWISE, ids=ELEMENTWISE_IDS)
def test_nan_propagates_through_every_direction(name, params, dtype):
    x = np.array([NAN, -NAN, 1.0, -1.0], dtype)
    assert np.isnan(call(name, x, dtype, **params)[:2]).all()
    assert np.isnan(call(name + "_derivative", x, dtype, **params)[:2]).all()
    dy = np.array([1.0, 1.0, NAN, NAN], dtype)
    assert np.isnan(getattr(activations, name + "_backward")(x, dy, **params)).all()


@pytest.mark.parametrize("name, params", ELEMENTWISE, ids=ELEMENTWISE_IDS)
def test_backward_is_the_ieee_product(name, params, dtype):
    # dy = inf: inf * f'(x) is NaN where f'(x) == 0 (relu'(-1), sigmoid'(+-inf), ...)
    x = np.array([2.0, -1.0, INF, -INF, 0.0, -0.0], dtype)
    dy = np.full(x.shape, INF, dtype)
    derivative = call(name + "_derivative", x, dtype, **params)
    with np.errstate(invalid="ignore"):
        want = dy * derivative
    assert bits_equal(getattr(activations, name + "_backward")(x, dy, **params), want)


def test_relu_derivative_of_nan_is_nan(dtype):
    assert np.isnan(call("relu_derivative", [NAN], dtype)[0])


# --- infinities ----------------------------------------------------------------

LIMITS = [
    ("sigmoid", {}, [1.0, 0.0]),
    ("sigmoid_derivative", {}, [0.0, 0.0]),
    ("tanh", {}, [1.0, -1.0]),
    ("tanh_derivative", {}, [0.0, 0.0]),
    ("relu", {}, [INF, 0.0]),
    ("relu_derivative", {}, [1.0, 0.0]),
    ("leaky_relu", {"alpha": 0.25}, [INF, -INF]),
    ("leaky_relu_derivative", {"alpha": 0.25}, [1.0, 0.25]),
    ("elu", {"alpha": 0.5}, [INF, -0.5]),
    ("elu", {"alpha": -2.0}, [INF, 2.0]),
    ("elu_derivative", {"alpha": 0.5}, [1.0, 0.0]),
    ("elu_derivative", {"alpha": -2.0}, [1.0, -0.0]),  # 0 signed like alpha
]


@pytest.mark.parametrize("name, params, want", LIMITS, ids=[f"{n}{p}" for n, p, _ in LIMITS])
def test_limits_at_infinity(name, params, want, dtype):
    assert bits_equal(call(name, [INF, -INF], dtype, **params), want)


# --- signed zeros ----------------------------------------------------------------

ZEROS = [
    ("tanh", {}, [0.0, -0.0]),
    ("relu", {}, [0.0, 0.0]),
    ("leaky_relu", {"alpha": 0.1}, [0.0, -0.0]),
    ("elu", {"alpha": 1.0}, [0.0, -0.0]),
    ("rrelu", {}, [0.0, -0.0]),
    ("rrelu", {"training": True, "seed": 3}, [0.0, -0.0]),
    ("sigmoid", {}, [0.5, 0.5]),
    ("relu_derivative", {}, [0.0, 0.0]),
    ("leaky_relu_derivative", {"alpha": 0.1}, [0.1, 0.1]),
    ("elu_derivative", {"alpha": 0.7}, [0.7, 0.7]),
]


@pytest.mark.parametrize("name, params, want", ZEROS, ids=[f"{n}{p}" for n, p, _ in ZEROS])
def test_signed_zeros(name, params, want, dtype):
    want = np.array(want, dtype=np.float64).astype(dtype)  # 0.1 rounded to dtype
    assert bits_equal(call(name, [0.0, -0.0], dtype, **params), want)


# --- subnormals -------------------------------------------------------------------

SUBNORMAL_RESULTS = [
    ("sigmoid", np.float32, -100.0, reference.sigmoid),
    ("sigmoid", np.float64, -740.0, reference.sigmoid),
    ("sigmoid_derivative", np.float32, -95.0, reference.sigmoid_derivative),
    ("sigmoid_derivative", np.float64, 730.0, reference.sigmoid_derivative),
    ("tanh_derivative", np.float32, 50.0, reference.tanh_derivative),
    ("tanh_derivative", np.float64, -360.0, reference.tanh_derivative),
    ("elu_derivative", np.float32, -100.0, lambda x: reference.elu_derivative(x, 1)),
    ("elu_derivative", np.float64, -740.0, lambda x: reference.elu_derivative(x, 1)),
]


@pytest.mark.parametrize("name, dtype_, x, exact", SUBNORMAL_RESULTS, ids=[f"{n}({x})" for n, _, x, _ in SUBNORMAL_RESULTS])
def test_subnormal_results_are_not_flushed(name, dtype_, x, exact):
    got = call(name, [x], dtype_)
    want = [exact(reference.mp.mpf(x))]
    assert 0 < abs(got[0]) < np.finfo(dtype_).smallest_normal
    assert reference.ulp_errors(got, want, dtype_)[0] <= 2.0


@pytest.mark.parametrize("name", ["tanh", "relu", "leaky_relu", "elu", "rrelu"])
def test_subnormal_inputs_pass_through(name, dtype):
    tiny = np.finfo(dtype).smallest_subnormal
    got = call(name, [tiny, 3 * tiny], dtype)
    assert bits_equal(got, [tiny, 3 * tiny])


# --- softmax rows ------------------------------------------------------------------

SOFTMAX_ROWS = [
    ([1.0, NAN, 2.0], [NAN, NAN, NAN]),
    ([INF, NAN, 0.0], [NAN, NAN, NAN]),
    ([INF, 0.0, INF, -INF], [0.5, 0.0, 0.5, 0.0]),
    ([1.0, INF, 3.0], [0.0, 1.0, 0.0]),
    ([-INF, -INF, -INF], [NAN, NAN, NAN]),
    ([-INF, 0.0, 0.0], [0.0, 0.5, 0.5]),
    ([-INF], [NAN]),
    ([7.0], [1.0]),
]


@pytest.mark.parametrize("row, want", SOFTMAX_ROWS, ids=[str(r) for r, _ in SOFTMAX_ROWS])
def test_softmax_special_rows(row, want, dtype):
    x = np.array([row, np.zeros(len(row))], dtype)  # a normal row below must stay normal
    got = activations.softmax(x)
    assert bits_equal(got[0], want)
    assert np.all(got[1] == dtype.type(1) / len(row))


def test_softmax_jacobian_of_a_nan_row_is_nan(dtype):
    x = np.array([[1.0, NAN, 2.0], [0.0, 0.0, 0.0]], dtype)
    jacobian = activations.softmax_derivative(x)
    assert np.isnan(jacobian[0]).all() and not np.isnan(jacobian[1]).any()


# --- maxout ties and NaN ----------------------------------------------------------

MAXOUT_GROUPS = [
    ([-0.0, 0.0], -0.0, [1, 0]),
    ([0.0, -0.0], 0.0, [1, 0]),
    ([3.0, 3.0, 1.0], 3.0, [1, 0, 0]),
    ([1.0, 5.0, 5.0], 5.0, [0, 1, 0]),
    ([1.0, NAN, 5.0, NAN], NAN, [0, 1, 0, 0]),
    ([NAN, 1.0], NAN, [1, 0]),
    ([-INF, -INF], -INF, [1, 0]),
    ([-INF, INF, 2.0], INF, [0, 1, 0]),
]


@pytest.mark.parametrize("group, value, onehot", MAXOUT_GROUPS, ids=[str(g) for g, _, _ in MAXOUT_GROUPS])
def test_maxout_ties_and_nan(group, value, onehot, dtype):
    pieces = len(group)
    x = np.array([group, np.arange(pieces)], dtype)  # a second, ordinary row
    assert bits_equal(activations.maxout(x, pieces)[:, 0], [value, pieces - 1])
    derivative = activations.maxout_derivative(x, pieces)
    assert bits_equal(derivative[0], onehot)
    dy = np.array([[2.0], [3.0]], dtype)
    assert bits_equal(activations.maxout_backward(x, dy, pieces)[0], 2.0 * np.array(onehot, dtype))
