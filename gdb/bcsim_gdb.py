# bcsim_gdb.py -- bcsim's gdb extension: commands and pretty-printers for debugging
# bug-check callbacks under bcsim (docs: README.md, "Debugging a callback").
#
# Loaded automatically for every program linked with libbcsim: the library carries this
# file in its .debug_gdb_scripts section (src/gdb_scripts.S). gdb runs it once the program
# is in an auto-load safe path:
#
#     gdb -iex 'add-auto-load-safe-path /path/to/build' --args build/sim/bcsim run ...
#
# or `source gdb/bcsim_gdb.py` by hand.
#
# Commands (`help bcsim`):
#   bcsim records          the callback lists: kind, reason, component, routine, state, checksum
#   bcsim bugcheck         code, parameters, phase, running callback, IRQL
#   bcsim calls            the callbacks invoked so far in this bug check
#   bcsim break-callback   stop in the next callback matching a component or reason
#   bcsim violations       the findings so far
#   bcsim ports            the port / register access log
#   bcsim dumpio           the DumpIo writes so far
#
# Pretty-printers (`info pretty-printer`): KBUGCHECK_CALLBACK_RECORD and
# KBUGCHECK_REASON_CALLBACK_RECORD (state and reason by name, checksum checked), every
# ReasonSpecificData structure, GUID, LIST_ENTRY (list heads expand into their records,
# links into records are named), KIRQL, UNICODE_STRING (16-bit WCHAR, surrogate pairs).
# bcsim's harness mirrors of those structures (bcsim__lrec_t, ...) print the same way.
#
# Rules: nothing here calls a function in the inferior, and every read of the inferior's
# memory tolerates garbage (lists are walked with the checks of src/walk.c: alignment,
# readability, Blink, a bound), so printing a corrupted list cannot crash or hang gdb.
#
# The names below mirror src/names.c, src/irql.c and include/bcsim.h; keep them in step.

import gdb

_BCSIM_U64 = (1 << 64) - 1

_BCSIM_REASONS = {
    -1: "BugCheckCallback",
    0: "KbCallbackInvalid",
    1: "KbCallbackReserved1",
    2: "KbCallbackSecondaryDumpData",
    3: "KbCallbackDumpIo",
    4: "KbCallbackAddPages",
    5: "KbCallbackSecondaryMultiPartDumpData",
    6: "KbCallbackRemovePages",
    7: "KbCallbackTriageDumpData",
    8: "KbCallbackReserved2",
    9: "KbCallbackReserved3",
}
_BCSIM_STATES = ["BufferEmpty", "BufferInserted", "BufferStarted", "BufferFinished",
                 "BufferIncomplete"]
_BCSIM_PHASES = [
    "Reserved2", "Reserved1/3", "TriageDumpData", "AddPages", "RemovePages",
    "SecondaryDumpData(size)", "SecondaryMultiPartDumpData(size)", "DumpIo(header)",
    "DumpIo(body)", "SecondaryDumpData(data)", "SecondaryMultiPartDumpData(data)",
    "DumpIo(secondary)", "DumpIo(complete)", "BugCheckCallback",
]
_BCSIM_DUMPIO_TYPES = ["KbDumpIoInvalid", "KbDumpIoHeader", "KbDumpIoBody",
                       "KbDumpIoSecondaryData", "KbDumpIoComplete"]
_BCSIM_DUMP_TYPES = {
    -1: "DUMP_TYPE_INVALID", 0: "DUMP_TYPE_UNKNOWN", 1: "DUMP_TYPE_FULL",
    2: "DUMP_TYPE_SUMMARY", 3: "DUMP_TYPE_HEADER", 4: "DUMP_TYPE_TRIAGE",
    5: "DUMP_TYPE_BITMAP_FULL", 6: "DUMP_TYPE_BITMAP_KERNEL", 7: "DUMP_TYPE_AUTOMATIC",
}
_BCSIM_OUTCOMES = ["returned", "faulted", "hung", "nested bug check"]
_BCSIM_SEVERITIES = ["info", "warning", "violation"]
_BCSIM_LISTS = [("legacy", True), ("reason", False), ("pages", False)]
# Bug-check names used when the inferior's own table (names.c `bugcodes`) is unavailable.
_BCSIM_BUGCODES_FALLBACK = {
    0x0A: "IRQL_NOT_LESS_OR_EQUAL", 0x1E: "KMODE_EXCEPTION_NOT_HANDLED",
    0x50: "PAGE_FAULT_IN_NONPAGED_AREA", 0x7F: "UNEXPECTED_KERNEL_MODE_TRAP",
    0xC4: "DRIVER_VERIFIER_DETECTED_VIOLATION", 0xCE: "DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS",
    0xD1: "DRIVER_IRQL_NOT_LESS_OR_EQUAL", 0xE2: "MANUALLY_INITIATED_CRASH",
    0xE5: "POWER_FAILURE_SIMULATE", 0x121: "DRIVER_VIOLATION",
    0x139: "KERNEL_SECURITY_CHECK_FAILURE",
}

