"""prelu: exact forward, derivative and dx; the weight gradient against exact
sums, bitwise the same for every thread count and instruction set.

The header: f(x) = x if x >= 0 else w x (f(-0) = -0), f'(x) = 1 if x > 0
else w (f'(0) = w), dx = dy * f'(x) bitwise, dweight[k] = the sum of dy * x
over the elements of weight k with x < 0 (or NaN), compensated, in an order
fixed by the shape.  Channels are x's last axis.
"""

import os
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest

import activations

# The shapes exercise both layouts of the kernels: one weight per channel
# with fewer channels than vector lanes (a flat array with a weight
# pattern), with at least as many (column groups, with a partial last
# group), and one shared weight; small and multi-block arrays.
SHAPES = [(1, 1), (5, 3), (7, 16), (9, 17), (3, 40), (300, 7), (20, 100), (40000, 3), (1, 70000)]


def exact_gradient(x, dy, weight_count):
    """The exact sums (Fractions) of dy * x over the elements with x < 0, per weight."""
    channels = x.shape[-1]
    sums = [Fraction(0)] * weight_count
    flat_x, flat_dy = x.ravel().tolist(), dy.ravel().tolist()
    for i, (value, gradient) in enumerate(zip(flat_x, flat_dy)):
        if value < 0:
            k = 0 if weight_count == 1 else i % channels
            sums[k] += Fraction(value) * Fraction(gradient)
    return sums


def ulp_of(value, dtype):
    """The spacing of dtype at the exact value (a Fraction), rounded first."""
    rounded = dtype.type(float(value))
    return Fraction(float(np.spacing(np.abs(rounded))))


def inputs(shape, weights, dtype, rng):
    x = rng.uniform(-3, 3, shape).astype(dtype)
    dy = rng.uniform(-2, 2, shape).astype(dtype)
    weight = rng.uniform(-1, 1, weights).astype(dtype)
    return x, dy, weight


def slopes(x, weight):
    return np.broadcast_to(weight if weight.size > 1 else weight.reshape(()), x.shape)


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("shared", [False, True], ids=["per-channel", "shared"])
def test_forward_derivative_and_dx_are_exact(shape, shared, dtype, rng):
    x, dy, weight = inputs(shape, 1 if shared else shape[-1], dtype, rng)
    flat = x.reshape(-1)
    flat[: min(3, flat.size)] = [0.0, -0.0, 1e-30][: flat.size]
    w = slopes(x, weight)
    with np.errstate(invalid="ignore"):
        want_y = np.where(x >= 0, x, w * x)  # one correctly rounded product in T
    want_d = np.where(x > 0, dtype.type(1), w)
    y = activations.prelu(x, weight)
    d = activations.prelu_derivative(x, weight)
    dx, _ = activations.prelu_backward(x, dy, weight)
    assert y.dtype == d.dtype == dx.dtype == dtype
    assert np.array_equal(y.view(np.uint8), want_y.view(np.uint8))  # signed zeros included
    assert np.array_equal(d, want_d)
    assert np.array_equal(dx.view(np.uint8), (dy * want_d).view(np.uint8))


@pytest.mark.parametrize("shape", SHAPES, ids=str)
@pytest.mark.parametrize("shared", [False, True], ids=["per-channel", "shared"])
def test_weight_gradient_against_exact_sums(shape, shared, dtype, rng, accuracy):
    weights = 1 if shared else shape[-1]
    x, dy, weight = inputs(shape, weights, dtype, rng)
    _, dweight = activations.prelu_backward(x, dy, weight)
    assert dweight.shape == weight.shape and dweight.dtype == dtype
    worst = 0.0
    for got, exact in zip(np.atleast_1d(dweight).tolist(), exact_gradient(x, dy, weights)):
        unit = ulp_of(exact, dtype)
        worst = max(worst, float(abs(Fraction(got) - exact) / unit))
    accuracy("prelu_backward dweight", dtype, worst, "ulp")
    assert worst <= 1.0


def test_gradient_is_compensated(dtype):
    """Terms that cancel: a naive running sum loses the small ones entirely."""
    big = dtype.type(2.0 ** (40 if dtype == np.float64 else 20))
    x = np.array([[-big], [-1.0], [-big], [-1.0]], dtype)
    dy = np.array([[1.0], [0.75], [-1.0], [0.5]], dtype)
    _, dweight = activations.prelu_backward(x, dy, np.array([0.1], dtype))
    assert dweight.tolist() == [-1.25]


@pytest.mark.parametrize("threads", [2, 4])
@pytest.mark.parametrize("shape, weights", [((1 << 20) + 3, 1), ((200000, 3), 3), ((20000, 64), 64), ((3000, 33), 1)],
                         ids=["shared flat", "3 channels", "64 channels", "33 channels shared"])
def test_results_do_not_depend_on_the_thread_count(shape, weights, threads, dtype, rng):
    shape = shape if isinstance(shape, tuple) else (shape,)
    x, dy, weight = inputs(shape, weights, dtype, rng)
    try:
        activations.set_num_threads(1)
        dx1, dw1 = activations.prelu_backward(x, dy, weight)
        y1 = activations.prelu(x, weight)
        activations.set_num_threads(threads)
        dx, dw = activations.prelu_backward(x, dy, weight)
        y = activations.prelu(x, weight)
    finally:
        activations.set_num_threads(0)
    assert np.array_equal(dw1.view(np.uint8), dw.view(np.uint8))
    assert np.array_equal(dx1.view(np.uint8), dx.view(np.uint8))
    assert np.array_equal(y1.view(np.uint8), y.view(np.uint8))


