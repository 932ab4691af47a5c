#!/usr/bin/env bash
# Builds the compiled peers of the peer benchmark into OUT (one shared object
# each: peer_ours.so, peer_copy.so, and peer_onednn.so, peer_xnnpack.so,
# peer_sleef.so where the library's development files are installed; `make
# peers-deps` installs them).  A peer whose headers are missing is reported
# absent and skipped: it never fails the build.
#
#   CC=cc INCLUDE=include LIBDIR=.build/release bash tools/act-bench/peers/build.sh OUT
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$1"
CC="${CC:-cc}"
mkdir -p "$out"
compile=(-std=c11 -O2 -fPIC -Wall -Wextra -Werror -I "$here")
flags=("${compile[@]}" -shared)

have() { printf '#include <%s>\n' "$1" | "$CC" -E -x c - > /dev/null 2>&1; }

"$CC" "${flags[@]}" -I "$INCLUDE" "$here/peer_ours.c" -o "$out/peer_ours.so" \
    -L "$LIBDIR" -lactivations -Wl,-rpath,"$LIBDIR"
"$CC" "${flags[@]}" "$here/peer_copy.c" -o "$out/peer_copy.so"
built="ours copy"

if have oneapi/dnnl/dnnl.h; then
    "$CC" "${flags[@]}" -fopenmp "$here/peer_onednn.c" -o "$out/peer_onednn.so" -ldnnl
    built="$built onednn"
else
    rm -f "$out/peer_onednn.so"; echo "peers: oneDNN absent (libdnnl-dev)"
fi
if have xnnpack.h && have pthreadpool.h; then
    "$CC" "${flags[@]}" "$here/peer_xnnpack.c" -o "$out/peer_xnnpack.so" -lXNNPACK -lpthreadpool -lm
    built="$built xnnpack"
else
    rm -f "$out/peer_xnnpack.so"; echo "peers: XNNPACK absent (libxnnpack-dev, libpthreadpool-dev)"
fi
if have sleef.h; then
    objects=()
    for isa in AVX512 AVX2; do
        case $isa in AVX512) march=(-mavx512f -mavx512dq -mfma);; AVX2) march=(-mavx2 -mfma);; esac
        for bits in 32 64; do
            object="$out/sleef_loops_${isa}_${bits}.o"
            "$CC" "${compile[@]}" -c -fopenmp "${march[@]}" -DISA_$isa -DBITS=$bits \
                "$here/sleef_loops.c" -o "$object"
            objects+=("$object")
        done
    done
    "$CC" "${flags[@]}" -fopenmp "$here/peer_sleef.c" "${objects[@]}" -o "$out/peer_sleef.so" -lsleef -lm
    built="$built sleef"
else
    rm -f "$out/peer_sleef.so"; echo "peers: SLEEF absent (libsleef-dev)"
fi
echo "peers built in $out: $built"
