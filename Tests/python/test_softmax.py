"""Softmax, softmin, the safe softmax and log_softmax against mpmath, and the
binding's axis handling.

The header's targets: the forward within 1 ulp (the published bound) on rows whose spread
(max - min) is at most 30; backward and Jacobian within a few eps of their
natural scale, y_j * (|dy_j| + sum_k |dy_k y_k|) for backward and
y_i * (delta_ij + y_j) for jac[i, j] (the scale of the cancellation in
dy_j - sum(dy y) and in delta_ij - y_j).  softmin and softmax_safe share
those targets; log_softmax's forward is within 1 ulp on every row (any
spread, -inf entries), its backward within a few eps of
|dy_j| + exp(y_j) sum_k |dy_k|, its Jacobian of delta_ij + softmax_j.
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


#: The functions sharing softmax's bounds: name -> (exact row function, sign of
#: the backward and Jacobian relative to softmax's formulas).
SOFTMAX_LIKE = {
    "softmax": (reference.softmax_row, 1),
    "softmin": (reference.softmin_row, -1),
    "softmax_safe": (reference.softmax_row, 1),
}
VARIANTS = ["softmin", "softmax_safe"]


def worst_forward_ulp(name, rows, dtype):
    exact_row = SOFTMAX_LIKE[name][0]
    worst = 0.0
    for row in rows:
        got = getattr(activations, name)(row)
        errors = reference.ulp_errors(got, exact_row(reference.exact(row)), dtype)
        worst = max(worst, errors.max())
    return worst


def test_forward_within_published_ulp(dtype, rng, accuracy):
    worst = worst_forward_ulp("softmax", rows_with_spread_30(rng, dtype, 150), dtype)
    accuracy("softmax", dtype, worst, "ulp")
    assert worst <= MAX_ULP


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_forward_within_published_ulp(name, dtype, rng, accuracy):
    worst = worst_forward_ulp(name, rows_with_spread_30(rng, dtype, 150), dtype)
    accuracy(name, dtype, worst, "ulp")
    assert worst <= MAX_ULP


def worst_backward_eps(name, rows, dtype, rng):
    """dx = sign * y (dy - sum(dy y)) from the forward's output y, in eps of its scale."""
    sign = SOFTMAX_LIKE[name][1]
    eps = mp.mpf(float(np.finfo(dtype).eps))
    worst = 0.0
    for row in rows:
        y = getattr(activations, name)(row)
        dy = rng.uniform(-1, 1, row.size).astype(dtype)
        got = getattr(activations, name + "_backward")(y, dy)
        ys, dys = reference.exact(y), reference.exact(dy)
        total = mp.fsum(a * b for a, b in zip(ys, dys))
        magnitude = mp.fsum(abs(a * b) for a, b in zip(ys, dys))
        for g, yj, dyj in zip(got, ys, dys):
            scale = yj * (abs(dyj) + magnitude)
            if scale:
                worst = max(worst, float(abs(mp.mpf(float(g)) - sign * yj * (dyj - total)) / (eps * scale)))
    return worst


def test_backward_within_a_few_eps_of_its_scale(dtype, rng, accuracy):
    worst = worst_backward_eps("softmax", rows_with_spread_30(rng, dtype, 150), dtype, rng)
    accuracy("softmax_backward", dtype, worst, "eps of scale")
    assert worst <= BACKWARD_EPS


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_backward_within_a_few_eps_of_its_scale(name, dtype, rng, accuracy):
    worst = worst_backward_eps(name, rows_with_spread_30(rng, dtype, 150), dtype, rng)
    accuracy(name + "_backward", dtype, worst, "eps of scale")
    assert worst <= BACKWARD_EPS


