/*
 * src/report/report.c — the report of a bug check in four forms (text, JSON, TAP, JUnit), all from
 * the same result object. JSON through jansson (a Debian-packaged library, README
 * "Dependencies"); findings always in the one format of bcsim_violation_format().
 */
#include "internal.h"
#include "bcsim/report.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

static const char *status_name(int32_t s)
{
    switch ((uint32_t)s) {
    case 0x00000000: return "STATUS_SUCCESS";
    case 0xC0000001: return "STATUS_UNSUCCESSFUL";
    case 0xC000000D: return "STATUS_INVALID_PARAMETER";
    case 0xC00000F2: return "STATUS_INVALID_PARAMETER_4";
    case 0xC0000023: return "STATUS_BUFFER_TOO_SMALL";
    case 0xC000009A: return "STATUS_INSUFFICIENT_RESOURCES";
    }
    return NULL;
}

static const char *hex64(uint64_t v)
{
    return bcsim__strfmt("%#llx", (unsigned long long)v);
}

static void count_findings(const bcsim_result_t *res, const bcsim_violation_t *extra,
                           uint32_t nextra, uint32_t n[3])
{
    n[0] = n[1] = n[2] = 0;
    for (uint32_t i = 0; res && i < res->violation_count; i++)
        n[res->violations[i].severity]++;
    for (uint32_t i = 0; i < nextra; i++)
        n[extra[i].severity]++;
}

/* ---- text ------------------------------------------------------------------------------- */

typedef struct io_summary {
    const void *record;
    const char *component, *routine;
    uint32_t writes[5];
    uint64_t bytes;
    uint8_t state_before, state_after;
    uint32_t faults;
} io_summary_t;

static void print_finding(FILE *out, const bcsim_violation_t *v, bool color)
{
    char buf[1024];
    bcsim_violation_format(v, buf, sizeof(buf));
    const char *c = !color ? "" : v->severity == BCSIM_SEV_VIOLATION ? "\033[31m"
                                : v->severity == BCSIM_SEV_WARNING ? "\033[33m" : "\033[2m";
    fprintf(out, "  %s%s%s\n", c, buf, color ? "\033[0m" : "");
}

