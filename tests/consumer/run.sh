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
  # pkg-config from a non-default prefix, as written in the README: a plain link works.
  pc=$(dirname "$(find "$work/prefix" -name bcsim.pc | head -1)")
  PKG_CONFIG_PATH="$pc" cc -o "$work/harness" "$here/harness.c" $(PKG_CONFIG_PATH="$pc" pkg-config --cflags --libs bcsim)
  "$work/harness"
  cmake -S "$here" -B "$work/build" "${gen[@]}" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  # a misspelt EXPECT_VIOLATIONS name is a configure error naming the valid names
  if cmake -S "$here" -B "$work/typo" "${gen[@]}" -DCMAKE_PREFIX_PATH="$work/prefix" \
       -DBCSIM_CONSUMER_TYPO=ON >"$work/typo.log" 2>&1; then
    echo "configure with a misspelt EXPECT_VIOLATIONS name succeeded"; exit 1
  fi
  grep -q "'POOL_ALLOCATION_AT_HIGH_IRQQL' is not a bcsim finding name" "$work/typo.log"
  grep -q "POOL_ALLOCATION_AT_HIGH_IRQL" "$work/typo.log"
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
# every test has a timeout: TIMEOUT where given, 120 s by default
ctest --test-dir "$work/build" --show-only=json-v1 >"$work/tests.json"
jq -e '[.tests[] | (.properties // [] | map(select(.name == "TIMEOUT")) | length)] | all(. == 1)' "$work/tests.json" >/dev/null
jq -e '.tests[] | select(.name == "hello_custom_timeout") | .properties[] | select(.name == "TIMEOUT") | .value == 45' "$work/tests.json" >/dev/null
jq -e '.tests[] | select(.name == "hello_bugcheck") | .properties[] | select(.name == "TIMEOUT") | .value == 120' "$work/tests.json" >/dev/null
ctest --test-dir "$work/build" --output-on-failure
