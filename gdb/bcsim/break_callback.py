# gdb/bcsim/break_callback.py -- bcsim's gdb extension, part: bcsim break-callback: stop in the driver routine of the next matching callback.
# The parts run in order in one namespace (gdb/bcsim_gdb.py; embedded by src/base/gdb_scripts.S).

import gdb

# ---- break-callback -----------------------------------------------------------------------

def _bcsim_parse_reason(text):
    """-1 for legacy, 0..9 for a reason name (with or without KbCallback) or number, else None."""
    t = text.strip().lower()
    if t in ("legacy", "bugcheckcallback"):
        return -1
    if t.startswith("kbcallback"):
        t = t[len("kbcallback"):]
    for value, name in _BCSIM_REASONS.items():
        if value >= 0 and name[len("KbCallback"):].lower() == t:
            return value
    try:
        v = int(text, 0)
    except ValueError:
        return None
    return v if 0 <= v <= 9 else None


class _BcsimCallbackRequest(object):
    counter = 0

    def __init__(self, text, keep):
        _BcsimCallbackRequest.counter += 1
        self.number = _BcsimCallbackRequest.counter
        self.text = text
        self.keep = keep
        self.reason = _bcsim_parse_reason(text) if text else None
        self.hits = 0

    def matches(self, reason, component):
        if not self.text:
            return True
        return (self.reason is not None and reason == self.reason) or component == self.text

    def what(self):
        if not self.text:
            return "callback"
        if self.reason is not None:
            return "%s callback" % _bcsim_reason_name(self.reason)
        return "callback of component %s" % self.text

    def describe(self):
        return "%d: %s %s, %d hit%s" % (self.number, "every" if self.keep else "next",
                                        self.what(), self.hits, "" if self.hits == 1 else "s")


def _bcsim_after_prologue(addr):
    """Where `break FUNCTION` would stop in the function that starts at addr, by gdb's own
    rule for gcc code on x86-64 (amd64_skip_prologue, skip_prologue_sal): a function that
    sets up a frame pointer (endbr64? push %rbp; mov %rsp,%rbp) is entered at the next
    line-table entry, where its arguments are in their homes; a frameless (optimised) one at
    its first instruction, where its location lists are valid. addr itself for code without
    line info."""
    code = _bcsim_read(addr, 8)
    if code is None:
        return addr
    off = 4 if code[:4] == b"\xf3\x0f\x1e\xfa" else 0
    if code[off] != 0x55 or code[off + 1:off + 4] not in (b"\x48\x89\xe5", b"\x48\x8b\xec"):
        return addr
    try:
        block = gdb.block_for_pc(addr)
    except RuntimeError:
        return addr
    while block is not None and block.function is None:
        block = block.superblock
    if block is None or block.start != addr:
        return addr
    sal = gdb.find_pc_line(addr)
    if sal.symtab is None:
        return addr
    try:
        table = sal.symtab.linetable()
    except (gdb.error, RuntimeError):
        return addr
    best = None
    for e in table:
        if e.line and addr < e.pc < block.end and (best is None or e.pc < best):
            best = e.pc
    return best if best is not None else addr