_BCSIM_SECONDARY_FLAGS = [(0x1, "KB_SECONDARY_DATA_FLAG_ADDITIONAL_DATA"),
                          (0x2, "KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS")]
_BCSIM_PAGES_FLAGS = [(0x1, "KB_ADD_PAGES_FLAG_VIRTUAL_ADDRESS"),
                      (0x2, "KB_ADD_PAGES_FLAG_PHYSICAL_ADDRESS"),
                      (0x80000000, "KB_ADD_PAGES_FLAG_ADDITIONAL_RANGES_EXIST")]
_BCSIM_TRIAGE_FLAGS = [(0x1, "KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE")]


def _bcsim_reason_name(reason):
    return _BCSIM_REASONS.get(reason, "KbCallback?")


def _bcsim_state_name(state):
    return _BCSIM_STATES[state] if 0 <= state < len(_BCSIM_STATES) else "Buffer?"


def _bcsim_phase_name(phase):
    return _BCSIM_PHASES[phase] if 0 <= phase < len(_BCSIM_PHASES) else "?"


def _bcsim_dumpio_name(t):
    return _BCSIM_DUMPIO_TYPES[t] if 0 <= t < len(_BCSIM_DUMPIO_TYPES) else "KbDumpIo?"


def _bcsim_irql_name(irql):
    # src/irql.c bcsim__irql_name
    names = {0: "PASSIVE_LEVEL", 1: "APC_LEVEL", 2: "DISPATCH_LEVEL", 5: "CMCI_LEVEL",
             13: "CLOCK_LEVEL", 14: "IPI_LEVEL", 15: "HIGH_LEVEL"}
    if irql in names:
        return names[irql]
    return "DIRQL" if irql < 13 else "?"


def _bcsim_flags(value, table):
    names = []
    rest = value
    for bit, name in table:
        if value & bit:
            names.append(name)
            rest &= ~bit
    if rest:
        names.append("%#x" % rest)
    return "%#x" % value + (" (" + " | ".join(names) + ")" if names else "")


def _bcsim_s32(v):
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


# ---- reading the inferior -----------------------------------------------------------------

def _bcsim_inferior():
    inf = gdb.selected_inferior()
    return inf if inf is not None and inf.pid else None


def _bcsim_paged_alias(addr, n):
    """Paged pool is inaccessible to drivers while a bug check runs; the harness reads it
    through a second mapping (src/memory.c). ptrace usually reads it anyway; this is the
    fallback."""
    try:
        m = gdb.parse_and_eval("'memory.c'::M")
        paged = m["paged"]
        base = int(paged["base"])
        alias = int(paged["alias"])
        reserve = int(paged["reserve"])
    except gdb.error:
        return None
    if not base or not alias or not (base <= addr and addr + n <= base + reserve):
        return None
    return alias + (addr - base)


def _bcsim_read(addr, n):
    """bytes, or None if any of them cannot be read."""
    inf = _bcsim_inferior()
    if inf is None or addr < 0 or addr + n > _BCSIM_U64 + 1:
        return None
    try:
        return bytes(inf.read_memory(addr, n))
    except (gdb.MemoryError, gdb.error, ValueError, OverflowError):
        pass
    alias = _bcsim_paged_alias(addr, n)
    if alias is None:
        return None
    try:
        return bytes(inf.read_memory(alias, n))
    except (gdb.MemoryError, gdb.error, ValueError, OverflowError):
        return None


