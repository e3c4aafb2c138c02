/*
 * src/report/report_doc.c — a report read back from its JSON form (see report_doc.h), the inverse
 * of bcsim__report_json_object() in src/report/report.c: the same keys, the same value forms
 * (numbers as "0x.." strings, names of reasons, states, phases and DumpIo types, a number
 * where a value has no name).
 *
 * The input comes from a boot child that ran driver code, so it is untrusted: unknown names,
 * wrong types and out-of-range values are errors naming the JSON path; missing optional keys
 * take the value the writer omits them for.
 */
#include "internal.h"
#include "report/report_doc.h"
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

struct bcsim__report_doc {
    bool has_result;
    bcsim_result_t res;
    BCSIM_VEC(bcsim_call_t) calls;
    BCSIM_VEC(bcsim_dumpio_write_t) writes;
    BCSIM_VEC(bcsim_blob_info_t) blobs;
    BCSIM_VEC(bcsim_port_access_t) ports;
    BCSIM_VEC(bcsim_range_t) ranges;
    BCSIM_VEC(bcsim_violation_t) in_bugcheck;
    BCSIM_VEC(bcsim_violation_t) extra;
    BCSIM_VEC(char *) strings;
    const char *title;
};

typedef struct ctx {
    bcsim__report_doc_t *d;
    char *err;
    size_t errlen;
    char path[160];
} ctx_t;

static int fail(ctx_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(ctx_t *c, const char *fmt, ...)
{
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    if (c->err && c->errlen)
        snprintf(c->err, c->errlen, "report%s: %s", c->path, what);
    return BCSIM_EFORMAT;
}

static const char *keep(bcsim__report_doc_t *d, const char *s)
{
    if (!s)
        return NULL;
    char *copy = strdup(s);
    char **slot = copy ? BCSIM_VEC_PUSH(&d->strings) : NULL;
    if (!slot) {
        free(copy);
        return NULL;
    }
    *slot = copy;
    return copy;
}

/* ---- values ------------------------------------------------------------------------------- */

/* A number: a JSON integer >= 0 or a string in C notation ("0x1a", "26"). */
static int u64_of(ctx_t *c, json_t *v, const char *key, uint64_t *out)
{
    if (json_is_integer(v)) {
        json_int_t i = json_integer_value(v);
        if (i < 0)
            return fail(c, "%s: negative number", key);
        *out = (uint64_t)i;
        return 0;
    }
    const char *s = json_string_value(v);
    if (!s)
        return fail(c, "%s: expected a number", key);
    if (!strcmp(s, "-1")) {
        *out = UINT64_MAX;
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 0);
    if (!*s || *s == '-' || *s == '+' || *s == ' ' || errno || *end)
        return fail(c, "%s: '%.40s' is not a number", key, s);
    *out = x;
    return 0;
}

static int field_u64(ctx_t *c, json_t *o, const char *key, bool required, uint64_t *out)
{
    json_t *v = json_object_get(o, key);
    if (!v) {
        if (required)
            return fail(c, "missing \"%s\"", key);
        return 0;
    }
    return u64_of(c, v, key, out);
}

static int field_u32(ctx_t *c, json_t *o, const char *key, bool required, uint32_t *out)
{
    uint64_t v = *out;
    int rc = field_u64(c, o, key, required, &v);
    if (rc)
        return rc;
    if (v > UINT32_MAX)
        return fail(c, "%s: out of range", key);
    *out = (uint32_t)v;
    return 0;
}

static int field_str(ctx_t *c, json_t *o, const char *key, bool required, const char **out)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) {
        if (required)
            return fail(c, "missing \"%s\"", key);
        *out = NULL;
        return 0;
    }
    if (!json_is_string(v))
        return fail(c, "%s: expected a string", key);
    *out = keep(c->d, json_string_value(v));
    return *out ? 0 : BCSIM_ENOMEM;
}

static int field_bool(ctx_t *c, json_t *o, const char *key, bool *out)
{
    json_t *v = json_object_get(o, key);
    if (!v)
        return 0;
    if (!json_is_boolean(v))
        return fail(c, "%s: expected true or false", key);
    *out = json_is_true(v);
    return 0;
}

