#!/usr/bin/env bash
# Tests/C/check_header.sh -- include/activations.h against the built library.
#   a. the header compiles cleanly as C99 (gcc, clang) and as C++11 (g++), and
#      a C++ program links against it (extern "C");
#   b. every act_ function declared in the header is exported by the .so, and
#      every exported act_ function is declared (nm -D --defined-only);
#   c. the .so exports nothing else (global symbols must be act_* functions);
#   d. every computing function in the header, and every one the .so exports,
#      has a row in Tests/C/functions.def, and each row's twelve entry points
#      (forward, derivative, backward in f32, f64, f16 and bf16) are declared
#      and exported;
#   e. the .so loads with LD_LIBRARY_PATH unset: from a C program (linked, and
#      by dlopen; a linked program asks for the SONAME, libactivations.so.MAJOR,
#      which tools/soname-link.sh links to the .so), from python3 ctypes; ldd
#      resolves every dependency;
#   f. the Swift-generated header (when SwiftPM wrote one) agrees with
#      activations.h: both in one translation unit under clang.
# Prints "ok - ..." / "FAIL - ..." per check and ends with "N passed, N failed".
# Environment: CC, CXX, PYTHON, LIBDIR (.build/release), BUILD_DIR.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
CC="${CC:-cc}"
CXX="${CXX:-$(command -v g++ || command -v clang++ || echo g++)}"
PYTHON="${PYTHON:-python3}"
LIBDIR="$(cd "${LIBDIR:-.build/release}" && pwd)"
LIB="$LIBDIR/libactivations.so"
BUILD_DIR="${BUILD_DIR:-$root/.build/c-tests}"
tmp="$BUILD_DIR/header"
mkdir -p "$tmp"
CHECKS_NAME="header/exports checks"
# shellcheck source=../lib/checks.sh
source "$root/Tests/lib/checks.sh"
# same_lists DESCRIPTION FILE_A NAME_A FILE_B NAME_B: lists A and B hold the same names
same_lists() {
    local only_a only_b
    only_a="$(comm -23 "$2" "$4")"
    only_b="$(comm -13 "$2" "$4")"
    if [[ -z "$only_a$only_b" ]]; then
        ok "$1 ($(wc -l < "$2") names)"
    else
        fail "$1"
        [[ -n "$only_a" ]] && printf '    in %s only: %s\n' "$3" $only_a
        [[ -n "$only_b" ]] && printf '    in %s only: %s\n' "$5" $only_b
    fi
}

if [[ ! -f "$LIB" ]]; then
    fail "library $LIB exists (run: make build)"
    finish
fi
# Programs linked with -lactivations load the SONAME, libactivations.so.MAJOR: the
# link to the library beside it (also made by `make build`).
bash tools/soname-link.sh "$LIBDIR"

# ---- a. the header compiles cleanly ------------------------------------------
cat > "$tmp/twice.c" <<'C'
#include "activations.h"
#include "activations.h" /* the include guard holds */
int main(void) { act_status s = ACT_OK; return (int)s + (act_version() == 0); }
C
cp "$tmp/twice.c" "$tmp/twice.cpp"
check "header compiles: gcc -std=c99 -Wall -Wextra -Werror -pedantic" \
    gcc -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only -I include "$tmp/twice.c"
if command -v clang > /dev/null; then
    check "header compiles: clang -std=c99 -Wall -Wextra -Werror -pedantic" \
        clang -std=c99 -Wall -Wextra -Werror -pedantic -fsyntax-only -I include "$tmp/twice.c"
fi
check "header compiles: $CXX -std=c++11 -Wall -Wextra -Werror -pedantic" \
    "$CXX" -std=c++11 -Wall -Wextra -Werror -pedantic -fsyntax-only -I include "$tmp/twice.cpp"
# A C++ program only links when the declarations are extern "C".
check "a C++ program links against libactivations (extern \"C\")" \
    "$CXX" -std=c++11 -Wall -Wextra -Werror -pedantic -I include "$tmp/twice.cpp" \
    -o "$tmp/twice_cpp" -L "$LIBDIR" -lactivations -Wl,-rpath,"$LIBDIR"

# ---- b. declared <-> exported ----------------------------------------------------
# Declarations: the header without comments (preprocessed), names followed by "(".
gcc -E -P -I include -x c include/activations.h |
    grep -oE '\bact_[a-z0-9_]+[[:space:]]*\(' | tr -d ' (' | sort -u > "$tmp/declared.txt"
nm -D --defined-only "$LIB" > "$tmp/nm.txt"
awk '$2 == "T" && $3 ~ /^act_/ { sub(/@.*/, "", $3); print $3 }' "$tmp/nm.txt" |
    sort -u > "$tmp/exported.txt"
same_lists "every declared act_ function is exported, every exported act_ function is declared" \
    "$tmp/declared.txt" "the header" "$tmp/exported.txt" "the .so exports"

# ---- c. nothing else exported ----------------------------------------------------
# Global symbols have an upper-case type letter in nm (or u: GNU unique);
# lower-case ones are local to the library and cannot be bound from outside.
others="$(awk '($2 ~ /^[A-Zu]$/) && !($2 == "T" && $3 ~ /^act_/) { print "    " $2 " " $3 }' "$tmp/nm.txt")"
if [[ -z "$others" ]]; then
    ok "the .so exports only act_* functions ($(wc -l < "$tmp/exported.txt") global symbols)"
else
    fail "the .so exports only act_* functions; also exported:"
    printf '%s\n' "$others" | head -20
fi
locals="$(awk '$2 ~ /^[a-tv-z]$/' "$tmp/nm.txt" | wc -l)"
[[ "$locals" -gt 0 ]] && echo "    note: $locals local (not exported) entries in .dynsym"

