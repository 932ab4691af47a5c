"""From numpy arrays to one library call, for each kind of function in _spec.

Conventions (the public docstrings refer here):
  * dtypes: float32 and float64 are computed in their own type and returned in
    it; bool and integer input (and Python scalars and lists of them) is
    computed as float64.  Several inputs are promoted to a common type
    (np.result_type: float16 with float32 gives float32, anything with an
    integer or float64 input gives float64).  Anything else (complex, object,
    str, bytes, datetime, long double, ...) raises TypeError naming the dtype.
  * half precision: float16 input is computed by the library's _f16 entry
    points and returned as float16: each element widened exactly to float32
    and computed by the float32 kernels; elementwise forward and derivative
    results are correctly rounded to float16 (where rounding the float32
    result is ambiguous, the library recomputes that element in float64),
    backward passes and row functions are the float32 results rounded once
    (always to nearest, ties to even; beyond the range +-inf, without a
    warning).  bfloat16 the same way by the _bf16 entry points, in either of
    two forms:
      - arrays of dtype ml_dtypes.bfloat16 (when the optional package
        ml_dtypes is installed; the binding never imports it), returned as
        ml_dtypes.bfloat16.  With float16, float32 or float64 inputs they
        promote like numpy (bfloat16 with float16 gives float32);
      - dtype="bfloat16" (a keyword of every function, needing nothing
        else): every array argument (x, dy, y, weight) must be a uint16
        array or numpy scalar holding bfloat16 bit patterns (the upper 16
        bits of a float32), or an ml_dtypes.bfloat16 array; the result is
        uint16 bit patterns (ml_dtypes.bfloat16 when every array argument
        is).  Any other dtype (float32, int, lists, Python numbers) raises
        TypeError: nothing is converted or reinterpreted implicitly; round
        float32 data to bfloat16 bits yourself (or with ml_dtypes).
    Without dtype="bfloat16", uint16 arrays are integers (computed as
    float64).  dtype accepts None (the default) and "bfloat16" only:
    another string raises ValueError, another type TypeError.  Parameters
    (alpha, ...) are float32 in both 16-bit formats, checked as for float32.
  * layout: inputs of any strides (non-contiguous, negatively strided,
    misaligned, byte-swapped) are copied to C-contiguous native arrays when
    they are not already; the library sees the elements in C order (rrelu's
    element index i is the C-order index).
  * out: must be an ndarray of exactly the result's shape and dtype and
    writable, else ValueError.  The library writes straight into it when it
    is C-contiguous in the kernel's layout and aligned; otherwise (strided,
    partially overlapping an input) the result is computed in a temporary
    and copied into it.  out may be an input: the call then works
    in place.  The call returns out.
  * 0-d results are returned as numpy scalars when out is None, like numpy's
    ufuncs; an empty input returns an empty result without calling the library.
  * axis (softmax, maxout): the kernel works on the last axis; for another
    axis the inputs are copied with it moved last, and the result is returned
    as a view of the kernel's output with the axis moved back (not C-contiguous).
"""

import functools
import math
import numbers
import operator
import platform
import sys
from ctypes import c_int32, c_size_t, c_uint64, c_void_p, sizeof

import numpy as np

from ._library import check, error
from ._errors import ParameterError
from ._spec import REAL

_F16, _F32, _F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
_FLOATS_BY_SIZE = {2: _F16, 4: _F32, 8: _F64}
#: The storage of bfloat16 bit patterns: the kernel dtype of every bfloat16 call
#: (the key of the _bf16 functions in _library.FUNCTIONS).
_U16 = np.dtype(np.uint16)
#: The one value of the `dtype` keyword besides None.
BFLOAT16 = "bfloat16"


