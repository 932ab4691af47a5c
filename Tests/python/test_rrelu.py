"""rrelu: eval slope fl((lower + upper) / 2), training slopes from the header's recipe.

The training slopes are reproduced here independently, with numpy uint64
arithmetic following the recipe written in include/activations.h
(snippets.rrelu_slopes), and must match the library bit for bit.
"""

import numpy as np
import pytest

import activations
import snippets

SEEDS = [0, 1, 42, 2**32 + 7, 2**63 + 12345, 2**64 - 1]
BOUNDS = [(1 / 8, 1 / 3), (0.0, 1.0), (-0.5, 0.25), (0.3, 0.3)]


def _inputs(rng, dtype, shape=(40, 250)):
    x = rng.uniform(-10, 10, shape).astype(dtype)
    x.flat[:3] = [0.0, -0.0, 1.0]
    return x


@pytest.mark.parametrize("lower, upper", BOUNDS)
def test_eval_slope_is_rounded_midpoint(lower, upper, dtype, rng):
    x = _inputs(rng, dtype)
    slopes = snippets.rrelu_slopes(x.size, lower, upper, False, 0, dtype)
    np.testing.assert_array_equal(activations.rrelu(x, lower, upper), snippets.rrelu(x, slopes))
    derivative = activations.rrelu_derivative(x, lower, upper)
    np.testing.assert_array_equal(derivative, snippets.rrelu_derivative(x, slopes))
    assert derivative.flat[0] == slopes[0]  # f'(0) is the slope


def test_eval_slope_when_lower_plus_upper_overflows(dtype):
    big = np.finfo(dtype).max
    lower, upper = dtype.type(big * 0.75), dtype.type(big)
    slope = snippets.rrelu_slopes(1, lower, upper, False, 0, dtype)[0]
    assert np.isfinite(slope)
    assert activations.rrelu_derivative(np.array([-1.0], dtype), lower, upper)[0] == slope


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lower, upper", BOUNDS[:3])
def test_training_slopes_follow_the_header_recipe(seed, lower, upper, dtype, rng):
    x = _inputs(rng, dtype)
    dy = rng.uniform(-3, 3, x.shape).astype(dtype)
    slopes = snippets.rrelu_slopes(x.size, lower, upper, True, seed, dtype)
    params = dict(lower=lower, upper=upper, training=True, seed=seed)
    forward = activations.rrelu(x, **params)
    derivative = activations.rrelu_derivative(x, **params)
    backward = activations.rrelu_backward(x, dy, **params)
    np.testing.assert_array_equal(forward, snippets.rrelu(x, slopes))
    np.testing.assert_array_equal(derivative, snippets.rrelu_derivative(x, slopes))
    np.testing.assert_array_equal(backward, dy * snippets.rrelu_derivative(x, slopes))
    assert derivative.flat[0] == slopes[0] and derivative.flat[1] == slopes[1]  # at +-0: the slope
    assert forward.dtype == derivative.dtype == backward.dtype == dtype


def test_training_slopes_lie_in_bounds_and_depend_on_the_seed(dtype):
    x = -np.ones(100_000, dtype)
    a = activations.rrelu_derivative(x, 0.1, 0.4, training=True, seed=7)
    b = activations.rrelu_derivative(x, 0.1, 0.4, training=True, seed=8)
    lower, upper = dtype.type(0.1), dtype.type(0.4)
    assert a.min() >= lower and a.max() <= upper
    assert np.mean(a == b) < 0.01
    # uniform on [lower, upper): mean and spread within 1% of the expected
    assert abs(a.mean() - (0.1 + 0.4) / 2) < 0.01 * 0.25
    assert abs(a.std() - 0.3 / np.sqrt(12)) < 0.01 * 0.3


def test_training_index_is_the_c_order_index(dtype, rng):
    x = _inputs(rng, dtype)
    view = x.T[::-1]  # strided and negatively strided
    slopes = snippets.rrelu_slopes(view.size, 0.1, 0.4, True, 99, dtype)
    got = activations.rrelu(view, 0.1, 0.4, training=True, seed=99)
    np.testing.assert_array_equal(got, snippets.rrelu(np.ascontiguousarray(view), slopes))


@pytest.mark.parametrize("seed", [-1, 2**64])
def test_seed_out_of_range_is_a_value_error(seed):
    with pytest.raises(ValueError, match="seed"):
        activations.rrelu([-1.0], training=True, seed=seed)
