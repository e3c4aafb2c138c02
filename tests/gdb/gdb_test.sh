#!/usr/bin/env bash
# tests/gdb/gdb_test.sh CASE — one ctest case of bcsim's gdb extension (gdb/bcsim_gdb.py).
#
# Runs gdb in batch mode on `bcsim run --driver ...` with the -O0 -g3 driver copies built in
# tests/gdb/ and checks what gdb prints. The extension is not sourced: it must auto-load from
# the .debug_gdb_scripts section of the bcsim executable (src/base/gdb_scripts.S).
#
# Environment (set by tests/gdb/CMakeLists.txt):
#   BCSIM_GDB         gdb to use          BCSIM_EXE      the bcsim program
#   BCSIM_DRIVERS     dir of the .so's     BCSIM_PLAIN    gdb_plain_link
#   BCSIM_SOURCE_DIR  bcsim's source tree  BCSIM_OUT      where logs and the transcript go
# Exit status: 0 pass, 1 fail, 77 skip (no gdb, or a gdb without Python).
#
# `gdb_test.sh transcript` also writes $BCSIM_OUT/transcript.txt: the session shown in
# README.md ("Debugging a callback"); the case fails if README's commands differ from it.
set -u

CASE=${1:?usage: gdb_test.sh CASE}
GDB=${BCSIM_GDB:-gdb}
EXE=${BCSIM_EXE:?}
DRV=${BCSIM_DRIVERS:?}
SRC=${BCSIM_SOURCE_DIR:?}
OUT=${BCSIM_OUT:-$(mktemp -d)}
LOG=$OUT/gdb_$CASE.log