void bcsim_report_text(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                       uint32_t nextra, const bcsim_report_opts_t *opts)
{
    bcsim_report_opts_t o = { 0 };
    if (opts)
        o = *opts;
    if (o.title)
        fprintf(out, "== %s\n", o.title);
    if (res) {
        const char *name = bcsim_bugcheck_name(res->code);
        fprintf(out, "bug check 0x%08X%s%s%s (%#llx, %#llx, %#llx, %#llx)\n", res->code,
                name ? " (" : "", name ? name : "", name ? ")" : "",
                (unsigned long long)res->params[0], (unsigned long long)res->params[1],
                (unsigned long long)res->params[2], (unsigned long long)res->params[3]);
        if (res->nested) {
            const char *nn = bcsim_bugcheck_name(res->displayed_code);
            fprintf(out, "nested bug check 0x%08X%s%s%s (%#llx, %#llx, %#llx, %#llx) raised by a callback; "
                         "it is the code displayed, no second dump%s\n",
                    res->displayed_code, nn ? " (" : "", nn ? nn : "", nn ? ")" : "",
                    (unsigned long long)res->displayed_params[0],
                    (unsigned long long)res->displayed_params[1],
                    (unsigned long long)res->displayed_params[2],
                    (unsigned long long)res->displayed_params[3],
                    res->halted_early ? "; the machine halted there" : "");
        }
        if (res->power_failure)
            fprintf(out, "power failure simulated: legacy callbacks only, no dump\n");

        fprintf(out, "\ncall sequence (%u calls):\n", res->call_count);
        fprintf(out, "  %-4s %-33s %-16s %-28s %-10s %s\n", "#", "phase", "component", "routine",
                "state", "detail");
        BCSIM_VEC(io_summary_t) ios = { 0 };
        for (uint32_t i = 0; i < res->call_count; i++) {
            const bcsim_call_t *c = &res->calls[i];
            if (c->reason == BCSIM_REASON_DUMP_IO && !o.verbose) {
                io_summary_t *s = NULL;
                for (size_t k = 0; k < ios.n; k++)
                    if (ios.v[k].record == c->record)
                        s = &ios.v[k];
                if (!s) {
                    s = BCSIM_VEC_PUSH(&ios);
                    if (!s)
                        continue;
                    s->record = c->record;
                    s->component = c->component;
                    s->routine = c->routine;
                    s->state_before = c->state_before;
                }
                if (c->io_type < 5)
                    s->writes[c->io_type]++;
                s->bytes += c->io_length;
                s->state_after = c->state_after;
                s->faults += c->outcome != BCSIM_OUTCOME_RETURNED;
                continue;
            }
            char detail[200] = "";
            char g[40];
            if (c->reason == BCSIM_REASON_DUMP_IO)
                snprintf(detail, sizeof(detail), "%s %u bytes at %s", bcsim_dump_io_type_name(c->io_type),
                         c->io_length, c->io_offset == UINT64_MAX ? "-1" : hex64(c->io_offset));
            else if (c->has_guid)
                snprintf(detail, sizeof(detail), "%llu bytes %s%s", (unsigned long long)c->bytes,
                         bcsim_guid_format(&c->guid, g),
                         c->flags & 1 ? " ADDITIONAL_DATA" : "");
            else if (c->reason == BCSIM_REASON_ADD_PAGES || c->reason == BCSIM_REASON_REMOVE_PAGES)
                snprintf(detail, sizeof(detail), "Flags %#x Address %#llx Count %llu%s%s", c->flags,
                         (unsigned long long)c->address, (unsigned long long)c->count,
                         c->status ? " -> " : "", c->status ? (status_name(c->status) ? status_name(c->status) : "error") : "");
            else if (c->reason == BCSIM_REASON_TRIAGE_DUMP_DATA && c->count)
                snprintf(detail, sizeof(detail), "%llu blocks, %llu bytes", (unsigned long long)c->count,
                         (unsigned long long)c->bytes);
            if (c->outcome != BCSIM_OUTCOME_RETURNED)
                snprintf(detail + strlen(detail), sizeof(detail) - strlen(detail), "%s%s",
                         detail[0] ? "; " : "",
                         c->outcome == BCSIM_OUTCOME_FAULTED ? "FAULTED"
                         : c->outcome == BCSIM_OUTCOME_HUNG ? "HUNG" : "BUG CHECKED");
            fprintf(out, "  %-4u %-33s %-16.16s %-28.28s %u -> %u     %s\n", c->seq,
                    bcsim_phase_name(c->phase), c->component ? c->component : "?",
                    c->routine ? c->routine : "?", c->state_before, c->state_after, detail);
        }
        for (size_t k = 0; k < ios.n; k++) {
            io_summary_t *s = &ios.v[k];
            fprintf(out, "  %-4s %-33s %-16.16s %-28.28s %u -> %u     header %u, body %u, secondary %u, complete %u writes; %llu bytes%s\n",
                    "-", "DumpIo (all writes)", s->component ? s->component : "?",
                    s->routine ? s->routine : "?", s->state_before, s->state_after, s->writes[1],
                    s->writes[2], s->writes[3], s->writes[4], (unsigned long long)s->bytes,
                    s->faults ? "; FAULTED" : "");
        }
        BCSIM_VEC_FREE(&ios);

        if (res->blob_count) {
            fprintf(out, "\nsecondary data (%u blocks):\n", res->blob_count);
            for (uint32_t i = 0; i < res->blob_count; i++) {
                char g[40];
                fprintf(out, "  %s %8u bytes at file offset %#llx  %s\n",
                        bcsim_guid_format(&res->blobs[i].guid, g), res->blobs[i].size,
                        (unsigned long long)res->blobs[i].data_offset,
                        res->blobs[i].component ? res->blobs[i].component : "");
            }
        }
        if (res->range_count) {
            fprintf(out, "\npage ranges accepted (%u):\n", res->range_count);
            for (uint32_t i = 0; i < res->range_count; i++) {
                const bcsim_range_t *r = &res->ranges[i];
                fprintf(out, "  %-24s %-9s %#llx + %#llx  %s\n", bcsim_reason_name(r->reason),
                        r->physical ? "physical" : "virtual", (unsigned long long)r->address,
                        (unsigned long long)r->size, r->component ? r->component : "");
            }
        }
        if (res->port_count) {
            /* A callback that drives a device for seconds makes millions of accesses: the text
             * shows the first ones (all with --verbose, up to the log's bound). */
            uint32_t shown = o.verbose ? res->port_count : BCSIM_MIN(res->port_count, 256u);
            uint64_t total = BCSIM_MAX(res->port_total, (uint64_t)res->port_count);
            fprintf(out, "\nport/register log (%llu accesses%s):\n", (unsigned long long)total,
                    shown < total ? bcsim__strfmt(", the first %u shown", shown) : "");
            for (uint32_t i = 0; i < shown; i++) {
                const bcsim_port_access_t *p = &res->ports[i];
                fprintf(out, "  %s %s%u %#llx %s %#llx (IRQL %u%s)\n",
                        p->is_register ? "REGISTER" : "PORT", p->write ? "WRITE" : "READ",
                        p->width * 8, (unsigned long long)p->address, p->write ? "<-" : "->",
                        (unsigned long long)p->value, p->irql,
                        p->call_seq != UINT32_MAX ? bcsim__strfmt(", call #%u", p->call_seq) : "");
            }
        }
        if (res->screen) {
            fprintf(out, "\nscreen (InbvDisplayString):\n");
            for (const char *l = res->screen; *l;) {
                const char *nl = strchr(l, '\n');
                int len = nl ? (int)(nl - l) : (int)strlen(l);
                fprintf(out, "  | %.*s\n", len, l);
                l += len + (nl != NULL);
            }
        }
        if (res->dump_type != BCSIM_DUMP_NONE && !res->power_failure) {
            if (res->dump_path && res->dump_status == 0)
                fprintf(out, "\ndump: %s (%llu bytes), SecondaryDataState %#x\n", res->dump_path,
                        (unsigned long long)res->dump_size, res->secondary_state);
            else if (res->dump_status)
                fprintf(out, "\ndump: NOT WRITTEN: %s\n", res->dump_error ? res->dump_error : bcsim_strerror(res->dump_status));
            else
                fprintf(out, "\ndump: streamed to DumpIo only (%llu bytes), SecondaryDataState %#x\n",
                        (unsigned long long)res->dump_size, res->secondary_state);
        }
    }
    uint32_t n[3];
    count_findings(res, extra, nextra, n);
    if (n[0] + n[1] + n[2]) {
        fprintf(out, "\nfindings:\n");
        for (uint32_t i = 0; res && i < res->violation_count; i++)
            print_finding(out, &res->violations[i], o.color);
        for (uint32_t i = 0; i < nextra; i++)
            print_finding(out, &extra[i], o.color);
    }
    fprintf(out, "\nsummary: %u callback calls, %u violations, %u warnings, %u notes: %s\n",
            res ? res->call_count : 0, n[BCSIM_SEV_VIOLATION], n[BCSIM_SEV_WARNING],
            n[BCSIM_SEV_INFO], n[BCSIM_SEV_VIOLATION] ? "FAIL" : "PASS");
}

