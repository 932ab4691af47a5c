"""The public functions, generated from the _spec table.

Each wrapper is compiled from a one-line template, so it has a real signature
(help() and inspect show it, Python checks the arguments) and costs one
Python call on top of the driver in _drivers.py.
"""

import functools

from . import _drivers
from ._library import FUNCTIONS
from ._spec import DIRECTIONS, FAMILIES, KINDS, REQUIRED

_TEMPLATE = """\
def {public}({signature}*, out=None):
    return _run(({inputs}), ({params}), {axis}out)
"""

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
    "\n"
    "float32/float64 are computed in their own type, float16 in float32, bool/integers/\n"
    "Python numbers as float64; a 0-d result is a numpy scalar.  Library errors raise\n"
    "activations.ActivationsError subclasses (ParameterError for a bad parameter)."
)


def _docstring(family, index, inputs, with_axis):
    lines = [_SUMMARIES[family.kind][index].format(**family._asdict()), "", "Parameters:"]
    lines += [f"  {name}: array_like" for name in inputs]
    for param in family.params:
        default = "" if param.default is REQUIRED else f" (default {param.default!r})"
        lines.append(f"  {param.name}: {param.doc}{default}")
    if with_axis:
        lines.append("  axis: the axis the function works along (default -1)")
    return "\n".join(lines + [_FOOTER])


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
    names = list(inputs) + [param.name for param in family.params] + (["axis"] if kind.has_axis else [])
    source = _TEMPLATE.format(
        public=public,
        signature="".join(f"{name}, " for name in names),
        inputs="".join(f"{name}, " for name in inputs),
        params="".join(f"{param.name}, " for param in family.params),
        axis="axis, " if kind.has_axis else "",
    )
    namespace = {"_run": _driver(family, direction, FUNCTIONS[family.name, direction], inputs)}
    exec(source, namespace)  # noqa: S102 -- trusted template filled from the _spec table
    wrapper = namespace[public]
    defaults = [param.default for param in family.params if param.default is not REQUIRED]
    wrapper.__defaults__ = tuple(defaults + ([-1] if kind.has_axis else [])) or None
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
