"""Softmax against mpmath, and the binding's axis handling.

The header's targets: the forward within 1 ulp (the published bound) on rows whose spread
(max - min) is at most 30; backward and Jacobian within a few eps of their
natural scale, y_j * (|dy_j| + sum_k |dy_k y_k|) for backward and
y_i * (delta_ij + y_j) for jac[i, j] (the scale of the cancellation in
dy_j - sum(dy y) and in delta_ij - y_j).
"""

import numpy as np
import pytest

import activations
import reference

mp = reference.mp
MAX_ULP = 1.0  # the bound published in include/activations.h
# Backward: the sum's error (<= eps * sum|dy y| when compensated), the
# subtraction's and the product's roundings: about 2 eps of the scale.
BACKWARD_EPS = 4.0
# Jacobian: y_i and y_j carry up to 1 ulp each (the forward's bound), plus
# the roundings of delta_ij - y_j and of the product: about 5 eps of the scale.
JACOBIAN_EPS = 6.0
COLS = (1, 2, 5, 17, 64)
CENTRES = (0.0, -100.0, 250.0, 1000.0)


def rows_with_spread_30(rng, dtype, count):
    """count rows of random widths, each within 30 of its own centre."""
    return [
        (rng.choice(CENTRES) + rng.uniform(-15, 15, rng.choice(COLS))).astype(dtype)
        for _ in range(count)
    ]


def test_forward_within_published_ulp(dtype, rng, accuracy):
    worst = 0.0
    for row in rows_with_spread_30(rng, dtype, 150):
        got = activations.softmax(row)
        errors = reference.ulp_errors(got, reference.softmax_row(reference.exact(row)), dtype)
        worst = max(worst, errors.max())
    accuracy("softmax", dtype, worst, "ulp")
    assert worst <= MAX_ULP


def test_backward_within_a_few_eps_of_its_scale(dtype, rng, accuracy):
    eps = mp.mpf(float(np.finfo(dtype).eps))
    worst = 0.0
    for row in rows_with_spread_30(rng, dtype, 150):
        y = activations.softmax(row)
        dy = rng.uniform(-1, 1, row.size).astype(dtype)
        got = activations.softmax_backward(y, dy)
        ys, dys = reference.exact(y), reference.exact(dy)
        total = mp.fsum(a * b for a, b in zip(ys, dys))
        magnitude = mp.fsum(abs(a * b) for a, b in zip(ys, dys))
        for g, yj, dyj in zip(got, ys, dys):
            scale = yj * (abs(dyj) + magnitude)
            if scale:
                worst = max(worst, float(abs(mp.mpf(float(g)) - yj * (dyj - total)) / (eps * scale)))
    accuracy("softmax_backward", dtype, worst, "eps of scale")
    assert worst <= BACKWARD_EPS


def test_jacobian_within_a_few_eps_of_its_scale(dtype, rng, accuracy):
    eps = mp.mpf(float(np.finfo(dtype).eps))
    worst = 0.0
    for row in rows_with_spread_30(rng, dtype, 60):
        row = row[:17]  # at most 17 x 17 entries per row keeps mpmath's time short
        got = activations.softmax_derivative(row)
        y = reference.softmax_row(reference.exact(row))
        for i, yi in enumerate(y):
            for j, yj in enumerate(y):
                delta = 1 if i == j else 0
                exact = yi * (delta - yj)
                scale = yi * (delta + yj)
                worst = max(worst, float(abs(mp.mpf(float(got[i, j])) - exact) / (eps * scale)))
    accuracy("softmax_derivative (Jacobian)", dtype, worst, "eps of scale")
    assert worst <= JACOBIAN_EPS


# --- axis handling and layout ------------------------------------------------------


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2])
def test_softmax_along_any_axis_equals_last_axis(axis, dtype, rng):
    x = rng.uniform(-5, 5, (3, 4, 5)).astype(dtype)
    moved = np.ascontiguousarray(np.moveaxis(x, axis, -1))
    want = np.moveaxis(activations.softmax(moved), -1, axis)
    assert np.array_equal(activations.softmax(x, axis=axis), want)
    dy = rng.uniform(-1, 1, x.shape).astype(dtype)
    y = activations.softmax(x, axis=axis)
    want = np.moveaxis(activations.softmax_backward(np.moveaxis(y, axis, -1).copy(), np.moveaxis(dy, axis, -1).copy()), -1, axis)
    assert np.array_equal(activations.softmax_backward(y, dy, axis=axis), want)


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_jacobian_layout(axis, dtype, rng):
    """jac has shape x.shape + (n,): index i at axis's position, j last."""
    x = rng.uniform(-5, 5, (3, 4)).astype(dtype)
    jacobian = activations.softmax_derivative(x, axis=axis)
    n = x.shape[axis]
    assert jacobian.shape == x.shape + (n,)
    for c in range(x.shape[1 - axis % 2]):  # each 1-D slice along axis
        line = np.take(x, c, axis=1 - axis % 2)
        per_line = activations.softmax_derivative(line)  # [i, j] = dy_i / dx_j
        assert np.array_equal(np.take(jacobian, c, axis=1 - axis % 2), per_line)


def test_zero_dimensional_input_has_no_axis():
    with pytest.raises(np.exceptions.AxisError):
        activations.softmax(1.0)
    with pytest.raises(np.exceptions.AxisError):
        activations.softmax(np.zeros((2, 3)), axis=2)
