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

# A driver project does the same with bcsim_install_fuzzers(): its build.sh configures with
# $OUT set and builds bcsim_fuzzers_out (the fuzz consumer project, against this checkout).
cout="$work/out-consumer"
mkdir -p "$cout"
(export OUT="$cout" WORK="$work/work-consumer"
 cmake -S "$src/fuzz/consumer" -B "$work/consumer-build" -DBCSIM_SOURCE_DIR="$src" \
       -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_C_FLAGS="$CFLAGS" \
       -DBCSIM_BUILD_FUZZERS=ON -DBCSIM_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DBCSIM_FUZZ_CFLAGS="" \
       -DBCSIM_FUZZ_LDFLAGS="" -DBUILD_TESTING=OFF &&
 cmake --build "$work/consumer-build" -j2 --target bcsim_fuzzers_out) > "$work/consumer.log" 2>&1 ||
  { tail -40 "$work/consumer.log"; exit 1; }
rm -rf "$work/consumer-build"
for f in eventlog_fuzz eventlog_fuzz_driver.so eventlog_fuzz_seed_corpus.zip eventlog_fuzz.dict; do
  test -f "$cout/$f" || { echo "consumer \$OUT lacks $f"; ls "$cout"; exit 1; }
done
rm -rf "$work/c-consumer" && mkdir "$work/c-consumer"
unzip -q "$cout/eventlog_fuzz_seed_corpus.zip" -d "$work/c-consumer"
(cd "$work" && env -u BCSIM_FUZZ_DRIVER "$cout/eventlog_fuzz" -runs=2000 -max_total_time=2 -seed=1 \
   -dict="$cout/eventlog_fuzz.dict" "$work/c-consumer" > "$work/consumer-run.log" 2>&1) ||
  { tail -30 "$work/consumer-run.log"; exit 1; }
echo "consumer eventlog_fuzz: $(grep -E '^Done' "$work/consumer-run.log")"
