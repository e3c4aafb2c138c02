/*
 * src/base/config.c — bcsim_config_t defaults and the knob table (dispatcher-model.md 10):
 * every UNDOC model choice is settable by its spec name, from the CLI (--set) and from
 * JSON scenarios.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

void bcsim_config_init(bcsim_config_t *c)
{
    memset(c, 0, sizeof(*c));
    c->dump_type = BCSIM_DUMP_BITMAP;
    c->build_number = 22000;
    c->register_duplicate_check = true;
    c->register_bad_record_bugcheck = true;
    c->list_corruption_bugcheck = true;
    c->walk_mode = BCSIM_WALK_STRICT;
    c->reserved_invoke = true;
    c->triage_max_virt_mem = 0x2000000;
    c->pages_max_calls = 65536;
    c->pages_max_pages = 262144;
    c->secondary_builtin = true;
    c->multipart_max_parts = 1024;
    c->dumpio_body_chunk_pages = 16;
    c->nested = BCSIM_NESTED_HALT;
    c->fault = BCSIM_FAULT_CONTAIN;
    c->contain = true;
    c->verifier = true;
    c->watchdog_virtual_ms = 120000;
    c->watchdog_wall_ms = 5000;
    c->watchdog_slow_ms = 1000;
    c->watchdog_cpu_ms = 0;
    c->callback_stack_bytes = 0x6000;
    c->boot_deadline_ms = 30000;
    c->dump_fd = -1;
    c->pool_special = true;
    c->pool_quarantine = 64ULL << 20;
}

/* "64KiB", "0x1000", "4096", "1MiB" */
static int parse_size(const char *v, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 0);
    if (errno || end == v)
        return -1;
    uint64_t mul = 1;
    if (!strcasecmp(end, "KiB") || !strcasecmp(end, "K")) mul = 1ULL << 10;
    else if (!strcasecmp(end, "MiB") || !strcasecmp(end, "M")) mul = 1ULL << 20;
    else if (!strcasecmp(end, "GiB") || !strcasecmp(end, "G")) mul = 1ULL << 30;
    else if (*end) return -1;
    if (n > UINT64_MAX / mul)
        return -1;
    *out = n * mul;
    return 0;
}

static int parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "on") || !strcasecmp(v, "true") || !strcmp(v, "1") || !strcasecmp(v, "yes")) {
        *out = true;
        return 0;
    }
    if (!strcasecmp(v, "off") || !strcasecmp(v, "false") || !strcmp(v, "0") || !strcasecmp(v, "no")) {
        *out = false;
        return 0;
    }
    return -1;
}

typedef enum { K_BOOL, K_U32, K_U64, K_CHOICE, K_BOOLCHOICE } kind_t;

/* One row per knob. K_CHOICE maps names to u32 values; K_BOOLCHOICE maps two names to a bool
 * ("first name" = false). */