def _address_function():
    """The cheapest way this interpreter offers to read an ndarray's data pointer.

    `a.ctypes.data` builds a helper object on every call (about 1.8 us here).
    On CPython, numpy's array object (PyArrayObject_fields in numpy's public
    ndarraytypes.h) starts with the object header (reference count and type
    pointer) followed by the data pointer, which ctypes reads in about 0.35 us.
    The layout is verified on probe arrays (including a view with an offset)
    before it is used; anywhere it does not hold, `a.ctypes.data` is used.
    """
    fallback = operator.attrgetter("ctypes.data")
    if platform.python_implementation() != "CPython":
        return fallback
    read = c_void_p.from_address
    offset = 2 * sizeof(c_void_p)

    def address(array):
        return read(id(array) + offset).value

    probes = [np.arange(5.0), np.arange(7, dtype=np.float32)[2:], np.zeros((3, 4))[1]]
    if all(address(probe) == probe.ctypes.data for probe in probes):
        return address
    return fallback


#: a -> a's data pointer as an int (C-contiguous arrays only are passed).
_address = _address_function()


def _is_bfloat16(dtype):
    """Whether `dtype` is ml_dtypes.bfloat16.  Never imports ml_dtypes: an array of
    that dtype exists only once ml_dtypes has been imported by its user."""
    if dtype.kind != "V" or dtype.itemsize != 2:
        return False
    module = sys.modules.get("ml_dtypes")
    return module is not None and dtype.type is getattr(module, "bfloat16", None)


def _natural_dtype(dtype):
    """The float dtype an input of `dtype` is computed as, before promotion."""
    if dtype.kind == "f" and dtype.itemsize in _FLOATS_BY_SIZE:
        return _FLOATS_BY_SIZE[dtype.itemsize]
    if dtype.kind in "biu":
        return _F64
    if _is_bfloat16(dtype):
        return dtype
    raise TypeError(f"activations: unsupported dtype {dtype} (expected real floating, integer or bool data)")


def _mode(dtype):
    """The `dtype` keyword checked: None or BFLOAT16."""
    if dtype is None:
        return None
    if isinstance(dtype, str):
        if dtype == BFLOAT16:
            return BFLOAT16
        raise ValueError(f"activations: dtype must be None or 'bfloat16', got {dtype!r}")
    raise TypeError(f"activations: dtype must be None or the string 'bfloat16', not {type(dtype).__name__}")


def _bfloat16_result(arrays, names):
    """dtype="bfloat16": every array holds bfloat16 (uint16 bit patterns or
    ml_dtypes.bfloat16); the result is uint16 unless every array is ml_dtypes.bfloat16."""
    for name, array in zip(names, arrays):
        dtype = array.dtype
        if not (dtype.kind == "u" and dtype.itemsize == 2) and not _is_bfloat16(dtype):
            raise TypeError(
                f"activations: dtype='bfloat16' takes uint16 arrays of bfloat16 bit patterns "
                f"(or ml_dtypes.bfloat16 arrays); {name} has dtype {dtype}")
    return arrays[0].dtype if all(_is_bfloat16(array.dtype) for array in arrays) else _U16


def _inputs(values, names, dtype=None):
    """The arrays of a call and the dtype of its result."""
    mode = _mode(dtype)
    arrays = [np.asarray(value) for value in values]
    if mode is BFLOAT16:
        return arrays, _bfloat16_result(arrays, names)
    result = np.result_type(*[_natural_dtype(array.dtype) for array in arrays])
    return arrays, result


def _same_shape(arrays, names):
    shape = arrays[0].shape
    if any(array.shape != shape for array in arrays[1:]):
        shapes = ", ".join(f"{name}{array.shape}" for name, array in zip(names, arrays))
        raise ValueError(f"activations: the arrays must have the same shape, got {shapes}")
    return shape


def _compute_dtype(result):
    """The dtype the kernel reads and writes for a result of dtype `result`: the same,
    except uint16 for ml_dtypes.bfloat16 (the _bf16 entry points take bit patterns)."""
    return _U16 if result.kind == "V" else result


def _storage(array, compute):
    """`array` as the kernel's dtype sees it: an ml_dtypes.bfloat16 array viewed as
    its uint16 bit patterns when the call computes in bfloat16 (no copy)."""
    if compute is _U16 and array.dtype.kind == "V":
        return array.view(_U16)
    return array


def _last(shape, axis):
    """`shape` with its entry `axis` moved to the end (the kernel's layout)."""
    return shape[:axis] + shape[axis + 1:] + (shape[axis],)