def worst_jacobian_eps(name, rows, dtype):
    """jac[i, j] = sign * y_i (delta_ij - y_j), in eps of y_i (delta_ij + y_j)."""
    exact_row, sign = SOFTMAX_LIKE[name]
    eps = mp.mpf(float(np.finfo(dtype).eps))
    worst = 0.0
    for row in rows:
        row = row[:17]  # at most 17 x 17 entries per row keeps mpmath's time short
        got = getattr(activations, name + "_derivative")(row)
        y = exact_row(reference.exact(row))
        for i, yi in enumerate(y):
            for j, yj in enumerate(y):
                delta = 1 if i == j else 0
                exact = sign * yi * (delta - yj)
                scale = yi * (delta + yj)
                worst = max(worst, float(abs(mp.mpf(float(got[i, j])) - exact) / (eps * scale)))
    return worst


def test_jacobian_within_a_few_eps_of_its_scale(dtype, rng, accuracy):
    worst = worst_jacobian_eps("softmax", rows_with_spread_30(rng, dtype, 60), dtype)
    accuracy("softmax_derivative (Jacobian)", dtype, worst, "eps of scale")
    assert worst <= JACOBIAN_EPS


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_jacobian_within_a_few_eps_of_its_scale(name, dtype, rng, accuracy):
    worst = worst_jacobian_eps(name, rows_with_spread_30(rng, dtype, 60), dtype)
    accuracy(name + "_derivative (Jacobian)", dtype, worst, "eps of scale")
    assert worst <= JACOBIAN_EPS


def test_softmin_is_softmax_of_the_negated_rows_bit_for_bit(dtype, rng):
    """The header: softmin runs softmax's kernels on -x (negation is exact), and
    its backward and Jacobian are softmax's with the sign changed."""
    x = rng.uniform(-20, 20, (7, 33)).astype(dtype)
    dy = rng.uniform(-1, 1, x.shape).astype(dtype)
    y = activations.softmin(x)
    assert np.array_equal(y, activations.softmax(-x))
    assert np.array_equal(activations.softmin_backward(y, dy), -activations.softmax_backward(y, dy))
    assert np.array_equal(activations.softmin_derivative(x), -activations.softmax_derivative(-x))


def test_softmax_safe_is_softmax_bit_for_bit_on_ordinary_rows(dtype, rng):
    x = rng.uniform(-20, 20, (7, 33)).astype(dtype)
    x[2, 5] = x[3, :30] = -np.inf  # -inf entries, but no row of only -inf
    dy = rng.uniform(-1, 1, x.shape).astype(dtype)
    y = activations.softmax(x)
    assert np.array_equal(activations.softmax_safe(x), y)
    assert np.array_equal(activations.softmax_safe_derivative(x), activations.softmax_derivative(x))
    assert np.array_equal(activations.softmax_safe_backward(y, dy), activations.softmax_backward(y, dy))


# --- log_softmax -------------------------------------------------------------------

LOG_SOFTMAX_MAX_ULP = 1.0  # the bound published in include/activations.h
# Backward: dx = dy - exp(y) sum(dy): the sum's rounding, exp's and the
# product's, and the subtraction's: about 2 eps of |dy_j| + exp(y_j) sum|dy|.
LOG_BACKWARD_EPS = 4.0
SPREADS = (1e-6, 1e-3, 1.0, 30.0, 200.0, 1e4)
INF = float("inf")


def rows_of_any_spread(rng, dtype, count):
    """count rows of random widths and spreads, some with one entry above the
    others (log(sum) from below log 2 down to subnormal in float), some with a
    -inf entry."""
    rows = []
    for _ in range(count):
        cols = rng.choice(COLS + (200,))
        row = rng.choice(CENTRES) + rng.uniform(-0.5, 0.5, cols) * rng.choice(SPREADS)
        if rng.random() < 0.4:
            row[rng.integers(cols)] += rng.choice([0.5, 1.0, 2.0, 5.0, 20.0, 40.0, 90.0])
        if cols > 1 and rng.random() < 0.2:
            row[rng.integers(cols)] = -INF
        rows.append(row.astype(dtype))
    return rows