static const struct knob {
    const char *name;
    kind_t kind;
    size_t off;
    const char *choices;   /* "a=0,b=1" or "false-name|true-name" */
    const char *description;
} knobs[] = {
#define O(f) offsetof(bcsim_config_t, f)
    { "dump.type", K_CHOICE, O(dump_type), "none=0,full=1,complete=1,header=3,small=4,triage=4,bitmap=5,kernel=5", "dump configuration: the file bcsim writes and the limits callbacks see" },
    { "dump.min_size", K_U64, O(dump_min_size), NULL, "pad the dump with zero pages up to this size (LeechCore needs 16 MiB)" },
    { "dump.live", K_BOOL, O(live), NULL, "live-dump mode: TriageDumpData Flags without BUGCHECK_ACTIVE" },
    { "build", K_U32, O(build_number), NULL, "Windows build number reported (NtBuildNumber, RtlGetVersion, the dump header)" },
    { "register.duplicate_check", K_BOOL, O(register_duplicate_check), NULL, "refuse to register a record already linked (off: double insert, list corrupted)" },
    { "register.bad_record", K_BOOLCHOICE, O(register_bad_record_bugcheck), "return_false|bugcheck", "a NULL/unmapped record pointer to a registration routine: bug check 0xA, or return FALSE" },
    { "list.order", K_BOOLCHOICE, O(list_fifo), "lifo|fifo", "callback list order: LIFO (TriageDumpData FIFO), or FIFO everywhere" },
    { "list.corruption", K_BOOLCHOICE, O(list_corruption_bugcheck), "report|bugcheck", "list corruption on insert/remove: report only, or raise 0x139" },
    { "walk.mode", K_CHOICE, O(walk_mode), "strict=0,tolerant=1", "a callback deregistering itself: the rest of the walk is skipped (strict) or goes on (tolerant)" },
    { "reserved.invoke", K_BOOL, O(reserved_invoke), NULL, "call records registered for the reserved reasons 1, 8, 9 (with a finding)" },
    { "triage.when", K_BOOLCHOICE, O(triage_only_with_dump), "always|with_dump", "call TriageDumpData on every bug check, or only when a dump is configured" },
    { "triage.max_virt_mem", K_U32, O(triage_max_virt_mem), NULL, "MaxVirtMemSize passed to TriageDumpData callbacks (bytes)" },
    { "triage.bugcheck_active", K_BOOLCHOICE, O(live), "true|false", "KB_TRIAGE_DUMP_DATA_FLAG_BUGCHECK_ACTIVE in Flags (false: live-dump style)" },
    { "pages.neither_flag", K_BOOLCHOICE, O(pages_neither_reject), "physical|reject", "AddPages/RemovePages range with neither address flag: treated as physical, or rejected" },
    { "pages.max_calls", K_U32, O(pages_max_calls), NULL, "AddPages/RemovePages calls per record before it is a runaway" },
    { "pages.max_pages", K_U64, O(pages_max_pages), NULL, "pages per AddPages/RemovePages record before it is a runaway" },
    { "secondary.total", K_U64, O(secondary_total), NULL, "secondary data, all callbacks together (bytes; 0: 256 MiB, small dumps 64 KiB)" },
    { "secondary.per_callback", K_U64, O(secondary_per_callback), NULL, "secondary data per callback (bytes; 0: 64 MiB, small dumps 4 KiB)" },
    { "secondary.inbuffer", K_U32, O(secondary_inbuffer), NULL, "InBufferLength: 0 = the scratch page geometry (0xFD0, then 0xFE0), else fixed" },
    { "secondary.on_invalid", K_BOOLCHOICE, O(secondary_skip_record_on_invalid), "abort_phase|skip_record", "invalid output in the size pass: abandon the secondary phase, or skip that record" },
    { "secondary.on_invalid_data", K_BOOLCHOICE, O(secondary_abort_on_invalid_data), "skip_record|abort_phase", "invalid output in the data pass: skip that record, or abandon the phase" },
    { "secondary.overgrow", K_BOOLCHOICE, O(secondary_overgrow_drop), "truncate|drop", "a data request longer than announced, where later records need the space: truncate or drop" },
    { "secondary.builtin", K_BOOL, O(secondary_builtin), NULL, "bcsim's own secondary-data block in every dump (as Windows components add theirs)" },
    { "secondary.framing", K_BOOLCHOICE, O(secondary_packed), "page|packed", "secondary-data region framing: page-granular blocks, or packed" },
    { "multipart.max_parts", K_U32, O(multipart_max_parts), NULL, "SecondaryMultiPartDumpData parts per record before the record is cut" },
    { "multipart.layout", K_BOOLCHOICE, O(multipart_blob_per_part), "one_blob|blob_per_part", "multi-part data: one blob per record, or one blob per part" },
    { "multipart.no_device_access_input", K_BOOL, O(multipart_no_device_access_input), NULL, "pass KB_SECONDARY_DATA_FLAG_NO_DEVICE_ACCESS in to multi-part calls and report device I/O" },
    { "dumpio.offsets", K_BOOLCHOICE, O(dumpio_real_offsets), "sequential|real", "DumpIo Offset: -1 (sequential writing), or real file offsets" },
    { "dumpio.body_chunk_pages", K_U32, O(dumpio_body_chunk_pages), NULL, "pages per DumpIo Body (and SecondaryData) write" },
    { "nested", K_CHOICE, O(nested), "halt=0,contain=1", "KeBugCheckEx from a callback: halt (Windows), or contain it and go on" },
    { "fault", K_CHOICE, O(fault), "contain=0,halt=1", "a fault or hang in a callback: contain it and go on, or halt the bug check" },
    { "contain", K_BOOL, O(contain), NULL, "contain faults (off: let them reach gdb, ASan, libFuzzer)" },
    { "watchdog.virtual_ms", K_U32, O(watchdog_virtual_ms), NULL, "virtual time one callback call may use before it is a hang (ms)" },
    { "watchdog.wall_ms", K_U32, O(watchdog_wall_ms), NULL, "wall time a callback may go without progress (no kernel call, no virtual time) before it is a hang (ms)" },
    { "watchdog.slow_ms", K_U32, O(watchdog_slow_ms), NULL, "virtual time above which a call is a SLOW_CALLBACK warning (ms; 0: never)" },
    { "watchdog.cpu_ms", K_U32, O(watchdog_cpu_ms), NULL, "optional CPU-time budget per call (ms; 0: off)" },
    { "callback.stack_bytes", K_U32, O(callback_stack_bytes), NULL, "size of the simulated kernel stack callbacks run on (bytes, page multiple)" },
    { "boot.deadline_ms", K_U32, O(boot_deadline_ms), NULL, "wall time one boot (loading, unloading, a bug check) may take before bcsim run kills it (ms; 0: none)" },
    { "pool.special", K_BOOL, O(pool_special), NULL, "the verifier's special pool: every block on its own pages, freed blocks inaccessible" },
    { "pool.quarantine", K_U64, O(pool_quarantine), NULL, "bytes of freed special pool kept inaccessible before their pages are reused" },
    { "auxklib.outside_bugcheck", K_BOOLCHOICE, O(auxklib_outside_error), "success|error", "AuxKlibGetBugCheckData outside a bug check: success with zeros, or an error status" },
    { "verifier", K_BOOL, O(verifier), NULL, "Driver-Verifier-style rule checks on driver calls (off: only what Windows itself checks)" },
    { "verifier.bugcheck_on", K_CHOICE, O(verifier_bugcheck_on), "none=0,violations=1,all=2", "raise the bug check a finding names: never, for violations, or for warnings too" },
    { "verifier.strsafe_copy", K_BOOLCHOICE, O(verifier_strsafe_copy_violation), "warn|violation", "ntstrsafe copy/cat/length at raised IRQL: a warning, or a violation" },
    { "dbgprint.filter", K_BOOLCHOICE, O(dbgprint_filter_windows), "all|windows", "DbgPrint messages shown: all, or only what a debugger shows by default (windows)" },
#undef O
};

