#!/usr/bin/env bash
# bench/run.sh — every bcsim benchmark, each beside a baseline measured in the same run on the
# same machine, as a ratio; prints a table and writes JSON. README "Performance" shows a run.
#
#   bench/run.sh [--quick | --smoke] [--json FILE] [--build DIR] [--no-build]
#
#   --quick      fewer repetitions, no ctest row (about a minute; the full run takes about
#                three minutes plus one run of the whole ctest suite)
#   --smoke      one repetition of everything at toy sizes (a few seconds; the bench_smoke
#                ctest entry): checks that the benchmarks run and the JSON is valid, measures
#                nothing worth reading
#   --json FILE  where to write the JSON (default BUILD/bench/results.json)
#   --build DIR  build directory (default build/default, configured with the default preset)
#   --no-build   use DIR as it is
#
# Figures are medians of repeated runs. Whole commands are timed with hyperfine; programs
# that must build state first (1 GiB of simulated memory, 100k records) time the operation
# in-process (bench/*.c print seconds) and are repeated here. Peak RSS is /usr/bin/time's.
# Outputs go to one directory ($BENCH_TMPDIR, default under /tmp); `sync` runs before every
# run that writes a file and the file is deleted right after it, for both sides alike.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
mode=full
json=""
build=""
do_build=1
while [ $# -gt 0 ]; do
  case $1 in
  --quick) mode=quick ;;
  --smoke) mode=smoke ;;
  --json) json=$2; shift ;;
  --json=*) json=${1#--json=} ;;
  --build) build=$2; shift ;;
  --build=*) build=${1#--build=} ;;
  --no-build) do_build=0 ;;
  -h | --help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "bench/run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

for tool in hyperfine jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: needs $tool (tools/deps.sh installs it)" >&2; exit 2; }
done

if [ -z "$build" ]; then
  build="$here/build/default"
  if [ $do_build = 1 ] && [ ! -f "$build/CMakeCache.txt" ]; then
    (cd "$here" && cmake --preset default >/dev/null)
  fi
fi
build=$(cd "$build" && pwd)
if [ $do_build = 1 ]; then
  echo "building $build ..." >&2
  cmake --build "$build" -j "$(nproc)" >/dev/null
fi
json=${json:-$build/bench/results.json}

bin="$build/bench"
ex="$build/examples"
cli="$build/sim/bcsim"
for f in "$cli" "$bin/bench_empty" "$bin/bench_warm" "$bin/bench_dump" "$bin/bench_dispatch" "$bin/bench_scenario" \
         "$bin/bench_fuzz" "$bin/bench_memory64.so" "$bin/bench_calls.so"; do
  [ -e "$f" ] || { echo "bench/run.sh: $f is missing (build with BCSIM_BUILD_BENCH=ON)" >&2; exit 2; }
done
mapfile -t examples < <(grep -v '^#' "$ex/bundled.txt" | sed "s|^|$ex/|")

work=$(mktemp -d "${BENCH_TMPDIR:-/tmp}/bcsim-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Sizes and repetitions per mode.
case $mode in
full)  reps=11; reps_big=9; dump_mib=1024; small_mib=16; rec_small=10000; rec_big=100000; fuzz_iters=200000; ctest_reps=1 ;;
quick) reps=5;  reps_big=5; dump_mib=1024; small_mib=16; rec_small=10000; rec_big=100000; fuzz_iters=50000;  ctest_reps=0 ;;
smoke) reps=1;  reps_big=1; dump_mib=16;   small_mib=4;  rec_small=100;   rec_big=1000;   fuzz_iters=1000;   ctest_reps=0 ;;
esac

