#!/usr/bin/env bash
# fuzz/consumer/run.sh MODE BCSIM_SOURCE BCSIM_BUILD WORKDIR CC
#   A driver project using bcsim_add_fuzzer() (this directory), built with compiler CC:
#   install:      against `cmake --install` of the bcsim build (find_package);
#   subdirectory: with add_subdirectory() of the bcsim checkout.
#   Then its ctest: eventlog_fuzz_replay (every build) and eventlog_fuzz_fuzz (clang: a real
#   libFuzzer run). Exit 77 (skipped) when CC is not installed.
set -euo pipefail
mode=$1 src=$2 build=$3 work=$4 cc=${5:-cc}
here=$(cd "$(dirname "$0")" && pwd)
command -v "$cc" >/dev/null || { echo "$cc not installed: skipped"; exit 77; }
rm -rf "$work"
mkdir -p "$work"
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
case "$mode" in
install)
  cmake --install "$build" --prefix "$work/prefix" >/dev/null
  test -f "$work/prefix/lib/cmake/bcsim/BcsimFuzz.cmake"
  test -f "$work/prefix/lib/cmake/bcsim/bcsim_fuzz_main.c"
  test -f "$work/prefix/lib/cmake/bcsim/fuzz/bcsim_fuzz_driver.c"
  # seeds and the dictionary are data: share/bcsim/fuzz, a path a user can type
  test -d "$work/prefix/share/bcsim/fuzz/corpus/SecondaryDumpData"
  test -f "$work/prefix/share/bcsim/fuzz/bcsim_fuzz_driver.dict"
  test ! -e "$work/prefix/lib/cmake/bcsim/fuzz/corpus"
  test -f "$work/prefix/include/bcsim/fuzz.h"
  cmake -S "$here" -B "$work/build" "${gen[@]}" -DCMAKE_C_COMPILER="$cc" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  ;;
subdirectory)
  cmake -S "$here" -B "$work/build" "${gen[@]}" -DCMAKE_C_COMPILER="$cc" -DBCSIM_SOURCE_DIR="$src" >/dev/null
  ;;
*)
  echo "usage: $0 install|subdirectory SRC BUILD WORKDIR CC" >&2
  exit 2
  ;;
esac
cmake --build "$work/build" -j2 >/dev/null
test -x "$work/build/eventlog_fuzz"
ctest --test-dir "$work/build" --output-on-failure
