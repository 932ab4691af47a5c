"""Build hooks of the activations package: it ships its own libactivations.so.

`pip install ./bindings/python` (or `pip wheel`, `python -m build --wheel`)
from a checkout of the libactivations repository runs, before copying the
package:

    swift build -c release --package-path <repository>

(a no-op taking a few seconds when <repository>/.build/release is current,
a full build of 3-6 minutes in a fresh clone), checks that the library's
act_version() is the repository's VERSION, and copies
<repository>/.build/release/libactivations.so into the package, where the
loader (activations/_library.py) looks first.  The wheel is tagged
py3-none-<platform> (e.g. py3-none-linux_x86_64): any Python 3 on that
platform, and only there.

Environment variables:
    ACTIVATIONS_LIBRARY_FILE=path  ship this libactivations.so; Swift is not run
    ACTIVATIONS_SWIFT_BUILD=0      do not run Swift; ship <repository>/.build/release's
                                   library as it is (it must exist)
    ACTIVATIONS_SWIFT=path         the swift driver (default: `swift` on PATH)

The package metadata's version is the repository's VERSION file, so the
package is built from a checkout (pip >= 21.3 builds in place); an sdist
cannot carry the Swift sources and is not supported.  Build files go to
<repository>/.build/python (not into the source tree).
"""

import ctypes
import os
import shutil
import subprocess
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

try:  # setuptools >= 70.1 has its own; older ones use the wheel package's
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # pragma: no cover
    from wheel.bdist_wheel import bdist_wheel

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
FILENAME = "libactivations.so"
RELEASE_LIBRARY = REPOSITORY / ".build" / "release" / FILENAME


def fail(message):
    raise SystemExit(f"activations setup: {message}")


def repository_version():
    """The content of <repository>/VERSION (e.g. "1.0.0")."""
    path = REPOSITORY / "VERSION"
    if not (REPOSITORY / "Package.swift").is_file() or not path.is_file():
        fail(
            f"{path} not found: build the package from a checkout of the libactivations "
            "repository (bindings/python inside it), e.g. `pip install ./bindings/python`; "
            "an sdist does not carry the Swift sources"
        )
    return path.read_text(encoding="ascii").strip()


def library_version(path):
    """act_version() of the library at `path`."""
    try:
        library = ctypes.CDLL(str(path))
    except OSError as error:
        fail(f"cannot load {path}: {error}")
    library.act_version.restype = ctypes.c_char_p
    return library.act_version().decode("ascii")


def swift_build():
    name = os.environ.get("ACTIVATIONS_SWIFT") or "swift"
    swift = shutil.which(name)
    if not swift:
        fail(
            f"`{name}` not found: install a Swift 6 toolchain (https://swift.org/install), set "
            "ACTIVATIONS_SWIFT to the swift driver, or ACTIVATIONS_LIBRARY_FILE to a built "
            "libactivations.so"
        )
    command = [swift, "build", "-c", "release", "--package-path", str(REPOSITORY)]
    print("activations setup:", " ".join(command), flush=True)
    if subprocess.run(command).returncode != 0:
        fail(f"`{' '.join(command)}` failed")


def library_to_ship():
    """The libactivations.so to copy into the package (after building it if needed)."""
    chosen = os.environ.get("ACTIVATIONS_LIBRARY_FILE")
    if chosen:
        path = Path(chosen).resolve()
        if not path.is_file():
            fail(f"ACTIVATIONS_LIBRARY_FILE={chosen}: no such file")
    else:
        if os.environ.get("ACTIVATIONS_SWIFT_BUILD", "1") != "0":
            swift_build()
        elif not RELEASE_LIBRARY.is_file():
            fail(f"ACTIVATIONS_SWIFT_BUILD=0 but {RELEASE_LIBRARY} does not exist")
        path = RELEASE_LIBRARY
    version = library_version(path)
    if version != VERSION:
        fail(f"{path} is version {version}, the repository's VERSION is {VERSION} (a stale build?)")
    return path


class BuildPy(build_py):
    """build_py that also puts libactivations.so into the package."""

    def run(self):
        # Start from an empty package directory: no file of an earlier build
        # (a module since removed, an older library) reaches the wheel.
        shutil.rmtree(Path(self.build_lib) / "activations", ignore_errors=True)
        super().run()
        source = library_to_ship()
        if getattr(self, "editable_mode", False):
            # An editable install runs the package from the source tree, whose
            # loader finds <repository>/.build/release itself.
            return
        target = Path(self.build_lib) / "activations" / FILENAME
        self.copy_file(str(source), str(target), preserve_times=False)
        print(f"activations setup: shipping {source} ({version_note(source)})")


def version_note(path):
    return f"act_version {library_version(path)}, {path.stat().st_size} bytes"


class BinaryDistribution(Distribution):
    """A distribution with binary content (libactivations.so): installed into
    platlib, and its wheel is not pure (Root-Is-Purelib: false)."""

    def has_ext_modules(self):
        return True


class BdistWheel(bdist_wheel):
    """A platform wheel for any Python 3: py3-none-<platform> (the library is
    loaded with ctypes, so neither the interpreter nor its ABI matter)."""

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


VERSION = repository_version()
BUILD_BASE = REPOSITORY / ".build" / "python"
BUILD_BASE.mkdir(parents=True, exist_ok=True)  # egg_info wants egg_base to exist

setup(
    version=VERSION,
    distclass=BinaryDistribution,
    cmdclass={"build_py": BuildPy, "bdist_wheel": BdistWheel},
    options={
        "build": {"build_base": str(BUILD_BASE / "build")},
        "egg_info": {"egg_base": str(BUILD_BASE)},
    },
)
