#!/usr/bin/env bash
# tools/install/install.sh -- `make install` and `make uninstall`.
#
#   install.sh install     copies the built library, the header, a pkg-config file
#                          and a CMake package under DESTDIR + PREFIX
#   install.sh uninstall   removes them again
#
# Installed, for VERSION = MAJOR.MINOR.PATCH (the file VERSION):
#   LIBDIR/libactivations.so.MAJOR.MINOR.PATCH     the library (SONAME libactivations.so.MAJOR)
#   LIBDIR/libactivations.so.MAJOR -> libactivations.so.MAJOR.MINOR.PATCH
#   LIBDIR/libactivations.so       -> libactivations.so.MAJOR   (for -lactivations)
#   INCLUDEDIR/activations.h
#   LIBDIR/pkgconfig/activations.pc                Libs carry -Wl,-rpath,LIBDIR (not for
#                                                  the loader's own /lib, /usr/lib and
#                                                  their lib64 and multiarch directories)
#   LIBDIR/cmake/activations/activationsConfig.cmake, activationsConfigVersion.cmake
#                                                  the imported target activations::activations,
#                                                  paths relative to the file's own location
#
# Environment (the Makefile passes its variables): PREFIX (/usr/local), INSTALL_LIBDIR
# (PREFIX/lib), INSTALL_INCLUDEDIR (PREFIX/include) -- absolute paths, written into the
# pkg-config file -- and DESTDIR (empty: a staging directory prepended to every path
# written, as packagers use it); LIBRARY (.build/release/libactivations.so), BUILD_DIR
# (.build).
#
# install records what it wrote and every directory it had to create in a manifest,
# BUILD_DIR/install-manifest-KEY.txt (KEY from DESTDIR, PREFIX and the two directories),
# and uninstall with the same variables removes exactly those files, then those
# directories that are empty. Without a manifest (another checkout installed), uninstall
# removes the same list of files, computed again, and the package's own directory
# LIBDIR/cmake/activations when empty, and leaves the other directories.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
action="${1:-}"
die() { echo "install.sh: $*" >&2; exit 1; }
[[ "$action" == install || "$action" == uninstall ]] || die "usage: install.sh install|uninstall"

version="$(tr -d ' \t\r\n' < "$root/VERSION")"
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
    die "VERSION must hold MAJOR.MINOR.PATCH, not '$version'"
major="${version%%.*}"