/* A name from a table of value -> name, or a number. */
static int enum_of(ctx_t *c, json_t *v, const char *key, const char *(*name)(uint32_t),
                   uint32_t count, uint32_t *out)
{
    if (json_is_integer(v)) {
        json_int_t i = json_integer_value(v);
        if (i < 0 || i > UINT32_MAX)
            return fail(c, "%s: out of range", key);
        *out = (uint32_t)i;
        return 0;
    }
    const char *s = json_string_value(v);
    if (!s)
        return fail(c, "%s: expected a name or a number", key);
    for (uint32_t i = 0; i < count; i++)
        if (!strcmp(name(i), s)) {
            *out = i;
            return 0;
        }
    return fail(c, "%s: unknown name '%.40s'", key, s);
}

static int reason_of(ctx_t *c, json_t *v, const char *key, int32_t *out)
{
    if (json_is_integer(v)) {
        json_int_t i = json_integer_value(v);
        if (i < INT32_MIN + 1 || i > INT32_MAX)
            return fail(c, "%s: out of range", key);
        *out = (int32_t)i;
        return 0;
    }
    const char *s = json_string_value(v);
    if (!s)
        return fail(c, "%s: expected a reason", key);
    if (bcsim_reason_parse(s, out))
        return fail(c, "%s: unknown reason '%.40s'", key, s);
    return 0;
}

static const char *state_name(uint32_t s) { return bcsim_state_name(s); }
static const char *io_name(uint32_t t) { return bcsim_dump_io_type_name(t); }
static const char *phase_name(uint32_t p) { return bcsim_phase_name(p); }

static int guid_of(ctx_t *c, json_t *v, const char *key, bcsim_guid_t *g)
{
    const char *s = json_string_value(v);
    if (!s || bcsim_guid_parse(s, g))
        return fail(c, "%s: expected a GUID", key);
    return 0;
}

static int params_of(ctx_t *c, json_t *a, const char *key, uint64_t p[4])
{
    if (!json_is_array(a) || json_array_size(a) != 4)
        return fail(c, "%s: expected 4 numbers", key);
    for (size_t i = 0; i < 4; i++)
        if (u64_of(c, json_array_get(a, i), key, &p[i]))
            return BCSIM_EFORMAT;
    return 0;
}

static int object_at(ctx_t *c, json_t *o, const char *what)
{
    return json_is_object(o) ? 0 : fail(c, "%s: expected an object", what);
}

/* ---- items -------------------------------------------------------------------------------- */

static int call_of(ctx_t *c, json_t *o, bcsim_call_t *k)
{
    int rc = object_at(c, o, "call");
    memset(k, 0, sizeof(*k));
    uint64_t rec = 0;
    json_t *v;
    if (rc || (rc = field_u32(c, o, "seq", true, &k->seq)) ||
        (rc = field_str(c, o, "component", false, &k->component)) ||
        (rc = field_str(c, o, "routine", false, &k->routine)) ||
        (rc = field_u64(c, o, "record", true, &rec)) ||
        (rc = field_u32(c, o, "irql_after", false, &k->irql_after)) ||
        (rc = field_u64(c, o, "wall_ns", false, &k->wall_ns)) ||
        (rc = field_u64(c, o, "virtual_100ns", false, &k->virtual_100ns)))
        return rc;
    k->record = (const void *)(uintptr_t)rec;
    if (!(v = json_object_get(o, "phase")) ||
        enum_of(c, v, "phase", phase_name, BCSIM_PHASE__COUNT, &k->phase))
        return v ? BCSIM_EFORMAT : fail(c, "missing \"phase\"");
    if (!(v = json_object_get(o, "reason")) || reason_of(c, v, "reason", &k->reason))
        return v ? BCSIM_EFORMAT : fail(c, "missing \"reason\"");
    uint32_t st;
    if (!(v = json_object_get(o, "state_before")) || enum_of(c, v, "state_before", state_name, 5, &st) ||
        st > 255)
        return fail(c, "state_before: expected a state");
    k->state_before = (uint8_t)st;
    if (!(v = json_object_get(o, "state_after")) || enum_of(c, v, "state_after", state_name, 5, &st) ||
        st > 255)
        return fail(c, "state_after: expected a state");
    k->state_after = (uint8_t)st;
    const char *out = json_string_value(json_object_get(o, "outcome"));
    if (!out)
        return fail(c, "missing \"outcome\"");
    if (!strcmp(out, "returned")) k->outcome = BCSIM_OUTCOME_RETURNED;
    else if (!strcmp(out, "faulted")) k->outcome = BCSIM_OUTCOME_FAULTED;
    else if (!strcmp(out, "hung")) k->outcome = BCSIM_OUTCOME_HUNG;
    else if (!strcmp(out, "nested_bugcheck")) k->outcome = BCSIM_OUTCOME_NESTED;
    else return fail(c, "outcome: unknown '%.40s'", out);
    if ((v = json_object_get(o, "io"))) {
        uint64_t len = 0;
        if (object_at(c, v, "io") || !json_object_get(v, "type") ||
            enum_of(c, json_object_get(v, "type"), "io.type", io_name, 5, &k->io_type) ||
            field_u64(c, v, "offset", true, &k->io_offset) || field_u64(c, v, "length", true, &len))
            return BCSIM_EFORMAT;
        if (len > UINT32_MAX)
            return fail(c, "io.length: out of range");
        k->io_length = (uint32_t)len;
    }
    if ((v = json_object_get(o, "guid"))) {
        if (guid_of(c, v, "guid", &k->guid))
            return BCSIM_EFORMAT;
        k->has_guid = true;
    }
    if (field_u64(c, o, "bytes", k->has_guid, &k->bytes))
        return BCSIM_EFORMAT;
    uint64_t status = 0;
    if (field_u32(c, o, "flags", false, &k->flags) || field_u64(c, o, "address", false, &k->address) ||
        field_u64(c, o, "count", false, &k->count) || field_u64(c, o, "status", false, &status))
        return BCSIM_EFORMAT;
    if (status > UINT32_MAX)
        return fail(c, "status: out of range");
    k->status = (int32_t)(uint32_t)status;
    return 0;
}