skip() { echo "SKIP: $*"; exit 77; }
case $GDB in
    */*) [[ -x $GDB ]] || skip "gdb not found ($GDB)" ;;
    *) command -v "$GDB" >/dev/null 2>&1 || skip "gdb not found" ;;
esac
[[ -x $EXE ]] || { echo "FAIL ($CASE): $EXE is not built"; exit 1; }
"$GDB" -nx -batch -ex 'python print("bcsim-python-" + "ok")' 2>/dev/null | grep -q bcsim-python-ok ||
    skip "$GDB has no Python support"

fail() {
    echo "FAIL ($CASE): $*"
    echo "---- gdb output ($LOG) ----"
    cat "$LOG"
    exit 1
}
expect() { grep -Eq -- "$1" "$LOG" || fail "expected /$1/"; }
expect_not() { ! grep -Eq -- "$1" "$LOG" || fail "did not expect /$1/"; }
line_of() { grep -n -- "$2" "$1" | head -1 | cut -d: -f1; }   # FILE PATTERN -> first line number

SECONDARY=$DRV/gdb_secondary_log.so
LEGACY=$DRV/gdb_legacy_notify.so
PRINTERS=$DRV/gdb_printers_driver.so
FAULT=$DRV/gdb_fault_driver.so
SECONDARY_C=$SRC/examples/drivers/secondary_log.c
PRINTERS_C=$SRC/tests/gdb/printers_driver.c

# run_gdb GDB-ARGS... -- BCSIM-RUN-ARGS...: gdb in batch mode on `bcsim run ...`; output in $LOG.
# gdb runs in a UTF-8 locale (GDB_LOCALE overrides), so its host charset is known.
run_gdb() {
    local args=()
    while [[ $1 != -- ]]; do args+=("$1"); shift; done
    shift
    LC_ALL=${GDB_LOCALE:-C.UTF-8} timeout 100 "$GDB" -nx -batch -iex "add-auto-load-safe-path $(dirname "$EXE")" \
        -iex 'set pagination off' -iex 'set confirm off' \
        "${args[@]}" --args "$EXE" run "$@" >"$LOG" 2>&1 </dev/null
}

# The stops made by break-callback, in order: "LogSecondaryData PrintersTriage ..."
stops() { grep -oE '^Temporary breakpoint [0-9]+, [A-Za-z_0-9]+' "$LOG" | awk '{print $4}' | xargs; }

# Body of a function in a C file: first line "VOID NAME(" to the next "}" in column 1.
function_range() {
    local start end
    start=$(line_of "$1" "^VOID $2(")
    end=$(awk -v s="$start" 'NR > s && /^}/ { print NR; exit }' "$1")
    echo "$start $end"
}

case $CASE in

autoload)
    # 1. loaded from the section when the program is in a safe path
    run_gdb -ex 'info auto-load python-scripts' -ex 'help bcsim' -ex 'info pretty-printer' -- --help
    expect '^Yes +bcsim_gdb\.py'
    expect '^bcsim records +-- '
    expect '^bcsim break-callback +-- '
    expect '^  bcsim$'
    # 2. declined outside the safe path: no commands
    timeout 60 "$GDB" -nx -batch -iex 'set auto-load safe-path /nonexistent' \
        -ex 'bcsim records' "$EXE" >"$LOG" 2>&1 </dev/null
    expect 'auto-loading has been declined'
    expect 'Undefined command: "bcsim"'
    # 3. a program linking libbcsim without --whole-archive carries the script too
    timeout 60 "$GDB" -nx -batch -iex "add-auto-load-safe-path $(dirname "$BCSIM_PLAIN")" \
        -ex 'info auto-load python-scripts' -ex run -ex 'bcsim records' "$BCSIM_PLAIN" \
        >"$LOG" 2>&1 </dev/null
    expect '^Yes +bcsim_gdb\.py'
    expect 'bcsim: the program is not running'
    ;;

break_callback)
    # Triage runs first, legacy callbacks last (dispatcher-model 6); no dump needed.
    run_gdb -ex 'bcsim break-callback KbCallbackTriageDumpData' -ex run \
        -ex 'bcsim break-callback legacy' -ex 'bcsim break-callback --list' -ex continue \
        -ex 'bcsim break-callback no_such_component' -ex continue \
        -- --driver "$SECONDARY" --driver "$PRINTERS" --dump-type none --no-unload-check
    got=$(stops)
    [[ $got == "PrintersTriage PrintersLegacy" ]] || fail "stops were '$got'"
    expect '^bcsim: will stop in the next KbCallbackTriageDumpData callback$'
    expect '^bcsim: callback #[0-9]+ KbCallbackTriageDumpData \(TriageDumpData\), component printers, record 0x[0-9a-f]+: stopping in PrintersTriage$'
    expect '^[0-9]+: next BugCheckCallback callback, 0 hits$'
    expect '^bcsim: callback #[0-9]+ BugCheckCallback \(BugCheckCallback\), component printers'
    expect '^Temporary breakpoint [0-9]+, PrintersLegacy \(Buffer=0x[0-9a-f]+ <PrintersLegacyContext>, Length=4\) at .*printers_driver\.c:[0-9]+$'
    expect '^\[Inferior 1 \(process [0-9]+\) exited'
    # By component, then by reason: the secondary-data size requests (the dump phase).
    run_gdb -ex 'bcsim break-callback secondary_log' -ex run \
        -ex 'bcsim break-callback SecondaryDumpData' -ex continue \
        -- --driver "$SECONDARY" --driver "$PRINTERS" --no-unload-check
    got=$(stops)
    [[ $got == "LogSecondaryData builtin_callback" ]] || fail "stops were '$got'"
    expect '^bcsim: callback #[0-9]+ KbCallbackSecondaryDumpData \(SecondaryDumpData\(size\)\), component secondary_log'
    expect '^bcsim: callback #[0-9]+ KbCallbackSecondaryDumpData \(SecondaryDumpData\(size\)\), component bcsim'
    # the stop is in the driver's function, after its prologue (arguments readable)
    read -r s e < <(function_range "$SECONDARY_C" LogSecondaryData)
    line=$(grep -oE 'LogSecondaryData \(Reason=KbCallbackSecondaryDumpData, Record=0x[0-9a-f]+ <LogRecord>, .*secondary_log\.c:[0-9]+$' "$LOG" |
           head -1 | grep -oE '[0-9]+$')
    [[ -n $line && $line -gt $s && $line -lt $e ]] || fail "stop line '$line' not inside LogSecondaryData ($s-$e)"
    ;;

backtrace)
    run_gdb -ex 'bcsim break-callback secondary_log' -ex run -ex bt \
        -- --driver "$SECONDARY" --no-unload-check
    expect '^#0  LogSecondaryData \(Reason=KbCallbackSecondaryDumpData, .*examples/drivers/secondary_log\.c:[0-9]+$'
    expect_not 'Backtrace stopped'
    # driver frame, then the trampoline, the guarded call, the dispatcher, ..., main
    order=$(grep -E '^#[0-9]+ ' "$LOG" |
            grep -oE '(LogSecondaryData|bcsim(__|\.)call_on_stack|bcsim__guarded_call|bcsim__invoke|bcsim_sim_bugcheck|main) \(' |
            awk '{print $1}' | sed 's/^bcsim\.call_on_stack$/bcsim__call_on_stack/' | uniq | xargs)
    [[ $order == "LogSecondaryData bcsim__call_on_stack bcsim__guarded_call bcsim__invoke bcsim_sim_bugcheck main" ]] ||
        fail "frame order was '$order'"
    ;;

next)
    run_gdb -ex 'bcsim break-callback secondary_log' -ex run -ex next -ex next -ex next -ex frame \
        -- --driver "$SECONDARY" --no-unload-check
    read -r s e < <(function_range "$SECONDARY_C" LogSecondaryData)
    mapfile -t shown < <(grep -E $'^[0-9]+\t' "$LOG")
    ((${#shown[@]} >= 5)) || fail "expected the stop line, three lines from next, one from frame"
    prev=0
    for l in "${shown[@]:0:4}"; do
        n=${l%%$'\t'*}
        ((n > prev && n > s && n < e)) || fail "line $n is not a later line of LogSecondaryData ($s-$e)"
        [[ ${l#*$'\t'} == "$(sed -n "${n}p" "$SECONDARY_C")" ]] || fail "line $n does not show the source"
        prev=$n
    done
    expect '^#0  LogSecondaryData \('
    ;;

printers)
    guid_line=$(line_of "$SECONDARY_C" 'data->Guid = GUID_SECONDARY_LOG;')
    run_gdb -ex 'bcsim break-callback secondary_log' -ex run -ex 'p *Record' \
        -ex "advance $((guid_line + 1))" \
        -ex 'p *(PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData' -ex 'p data->Guid' \
        -ex 'p *(bcsim__rrec_t *)Record' -ex 'p Record->Entry' -ex 'p *bcsim__m.lists.reason' \
        -- --driver "$SECONDARY" --no-unload-check
    expect '^\$1 = \{Entry = \{Flink = 0x[0-9a-f]+ <bcsim KbCallbackSecondaryDumpData record>, Blink = 0x[0-9a-f]+ <reason list head>\}, CallbackRoutine = 0x[0-9a-f]+ <LogSecondaryData>, Component = 0x[0-9a-f]+ "secondary_log", Checksum = 0x[0-9a-f]+ \(valid\), Reason = KbCallbackSecondaryDumpData \(2\), State = BufferInserted \(1\)\}$'
    expect '^\$2 = \{InBuffer = 0x[0-9a-f]+, InBufferLength = [0-9]+, MaximumAllowed = [0-9]+, Guid = \{5ec0da7a-1095-4d2e-9b4e-3d3f3d6c6f67\}, OutBuffer = 0x0, OutBufferLength = 0\}$'
    expect '^\$3 = \{5ec0da7a-1095-4d2e-9b4e-3d3f3d6c6f67\}$'
    expect '^\$4 = \{entry = \{flink = 0x[0-9a-f]+ <bcsim KbCallbackSecondaryDumpData record>, .*component = 0x[0-9a-f]+ "secondary_log", checksum = 0x[0-9a-f]+ \(valid\), reason = KbCallbackSecondaryDumpData \(2\), state = BufferInserted \(1\)\}$'
    expect '^\$5 = \{Flink = 0x[0-9a-f]+ <bcsim KbCallbackSecondaryDumpData record>, Blink = 0x[0-9a-f]+ <reason list head>\}$'
    expect '^\$6 = reason callback list head, 2 records = \{flink = 0x[0-9a-f]+ <secondary_log KbCallbackSecondaryDumpData record>, blink = 0x[0-9a-f]+ <bcsim KbCallbackSecondaryDumpData record>, \[0\] = \{Entry = .*<LogSecondaryData>.*\[1\] = \{.*"bcsim".*\}\}$'

    # the other structures, strings, GUIDs and IRQLs (tests/gdb/printers_driver.c)
    pages_line=$(line_of "$PRINTERS_C" 'pages->Count = 1;')
    run_gdb -ex 'bcsim break-callback TriageDumpData' -ex run \
        -ex 'p *(PKBUGCHECK_TRIAGE_DUMP_DATA)ReasonSpecificData' \
        -ex 'p PrintersName' -ex 'p PrintersLone' -ex 'p GUID_PRINTERS' -ex 'p (KIRQL)2' \
        -ex 'p PrintersLegacyRecord' -ex 'p PrintersTamperedRecord' -ex 'p *bcsim__m.lists.legacy' \
        -ex 'bcsim break-callback AddPages' -ex continue -ex "advance $((pages_line + 1))" \
        -ex 'p *pages' -ex 'p PrintersIrql' \
        -ex 'bcsim break-callback DumpIo' -ex continue -ex 'p *(PKBUGCHECK_DUMP_IO)ReasonSpecificData' \
        -ex 'p *(bcsim__dumpio_t *)ReasonSpecificData' -ex 'p *PrintersTriageArray' -ex 'bcsim dumpio' \
        -- --driver "$PRINTERS" --no-unload-check
    expect '^\$1 = \{DataArray = 0x0, Flags = 0x1 \(KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE\), MaxVirtMemSize = [0-9]+, BugCheckCode = 0xe2 \(MANUALLY_INITIATED_CRASH\), BugCheckParameter1 = 0, BugCheckParameter2 = 0, BugCheckParameter3 = 0, BugCheckParameter4 = 0\}$'
    expect '^\$2 = \{Length = 30, MaximumLength = 32, Buffer = 0x[0-9a-f]+ L"café 😀 \\\\Device"\}$'
    expect '^\$3 = \{Length = 6, MaximumLength = 8, Buffer = 0x[0-9a-f]+ L"a\\x\{d800\}b"\}$'
    expect '^\$4 = \{0b5c5d3e-7a1f-4c2d-9e8b-112233445566\}$'
    expect '^\$5 = DISPATCH_LEVEL \(2\)$'
    expect '^\$6 = \{Entry = \{Flink = 0x[0-9a-f]+ <legacy list head>, Blink = 0x[0-9a-f]+ <legacy list head>\}, CallbackRoutine = 0x[0-9a-f]+ <PrintersLegacy>, Buffer = 0x[0-9a-f]+ <PrintersLegacyContext>, Length = 4, Component = 0x[0-9a-f]+ "printers", Checksum = 0x[0-9a-f]+ \(valid\), State = BufferInserted \(1\)\}$'
    expect '^\$7 = \{Entry = .*, CallbackRoutine = 0x[0-9a-f]+ <PrintersTriage>, Component = 0x[0-9a-f]+ "tampered", Checksum = 0x[0-9a-f]+ \(INVALID: the fields sum to 0x[0-9a-f]+\), Reason = KbCallbackTriageDumpData \(7\), State = BufferInserted \(1\)\}$'
    expect '^\$8 = legacy callback list head, 1 record = \{flink = 0x[0-9a-f]+ <printers legacy record>, blink = 0x[0-9a-f]+ <printers legacy record>, \[0\] = \{Entry = .*<PrintersLegacy>.*\}\}$'
    expect '^\$9 = \{Context = 0x[0-9a-f]+ <PrintersPage>, Flags = 0x1 \(KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS\), BugCheckCode = 0xe2 \(MANUALLY_INITIATED_CRASH\), Address = 0x[0-9a-f]+, Count = 1\}$'
    expect '^\$10 = HIGH_LEVEL \(15\)$'
    expect '^\$11 = \{Offset = 0x[0-9a-f]+( \(-1: sequential\))?, Buffer = 0x[0-9a-f]+, BufferLength = [0-9]+, Type = KbDumpIo[A-Za-z]+\}$'
    expect '^\$12 = \{offset = 0x[0-9a-f]+( \(-1: sequential\))?, buffer = 0x[0-9a-f]+, buffer_length = [0-9]+, type = KbDumpIo[A-Za-z]+ \([0-9]\)\}$'
    expect '^bug check 0xe2 \(MANUALLY_INITIATED_CRASH\) \(running\): 1 DumpIo write, 8192 bytes$'
    expect '^0 +KbDumpIoHeader +offset 0x0 +8192 bytes  hash [0-9a-f]{16}$'
    expect '^\$13 = \{List = \{Flink = 0x0, Blink = 0x0\}, NumBlocksUsed = 2, NumBlocksTotal = 4, DataSize = 0, MaxDataSize = 0, ComponentNameBufferLength = 0, ComponentName = 0x[0-9a-f]+ "printers", Blocks = \{\{Address = 0x[0-9a-f]+ <PrintersCalls>, Size = 4\}, \{Address = 0x[0-9a-f]+ <PrintersPage>, Size = 4096\}\}\}$'

    # In the C locale gdb's host charset is ASCII: what it lacks is escaped, not an exception.
    GDB_LOCALE=C run_gdb -ex 'bcsim break-callback TriageDumpData' -ex run -ex 'p PrintersName' \
        -- --driver "$PRINTERS" --dump-type none --no-unload-check
    expect '^\$1 = \{Length = 30, MaximumLength = 32, Buffer = 0x[0-9a-f]+ L"caf\\u00e9 \\U0001f600 \\\\Device"\}$'

    # KBUGCHECK_SECONDARY_DUMP_DATA_EX: the second multi-part call sees the Flags it returned
    run_gdb -ex 'bcsim break-callback --all SecondaryMultiPartDumpData' -ex run -ex continue \
        -ex 'p *(PKBUGCHECK_SECONDARY_DUMP_DATA_EX)ReasonSpecificData' -ex 'bcsim break-callback --delete' \
        -- --driver "$DRV/gdb_multipart_blob.so" --no-unload-check
    expect '^bcsim: will stop in every KbCallbackSecondaryMultiPartDumpData callback$'
    expect '^\$1 = \{InBuffer = 0x[0-9a-f]+, InBufferLength = [0-9]+, MaximumAllowed = [0-9]+, Guid = \{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}, OutBuffer = 0x[0-9a-f]+, OutBufferLength = [0-9]+, Context = 0x[0-9a-f]+, Flags = 0x[0-9a-f]+ \(KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA[^)]*\), DumpType = 5 \(DUMP_TYPE_BITMAP_FULL\), BugCheckCode = 0xe2 \(MANUALLY_INITIATED_CRASH\), BugCheckParameter1 = 0, BugCheckParameter2 = 0, BugCheckParameter3 = 0, BugCheckParameter4 = 0\}$'
    expect '^bcsim: 0 break-callback requests left$'
    ;;

records)
    # Last, the reason list head is corrupted three ways: the walk must stop with a note.
    run_gdb -ex 'bcsim break-callback TriageDumpData' -ex run -ex 'bcsim records' \
        -ex 'p bcsim_records_count(0)' -ex 'p bcsim_records_count(1)' -ex 'p bcsim_records_count(2)' \
        -ex 'set var bcsim__m.lists.reason->flink = (bcsim__list_t *)0x1000' -ex 'bcsim records' \
        -ex 'p *bcsim__m.lists.reason' \
        -ex 'set var bcsim__m.lists.reason->flink = (bcsim__list_t *)((char *)bcsim__m.lists.legacy + 1)' \
        -ex 'bcsim records' \
        -ex 'set var bcsim__m.lists.reason->flink = bcsim__m.lists.legacy' -ex 'bcsim records' \
        -- --driver "$SECONDARY" --driver "$LEGACY" --driver "$PRINTERS" --dump-type none --no-unload-check
    # kind reason component routine state checksum, whatever the addresses and order
    got=$(awk '/^[0-9]+ records?$/ { exit } /^  [0-9]+ +0x/ { print $3, $4, $5, $6, $7, ($8 == "valid" ? "valid" : "INVALID") }' "$LOG" | sort)
    want=$(sort <<'EOF'
legacy BugCheckCallback legacy_notify NotifyBugCheck BufferInserted valid
legacy BugCheckCallback printers PrintersLegacy BufferInserted valid
reason KbCallbackSecondaryDumpData secondary_log LogSecondaryData BufferInserted valid
reason KbCallbackSecondaryDumpData bcsim builtin_callback BufferInserted valid
reason KbCallbackTriageDumpData printers PrintersTriage BufferInserted valid
reason KbCallbackDumpIo printers PrintersDumpIo BufferInserted valid
reason KbCallbackTriageDumpData tampered PrintersTriage BufferInserted INVALID
reason KbCallbackAddPages printers PrintersPages BufferInserted valid
EOF
)
    [[ $got == "$want" ]] || fail "records were:
$got
expected:
$want"
    expect '^legacy list \(head 0x[0-9a-f]+\): 2 records$'
    expect '^reason list \(head 0x[0-9a-f]+\): 5 records$'
    expect '^pages list \(head 0x[0-9a-f]+\): 1 record$'
    expect '^8 records$'
    # bcsim's own iterator (an inferior call, in this test only) counts the same. Some
    # kernel/gdb pairs cannot make inferior calls at all (gdb 13 on kernels whose xsave area
    # it cannot write: "Couldn't write extended state status"); there only the walk is checked.
    if grep -q "Couldn't write extended state" "$LOG"; then
        echo "note: this gdb cannot make inferior calls here; bcsim_records_count() not checked"
    else
        expect '^\$1 = 2$'
        expect '^\$2 = 5$'
        expect '^\$3 = 1$'
    fi
    # corrupted lists
    expect '^  walk stopped: list reaches an unreadable record at 0x1000$'
    expect '^\$[0-9]+ = reason callback list head, 0 records \(walk stopped: list reaches an unreadable record at 0x1000\) = \{flink = 0x1000, blink = 0x[0-9a-f]+( <[^>]*>)?\}$'
    expect '^  walk stopped: misaligned list entry at 0x[0-9a-f]+$'
    expect '^  walk stopped: list entry 0x[0-9a-f]+: Blink 0x[0-9a-f]+ does not point at its predecessor 0x[0-9a-f]+$'
    expect '^3 records$'
    ;;

violations)
    run_gdb -ex 'bcsim violations' -ex 'bcsim break-callback legacy' -ex run -ex 'bcsim violations' \
        -ex 'bcsim calls' -ex continue \
        -- --driver "$PRINTERS" --dump-type none --no-unload-check
    expect 'bcsim: the program is not running'
    expect '^1 finding$'
    # the finding names where the modified record was registered
    expect '^0 +violation +[^ ]*printers_driver\.c:[0-9]+: RECORD_MODIFIED: .*: reason record 0x[0-9a-f]+: stored checksum 0x[0-9a-f]+, fields sum to 0x[0-9a-f]+ \[-, KbCallbackTriageDumpData\]$'
    expect '^  #0 +TriageDumpData +printers +PrintersTriage +BufferInserted -> Buffer[A-Za-z]+$'
    expect '^\* #1 +BugCheckCallback +printers +PrintersLegacy +BufferInserted -> \.\.\. +\(running\)$'
    # bcsim's own report at the end agrees
    expect '^  [^ ]*printers_driver\.c:[0-9]+: RECORD_MODIFIED: '
    ;;

ports)
    port_line=$(line_of "$SRC/examples/drivers/legacy_notify.c" 'WRITE_PORT_UCHAR(port')
    run_gdb -ex 'bcsim break-callback legacy_notify' -ex run -ex 'bcsim ports' \
        -ex "advance $((port_line + 1))" -ex 'bcsim ports' -ex 'bcsim bugcheck' -ex 'bcsim dumpio' \
        -ex 'break bcsim_sim_destroy' -ex continue -ex 'bcsim ports' -ex 'bcsim bugcheck' \
        -- --driver "$LEGACY" --bugcheck 0xE2,1,2,3,4 --dump-type none --no-unload-check
    expect '^bug check 0xe2 \(MANUALLY_INITIATED_CRASH\) \(running\): 0 accesses$'
    expect '^0 +write +port +0x505 +<- 0xe2  at HIGH_LEVEL, call #[0-9]+ NotifyBugCheck$'
    expect '^code: +0xe2 \(MANUALLY_INITIATED_CRASH\)$'
    expect '^parameters: +0x1, 0x2, 0x3, 0x4$'
    expect '^phase: +BugCheckCallback \(13\)$'
    expect '^callback: +#[0-9]+ BugCheckCallback legacy_notify NotifyBugCheck \(record 0x[0-9a-f]+\)$'
    expect '^IRQL: +HIGH_LEVEL \(15\)$'
    expect '^bug check 0xe2 \(MANUALLY_INITIATED_CRASH\) \(running\): 0 DumpIo writes, 0 bytes$'
    # after the bug check: the last one's logs
    expect '^bug check 0xe2 \(MANUALLY_INITIATED_CRASH\) \(finished; the machine is halted\): 1 access$'
    expect '^calls: +[0-9]+$'
    ;;

fault)
    fault_line=$(line_of "$SRC/tests/gdb/fault_driver.c" 'FAULT_LINE \*/')
    for extra in "" --no-contain; do
        run_gdb -ex run -ex bt -ex 'bcsim bugcheck' \
            -- --driver "$FAULT" --dump-type none --no-unload-check $extra
        expect 'Program received signal SIGSEGV'
        expect '^bcsim: SIGSEGV in callback #0 KbCallbackTriageDumpData FaultTriage \(component fault_driver\)'
        expect "^#0  0x[0-9a-f]+ in FaultTriage \\(.*fault_driver\\.c:$fault_line\$"
        expect "^$fault_line"$'\t'".*FAULT_LINE"
        expect '^#[0-9]+ .* in bcsim__invoke \('
        expect '^callback: +#0 KbCallbackTriageDumpData fault_driver FaultTriage'
    done
    # Without a debugger the same fault is contained and reported.
    timeout 60 "$EXE" run --driver "$FAULT" --dump-type none --no-unload-check >"$LOG" 2>&1
    rc=$?
    [[ $rc == 1 ]] || fail "bcsim run exited $rc, expected 1 (a contained fault)"
    expect ": NULL_POINTER_DEREFERENCE: .* in KbCallbackTriageDumpData callback FaultTriage "
    ;;

