#!/usr/bin/env bash
# fuzz/oss-fuzz/test.sh BCSIM_SOURCE WORKDIR
#   Runs build.sh as OSS-Fuzz and ClusterFuzzLite would (CC=clang-19, CFLAGS with
#   -fsanitize=fuzzer-no-link,address, LIB_FUZZING_ENGINE=-fsanitize=fuzzer, OUT, SRC, WORK),
#   then checks that every fuzzer is in $OUT with its seed corpus, and gives each a short real
#   libFuzzer run from its seeds (5000 executions or 2 seconds, whichever ends first): this is
#   the clang fuzzing CI does on every run. Exit 77 (skipped) without clang-19 or zip.
set -euo pipefail
src=$1 work=$2
for t in clang-19 clang++-19 zip unzip; do
  command -v $t >/dev/null || { echo "$t not installed: skipped"; exit 77; }
done
rm -rf "$work"
mkdir -p "$work/src" "$work/out" "$work/work"
ln -s "$src" "$work/src/bcsim"
export CC=clang-19 CXX=clang++-19 CFLAGS="-fsanitize=fuzzer-no-link,address -fno-omit-frame-pointer"
export CXXFLAGS="$CFLAGS" LIB_FUZZING_ENGINE=-fsanitize=fuzzer
export OUT="$work/out" SRC="$work/src" WORK="$work/work"
"$src/fuzz/oss-fuzz/build.sh" > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
rm -rf "$WORK/bcsim-build"   # as on a runner: only $OUT is left
n=0
for t in fuzz_dump_reader fuzz_scenario fuzz_api_sequence fuzz_secondary_log fuzz_dumpio_mirror \
         fuzz_pages_table fuzz_multipart_blob fuzz_triage_state fuzz_legacy_notify; do
  test -x "$OUT/$t"
  test -f "$OUT/${t}_seed_corpus.zip"
  rm -rf "$work/c-$t" && mkdir "$work/c-$t"
  unzip -q "$OUT/${t}_seed_corpus.zip" -d "$work/c-$t"
  # Run from elsewhere: the fuzzer must find its driver module next to itself.
  (cd "$work" && env -u BCSIM_FUZZ_DRIVER "$OUT/$t" -runs=5000 -max_total_time=2 -seed=1 "$work/c-$t" > "$work/$t.log" 2>&1) ||
    { tail -30 "$work/$t.log"; exit 1; }
  echo "$t: $(grep -E '^Done' "$work/$t.log")"
  n=$((n + 1))
done
echo "$n fuzzers built and run from \$OUT"
