"""The package as shipped: version, docstrings, type annotations and stub, `python -m activations`.

Runs against the source tree, or the installed package under
ACTIVATIONS_TEST_INSTALLED=1 (conftest.py; make test-python-installed).
"""

import ast
import importlib.metadata
import importlib.util
import inspect
import os
import subprocess
import sys
import typing
from pathlib import Path

import numpy as np
import pytest

import activations
from activations import _library
from activations._spec import DIRECTIONS, FAMILIES, KINDS, REQUIRED

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGE = Path(activations.__file__).resolve().parent
INSTALLED = os.environ.get("ACTIVATIONS_TEST_INSTALLED") == "1"
GENERATED = [(family, index, family.name + direction) for family in FAMILIES for index, direction in enumerate(DIRECTIONS)]
PUBLIC_FUNCTIONS = [name for name in activations.__all__ if inspect.isfunction(getattr(activations, name))]


def _stub_generator():
    path = REPOSITORY / "tools" / "gen-stub" / "generate.py"
    spec = importlib.util.spec_from_file_location("gen_stub", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- version -------------------------------------------------------------------------


def test_version_is_the_repository_version():
    version = (REPOSITORY / "VERSION").read_text(encoding="ascii").strip()
    assert activations.__version__ == activations.version() == version
    assert len(version.split(".")) == 3 and all(part.isdigit() for part in version.split("."))


@pytest.mark.skipif(not INSTALLED, reason="the source tree has no package metadata")
def test_installed_metadata_has_the_library_version():
    assert importlib.metadata.version("activations") == activations.__version__
    files = {str(file) for file in importlib.metadata.files("activations")}
    assert {"activations/libactivations.so", "activations/py.typed", "activations/__init__.pyi"} <= files


# --- docstrings --------------------------------------------------------------------------


@pytest.mark.parametrize("family, index, name", GENERATED, ids=[name for _, _, name in GENERATED])
def test_every_public_function_documents_its_formulas_and_parameters(family, index, name):
    doc = getattr(activations, name).__doc__
    assert f"forward:     {family.forward}" in doc
    assert family.derivative in doc and ("jacobian:    " if family.kind == "softmax" else "derivative:  ") in doc
    assert "backward:    " in doc
    if family.backward:
        assert family.backward in doc
    for input_name in KINDS[family.kind].inputs[index]:
        assert f"  {input_name}: array_like" in doc
    for param in family.params:
        default = "(required)" if param.default is REQUIRED else f"(default {param.default!r})"
        assert f"  {param.name}: {param.doc} {default}" in doc
    assert ("  axis: the axis the function works along (default -1)" in doc) == KINDS[family.kind].has_axis
    assert "  out: " in doc


@pytest.mark.parametrize("name", ["version", "isa", "set_num_threads", "get_num_threads"])
def test_other_public_functions_have_docstrings(name):
    assert getattr(activations, name).__doc__


# --- annotations and the stub ------------------------------------------------------------


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_every_public_function_is_fully_annotated(name):
    function = getattr(activations, name)
    hints = typing.get_type_hints(function)  # the annotations resolve
    assert set(hints) == set(inspect.signature(function).parameters) | {"return"}


def test_annotations_follow_the_table():
    hints = typing.get_type_hints(activations.rrelu_backward)
    assert hints["x"] == hints["dy"] == np.typing.ArrayLike
    assert hints["lower"] is float and hints["training"] is bool and hints["seed"] is typing.SupportsIndex
    assert typing.get_type_hints(activations.softmax)["axis"] is typing.SupportsIndex
    assert typing.get_type_hints(activations.maxout)["pieces"] is typing.SupportsIndex
    result = typing.get_type_hints(activations.sigmoid)["return"]
    assert set(typing.get_args(result)) == {np.typing.NDArray[np.floating[typing.Any]], np.floating[typing.Any],
                                            np.typing.NDArray[np.uint16], np.uint16}
    assert typing.get_args(typing.get_type_hints(activations.sigmoid)["dtype"]) == (typing.Literal["bfloat16"], type(None))
    assert typing.get_origin(typing.get_type_hints(activations.prelu_backward)["return"]) is tuple


def test_the_package_is_typed_and_its_stub_is_current():
    """py.typed and __init__.pyi ship with the package; the stub is what
    tools/gen-stub/generate.py writes from this package (run it after changing the table)."""
    assert (PACKAGE / "py.typed").is_file()
    stub = (PACKAGE / "__init__.pyi").read_text()
    assert stub == _stub_generator().render(activations), "stale stub: run python3 tools/gen-stub/generate.py"


def test_the_stub_declares_every_public_name_with_its_docstring():
    tree = ast.parse((PACKAGE / "__init__.pyi").read_text())
    defined = {}
    imported = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            defined.setdefault(node.name, []).append(node)
        elif isinstance(node, ast.ImportFrom) and node.module == "_errors":
            imported |= {alias.asname for alias in node.names if alias.asname == alias.name}
    assert set(defined) == set(PUBLIC_FUNCTIONS)
    assert set(defined) | imported == set(activations.__all__)
    for name, nodes in defined.items():
        for node in nodes:
            assert ast.get_docstring(node) == inspect.getdoc(getattr(activations, name))
    # Elementwise functions: a scalar overload and an array one, each for floating results and for
    # bfloat16 bits (dtype="bfloat16"); row functions: arrays only.
    assert len(defined["sigmoid"]) == 4 and len(defined["softmax"]) == 2 and len(defined["version"]) == 1


def test_the_stub_type_checks_a_program(tmp_path):
    """mypy --strict accepts a program using the stub and flags its one error (make deps installs mypy)."""
    program = tmp_path / "program.py"
    program.write_text(
        "from typing import Any\nimport numpy as np\nimport numpy.typing\nimport activations as act\n"
        "x = np.linspace(-3, 3, 7)\n"
        "y = act.sigmoid(x)\ny[0]\n"
        "s = act.sigmoid(0.5)\ns.item()\n"
        "dx, dw = act.prelu_backward(x, x, np.array([0.25]))\n"
        "act.softmax(np.ones((2, 3)), axis=0)\n"
        "n: int = act.get_num_threads()\nv: str = act.__version__\n"
        "bits: np.typing.NDArray[np.uint16] = act.gelu(np.zeros(3, np.uint16), dtype='bfloat16')\n"
        "b0: np.uint16 = act.elu(np.uint16(0x3F80), dtype='bfloat16')\n"
        "db, dwb = act.prelu_backward(bits, bits, bits[:1], dtype='bfloat16', out=bits)\n"
        "sb: np.typing.NDArray[np.uint16] = act.softmax(np.ones((2, 3), np.uint16), dtype='bfloat16')\n"
        "h: np.typing.NDArray[np.floating[Any]] = act.tanh(np.ones(3, np.float16))\n"
        "act.sigmoid(x, alpha=1.0)  # an error\n"
    )
    # The source tree's package through MYPYPATH; an installed one (site-packages, which
    # mypy refuses in MYPYPATH) is found as an installed typed package (PEP 561).
    env = dict(os.environ) if INSTALLED else {**os.environ, "MYPYPATH": str(PACKAGE.parent)}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(program)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) >= 1 and all("program.py:19:" in line for line in errors), result.stdout + result.stderr


# --- python -m activations ---------------------------------------------------------------


def test_python_m_activations_reports_and_checks(tmp_path):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(PACKAGE.parent)}
    result = subprocess.run(
        [sys.executable, "-m", "activations"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"activations {activations.__version__}"
    assert f"  library      {_library.PATH}" in lines
    assert f"  isa          {activations.isa()}" in lines
    assert any(line.startswith("  threads      ") and int(line.split()[-1]) >= 1 for line in lines)
    checks = [line for line in lines if line.startswith("self-check:")]
    assert len(checks) == 1 and "10 of 10" in checks[0], result.stdout
    assert "FAILED" not in result.stdout


def test_python_m_activations_fails_when_a_check_fails(monkeypatch, capsys):
    from activations import __main__ as main_module

    wrong = main_module.Check("sigmoid against tanh", activations.sigmoid, np.tanh)
    monkeypatch.setattr(main_module, "CHECKS", main_module.CHECKS + [wrong])
    assert main_module.main() == 1
    captured = capsys.readouterr()
    assert "sigmoid against tanh" in captured.out and "FAILED" in captured.out
    assert "self-check FAILED: 1 function(s)" in captured.err