static int finding_of(ctx_t *c, json_t *o, bcsim_violation_t *v, bool *during)
{
    memset(v, 0, sizeof(*v));
    v->reason = BCSIM__NO_REASON;
    v->call_seq = UINT32_MAX;
    const char *name = NULL, *sev = NULL;
    int rc = object_at(c, o, "finding");
    if (rc || (rc = field_str(c, o, "name", true, &name)) || (rc = field_str(c, o, "severity", true, &sev)) ||
        (rc = field_str(c, o, "message", true, &v->message)) ||
        (rc = field_str(c, o, "file", false, &v->file)) || (rc = field_u32(c, o, "line", false, &v->line)) ||
        (rc = field_u64(c, o, "pc", false, &v->pc)) ||
        (rc = field_str(c, o, "function", false, &v->function)) ||
        (rc = field_str(c, o, "component", false, &v->component)) ||
        (rc = field_u64(c, o, "address", false, &v->address)) ||
        (rc = field_u32(c, o, "call", false, &v->call_seq)))
        return rc;
    if (bcsim_violation_lookup(name, &v->id))
        return fail(c, "name: '%.60s' is not a finding bcsim knows", name);
    v->name = bcsim_violation_name(v->id);
    if (!strcmp(sev, "violation")) v->severity = BCSIM_SEV_VIOLATION;
    else if (!strcmp(sev, "warning")) v->severity = BCSIM_SEV_WARNING;
    else if (!strcmp(sev, "info")) v->severity = BCSIM_SEV_INFO;
    else return fail(c, "severity: unknown '%.40s'", sev);
    json_t *r = json_object_get(o, "reason");
    if (r && reason_of(c, r, "reason", &v->reason))
        return BCSIM_EFORMAT;
    json_t *wb = json_object_get(o, "would_bugcheck");
    if (wb && (object_at(c, wb, "would_bugcheck") || field_u32(c, wb, "code", true, &v->bugcheck_code) ||
               params_of(c, json_object_get(wb, "params"), "would_bugcheck.params", v->bugcheck_params)))
        return BCSIM_EFORMAT;
    *during = false;
    return field_bool(c, o, "during_bugcheck", during);
}

/* ---- the document ------------------------------------------------------------------------- */

bcsim__report_doc_t *bcsim__report_doc_new(void)
{
    return calloc(1, sizeof(bcsim__report_doc_t));
}

void bcsim__report_doc_free(bcsim__report_doc_t *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->strings.n; i++)
        free(d->strings.v[i]);
    BCSIM_VEC_FREE(&d->strings);
    BCSIM_VEC_FREE(&d->calls);
    BCSIM_VEC_FREE(&d->writes);
    BCSIM_VEC_FREE(&d->blobs);
    BCSIM_VEC_FREE(&d->ports);
    BCSIM_VEC_FREE(&d->ranges);
    BCSIM_VEC_FREE(&d->in_bugcheck);
    BCSIM_VEC_FREE(&d->extra);
    free(d);
}

