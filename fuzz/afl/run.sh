#!/usr/bin/env bash
# fuzz/afl/run.sh BCSIM_SOURCE WORKDIR [SECONDS]
#   AFL++ compatibility: builds the fuzz consumer project (fuzz/consumer: a driver and its
#   bcsim_add_fuzzer() target) with afl-clang-fast — the same target, AFL++'s libAFLDriver
#   providing main() through -fsanitize=fuzzer — then runs afl-fuzz on it for SECONDS
#   (default 5) and checks that it executed inputs and found no crash. The driver module is
#   preloaded (AFL_PRELOAD): AFL++'s fork server starts before LLVMFuzzerInitialize loads it,
#   and an instrumented module loaded after that would have no coverage map.
#   Exit 77 (skipped) when AFL++ is not installed.
set -euo pipefail
src=$1 work=$2 secs=${3:-5}
command -v afl-clang-fast >/dev/null && command -v afl-fuzz >/dev/null ||
  { echo "AFL++ (afl-clang-fast, afl-fuzz) not installed: skipped"; exit 77; }
rm -rf "$work"
mkdir -p "$work"
gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
cmake -S "$src/fuzz/consumer" -B "$work/build" "${gen[@]}" -DBCSIM_SOURCE_DIR="$src" \
      -DCMAKE_C_COMPILER=afl-clang-fast -DCMAKE_CXX_COMPILER=afl-clang-fast++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
AFL_QUIET=1 cmake --build "$work/build" -j2 --target eventlog_fuzz >/dev/null
mkdir -p "$work/in"
cp "$src"/fuzz/driver/corpus/SecondaryDumpData/* "$work/in/"
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_PRELOAD="$work/build/eventlog_fuzz_driver.so"
afl-fuzz -V "$secs" -m none -t 2000 -i "$work/in" -o "$work/out" -- "$work/build/eventlog_fuzz" \
  > "$work/afl.log" 2>&1 || { tail -30 "$work/afl.log"; exit 1; }
stats="$work/out/default/fuzzer_stats"
test -f "$stats" || { tail -30 "$work/afl.log"; exit 1; }
grep -E "^(execs_done|execs_per_sec|corpus_count|saved_crashes|edges_found)" "$stats"
execs=$(awk -F: '/^execs_done/ {gsub(/ /, "", $2); print $2}' "$stats")
crashes=$(awk -F: '/^saved_crashes/ {gsub(/ /, "", $2); print $2}' "$stats")
[ "${execs:-0}" -gt 0 ] && [ "${crashes:-1}" -eq 0 ]
