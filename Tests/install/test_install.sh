#!/usr/bin/env bash
# Tests/install/test_install.sh -- `make install` and `make uninstall` for native
# consumers, with the library already built (.build/release; nothing is rebuilt):
#   1. make install PREFIX=<tmp>/prefix: the files, their modes and links; the
#      installed .so resolves every dependency (ldd);
#   2. examples/consumer built with its Makefile (pkg-config, PKG_CONFIG_PATH at the
#      prefix) and with its CMakeLists.txt (find_package, CMAKE_PREFIX_PATH): each
#      program needs libactivations.so.MAJOR, finds it in the prefix through its
#      rpath, and runs under `env -i` (no LD_LIBRARY_PATH, no environment at all)
#      printing the expected values (computed here in Python);
#   3. make uninstall with the same PREFIX: the tree is as before the install,
#      a directory that held another file before included;
#   4. make install DESTDIR=<tmp>/stage PREFIX=/opt/activations (staging): the
#      files say /opt/activations; the staged tree copied elsewhere still serves
#      CMake (the package is relocatable) and the program runs from the copy;
#      make uninstall with the same DESTDIR removes the stage entirely.
# Prints "ok - ..." / "FAIL - ..." per check and ends with "N passed, N failed".
# Environment: MAKE, CC, PYTHON, CMAKE, PKG_CONFIG, LIBDIR (.build/release),
# BUILD_DIR (.build).
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
MAKE="${MAKE:-make}"
CC="${CC:-cc}"
PYTHON="${PYTHON:-python3}"
CMAKE="${CMAKE:-cmake}"
PKG_CONFIG="${PKG_CONFIG:-pkg-config}"
LIBDIR="$(cd "${LIBDIR:-.build/release}" && pwd)"
BUILD_DIR="${BUILD_DIR:-$root/.build}"
tmp="$BUILD_DIR/install-test"
rm -rf "$tmp"
mkdir -p "$tmp"
CHECKS_NAME="install checks"
# shellcheck source=../lib/checks.sh
source "$root/Tests/lib/checks.sh"
# The variables of the make command line, so that nothing from the caller's
# environment (a PREFIX exported by someone) leaks into the sub-make.
make_install() {  # install|uninstall DESTDIR PREFIX
    "$MAKE" --no-print-directory -C "$root" "$1" DESTDIR="$2" PREFIX="$3" \
        INSTALL_LIBDIR="$3/lib" INSTALL_INCLUDEDIR="$3/include" LIBDIR="$LIBDIR" BUILD_DIR="$BUILD_DIR"
}
tree() { (cd "$1" && find . -printf '%y %m %p\n' | sort); }
# runs_from PROGRAM LIBRARY_DIR: the program runs with an empty environment and the
# loader takes libactivations.so.MAJOR from LIBRARY_DIR
runs_from() {
    local found
    found="$(env -i ldd "$1" | awk '$1 == "'"$soname"'" { print $3 }')"
    if [[ "$found" != "$2/$soname" ]]; then
        echo "env -i ldd $1: $soname => '${found}', expected $2/$soname"
        env -i ldd "$1"
        return 1
    fi
    env -i "$1" > "$1.out" || { cat "$1.out"; return 1; }
    diff -u "$tmp/expected.txt" "$1.out"
}

version="$(tr -d ' \t\r\n' < VERSION)"
major="${version%%.*}"
soname="libactivations.so.$major"
for tool in "$CMAKE" "$PKG_CONFIG"; do
    command -v "$tool" > /dev/null || { fail "$tool is installed (make deps-install-test)"; finish; }
done
if [[ ! -f "$LIBDIR/libactivations.so" ]]; then
    fail "library $LIBDIR/libactivations.so exists (run: make build)"
    finish
fi

# The consumer's output: the values in double and float, as its printf writes them.
"$PYTHON" - "$version" > "$tmp/expected.txt" <<'PY'
import math, struct, sys
f32 = lambda v: struct.unpack("f", struct.pack("f", v))[0]
sigmoid = lambda x: 1 / (1 + math.exp(-x))
gelu = lambda x: 0.5 * x * (1 + math.erf(x / math.sqrt(2)))
print(f"libactivations {sys.argv[1]}")
for x in (-2.0, -0.5, 0.0, 0.5, 2.0):
    print("x = %4.1f  sigmoid = %.9f (float %.6f)  gelu = %.9f (float %.6f)"
          % (x, sigmoid(x), f32(sigmoid(x)), gelu(x), f32(gelu(x))))
print("elu with alpha = NaN: parameter out of domain: a parameter is NaN, infinite or otherwise invalid")
PY

# ---- 1. make install PREFIX=... -----------------------------------------------------------
prefix="$tmp/prefix"
lib="$prefix/lib"
# A directory that exists and holds a file of something else: install and uninstall keep it.
mkdir -p "$lib/pkgconfig"
echo "Name: other" > "$lib/pkgconfig/other.pc"
tree "$prefix" > "$tmp/before.txt"
check "make install PREFIX=$prefix" make_install install "" "$prefix"
check "installed: lib/libactivations.so.$version (mode 755), its links, the header, .pc and CMake files" \
    bash -c '
    cd "$1" && [[ -f lib/libactivations.so.$2 && ! -L lib/libactivations.so.$2 ]] &&
    [[ $(stat -c %a lib/libactivations.so.$2) == 755 ]] &&
    [[ $(readlink lib/libactivations.so.$3) == libactivations.so.$2 ]] &&
    [[ $(readlink lib/libactivations.so) == libactivations.so.$3 ]] &&
    cmp include/activations.h "$4/include/activations.h" &&
    for f in include/activations.h lib/pkgconfig/activations.pc lib/cmake/activations/activationsConfig.cmake \
             lib/cmake/activations/activationsConfigVersion.cmake; do
        [[ $(stat -c %a "$f") == 644 ]] || { echo "$f: mode $(stat -c %a "$f")"; exit 1; }
    done' _ "$prefix" "$version" "$major" "$root"
