#!/usr/bin/env bash
# tests/consumer/run.sh MODE BCSIM_SOURCE BCSIM_BUILD WORKDIR
#   install:      cmake --install the bcsim build into WORKDIR/prefix, then build this consumer
#                 project with find_package(bcsim) and run its ctest;
#   subdirectory: build this consumer project with add_subdirectory(BCSIM_SOURCE) and run it.
set -euo pipefail
mode=$1 src=$2 build=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work"
mkdir -p "$work"
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
case "$mode" in
install)
  cmake --install "$build" --prefix "$work/prefix" >/dev/null
  test -x "$work/prefix/bin/bcsim"
  test -f "$work/prefix/lib/pkgconfig/bcsim.pc"
  test -f "$work/prefix/include/bcsim/wdk/ntddk.h"
  test ! -e "$work/prefix/include/ntddk.h"     # the shim never lands in the include root
  cmake -S "$here" -B "$work/build" "${gen[@]}" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  ;;
subdirectory)
  cmake -S "$here" -B "$work/build" "${gen[@]}" -DBCSIM_SOURCE_DIR="$src" >/dev/null
  ;;
*)
  echo "usage: $0 install|subdirectory SRC BUILD WORKDIR" >&2
  exit 2
  ;;
esac
cmake --build "$work/build" -j2 >/dev/null
ctest --test-dir "$work/build" --output-on-failure
