"""The gated units glu and swiglu against mpmath at 50 digits, and their layout.

x's last axis (or `axis`) holds [a | b]; y = a * g(b) with g = sigmoid (glu)
or silu (swiglu); the derivative holds [g(b) | a * g'(b)] in x's shape; the
backward is dy times it, bitwise.  The header publishes <= 1 ulp for y and
both partials in both types (swiglu's dy/db near the zero of silu' at
-1.2785 under the interior-zero rule, scaled by |a|).  Inputs: a over many
binades, both signs; b over the whole range where the results are not
trivially 0 or a, densely in the tails where sigma underflows and the
results are subnormal; and the special values of the header.
"""

import numpy as np
import pytest

import activations
import reference

mp = reference.mp
MAX_ULP = 1.0  # the bound published in include/activations.h
SILU_ZERO = -1.2784645427610738
ZERO_WINDOW = 0.25
ZERO_SCALE = 2.0 ** -4
COUNT = 3000

# The b range where sigma(b) is not negligible, and its deep tail, per dtype.
TAIL = {np.dtype(np.float32): 110.0, np.dtype(np.float64): 750.0}


def sigma(b):
    return 1 / (1 + mp.exp(-b))


def sigma_derivative(b):
    e = mp.exp(-abs(b))
    return e / (1 + e) ** 2


EXACT = {
    "glu": (lambda a, b: a * sigma(b), lambda a, b: sigma(b), lambda a, b: a * sigma_derivative(b)),
    "swiglu": (lambda a, b: a * b * sigma(b), lambda a, b: b * sigma(b),
               lambda a, b: a * (sigma(b) + b * sigma_derivative(b))),
    "geglu": (lambda a, b: a * reference.gelu(b), lambda a, b: reference.gelu(b),
              lambda a, b: a * reference.gelu_derivative(b)),
}
# Interior zeros of g' (the header's rule, scaled by |a|, applies near them).
ZEROS = {"swiglu": -1.2784645427610738, "geglu": -0.7517915246935645}