/* ---- JSON ---------------------------------------------------------------------------------- */

static json_t *guid_json(const bcsim_guid_t *g)
{
    char b[40];
    return json_string(bcsim_guid_format(g, b));
}

/* A reason, state or DumpIo type: its name when it has one, else the number (so a report
 * read back, src/report/report_doc.c, keeps the value a driver wrote). */
static json_t *reason_json(int32_t r)
{
    return strcmp(bcsim_reason_name(r), "KbCallback?") ? json_string(bcsim_reason_name(r)) : json_integer(r);
}

static json_t *state_json(uint32_t s)
{
    return s <= BCSIM_STATE_INCOMPLETE ? json_string(bcsim_state_name(s)) : json_integer(s);
}

static json_t *violation_json(const bcsim_violation_t *v, bool during_bugcheck)
{
    char line[1024];
    bcsim_violation_format(v, line, sizeof(line));
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:s}", "name", v->name, "severity",
                          v->severity == BCSIM_SEV_VIOLATION ? "violation"
                          : v->severity == BCSIM_SEV_WARNING ? "warning" : "info",
                          "message", v->message, "file", v->file ? v->file : "?", "line",
                          (json_int_t)v->line, "pc", hex64(v->pc), "text", line);
    if (!o)
        return NULL;
    if (v->function)
        json_object_set_new(o, "function", json_string(v->function));
    if (v->component)
        json_object_set_new(o, "component", json_string(v->component));
    if (v->reason != BCSIM__NO_REASON)
        json_object_set_new(o, "reason", reason_json(v->reason));
    if (v->bugcheck_code) {
        json_t *p = json_array();
        for (int i = 0; i < 4; i++)
            json_array_append_new(p, json_string(hex64(v->bugcheck_params[i])));
        json_object_set_new(o, "would_bugcheck",
                            json_pack("{s:s, s:s?, s:o}", "code", hex64(v->bugcheck_code), "name",
                                      bcsim_bugcheck_name(v->bugcheck_code), "params", p));
    }
    if (v->address)
        json_object_set_new(o, "address", json_string(hex64(v->address)));
    if (v->call_seq != UINT32_MAX)
        json_object_set_new(o, "call", json_integer(v->call_seq));
    json_object_set_new(o, "during_bugcheck", json_boolean(during_bugcheck));
    return o;
}

