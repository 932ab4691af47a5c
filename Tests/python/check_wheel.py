"""Checks a wheel of the activations package (make test-python-installed).

    python3 Tests/python/check_wheel.py WHEEL [TAG]

The wheel must be tagged TAG (default py3-none-linux_x86_64) in its name and
its .dist-info/WHEEL, not be pure (Root-Is-Purelib: false: it holds a native
library), and hold libactivations.so (an ELF shared object), py.typed, the
stub and every module of the source package.  Prints the listing.
"""

import sys
import zipfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bindings" / "python" / "activations"
REQUIRED = ["activations/libactivations.so", "activations/py.typed", "activations/__init__.pyi"]


def check(path, tag):
    problems = []
    if not Path(path).name.endswith(f"-{tag}.whl"):
        problems.append(f"the file name does not end with -{tag}.whl")
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
        for info in wheel.infolist():
            print(f"  {info.filename:<60} {info.file_size:>10}")
        modules = [f"activations/{module.name}" for module in sorted(PACKAGE.glob("*.py"))]
        problems += [f"missing {name}" for name in REQUIRED + modules if name not in names]
        metadata = [name for name in names if name.endswith(".dist-info/WHEEL")]
        if len(metadata) != 1:
            problems.append("no .dist-info/WHEEL")
        else:
            lines = wheel.read(metadata[0]).decode().splitlines()
            if f"Tag: {tag}" not in lines:
                problems.append(f"{metadata[0]} lacks 'Tag: {tag}': {lines}")
            if "Root-Is-Purelib: false" not in lines:
                problems.append(f"{metadata[0]} lacks 'Root-Is-Purelib: false'")
        if REQUIRED[0] in names and wheel.read(REQUIRED[0])[:4] != b"\x7fELF":
            problems.append(f"{REQUIRED[0]} is not an ELF file")
    return problems


def main(argv):
    path, tag = argv[1], argv[2] if len(argv) > 2 else "py3-none-linux_x86_64"
    print(path)
    problems = check(path, tag)
    for problem in problems:
        print(f"check_wheel: {problem}", file=sys.stderr)
    if not problems:
        print(f"check_wheel: tag {tag}, not pure; holds libactivations.so, py.typed, __init__.pyi and the modules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