static json_t *parse(ctx_t *c, const char *text, size_t len)
{
    json_error_t e;
    json_t *j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &e);
    if (!j)
        fail(c, "invalid JSON at line %d: %s", e.line, e.text);
    return j;
}

static int add_finding_json(ctx_t *c, json_t *o)
{
    bcsim_violation_t v;
    bool during = false;
    int rc = finding_of(c, o, &v, &during);
    if (rc)
        return rc;
    if (during)
        c->d->has_result = true;
    bcsim_violation_t *slot = during ? BCSIM_VEC_PUSH(&c->d->in_bugcheck) : BCSIM_VEC_PUSH(&c->d->extra);
    if (!slot)
        return BCSIM_ENOMEM;
    *slot = v;
    return 0;
}

#define ARRAY_OF(c, root, key, ...)                                                             \
    do {                                                                                        \
        json_t *arr_ = json_object_get(root, key);                                              \
        if (arr_ && !json_is_array(arr_))                                                       \
            return fail(c, "%s: expected an array", key);                                       \
        size_t i_;                                                                              \
        json_t *it;                                                                             \
        json_array_foreach(arr_, i_, it) {                                                      \
            snprintf((c)->path, sizeof((c)->path), ".%s[%zu]", key, i_);                        \
            if (!json_is_object(it))                                                            \
                return fail(c, "expected an object");                                           \
            __VA_ARGS__                                                                         \
        }                                                                                       \
        (c)->path[0] = 0;                                                                       \
    } while (0)

