#!/usr/bin/env bash
# tests/cli/robust.sh CASE BCSIM HOSTILE_DIR — one case of "bcsim survives hostile
# environments" (issue 15, items 2 and 6-11): outputs that cannot be written, bad usage, dumps
# not written, files bcsim must not touch, FIFOs that must not block, signals to bcsim. Every
# case runs in its own temporary directory; device nodes are made there with mknod (never a
# system node); a case that needs mknod and cannot make one is skipped (exit 77).
set -u
case_name=$1 bcsim=$2 hdir=$3
dir=$(mktemp -d "${TMPDIR:-/tmp}/bcsim-robust.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
tag="bcsim-robust-$$-$RANDOM$RANDOM"
spin="$hdir/hostile_spin_entry.so"           # DriverEntry never returns
clean="$hdir/hostile_cpu_state_legacy.so"    # a driver bcsim finds nothing wrong with
blob="$hdir/../../examples/secondary_log.so"  # writes a secondary-data block with this tag:
tag_guid='{5ec0da7a-1095-4d2e-9b4e-3d3f3d6c6f67}'

fail() { printf 'FAIL (%s): %s\n' "$case_name" "$1"; [ -n "${out:-}" ] && printf -- '--- output ---\n%s\n' "$out"; exit 1; }

# run EXPECTED_EXIT ARGS...: bcsim with a time limit; $out holds stdout+stderr
run() {
  local want=$1
  shift
  out=$(env BCSIM_ROBUST_TAG="$tag" timeout 20 "$bcsim" "$@" 2>&1)
  local got=$?
  [ "$got" = 124 ] && fail "bcsim $* did not end (it blocked or hung)"
  [ "$got" = "$want" ] || fail "bcsim $*: exit $got, expected $want"
}
has() { printf '%s\n' "$out" | grep -Eq -- "$1" || fail "output does not match /$1/"; }
one_line() { [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "expected a one-line error"; }
no_process_left() {
  sleep 0.1
  for e in /proc/[0-9]*/environ; do
    if tr '\0' '\n' <"$e" 2>/dev/null | grep -qx "BCSIM_ROBUST_TAG=$tag"; then
      local pid=${e#/proc/}; pid=${pid%/environ}
      kill -KILL "$pid" 2>/dev/null
      fail "process $pid of the run is still there"
    fi
  done
}
only_files() {   # only_files NAME...: nothing else in the directory (no temporary left)
  local want=" $* " f
  for f in $(ls -A); do
    case "$want" in *" $f "*) ;; *) fail "unexpected file left: $f" ;; esac
  done
}
mknod_full() {   # a character device like /dev/full (1,7), in our directory
  mknod "$1" c 1 7 2>/dev/null || { echo "skipped: cannot mknod here"; exit 77; }
}
is_char() { [ -c "$1" ] || fail "$1 is no longer the character device it was"; }

case $case_name in
# ---- 6: reports that cannot be written ------------------------------------------------------
json_missing_dir)
  run 2 run --driver "$clean" --no-unload-check --json "$dir/no/such/dir/r.json"
  has "^bcsim run: --json: cannot write '.*r.json': directory"; one_line ;;
json_is_directory)
  mkdir d
  run 2 run --driver "$clean" --no-unload-check --json d
  has "^bcsim run: --json: cannot write 'd': it is a directory"; one_line ;;
json_empty_path)
  run 2 run --driver "$clean" --no-unload-check --json ''
  has "^bcsim run: --json: an empty file name$"; one_line ;;
reports_to_full_device)
  mknod_full full
  for opt in --json --tap --junit; do
    run 4 run --driver "$clean" --no-unload-check -q "$opt" full
    has "bcsim run: $opt 'full': cannot write: No space left on device"
    is_char full
  done
  only_files full ;;
stdout_to_full_device)
  mknod_full full
  out=$(timeout 20 "$bcsim" run --driver "$clean" --no-unload-check 2>&1 >full); got=$?
  [ "$got" = 4 ] || fail "exit $got, expected 4"
  has "bcsim run: cannot write the report to standard output: No space left on device"
  out=$(timeout 20 "$bcsim" knobs 2>&1 >full); got=$?
  [ "$got" = 4 ] || fail "knobs: exit $got, expected 4"
  is_char full ;;