def pairs(dtype):
    """a and b for one dtype (a fixed sample: the figures are reproducible)."""
    dtype = np.dtype(dtype)
    rng = np.random.default_rng(20250101)
    info = np.finfo(dtype)
    tail = TAIL[dtype]
    a = rng.choice([-1.0, 1.0], COUNT) * np.exp2(rng.uniform(-40, 40, COUNT))
    a[:50] = rng.choice([-1.0, 1.0], 50) * np.exp2(rng.uniform(np.log2(float(info.smallest_subnormal)), -100, 50))
    b = np.concatenate([
        rng.uniform(-30, 30, COUNT // 3),
        rng.uniform(-tail, -tail / 2, COUNT // 3),  # sigma(b) near and below the normal range
        rng.uniform(-5, 5, COUNT - 2 * (COUNT // 3)),
    ])
    b[:10] = [0.0, -0.0, 1e-30, -1e-30, SILU_ZERO, 16.6, 17.0, 40.0, -40.0, 1.0]
    return a.astype(dtype), b.astype(dtype)


@pytest.fixture(scope="module")
def sample():
    return {np.dtype(t): pairs(t) for t in (np.float32, np.float64)}


def ulp_errors(got, want, dtype, a=None, b=None, zero=SILU_ZERO):
    errors = reference.ulp_errors(got, want, dtype)
    if a is not None:  # dy/db of swiglu and geglu: the interior-zero rule, scaled by |a|
        unit = float(np.spacing(dtype.type(ZERO_SCALE)))
        for k in np.flatnonzero(np.abs(b.astype(np.float64) - zero) <= ZERO_WINDOW):
            scaled = float(abs(mp.mpf(float(got[k])) - want[k])) / (unit * abs(float(a[k])))
            errors[k] = min(errors[k], scaled)
    return errors


@pytest.mark.parametrize("name", ["glu", "swiglu", "geglu"])
def test_within_one_ulp_of_mpmath(name, dtype, sample, accuracy):
    a, b = sample[dtype]
    x = np.stack([a, b], axis=-1)  # rows of [a | b], cols = 1
    x = np.concatenate([x, x[::-1]], axis=-1).reshape(-1, 2, 2).transpose(0, 2, 1).reshape(-1, 4)  # cols = 2
    a2, b2 = x[:, :2].ravel(), x[:, 2:].ravel()
    exact_a, exact_b = reference.exact(a2), reference.exact(b2)
    value, gate, slope = EXACT[name]
    y = getattr(activations, name)(x).ravel()
    d = getattr(activations, name + "_derivative")(x)
    results = {
        "": (y, [value(p, q) for p, q in zip(exact_a, exact_b)], None),
        "_derivative dy/da": (d[:, :2].ravel(), [gate(p, q) for p, q in zip(exact_a, exact_b)], None),
        "_derivative dy/db": (d[:, 2:].ravel(), [slope(p, q) for p, q in zip(exact_a, exact_b)],
                              name in ZEROS),
    }
    failures = []
    for label, (got, want, zero_rule) in results.items():
        assert got.dtype == dtype
        errors = ulp_errors(got, want, dtype, a2 if zero_rule else None, b2, ZEROS.get(name))
        accuracy(name + label, dtype, errors.max(), "ulp")
        if errors.max() > MAX_ULP:
            k = int(np.argmax(errors))
            failures.append(f"{name}{label}: {errors[k]:.3g} ulp at a={a2[k]!r} b={b2[k]!r} got={got[k]!r}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("name", ["glu", "swiglu"])
def test_backward_is_dy_times_the_derivative_bitwise(name, dtype, sample, rng):
    a, b = sample[dtype]
    x = np.concatenate([a.reshape(-1, 20), b.reshape(-1, 20)], axis=-1)
    dy = (rng.uniform(-4, 4, (x.shape[0], 20)) * np.exp2(rng.integers(-30, 30, (x.shape[0], 20)))).astype(dtype)
    d = getattr(activations, name + "_derivative")(x)
    with np.errstate(invalid="ignore", over="ignore"):
        want = d * np.concatenate([dy, dy], axis=-1)
    got = getattr(activations, name + "_backward")(x, dy)
    assert np.array_equal(got.view(np.uint8), want.view(np.uint8))


def test_special_values(dtype):
    inf, nan = np.inf, np.nan
    t = dtype.type
    deep = -200.0 if dtype == np.float32 else -800.0  # sigma(deep) underflows to 0 in T, but is > 0
    cases = [  # (a, b, glu, swiglu)
        (inf, deep, inf, -inf),         # inf times a positive (resp. negative) number, however small
        (inf, -inf, nan, nan),          # inf * 0
        (-inf, 3.0, -inf, -inf),
        (2.0, -inf, 0.0, -0.0),         # glu: 2 * 0; swiglu: 2 * silu(-inf) = 2 * -0
        (-2.0, -inf, -0.0, 0.0),
        (2.0, inf, 2.0, inf),
        (0.0, inf, 0.0, nan),           # swiglu: 0 * inf
        (-0.0, 1.0, -0.0, -0.0),
        (nan, 1.0, nan, nan),
        (1.0, nan, nan, nan),
        (inf, 0.0, inf, nan),           # silu(0) = 0
    ]
    x = np.array([[a, b] for a, b, _, _ in cases], dtype)
    for column, name in ((2, "glu"), (3, "swiglu")):
        y = getattr(activations, name)(x).ravel()
        for k, case in enumerate(cases):
            want = t(case[column])
            ok = np.isnan(y[k]) if np.isnan(want) else (y[k] == want and np.signbit(y[k]) == np.signbit(want))
            assert ok, f"{name}({case[0]}, {case[1]}) = {y[k]!r}, header: {want!r}"


def test_partials_special_values(dtype):
    inf, nan = np.inf, np.nan
    deep = -200.0 if dtype == np.float32 else -800.0
    x = np.array([[inf, 5.0], [inf, inf], [3.0, inf], [3.0, -inf], [nan, 1.0], [1.0, nan], [-inf, deep]], dtype)
    d = activations.glu_derivative(x)
    gate, slope = d[:, 0], d[:, 1]
    assert gate[1] == 1 and gate[2] == 1 and gate[3] == 0  # sigma(+-inf)
    assert gate[4] == activations.glu_derivative(np.array([[0.0, 1.0]], dtype))[0, 0]  # g(b) ignores a
    assert np.isnan(gate[5])
    assert slope[0] == inf and slope[6] == -inf  # inf * sigma'(b) > 0, however small
    assert np.isnan(slope[1])  # inf * sigma'(inf) = inf * 0
    assert slope[2] == 0 and slope[3] == 0  # 3 * 0
    assert np.isnan(slope[4]) and np.isnan(slope[5])
    d = activations.swiglu_derivative(x)
    gate, slope = d[:, 0], d[:, 1]
    assert gate[1] == inf and gate[3] == 0 and np.signbit(gate[3])  # silu(+inf), silu(-inf) = -0
    assert slope[0] == inf and slope[1] == inf and slope[2] == 3.0  # silu'(5) > 0, silu'(+inf) = 1
    assert slope[3] == 0  # silu'(-inf) = 0
    assert slope[6] == inf  # -inf * silu'(deep), which is negative
    assert np.isnan(slope[4]) and np.isnan(slope[5]) and np.isnan(gate[5])


def test_layout_and_axis(dtype, rng):
    x = rng.uniform(-4, 4, (3, 8, 5)).astype(dtype)
    for name in ("glu", "swiglu"):
        f = getattr(activations, name)
        y = f(x, axis=1)
        assert y.shape == (3, 4, 5)
        want = np.moveaxis(f(np.ascontiguousarray(np.moveaxis(x, 1, -1))), -1, 1)
        assert np.array_equal(y, want)
        d = getattr(activations, name + "_derivative")(x, axis=1)
        assert d.shape == x.shape
        dy = rng.uniform(-1, 1, (3, 4, 5)).astype(dtype)
        dx = getattr(activations, name + "_backward")(x, dy, axis=1)
        assert dx.shape == x.shape
    a, b = x[..., :2], x[..., 2:4]
    with np.errstate(over="ignore"):
        naive = a / (1 + np.exp(-b.astype(np.float64)))
    assert np.allclose(activations.glu(x[..., :4]), naive, rtol=4 * np.finfo(dtype).eps, atol=0)


def test_odd_length_and_wrong_dy_raise():
    with pytest.raises(ValueError, match="odd"):
        activations.glu(np.zeros((2, 5)))
    with pytest.raises(ValueError, match="forward's shape"):
        activations.swiglu_backward(np.zeros((2, 6)), np.zeros((2, 6)))


@pytest.mark.parametrize("name", ["glu_backward", "swiglu"])
def test_results_do_not_depend_on_the_thread_count(name, dtype, rng):
    x = rng.uniform(-20, 20, (2048, 512)).astype(dtype)
    args = (x, rng.uniform(-1, 1, (2048, 256)).astype(dtype)) if name.endswith("backward") else (x,)
    results = []
    try:
        for n in (1, 2, 4):
            activations.set_num_threads(n)
            results.append(getattr(activations, name)(*args))
    finally:
        activations.set_num_threads(0)
    for other in results[1:]:
        assert np.array_equal(results[0].view(np.uint8), other.view(np.uint8))