static int set_choice(const char *choices, const char *value, uint32_t *out)
{
    const char *p = choices;
    size_t vl = strlen(value);
    while (*p) {
        const char *eq = strchr(p, '=');
        const char *comma = strchr(p, ',');
        if (!comma)
            comma = p + strlen(p);
        if ((size_t)(eq - p) == vl && !strncasecmp(p, value, vl)) {
            *out = (uint32_t)strtoul(eq + 1, NULL, 0);
            return 0;
        }
        p = *comma ? comma + 1 : comma;
    }
    return -1;
}

int bcsim_config_set(bcsim_config_t *c, const char *name, const char *value, const char **err)
{
    static const char *e_unknown = "unknown knob (`bcsim knobs` lists every knob with its values)";
    static const char *e_value = "invalid value for this knob";
    const char *dummy;
    if (!err)
        err = &dummy;
    *err = NULL;
    if (!c || !name || !value) {
        *err = e_value;
        return BCSIM_EINVAL;
    }
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(knobs); i++) {
        const struct knob *k = &knobs[i];
        if (strcmp(k->name, name))
            continue;
        char *f = (char *)c + k->off;
        uint64_t u;
        bool b;
        uint32_t ch;
        switch (k->kind) {
        case K_BOOL:
            if (parse_bool(value, &b)) break;
            *(bool *)f = b;
            return 0;
        case K_U32:
            if (parse_size(value, &u) || u > UINT32_MAX) break;
            *(uint32_t *)f = (uint32_t)u;
            return 0;
        case K_U64:
            if (parse_size(value, &u)) break;
            *(uint64_t *)f = u;
            return 0;
        case K_CHOICE:
            if (set_choice(k->choices, value, &ch)) break;
            *(uint32_t *)f = ch;
            return 0;
        case K_BOOLCHOICE: {
            const char *bar = strchr(k->choices, '|');
            size_t l0 = (size_t)(bar - k->choices);
            if (strlen(value) == l0 && !strncasecmp(value, k->choices, l0)) {
                *(bool *)f = false;
                return 0;
            }
            if (!strcasecmp(value, bar + 1)) {
                *(bool *)f = true;
                return 0;
            }
            break;
        }
        }
        *err = e_value;
        return BCSIM_EINVAL;
    }
    *err = e_unknown;
    return BCSIM_EINVAL;
}