def _bcsim_le(raw, off, size, signed=False):
    return int.from_bytes(raw[off:off + size], "little", signed=signed)


def _bcsim_ascii(raw):
    """8-bit text (Component strings are PUCHAR) as ASCII, other bytes as \\xNN escapes, so it
    prints whatever gdb's host charset is."""
    return "".join(chr(b) if 0x20 <= b < 0x7F else "\\x%02x" % b for b in raw)


def _bcsim_cstr(addr, limit=256):
    """A NUL-terminated string from the inferior, or None if unreadable. Reads in pieces that
    never cross a page, so a string ending just before an unreadable page is still read."""
    if not addr:
        return None
    out = b""
    while len(out) < limit:
        a = addr + len(out)
        chunk = _bcsim_read(a, min(64, limit - len(out), 0x1000 - (a & 0xFFF)))
        if chunk is None:
            return None if not out else _bcsim_ascii(out) + "..."
        nul = chunk.find(b"\0")
        if nul >= 0:
            return _bcsim_ascii(out + chunk[:nul])
        out += chunk
    return _bcsim_ascii(out) + "..."


def _bcsim_value_cstr(val, limit=256):
    try:
        return _bcsim_cstr(int(val), limit)
    except gdb.error:
        return None


def _bcsim_global(expr):
    """A global of bcsim's harness (bcsim__m, bcsim__run), or None if this program has none."""
    try:
        return gdb.parse_and_eval(expr)
    except gdb.error:
        return None


def _bcsim_machine():
    if _bcsim_inferior() is None:
        raise gdb.GdbError("bcsim: the program is not running")
    m = _bcsim_global("bcsim__m")
    if m is None:
        raise gdb.GdbError("bcsim: no bcsim state here (is the program linked with libbcsim?)")
    return m


def _bcsim_vec(vec, limit=1 << 20):
    """Elements of a BCSIM_VEC (struct { T *v; size_t n, cap; })."""
    try:
        n = int(vec["n"])
        v = vec["v"]
        if not int(v) or n <= 0:
            return []
        n = min(n, int(vec["cap"]) if int(vec["cap"]) else n, limit)
        return [v[i] for i in range(n)]
    except gdb.error:
        return []


def _bcsim_symbol(addr):
    """The function at addr ("LogSecondaryData"), else the nearest ELF symbol, else hex.
    (No gdb.execute: this runs inside a breakpoint's stop method.)"""
    if not addr:
        return "NULL"
    try:
        block = gdb.block_for_pc(addr)
        while block is not None and block.function is None:
            block = block.superblock
        if block is not None and block.function is not None:
            return block.function.print_name
    except RuntimeError:
        pass
    fmt = getattr(gdb, "format_address", None)    # gdb >= 13
    if fmt is not None:
        try:
            text = fmt(addr)
            if "<" in text and text.endswith(">"):
                return text[text.index("<") + 1:-1]
        except (gdb.error, RuntimeError, TypeError):
            pass
    return "%#x" % addr


def _bcsim_where(pc):
    """file:line of a code address, or None."""
    try:
        sal = gdb.find_pc_line(pc)
    except (gdb.error, RuntimeError):
        return None
    if sal.symtab is None or not sal.line:
        return None
    return "%s:%d" % (sal.symtab.filename, sal.line)


_bcsim_bugcode_cache = {}


def _bcsim_bugcheck_name(code):
    """Name of a bug-check code from bcsim's own table (names.c `bugcodes`, read, not called)."""
    if not _bcsim_bugcode_cache:
        table = {}
        try:
            arr = gdb.parse_and_eval("'names.c'::bugcodes")
            lo, hi = arr.type.range()
            for i in range(lo, min(hi, 4096) + 1):
                name = _bcsim_value_cstr(arr[i]["name"], 96)
                if name and name != "BUGCHECK_CONTEXT_MODIFIER":
                    table.setdefault(int(arr[i]["code"]), name)
        except (gdb.error, RuntimeError):
            pass
        if not table:    # not readable yet (no process): do not cache the fallback
            return _BCSIM_BUGCODES_FALLBACK.get(code & 0xFFFFFFFF)
        _bcsim_bugcode_cache.update(table)
    return _bcsim_bugcode_cache.get(code & 0xFFFFFFFF)


