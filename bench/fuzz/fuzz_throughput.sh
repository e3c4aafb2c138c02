#!/usr/bin/env bash
# bench/fuzz/fuzz_throughput.sh BUILD_DIR [RUNS] [REPEATS] [DRIVER...]
#   Executions per second of each per-reason driver fuzzer (fuzz_<driver>: the input through
#   bcsim's dispatcher) against the bare baseline (bench_fuzz_bare_<driver>: the same decoded
#   input, the callback called directly), both libFuzzer runs of RUNS executions (default
#   300000) from the same seeds with the same -seed, inputs capped at 256 bytes, wall time
#   measured around the process; the median of REPEATS (default 3). Prints one line per
#   driver and the ratio dispatcher / bare (the target is >= 0.5).
set -euo pipefail
build=$1
runs=${2:-300000}
repeats=${3:-3}
shift $(( $# >= 3 ? 3 : $# ))
drivers=("$@")
[ ${#drivers[@]} -eq 0 ] && drivers=(secondary_log multipart_blob dumpio_mirror triage_state pages_table legacy_notify)
here=$(cd "$(dirname "$0")/../.." && pwd)
seeds="$here/fuzz/driver/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed_dirs() {   # the seed directories of the reasons a driver registers
  case $1 in
  secondary_log) echo "$seeds/SecondaryDumpData" ;;
  multipart_blob) echo "$seeds/SecondaryMultiPartDumpData" ;;
  dumpio_mirror) echo "$seeds/DumpIo" ;;
  triage_state) echo "$seeds/TriageDumpData" ;;
  pages_table) echo "$seeds/AddPages $seeds/RemovePages" ;;
  legacy_notify) echo "$seeds/legacy" ;;
  esac
}

# one timed run: prints executions per second
rate() {
  local bin=$1 d=$2
  rm -rf "$work/c" && mkdir -p "$work/c"
  local t0 t1
  t0=$(date +%s.%N)
  # shellcheck disable=SC2046
  if ! "$bin" -runs="$runs" -seed=1 -max_len=256 -detect_leaks=0 -artifact_prefix="$work/" "$work/c" $(seed_dirs "$d") >"$work/log" 2>&1; then
    echo nan   # stopped early (a crash, or a bug check a bare direct call cannot survive)
    return
  fi
  t1=$(date +%s.%N)
  echo "$runs / ($t1 - $t0)" | bc -l
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf "%-16s %14s %14s %8s\n" driver "dispatcher/s" "bare/s" ratio
for d in "${drivers[@]}"; do
  fz="$build/fuzz/fuzz_$d"
  bare="$build/fuzz/bench/bench_fuzz_bare_$d"
  [ -x "$fz" ] && [ -x "$bare" ] || { echo "$d: not built (libFuzzer build with BCSIM_BUILD_BENCH needed)"; continue; }
  a=$(for _ in $(seq "$repeats"); do rate "$fz" "$d"; done | median)
  b=$(for _ in $(seq "$repeats"); do rate "$bare" "$d"; done | median)
  if [ "$a" = nan ] || [ "$b" = nan ]; then
    [ "$a" != nan ] && a=$(printf "%.0f" "$a")
    [ "$b" != nan ] && b=$(printf "%.0f" "$b")
    printf "%-16s %14s %14s %8s  (a run stopped early: %s)\n" "$d" "$a" "$b" "-" \
      "$([ "$b" = nan ] && echo "the driver bug-checks on some inputs; a bare direct call cannot contain that" || echo "see the fuzzer")"
    continue
  fi
  printf "%-16s %14.0f %14.0f %8.2f\n" "$d" "$a" "$b" "$(echo "$a / $b" | bc -l)"
done