check "the installed .so resolves every dependency with an empty environment (env -i ldd)" \
    bash -c 'out=$(env -i ldd "$1") && ! grep -q "not found" <<< "$out" || { echo "$out"; false; }' _ \
    "$lib/libactivations.so.$version"
echo "    $(readelf -d "$lib/libactivations.so.$version" | grep -E 'SONAME|RUNPATH|RPATH' |
    sed 's/.*(\([A-Z]*\)).*\[\(.*\)\]/\1 = \2/' | tr '\n' ' ' | sed 's/ $//')"

# ---- 2. the consumer, through pkg-config and through CMake -----------------------------------
check "pkg-config finds activations.pc in the prefix (PKG_CONFIG_PATH)" \
    bash -c '[[ $(PKG_CONFIG_PATH="$1/pkgconfig" "$2" --variable=pcfiledir activations) == "$1/pkgconfig" ]]' _ \
    "$lib" "$PKG_CONFIG"
echo "    pkg-config --cflags --libs activations: $(PKG_CONFIG_PATH="$lib/pkgconfig" "$PKG_CONFIG" --cflags --libs activations)"
check "examples/consumer/Makefile builds with pkg-config" \
    env PKG_CONFIG_PATH="$lib/pkgconfig" "$MAKE" --no-print-directory -C examples/consumer \
    CC="$CC" PKG_CONFIG="$PKG_CONFIG" OUT="$tmp/make"
check "the pkg-config build needs $soname and has the rpath $lib" \
    bash -c 'd=$(readelf -d "$1") && grep -q "(NEEDED).*\[$2\]" <<< "$d" &&
             grep -qE "\((RUNPATH|RPATH)\).*\[$3\]" <<< "$d" || { echo "$d"; false; }' _ \
    "$tmp/make/consumer" "$soname" "$lib"
check "the pkg-config build runs under env -i, from the prefix, with the expected output" \
    runs_from "$tmp/make/consumer" "$lib"

check "examples/consumer/CMakeLists.txt configures (find_package, CMAKE_PREFIX_PATH)" \
    "$CMAKE" -S examples/consumer -B "$tmp/cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_COMPILER="$CC" \
    -DCMAKE_BUILD_TYPE=Release
check "CMake took the package in the prefix" \
    grep -qxF "activations_DIR:PATH=$lib/cmake/activations" "$tmp/cmake/CMakeCache.txt"
check "the CMake build builds" "$CMAKE" --build "$tmp/cmake"
check "the CMake build needs $soname and has the rpath $lib" \
    bash -c 'd=$(readelf -d "$1") && grep -q "(NEEDED).*\[$2\]" <<< "$d" &&
             grep -qE "\((RUNPATH|RPATH)\).*\[([^]]*:)?$3(:[^]]*)?\]" <<< "$d" || { echo "$d"; false; }' _ \
    "$tmp/cmake/consumer" "$soname" "$lib"
check "the CMake build runs under env -i, from the prefix, with the expected output" \
    runs_from "$tmp/cmake/consumer" "$lib"

# ---- 3. make uninstall ---------------------------------------------------------------------
check "make uninstall PREFIX=$prefix" make_install uninstall "" "$prefix"
tree "$prefix" > "$tmp/after.txt"
check "after make uninstall the prefix is as before make install (lib/pkgconfig/other.pc kept)" \
    diff -u "$tmp/before.txt" "$tmp/after.txt"

# ---- 4. DESTDIR staging, and the tree moved ------------------------------------------------------
stage="$tmp/stage"
staged="$stage/opt/activations"
check "make install DESTDIR=$stage PREFIX=/opt/activations" make_install install "$stage" /opt/activations
check "the staged files name /opt/activations, not the stage" \
    bash -c 'grep -qx "prefix=/opt/activations" "$1/lib/pkgconfig/activations.pc" &&
             ! grep -rqF "$2" "$1/lib/pkgconfig" "$1/lib/cmake"' _ "$staged" "$stage"
cp -a "$staged" "$tmp/moved"
check "CMake uses the staged tree copied elsewhere (the package is relocatable)" \
    bash -c '"$1" -S examples/consumer -B "$2/cmake-moved" -DCMAKE_PREFIX_PATH="$2/moved" -DCMAKE_C_COMPILER="$3" &&
             "$1" --build "$2/cmake-moved"' _ "$CMAKE" "$tmp" "$CC"
check "that program runs under env -i, from the copy" runs_from "$tmp/cmake-moved/consumer" "$tmp/moved/lib"
check "make uninstall DESTDIR=$stage PREFIX=/opt/activations" make_install uninstall "$stage" /opt/activations
check "nothing remains of the stage (every directory was created by make install)" \
    bash -c '[[ ! -e "$1" ]] || { find "$1"; false; }' _ "$stage"
rm -rf "$tmp/moved"

finish