class _BcsimHook(gdb.Breakpoint):
    """Internal breakpoint on bcsim__gdb_callback_hook (src/dispatcher/dispatch.c), called right before
    every callback. It never stops by itself: on a match it plants a temporary breakpoint
    in the driver's routine, so the stop is in the driver's own function."""

    def __init__(self):
        super(_BcsimHook, self).__init__("bcsim__gdb_callback_hook", gdb.BP_BREAKPOINT,
                                         internal=True)
        self.silent = True

    def _args(self):
        frame = gdb.newest_frame()
        try:
            out = {}
            for n in ("record", "reason", "component", "routine", "phase", "seq"):
                v = frame.read_var(n)
                if v.is_optimized_out:
                    raise ValueError(n)
                out[n] = v
            return (_bcsim_uint(out["record"]), _bcsim_s32(int(out["reason"])),
                    _bcsim_value_cstr(out["component"], 64) or "?", _bcsim_uint(out["routine"]),
                    int(out["phase"]), int(out["seq"]))
        except (gdb.error, ValueError, RuntimeError):
            # x86-64 System V: the hook's arguments are in these registers at its entry.
            regs = [_bcsim_uint(frame.read_register(r)) for r in
                    ("rdi", "rsi", "rdx", "rcx", "r8", "r9")]
            return (regs[0], _bcsim_s32(regs[1]), _bcsim_cstr(regs[2], 64) or "?", regs[3],
                    regs[4] & 0xFFFFFFFF, regs[5] & 0xFFFFFFFF)

    def stop(self):
        if not _bcsim_requests:
            return False
        try:
            record, reason, component, routine, phase, seq = self._args()
        except (gdb.error, RuntimeError) as e:
            gdb.write("bcsim: cannot read the callback hook's arguments: %s\n" % e)
            return False
        for req in list(_bcsim_requests):
            if not req.matches(reason, component):
                continue
            req.hits += 1
            if not req.keep:
                _bcsim_requests.remove(req)
            where = _bcsim_after_prologue(routine)
            gdb.write("bcsim: callback #%d %s (%s), component %s, record %#x: stopping in %s\n" % (
                seq, _bcsim_reason_name(reason), _bcsim_phase_name(phase), component, record,
                _bcsim_symbol(routine)))
            _BcsimRoutineBreakpoint(where)
            break
        return False


class _BcsimRoutineBreakpoint(gdb.Breakpoint):
    def __init__(self, addr):
        super(_BcsimRoutineBreakpoint, self).__init__("*%#x" % addr, gdb.BP_BREAKPOINT,
                                                      temporary=True)


_bcsim_requests = []
_bcsim_hook = [None]


class BcsimBreakCallbackCommand(gdb.Command):
    """Stop at the next invocation of a bug-check callback, inside the driver's function.

Usage: bcsim break-callback [--all] [COMPONENT | REASON]
       bcsim break-callback --list
       bcsim break-callback --delete [N]

COMPONENT is a record's Component string ("secondary_log"); REASON is a reason name with
or without the KbCallback prefix ("SecondaryDumpData", "KbCallbackDumpIo"), a number 0-9,
or "legacy" for KeRegisterBugCheckCallback records. No argument: any callback.
Like tbreak, a request is used up by its first stop; with --all it stops every time.
Works before `run` too: the stop comes when bcsim invokes the callback.

bcsim runs the callback on its simulated kernel stack; `bt` continues past the trampoline
into bcsim's dispatcher (bcsim__invoke). Containment is off under gdb, so a fault in the
callback stops at the faulting line."""

    def __init__(self):
        super(BcsimBreakCallbackCommand, self).__init__("bcsim break-callback",
                                                        gdb.COMMAND_BREAKPOINTS)

    def invoke(self, arg, from_tty):
        argv = gdb.string_to_argv(arg)
        keep = False
        if "--list" in argv:
            if not _bcsim_requests:
                gdb.write("no bcsim break-callback requests\n")
            for r in _bcsim_requests:
                gdb.write("%s\n" % r.describe())
            return
        if argv and argv[0] == "--delete":
            nums = [int(a) for a in argv[1:]]
            _bcsim_requests[:] = [r for r in _bcsim_requests if nums and r.number not in nums]
            gdb.write("bcsim: %d break-callback request%s left\n" % (
                len(_bcsim_requests), "" if len(_bcsim_requests) == 1 else "s"))
            return
        if argv and argv[0] == "--all":
            keep = True
            argv = argv[1:]
        if len(argv) > 1:
            raise gdb.GdbError("usage: bcsim break-callback [--all] [COMPONENT | REASON]")
        req = _BcsimCallbackRequest(argv[0] if argv else "", keep)
        hook = _bcsim_hook[0]
        if hook is None or not hook.is_valid():
            try:
                _bcsim_hook[0] = _BcsimHook()
            except (gdb.error, RuntimeError) as e:
                raise gdb.GdbError("bcsim: cannot break on bcsim__gdb_callback_hook (%s); is "
                                   "this a program linked with libbcsim?" % e)
        _bcsim_requests.append(req)
        gdb.write("bcsim: will stop in %s %s\n" % ("every" if keep else "the next", req.what()))
