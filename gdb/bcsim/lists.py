# gdb/bcsim/lists.py -- bcsim's gdb extension, part: the callback lists: records, checksums, the walk with src/dispatcher/walk.c's checks, an index.
# The parts run in order in one namespace (gdb/bcsim_gdb.py; embedded by src/base/gdb_scripts.S).

import gdb

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
    # src/dispatcher/records.c bcsim__checksum_legacy: a 64-bit wrapping sum of the fields.
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
    """Walks one list as src/dispatcher/walk.c does. Returns (records, problem or None)."""
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
