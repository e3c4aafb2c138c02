# gdb/bcsim/commands.py -- bcsim's gdb extension, part: the bcsim commands: records, bugcheck, calls, violations, ports, dumpio.
# The parts run in order in one namespace (gdb/bcsim_gdb.py; embedded by src/base/gdb_scripts.S).

import gdb

# ---- commands -----------------------------------------------------------------------------

class BcsimCommand(gdb.Command):
    """Inspect bcsim's simulated machine and stop in bug-check callbacks.

The extension also pretty-prints the WDK bug-check types (`info pretty-printer`: bcsim).
README.md, "Debugging a callback", shows a session."""

    def __init__(self):
        super(BcsimCommand, self).__init__("bcsim", gdb.COMMAND_USER, gdb.COMPLETE_COMMAND,
                                           prefix=True)


class _BcsimRun(object):
    """The running bug check (bcsim__run), or the last finished one ('bugcheck.c'::results)."""

    def __init__(self):
        self.run = _bcsim_global("bcsim__run")
        self.active = bool(self.run is not None and int(self.run["active"]))
        self.result = None
        if not self.active:
            vec = _bcsim_global("'bugcheck.c'::results")
            results = _bcsim_vec(vec) if vec is not None else []
            if results:
                r = results[-1]
                if int(r):
                    self.result = r.dereference()

    def _from_result(self, array, count):
        try:
            n = int(self.result[count])
            p = self.result[array]
            return [p[i] for i in range(min(n, 1 << 20))] if int(p) else []
        except gdb.error:
            return []

    @property
    def code(self):
        if self.active:
            return int(self.run["code"]) & 0xFFFFFFFF
        return int(self.result["code"]) & 0xFFFFFFFF if self.result is not None else None

    @property
    def params(self):
        src = self.run if self.active else self.result
        return [_bcsim_uint(src["params"][i]) for i in range(4)]

    def calls(self):
        if self.active:
            return _bcsim_vec(self.run["calls"])
        return self._from_result("calls", "call_count") if self.result is not None else []

    def writes(self):
        if self.active:
            return _bcsim_vec(self.run["writes"])
        return self._from_result("writes", "write_count") if self.result is not None else []

    def ports(self):
        if self.active:
            return _bcsim_vec(self.run["ports"])
        return self._from_result("ports", "port_count") if self.result is not None else []

    def header(self):
        if self.active:
            return "bug check %s (running)" % _bcsim_code_text(self.code)
        if self.result is not None:
            return "bug check %s (finished; the machine is halted)" % _bcsim_code_text(self.code)
        return None


def _bcsim_call_line(c, running=False):
    seq = int(c["seq"])
    reason = _bcsim_s32(int(c["reason"]))
    comp = _bcsim_value_cstr(c["component"], 64) or "?"
    routine = _bcsim_value_cstr(c["routine"], 128) or "?"
    return "#%-3d %-34s %-16s %-28s %s -> %s" % (
        seq, _bcsim_phase_name(int(c["phase"])), comp, routine,
        _bcsim_state_name(int(c["state_before"]) & 0xFF),
        "..." if running else _bcsim_state_name(int(c["state_after"]) & 0xFF))