void *bcsim__report_violation_json(const bcsim_violation_t *v, bool during_bugcheck)
{
    return violation_json(v, during_bugcheck);
}

static json_t *params_json(const uint64_t p[4])
{
    json_t *a = json_array();
    for (int i = 0; i < 4; i++)
        json_array_append_new(a, json_string(hex64(p[i])));
    return a;
}

void *bcsim__report_call_json(const bcsim_call_t *c)
{
    json_t *o = json_pack("{s:i, s:s, s:s, s:s?, s:s?, s:s, s:s, s:s, s:s}", "seq", (json_int_t)c->seq,
                          "phase", bcsim_phase_name(c->phase), "reason", bcsim_reason_name(c->reason),
                          "component", c->component, "routine", c->routine,
                          "record", hex64((uint64_t)c->record),
                          "state_before", bcsim_state_name(c->state_before),
                          "state_after", bcsim_state_name(c->state_after),
                          "outcome", c->outcome == BCSIM_OUTCOME_RETURNED ? "returned"
                                     : c->outcome == BCSIM_OUTCOME_FAULTED ? "faulted"
                                     : c->outcome == BCSIM_OUTCOME_HUNG ? "hung" : "nested_bugcheck");
    if (c->reason == BCSIM_REASON_DUMP_IO)
        json_object_set_new(o, "io", json_pack("{s:s, s:s, s:i}", "type", bcsim_dump_io_type_name(c->io_type),
                                               "offset", c->io_offset == UINT64_MAX ? "-1" : hex64(c->io_offset),
                                               "length", (json_int_t)c->io_length));
    if (c->has_guid) {
        json_object_set_new(o, "guid", guid_json(&c->guid));
        json_object_set_new(o, "bytes", json_integer((json_int_t)c->bytes));
    }
    if (c->reason == BCSIM_REASON_ADD_PAGES || c->reason == BCSIM_REASON_REMOVE_PAGES ||
        c->reason == BCSIM_REASON_SECONDARY_MULTIPART_DUMP_DATA)
        json_object_set_new(o, "flags", json_string(hex64(c->flags)));
    if (c->reason == BCSIM_REASON_ADD_PAGES || c->reason == BCSIM_REASON_REMOVE_PAGES) {
        json_object_set_new(o, "address", json_string(hex64(c->address)));
        json_object_set_new(o, "count", json_integer((json_int_t)c->count));
        if (c->status)
            json_object_set_new(o, "status", json_string(hex64((uint32_t)c->status)));
    }
    json_object_set_new(o, "state_before", state_json(c->state_before));
    json_object_set_new(o, "state_after", state_json(c->state_after));
    json_object_set_new(o, "reason", reason_json(c->reason));
    if (c->reason == BCSIM_REASON_TRIAGE_DUMP_DATA && c->count) {
        json_object_set_new(o, "count", json_integer((json_int_t)c->count));    /* triage blocks */
        json_object_set_new(o, "bytes", json_integer((json_int_t)c->bytes));
    }
    json_object_set_new(o, "irql_after", json_integer(c->irql_after));
    json_object_set_new(o, "wall_ns", json_integer((json_int_t)(c->wall_ns & INT64_MAX)));
    json_object_set_new(o, "virtual_100ns", json_integer((json_int_t)(c->virtual_100ns & INT64_MAX)));
    return o;
}

