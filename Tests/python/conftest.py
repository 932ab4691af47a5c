"""Shared fixtures of the Python tests; the accuracy and count summaries at session end.

Makes `import activations` work without PYTHONPATH (bindings/python is put on
sys.path) and `import snippets, reference` from this folder.
"""

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]
for folder in (REPOSITORY / "bindings" / "python", HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

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