static int load_root(ctx_t *c, json_t *root)
{
    bcsim__report_doc_t *d = c->d;
    if (!json_is_object(root))
        return fail(c, "expected an object");
    if (field_str(c, root, "title", false, &d->title))
        return BCSIM_EFORMAT;
    json_t *bc = json_object_get(root, "bugcheck");
    if (bc) {
        bcsim_result_t *r = &d->res;
        d->has_result = true;
        snprintf(c->path, sizeof(c->path), ".bugcheck");
        if (object_at(c, bc, "bugcheck") || field_u32(c, bc, "code", true, &r->code) ||
            params_of(c, json_object_get(bc, "params"), "params", r->params) ||
            field_bool(c, bc, "nested", &r->nested) || field_bool(c, bc, "power_failure", &r->power_failure) ||
            field_bool(c, bc, "halted_early", &r->halted_early))
            return BCSIM_EFORMAT;
        json_t *disp = json_object_get(bc, "displayed");
        r->displayed_code = r->code;
        memcpy(r->displayed_params, r->params, sizeof(r->params));
        if (disp && (object_at(c, disp, "displayed") || field_u32(c, disp, "code", true, &r->displayed_code) ||
                     params_of(c, json_object_get(disp, "params"), "displayed.params", r->displayed_params)))
            return BCSIM_EFORMAT;
        c->path[0] = 0;
    }
    ARRAY_OF(c, root, "calls", {
        bcsim_call_t k;
        if (call_of(c, it, &k))
            return BCSIM_EFORMAT;
        bcsim_call_t *slot = BCSIM_VEC_PUSH(&d->calls);
        if (!slot)
            return BCSIM_ENOMEM;
        *slot = k;
    });
    ARRAY_OF(c, root, "dumpio_writes", {
        bcsim_dumpio_write_t w = { 0 };
        uint64_t len = 0;
        if (!json_object_get(it, "type") ||
            enum_of(c, json_object_get(it, "type"), "type", io_name, 5, &w.type) ||
            field_u64(c, it, "file_offset", true, &w.file_offset) || field_u64(c, it, "length", true, &len) ||
            len > UINT32_MAX)
            return fail(c, "expected a DumpIo write");
        /* xxh3: 16 hex digits without a prefix, as `xxhsum -H3` prints it */
        json_t *h = json_object_get(it, "xxh3");
        if (h) {
            const char *hs = json_string_value(h);
            char *end;
            errno = 0;
            if (!hs || strlen(hs) != 16 || (w.hash = strtoull(hs, &end, 16), errno || *end))
                return fail(c, "xxh3: expected 16 hex digits");
        }
        w.length = (uint32_t)len;
        bcsim_dumpio_write_t *slot = BCSIM_VEC_PUSH(&d->writes);
        if (!slot)
            return BCSIM_ENOMEM;
        *slot = w;
    });
    ARRAY_OF(c, root, "secondary_data", {
        bcsim_blob_info_t b = { 0 };
        if (guid_of(c, json_object_get(it, "guid"), "guid", &b.guid) ||
            field_u32(c, it, "size", true, &b.size) || field_u64(c, it, "data_offset", true, &b.data_offset) ||
            field_str(c, it, "component", false, &b.component))
            return BCSIM_EFORMAT;
        bcsim_blob_info_t *slot = BCSIM_VEC_PUSH(&d->blobs);
        if (!slot)
            return BCSIM_ENOMEM;
        *slot = b;
    });
    ARRAY_OF(c, root, "page_ranges", {
        bcsim_range_t g = { 0 };
        json_t *r = json_object_get(it, "reason");
        if (!r || reason_of(c, r, "reason", &g.reason) || field_u64(c, it, "address", true, &g.address) ||
            field_u64(c, it, "size", true, &g.size) || field_bool(c, it, "physical", &g.physical) ||
            field_str(c, it, "component", false, &g.component))
            return r ? BCSIM_EFORMAT : fail(c, "missing \"reason\"");
        bcsim_range_t *slot = BCSIM_VEC_PUSH(&d->ranges);
        if (!slot)
            return BCSIM_ENOMEM;
        *slot = g;
    });
    ARRAY_OF(c, root, "ports", {
        bcsim_port_access_t a = { .call_seq = UINT32_MAX };
        const char *kind = json_string_value(json_object_get(it, "kind"));
        const char *access = json_string_value(json_object_get(it, "access"));
        uint32_t width = 0, irql = 0;
        if (!kind || !access || (strcmp(kind, "port") && strcmp(kind, "register")) ||
            (strcmp(access, "read") && strcmp(access, "write")))
            return fail(c, "expected kind port|register and access read|write");
        a.is_register = !strcmp(kind, "register");
        a.write = !strcmp(access, "write");
        if (field_u64(c, it, "address", true, &a.address) || field_u64(c, it, "value", true, &a.value) ||
            field_u32(c, it, "width", true, &width) || field_u32(c, it, "irql", true, &irql) ||
            field_u32(c, it, "call", false, &a.call_seq))
            return BCSIM_EFORMAT;
        if (width > 8 || irql > 255)
            return fail(c, "width or irql out of range");
        a.width = (uint8_t)width;
        a.irql = (uint8_t)irql;
        bcsim_port_access_t *slot = BCSIM_VEC_PUSH(&d->ports);
        if (!slot)
            return BCSIM_ENOMEM;
        *slot = a;
    });
    if (field_str(c, root, "dbgprint", false, &d->res.dbgprint) ||
        field_str(c, root, "screen", false, &d->res.screen) ||
        field_u64(c, root, "port_accesses", false, &d->res.port_total))
        return BCSIM_EFORMAT;
    json_t *dump = json_object_get(root, "dump");
    if (dump) {
        snprintf(c->path, sizeof(c->path), ".dump");
        const char *type = json_string_value(json_object_get(dump, "type"));
        static const struct { const char *n; uint32_t v; } types[] = {
            { "none", BCSIM_DUMP_NONE }, { "full", BCSIM_DUMP_FULL }, { "bitmap", BCSIM_DUMP_BITMAP },
            { "small", BCSIM_DUMP_SMALL }, { "header", BCSIM_DUMP_HEADER } };
        bool known = false;
        for (size_t i = 0; type && i < BCSIM_ARRAY_SIZE(types); i++)
            if (!strcmp(type, types[i].n)) {
                d->res.dump_type = types[i].v;
                known = true;
            }
        if (object_at(c, dump, "dump") || !known)
            return fail(c, "type: expected none, full, bitmap, small or header");
        if (field_str(c, dump, "path", false, &d->res.dump_path) ||
            field_u64(c, dump, "size", false, &d->res.dump_size) ||
            field_u32(c, dump, "secondary_data_state", false, &d->res.secondary_state) ||
            field_str(c, dump, "error", false, &d->res.dump_error))
            return BCSIM_EFORMAT;
        d->res.dump_status = d->res.dump_error ? BCSIM_EIO : 0;
        c->path[0] = 0;
    }
    ARRAY_OF(c, root, "findings", {
        int rc = add_finding_json(c, it);
        if (rc)
            return rc;
    });
    return 0;
}

