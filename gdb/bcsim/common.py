# gdb/bcsim/common.py -- bcsim's gdb extension, part: names and tables mirrored from the C side, reading the inferior safely, symbols.
# The parts run in order in one namespace (gdb/bcsim_gdb.py; embedded by src/base/gdb_scripts.S).
#
# The names below mirror src/report/names.c, src/verifier/irql.c and include/bcsim.h; keep them in step.

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
    # src/verifier/irql.c bcsim__irql_name
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
    through a second mapping (src/memory/memory.c). ptrace usually reads it anyway; this is the
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
