"""The 16-bit formats in numpy, and what the library's _f16 and _bf16 entry points must return.

float16 is numpy's; bfloat16 is handled as uint16 bit patterns (the upper 16
bits of a float32), so nothing here needs ml_dtypes.

The contract (include/activations.h, "Half precision"), for input x in a format:
  * elementwise forward and derivative: correctly rounded.  y32 = the float32
    function on the widened x; where rounding y32 to the format is ambiguous
    (y32 finite, and the float32 numbers 4 ulps below and above it -- |y32|'s
    bit pattern minus and plus 4, clamped at 0 -- round to different 16-bit
    values), the float64 function of the widened x (with the float32
    parameters, widened) rounded correctly to the format; elsewhere y32
    rounded to the format;
  * everything else (backward passes, row functions): the float32 function on
    the widened inputs, each result rounded once;
always to nearest, ties to even; a NaN result is any quiet NaN.
"""

import inspect

import numpy as np

import activations
from activations._spec import DIRECTIONS, FAMILIES

F16, F32, F64, U16 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64), np.dtype(np.uint16)
FORMATS = ("f16", "bf16")


def bf16_round(values):
    """float32 values -> bfloat16 bit patterns (uint16), to nearest, ties to even;
    NaN stays NaN (quiet, sign kept)."""
    f32 = np.asarray(values, F32)
    bits = np.ascontiguousarray(f32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(U16)
    nan = np.isnan(f32)
    rounded[nan] = ((bits[nan] >> 16) | 0x40).astype(U16)
    return rounded.reshape(f32.shape)


def bf16_widen(bits):
    """bfloat16 bit patterns -> float32 values (exact)."""
    return (np.asarray(bits, U16).astype(np.uint32) << 16).view(F32)


def round16(values, fmt):
    """float32 values -> the format's storage (float16, or uint16 bfloat16 bits), RNE."""
    with np.errstate(over="ignore", invalid="ignore"):
        if fmt == "f16":
            return np.asarray(values, F32).astype(F16)
        return bf16_round(values)


def encode(values, fmt):
    """Any float values -> the format's storage, through float32 (test inputs)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return round16(np.asarray(values).astype(F32), fmt)


def widen(array, fmt):
    """The format's storage -> float32 values (exact)."""
    return np.asarray(array).astype(F32) if fmt == "f16" else bf16_widen(array)


def bits(array, fmt):
    """The 16-bit patterns of the format's storage (float16 viewed as uint16)."""
    array = np.asarray(array)
    return array.view(U16) if fmt == "f16" else array


def to_odd_f32(values):
    """float64 -> float32 rounded to odd (toward zero, then the last bit set if inexact):
    rounding that to a 16-bit format is the correct rounding of the double."""
    x = np.asarray(values, F64)
    with np.errstate(over="ignore", invalid="ignore"):
        f = x.astype(F32)
    back = f.astype(F64)
    inexact = (back != x) & ~np.isnan(x)
    pattern = np.ascontiguousarray(f).view(np.uint32).copy()
    away = inexact & (np.abs(back) > np.abs(x))
    pattern[away] -= 1  # one step toward zero (sign-magnitude: for either sign)
    pattern[inexact] |= 1
    return pattern.view(F32).reshape(x.shape)


def round16_from_f64(values, fmt):
    """float64 values correctly rounded to the format (RNE)."""
    return round16(to_odd_f32(values), fmt)


def ambiguous(y32, fmt):
    """Where rounding the float32 y32 to the format is ambiguous (the library then
    computes the lane in float64)."""
    shape = np.shape(y32)
    y = np.ascontiguousarray(np.asarray(y32, F32)).reshape(-1)
    pattern = y.view(np.uint32).astype(np.int64)
    sign, magnitude = pattern & 0x80000000, pattern & 0x7FFFFFFF
    low = (np.maximum(magnitude - 4, 0) | sign).astype(np.uint32).view(F32)
    high = ((magnitude + 4) | sign).astype(np.uint32).view(F32)
    return (np.isfinite(y) & (bits(round16(low, fmt), fmt) != bits(round16(high, fmt), fmt))).reshape(shape)


def correctly_rounded(name):
    """Whether the contract rounds `name`'s 16-bit results correctly (elementwise
    forward and derivative) rather than once from float32."""
    for family in FAMILIES:
        if family.kind == "unary" and name in (family.name, family.name + DIRECTIONS[1]):
            return True
    return False


def expected(name, arrays, params, fmt):
    """What activations.NAME must return for `arrays` in the format's storage: a
    storage array, or a tuple of them (prelu_backward)."""
    function = getattr(activations, name)
    with np.errstate(invalid="ignore"):  # numpy's casts of signalling NaNs warn
        widened = [widen(a, fmt) for a in arrays]
        result = function(*widened, **params)
        results = result if isinstance(result, tuple) else (result,)
        want = tuple(round16(np.asarray(r, F32), fmt) for r in results)
        if correctly_rounded(name):
            y32 = np.asarray(results[0], F32)
            # The 16-bit entry points take float parameters (the defaults too): the float64
            # function gets those, widened.
            defaults = {name: parameter.default for name, parameter in inspect.signature(function).parameters.items()
                        if isinstance(parameter.default, float)}
            params64 = {k: float(np.float32(v)) if isinstance(v, float) else v
                        for k, v in {**defaults, **params}.items()}
            x64 = [w.astype(F64) for w in widened]
            if name.startswith("rrelu") and params64.get("training"):
                # Training slopes are drawn in the element type: the float function's slopes
                # (float rrelu' of -1 at the same indices), times x exactly in float64.
                slopes = activations.rrelu_derivative(np.full(x64[0].shape, -1, F32), **params).astype(F64)
                slopes = np.where(x64[0] > 0, 1.0, slopes)
                exact64 = slopes if name.endswith("derivative") else np.where(x64[0] >= 0, x64[0], x64[0] * slopes)
            else:
                exact64 = np.asarray(function(*x64, **params64))
            exact = round16_from_f64(exact64, fmt)
            want = (np.where(ambiguous(y32, fmt), exact, want[0]),)
    return want if isinstance(result, tuple) else want[0]


def is_nan(array, fmt):
    pattern = bits(array, fmt)
    if fmt == "f16":
        return (pattern & 0x7C00 == 0x7C00) & (pattern & 0x03FF != 0)
    return (pattern & 0x7F80 == 0x7F80) & (pattern & 0x007F != 0)


def assert_same(got, want, fmt):
    """Bitwise equal, except that NaNs only need to be quiet NaNs at the same places."""
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape
    got_bits, want_bits = bits(got, fmt), bits(want, fmt)
    nan = is_nan(want, fmt)
    assert np.array_equal(is_nan(got, fmt), nan), "NaN at other places"
    quiet = 0x0200 if fmt == "f16" else 0x0040
    assert np.all(got_bits[nan] & quiet), "a signalling NaN result"
    wrong = np.flatnonzero((got_bits != want_bits) & ~nan)
    if wrong.size:
        k = wrong[0]
        raise AssertionError(
            f"{wrong.size} of {got.size} differ, first at flat index {k}: got {got_bits.flat[k]:#06x} "
            f"({value(got_bits.flat[k], fmt)!r}), want {want_bits.flat[k]:#06x} ({value(want_bits.flat[k], fmt)!r})")


def value(pattern, fmt):
    """One 16-bit pattern's value, as float32."""
    storage = np.array([pattern], U16)
    return widen(storage.view(F16) if fmt == "f16" else storage, fmt)[0]