def test_log_softmax_within_published_ulp(dtype, rng, accuracy):
    """1 ulp; for double plus cols * 2^-1074 absolute (the header), which only
    matters below 2^-1000: the maximum of a row whose other entries all lie
    more than about 690 below it, whose tiny terms are subnormal.  The figure
    recorded is the worst in ulps where that allowance is below 0.01 ulp."""
    spacing = float(np.finfo(dtype).smallest_subnormal) if dtype == np.float64 else 0.0
    worst = 0.0
    for row in rows_of_any_spread(rng, dtype, 1000):
        got = activations.log_softmax(row)
        exact = reference.log_softmax_row(reference.exact(row))
        errors = reference.ulp_errors(got, exact, dtype)
        for error, value in zip(errors, exact):
            allowance = row.size * spacing / reference.ulp(value, dtype) if value and mp.isfinite(value) else 0.0
            assert error <= LOG_SOFTMAX_MAX_ULP + allowance
            if allowance < 0.01:
                worst = max(worst, error)
    accuracy("log_softmax", dtype, worst, "ulp")
    assert worst <= LOG_SOFTMAX_MAX_ULP


def log_backward_errors(y, dy, dtype):
    """|dx - exact| for dx = log_softmax_backward(y, dy), in eps of
    |dy_j| + exp(y_j) sum_k |dy_k|, per element."""
    got = activations.log_softmax_backward(y, dy)
    eps = mp.mpf(float(np.finfo(dtype).eps))
    ys, dys = reference.exact(y), reference.exact(dy)
    total, magnitude = mp.fsum(dys), mp.fsum(abs(d) for d in dys)
    errors = []
    for g, yj, dyj in zip(got, ys, dys):
        p = mp.exp(yj)
        errors.append(float(abs(mp.mpf(float(g)) - (dyj - p * total)) / (eps * (abs(dyj) + p * magnitude))))
    return errors


def test_log_softmax_backward_within_a_few_eps_of_its_scale(dtype, rng, accuracy):
    worst = 0.0
    for row in rows_of_any_spread(rng, dtype, 150):
        dy = rng.uniform(-1, 1, row.size).astype(dtype)
        worst = max(worst, max(log_backward_errors(activations.log_softmax(row), dy, dtype)))
    accuracy("log_softmax_backward", dtype, worst, "eps of scale")
    assert worst <= LOG_BACKWARD_EPS


def test_log_softmax_jacobian_within_a_few_eps_of_its_scale(dtype, rng, accuracy):
    """jac[i, j] = delta_ij - softmax_j, in eps of delta_ij + softmax_j."""
    eps = mp.mpf(float(np.finfo(dtype).eps))
    worst = 0.0
    for row in rows_with_spread_30(rng, dtype, 60):
        row = row[:17]
        got = activations.log_softmax_derivative(row)
        p = reference.softmax_row(reference.exact(row))
        for i in range(row.size):
            for j, pj in enumerate(p):
                delta = 1 if i == j else 0
                worst = max(worst, float(abs(mp.mpf(float(got[i, j])) - (delta - pj)) / (eps * (delta + pj))))
    accuracy("log_softmax_derivative (Jacobian)", dtype, worst, "eps of scale")
    assert worst <= JACOBIAN_EPS


def test_log_softmax_backward_of_any_y_follows_ieee(dtype):
    """y > 0, +inf and NaN are no outputs of the forward; dx = dy - exp(y) sum(dy) still."""
    y = np.array([0.5, 3.0, -2.0, INF, np.nan], dtype)
    dy = np.array([1.0, -2.0, 0.25, 0.5, 1.0], dtype)
    assert max(log_backward_errors(y[:3], dy[:3], dtype)) <= LOG_BACKWARD_EPS
    got = activations.log_softmax_backward(y, dy)
    assert got[3] == -INF and np.isnan(got[4])  # 0.5 - inf * 0.75; exp(NaN)


# --- special rows (the header's rules) ---------------------------------------------

