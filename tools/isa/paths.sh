#!/usr/bin/env bash
# tools/isa/paths.sh LIBRARY -- the instruction-set paths of LIBRARY
# (libactivations.so) that this CPU can run, best first, on one line
# ("avx512 avx2 baseline" on a CPU with AVX-512).  The library's own choice
# decides (act_isa under ACTIVATIONS_ISA=PATH, which may only lower it), so
# this never disagrees with what the tests run.  Each path the CPU cannot
# run is named on stderr, loudly: the tests that loop over paths skip it.
set -euo pipefail
library="$1"
python="${PYTHON:-python3}"
paths=()
for isa in avx512 avx2 baseline; do
    got="$(ACTIVATIONS_ISA="$isa" "$python" -c '
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.act_isa.restype = ctypes.c_char_p
print(lib.act_isa().decode())' "$library")"
    if [[ "$got" == "$isa" ]]; then
        paths+=("$isa")
    else
        echo "*** instruction-set path $isa: NOT RUN -- this CPU cannot execute it (the library chose $got) ***" >&2
    fi
done
echo "${paths[*]}"
