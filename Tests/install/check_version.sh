#!/usr/bin/env bash
# Tests/install/check_version.sh -- the version is written once, in the file VERSION
# (MAJOR.MINOR.PATCH), and everything else agrees with it:
#   a. the generated Sources/Activations/ABI/Version.swift and Package.swift's soname line;
#   b. act_version() of the built library (ctypes), and its SONAME (readelf -d):
#      libactivations.so.MAJOR;
#   c. the Python package: activations.__version__, importlib.metadata's version when
#      the distribution is installed, pyproject.toml's version when it is written there;
#   d. CHANGELOG.md's latest release;
#   e. an installed tree (tools/install/install.sh into a temporary PREFIX, removed
#      afterwards; or the PREFIX given): the library's file name and SONAME, the
#      pkg-config file's Version, the CMake package's version (find_package with
#      VERSION EXACT, and requests it must meet or refuse).
# Prints "ok - ..." / "FAIL - ..." per check and ends with "N passed, N failed".
#
# Usage: Tests/install/check_version.sh [PREFIX]
# Environment: LIBDIR (.build/release), BUILD_DIR (.build), PYTHON, CMAKE, PKG_CONFIG;
# INSTALL_LIBDIR (PREFIX/lib) with a PREFIX given.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
PYTHON="${PYTHON:-python3}"
CMAKE="${CMAKE:-cmake}"
PKG_CONFIG="${PKG_CONFIG:-pkg-config}"
LIBDIR="$(cd "${LIBDIR:-.build/release}" && pwd)"
LIB="$LIBDIR/libactivations.so"
BUILD_DIR="${BUILD_DIR:-$root/.build}"
tmp="$BUILD_DIR/version-check"
rm -rf "$tmp"
mkdir -p "$tmp"
CHECKS_NAME="version checks"
# shellcheck source=../lib/checks.sh
source "$root/Tests/lib/checks.sh"
# same WHAT VALUE: VALUE is the version (or the expected string given as $3)
same() {
    local expected="${3:-$version}"
    if [[ "$2" == "$expected" ]]; then ok "$1: $2"; else fail "$1: '$2', expected '$expected'"; fi
}
soname_of() { readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p'; }

version="$(tr -d ' \t\r\n' < VERSION)"
if [[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]]; then
    ok "VERSION holds MAJOR.MINOR.PATCH: $version"
else
    fail "VERSION holds MAJOR.MINOR.PATCH, not '$version'"
    finish
fi
major="${version%%.*}"
minor="${version#*.}"; minor="${minor%%.*}"

# ---- a. generated from VERSION -------------------------------------------------------
same "Sources/Activations/ABI/Version.swift" \
    "$(sed -n 's/^public let activationsVersion: StaticString = "\(.*\)"$/\1/p' Sources/Activations/ABI/Version.swift)"
same "Package.swift soname" "$(sed -n 's/^let soname = "\(.*\)"$/\1/p' Package.swift)" "libactivations.so.$major"

# ---- b. the built library --------------------------------------------------------------
if [[ ! -f "$LIB" ]]; then
    fail "library $LIB exists (run: make build)"
else
    same "act_version() of $LIB" "$("$PYTHON" -c "
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.act_version.restype = ctypes.c_char_p
print(lib.act_version().decode())" "$LIB" 2>&1)"
    same "SONAME of $LIB" "$(soname_of "$LIB")" "libactivations.so.$major"
fi

# ---- c. the Python package --------------------------------------------------------------
if PYTHONPATH=bindings/python "$PYTHON" -c "import numpy" 2> /dev/null; then
    same "activations.__version__ (bindings/python)" \
        "$(PYTHONPATH=bindings/python "$PYTHON" -c "import activations; print(activations.__version__)" 2>&1)"
else
    echo "    note: numpy is missing: activations.__version__ not checked (make deps)"
fi
metadata="$(PYTHONPATH=bindings/python "$PYTHON" -c "
import importlib.metadata as m
try:
    print(m.version('activations'))
except m.PackageNotFoundError:
    pass" 2>&1)"
if [[ -n "$metadata" ]]; then
    same "importlib.metadata.version('activations') (the installed distribution)" "$metadata"
else
    echo "    note: no distribution 'activations' installed: importlib.metadata not checked"
fi
# A version written in pyproject.toml's [project] table (not when it is dynamic).
pyproject="$("$PYTHON" -c "
import re, sys
text = open(sys.argv[1]).read()
project = re.search(r'^\[project\]\n(.*?)(?=^\[|\Z)', text, re.M | re.S)
found = project and re.search(r'^version\s*=\s*[\"\x27]([^\"\x27]*)[\"\x27]', project.group(1), re.M)
print(found.group(1) if found else '')" bindings/python/pyproject.toml 2>&1)"
if [[ -n "$pyproject" ]]; then
    same "bindings/python/pyproject.toml [project] version" "$pyproject"
else
    echo "    note: pyproject.toml writes no version (dynamic): not checked"
fi

# ---- d. CHANGELOG.md -----------------------------------------------------------------------
same "CHANGELOG.md's latest release" \
    "$(grep -m 1 -oE '^## \[[0-9]+\.[0-9]+\.[0-9]+\]' CHANGELOG.md | tr -d '#[] ')"

# ---- e. an installed tree ---------------------------------------------------------------------
if [[ $# -ge 1 ]]; then
    prefix="$1"
    libdir="${INSTALL_LIBDIR:-$prefix/lib}"
    own_install=0
else
    prefix="$tmp/prefix"
    libdir="$prefix/lib"
    own_install=1
    if ! out="$(DESTDIR= PREFIX="$prefix" INSTALL_LIBDIR= INSTALL_INCLUDEDIR= LIBRARY="$LIB" \
                BUILD_DIR="$tmp" bash tools/install/install.sh install 2>&1)"; then
        fail "tools/install/install.sh install PREFIX=$prefix"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
fi
installed="$libdir/libactivations.so.$version"
if [[ -f "$installed" && ! -L "$installed" ]]; then
    ok "installed library file: $installed"
    same "SONAME of the installed library" "$(soname_of "$installed")" "libactivations.so.$major"
    same "libactivations.so.$major ->" "$(readlink "$libdir/libactivations.so.$major")" "libactivations.so.$version"
    same "libactivations.so ->" "$(readlink "$libdir/libactivations.so")" "libactivations.so.$major"
else
    fail "installed library file: $installed"
fi

if command -v "$PKG_CONFIG" > /dev/null; then
    same "pkg-config --modversion activations" \
        "$(PKG_CONFIG_LIBDIR="$libdir/pkgconfig" PKG_CONFIG_PATH= "$PKG_CONFIG" --modversion activations 2>&1)"
else
    fail "pkg-config is installed (make deps-install-test)"
fi

if command -v "$CMAKE" > /dev/null; then
    # project(NONE): no compiler is needed to load the package.
    mkdir -p "$tmp/cmake"
    cat > "$tmp/cmake/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.13)
project(check_version NONE)
find_package(activations $version EXACT REQUIRED CONFIG NO_DEFAULT_PATH PATHS "$prefix")
get_target_property(soname activations::activations IMPORTED_SONAME)
message(STATUS "version=\${activations_VERSION}")
message(STATUS "soname=\${soname}")
unset(activations_DIR CACHE)
find_package(activations QUIET CONFIG NO_DEFAULT_PATH PATHS "$prefix")
message(STATUS "request none=\${activations_FOUND}")
foreach(request $major $major.$minor $major.0.0 $((major + 1)) $major.$((minor + 1)) $((major + 1)).0...$((major + 2)).0 $major.0...$((major + 1)).0)
  unset(activations_DIR CACHE)
  find_package(activations \${request} QUIET CONFIG NO_DEFAULT_PATH PATHS "$prefix")
  message(STATUS "request \${request}=\${activations_FOUND}")
endforeach()
CMAKE
    if out="$("$CMAKE" -S "$tmp/cmake" -B "$tmp/cmake/build" 2>&1)"; then
        same "CMake package version (find_package(activations $version EXACT))" \
            "$(sed -n 's/^-- version=//p' <<< "$out")"
        same "CMake IMPORTED_SONAME" "$(sed -n 's/^-- soname=//p' <<< "$out")" "libactivations.so.$major"
        same "CMake version requests met (yes) or refused (no)" \
            "$(sed -n 's/^-- request \(.*\)=\(.*\)$/\1:\2/p' <<< "$out" |
               sed -e 's/:1$/:yes/' -e 's/:TRUE$/:yes/' -e 's/:0$/:no/' -e 's/:FALSE$/:no/' | tr '\n' ' ' | sed 's/ $//')" \
            "none:yes $major:yes $major.$minor:yes $major.0.0:yes $((major + 1)):no $major.$((minor + 1)):no $((major + 1)).0...$((major + 2)).0:no $major.0...$((major + 1)).0:yes"
    else
        fail "CMake finds the package (find_package(activations $version EXACT))"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
else
    fail "cmake is installed (make deps-install-test)"
fi

if [[ "$own_install" == 1 ]]; then
    if ! out="$(DESTDIR= PREFIX="$prefix" INSTALL_LIBDIR= INSTALL_INCLUDEDIR= BUILD_DIR="$tmp" \
                bash tools/install/install.sh uninstall 2>&1)" || [[ -e "$prefix" ]]; then
        fail "the temporary install is removed"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
fi

finish