void *bcsim__report_json_object(const bcsim_result_t *res, const bcsim_violation_t *extra,
                                uint32_t nextra, const bcsim_report_opts_t *opts)
{
    json_t *root = json_object();
    json_object_set_new(root, "bcsim", json_string(bcsim_version()));
    if (opts && opts->title)
        json_object_set_new(root, "title", json_string(opts->title));
    if (res) {
        json_t *bc = json_pack("{s:s, s:s?, s:o, s:b, s:b, s:b}", "code", hex64(res->code), "name",
                               bcsim_bugcheck_name(res->code), "params", params_json(res->params),
                               "nested", res->nested, "power_failure", res->power_failure,
                               "halted_early", res->halted_early);
        if (res->nested)
            json_object_set_new(bc, "displayed",
                                json_pack("{s:s, s:s?, s:o}", "code", hex64(res->displayed_code),
                                          "name", bcsim_bugcheck_name(res->displayed_code),
                                          "params", params_json(res->displayed_params)));
        json_object_set_new(root, "bugcheck", bc);

        json_t *calls = json_array();
        for (uint32_t i = 0; i < res->call_count; i++) {
            json_array_append_new(calls, bcsim__report_call_json(&res->calls[i]));
        }
        json_object_set_new(root, "calls", calls);

        json_t *writes = json_array();
        for (uint32_t i = 0; i < res->write_count; i++) {
            const bcsim_dumpio_write_t *w = &res->writes[i];
            /* xxh3: as `xxhsum -H3` prints it (16 hex digits), to check a DumpIo mirror with */
            char xxh3[20];
            snprintf(xxh3, sizeof(xxh3), "%016llx", (unsigned long long)w->hash);
            json_array_append_new(writes, json_pack("{s:s, s:s, s:i, s:s*}", "type",
                                                    bcsim_dump_io_type_name(w->type), "file_offset",
                                                    hex64(w->file_offset), "length", (json_int_t)w->length,
                                                    "xxh3", w->hash ? xxh3 : NULL));
        }
        json_object_set_new(root, "dumpio_writes", writes);

        json_t *blobs = json_array();
        for (uint32_t i = 0; i < res->blob_count; i++)
            json_array_append_new(blobs, json_pack("{s:o, s:i, s:s, s:s?}", "guid", guid_json(&res->blobs[i].guid),
                                                   "size", (json_int_t)res->blobs[i].size, "data_offset",
                                                   hex64(res->blobs[i].data_offset), "component",
                                                   res->blobs[i].component));
        json_object_set_new(root, "secondary_data", blobs);

        json_t *ranges = json_array();
        for (uint32_t i = 0; i < res->range_count; i++) {
            const bcsim_range_t *r = &res->ranges[i];
            json_array_append_new(ranges, json_pack("{s:s, s:s, s:s, s:b, s:s?}", "reason", bcsim_reason_name(r->reason),
                                                    "address", hex64(r->address), "size", hex64(r->size),
                                                    "physical", r->physical, "component", r->component));
        }
        json_object_set_new(root, "page_ranges", ranges);

        json_t *ports = json_array();
        for (uint32_t i = 0; i < res->port_count; i++) {
            const bcsim_port_access_t *p = &res->ports[i];
            json_t *o = json_pack("{s:s, s:s, s:s, s:i, s:s, s:i}", "kind", p->is_register ? "register" : "port",
                                  "access", p->write ? "write" : "read", "address", hex64(p->address),
                                  "width", (json_int_t)p->width, "value", hex64(p->value), "irql", (json_int_t)p->irql);
            if (p->call_seq != UINT32_MAX)
                json_object_set_new(o, "call", json_integer(p->call_seq));
            json_array_append_new(ports, o);
        }
        json_object_set_new(root, "ports", ports);
        json_object_set_new(root, "port_accesses",
                            json_integer((json_int_t)BCSIM_MAX(res->port_total, (uint64_t)res->port_count)));
        json_object_set_new(root, "dbgprint", json_string(res->dbgprint ? res->dbgprint : ""));
        json_object_set_new(root, "screen", res->screen ? json_string(res->screen) : json_null());
        json_t *dump = json_pack("{s:s, s:s?, s:i, s:s}", "type",
                                 res->dump_type == BCSIM_DUMP_FULL ? "full"
                                 : res->dump_type == BCSIM_DUMP_BITMAP ? "bitmap"
                                 : res->dump_type == BCSIM_DUMP_SMALL ? "small"
                                 : res->dump_type == BCSIM_DUMP_HEADER ? "header" : "none",
                                 "path", res->dump_status == 0 ? res->dump_path : NULL,
                                 "size", (json_int_t)res->dump_size, "secondary_data_state",
                                 hex64(res->secondary_state));
        if (res->dump_status)
            json_object_set_new(dump, "error", json_string(res->dump_error ? res->dump_error : bcsim_strerror(res->dump_status)));
        json_object_set_new(root, "dump", dump);
    }
    json_t *vs = json_array();
    for (uint32_t i = 0; res && i < res->violation_count; i++)
        json_array_append_new(vs, violation_json(&res->violations[i], true));
    for (uint32_t i = 0; i < nextra; i++)
        json_array_append_new(vs, violation_json(&extra[i], false));
    json_object_set_new(root, "findings", vs);
    uint32_t n[3];
    count_findings(res, extra, nextra, n);
    json_object_set_new(root, "summary",
                        json_pack("{s:i, s:i, s:i, s:i, s:b}", "calls", (json_int_t)(res ? res->call_count : 0),
                                  "violations", (json_int_t)n[2], "warnings", (json_int_t)n[1], "notes",
                                  (json_int_t)n[0], "passed", n[2] == 0));
    return root;
}

