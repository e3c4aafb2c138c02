# gdb/bcsim/printers.py -- bcsim's gdb extension, part: pretty-printers: records, ReasonSpecificData structures, GUID, LIST_ENTRY, KIRQL, UNICODE_STRING.
# The parts run in order in one namespace (gdb/bcsim_gdb.py; embedded by src/base/gdb_scripts.S).

import gdb

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
