"""The public functions, generated from the _spec table.

Each wrapper is compiled from a one-line template, so it has a real signature
with type annotations (help() and inspect show it, typing.get_type_hints
resolves it, Python checks the arguments) and costs one Python call on top of
the driver in _drivers.py.  Its docstring (formulas, parameters with their
domains and defaults) is generated from the same table row, and so is the
type stub activations/__init__.pyi (tools/gen-stub/generate.py writes it
from these functions' signatures and docstrings; the tests check it is
current).
"""

import functools
from ctypes import c_int32, c_size_t, c_uint64
from typing import Any, Literal, Optional, SupportsIndex, Tuple, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _drivers
from ._library import FUNCTIONS
from ._spec import DIRECTIONS, FAMILIES, KINDS, REAL, REQUIRED

# The annotations are strings (as under `from __future__ import annotations`),
# the same text in the wrappers and the stub; typing.get_type_hints resolves
# them in the wrappers' namespace, TYPES.
_TEMPLATE = """\
from __future__ import annotations
def {public}({signature}*, out: {out} = None, dtype: {dtype} = None) -> {returns}:
    return _run(({inputs}), ({params}), {axis}out, dtype)
"""

#: The names the annotations use (the stub imports or defines the same).
TYPES = {
    "Any": Any,
    "Literal": Literal,
    "Optional": Optional,
    "SupportsIndex": SupportsIndex,
    "Tuple": Tuple,
    "Union": Union,
    "np": np,
    "ArrayLike": ArrayLike,
    "NDArray": NDArray,
}
#: Private aliases, defined in the wrappers' namespace and in the stub.
ALIASES = {
    # An array computed in float16, float32 or float64 (or ml_dtypes.bfloat16,
    # which is no np.floating subclass: its type cannot be named without ml_dtypes).
    "_FloatArray": "NDArray[np.floating[Any]]",
    # bfloat16 bit patterns (dtype="bfloat16").
    "_Bfloat16Bits": "NDArray[np.uint16]",
    # A result: an array, or a numpy scalar for 0-d input (as numpy's ufuncs).
    "_Result": "Union[_FloatArray, np.floating[Any], _Bfloat16Bits, np.uint16]",
}
for _name, _text in ALIASES.items():
    TYPES[_name] = eval(_text, dict(TYPES))  # noqa: S307 -- constant text above

#: Annotation of a table parameter by its C type.
_PARAM_TYPES = {REAL: "float", c_int32: "bool", c_uint64: "SupportsIndex", c_size_t: "SupportsIndex"}
_INPUT_TYPE = "ArrayLike"
_AXIS_TYPE = "SupportsIndex"
_OUT_TYPE = "Optional[Union[_FloatArray, _Bfloat16Bits]]"
_DTYPE_TYPE = 'Optional[Literal["bfloat16"]]'

#: Docstring summaries per kind and direction (forward, derivative, backward).
_SUMMARIES = {
    "unary": (
        "Elementwise {name}:  {forward}.",
        "Elementwise derivative of {name}:  {derivative}.",
        "Backward pass of {name}:  dx = dy * f'(x), fused, where {derivative}.\n"
        "x and dy must have the same shape.",
    ),
    "softmax": (
        "{name} along axis:  {forward}.",
        "Jacobian of {name} along axis:  {derivative}.\n"
        "Shape x.shape + (n,) with n = x.shape[axis]: the index at axis's position is i,\n"
        "the last index is j (for axis=-1: jac[..., i, j]).",
        "Backward pass of {name}, from its OUTPUT y:  {backward} along axis.\n"
        "y and dy must have the same shape.",
    ),
    "maxout": (
        "{name} along axis:  {forward}.\n"
        "The result has x's shape with x.shape[axis] // pieces along axis.",
        "Derivative of {name} along axis:  {derivative} (shape of x).",
        "Backward pass of {name}:  dx = dy * derivative (shape of x); dy has the forward's shape.",
    ),
    "gated": (
        "{name} along axis:  {forward}.\n"
        "x.shape[axis] must be even; the result has x's shape with half of it along axis.",
        "Derivative of {name} along axis (shape of x):  {derivative}.",
        "Backward pass of {name}:  dx = dy * derivative in both halves (shape of x); dy has\n"
        "the forward's shape.",
    ),
    "prelu": (
        "{name}:  {forward}.\n"
        "weight has 1 value (shared) or x.shape[-1] values (one per channel).",
        "Derivative of {name}:  {derivative} (shape of x).",
        "Backward pass of {name}:  returns (dx, dweight): dx = dy * f'(x) (shape of x) and\n"
        "dweight[k] = sum of dy * x over the elements using weight k where x < 0\n"
        "(shape of weight; a fixed order of addition, compensated).  out receives dx.",
    ),
}