# Absolute, normalized paths (no trailing slash, no . or ..; symbolic links kept).
normal() { realpath -m -s -- "$1"; }
PREFIX="${PREFIX:-/usr/local}"
libdir="${INSTALL_LIBDIR:-$PREFIX/lib}"
includedir="${INSTALL_INCLUDEDIR:-$PREFIX/include}"
for variable in PREFIX:"$PREFIX" INSTALL_LIBDIR:"$libdir" INSTALL_INCLUDEDIR:"$includedir"; do
    [[ "${variable#*:}" == /* ]] || die "${variable%%:*} must be an absolute path, not '${variable#*:}'"
done
prefix="$(normal "$PREFIX")"
libdir="$(normal "$libdir")"
includedir="$(normal "$includedir")"
destdir="${DESTDIR:-}"
[[ -n "$destdir" ]] && destdir="$(normal "$destdir")"
[[ "$destdir" == / ]] && destdir=""
library="${LIBRARY:-$root/.build/release/libactivations.so}"
build_dir="${BUILD_DIR:-$root/.build}"

real="libactivations.so.$version"
soname="libactivations.so.$major"
cmakedir="$libdir/cmake/activations"
# Every installed path (without DESTDIR), in installation order.
installed=(
    "$libdir/$real"
    "$libdir/$soname"
    "$libdir/libactivations.so"
    "$includedir/activations.h"
    "$libdir/pkgconfig/activations.pc"
    "$cmakedir/activationsConfig.cmake"
    "$cmakedir/activationsConfigVersion.cmake"
)
key="$(printf '%s|%s|%s|%s' "$destdir" "$prefix" "$libdir" "$includedir" | cksum | cut -d ' ' -f 1)"
manifest="$build_dir/install-manifest-$key.txt"

# ---- uninstall ----------------------------------------------------------------------
if [[ "$action" == uninstall ]]; then
    files=() dirs=()
    if [[ -f "$manifest" ]]; then
        while read -r kind path; do
            case "$kind" in
                file) files+=("$path") ;;
                dir) dirs+=("$path") ;;
            esac
        done < "$manifest"
    else
        echo "uninstall: no manifest of an install to ${destdir}$prefix from this checkout;" \
             "removing the files it would install (directories other than" \
             "${destdir}$cmakedir are left)"
        for path in "${installed[@]}"; do files+=("$destdir$path"); done
        dirs=("$destdir$cmakedir")
    fi
    for path in "${files[@]}"; do
        if [[ -e "$path" || -L "$path" ]]; then
            rm -f -- "$path"
            echo "removed $path"
        fi
    done
    # Deepest first; rmdir fails (quietly) on a directory that is not empty.
    while read -r path; do
        [[ -n "$path" && -d "$path" ]] || continue
        if rmdir -- "$path" 2> /dev/null; then echo "removed directory $path"; fi
    done < <(printf '%s\n' "${dirs[@]}" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f 2-)
    rm -f -- "$manifest"
    exit 0
fi

# ---- install ------------------------------------------------------------------------
[[ -f "$library" ]] || die "$library does not exist: run \`make build\` first"
# The library must be built from this VERSION: the generated Version.swift holds it
# (act_version()) and is older than the library, whose SONAME is the major.
grep -qF "\"$version\"" "$root/Sources/Activations/ABI/Version.swift" ||
    die "Sources/Activations/ABI/Version.swift does not hold VERSION $version:" \
        "run \`python3 tools/gen-abi/generate.py\`, then \`make build\`"
[[ "$library" -nt "$root/Sources/Activations/ABI/Version.swift" ]] ||
    die "$library is older than Sources/Activations/ABI/Version.swift: run \`make build\`"
if command -v readelf > /dev/null; then
    built="$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')"
    [[ "$built" == "$soname" ]] || die "$library has SONAME '$built' but VERSION $version needs" \
        "'$soname': run \`python3 tools/gen-abi/generate.py\`, then \`make build\`"
fi

# The directories this install creates, outermost first. An earlier install to the same
# place left a manifest: its directories, and its files still present (those of another
# version), stay in the new one.
created=()
previous=()
if [[ -f "$manifest" ]]; then
    while read -r kind path; do
        if [[ "$kind" == dir && -d "$path" ]]; then
            created+=("$path")
        elif [[ "$kind" == file && ( -e "$path" || -L "$path" ) ]]; then
            previous+=("$path")
        fi
    done < "$manifest"
fi
for dir in "$libdir" "$includedir" "$libdir/pkgconfig" "$cmakedir"; do
    missing=()
    path="$destdir$dir"
    while [[ -n "$path" && "$path" != / && ! -e "$path" ]]; do
        missing=("$path" "${missing[@]}")
        path="$(dirname "$path")"
    done
    for path in "${missing[@]}"; do
        [[ " ${created[*]} " == *" $path "* ]] || created+=("$path")
    done
    mkdir -p -- "$destdir$dir"
done

# Relative paths for the CMake package, and the pkg-config file's variables.
includedir_from_libdir="$(realpath -m -s --relative-to="$libdir" "$includedir")"
under_prefix() {  # $1 as ${prefix}/... when it lies under the prefix
    if [[ "$prefix" != / && "$1" == "$prefix"/* ]]; then echo "\${prefix}${1#"$prefix"}"; else echo "$1"; fi
}
# Programs linked through pkg-config find the library through an rpath, except in the
# directories the loader searches anyway.
if [[ "$libdir" =~ ^(/usr)?/lib(32|64)?(/[a-z0-9_]+-linux-[a-z0-9_]+)?$ ]]; then
    pc_rpath=""
else
    pc_rpath=" -Wl,-rpath,\${libdir}"
fi
substitute() {  # template output
    sed -e "s|@VERSION@|$version|g" -e "s|@MAJOR@|$major|g" -e "s|@PREFIX@|$prefix|g" \
        -e "s|@PC_LIBDIR@|$(under_prefix "$libdir")|g" \
        -e "s|@PC_INCLUDEDIR@|$(under_prefix "$includedir")|g" -e "s|@PC_RPATH@|$pc_rpath|g" \
        -e "s|@CMAKE_DIR_FROM_LIBDIR@|cmake/activations|g" \
        -e "s|@LIBDIR_FROM_CMAKE_DIR@|../..|g" \
        -e "s|@INCLUDEDIR_FROM_LIBDIR@|$includedir_from_libdir|g" "$1" > "$2"
    if grep -n '@[A-Z_]*@' "$2"; then die "$1: a placeholder was not replaced"; fi
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
substitute "$root/tools/install/activations.pc.in" "$tmp/activations.pc"
substitute "$root/tools/install/activationsConfig.cmake.in" "$tmp/activationsConfig.cmake"
substitute "$root/tools/install/activationsConfigVersion.cmake.in" "$tmp/activationsConfigVersion.cmake"

put() {  # mode source destination
    install -m "$1" -- "$2" "$destdir$3"
    echo "installed $destdir$3"
}
link() {  # target name
    ln -sfn -- "$1" "$destdir$2"
    echo "installed $destdir$2 -> $1"
}
put 755 "$library" "$libdir/$real"
link "$real" "$libdir/$soname"
link "$soname" "$libdir/libactivations.so"
put 644 "$root/include/activations.h" "$includedir/activations.h"
put 644 "$tmp/activations.pc" "$libdir/pkgconfig/activations.pc"
put 644 "$tmp/activationsConfig.cmake" "$cmakedir/activationsConfig.cmake"
put 644 "$tmp/activationsConfigVersion.cmake" "$cmakedir/activationsConfigVersion.cmake"

mkdir -p -- "$build_dir"
{
    echo "# make install DESTDIR=$destdir PREFIX=$prefix INSTALL_LIBDIR=$libdir" \
         "INSTALL_INCLUDEDIR=$includedir (libactivations $version)"
    for path in "${installed[@]}"; do echo "file $destdir$path"; done
    for path in "${previous[@]}"; do
        printf '%s\n' "${installed[@]/#/$destdir}" | grep -qxF -- "$path" || echo "file $path"
    done
    for path in "${created[@]}"; do echo "dir $path"; done
} > "$manifest.new"
mv -f -- "$manifest.new" "$manifest"
echo "manifest for make uninstall: $manifest"
