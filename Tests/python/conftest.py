"""Shared fixtures of the Python tests; the accuracy and count summaries at session end.

Makes `import activations` work without PYTHONPATH (bindings/python is put on
sys.path) and `import snippets, reference` from this folder.

With ACTIVATIONS_TEST_INSTALLED=1 the tests run against the INSTALLED package
instead (`make test-python-installed`: `pip install ./bindings/python` into a
virtual environment): bindings/python is not put on sys.path, and the session
stops at once unless `activations` comes from a site-packages directory and
loads the libactivations.so installed beside it.
"""

import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
SOURCE_PACKAGE = REPOSITORY / "bindings" / "python" / "activations"
#: Whether the tests run against an installed package (not the source tree).
INSTALLED = os.environ.get("ACTIVATIONS_TEST_INSTALLED") == "1"

for folder in (HERE,) if INSTALLED else (SOURCE_PACKAGE.parent, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def _check_installed():
    """Stop the session unless `activations` is an installed copy using its own library."""
    import activations
    from activations import _library

    package = Path(activations.__file__).resolve().parent
    problems = []
    if package == SOURCE_PACKAGE.resolve():
        problems.append(f"activations was imported from the source tree {package} (PYTHONPATH?)")
    if "site-packages" not in package.parts:
        problems.append(f"activations was imported from {package}, not from a site-packages directory")
    if _library.PATH != package / "libactivations.so":
        problems.append(f"the library loaded is {_library.PATH}, not the installed {package / 'libactivations.so'}")
    if problems:
        raise pytest.UsageError("ACTIVATIONS_TEST_INSTALLED=1: " + "; ".join(problems))
    return package


INSTALLED_PACKAGE = _check_installed() if INSTALLED else None

DTYPES = (np.float32, np.float64)

#: (measurement, dtype name) -> worst value seen, filled by the `accuracy` fixture.
_ACCURACY = {}
#: name -> count, filled by the `tally` fixture (calls made by the fuzzing and thread tests).
_TALLY = Counter()


@pytest.fixture(params=DTYPES, ids=lambda dtype: np.dtype(dtype).name)
def dtype(request):
    """float32 and float64."""
    return np.dtype(request.param)


@pytest.fixture
def rng(request):
    """A generator seeded from the test's name: reproducible, distinct per test."""
    return np.random.default_rng(list(request.node.nodeid.encode()))


@pytest.fixture(scope="session")
def accuracy():
    """record(name, dtype, value, unit): keep the worst value for the session summary."""

    def record(name, dtype, value, unit):
        key = (name, np.dtype(dtype).name, unit)
        _ACCURACY[key] = max(_ACCURACY.get(key, 0.0), float(value))
        print(f"\n  measured {name} [{key[1]}]: max {value:.4g} {unit}")

    return record


@pytest.fixture(scope="session")
def tally():
    """add(name, count): add to a count shown in the session summary."""

    def add(name, count=1):
        _TALLY[name] += count

    return add


def pytest_report_header(config):
    import activations
    from activations import _library

    mode = "installed package" if INSTALLED else "source tree"
    return f"activations {activations.__version__} ({mode}): {Path(activations.__file__).parent}, library {_library.PATH}"


def pytest_terminal_summary(terminalreporter):
    if _TALLY:
        terminalreporter.section("counts")
        for name, count in sorted(_TALLY.items()):
            terminalreporter.write_line(f"{name:<48} {count:>10}")
    if not _ACCURACY:
        return
    terminalreporter.section("measured accuracy (worst case over the tested inputs)")
    for (name, dtype, unit), value in sorted(_ACCURACY.items()):
        terminalreporter.write_line(f"{name:<32} {dtype:<8} {value:10.4g} {unit}")