_FOOTER = (
    "  out: optional ndarray of the result's shape and dtype (it may be an input: in place)\n"
    "  dtype: None, or \"bfloat16\": the arrays are uint16 bfloat16 bit patterns, so is the result\n"
    "\n"
    "float16/float32/float64 are computed in their own type (float16 and bfloat16: the\n"
    "float32 kernels on the widened input, rounded to the format), ml_dtypes.bfloat16\n"
    "arrays in bfloat16, bool/integers/Python numbers as float64 (uint16 too, without\n"
    "dtype=\"bfloat16\"); dtype=\"bfloat16\" with any other dtype raises TypeError; a 0-d\n"
    "result is a numpy scalar.  Library errors raise activations.ActivationsError\n"
    "subclasses (ParameterError for a bad parameter)."
)


#: The backward pass of each kind, for the formulas block ({backward}: the table's).
_BACKWARDS = {
    "unary": "dx = dy * f'(x)",
    "softmax": "{backward}  (from the forward's OUTPUT y)",
    "maxout": "dx = dy * derivative, dy[u] going to group u's winning element",
    "gated": "dx = [dy * dy/da | dy * dy/db]",
    "prelu": "dx = dy * f'(x);  dweight[k] = sum of dy * x over weight k's elements where x < 0",
}


def _docstring(family, index, inputs, with_axis):
    fields = family._asdict()
    lines = [_SUMMARIES[family.kind][index].format(**fields), "", "Formulas:"]
    derivative = "jacobian:" if family.kind == "softmax" else "derivative:"
    lines.append(f"  {'forward:':<13}{family.forward}")
    lines.append(f"  {derivative:<13}{family.derivative}")
    lines.append(f"  {'backward:':<13}{_BACKWARDS[family.kind].format(**fields)}")
    lines += ["", "Parameters:"]
    lines += [f"  {name}: array_like" for name in inputs]
    for param in family.params:
        default = " (required)" if param.default is REQUIRED else f" (default {param.default!r})"
        lines.append(f"  {param.name}: {param.doc}{default}")
    if with_axis:
        lines.append("  axis: the axis the function works along (default -1)")
    return "\n".join(lines + [_FOOTER])


def _parameters(family, index):
    """[(name, annotation, default or REQUIRED)] of a public function, before `out`."""
    kind = KINDS[family.kind]
    params = [(name, _INPUT_TYPE, REQUIRED) for name in kind.inputs[index]]
    params += [(param.name, _PARAM_TYPES[param.ctype], param.default) for param in family.params]
    if kind.has_axis:
        params.append(("axis", _AXIS_TYPE, -1))
    return params


def _returns(family, direction):
    return "Tuple[_Result, _Result]" if family.kind == "prelu" and direction == "_backward" else "_Result"


def _driver(family, direction, functions, inputs):
    specs = family.params
    if family.kind == "unary":
        return functools.partial(_drivers.unary, functions, inputs, specs)
    if family.kind == "softmax":
        return functools.partial(_drivers.softmax, functions, inputs, specs, jacobian=direction == "_derivative")
    if family.kind == "gated":
        return functools.partial(_drivers.gated, functions, inputs, specs, direction=direction)
    if family.kind == "prelu":
        return functools.partial(_drivers.prelu, functions, inputs, specs, direction=direction)
    return functools.partial(_drivers.maxout, functions, inputs, specs, direction=direction)


def _wrapper(family, index, direction):
    kind = KINDS[family.kind]
    public = family.name + direction
    inputs = kind.inputs[index]
    parameters = _parameters(family, index)
    source = _TEMPLATE.format(
        public=public,
        signature="".join(f"{name}: {annotation}, " for name, annotation, _ in parameters),
        out=_OUT_TYPE,
        dtype=_DTYPE_TYPE,
        returns=_returns(family, direction),
        inputs="".join(f"{name}, " for name in inputs),
        params="".join(f"{param.name}, " for param in family.params),
        axis="axis, " if kind.has_axis else "",
    )
    namespace = {"_run": _driver(family, direction, FUNCTIONS[family.name, direction], inputs), **TYPES}
    exec(source, namespace)  # noqa: S102 -- trusted template filled from the _spec table
    wrapper = namespace[public]
    defaults = [default for _, _, default in parameters if default is not REQUIRED]
    wrapper.__defaults__ = tuple(defaults) or None
    wrapper.__doc__ = _docstring(family, index, inputs, kind.has_axis)
    wrapper.__module__ = "activations"
    return wrapper


def generate():
    """{public name: function} for every family and direction in the table."""
    return {
        family.name + direction: _wrapper(family, index, direction)
        for family in FAMILIES
        for index, direction in enumerate(DIRECTIONS)
    }