NAN = float("nan")
LOG2 = -float(mp.log(2))
SPECIAL_ROWS = {
    "log_softmax": [
        ([1.0, NAN, 2.0], [NAN, NAN, NAN]),
        ([-INF, -INF, -INF], [NAN, NAN, NAN]),
        ([-INF], [NAN]),
        ([INF, 0.0, INF, -INF], [LOG2, -INF, LOG2, -INF]),
        ([1.0, INF, 3.0], [-INF, 0.0, -INF]),
        ([-INF, 5.0, 5.0], [-INF, LOG2, LOG2]),
        ([7.0], [0.0]),
    ],
    "softmin": [
        ([1.0, NAN, 2.0], [NAN, NAN, NAN]),
        ([-INF, 0.0, -INF, INF], [0.5, 0.0, 0.5, 0.0]),
        ([INF, INF], [NAN, NAN]),
        ([INF, 3.0, 3.0], [0.0, 0.5, 0.5]),
        ([-INF], [1.0]),
        ([7.0], [1.0]),
    ],
    "softmax_safe": [
        ([-INF, -INF, -INF], [0.0, 0.0, 0.0]),
        ([-INF], [0.0]),
        ([-INF, NAN, -INF], [NAN, NAN, NAN]),
        ([INF, 0.0, INF, -INF], [0.5, 0.0, 0.5, 0.0]),
        ([-INF, 0.0, 0.0], [0.0, 0.5, 0.5]),
        ([7.0], [1.0]),
    ],
}
SPECIAL_CASES = [(name, row, want) for name, rows in SPECIAL_ROWS.items() for row, want in rows]


@pytest.mark.parametrize("name, row, want", SPECIAL_CASES, ids=[f"{n}{r}" for n, r, _ in SPECIAL_CASES])
def test_special_rows(name, row, want, dtype):
    x = np.array([row, np.zeros(len(row))], dtype)  # an ordinary row below must stay ordinary
    got = getattr(activations, name)(x)
    want = np.array(want, dtype)
    assert np.array_equal(got[0], want, equal_nan=True)
    assert not np.signbit(got[0][want == 0]).any()  # zeros are +0
    assert np.array_equal(got[1], getattr(activations, name)(np.zeros(len(row), dtype)))


def test_softmax_safe_gradients_of_a_row_of_only_minus_inf_are_zero(dtype):
    """Jacobian: a zero block (softmax's is NaN).  Backward from the output y = 0:
    dx = 0 * (dy - 0) = 0 for finite dy, NaN for an infinite dy (IEEE 0 * inf)."""
    x = np.array([[-INF, -INF, -INF], [1.0, 2.0, 3.0]], dtype)
    jacobian = activations.softmax_safe_derivative(x)
    assert np.all(jacobian[0] == 0) and np.array_equal(jacobian[1], activations.softmax_derivative(x)[1])
    assert np.isnan(activations.softmax_derivative(x)[0]).all()
    y = activations.softmax_safe(x)
    dy = np.array([[2.0, -3.0, 0.5], [1.0, 1.0, 1.0]], dtype)
    dx = activations.softmax_safe_backward(y, dy)
    assert np.all(dx[0] == 0)
    dy[0, 1] = INF
    assert np.isnan(activations.softmax_safe_backward(y, dy)[0]).all()


@pytest.mark.parametrize("name", ["log_softmax", "softmin", "softmax_safe"])
def test_jacobian_of_a_nan_row_is_nan(name, dtype):
    x = np.array([[1.0, NAN, 2.0], [0.0, 0.0, 0.0]], dtype)
    jacobian = getattr(activations, name + "_derivative")(x)
    assert np.isnan(jacobian[0]).all() and not np.isnan(jacobian[1]).any()


def test_one_column(dtype):
    """cols == 1: log_softmax 0, softmin and softmax_safe 1; every Jacobian 0."""
    x = np.array([[-3.5], [0.0], [1e30]], dtype)
    assert np.array_equal(activations.log_softmax(x), np.zeros_like(x))
    assert np.array_equal(activations.softmin(x), np.ones_like(x))
    assert np.array_equal(activations.softmax_safe(x), np.ones_like(x))
    for name in ("log_softmax", "softmin", "softmax_safe"):
        assert np.array_equal(getattr(activations, name + "_derivative")(x), np.zeros((3, 1, 1), dtype))


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