/* ---- the knob table for people (bcsim knobs, man pages, completion) --------------------------- */

/* "a=0,b=1,c=1" -> "a|b|c"; the names of a K_CHOICE knob. */
static void choice_names(const char *choices, char *out, size_t size)
{
    size_t n = 0;
    out[0] = 0;
    for (const char *p = choices; *p && n + 1 < size;) {
        const char *eq = strchr(p, '=');
        const char *comma = strchr(p, ',');
        if (!eq)
            break;
        if (n)
            out[n++] = '|';
        for (const char *c = p; c < eq && n + 1 < size; c++)
            out[n++] = *c;
        out[n] = 0;
        if (!comma)
            break;
        p = comma + 1;
    }
}

/* The name of value v of a K_CHOICE knob (the first that maps to it). */
static void choice_of(const char *choices, uint32_t v, char *out, size_t size)
{
    for (const char *p = choices; *p;) {
        const char *eq = strchr(p, '=');
        const char *comma = strchr(p, ',');
        if (!eq)
            break;
        if ((uint32_t)strtoul(eq + 1, NULL, 0) == v) {
            snprintf(out, size, "%.*s", (int)(eq - p), p);
            return;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    snprintf(out, size, "%u", v);
}

uint32_t bcsim_knob_count(void)
{
    return (uint32_t)BCSIM_ARRAY_SIZE(knobs);
}

int bcsim_knob_info(uint32_t index, bcsim_knob_info_t *out)
{
    static char values[BCSIM_ARRAY_SIZE(knobs)][128];
    static char defaults[BCSIM_ARRAY_SIZE(knobs)][48];
    if (index >= BCSIM_ARRAY_SIZE(knobs) || !out)
        return BCSIM_ENOTFOUND;
    const struct knob *k = &knobs[index];
    bcsim_config_t d;
    bcsim_config_init(&d);
    const char *f = (const char *)&d + k->off;
    char *val = values[index], *def = defaults[index];
    switch (k->kind) {
    case K_BOOL:
        snprintf(val, sizeof(values[0]), "on|off");
        snprintf(def, sizeof(defaults[0]), "%s", *(const bool *)f ? "on" : "off");
        break;
    case K_U32:
        snprintf(val, sizeof(values[0]), "a number (0x.., KiB, MiB, GiB suffixes)");
        snprintf(def, sizeof(defaults[0]), "%u", *(const uint32_t *)f);
        break;
    case K_U64:
        snprintf(val, sizeof(values[0]), "a size (0x.., KiB, MiB, GiB suffixes)");
        snprintf(def, sizeof(defaults[0]), "%llu", (unsigned long long)*(const uint64_t *)f);
        break;
    case K_CHOICE:
        choice_names(k->choices, val, sizeof(values[0]));
        choice_of(k->choices, *(const uint32_t *)f, def, sizeof(defaults[0]));
        break;
    case K_BOOLCHOICE: {
        const char *bar = strchr(k->choices, '|');
        snprintf(val, sizeof(values[0]), "%s", k->choices);
        if (*(const bool *)f)
            snprintf(def, sizeof(defaults[0]), "%s", bar + 1);
        else
            snprintf(def, sizeof(defaults[0]), "%.*s", (int)(bar - k->choices), k->choices);
        break;
    }
    }
    out->name = k->name;
    out->values = val;
    out->default_value = def;
    out->description = k->description;
    return 0;
}

int bcsim_knob_lookup(const char *name, uint32_t *index)
{
    for (uint32_t i = 0; name && i < BCSIM_ARRAY_SIZE(knobs); i++)
        if (!strcmp(knobs[i].name, name)) {
            if (index)
                *index = i;
            return 0;
        }
    return BCSIM_ENOTFOUND;
}