class BcsimRecordsCommand(gdb.Command):
    """List bcsim's callback lists (legacy, reason, AddPages/RemovePages) in call order.

Usage: bcsim records
For each record: its address, kind, reason, component, routine (symbol), State and
whether its Checksum still matches its fields (a record modified after registration is
skipped by the dispatcher). Lists are walked with the dispatcher's structural checks: a
corrupted list ends with a note instead of a crash. Print one with
  p *(PKBUGCHECK_REASON_CALLBACK_RECORD)ADDRESS"""

    def __init__(self):
        super(BcsimRecordsCommand, self).__init__("bcsim records", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        _bcsim_machine()
        total = 0
        for name, legacy, head in _bcsim_list_heads():
            recs, problem = _bcsim_walk(head, legacy)
            total += len(recs)
            gdb.write("%s list (head %#x): %d record%s\n" % (name, head, len(recs),
                                                          "" if len(recs) == 1 else "s"))
            if recs:
                gdb.write("  %-3s %-18s %-6s %-36s %-16s %-28s %-16s %s\n" % (
                    "#", "record", "kind", "reason", "component", "routine", "state",
                    "checksum"))
            for i, r in enumerate(recs):
                routine = _bcsim_symbol(r.routine)
                gdb.write("  %-3d %-18s %-6s %-36s %-16s %-28s %-16s %s\n" % (
                    i, "%#x" % r.addr, "legacy" if legacy else "reason",
                    _bcsim_reason_name(r.reason), r.component, routine,
                    _bcsim_state_name(r.state), "valid" if r.checksum_valid else
                    "INVALID (%#x, fields sum to %#x)" % (r.checksum, r.expected)))
            if problem:
                gdb.write("  walk stopped: %s\n" % problem)
        gdb.write("%d record%s\n" % (total, "" if total == 1 else "s"))


class BcsimBugcheckCommand(gdb.Command):
    """Show the running bug check: code, parameters, phase, running callback, IRQL.

Usage: bcsim bugcheck"""

    def __init__(self):
        super(BcsimBugcheckCommand, self).__init__("bcsim bugcheck", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        m = _bcsim_machine()
        run = _BcsimRun()
        irql = int(m["irql"]) & 0xFF
        if run.code is None:
            gdb.write("no bug check has run yet\n")
            gdb.write("IRQL:             %s (%d)\n" % (_bcsim_irql_name(irql), irql))
            return
        gdb.write("%s\n" % run.header())
        gdb.write("code:             %s\n" % _bcsim_code_text(run.code))
        gdb.write("parameters:       %s\n" % ", ".join("%#x" % p for p in run.params))
        if run.active:
            r = run.run
            phase = int(r["phase"])
            gdb.write("phase:            %s (%d)\n" % (_bcsim_phase_name(phase), phase))
            if int(r["nested"]):
                gdb.write("nested bug check: %s (%s)\n" % (
                    _bcsim_code_text(int(r["nested_code"]) & 0xFFFFFFFF),
                    ", ".join("%#x" % _bcsim_uint(r["nested_params"][i]) for i in range(4))))
            calls = run.calls()
            cur = _bcsim_s32(int(m["current_call"]))
            if 0 <= cur < len(calls):
                c = calls[cur]
                gdb.write("callback:         #%d %s %s %s (record %#x)\n" % (
                    cur, _bcsim_reason_name(_bcsim_s32(int(c["reason"]))),
                    _bcsim_value_cstr(c["component"], 64) or "?",
                    _bcsim_value_cstr(c["routine"], 128) or "?", _bcsim_uint(c["record"])))
            else:
                gdb.write("callback:         none running (bcsim's own code)\n")
            gdb.write("calls so far:     %d\n" % len(calls))
        else:
            gdb.write("calls:            %d\n" % len(run.calls()))
        gdb.write("IRQL:             %s (%d)\n" % (_bcsim_irql_name(irql), irql))


class BcsimCallsCommand(gdb.Command):
    """List the callbacks invoked so far in this bug check (the last one if none runs).

Usage: bcsim calls"""

    def __init__(self):
        super(BcsimCallsCommand, self).__init__("bcsim calls", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        m = _bcsim_machine()
        run = _BcsimRun()
        calls = run.calls()
        if run.code is None:
            gdb.write("no bug check has run yet\n")
            return
        gdb.write("%s: %d call%s\n" % (run.header(), len(calls), "" if len(calls) == 1 else "s"))
        cur = _bcsim_s32(int(m["current_call"]))
        for c in calls:
            running = run.active and int(c["seq"]) == cur
            extra = "  (running)" if running else ""
            out = int(c["outcome"])
            if out and not running:
                extra = "  (%s)" % (_BCSIM_OUTCOMES[out] if out < len(_BCSIM_OUTCOMES) else out)
            gdb.write("%s %s%s\n" % ("*" if running else " ", _bcsim_call_line(c, running), extra))


class BcsimViolationsCommand(gdb.Command):
    """List bcsim's findings so far, in the format of bcsim_violation_format().

Usage: bcsim violations
A finding raised by the running callback has no file:line yet in bcsim (it is resolved
when the callback returns); gdb's own line table is used for it."""

    def __init__(self):
        super(BcsimViolationsCommand, self).__init__("bcsim violations", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        m = _bcsim_machine()
        vs = _bcsim_vec(m["violations"])
        gdb.write("%d finding%s\n" % (len(vs), "" if len(vs) == 1 else "s"))
        for i, v in enumerate(vs):
            sev = int(v["severity"])
            name = _bcsim_value_cstr(v["name"], 64) or "?"
            msg = _bcsim_value_cstr(v["message"], 1024) or ""
            f = _bcsim_value_cstr(v["file"], 512)
            line = int(v["line"])
            if f and f != "?":
                where = "%s:%d" % (f, line) if line else f
            else:
                where = _bcsim_where(_bcsim_uint(v["pc"])) or "?"
            comp = _bcsim_value_cstr(v["component"], 64) or "-"
            reason = _bcsim_s32(int(v["reason"]))
            rtext = "-" if reason == -(1 << 31) else _bcsim_reason_name(reason)
            code = int(v["bugcheck_code"]) & 0xFFFFFFFF
            ctext = ", would bug check %s" % _bcsim_code_text(code) if code else ""
            gdb.write("%-3d %-9s %s: %s: %s [%s, %s%s]\n" % (
                i, _BCSIM_SEVERITIES[sev] if 0 <= sev < 3 else sev, where, name, msg, comp,
                rtext, ctext))


class BcsimPortsCommand(gdb.Command):
    """List the port and register accesses of this bug check (READ_PORT_*, WRITE_REGISTER_*).

Usage: bcsim ports
Outside a bug check, the accesses of the last one."""

    def __init__(self):
        super(BcsimPortsCommand, self).__init__("bcsim ports", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        _bcsim_machine()
        run = _BcsimRun()
        ports = run.ports()
        calls = run.calls()
        head = run.header() or "no bug check has run yet"
        gdb.write("%s: %d access%s\n" % (head, len(ports), "" if len(ports) == 1 else "es"))
        for i, p in enumerate(ports):
            width = int(p["width"])
            seq = int(p["call_seq"]) & 0xFFFFFFFF
            who = "outside callbacks"
            if seq != 0xFFFFFFFF:
                who = "call #%d" % seq
                if seq < len(calls):
                    who += " %s" % (_bcsim_value_cstr(calls[seq]["routine"], 128) or "?")
            irql = int(p["irql"]) & 0xFF
            gdb.write("%-3d %-5s %-8s %#-14x %s %#0*x  at %s, %s\n" % (
                i, "write" if int(p["write"]) else "read",
                "register" if int(p["is_register"]) else "port", _bcsim_uint(p["address"]),
                "<-" if int(p["write"]) else "->", 2 + 2 * max(width, 1),
                _bcsim_uint(p["value"]), _bcsim_irql_name(irql), who))


class BcsimDumpioCommand(gdb.Command):
    """List the DumpIo writes of this bug check so far: type, file offset, length, XXH3-64 hash.

Usage: bcsim dumpio"""

    def __init__(self):
        super(BcsimDumpioCommand, self).__init__("bcsim dumpio", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        _bcsim_machine()
        run = _BcsimRun()
        writes = run.writes()
        head = run.header() or "no bug check has run yet"
        total = sum(int(w["length"]) & 0xFFFFFFFF for w in writes)
        gdb.write("%s: %d DumpIo write%s, %d bytes\n" % (head, len(writes),
                                                        "" if len(writes) == 1 else "s", total))
        for i, w in enumerate(writes):
            gdb.write("%-4d %-22s offset %#-12x %8d bytes  hash %016x\n" % (
                i, _bcsim_dumpio_name(int(w["type"])), _bcsim_uint(w["file_offset"]),
                int(w["length"]) & 0xFFFFFFFF, _bcsim_uint(w["hash"])))