_ISA_SCRIPT = """
import sys, numpy as np, activations
rng = np.random.default_rng(7)
for shape, weights in (((1 << 18) + 5, 1), ((30000, 5), 5), ((500, 40), 40)):
    for dtype in (np.float32, np.float64):
        x = rng.uniform(-3, 3, shape).astype(dtype)
        dy = rng.uniform(-2, 2, shape).astype(dtype)
        w = rng.uniform(-1, 1, weights).astype(dtype)
        dx, dw = activations.prelu_backward(x, dy, w)
        sys.stdout.write(dw.tobytes().hex() + dx[:1000].tobytes().hex() + "\\n")
"""


def test_results_do_not_depend_on_the_instruction_set():
    """Every lower path (ACTIVATIONS_ISA, read at first use: a new process) gives the same bits."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.pathsep.join([os.path.join(here, "..", "..", "bindings", "python"), os.environ.get("PYTHONPATH", "")])
    outputs = []
    for isa in (None, "avx2", "baseline"):
        env = {k: v for k, v in os.environ.items() if k != "ACTIVATIONS_ISA"}
        env["PYTHONPATH"] = path
        if isa:
            env["ACTIVATIONS_ISA"] = isa
        outputs.append(subprocess.run([sys.executable, "-c", _ISA_SCRIPT], env=env, check=True,
                                      capture_output=True, text=True).stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]


def test_special_values(dtype):
    nan, inf = dtype.type(np.nan), dtype.type(np.inf)
    x = np.array([[nan, 2.0], [-1.0, -inf], [inf, -0.0]], dtype)
    weight = np.array([0.5, 0.25], dtype)
    y = activations.prelu(x, weight)
    assert np.isnan(y[0, 0]) and y[1, 1] == -inf and y[2, 0] == inf
    assert y[2, 1] == 0 and np.signbit(y[2, 1])  # f(-0) = -0
    d = activations.prelu_derivative(x, weight)
    assert np.isnan(d[0, 0]) and d[0, 1] == 1 and d[1, 0] == 0.5 and d[2, 1] == 0.25  # f'(-0) = w
    dy = np.ones_like(x)
    dx, dweight = activations.prelu_backward(x, dy, weight)
    assert np.isnan(dx[0, 0])
    assert np.isnan(dweight[0])  # a NaN x counts, as the header says
    assert dweight[1] == -inf  # dy * -inf
    # x >= 0 adds nothing, even with an infinite or NaN dy
    x = np.array([[1.0, 0.0], [-0.0, 3.0]], dtype)
    dy = np.array([[nan, inf], [nan, 2.0]], dtype)
    _, dweight = activations.prelu_backward(x, dy, weight)
    assert dweight.tolist() == [0.0, 0.0]


def test_zero_weight_times_minus_infinity_is_nan(dtype):
    y = activations.prelu(np.array([-np.inf], dtype), np.array([0.0], dtype))
    assert np.isnan(y[0])


def test_shared_weight_equals_a_repeated_weight(dtype, rng):
    x, dy, _ = inputs((11, 5), 5, dtype, rng)
    shared = np.array([0.3], dtype)
    repeated = np.full(5, 0.3, dtype)
    assert np.array_equal(activations.prelu(x, shared), activations.prelu(x, repeated))
    dx1, dw1 = activations.prelu_backward(x, dy, shared)
    dx5, dw5 = activations.prelu_backward(x, dy, repeated)
    assert np.array_equal(dx1, dx5)
    assert dw1.shape == (1,) and dw5.shape == (5,)
    assert abs(float(dw1[0]) - float(np.sum(dw5, dtype=np.float64))) <= 4 * np.finfo(dtype).eps * np.sum(np.abs(dw5))


def test_bad_weights_raise(dtype):
    x = np.zeros((2, 3), dtype)
    for bad in ([np.nan, 0.1, 0.1], [0.1, np.inf, 0.1], [-np.inf]):
        for call in (lambda w: activations.prelu(x, w), lambda w: activations.prelu_derivative(x, w),
                     lambda w: activations.prelu_backward(x, x, w)):
            with pytest.raises(activations.ParameterError):
                call(np.array(bad, dtype))
    with pytest.raises(ValueError, match="expected 1 or 3"):
        activations.prelu(x, np.zeros(2, dtype))
    with pytest.raises(ValueError, match="0-d or 1-d"):
        activations.prelu(x, np.zeros((1, 3), dtype))


def test_channels_are_the_last_axis(dtype, rng):
    x = rng.uniform(-2, 2, (2, 3, 4)).astype(dtype)
    weight = np.array([0.1, 0.2, 0.3, 0.4], dtype)
    want = np.where(x >= 0, x, weight * x)
    assert np.array_equal(activations.prelu(x, weight), want)


def test_backward_out_in_place_and_empty(dtype, rng):
    x, dy, weight = inputs((6, 4), 4, dtype, rng)
    want_dx, want_dw = activations.prelu_backward(x, dy, weight)
    dx, dw = activations.prelu_backward(x, dy, weight, out=dy)  # dx over dy
    assert dx is dy and np.array_equal(dx, want_dx) and np.array_equal(dw, want_dw)
    y = x.copy()
    assert activations.prelu(y, weight, out=y) is y
    assert np.array_equal(y, activations.prelu(x, weight))
    dx, dw = activations.prelu_backward(np.zeros((0, 4), dtype), np.zeros((0, 4), dtype), weight)
    assert dx.shape == (0, 4) and dw.tolist() == [0.0] * 4 and dw.dtype == dtype
    half = activations.prelu_backward(x.astype(np.float16), dy.astype(np.float16), weight.astype(np.float16))
    assert half[0].dtype == half[1].dtype == np.float16
