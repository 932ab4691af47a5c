"""Finding libactivations.so and declaring every symbol from the _spec table.

Search order: the file named by the environment variable ACTIVATIONS_LIBRARY
(if set, only that file), then libactivations.so beside this package (an
installed package carries its own: `pip install ./bindings/python` copies it
in), then, only when this package is the repository's source tree
(<repo>/bindings/python/activations), the release build
<repo>/.build/release/libactivations.so.  An installed package thus always
uses its own library, whatever directory Python runs in.

ctypes.CDLL releases the GIL for the duration of every call.
"""

import ctypes
import os
from ctypes import c_char_p, c_double, c_float, c_int32, c_size_t, c_void_p
from pathlib import Path

import numpy as np

from . import _errors
from ._spec import DIRECTIONS, FAMILIES, KINDS, POINTER, REAL

_FILENAME = "libactivations.so"
_PACKAGE_DIR = Path(__file__).resolve().parent
_REPOSITORY = _PACKAGE_DIR.parent.parent.parent  # (no IndexError near the root)
#: Whether this package is <repo>/bindings/python/activations (not an installed copy).
_IN_REPOSITORY = (
    _PACKAGE_DIR.parent.name == "python"
    and _PACKAGE_DIR.parent.parent.name == "bindings"
    and (_REPOSITORY / "Package.swift").is_file()
)
_BUILD_HINT = (
    (
        "build it with `swift build -c release` in the libactivations repository "
        f"(expected at {_REPOSITORY / '.build' / 'release' / _FILENAME}), "
        if _IN_REPOSITORY
        else "reinstall the package: `pip install ./bindings/python` in the libactivations repository "
        "runs `swift build -c release` and copies the library into it, "
    )
    + "or set ACTIVATIONS_LIBRARY to the path of libactivations.so"
)


def _candidates():
    override = os.environ.get("ACTIVATIONS_LIBRARY")
    if override:
        return [Path(override)]
    beside = [_PACKAGE_DIR / _FILENAME]
    return beside + [_REPOSITORY / ".build" / "release" / _FILENAME] if _IN_REPOSITORY else beside


def _load():
    candidates = _candidates()
    for path in candidates:
        if path.is_file():
            try:
                return ctypes.CDLL(str(path)), path
            except OSError as error:
                raise ImportError(f"cannot load {path}: {error}; {_BUILD_HINT}") from error
    tried = ", ".join(str(path) for path in candidates)
    raise ImportError(f"libactivations.so not found (tried {tried}); {_BUILD_HINT}")


LIBRARY, PATH = _load()

#: Storage dtype of the arrays -> (C suffix, ctypes type of the REAL parameters).
#: The 16-bit entry points take float parameters; the bfloat16 ones are keyed by
#: uint16, the storage of their bit patterns (the drivers pass uint16 views of
#: bfloat16 data only: integer input is computed as float64, never by them).
REALS = {
    np.dtype(np.float32): ("f32", c_float),
    np.dtype(np.float64): ("f64", c_double),
    np.dtype(np.float16): ("f16", c_float),
    np.dtype(np.uint16): ("bf16", c_float),
}


def _declare(name, argtypes, restype):
    try:
        function = getattr(LIBRARY, name)
    except AttributeError as error:
        raise ImportError(f"{PATH} does not export {name} (an older build?); {_BUILD_HINT}") from error
    function.argtypes = argtypes
    function.restype = restype
    return function


def _declare_families():
    """{(family name, direction): {dtype: ctypes function}} for every symbol in the table."""
    table = {}
    for family in FAMILIES:
        kind = KINDS[family.kind]
        for index, direction in enumerate(DIRECTIONS):
            pointers = 3 if direction == "_backward" else 2
            if kind.signatures:
                arrays = [c_void_p if a == POINTER else c_size_t for a in kind.signatures[index]]
            else:
                arrays = [c_void_p] * pointers + [c_size_t] * len(kind.counts)
            table[family.name, direction] = {
                dtype: _declare(
                    f"act_{family.name}{direction}_{suffix}",
                    arrays + [real if p.ctype is REAL else p.ctype for p in family.params],
                    c_int32,
                )
                for dtype, (suffix, real) in REALS.items()
            }
    return table


FUNCTIONS = _declare_families()
status_message = _declare("act_status_message", [c_int32], c_char_p)
version = _declare("act_version", [], c_char_p)
isa = _declare("act_isa", [], c_char_p)
set_num_threads = _declare("act_set_num_threads", [c_int32], None)
get_num_threads = _declare("act_get_num_threads", [], c_int32)


def error(function, status):
    """The exception for act_status `status` from `function`, with the library's message."""
    message = status_message(status).decode("ascii")
    return _errors.error_class(status)(status, message, function.__name__)


def check(function, status):
    """Raise the exception for a non-zero act_status returned by `function`."""
    if status:
        raise error(function, status)