int bcsim__report_doc_load(bcsim__report_doc_t *d, const char *text, size_t len, char *err,
                           size_t errlen)
{
    ctx_t c = { .d = d, .err = err, .errlen = errlen };
    json_t *root = parse(&c, text, len);
    if (!root)
        return BCSIM_EFORMAT;
    int rc = load_root(&c, root);
    json_decref(root);
    return rc;
}

int bcsim__report_doc_add_call(bcsim__report_doc_t *d, const char *text, size_t len, char *err,
                               size_t errlen)
{
    ctx_t c = { .d = d, .err = err, .errlen = errlen };
    json_t *o = parse(&c, text, len);
    if (!o)
        return BCSIM_EFORMAT;
    bcsim_call_t k;
    int rc = call_of(&c, o, &k);
    json_decref(o);
    if (rc)
        return rc;
    bcsim_call_t *slot = BCSIM_VEC_PUSH(&d->calls);
    if (!slot)
        return BCSIM_ENOMEM;
    *slot = k;
    d->has_result = true;
    return 0;
}

int bcsim__report_doc_add_finding(bcsim__report_doc_t *d, const char *text, size_t len,
                                  char *err, size_t errlen)
{
    ctx_t c = { .d = d, .err = err, .errlen = errlen };
    json_t *o = parse(&c, text, len);
    if (!o)
        return BCSIM_EFORMAT;
    int rc = add_finding_json(&c, o);
    json_decref(o);
    return rc;
}

void bcsim__report_doc_set_bugcheck(bcsim__report_doc_t *d, uint32_t code, const uint64_t p[4])
{
    d->has_result = true;
    d->res.code = d->res.displayed_code = code;
    memcpy(d->res.params, p, sizeof(d->res.params));
    memcpy(d->res.displayed_params, p, sizeof(d->res.params));
}

int bcsim__report_doc_add_violation(bcsim__report_doc_t *d, const bcsim_violation_t *v,
                                    bool during_bugcheck)
{
    bcsim_violation_t *slot = during_bugcheck ? BCSIM_VEC_PUSH(&d->in_bugcheck) : BCSIM_VEC_PUSH(&d->extra);
    if (!slot)
        return BCSIM_ENOMEM;
    *slot = *v;
    slot->name = bcsim_violation_name(v->id);
    slot->message = keep(d, v->message);
    slot->file = keep(d, v->file);
    slot->function = keep(d, v->function);
    slot->component = keep(d, v->component);
    if (during_bugcheck)
        d->has_result = true;
    return 0;
}

void bcsim__report_doc_set_dump(bcsim__report_doc_t *d, uint32_t dump_type, const char *path,
                                uint64_t size, const char *error)
{
    d->res.dump_type = dump_type;
    d->res.dump_size = size;
    d->res.dump_path = keep(d, path);
    d->res.dump_error = keep(d, error);
    d->res.dump_status = error ? BCSIM_EIO : 0;
}

void bcsim__report_doc_set_title(bcsim__report_doc_t *d, const char *title)
{
    d->title = keep(d, title);
}

const bcsim_result_t *bcsim__report_doc_result(bcsim__report_doc_t *d)
{
    if (!d->has_result)
        return NULL;
    bcsim_result_t *r = &d->res;
    r->calls = d->calls.v;
    r->call_count = (uint32_t)d->calls.n;
    r->writes = d->writes.v;
    r->write_count = (uint32_t)d->writes.n;
    r->blobs = d->blobs.v;
    r->blob_count = (uint32_t)d->blobs.n;
    r->ports = d->ports.v;
    r->port_count = (uint32_t)d->ports.n;
    r->ranges = d->ranges.v;
    r->range_count = (uint32_t)d->ranges.n;
    r->violations = d->in_bugcheck.v;
    r->violation_count = (uint32_t)d->in_bugcheck.n;
    return r;
}

const bcsim_violation_t *bcsim__report_doc_extra(const bcsim__report_doc_t *d, uint32_t *n)
{
    *n = (uint32_t)d->extra.n;
    return d->extra.v;
}

const char *bcsim__report_doc_title(const bcsim__report_doc_t *d)
{
    return d->title;
}

uint32_t bcsim__report_doc_violations(bcsim__report_doc_t *d)
{
    uint32_t n = 0;
    for (size_t i = 0; i < d->in_bugcheck.n; i++)
        n += d->in_bugcheck.v[i].severity == BCSIM_SEV_VIOLATION;
    for (size_t i = 0; i < d->extra.n; i++)
        n += d->extra.v[i].severity == BCSIM_SEV_VIOLATION;
    return n;
}