json_to_stdout_link)
  run 0 run --driver "$clean" --no-unload-check -q --json /dev/stdout
  has '"exit_code": 0' ;;

# ---- 7: bad usage, one line, exit 2 -------------------------------------------------------------
same_path_twice)
  printf 'keep' >f
  run 2 run --driver "$clean" --no-unload-check --dump f --json f
  has "^bcsim run: --json 'f' and --dump 'f' name the same file"; one_line
  [ "$(cat f)" = keep ] || fail "f was changed"
  run 2 run --driver "$clean" --no-unload-check --tap ./g --junit g
  has "name the same file"; only_files f ;;
output_is_an_input)
  run 2 run --driver "$clean" --no-unload-check --json "$clean"
  has "is the driver module"; one_line ;;
dump_empty_path)
  run 2 run --driver "$clean" --dump ''
  has "^bcsim run: --dump: an empty file name$"; one_line ;;
dump_with_type_none)
  run 2 run --driver "$clean" --dump x.dmp --dump-type none
  has "^bcsim run: --dump 'x.dmp' with --dump-type none"; one_line; only_files ;;
bugcheck_empty_fields)
  for spec in '0xD1,,2,,4' ',1' '0xE2,' '0xE2,1,' ' , ' ''; do
    run 2 run --driver "$clean" --bugcheck "$spec"
    has "^bcsim run: --bugcheck '.*': expected CODE"; one_line
  done ;;
knobs_with_arguments)
  run 2 knobs walk.mode extra
  has "^bcsim knobs: unexpected argument 'extra'"; one_line
  run 2 knobs no.such.knob
  has "^bcsim knobs: unknown knob 'no.such.knob'"; one_line ;;
second_scenario)
  printf '{"drivers": []}' >s.json
  run 2 run --scenario s.json --scenario s.json
  has "^bcsim run: --scenario given twice"; one_line ;;

# ---- 8, 9: dumps asked for --------------------------------------------------------------------
dump_not_written)
  # a nested bug check in the size request: the machine halts before a dump is begun
  run 4 run --driver "$hdir/hostile_nested_bugcheck_secondary.so" --no-unload-check --dump d.dmp
  has "NESTED_BUGCHECK"
  has "bcsim run: dump 'd.dmp' \\(bug check 1 of 1\\) was not written: the machine halted"
  only_files ;;
nested_dump_truncated)
  run 1 run --driver "$hdir/hostile_nested_late_secondary.so" --no-unload-check --dump d.dmp
  has "dump: d.dmp \\([0-9]+ bytes\\)"
  run 0 dump d.dmp
  has "\\(truncated\\)"
  only_files d.dmp ;;

# ---- 10: files bcsim did not create ---------------------------------------------------------------
dump_out_device_node)
  mknod_full full
  run 0 run --driver "$blob" --no-unload-check -q --dump d.dmp
  run 4 dump d.dmp --tag "$tag_guid" --out full
  has "cannot write 'full': No space left on device"
  is_char full
  only_files d.dmp full ;;
dump_to_device_node_refused)
  mknod_full full
  run 2 run --driver "$clean" --dump full
  has "refusing to write 'full': it exists and is a character device"; one_line
  is_char full; only_files full ;;
dump_to_fifo_refused)
  mkfifo p
  run 2 run --driver "$clean" --dump p
  has "refusing to write 'p': it exists and is a FIFO"; one_line
  [ -p p ] || fail "the FIFO is gone"
  run 2 run --driver "$clean" --json p
  has "--json: cannot write 'p': it is a FIFO and nothing reads it"; one_line
  [ -p p ] || fail "the FIFO is gone"; only_files p ;;
dump_to_symlink_refused)
  printf 'target' >t; ln -s t l
  run 2 run --driver "$clean" --dump l
  has "refusing to write 'l': it is a symbolic link"; one_line
  [ "$(cat t)" = target ] && [ -L l ] || fail "the link or its target changed" ;;
dump_out_is_input)
  run 0 run --driver "$blob" --no-unload-check -q --dump d.dmp
  sum=$(sha256sum d.dmp)
  run 0 dump d.dmp --tag "$tag_guid" --out block.bin
  [ -s block.bin ] || fail "the block was not written"
  run 2 dump d.dmp --tag "$tag_guid" --out d.dmp
  has "^bcsim dump: --out 'd.dmp' is the dump being read"; one_line
  ln d.dmp hard.dmp
  run 2 dump d.dmp --tag "$tag_guid" --out hard.dmp
  [ "$(sha256sum d.dmp)" = "$sum" ] || fail "the input dump changed" ;;