def _bcsim_code_text(code):
    name = _bcsim_bugcheck_name(code)
    return "%#x (%s)" % (code, name) if name else "%#x" % code


# ---- callback lists -----------------------------------------------------------------------

class _BcsimRecord(object):
    """One record read from raw memory with the x64 layouts of src/internal.h."""

    LEGACY_SIZE = 0x40
    REASON_SIZE = 0x30

    def __init__(self, addr, raw, legacy):
        self.addr = addr
        self.legacy = legacy
        self.flink = _bcsim_le(raw, 0, 8)
        self.blink = _bcsim_le(raw, 8, 8)
        self.routine = _bcsim_le(raw, 0x10, 8)
        if legacy:
            self.buffer = _bcsim_le(raw, 0x18, 8)
            self.length = _bcsim_le(raw, 0x20, 4)
            self.component_ptr = _bcsim_le(raw, 0x28, 8)
            self.checksum = _bcsim_le(raw, 0x30, 8)
            self.state = raw[0x38]
            self.reason = -1
            self.expected = _bcsim_checksum_legacy(self.routine, self.buffer, self.length,
                                                   self.component_ptr)
        else:
            self.buffer = None
            self.length = None
            self.component_ptr = _bcsim_le(raw, 0x18, 8)
            self.checksum = _bcsim_le(raw, 0x20, 8)
            self.reason = _bcsim_le(raw, 0x28, 4, signed=True)
            self.state = raw[0x2C]
            self.expected = _bcsim_checksum_reason(self.routine, self.reason, self.component_ptr)
        self.checksum_valid = self.checksum == self.expected

    @property
    def component(self):
        s = _bcsim_cstr(self.component_ptr, 64)
        return "?" if s is None else s

    def describe(self):
        return "%s %s record" % (self.component, "legacy" if self.legacy else
                                 _bcsim_reason_name(self.reason))


def _bcsim_checksum_legacy(routine, buffer, length, component):
    # src/records.c bcsim__checksum_legacy: a 64-bit wrapping sum of the fields.
    return (routine + buffer + length + component) & _BCSIM_U64


def _bcsim_checksum_reason(routine, reason, component):
    # Reason is a 32-bit enum converted to ULONG_PTR: sign-extended.
    return (routine + (_bcsim_s32(reason) & _BCSIM_U64) + component) & _BCSIM_U64


def _bcsim_list_heads():
    """[(name, legacy, head address)] of the three record lists, or [] without bcsim state."""
    m = _bcsim_global("bcsim__m")
    if m is None:
        return []
    out = []
    for name, legacy in _BCSIM_LISTS:
        try:
            out.append((name, legacy, int(m["lists"][name])))
        except gdb.error:
            pass
    return out


def _bcsim_walk(head, legacy):
    """Walks one list as src/walk.c does. Returns (records, problem or None)."""
    records = []
    if not head:
        return records, None
    raw = _bcsim_read(head, 16)
    if raw is None:
        return records, "list head %#x is unreadable" % head
    flink, blink = _bcsim_le(raw, 0, 8), _bcsim_le(raw, 8, 8)
    if not flink or not blink:
        return records, None  # never initialised
    try:
        bound = int(gdb.parse_and_eval("bcsim__m.records_ever")) + 16
    except gdb.error:
        bound = 4096
    size = _BcsimRecord.LEGACY_SIZE if legacy else _BcsimRecord.REASON_SIZE
    prev, cur = head, flink
    while cur != head:
        if cur & 7:
            return records, "misaligned list entry at %#x" % cur
        raw = _bcsim_read(cur, size)
        if raw is None:
            return records, "list reaches an unreadable record at %#x" % cur
        rec = _BcsimRecord(cur, raw, legacy)
        if rec.blink != prev:
            return records, ("list entry %#x: Blink %#x does not point at its predecessor %#x"
                             % (cur, rec.blink, prev))
        if len(records) >= bound:
            return records, "more than %d entries visited (a cycle?)" % bound
        records.append(rec)
        prev, cur = cur, rec.flink
    return records, None


