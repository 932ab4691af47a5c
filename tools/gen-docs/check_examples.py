#!/usr/bin/env python3
"""The README's examples work: the C one compiles and runs, the Python one runs,
the Swift one type-checks against the built module.

Reads the fenced ```c, ```python and ```swift blocks of README.md's "## Examples"
section (one of each is required) and, in .build/readme-examples:
  C       $CC -std=c99 -Wall -Wextra -Werror -pedantic against include/ and
          $LIBDIR/libactivations.so, then runs it;
  Python  runs it with PYTHONPATH=bindings/python;
  Swift   $SWIFTC -typecheck with the module Activations from $LIBDIR/Modules
          (type-checked, not linked: the .so exports only the C ABI).
Each must succeed (exit status 0, nothing on stderr for C and Python).

    python3 tools/gen-docs/check_examples.py     (make test-docs; environment:
                                                  CC, LIBDIR, SWIFTC, PYTHON)
"""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
OUT = ROOT / ".build" / "readme-examples"
BLOCK = re.compile(r"^```(c|python|swift)\n(.*?)^```$", re.M | re.S)


def fail(message):
    raise SystemExit(f"check_examples.py: {message}")


def examples():
    text = README.read_text()
    match = re.search(r"^## Examples\n(.*?)(?=^## )", text, re.M | re.S)
    if not match:
        fail("README.md has no '## Examples' section")
    blocks = {}
    for language, code in BLOCK.findall(match.group(1)):
        if language in blocks:
            fail(f"README.md's Examples section has two {language} blocks")
        blocks[language] = code
    missing = {"c", "python", "swift"} - set(blocks)
    if missing:
        fail(f"README.md's Examples section lacks a {', '.join(sorted(missing))} example")
    return blocks


def run(what, command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0 or (what != "Swift" and result.stderr.strip()):
        sys.stderr.write(result.stdout + result.stderr)
        fail(f"the README's {what} example failed: {' '.join(map(str, command))}")
    return result.stdout


def main():
    libdir = Path(os.environ.get("LIBDIR", ROOT / ".build" / "release"))
    cc = os.environ.get("CC", "cc")
    swiftc = os.environ.get("SWIFTC", "swiftc")
    python = os.environ.get("PYTHON", sys.executable)
    OUT.mkdir(parents=True, exist_ok=True)
    blocks = examples()

    source = OUT / "example.c"
    source.write_text(blocks["c"])
    run("C", [cc, "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-I", ROOT / "include", source,
              "-o", OUT / "example", "-L", libdir, "-lactivations", f"-Wl,-rpath,{libdir}", "-lm"])
    first = run("C", [OUT / "example"]).strip().split("\n")[0]
    print(f"README C example: {first}")

    source = OUT / "example.py"
    source.write_text(blocks["python"])
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "bindings" / "python"))
    lines = run("Python", [python, source], env=environment).strip().split("\n")
    print(f"README Python example: ran ({len(lines)} lines of output)")

    source = OUT / "example.swift"
    source.write_text(blocks["swift"])
    shims = libdir / "CShims.build" / "module.modulemap"
    run("Swift", [swiftc, "-typecheck", "-I", libdir / "Modules", "-Xcc", f"-fmodule-map-file={shims}", source])
    print("README Swift example: type-checks against the built module Activations")


if __name__ == "__main__":
    main()