int bcsim_report_json(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                      uint32_t nextra, const bcsim_report_opts_t *opts)
{
    json_t *root = bcsim__report_json_object(res, extra, nextra, opts);
    if (!root)
        return BCSIM_ENOMEM;
    int rc = json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) ? BCSIM_EIO : 0;
    fputc('\n', out);
    json_decref(root);
    return rc;
}

/* ---- TAP ------------------------------------------------------------------------------------ */

static void yaml_escape(FILE *out, const char *s)
{
    fputc('"', out);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        if ((unsigned char)*s >= 0x20)
            fputc(*s, out);
    }
    fputc('"', out);
}

void bcsim_report_tap(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                      uint32_t nextra, const bcsim_report_opts_t *opts)
{
    (void)opts;
    uint32_t nv = (res ? res->violation_count : 0) + nextra;
    uint32_t ncalls = 0;
    for (uint32_t i = 0; res && i < res->call_count; i++)
        ncalls += res->calls[i].reason != BCSIM_REASON_DUMP_IO ||
                  res->calls[i].io_type == BCSIM_DUMP_IO_COMPLETE;
    fprintf(out, "TAP version 13\n1..%u\n", ncalls + nv);
    uint32_t t = 0;
    for (uint32_t i = 0; res && i < res->call_count; i++) {
        const bcsim_call_t *c = &res->calls[i];
        if (c->reason == BCSIM_REASON_DUMP_IO && c->io_type != BCSIM_DUMP_IO_COMPLETE)
            continue;
        bool ok = c->outcome == BCSIM_OUTCOME_RETURNED && c->state_after != BCSIM_STATE_INCOMPLETE;
        fprintf(out, "%s %u - %s %s (%s) %s -> %s\n", ok ? "ok" : "not ok", ++t,
                bcsim_phase_name(c->phase), c->routine ? c->routine : "?",
                c->component ? c->component : "?", bcsim_state_name(c->state_before),
                bcsim_state_name(c->state_after));
    }
    for (uint32_t i = 0; i < nv; i++) {
        const bcsim_violation_t *v = res && i < res->violation_count ? &res->violations[i]
                                                                     : &extra[i - (res ? res->violation_count : 0)];
        char line[1024];
        bcsim_violation_format(v, line, sizeof(line));
        bool fail = v->severity == BCSIM_SEV_VIOLATION;
        fprintf(out, "%s %u - %s%s\n", fail ? "not ok" : "ok", ++t, v->name,
                fail ? "" : v->severity == BCSIM_SEV_WARNING ? " # warning" : " # note");
        fprintf(out, "  ---\n  message: ");
        yaml_escape(out, line);
        fprintf(out, "\n  ...\n");
    }
}

