#!/usr/bin/env bash
# Tests/C/run.sh -- the C-side tests of libactivations:
#   1. check_header.sh: the header compiles as C99 and C++11, header and exported
#      symbols agree both ways, functions.def covers the header, the .so loads
#      without LD_LIBRARY_PATH (C and ctypes), Swift-generated header drift;
#   2. tools/gen-abi/generate.py --check: the exports generated from the table
#      are current;
#   3. check_isa.py: no code outside the AVX builds of the kernels can run an
#      AVX instruction, none outside the AVX-512 build an AVX-512 one;
#   4. test_activations: every computing function against the document's numpy
#      snippets (embedded CPython) plus the header's contract, and every _f16 and
#      _bf16 entry point against its _f32 function rounded once (test_half.c),
#      once on every instruction-set path this CPU can run (tools/isa/paths.sh:
#      avx512, avx2, baseline; the ones it cannot run are named loudly).
#
# Usage: Tests/C/run.sh [header|program|all]     (default: all)
# Needs .build/release/libactivations.so (`make build`), numpy and the Python
# headers (`make deps`).  Environment: CC (cc), PYTHON (python3), PYTHON_CONFIG
# (${PYTHON}-config), LIBDIR (.build/release), BUILD_DIR (.build/c-tests).
#
# SANITIZE=1 (`make test-c-sanitize`, with `program`): the test program under
# AddressSanitizer and UndefinedBehaviorSanitizer. LIBDIR must then hold a
# library built with `swift build --sanitize=address` (checked: it references
# the ASan runtime, which the program provides). The program is compiled with
# -fsanitize=address,undefined -fno-sanitize-recover=undefined by SANITIZE_CC,
# by default the clang beside ${SWIFT:-swift}, whose compiler-rt matches the
# library's instrumentation; BUILD_DIR defaults to .build/c-tests-asan. Any
# report ends the run with a nonzero status. Leaks are checked, except those
# of the embedded CPython and numpy (Tests/C/lsan.supp). ASAN_OPTIONS,
# LSAN_OPTIONS and UBSAN_OPTIONS, when set, replace the defaults below.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
what="${1:-all}"
CC="${CC:-cc}"
PYTHON="${PYTHON:-python3}"
LIBDIR="$(cd "${LIBDIR:-.build/release}" && pwd)"
SANITIZE="${SANITIZE:-0}"
cflags=(-O2)
label=""
if [[ "$SANITIZE" == 1 ]]; then
    if [[ "$what" != program ]]; then
        echo "run.sh: SANITIZE=1 runs the test program only (run.sh program)" >&2
        exit 2
    fi
    label=" (ASan, UBSan; library: $LIBDIR)"
    CC="${SANITIZE_CC:-$(dirname "$(readlink -f "$(command -v "${SWIFT:-swift}")")")/clang}"
    BUILD_DIR="${BUILD_DIR:-$root/.build/c-tests-asan}"
    cflags=(-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
            -fuse-ld=lld)
    export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
    export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/Tests/C/lsan.supp:print_suppressions=0}"
    export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
    if ! nm -D --undefined-only "$LIBDIR/libactivations.so" | grep ' __asan_' > /dev/null; then
        echo "run.sh: $LIBDIR/libactivations.so is not built with --sanitize=address" >&2
        exit 1
    fi
fi
BUILD_DIR="${BUILD_DIR:-$root/.build/c-tests}"
mkdir -p "$BUILD_DIR"
# Programs linked with -lactivations load libactivations.so.MAJOR (the SONAME): the
# link beside the library (also made by `make build`).
[[ -f "$LIBDIR/libactivations.so" ]] && bash tools/soname-link.sh "$LIBDIR"

if [[ "$what" == header || "$what" == all ]]; then
    CC="$CC" PYTHON="$PYTHON" LIBDIR="$LIBDIR" BUILD_DIR="$BUILD_DIR" bash Tests/C/check_header.sh
    "$PYTHON" Tests/C/check_isa.py "$LIBDIR/libactivations.so"
    "$PYTHON" tools/gen-abi/generate.py --check
fi

if [[ "$what" == program || "$what" == all ]]; then
    # python3-config of the interpreter that has numpy: --embed gives -lpython3.x
    PYTHON_CONFIG="${PYTHON_CONFIG:-$(command -v "${PYTHON}-config" || command -v python3-config)}"
    sources=(main.c harness.c cases.c half.c half_cases.c inputs.c oracle.c test_misc.c test_contract.c
             test_special.c test_values.c test_slices.c test_guard.c test_concurrency.c test_half.c)
    echo "== building the C test program$label"
    # shellcheck disable=SC2046  # the config output is a list of flags
    "$CC" -std=c99 -Wall -Wextra -Werror -pedantic "${cflags[@]}" \
        -I include $("$PYTHON_CONFIG" --includes) \
        -DSNIPPETS_DIR="\"$root/Tests/C\"" \
        "${sources[@]/#/Tests/C/}" \
        -o "$BUILD_DIR/test_activations" \
        -L "$LIBDIR" -lactivations -Wl,-rpath,"$LIBDIR" \
        $("$PYTHON_CONFIG" --embed --ldflags) -lm -pthread
    echo "== running the C test program"
    # The embedded interpreter must see the numpy that $PYTHON sees (a venv's).
    numpy_site="$("$PYTHON" -c 'import os, numpy; print(os.path.dirname(os.path.dirname(numpy.__file__)))')"
    # The thread-count check expects this value in automatic mode.
    # The paths are asked of the release library (an ASan build cannot be loaded by ctypes).
    for isa in $(PYTHON="$PYTHON" bash tools/isa/paths.sh "$root/.build/release/libactivations.so"); do
        echo "== instruction set: $isa"
        export ACTIVATIONS_ISA="$isa"
        PYTHONPATH="$numpy_site${PYTHONPATH:+:$PYTHONPATH}" ACTIVATIONS_NUM_THREADS=3 \
            "$BUILD_DIR/test_activations" "$root/Tests/C"
    done
    unset ACTIVATIONS_ISA
fi
