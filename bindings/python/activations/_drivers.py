"""From numpy arrays to one library call, for each kind of function in _spec.

Conventions (the public docstrings refer here):
  * dtypes: float32 and float64 are computed in their own type and returned in
    it; float16 is computed in float32 and returned as float16 (results
    beyond its range become +-inf, without a warning); bool and
    integer input (and Python scalars and lists of them) is computed as
    float64.  Several inputs are promoted to a common type (np.result_type).
    Anything else (complex, object, str, bytes, datetime, long double, ...)
    raises TypeError naming the dtype.
  * layout: inputs of any strides (non-contiguous, negatively strided,
    misaligned, byte-swapped) are copied to C-contiguous native arrays when
    they are not already; the library sees the elements in C order (rrelu's
    element index i is the C-order index).
  * out: must be an ndarray of exactly the result's shape and dtype and
    writable, else ValueError.  The library writes straight into it when it
    is C-contiguous in the kernel's layout and aligned; otherwise (strided,
    float16, partially overlapping an input) the result is computed in a
    temporary and copied into it.  out may be an input: the call then works
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
from ctypes import c_int32, c_size_t, c_uint64, c_void_p, sizeof

import numpy as np

from ._library import check, error
from ._errors import ParameterError
from ._spec import REAL

_F16, _F32, _F64 = np.dtype(np.float16), np.dtype(np.float32), np.dtype(np.float64)
_FLOATS_BY_SIZE = {2: _F16, 4: _F32, 8: _F64}


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


def _natural_dtype(dtype):
    """The float dtype an input of `dtype` is computed as, before promotion."""
    if dtype.kind == "f" and dtype.itemsize in _FLOATS_BY_SIZE:
        return _FLOATS_BY_SIZE[dtype.itemsize]
    if dtype.kind in "biu":
        return _F64
    raise TypeError(f"activations: unsupported dtype {dtype} (expected real floating, integer or bool data)")


def _inputs(values):
    """The arrays of a call and the dtype of its result."""
    arrays = [np.asarray(value) for value in values]
    result = np.result_type(*[_natural_dtype(array.dtype) for array in arrays])
    return arrays, result


def _same_shape(arrays, names):
    shape = arrays[0].shape
    if any(array.shape != shape for array in arrays[1:]):
        shapes = ", ".join(f"{name}{array.shape}" for name, array in zip(names, arrays))
        raise ValueError(f"activations: the arrays must have the same shape, got {shapes}")
    return shape


def _compute_dtype(result):
    return _F32 if result == _F16 else result


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


def _rounded(array, dtype):
    """`array` (the kernel's output) in the result's dtype.

    Only float16 results differ from the kernel's float32: values beyond
    float16's range round to +-inf, silently, as the library's own float32
    and float64 results do (numpy's cast would warn "overflow encountered
    in cast", an exception under warnings-as-errors).
    """
    if array.dtype == dtype:
        return array
    with np.errstate(over="ignore"):
        return array.astype(dtype)


def _copy_into(out, array):
    """np.copyto(out, array), rounding to a float16 out silently (see _rounded)."""
    with np.errstate(over="ignore"):
        np.copyto(out, array)


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
    inputs = [_kernel_array(array, compute) for array in inputs]
    target = _direct_target(out, to_kernel, compute, inputs)
    direct = target is not None
    if not direct:
        target = np.empty(kernel_shape, compute)
    if target.size:
        pointers = [array.ctypes.data for array in inputs]
        check(function, function(*pointers, target.ctypes.data, *counts, *params))
    if out is None:
        value = _rounded(from_kernel(target), result)
        return value[()] if value.ndim == 0 else value
    if not direct:
        _copy_into(out, from_kernel(target))
    return out


def _writable_contiguous(array):
    flags = array.flags
    return flags.writeable and flags.c_contiguous and flags.aligned


def _fast_unary(functions, specs, values, params, out):
    """The common case in few steps, or None when the general path is needed.

    It applies when every input is an ndarray of one native float32/float64
    dtype and one shape, C-contiguous and aligned, and out is None or such an
    array (writable) that is either one of the inputs' memory exactly (in
    place) or disjoint from all of them: nothing then needs converting or
    copying. Overlap is decided from the data addresses and byte extents,
    which is exact for C-contiguous arrays.
    """
    first = values[0]
    if type(first) is not np.ndarray:
        return None
    dtype = first.dtype
    if dtype is not _F32 and dtype is not _F64:
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


def unary(functions, names, specs, values, params, out):
    """Elementwise functions: every input and the output have one shape."""
    fast = _fast_unary(functions, specs, values, params, out)
    if fast is not None:
        return fast
    arrays, result = _inputs(values)
    shape = _same_shape(arrays, names)
    _check_out(out, shape, result)
    return _call(functions, arrays, (math.prod(shape),), _params(specs, params), result, out, shape)


def softmax(functions, names, specs, values, params, axis, out, *, jacobian):
    """Softmax along `axis`: the kernel sees that axis last, as the rows' columns.

    The Jacobian (jacobian=True) has shape x.shape + (n,): its index at the
    position of `axis` is i (the output y_i) and its last index is j (the
    input x_j), so for axis=-1, jac[..., i, j] = dy_i / dx_j.
    """
    arrays, result = _inputs(values)
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


def maxout(functions, names, specs, values, params, axis, out, *, direction):
    """Maxout along `axis`: groups of `pieces` consecutive elements of that axis.

    Forward returns x's shape with x.shape[axis] // pieces along axis;
    derivative and backward return x's shape; backward's dy has the forward's
    shape.  pieces == 0 leaves the output shape undefined, so it raises the
    library's ParameterError (with its act_status_message) before any call.
    """
    arrays, result = _inputs(values)
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


def gated(functions, names, specs, values, params, axis, out, *, direction):
    """Gated units along `axis`: its first half is a, its second half b.

    Forward returns x's shape with x.shape[axis] // 2 along axis; derivative
    and backward return x's shape; backward's dy has the forward's shape.
    An odd x.shape[axis] raises ValueError.
    """
    arrays, result = _inputs(values)
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


def prelu(functions, names, specs, values, params, out, *, direction):
    """PReLU with the channels on the last axis of x: weight holds 1 value
    (shared) or x.shape[-1] values (0-d or 1-d).  The backward returns
    (dx, dweight), dweight in weight's shape; `out` receives dx."""
    arrays, result = _inputs(values)
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
    inputs = [_kernel_array(array, compute) for array in arrays]
    target = _direct_target(out, _identity, compute, inputs)
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
        value = _rounded(target, result)
        value = value[()] if value.ndim == 0 else value
    else:
        if not direct:
            _copy_into(out, target)
        value = out
    if gradient is None:
        return value
    gradient = _rounded(gradient, result)
    return value, gradient[()] if gradient.ndim == 0 else gradient