# ---- d. functions.def covers the header -----------------------------------------
# A row stands for twelve entry points: forward, derivative and backward in
# each of the four types f32, f64, f16 and bf16.
cat > "$tmp/def_names.c" <<'C'
#define THREE(n, t) act_##n##_##t act_##n##_derivative_##t act_##n##_backward_##t
#define TWELVE(n) THREE(n, f32) THREE(n, f64) THREE(n, f16) THREE(n, bf16)
#define ACT_ELEMENTWISE(name, PARAMS, ulps) TWELVE(name)
#define ACT_SOFTMAX(name, ulps) TWELVE(name)
#define ACT_MAXOUT(name, ulps) TWELVE(name)
#define ACT_GATED(name, ulps) TWELVE(name)
#define ACT_PRELU(name, ulps) TWELVE(name)
#include "functions.def"
C
gcc -E -P -I Tests/C "$tmp/def_names.c" | tr -s ' \t' '\n\n' | grep '^act_' | sort -u > "$tmp/def.txt"
noncomputing='act_(status_message|version|set_num_threads|get_num_threads|isa)'
grep -vxE "$noncomputing" "$tmp/declared.txt" > "$tmp/computing.txt"
grep -vxE "$noncomputing" "$tmp/exported.txt" > "$tmp/computing_exported.txt"
same_lists "every computing function of the header has a row in Tests/C/functions.def, every row's 12 are declared" \
    "$tmp/computing.txt" "the header" "$tmp/def.txt" "functions.def"
same_lists "every computing function the .so exports has a row in Tests/C/functions.def, every row's 12 are exported" \
    "$tmp/computing_exported.txt" "the .so exports" "$tmp/def.txt" "functions.def"
for t in f32 f64 f16 bf16; do
    # each type has the same number of entry points: 3 per row
    n_t="$(grep -c "_$t\$" "$tmp/def.txt")"
    n_decl="$(grep -Ec "^act_[a-z0-9_]+_$t\$" "$tmp/computing.txt")"
    if [[ "$n_t" -gt 0 && "$n_t" == "$n_decl" ]]; then
        ok "_$t: $n_decl entry points declared, 3 per row of functions.def ($n_t)"
    else
        fail "_$t: $n_decl entry points declared, 3 per row of functions.def gives $n_t"
    fi
done

# ---- e. loading without LD_LIBRARY_PATH ----------------------------------------
check "ldd resolves every dependency of libactivations.so" \
    bash -c "out=\$(env -u LD_LIBRARY_PATH ldd '$LIB') && ! grep -q 'not found' <<< \"\$out\" || { echo \"\$out\"; false; }"
echo "    $(readelf -d "$LIB" | grep -E 'SONAME|RUNPATH|RPATH' | sed 's/.*(\([A-Z]*\)).*\[\(.*\)\]/\1 = \2/' | tr '\n' ' ' | sed 's/ $//')"
check "load_check.c compiles (C99, -Werror)" \
    "$CC" -std=c99 -Wall -Wextra -Werror -pedantic -I include Tests/C/load_check.c \
    -o "$tmp/load_check" -L "$LIBDIR" -lactivations -Wl,-rpath,"$LIBDIR" -ldl
check "a C program linked with -lactivations runs with LD_LIBRARY_PATH unset" \
    env -u LD_LIBRARY_PATH "$tmp/load_check"
check "a C program dlopen()s the .so with LD_LIBRARY_PATH unset" \
    env -u LD_LIBRARY_PATH "$tmp/load_check" "$LIB"
check "python3 ctypes loads the .so with LD_LIBRARY_PATH unset" \
    env -u LD_LIBRARY_PATH "$PYTHON" -c "
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.act_version.restype = ctypes.c_char_p
print('libactivations', lib.act_version().decode())" "$LIB"

# ---- f. the Swift-generated headers ---------------------------------------------
# SwiftPM writes <Target>-Swift.h for every Swift target; those of targets with
# @c exports hold plain C prototypes of the act_ functions.
swift_headers=("$LIBDIR"/*.build/include/*-Swift.h)
if ! command -v clang > /dev/null; then
    echo "    note: no clang (the Swift toolchain's): drift check skipped"
elif [[ ! -e "${swift_headers[0]}" ]]; then
    echo "    note: no Swift-generated header under $LIBDIR/*.build/include: drift check skipped"
else
    : > "$tmp/swift_declared.txt"
    for h in "${swift_headers[@]}"; do
        grep -qE '^SWIFT_EXTERN .*\bact_[a-z0-9_]+\(' "$h" || continue
        printf '#include "activations.h"\n#include "%s"\n' "$(basename "$h")" > "$tmp/drift.c"
        check "activations.h and $(basename "$h") agree (clang, one translation unit)" \
            clang -std=c11 -fsyntax-only -Werror -I include -I "$(dirname "$h")" "$tmp/drift.c"
        grep -oE '^SWIFT_EXTERN .*\bact_[a-z0-9_]+\(' "$h" | grep -oE 'act_[a-z0-9_]+\($' |
            tr -d '(' >> "$tmp/swift_declared.txt"
    done
    sort -u -o "$tmp/swift_declared.txt" "$tmp/swift_declared.txt"
    if [[ -s "$tmp/swift_declared.txt" ]]; then
        same_lists "the Swift-generated headers declare the same act_ functions" \
            "$tmp/declared.txt" "activations.h" "$tmp/swift_declared.txt" "the Swift headers"
    else
        echo "    note: no Swift-generated header has C prototypes of act_ functions (exports not @c): drift check skipped"
    fi
fi

finish