# ---- measuring --------------------------------------------------------------------------------

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# hyperfine_median RUNS PREPARE COMMAND...: median wall seconds of COMMAND (PREPARE runs
# before each run, untimed; "" for none; one warm-up run when RUNS > 1 and WARMUP unset).
hyperfine_median() {
  local runs=$1 prepare=$2
  shift 2
  local cmd
  cmd=$(printf '%q ' "$@")
  local args=(-N --style none --warmup "${WARMUP:-$((runs > 1 ? 1 : 0))}" --runs "$runs"
              --export-json "$work/hf.json")
  if [ -n "$prepare" ]; then args+=(--prepare "sh -c '$prepare'"); fi
  # hyperfine's advice about outliers goes to a log; its errors are shown
  hyperfine "${args[@]}" "$cmd" >/dev/null 2>"$work/hf.log" || { cat "$work/hf.log" >&2; return 1; }
  jq '.results[0].median' "$work/hf.json"
}

# inproc_median RUNS PREPARE PROGRAM ARGS...: median of the seconds PROGRAM prints.
inproc_median() {
  local runs=$1 prepare=$2 i
  shift 2
  for ((i = 0; i < runs; i++)); do
    [ -n "$prepare" ] && sh -c "$prepare"
    "$@" | tail -n 1
  done | median
}