replaced_dump_mode)
  printf 'old' >d.dmp; chmod 600 d.dmp
  out=$(umask 022; timeout 20 "$bcsim" run --driver "$clean" --no-unload-check -q --dump d.dmp 2>&1) ||
    fail "run failed"
  [ "$(stat -c %a d.dmp)" = 644 ] || fail "replaced dump has mode $(stat -c %a d.dmp), a new file gets 644"
  out=$(umask 077; timeout 20 "$bcsim" run --driver "$clean" --no-unload-check -q --dump n.dmp 2>&1) ||
    fail "run failed"
  [ "$(stat -c %a n.dmp)" = 600 ] || fail "new dump has mode $(stat -c %a n.dmp) under umask 077"
  only_files d.dmp n.dmp ;;

# ---- 11: a FIFO as the dump to read --------------------------------------------------------------
dump_reads_fifo)
  mkfifo p
  for mode in "" --json --enumtag; do
    run 2 dump p $mode
    has "cannot read 'p': not a regular file \\(a FIFO\\)"
  done ;;

# ---- 2: signals to bcsim ------------------------------------------------------------------------------
signal_int|signal_term|signal_hup)
  sig=${case_name#signal_}; sig=${sig^^}
  printf 'old dump' >d.dmp
  env BCSIM_ROBUST_TAG="$tag" "$bcsim" run --driver "$spin" --deadline-ms 20000 --dump d.dmp --json r.json \
    >out.txt 2>&1 &
  pid=$!
  sleep 0.7
  kill -"$sig" "$pid"
  start=$(date +%s%N)
  wait "$pid"; got=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  out=$(cat out.txt); rm -f out.txt
  num=$(kill -l "$sig")
  [ "$got" = $((128 + num)) ] || fail "exit $got, expected $((128 + num))"
  [ "$ms" -lt 3000 ] || fail "bcsim took $ms ms to end after SIG$sig"
  has "bcsim run: interrupted by SIG$sig: every boot was ended, no output was written"
  [ "$(cat d.dmp)" = 'old dump' ] || fail "the existing dump was touched"
  no_process_left; only_files d.dmp ;;
signal_group)
  # the whole process group (a terminal's ^C reaches every process in it)
  printf 'old dump' >d.dmp
  # bcsim leads a session (and so a process group) of its own: its pid is the group's id; the
  # group is checked before it is signalled (never the test's own group)
  setsid bash -c 'echo $$ >leader.pid; exec env BCSIM_ROBUST_TAG="$1" "$2" run --driver "$3" --deadline-ms 20000 --dump d.dmp' \
    _ "$tag" "$bcsim" "$spin" >/dev/null 2>&1 &
  sleep 0.7
  leader=$(cat leader.pid 2>/dev/null); rm -f leader.pid
  [ -n "$leader" ] || fail "bcsim did not start"
  pgid=$(awk '{ sub(/.*\) /, ""); print $3 }' "/proc/$leader/stat" 2>/dev/null)
  [ "$pgid" = "$leader" ] || fail "bcsim ($leader) does not lead its process group ($pgid)"
  kill -TERM -- -"$pgid"
  for _ in $(seq 50); do kill -0 "$leader" 2>/dev/null || break; sleep 0.1; done
  [ "$(cat d.dmp)" = 'old dump' ] || fail "the existing dump was touched"
  no_process_left; only_files d.dmp ;;
signal_kill_during_dump)
  # SIGKILL (nothing can catch it) while a DumpIo callback spins mid-dump: the boot dies with
  # bcsim (parent-death signal) and the half-written dump, an unnamed file, goes with them
  env BCSIM_ROBUST_TAG="$tag" "$bcsim" run --driver "$hdir/hostile_spin_dumpio.so" --no-unload-check \
    --timeout-ms 60000 --deadline-ms 60000 --dump d.dmp >/dev/null 2>&1 &
  pid=$!
  sleep 1
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  no_process_left; only_files ;;
*)
  echo "robust.sh: unknown case $case_name" >&2; exit 2 ;;
esac
exit 0