transcript)
    # The README session (README.md, "Debugging a callback"). Each command is echoed after a
    # "(gdb) " prompt so the log reads like the interactive session.
    guid_line=$(line_of "$SECONDARY_C" 'data->Guid = GUID_SECONDARY_LOG;')
    cmds=(
        "bcsim break-callback secondary_log"
        "run"
        "bt"
        "next"
        "next"
        "p *Record"
        "advance $((guid_line + 1))"
        "p *(PKBUGCHECK_SECONDARY_DUMP_DATA)ReasonSpecificData"
        "bcsim records"
        "bcsim bugcheck"
        "continue"
    )
    script=$OUT/transcript.gdb
    : >"$script"
    for c in "${cmds[@]}"; do
        printf 'echo (gdb) %s\\n\n%s\n' "$c" "$c" >>"$script"
    done
    run_gdb -x "$script" -- --driver "$SECONDARY" --no-unload-check
    transcript=$OUT/transcript.txt
    {
        echo "\$ gdb -q -iex 'add-auto-load-safe-path build/debug' \\"
        echo "      --args build/debug/sim/bcsim run --driver build/debug/examples/secondary_log.so --no-unload-check"
        grep -vE '^\[Thread debugging using libthread_db enabled\]$|^Using host libthread_db library' "$LOG" |
            sed -e "s|$SRC/||g" -e 's|\(\[Inferior 1 (process \)[0-9]*|\1NNNN|'
    } >"$transcript"
    grep -q '^#0  LogSecondaryData (' "$transcript" || { LOG=$transcript; fail "the session did not stop in LogSecondaryData"; }
    # README shows this session: same commands, same order.
    readme_cmds=$(awk '/<!-- gdb-transcript:begin -->/ {on = 1; next} /<!-- gdb-transcript:end -->/ {on = 0} on && /^\(gdb\) / {sub(/^\(gdb\) /, ""); print}' "$SRC/README.md")
    [[ -n $readme_cmds ]] || { LOG=$transcript; fail "README.md has no gdb-transcript block"; }
    want_cmds=$(grep '^(gdb) ' "$transcript" | sed 's/^(gdb) //' | sed -E 's/^advance [0-9]+$/advance N/')
    readme_cmds=$(sed -E 's/^advance [0-9]+$/advance N/' <<<"$readme_cmds")
    [[ $readme_cmds == "$want_cmds" ]] || {
        LOG=$transcript
        fail "README.md's transcript runs other commands; paste $transcript into it"
    }
    echo "transcript: $transcript"
    ;;

*)
    echo "unknown case $CASE" >&2
    exit 2
    ;;
esac
echo "PASS ($CASE)"
exit 0
