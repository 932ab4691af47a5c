"""Every function, derivative and backward pass against the document's snippets.

Moderate inputs: uniform in [-10, 10] plus the exact points 0, -0, +-1.
relu, leaky_relu and maxout must match exactly (rrelu: test_rrelu.py).  For
the transcendental functions the tolerance is 6 eps relative, plus 6 eps
times the scale of the snippet's own cancellation where it has one:

  * the library is within 2 ulp (<= 2 eps relative) of the exact result;
  * numpy's float32 exp is up to 2.2 ulp off on its own and each snippet
    adds one to three roundings, so a snippet is within ~3.5 eps relative,
    except where it subtracts nearly equal numbers: S(1 - S) loses about
    eps * S^2 <= eps absolute, 1 - tanh^2 about eps * tanh^2 <= eps, and
    alpha * (e^z - 1) about eps * alpha * e^z <= eps * alpha for z <= 0.
"""

from typing import NamedTuple

import numpy as np
import pytest

import activations
import snippets

FACTOR = 6


def moderate(rng, dtype, count=4000):
    points = np.array([0.0, -0.0, 1.0, -1.0])
    return np.concatenate([rng.uniform(-10, 10, count), points]).astype(dtype)


def assert_close(got, want, dtype, cancellation=0.0):
    """|got - want| <= FACTOR * eps * (|want| + cancellation), elementwise."""
    assert got.dtype == dtype and got.shape == want.shape
    eps = float(np.finfo(dtype).eps)
    error = np.abs(got.astype(np.float64) - want.astype(np.float64))
    bound = FACTOR * eps * (np.abs(want.astype(np.float64)) + cancellation)
    bad = np.flatnonzero(~(error <= bound))
    detail = [f"index {k}: got {got.flat[k]!r}, snippet {want.flat[k]!r}" for k in bad[:5]]
    assert bad.size == 0, f"{bad.size} elements differ beyond {FACTOR} eps:\n" + "\n".join(detail)


class Case(NamedTuple):
    """A family, its parameters, and the snippet's cancellation scale per direction."""

    name: str
    params: dict
    exact: bool = False
    forward_cancellation: float = 0.0
    derivative_cancellation: float = 0.0


CASES = [
    Case("sigmoid", {}, derivative_cancellation=1.0),
    Case("tanh", {}, derivative_cancellation=1.0),
    Case("relu", {}, exact=True),
    Case("leaky_relu", {"alpha": 0.01}, exact=True),
    Case("leaky_relu", {"alpha": 0.2}, exact=True),
    Case("elu", {"alpha": 1.0}, forward_cancellation=1.0),
    Case("elu", {"alpha": 0.5}, forward_cancellation=0.5),
]


def _ids(case):
    return case.name + "".join(f"({k}={v})" for k, v in case.params.items())


def _check(case, got, want, dtype, cancellation):
    if case.exact:
        assert got.dtype == dtype
        np.testing.assert_array_equal(got, want)
    else:
        assert_close(got, want, dtype, cancellation)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_forward_matches_snippet(case, dtype, rng):
    x = moderate(rng, dtype)
    got = getattr(activations, case.name)(x, **case.params)
    want = getattr(snippets, case.name)(x, **case.params)
    _check(case, got, want, dtype, case.forward_cancellation)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_derivative_matches_snippet(case, dtype, rng):
    x = moderate(rng, dtype)
    got = getattr(activations, case.name + "_derivative")(x, **case.params)
    want = getattr(snippets, case.name + "_derivative")(x, **case.params)
    _check(case, got, want, dtype, case.derivative_cancellation)


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_backward_matches_snippet(case, dtype, rng):
    x = moderate(rng, dtype)
    dy = rng.uniform(-3, 3, x.size).astype(dtype)
    got = getattr(activations, case.name + "_backward")(x, dy, **case.params)
    want = dy * getattr(snippets, case.name + "_derivative")(x, **case.params)
    _check(case, got, want, dtype, np.abs(dy) * case.derivative_cancellation)


# --- softmax ----------------------------------------------------------------
# The snippet's softmax rounds z - max(z) before exp (relative error up to
# |z - max| * eps / 2 in the result), and sums `cols` terms (up to about
# cols * eps / 2); the bounds below add those to the 6 eps above.


@pytest.mark.parametrize("cols", [1, 3, 16])
def test_softmax_matches_snippet(cols, dtype, rng):
    z = rng.uniform(-10, 10, (300, cols)).astype(dtype)
    got = activations.softmax(z)
    want = snippets.softmax(z)
    spread = (z.max(axis=-1, keepdims=True) - z).astype(np.float64)
    eps = float(np.finfo(dtype).eps)
    assert got.dtype == dtype
    error = np.abs(got.astype(np.float64) - want)
    assert np.all(error <= eps * (FACTOR + spread + cols) * want)


@pytest.mark.parametrize("cols", [1, 3, 16])
def test_softmax_backward_matches_snippet(cols, dtype, rng):
    y = snippets.softmax(rng.uniform(-10, 10, (300, cols)).astype(dtype))
    dy = rng.uniform(-3, 3, y.shape).astype(dtype)
    got = activations.softmax_backward(y, dy)
    want = snippets.softmax_backward(y, dy)
    y64, dy64 = y.astype(np.float64), dy.astype(np.float64)
    scale = y64 * (np.abs(dy64) + np.abs(dy64 * y64).sum(axis=-1, keepdims=True))
    eps = float(np.finfo(dtype).eps)
    assert got.dtype == dtype
    assert np.all(np.abs(got.astype(np.float64) - want) <= eps * (FACTOR + cols) * scale)


@pytest.mark.parametrize("cols", [1, 3, 16])
def test_softmax_jacobian_matches_snippet(cols, dtype, rng):
    z = rng.uniform(-10, 10, (100, cols)).astype(dtype)
    got = activations.softmax_derivative(z)
    want = snippets.softmax_jacobian(z)
    y = snippets.softmax(z).astype(np.float64)
    spread = (z.max(axis=-1, keepdims=True) - z).astype(np.float64)
    # jac[i, j] = y_i * (delta_ij - y_j): natural scale y_i * (delta_ij + y_j),
    # relative error up to that of y_i plus that of y_j.
    scale = y[..., :, None] * (np.eye(cols) + y[..., None, :])
    factor = 2 * FACTOR + spread[..., :, None] + spread[..., None, :] + 2 * cols
    eps = float(np.finfo(dtype).eps)
    assert got.dtype == dtype and got.shape == (100, cols, cols)
    assert np.all(np.abs(got.astype(np.float64) - want) <= eps * factor * scale)


# --- maxout: exact ------------------------------------------------------------


@pytest.mark.parametrize("pieces", [1, 2, 3, 4, 6, 12])
def test_maxout_matches_snippet(pieces, dtype, rng):
    x = rng.uniform(-10, 10, (50, 12)).astype(dtype)
    dy = rng.uniform(-3, 3, (50, 12 // pieces)).astype(dtype)
    for got, want in (
        (activations.maxout(x, pieces), snippets.maxout(x, pieces)),
        (activations.maxout_derivative(x, pieces), snippets.maxout_derivative(x, pieces)),
        (activations.maxout_backward(x, dy, pieces), snippets.maxout_backward(x, dy, pieces)),
    ):
        assert got.dtype == dtype
        np.testing.assert_array_equal(got, want)