# peak_rss_kib PROGRAM ARGS...: median maximum resident set size (KiB) over 3 runs (dumps
# the program writes in $work are deleted after each run).
peak_rss_kib() {
  local i n=$((reps_big < 3 ? reps_big : 3))
  for ((i = 0; i < n; i++)); do
    sync
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null
    rm -f "$work"/*.dmp
    tail -n 1 "$work/rss"
  done | median
}

# ---- the rows ---------------------------------------------------------------------------------

rows=()        # JSON objects
table=()       # tab-separated lines
failed=0

# row ID NAME BCSIM_FIGURE BCSIM_TEXT BASELINE_FIGURE BASELINE_TEXT RATIO RATIO_TEXT TARGET_OP TARGET TARGET_TEXT
#   TARGET_OP: "<=", ">=" or "" (informational row: no target)
row() {
  local id=$1 name=$2 b=$3 btxt=$4 base=$5 basetxt=$6 ratio=$7 rtxt=$8 op=$9 target=${10} ttxt=${11}
  local pass=null verdict="-"
  if [ -n "$op" ]; then
    if awk -v r="$ratio" -v t="$target" -v op="$op" 'BEGIN { exit !(op == "<=" ? r <= t : r >= t) }'; then
      pass=true verdict=pass
    else
      pass=false verdict=FAIL failed=1
    fi
  fi
  rows+=("$(jq -cn --arg id "$id" --arg name "$name" --argjson b "$b" --arg btxt "$btxt" \
    --argjson base "$base" --arg basetxt "$basetxt" --argjson ratio "$ratio" --arg rtxt "$rtxt" \
    --arg op "$op" --arg ttxt "$ttxt" --argjson pass "$pass" \
    '{id: $id, name: $name, bcsim: $b, bcsim_text: $btxt, baseline: $base, baseline_text: $basetxt,
      ratio: $ratio, ratio_text: $rtxt, target: (if $op == "" then null else $ttxt end), pass: $pass}')")
  table+=("$name	$btxt	$basetxt	$rtxt	${ttxt:--}	$verdict")
  printf '  %-44s %s\n' "$name" "$rtxt ($verdict)" >&2
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf (s < 0.01 ? "%.2f ms" : s < 1 ? "%.1f ms" : "%.2f s"), (s < 1 ? s * 1000 : s) }'; }


echo "bcsim benchmarks ($mode), build $build, outputs in $work" >&2

# (1) the full scenario: the bundled example drivers (every reason) and 64 MiB of driver
# memory, kernel (bitmap) dump, as a user runs it; and its bug check alone in-process.
scenario=("${examples[@]}" "$bin/bench_memory64.so")
drv_args=()
for m in "${scenario[@]}"; do drv_args+=(--driver "$m"); done
empty=$(hyperfine_median $((reps * 10)) "" "$bin/bench_empty")
scn_wall=$(hyperfine_median "$reps" "rm -f $work/scenario.dmp; sync" \
  "$cli" run -q "${drv_args[@]}" --dump "$work/scenario.dmp")
row scenario_wall "full scenario, wall (bcsim run)" "$scn_wall" "$(ms "$scn_wall")" \
  "$empty" "$(ms "$empty") empty C program" "$(ratio "$scn_wall" "$empty")" "$(ratio "$scn_wall" "$empty")x" "" "" ""
scn_cb=$(inproc_median "$reps" "" "$bin/bench_scenario" "${scenario[@]}")
row scenario_callbacks "full scenario, callback work alone" "$scn_cb" "$(ms "$scn_cb")" \
  "$empty" "$(ms "$empty") empty C program" "$(ratio "$scn_cb" "$empty")" "$(ratio "$scn_cb" "$empty")x" "" "" ""

# (2) writing a dump of 1 GiB of simulated memory against cp of a 1 GiB file, both to $work.
{ yes bcsim-bench-source || true; } | head -c $((dump_mib << 20)) >"$work/source"
cat "$work/source" >/dev/null   # in the page cache, as simulated memory is in RAM
# The two sides alternate run by run, so both meet the same background activity. Before each
# run, `sync` and bench_warm (3x the dump size touched and freed: both sides then take warm
# pages, see warm.c; the dump needs twice its size, the pool and the file's page cache, and
# with only 2x warmed, dumps right after a cp ran 0.3-1.3 s instead of 0.25 s here). Each output is deleted right after its run, before writeback puts it on
# the disk (a 1 GiB file written back, then discarded on a file system mounted with discard,
# slows whichever run comes next): both sides are timed writing into the page cache.
warm="sync; $bin/bench_warm $((dump_mib * 3))"
for ((i = 0; i < reps_big; i++)); do
  sh -c "$warm"
  "$bin/bench_dump" "$dump_mib" "$work/dump.dmp" | tail -n 1 >>"$work/dump.s"
  rm -f "$work/dump.dmp"
  hyperfine_median 1 "$warm" cp "$work/source" "$work/copy" >>"$work/cp.s"
  rm -f "$work/copy"
done
dump_s=$(median <"$work/dump.s")
cp_s=$(median <"$work/cp.s")
[ -n "${BENCH_VERBOSE:-}" ] && paste "$work/dump.s" "$work/cp.s" >&2
row dump_vs_cp "dump of $dump_mib MiB vs cp of $dump_mib MiB" "$dump_s" "$(ms "$dump_s")" \
  "$cp_s" "$(ms "$cp_s") cp" "$(ratio "$dump_s" "$cp_s")" "$(ratio "$dump_s" "$cp_s")x" "<=" 1.5 "<= 1.5x"

# Peak RSS: the harness's memory beyond the simulated memory itself, i.e. how much more a
# dump of BIG MiB costs than one of SMALL MiB, less the (BIG - SMALL) MiB of memory it holds.
rss_big=$(peak_rss_kib "$bin/bench_dump" "$dump_mib" "$work/rss.dmp")
rss_small=$(peak_rss_kib "$bin/bench_dump" "$small_mib" "$work/rss.dmp")
rss_delta=$(awk -v b="$rss_big" -v s="$rss_small" -v d=$((dump_mib - small_mib)) 'BEGIN { printf "%+.1f", (b - s) / 1024 - d }')
row rss_overhead "peak RSS, $dump_mib MiB vs $small_mib MiB dump" "$(awk -v k="$rss_big" 'BEGIN { print k / 1024 }')" \
  "$(awk -v k="$rss_big" 'BEGIN { printf "%.0f MiB", k / 1024 }')" "$(awk -v k="$rss_small" 'BEGIN { print k / 1024 }')" \
  "$(awk -v k="$rss_small" 'BEGIN { printf "%.0f MiB", k / 1024 }')" "$rss_delta" "$rss_delta MiB beyond memory" "<=" 16 "<= 16 MiB"

# (3) dispatch scaling: a bug check with 100k records against one with 10k.
d_small=$(inproc_median "$reps" "" "$bin/bench_dispatch" "$rec_small")
d_big=$(inproc_median "$reps" "" "$bin/bench_dispatch" "$rec_big")
row dispatch_scaling "dispatch, $rec_big vs $rec_small records" "$d_big" "$(ms "$d_big")" \
  "$d_small" "$(ms "$d_small")" "$(ratio "$d_big" "$d_small")" "$(ratio "$d_big" "$d_small")x" "<=" 11 "<= 11x"

# (4) the verifier: the example drivers plus 500k kernel calls at HIGH_LEVEL (bench_calls).
v_mods=("${examples[@]}" "$bin/bench_calls.so")
v_on=$(inproc_median "$reps" "" "$bin/bench_scenario" --set verifier=on "${v_mods[@]}")
v_off=$(inproc_median "$reps" "" "$bin/bench_scenario" --set verifier=off "${v_mods[@]}")
row verifier "verifier on vs off" "$v_on" "$(ms "$v_on")" "$v_off" "$(ms "$v_off") off" \
  "$(ratio "$v_on" "$v_off")" "$(ratio "$v_on" "$v_off")x" "<=" 1.5 "<= 1.5x"

# (5) fuzzing: executions per second of a libFuzzer driver fuzzer through the dispatcher against
# a bare libFuzzer target calling the same callback directly with the same decoded input
# (bench/fuzz/fuzz_throughput.sh), per example driver, in the configuration a driver project
# gets from bcsim_add_fuzzer(): clang, the library an ordinary build, the fuzzer and the
# driver's copy instrumented. Needs clang-19; its build directory is BUILD-libfuzzer.
fuzz_drivers=(secondary_log multipart_blob triage_state pages_table legacy_notify)
lf="$build-libfuzzer"
if [ $mode != smoke ] && command -v clang-19 >/dev/null; then
  if [ $do_build = 1 ]; then
    echo "building $lf (clang-19, libFuzzer) ..." >&2
    gen=()
    command -v ninja >/dev/null && [ ! -f "$lf/CMakeCache.txt" ] && gen=(-G Ninja)
    cmake -S "$here" -B "$lf" "${gen[@]}" -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBCSIM_BUILD_FUZZERS=ON -DBCSIM_BUILD_TESTS=OFF \
      -DBCSIM_BUILD_BENCH=ON >/dev/null
    targets=()
    for d in "${fuzz_drivers[@]}"; do targets+=("fuzz_$d" "bench_fuzz_bare_$d"); done
    cmake --build "$lf" -j "$(nproc)" --target "${targets[@]}" >/dev/null
  fi
  case $mode in full) lf_runs=100000 lf_reps=3 ;; *) lf_runs=50000 lf_reps=1 ;; esac
  bash "$here/bench/fuzz/fuzz_throughput.sh" "$lf" "$lf_runs" "$lf_reps" "${fuzz_drivers[@]}" >"$work/lf.txt" 2>&1 || true
  sed 's/^/  /' "$work/lf.txt" >&2
  # lines: driver dispatcher/s bare/s ratio
  awk 'NR > 1 && NF == 4 && $4 ~ /^[0-9.]+$/' "$work/lf.txt" >"$work/lf.rows"
  if [ -s "$work/lf.rows" ]; then
    lf_ratio=$(awk '{ print $4 }' "$work/lf.rows" | median)
    lf_disp=$(awk '{ print $2 }' "$work/lf.rows" | median)
    lf_bare=$(awk '{ print $3 }' "$work/lf.rows" | median)
    lf_low=$(sort -g -k4 "$work/lf.rows" | head -n 1 | awk '{ printf "%s %.2f", $1, $4 }')
    row fuzz_throughput "fuzz execs/s (libFuzzer), dispatcher vs bare, median of $(wc -l <"$work/lf.rows") drivers" \
      "$lf_disp" "$(printf '%.0f/s' "$lf_disp")" "$lf_bare" "$(printf '%.0f/s bare' "$lf_bare")" \
      "$lf_ratio" "$(printf '%.2f (lowest: %s)' "$lf_ratio" "$lf_low")" ">=" 0.5 ">= 0.5"
  else
    echo "bench/run.sh: the libFuzzer throughput runs failed (see above)" >&2
    failed=1
  fi
else
  [ $mode != smoke ] && echo "bench/run.sh: clang-19 not installed: no libFuzzer throughput row" >&2
fi

# The harness's own cost per input, without a fuzzing engine to hide it: the same decoded
# inputs through bcsim_fuzz_dispatch() and bcsim_fuzz_direct() in one replay loop
# (bench/bench_fuzz.c, this build), for secondary_log. Informational.
seeds=()   # the per-reason driver fuzzer's SecondaryDumpData seeds, in turn
[ -d "$here/fuzz/driver/corpus/SecondaryDumpData" ] && seeds=("$here/fuzz/driver/corpus/SecondaryDumpData")
f_disp=$(inproc_median "$reps" "" "$bin/bench_fuzz" dispatch "$fuzz_iters" "$ex/secondary_log.so" "${seeds[@]}")
f_direct=$(inproc_median "$reps" "" "$bin/bench_fuzz" direct "$fuzz_iters" "$ex/secondary_log.so" "${seeds[@]}")
f_ratio=$(ratio "$f_direct" "$f_disp")   # seconds: direct/dispatch = (execs/s dispatch)/(execs/s direct)
row fuzz_replay "inputs/s without an engine, dispatcher vs direct call" \
  "$(awk -v s="$f_disp" -v n="$fuzz_iters" 'BEGIN { printf "%.0f", n / s }')" \
  "$(awk -v s="$f_disp" -v n="$fuzz_iters" 'BEGIN { printf "%.0f/s", n / s }')" \
  "$(awk -v s="$f_direct" -v n="$fuzz_iters" 'BEGIN { printf "%.0f", n / s }')" \
  "$(awk -v s="$f_direct" -v n="$fuzz_iters" 'BEGIN { printf "%.0f/s direct", n / s }')" \
  "$f_ratio" "$f_ratio" "" "" "-"

# (6) the whole test suite, as CI runs it on 2 cores, against the 60 s budget.
if [ "$ctest_reps" -gt 0 ]; then
  ct=$(WARMUP=0 hyperfine_median "$ctest_reps" "" ctest --test-dir "$build" -j2 --timeout 300)
  row ctest_suite "ctest suite, -j2 wall" "$ct" "$(ms "$ct")" 60 "60 s budget" \
    "$(ratio "$ct" 60)" "$(ratio "$ct" 60)x of budget" "<=" 1 "< 60 s"
fi

# ---- output -----------------------------------------------------------------------------------

cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
fs=$(stat -f -c %T "$work")
cc=$(gcc --version | head -n 1)
machine="$cpu, $(nproc) cores, $mem, Linux $(uname -r), $fs ($work), $cc"
{
  printf '{"mode": "%s", "machine": %s, "date": "%s", "rows": [' "$mode" "$(jq -n --arg m "$machine" '$m')" "$(date -u +%FT%TZ)"
  (IFS=,; printf '%s' "${rows[*]}")
  printf ']}\n'
} | jq . >"$json"

echo
echo "machine: $machine"
{
  printf 'benchmark\tbcsim\tbaseline\tratio\ttarget\tresult\n'
  printf '%s\n' "${table[@]}"
} | awk -F '\t' '{ for (i = 1; i <= NF; i++) { c[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR }
    END { for (r = 1; r <= n; r++) { for (i = 1; i <= 6; i++) printf "%-*s%s", w[i], c[r, i], i < 6 ? "  " : "\n" } }'
echo
echo "JSON: $json"
# A missed target fails the command (not in --smoke mode, whose toy sizes mean nothing).
[ $mode = smoke ] && failed=0
exit $failed