/* ---- JUnit ---------------------------------------------------------------------------------- */

static void xml_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\n')
                fputc(*s, out);
        }
    }
}

/* The record a finding belongs to (the call it happened in), or NULL. */
static const void *finding_record(const bcsim_result_t *res, const bcsim_violation_t *v)
{
    return v->call_seq != UINT32_MAX && res && v->call_seq < res->call_count
               ? res->calls[v->call_seq].record : NULL;
}

void bcsim_report_junit(FILE *out, const bcsim_result_t *res, const bcsim_violation_t *extra,
                        uint32_t nextra, const bcsim_report_opts_t *opts)
{
    /* One testcase per record (its calls are one callback's life), named after its component
     * and routine, timed by the wall time its calls took; the violations attached to its calls
     * fail it (one <failure> each), its warnings and notes are its <system-out>. Findings of no
     * record belong to a "bcsim" testcase. */
    typedef struct { const void *record; uint32_t first; uint64_t ns; } rec_t;
    BCSIM_VEC(rec_t) recs = { 0 };
    uint64_t total_ns = 0;
    for (uint32_t i = 0; res && i < res->call_count; i++) {
        rec_t *r = NULL;
        for (size_t k = 0; k < recs.n && !r; k++)
            if (recs.v[k].record == res->calls[i].record)
                r = &recs.v[k];
        if (!r && (r = BCSIM_VEC_PUSH(&recs)) != NULL) {
            r->record = res->calls[i].record;
            r->first = i;
            r->ns = 0;
        }
        if (r)
            r->ns += res->calls[i].wall_ns;
        total_ns += res->calls[i].wall_ns;
    }
    uint32_t total = (res ? res->violation_count : 0) + nextra;
#define FINDING(i) (res && (i) < res->violation_count ? &res->violations[i] : &extra[(i) - (res ? res->violation_count : 0)])
    uint32_t failed = 0;
    for (size_t k = 0; k <= recs.n; k++) {
        const void *rec = k < recs.n ? recs.v[k].record : NULL;
        bool fails = false;
        for (uint32_t i = 0; i < total && !fails; i++) {
            const bcsim_violation_t *v = FINDING(i);
            const void *vr = finding_record(res, v);
            bool known = false;
            for (size_t q = 0; q < recs.n; q++)
                known |= vr == recs.v[q].record;
            fails = v->severity == BCSIM_SEV_VIOLATION && (rec ? vr == rec : !known);
        }
        failed += fails;
    }
    const char *suite = opts && opts->title ? opts->title : "bcsim";
    /* A bare <testsuites> wrapper: `bcsim run` joins the suites of its boots under one. */
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    fputs("<testsuite name=\"", out);
    xml_escape(out, res ? bcsim__strfmt("bcsim %s: bug check %#x", suite, res->code) : bcsim__strfmt("bcsim %s", suite));
    fprintf(out, "\" tests=\"%zu\" failures=\"%u\" errors=\"0\" skipped=\"0\" time=\"%.6f\">\n",
            recs.n + 1, failed, (double)total_ns / 1e9);
    fputs("  <properties>\n", out);
    fprintf(out, "    <property name=\"bcsim.version\" value=\"%s\"/>\n", bcsim_version());
    if (res) {
        fprintf(out, "    <property name=\"bugcheck.code\" value=\"%#x\"/>\n", res->code);
        fputs("    <property name=\"bugcheck.name\" value=\"", out);
        xml_escape(out, bcsim_bugcheck_name(res->code) ? bcsim_bugcheck_name(res->code) : "?");
        fputs("\"/>\n", out);
        fprintf(out, "    <property name=\"callback.calls\" value=\"%u\"/>\n", res->call_count);
        if (res->dump_path) {
            fputs("    <property name=\"dump.path\" value=\"", out);
            xml_escape(out, res->dump_path);
            fputs("\"/>\n", out);
        }
    }
    uint32_t n[3];
    count_findings(res, extra, nextra, n);
    fprintf(out, "    <property name=\"findings.violations\" value=\"%u\"/>\n", n[BCSIM_SEV_VIOLATION]);
    fprintf(out, "    <property name=\"findings.warnings\" value=\"%u\"/>\n", n[BCSIM_SEV_WARNING]);
    fprintf(out, "    <property name=\"findings.notes\" value=\"%u\"/>\n", n[BCSIM_SEV_INFO]);
    fputs("  </properties>\n", out);
    for (size_t k = 0; k <= recs.n; k++) {
        const void *rec = k < recs.n ? recs.v[k].record : NULL;
        const bcsim_call_t *c = rec ? &res->calls[recs.v[k].first] : NULL;
        fputs("  <testcase classname=\"", out);
        xml_escape(out, c ? bcsim__strfmt("bcsim.%s", c->component ? c->component : "?") : "bcsim");
        fputs("\" name=\"", out);
        xml_escape(out, c ? bcsim__strfmt("%s %s", bcsim_reason_name(c->reason), c->routine ? c->routine : "?")
                          : "harness findings");
        fprintf(out, "\" time=\"%.6f\">\n", rec ? (double)recs.v[k].ns / 1e9 : 0.0);
        bool any_out = false;
        for (int pass = 0; pass < 2; pass++) {
            for (uint32_t i = 0; i < total; i++) {
                const bcsim_violation_t *v = FINDING(i);
                const void *vr = finding_record(res, v);
                bool mine = rec ? vr == rec : true;
                if (!rec)
                    for (size_t q = 0; q < recs.n; q++)
                        mine &= vr != recs.v[q].record;
                if (!mine || (pass == 0) != (v->severity == BCSIM_SEV_VIOLATION))
                    continue;
                char line[1024];
                bcsim_violation_format(v, line, sizeof(line));
                if (pass == 0) {
                    fputs("    <failure type=\"", out);
                    xml_escape(out, v->name);
                    fputs("\" message=\"", out);
                    xml_escape(out, line);
                    fputs("\">", out);
                    xml_escape(out, line);
                    fputs("</failure>\n", out);
                } else {
                    if (!any_out)
                        fputs("    <system-out>", out);
                    any_out = true;
                    xml_escape(out, bcsim__strfmt("%s: %s\n", v->severity == BCSIM_SEV_WARNING ? "warning" : "note", line));
                }
            }
        }
        if (any_out)
            fputs("</system-out>\n", out);
        fputs("  </testcase>\n", out);
    }
#undef FINDING
    fputs("</testsuite>\n</testsuites>\n", out);
    BCSIM_VEC_FREE(&recs);
}