class _BcsimListIndex(object):
    """Which list head or record an address is (for LIST_ENTRY printing). Rebuilt after
    every stop or memory change."""

    generation = 0
    _cached = None

    def __init__(self):
        self.heads = {}      # head address -> (list name, legacy, [records], problem or None)
        self.records = {}    # record address -> _BcsimRecord
        for name, legacy, head in _bcsim_list_heads():
            if not head:
                continue
            recs, problem = _bcsim_walk(head, legacy)
            self.heads[head] = (name, legacy, recs, problem)
            for r in recs:
                self.records[r.addr] = r

    @classmethod
    def get(cls):
        if cls._cached is None or cls._cached[0] != cls.generation:
            cls._cached = (cls.generation, cls())
        return cls._cached[1]

    def describe(self, addr):
        if addr in self.heads:
            return "%s list head" % self.heads[addr][0]
        if addr in self.records:
            return self.records[addr].describe()
        return None


def _bcsim_invalidate(*_args):
    _BcsimListIndex.generation += 1


for _ev in ("stop", "cont", "memory_changed", "inferior_call", "new_objfile", "exited"):
    if hasattr(gdb.events, _ev):
        getattr(gdb.events, _ev).connect(_bcsim_invalidate)


# ---- pretty-printers ----------------------------------------------------------------------

def _bcsim_type_names(t):
    """Every name along a typedef chain (KIRQL -> UCHAR -> unsigned char)."""
    names = []
    while True:
        if t.name:
            names.append(t.name)
        if t.code != gdb.TYPE_CODE_TYPEDEF:
            return names
        t = t.target()


def _bcsim_norm(name):
    return name.replace("_", "").lower()


def _bcsim_uint(val):
    return int(val) & _BCSIM_U64


class BcsimKirqlPrinter(object):
    def __init__(self, val):
        self.val = val

    def to_string(self):
        v = int(self.val) & 0xFF
        return "%s (%d)" % (_bcsim_irql_name(v), v)


