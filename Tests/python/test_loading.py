"""Finding the library: no environment needed, ACTIVATIONS_LIBRARY, beside the package.

PACKAGE is the package under test: the source tree, or the installed copy
under ACTIVATIONS_TEST_INSTALLED=1 (conftest.py).

Each case imports the package in a fresh interpreter whose environment holds
only PATH, PYTHONPATH and what the case sets.
"""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import activations
from activations import _library

PACKAGE = _library._PACKAGE_DIR
REPOSITORY = Path(__file__).resolve().parents[2]
BINDINGS = PACKAGE.parent
SCRIPT = "import activations, activations._library as L; print(L.PATH); print(activations.sigmoid(0.0))"


def run_python(pythonpath, **extra):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(pythonpath), **extra}
    return subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60)


def test_loads_with_no_environment_variables():
    beside = PACKAGE / "libactivations.so"
    expected = beside if beside.is_file() else _library._REPOSITORY / ".build" / "release" / "libactivations.so"
    result = run_python(BINDINGS)
    assert result.returncode == 0, result.stderr
    path, value = result.stdout.split()
    assert path == str(expected) and float(value) == 0.5


def test_missing_override_gives_import_error_with_build_hint(tmp_path):
    result = run_python(BINDINGS, ACTIVATIONS_LIBRARY=str(tmp_path / "missing.so"))
    assert result.returncode != 0
    assert "ImportError" in result.stderr
    assert "swift build -c release" in result.stderr and "ACTIVATIONS_LIBRARY" in result.stderr


def test_unloadable_file_gives_import_error_with_build_hint(tmp_path):
    bogus = tmp_path / "libactivations.so"
    bogus.write_text("not a shared library")
    result = run_python(BINDINGS, ACTIVATIONS_LIBRARY=str(bogus))
    assert "ImportError" in result.stderr and "swift build -c release" in result.stderr


def test_override_names_the_library_to_load(tmp_path):
    copy = tmp_path / "elsewhere.so"
    shutil.copy(_library.PATH, copy)
    result = run_python(BINDINGS, ACTIVATIONS_LIBRARY=str(copy))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == str(copy)


def test_library_beside_the_package_is_found(tmp_path):
    installed = tmp_path / "site" / "activations"
    shutil.copytree(PACKAGE, installed, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    shutil.copy(_library.PATH, installed / "libactivations.so")
    result = run_python(installed.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == str(installed / "libactivations.so")


def test_a_copy_outside_the_repository_does_not_use_the_repository_build(tmp_path):
    """Only the source tree falls back to <repo>/.build/release: an installed
    copy without its library fails to import, saying how to reinstall."""
    installed = tmp_path / "site" / "activations"
    shutil.copytree(PACKAGE, installed, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    result = run_python(installed.parent)
    assert result.returncode != 0 and "ImportError" in result.stderr
    assert str(installed / "libactivations.so") in result.stderr and ".build" not in result.stderr
    assert "pip install ./bindings/python" in result.stderr and "ACTIVATIONS_LIBRARY" in result.stderr


def test_package_dependencies():
    with open(REPOSITORY / "bindings" / "python" / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)["project"]
    assert project["dependencies"] == ["numpy>=1.25"]
    assert project["dynamic"] == ["version"]  # from the repository's VERSION (test_package.py)


def test_instruction_set_is_reported_and_can_be_lowered():
    """act_isa names the selected path; ACTIVATIONS_ISA=baseline lowers it, and
    both paths compute the same bits (a sweep's bytes compared across processes).
    (Every path against every other: test_prelu's ISA test and make test's runs.)"""
    assert activations.isa() in ("avx512", "avx2", "baseline")
    sweep = (
        "import numpy as np, activations as a; x = np.linspace(-30, 30, 10007);"
        "print(a.isa(), a.sigmoid(x).tobytes().hex()[:64], a.elu_backward(x, x).sum().hex(),"
        " a.tanh_derivative(x.astype(np.float32)).tobytes().hex()[-64:])"
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(BINDINGS)}
    default = subprocess.run([sys.executable, "-c", sweep], env=env, capture_output=True, text=True, timeout=60)
    lowered = subprocess.run(
        [sys.executable, "-c", sweep], env={**env, "ACTIVATIONS_ISA": "baseline"}, capture_output=True, text=True,
        timeout=60)
    assert default.returncode == 0 and lowered.returncode == 0, default.stderr + lowered.stderr
    default_isa, *default_bits = default.stdout.split()
    lowered_isa, *lowered_bits = lowered.stdout.split()
    assert lowered_isa == "baseline" and default_isa == activations.isa()
    assert default_bits == lowered_bits