def _axis(axis, ndim):
    axis = operator.index(axis)
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim)
    return axis % ndim


def _real(name, value):
    if type(value) is float:
        return value
    if not isinstance(value, numbers.Real):
        raise TypeError(f"activations: {name} must be a real number, not {type(value).__name__}")
    try:
        return float(value)
    except OverflowError:
        # An int or Fraction beyond double's range rounds to +-inf (as 1e300 does
        # for float): the library then decides (ParameterError unless inf is allowed).
        return math.inf if value > 0 else -math.inf


def _flag(name, value):
    return 1 if value else 0


def _unsigned(bits):
    def convert(name, value):
        value = operator.index(value)
        if not 0 <= value < 2**bits:
            raise ValueError(f"activations: {name} must be an integer in [0, 2**{bits}), got {value}")
        return value

    return convert


#: Python value -> C argument, by the parameter's C type in the _spec table.
#: (The ABI's only int32_t parameter is rrelu's training flag.)
_CONVERTERS = {REAL: _real, c_int32: _flag, c_uint64: _unsigned(64), c_size_t: _unsigned(8 * sizeof(c_size_t))}


def _params(specs, values):
    if not specs:
        return ()
    return tuple(_CONVERTERS[spec.ctype](spec.name, value) for spec, value in zip(specs, values))


def _check_out(out, shape, dtype):
    if out is None:
        return
    if not isinstance(out, np.ndarray):
        raise ValueError(f"activations: out must be a numpy.ndarray, not {type(out).__name__}")
    if out.shape != shape:
        raise ValueError(f"activations: out has shape {out.shape}, expected {shape}")
    if out.dtype != dtype:
        raise ValueError(f"activations: out has dtype {out.dtype}, expected {dtype}")
    if not out.flags.writeable:
        raise ValueError("activations: out is not writable")


def _direct_target(out, to_kernel, compute, inputs):
    """`out` in the kernel's layout if the library can write into it directly, else None."""
    if out is None or out.dtype != compute:
        return None
    view = to_kernel(out)
    if not (view.flags.c_contiguous and view.flags.aligned):
        return None
    for array in inputs:
        same = array.ctypes.data == view.ctypes.data and array.size == view.size
        if not same and np.may_share_memory(view, array):
            return None
    return view


def _kernel_array(array, dtype):
    """`array` as a C-contiguous, aligned, native array of dtype (a copy only if needed)."""
    flags = array.flags
    if array.dtype == dtype and flags.c_contiguous and flags.aligned:
        return array
    return np.require(array, dtype, "CA")


def _as_result(array, dtype):
    """`array` (the kernel's output) in the result's dtype: the same array, or for
    ml_dtypes.bfloat16 a view of the kernel's uint16 bit patterns as bfloat16.
    (The library rounds every 16-bit result itself: no cast, so no warning.)"""
    return array if array.dtype == dtype else array.view(dtype)


def _identity(array):
    return array


def _moved(source, destination):
    return functools.partial(np.moveaxis, source=source, destination=destination)


def _call(functions, inputs, counts, params, result, out, kernel_shape, to_kernel=_identity, from_kernel=_identity):
    """Run one C function on `inputs` (already in the kernel's layout).

    kernel_shape is the output's shape in the kernel's layout; to_kernel and
    from_kernel map an output array between the caller's and the kernel's layout.
    """
    compute = _compute_dtype(result)
    function = functions[compute]
    inputs = [_kernel_array(_storage(array, compute), compute) for array in inputs]
    destination = None if out is None else _storage(out, compute)
    target = _direct_target(destination, to_kernel, compute, inputs)
    direct = target is not None
    if not direct:
        target = np.empty(kernel_shape, compute)
    if target.size:
        pointers = [array.ctypes.data for array in inputs]
        check(function, function(*pointers, target.ctypes.data, *counts, *params))
    if out is None:
        value = _as_result(from_kernel(target), result)
        return value[()] if value.ndim == 0 else value
    if not direct:
        np.copyto(destination, from_kernel(target))
    return out


def _writable_contiguous(array):
    flags = array.flags
    return flags.writeable and flags.c_contiguous and flags.aligned