class BcsimGuidPrinter(object):
    """{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, as bcsim_guid_format()."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        f = self.val.type.strip_typedefs().fields()
        d1 = int(self.val[f[0]]) & 0xFFFFFFFF
        d2 = int(self.val[f[1]]) & 0xFFFF
        d3 = int(self.val[f[2]]) & 0xFFFF
        d4 = [int(self.val[f[3]][i]) & 0xFF for i in range(8)]
        return "{%08x-%04x-%04x-%02x%02x-%s}" % (d1, d2, d3, d4[0], d4[1],
                                                 "".join("%02x" % b for b in d4[2:]))


def _bcsim_host_can(ch):
    """Whether gdb can print this character in its host charset (ASCII in the C locale)."""
    try:
        charset = gdb.host_charset()          # gdb >= 12
    except (AttributeError, gdb.error):
        charset = "utf-8"
    try:
        ch.encode(charset)
        return True
    except LookupError:
        return True
    except UnicodeEncodeError:
        return False


def _bcsim_utf16(raw):
    """Decodes UTF-16LE code units; pairs become one character, a lone surrogate an escape
    (\\x{d800}), a character the host charset lacks \\u00e9 / \\U0001f600."""
    units = [raw[i] | (raw[i + 1] << 8) for i in range(0, len(raw) - 1, 2)]
    out = []
    i = 0
    while i < len(units):
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < len(units) and 0xDC00 <= units[i + 1] < 0xE000:
            cp = 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)
            out.append(chr(cp) if _bcsim_host_can(chr(cp)) else "\\U%08x" % cp)
            i += 2
            continue
        if 0xD800 <= u < 0xE000:
            out.append("\\x{%04x}" % u)
        elif u == 0x5C:
            out.append("\\\\")
        elif u == 0x22:
            out.append('\\"')
        elif u < 0x20 or u == 0x7F:
            out.append({0: "\\0", 9: "\\t", 10: "\\n", 13: "\\r"}.get(u, "\\%03o" % u))
        elif u < 0x7F or _bcsim_host_can(chr(u)):
            out.append(chr(u))
        else:
            out.append("\\u%04x" % u)
        i += 1
    return "".join(out)


class BcsimUnicodeStringPrinter(object):
    """UNICODE_STRING: Length bytes of 16-bit WCHARs (no terminator needed)."""

    def __init__(self, val):
        self.val = val

    def to_string(self):
        return None

    def children(self):
        f = self.val.type.strip_typedefs().fields()
        length = int(self.val[f[0]]) & 0xFFFF
        maximum = int(self.val[f[1]]) & 0xFFFF
        buf = _bcsim_uint(self.val[f[2]])
        yield f[0].name, self.val[f[0]]
        yield f[1].name, self.val[f[1]]
        notes = []
        if length & 1:
            notes.append("odd Length")
        if length > maximum:
            notes.append("Length > MaximumLength")
        if not buf:
            text = "0x0" if not length else "0x0 <Length %d but no Buffer>" % length
        else:
            raw = _bcsim_read(buf, length & ~1) if length else b""
            if raw is None:
                text = "%#x <unreadable>" % buf
            else:
                text = '%#x L"%s"' % (buf, _bcsim_utf16(raw))
        if notes:
            text += " <" + ", ".join(notes) + ">"
        yield f[2].name, text


class BcsimRecordPrinter(object):
    """KBUGCHECK_CALLBACK_RECORD / KBUGCHECK_REASON_CALLBACK_RECORD (and bcsim's mirrors):
    the fields in order, State and Reason by name, Checksum checked against the fields."""

    LEGACY = ["Entry", "CallbackRoutine", "Buffer", "Length", "Component", "Checksum", "State"]
    REASON = ["Entry", "CallbackRoutine", "Component", "Checksum", "Reason", "State"]

    def __init__(self, val, legacy):
        self.val = val
        self.legacy = legacy

    def to_string(self):
        return None

    def children(self):
        fields = self.val.type.strip_typedefs().fields()
        names = self.LEGACY if self.legacy else self.REASON
        v = {}
        for name, f in zip(names, fields):
            v[name] = self.val[f]
        routine = _bcsim_uint(v["CallbackRoutine"])
        component = _bcsim_uint(v["Component"])
        checksum = _bcsim_uint(v["Checksum"])
        if self.legacy:
            expected = _bcsim_checksum_legacy(routine, _bcsim_uint(v["Buffer"]),
                                              int(v["Length"]) & 0xFFFFFFFF, component)
        else:
            reason = _bcsim_s32(int(v["Reason"]))
            expected = _bcsim_checksum_reason(routine, reason, component)
        for name, f in zip(names, fields):
            if name == "Checksum":
                if checksum == expected:
                    yield f.name, "%#x (valid)" % checksum
                else:
                    yield f.name, "%#x (INVALID: the fields sum to %#x)" % (checksum, expected)
            elif name == "State":
                s = int(v["State"]) & 0xFF
                yield f.name, "%s (%d)" % (_bcsim_state_name(s), s)
            elif name == "Reason":
                r = _bcsim_s32(int(v["Reason"]))
                yield f.name, "%s (%d)" % (_bcsim_reason_name(r), r)
            else:
                yield f.name, v[name]


def _bcsim_annotate_code(val):
    return _bcsim_code_text(int(val) & 0xFFFFFFFF)


def _bcsim_annotate_dump_type(val):
    t = _bcsim_s32(int(val))
    return "%d (%s)" % (t, _BCSIM_DUMP_TYPES.get(t, "?"))


def _bcsim_annotate_offset(val):
    off = _bcsim_uint(val)
    return "%#x (-1: sequential)" % off if off == _BCSIM_U64 else "%#x" % off


def _bcsim_annotate_dumpio_type(val):
    if val.type.strip_typedefs().code == gdb.TYPE_CODE_ENUM:
        return val
    t = int(val)
    return "%s (%d)" % (_bcsim_dumpio_name(t), t)


def _bcsim_flags_annotator(table):
    return lambda val: _bcsim_flags(int(val) & 0xFFFFFFFF, table)


class BcsimFieldsPrinter(object):
    """A reason-specific structure: every field in order, some decoded (flags, bug-check
    code, dump type, DumpIo offset/type). Field names are matched without case or '_', so
    the WDK types and bcsim's mirrors (src/rsd.h) share one table."""

    def __init__(self, val, annotate):
        self.val = val
        self.annotate = annotate

    def to_string(self):
        return None

    def children(self):
        for f in self.val.type.strip_typedefs().fields():
            fv = self.val[f]
            fn = self.annotate.get(_bcsim_norm(f.name or ""))
            yield f.name, fn(fv) if fn else fv


class BcsimTriageArrayPrinter(BcsimFieldsPrinter):
    """KTRIAGE_DUMP_DATA_ARRAY: Blocks shows the NumBlocksUsed entries, not ANYSIZE_ARRAY."""

    def children(self):
        fields = self.val.type.strip_typedefs().fields()
        used = None
        for f in fields:
            fv = self.val[f]
            key = _bcsim_norm(f.name or "")
            if key == "numblocksused":
                used = int(fv) & 0xFFFFFFFF
            if key == "blocks" and used is not None and fv.address is not None:
                n = max(0, min(used, 256))
                elem = fv.type.strip_typedefs().target()
                if n:
                    arr = gdb.Value(int(fv.address)).cast(elem.array(n - 1).pointer())
                    yield f.name, arr.dereference()
                else:
                    yield f.name, "{}"
                continue
            if key == "componentname":
                s = _bcsim_cstr(_bcsim_uint(fv), 64)
                yield f.name, fv if s is None else '%#x "%s"' % (_bcsim_uint(fv), s)
                continue
            yield f.name, fv


class BcsimListEntryPrinter(object):
    """LIST_ENTRY in bcsim's callback lists: a list head expands into its records; a link
    names the record or head it points at."""

    def __init__(self, val, index):
        self.val = val
        self.index = index
        self.head = index.heads.get(int(val.address))

    def to_string(self):
        if self.head is None:
            return None
        name, _, recs, problem = self.head
        text = "%s callback list head, %d record%s" % (name, len(recs), "" if len(recs) == 1 else "s")
        if problem:
            text += " (walk stopped: %s)" % problem
        return text

    def children(self):
        for f in self.val.type.strip_typedefs().fields()[:2]:
            p = _bcsim_uint(self.val[f])
            what = self.index.describe(p)
            yield f.name, ("%#x <%s>" % (p, what)) if what else self.val[f]
        if self.head is None:
            return
        _, legacy, recs, _ = self.head
        rtype = _bcsim_record_type(legacy)
        for i, r in enumerate(recs):
            if rtype is not None:
                yield "[%d]" % i, gdb.Value(r.addr).cast(rtype.pointer()).dereference()
            else:
                yield "[%d]" % i, "%#x <%s>" % (r.addr, r.describe())


def _bcsim_record_type(legacy):
    names = (["KBUGCHECK_CALLBACK_RECORD", "bcsim__lrec_t"] if legacy else
             ["KBUGCHECK_REASON_CALLBACK_RECORD", "bcsim__rrec_t"])
    for n in names:
        try:
            return gdb.lookup_type(n)
        except gdb.error:
            continue
    return None


_BCSIM_BUGCHECK_ANNOTATIONS = {"bugcheckcode": _bcsim_annotate_code}
_BCSIM_RSD = {
    "secondary": dict(_BCSIM_BUGCHECK_ANNOTATIONS),
    "secondary_ex": dict(_BCSIM_BUGCHECK_ANNOTATIONS,
                         flags=_bcsim_flags_annotator(_BCSIM_SECONDARY_FLAGS),
                         dumptype=_bcsim_annotate_dump_type),
    "dumpio": {"offset": _bcsim_annotate_offset, "type": _bcsim_annotate_dumpio_type},
    "pages": dict(_BCSIM_BUGCHECK_ANNOTATIONS,
                  flags=_bcsim_flags_annotator(_BCSIM_PAGES_FLAGS),
                  address=lambda val: "%#x" % _bcsim_uint(val)),
    "triage": dict(_BCSIM_BUGCHECK_ANNOTATIONS,
                   flags=_bcsim_flags_annotator(_BCSIM_TRIAGE_FLAGS)),
}
# struct tag -> how to print it
_BCSIM_STRUCTS = {
    "_KBUGCHECK_CALLBACK_RECORD": lambda v: BcsimRecordPrinter(v, True),
    "bcsim__lrec": lambda v: BcsimRecordPrinter(v, True),
    "_KBUGCHECK_REASON_CALLBACK_RECORD": lambda v: BcsimRecordPrinter(v, False),
    "bcsim__rrec": lambda v: BcsimRecordPrinter(v, False),
    "_KBUGCHECK_SECONDARY_DUMP_DATA": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["secondary"]),
    "bcsim__sdd": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["secondary"]),
    "_KBUGCHECK_SECONDARY_DUMP_DATA_EX": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["secondary_ex"]),
    "bcsim__sddx": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["secondary_ex"]),
    "_KBUGCHECK_DUMP_IO": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["dumpio"]),
    "bcsim__dumpio": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["dumpio"]),
    "_KBUGCHECK_ADD_PAGES": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["pages"]),
    "_KBUGCHECK_REMOVE_PAGES": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["pages"]),
    "bcsim__pages": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["pages"]),
    "_KBUGCHECK_TRIAGE_DUMP_DATA": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["triage"]),
    "bcsim__triage": lambda v: BcsimFieldsPrinter(v, _BCSIM_RSD["triage"]),
    "_KTRIAGE_DUMP_DATA_ARRAY": lambda v: BcsimTriageArrayPrinter(v, {}),
    "bcsim__tarray": lambda v: BcsimTriageArrayPrinter(v, {}),
    "_GUID": BcsimGuidPrinter,
    "GUID": BcsimGuidPrinter,
    "bcsim_guid": BcsimGuidPrinter,
    "bcsim_guid_t": BcsimGuidPrinter,
    "_UNICODE_STRING": BcsimUnicodeStringPrinter,
    "UNICODE_STRING": BcsimUnicodeStringPrinter,
}
_BCSIM_LIST_TAGS = ("_LIST_ENTRY", "bcsim__list")


