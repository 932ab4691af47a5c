#!/usr/bin/env bash
# tools/soname-link.sh LIBDIR -- puts the link LIBDIR/libactivations.so.MAJOR ->
# libactivations.so beside a built library.
#
# The library's SONAME is libactivations.so.MAJOR (Package.swift), and a program
# linked with -L LIBDIR -lactivations records that name as the one to load; SwiftPM
# writes only libactivations.so, so without the link such a program does not start
# from the build directory. `make build`, `make asan-lib` and Tests/C call this;
# ctypes, which opens libactivations.so by its path, does not need it.
set -euo pipefail
dir="${1:?usage: tools/soname-link.sh LIBDIR}"
lib="$dir/libactivations.so"
[[ -f "$lib" ]] || { echo "soname-link.sh: $lib does not exist" >&2; exit 1; }
soname="$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')"
if [[ -n "$soname" && "$soname" != libactivations.so && "$(readlink "$dir/$soname" || true)" != libactivations.so ]]; then
    ln -sfn libactivations.so "$dir/$soname"
fi