def _fast_unary(functions, specs, values, params, out, dtype):
    """The common case in few steps, or None when the general path is needed.

    It applies when every input is an ndarray of one native float16/float32/
    float64 dtype (uint16 with dtype="bfloat16") and one shape, C-contiguous
    and aligned, and out is None or such an
    array (writable) that is either one of the inputs' memory exactly (in
    place) or disjoint from all of them: nothing then needs converting or
    copying. Overlap is decided from the data addresses and byte extents,
    which is exact for C-contiguous arrays.
    """
    first = values[0]
    if type(first) is not np.ndarray:
        return None
    if dtype is None:
        dtype = first.dtype
        if dtype is not _F32 and dtype is not _F64 and dtype is not _F16:
            return None
    elif type(dtype) is str and dtype == BFLOAT16 and first.dtype is _U16:
        dtype = _U16
    else:
        return None
    size = first.size
    if not size:
        return None
    shape = first.shape
    addresses = []
    for value in values:
        if value is not first and (type(value) is not np.ndarray or value.dtype is not dtype or value.shape != shape):
            return None
        flags = value.flags
        if not (flags.c_contiguous and flags.aligned):
            return None
        addresses.append(_address(value))
    if out is None:
        target = np.empty(shape, dtype)
        where = _address(target)
    else:
        if type(out) is not np.ndarray or out.dtype is not dtype or out.shape != shape or not _writable_contiguous(out):
            return None
        where = _address(out)
        end = where + first.nbytes
        for start in addresses:
            if start != where and start < end and where < start + first.nbytes:
                return None
        target = out
    function = functions[dtype]
    status = function(*addresses, where, size, *_params(specs, params))
    if status:
        check(function, status)
    if out is None and not shape:
        return target[()]
    return target


def unary(functions, names, specs, values, params, out, dtype):
    """Elementwise functions: every input and the output have one shape."""
    fast = _fast_unary(functions, specs, values, params, out, dtype)
    if fast is not None:
        return fast
    arrays, result = _inputs(values, names, dtype)
    shape = _same_shape(arrays, names)
    _check_out(out, shape, result)
    return _call(functions, arrays, (math.prod(shape),), _params(specs, params), result, out, shape)


def softmax(functions, names, specs, values, params, axis, out, dtype, *, jacobian):
    """Softmax along `axis`: the kernel sees that axis last, as the rows' columns.

    The Jacobian (jacobian=True) has shape x.shape + (n,): its index at the
    position of `axis` is i (the output y_i) and its last index is j (the
    input x_j), so for axis=-1, jac[..., i, j] = dy_i / dx_j.
    """
    arrays, result = _inputs(values, names, dtype)
    shape = _same_shape(arrays, names)
    axis = _axis(axis, len(shape))
    cols = shape[axis]
    inputs = [np.moveaxis(array, axis, -1) for array in arrays]
    rows = math.prod(inputs[0].shape[:-1])
    if jacobian:
        out_shape, kernel_shape, position = shape + (cols,), _last(shape, axis) + (cols,), -2
    else:
        out_shape, kernel_shape, position = shape, _last(shape, axis), -1
    _check_out(out, out_shape, result)
    return _call(
        functions, inputs, (rows, cols), _params(specs, params), result, out, kernel_shape,
        _moved(axis, position), _moved(position, axis),
    )


def maxout(functions, names, specs, values, params, axis, out, dtype, *, direction):
    """Maxout along `axis`: groups of `pieces` consecutive elements of that axis.

    Forward returns x's shape with x.shape[axis] // pieces along axis;
    derivative and backward return x's shape; backward's dy has the forward's
    shape.  pieces == 0 leaves the output shape undefined, so it raises the
    library's ParameterError (with its act_status_message) before any call.
    """
    arrays, result = _inputs(values, names, dtype)
    (pieces,) = _params(specs, params)
    x = arrays[0]
    axis = _axis(axis, x.ndim)
    if pieces == 0:
        raise error(functions[_compute_dtype(result)], ParameterError.code)
    if x.shape[axis] % pieces:
        raise ValueError(f"activations: x.shape[{axis}] = {x.shape[axis]} is not a multiple of pieces = {pieces}")
    units = x.shape[axis] // pieces
    reduced = x.shape[:axis] + (units,) + x.shape[axis + 1:]
    if direction == "_backward" and arrays[1].shape != reduced:
        raise ValueError(f"activations: {names[1]} has shape {arrays[1].shape}, expected the forward's shape {reduced}")
    out_shape = reduced if direction == "" else x.shape
    _check_out(out, out_shape, result)
    inputs = [np.moveaxis(array, axis, -1) for array in arrays]
    rows = math.prod(inputs[0].shape[:-1])
    return _call(
        functions, inputs, (rows, units), (pieces,), result, out, _last(out_shape, axis),
        _moved(axis, -1), _moved(-1, axis),
    )