class BcsimPrettyPrinter(object):
    """The lookup gdb calls for every value (registered in gdb.pretty_printers)."""

    name = "bcsim"

    def __init__(self):
        self.enabled = True
        self.subprinters = []

    def __call__(self, val):
        try:
            return self._lookup(val)
        except (gdb.error, RuntimeError):
            return None

    def _lookup(self, val):
        t = val.type
        if "KIRQL" in _bcsim_type_names(t):
            return BcsimKirqlPrinter(val)
        base = t.strip_typedefs()
        if base.code != gdb.TYPE_CODE_STRUCT:
            return None
        tag = base.tag or t.name
        if tag in _BCSIM_STRUCTS:
            return _BCSIM_STRUCTS[tag](val)
        if tag in _BCSIM_LIST_TAGS and val.address is not None:
            index = _BcsimListIndex.get()
            addr = int(val.address)
            if addr in index.heads or addr in index.records:
                return BcsimListEntryPrinter(val, index)
        return None


def _bcsim_register_printers():
    printers = gdb.pretty_printers
    printers[:] = [p for p in printers if getattr(p, "name", None) != "bcsim"]
    printers.append(BcsimPrettyPrinter())


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
    """Internal breakpoint on bcsim__gdb_callback_hook (src/dispatch.c), called right before
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


# ---- stops ------------------------------------------------------------------------------

def _bcsim_on_stop(event):
    """A signal inside a callback: say which callback it was (containment is off under gdb,
    so this is where bcsim would otherwise have contained the fault)."""
    if not isinstance(event, gdb.SignalEvent):
        return
    m = _bcsim_global("bcsim__m")
    if m is None:
        return
    try:
        cur = _bcsim_s32(int(m["current_call"]))
        run = _bcsim_global("bcsim__run")
        if cur < 0 or run is None or not int(run["active"]):
            return
        calls = _bcsim_vec(run["calls"])
        if cur >= len(calls):
            return
        c = calls[cur]
        gdb.write("bcsim: %s in callback #%d %s %s (component %s); bcsim's containment is off "
                  "under gdb\n" % (event.stop_signal, cur,
                                   _bcsim_reason_name(_bcsim_s32(int(c["reason"]))),
                                   _bcsim_value_cstr(c["routine"], 128) or "?",
                                   _bcsim_value_cstr(c["component"], 64) or "?"))
    except (gdb.error, RuntimeError):
        return


def _bcsim_install():
    BcsimCommand()
    BcsimRecordsCommand()
    BcsimBugcheckCommand()
    BcsimCallsCommand()
    BcsimBreakCallbackCommand()
    BcsimViolationsCommand()
    BcsimPortsCommand()
    BcsimDumpioCommand()
    _bcsim_register_printers()
    if not getattr(gdb, "_bcsim_stop_connected", False):
        gdb.events.stop.connect(_bcsim_on_stop)
        gdb._bcsim_stop_connected = True


_bcsim_install()