def gated(functions, names, specs, values, params, axis, out, dtype, *, direction):
    """Gated units along `axis`: its first half is a, its second half b.

    Forward returns x's shape with x.shape[axis] // 2 along axis; derivative
    and backward return x's shape; backward's dy has the forward's shape.
    An odd x.shape[axis] raises ValueError.
    """
    arrays, result = _inputs(values, names, dtype)
    x = arrays[0]
    axis = _axis(axis, x.ndim)
    if x.shape[axis] % 2:
        raise ValueError(f"activations: x.shape[{axis}] = {x.shape[axis]} is odd: x is split into two halves")
    cols = x.shape[axis] // 2
    reduced = x.shape[:axis] + (cols,) + x.shape[axis + 1:]
    if direction == "_backward" and arrays[1].shape != reduced:
        raise ValueError(f"activations: {names[1]} has shape {arrays[1].shape}, expected the forward's shape {reduced}")
    out_shape = reduced if direction == "" else x.shape
    _check_out(out, out_shape, result)
    inputs = [np.moveaxis(array, axis, -1) for array in arrays]
    rows = math.prod(inputs[0].shape[:-1])
    return _call(
        functions, inputs, (rows, cols), (), result, out, _last(out_shape, axis),
        _moved(axis, -1), _moved(-1, axis),
    )


def prelu(functions, names, specs, values, params, out, dtype, *, direction):
    """PReLU with the channels on the last axis of x: weight holds 1 value
    (shared) or x.shape[-1] values (0-d or 1-d).  The backward returns
    (dx, dweight), dweight in weight's shape; `out` receives dx."""
    arrays, result = _inputs(values, names, dtype)
    x, weight = arrays[0], arrays[-1]
    if direction == "_backward":
        _same_shape(arrays[:2], names[:2])
    if weight.ndim > 1:
        raise ValueError(f"activations: weight must be 0-d or 1-d, got shape {weight.shape}")
    channels = x.shape[-1] if x.ndim else 1
    if weight.size != 1 and weight.size != channels:
        raise ValueError(
            f"activations: weight has {weight.size} values, expected 1 or {channels} (x.shape[-1], the channels)")
    _check_out(out, x.shape, result)
    compute = _compute_dtype(result)
    function = functions[compute]
    inputs = [_kernel_array(_storage(array, compute), compute) for array in arrays]
    destination = None if out is None else _storage(out, compute)
    target = _direct_target(destination, _identity, compute, inputs)
    direct = target is not None
    if not direct:
        target = np.empty(x.shape, compute)
    rows = x.size // channels if channels else math.prod(x.shape[:-1])
    counts = (rows, channels)
    weights = (inputs[-1].ctypes.data, weight.size)
    pointers = [array.ctypes.data for array in inputs[:-1]]
    gradient = None
    if direction == "_backward":
        gradient = np.empty(weight.shape, compute)
        if x.size or weight.size:
            check(function, function(*pointers, target.ctypes.data, gradient.ctypes.data, *counts, *weights))
    elif x.size:
        check(function, function(*pointers, target.ctypes.data, *counts, *weights))
    if out is None:
        value = _as_result(target, result)
        value = value[()] if value.ndim == 0 else value
    else:
        if not direct:
            np.copyto(destination, target)
        value = out
    if gradient is None:
        return value
    gradient = _as_result(gradient, result)
    return value, gradient[()] if gradient.ndim == 0 else gradient
