/*
 * src/report/scenario.c — the JSON scenario parser (format: include/bcsim/scenario.h), through
 * jansson. Strict: unknown keys, wrong types and out-of-range values are errors naming the
 * JSON path, so a typo in a CI scenario fails loudly instead of testing something else.
 * A fuzz target (fuzz/fuzz_scenario.c) feeds it arbitrary bytes.
 */
#include "internal.h"
#include "bcsim/scenario.h"
#include "report/report.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct knob {
    char *name, *value;
} knob_t;

typedef struct dev_value {
    char *key, *name;                          /* "parameters\\Sub", value name */
    uint32_t type;
    uint8_t *data;                             /* UTF-8 for the string types */
    uint32_t size;
} dev_value_t;

struct bcsim_scenario {
    char *name;
    BCSIM_VEC(char *) drivers;
    BCSIM_VEC(knob_t) config;
    BCSIM_VEC(bcsim_scenario_port_t) ports;
    BCSIM_VEC(bcsim_scenario_pci_t) pci;
    BCSIM_VEC(bcsim_scenario_bugcheck_t) bugchecks;
    BCSIM_VEC(BCSIM_VEC(knob_t)) bc_config;   /* per bug check */
    BCSIM_VEC(char *) expect;                  /* NULL-terminated when present */
    bool has_expect;
    /* "device": the simulated device KMDF drivers get (bcsim_sim_device_*) */
    bool has_device;
    BCSIM_VEC(bcsim_device_resource_t) dev_resources;
    BCSIM_VEC(dev_value_t) dev_values;
    bool dev_has_pci;
    uint32_t dev_pci[3];                       /* bus, device, function */
};

#define MAX_ITEMS 4096

static int fail(char *err, uint64_t size, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(char *err, uint64_t size, const char *path, const char *fmt, ...)
{
    if (err && size) {
        int n = snprintf(err, (size_t)size, "%s%s", path, path[0] ? ": " : "");
        va_list ap;
        va_start(ap, fmt);
        if (n >= 0 && (uint64_t)n < size)
            vsnprintf(err + n, (size_t)size - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return BCSIM_EFORMAT;
}

static char *join_path(const char *base, const char *rel)
{
    if (!base || !*base || rel[0] == '/')
        return strdup(rel);
    size_t n = strlen(base) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", base, rel);
    return p;
}

/* A number as a JSON integer or a string ("0x1F", "31"). */
static int get_u64(json_t *v, uint64_t *out)
{
    if (json_is_integer(v)) {
        json_int_t i = json_integer_value(v);
        if (i < 0)
            return -1;
        *out = (uint64_t)i;
        return 0;
    }
    if (json_is_string(v)) {
        const char *s = json_string_value(v);
        char *end;
        errno = 0;
        if (!*s || *s == '-')
            return -1;
        unsigned long long x = strtoull(s, &end, 0);
        if (errno || *end)
            return -1;
        *out = x;
        return 0;
    }
    return -1;
}

static int parse_knobs(json_t *obj, const char *path, void *vec_, char *err, uint64_t es)
{
    BCSIM_VEC(knob_t) *vec = vec_;
    if (!json_is_object(obj))
        return fail(err, es, path, "expected an object of knob names to values");
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        char vbuf[64];
        const char *val;
        if (json_is_string(v))
            val = json_string_value(v);
        else if (json_is_integer(v)) {
            snprintf(vbuf, sizeof(vbuf), "%lld", (long long)json_integer_value(v));
            val = vbuf;
        } else if (json_is_boolean(v))
            val = json_is_true(v) ? "on" : "off";
        else
            return fail(err, es, path, "knob \"%s\": expected a string, number or boolean", k);
        /* Check the knob now: a bad one is reported with its path, not at run time. */
        bcsim_config_t probe;
        bcsim_config_init(&probe);
        const char *why;
        if (bcsim_config_set(&probe, k, val, &why) != 0)
            return fail(err, es, path, "knob \"%s\" = \"%s\": %s", k, val, why);
        knob_t *kn = BCSIM_VEC_PUSH(vec);
        if (!kn || vec->n > MAX_ITEMS)
            return fail(err, es, path, "too many knobs");
        kn->name = strdup(k);
        kn->value = strdup(val);
        if (!kn->name || !kn->value)
            return BCSIM_ENOMEM;
    }
    return 0;
}

static int check_keys(json_t *obj, const char *path, const char *const *allowed, char *err,
                      uint64_t es)
{
    const char *k;
    json_t *v;
    json_object_foreach(obj, k, v) {
        bool ok = false;
        for (const char *const *a = allowed; *a; a++)
            ok |= !strcmp(k, *a);
        if (!ok)
            return fail(err, es, path, "unknown key \"%s\"", k);
    }
    return 0;
}

static int parse_dump_type(const char *s, int32_t *out)
{
    static const struct { const char *n; int32_t v; } t[] = {
        { "none", BCSIM_DUMP_NONE }, { "full", BCSIM_DUMP_FULL }, { "complete", BCSIM_DUMP_FULL },
        { "bitmap", BCSIM_DUMP_BITMAP }, { "kernel", BCSIM_DUMP_BITMAP },
        { "small", BCSIM_DUMP_SMALL }, { "header", BCSIM_DUMP_HEADER },
    };
    for (size_t i = 0; i < BCSIM_ARRAY_SIZE(t); i++)
        if (!strcmp(s, t[i].n)) {
            *out = t[i].v;
            return 0;
        }
    return -1;
}

static int parse_bugcheck(bcsim_scenario_t *s, json_t *b, size_t idx, const char *base,
                          char *err, uint64_t es)
{
    char path[64];
    snprintf(path, sizeof(path), "bugchecks[%zu]", idx);
    if (!json_is_object(b))
        return fail(err, es, path, "expected an object");
    static const char *const keys[] = { "code", "params", "dump", "dump_type", "live", "config", NULL };
    int rc = check_keys(b, path, keys, err, es);
    if (rc)
        return rc;
    bcsim_scenario_bugcheck_t *bc = BCSIM_VEC_PUSH(&s->bugchecks);
    BCSIM_VEC(knob_t) *kv = (void *)BCSIM_VEC_PUSH(&s->bc_config);
    if (!bc || !kv)
        return BCSIM_ENOMEM;
    bc->code = 0xE2;
    bc->dump_type = -1;
    bc->live = -1;
    json_t *v = json_object_get(b, "code");
    if (v) {
        uint64_t c;
        if (json_is_string(v) && bcsim_bugcheck_parse(json_string_value(v), &bc->code) == 0)
            ;
        else if (get_u64(v, &c) == 0 && c <= 0xFFFFFFFFULL)
            bc->code = (uint32_t)c;
        else
            return fail(err, es, path, "code: expected a bug-check name or a 32-bit number");
    }
    v = json_object_get(b, "params");
    if (v) {
        if (!json_is_array(v) || json_array_size(v) > 4)
            return fail(err, es, path, "params: expected an array of at most 4 numbers");
        for (size_t i = 0; i < json_array_size(v); i++)
            if (get_u64(json_array_get(v, i), &bc->params[i]))
                return fail(err, es, path, "params[%zu]: expected a number (or a \"0x...\" string)", i);
    }
    v = json_object_get(b, "dump");
    if (v) {
        if (!json_is_string(v) || !*json_string_value(v))
            return fail(err, es, path, "dump: expected a file path");
        bc->dump_path = join_path(base, json_string_value(v));
    }
    v = json_object_get(b, "dump_type");
    if (v && (!json_is_string(v) || parse_dump_type(json_string_value(v), &bc->dump_type)))
        return fail(err, es, path, "dump_type: expected one of none, full, bitmap, small, header");
    v = json_object_get(b, "live");
    if (v) {
        if (!json_is_boolean(v))
            return fail(err, es, path, "live: expected true or false");
        bc->live = json_is_true(v);
    }
    v = json_object_get(b, "config");
    if (v) {
        char p2[96];
        snprintf(p2, sizeof(p2), "%s.config", path);
        return parse_knobs(v, p2, kv, err, es);
    }
    return 0;
}

/* One PCI function: bus (default 0), device, function (default 0), its configuration space as
 * "config" (an array of byte values, or a string of hex bytes, spaces allowed), then the header
 * fields vendor_id, device_id, revision, class (base << 16 | sub << 8 | prog-if), header_type,
 * subsystem_vendor_id, subsystem_id written over it. */
static int parse_pci(bcsim_scenario_t *s, json_t *p, const char *path, char *err, uint64_t es)
{
    if (!json_is_object(p))
        return fail(err, es, path, "expected an object");
    static const char *const keys[] = { "bus", "device", "function", "config", "vendor_id", "device_id",
                                        "revision", "class", "header_type", "subsystem_vendor_id",
                                        "subsystem_id", NULL };
    int rc = check_keys(p, path, keys, err, es);
    if (rc)
        return rc;
    uint64_t bus = 0, dev, fn = 0;
    json_t *v = json_object_get(p, "bus");
    if (v && (get_u64(v, &bus) || bus > 0xFF))
        return fail(err, es, path, "bus: expected a number from 0 to 255");
    v = json_object_get(p, "device");
    if (!v || get_u64(v, &dev) || dev > 31)
        return fail(err, es, path, "device: expected a number from 0 to 31");
    v = json_object_get(p, "function");
    if (v && (get_u64(v, &fn) || fn > 7))
        return fail(err, es, path, "function: expected a number from 0 to 7");
    uint8_t *space = calloc(1, 4096);
    if (!space)
        return BCSIM_ENOMEM;
    uint32_t len = 0;
    v = json_object_get(p, "config");
    if (json_is_array(v)) {
        if (json_array_size(v) > 4096) {
            free(space);
            return fail(err, es, path, "config: at most 4096 bytes");
        }
        for (size_t k = 0; k < json_array_size(v); k++) {
            uint64_t b;
            if (get_u64(json_array_get(v, k), &b) || b > 0xFF) {
                free(space);
                return fail(err, es, path, "config[%zu]: expected a byte value", k);
            }
            space[len++] = (uint8_t)b;
        }
    } else if (json_is_string(v)) {
        const char *t = json_string_value(v);
        while (*t) {
            if (*t == ' ' || *t == '\n' || *t == '\t' || *t == ',') {
                t++;
                continue;
            }
            char hex[3] = { t[0], t[0] ? t[1] : 0, 0 }, *end;
            unsigned long b = strtoul(hex, &end, 16);
            if (end != hex + 2 || len == 4096) {
                free(space);
                return fail(err, es, path, "config: expected hex byte pairs (at most 4096)");
            }
            space[len++] = (uint8_t)b;
            t += 2;
        }
    } else if (v) {
        free(space);
        return fail(err, es, path, "config: expected an array of bytes or a hex string");
    }
    static const struct { const char *key; uint32_t off, width; } fields[] = {
        { "vendor_id", 0x00, 2 }, { "device_id", 0x02, 2 }, { "revision", 0x08, 1 },
        { "class", 0x09, 3 }, { "header_type", 0x0E, 1 }, { "subsystem_vendor_id", 0x2C, 2 },
        { "subsystem_id", 0x2E, 2 },
    };
    for (size_t k = 0; k < BCSIM_ARRAY_SIZE(fields); k++) {
        uint64_t x;
        v = json_object_get(p, fields[k].key);
        if (!v)
            continue;
        if (get_u64(v, &x) || x >> (8 * fields[k].width)) {
            free(space);
            return fail(err, es, path, "%s: expected a %u-byte value", fields[k].key, fields[k].width);
        }
        for (uint32_t b = 0; b < fields[k].width; b++)
            space[fields[k].off + b] = (uint8_t)(x >> (8 * b));
        if (len < fields[k].off + fields[k].width)
            len = fields[k].off + fields[k].width;
    }
    if (len < 256)
        len = 256;
    bcsim_scenario_pci_t *sp = BCSIM_VEC_PUSH(&s->pci);
    if (!sp) {
        free(space);
        return BCSIM_ENOMEM;
    }
    sp->bus = (uint32_t)bus;
    sp->device = (uint32_t)dev;
    sp->function = (uint32_t)fn;
    sp->config = space;
    sp->length = len;
    return 0;
}

/* ---- "device" ---------------------------------------------------------------------------------- */

/* One resource: exactly one of "port", "memory", "interrupt", "dma", "bus_number" (its start),
 * with "length" (ports 1, buses 1 by default; memory needs one), "messages" (a message-signalled
 * interrupt), "flags" and "share" ("exclusive", "driver", "shared" or a number). */
static int parse_resource(bcsim_scenario_t *s, json_t *r, const char *path, char *err, uint64_t es)
{
    if (!json_is_object(r))
        return fail(err, es, path, "expected an object");
    static const char *const keys[] = { "port", "memory", "interrupt", "dma", "bus_number", "length",
                                        "messages", "flags", "share", NULL };
    int rc = check_keys(r, path, keys, err, es);
    if (rc)
        return rc;
    static const struct { const char *key; uint32_t type; uint64_t length; } kinds[] = {
        { "port", BCSIM_RESOURCE_PORT, 1 }, { "memory", BCSIM_RESOURCE_MEMORY, 0 },
        { "interrupt", BCSIM_RESOURCE_INTERRUPT, 0 }, { "dma", BCSIM_RESOURCE_DMA, 0 },
        { "bus_number", BCSIM_RESOURCE_BUS_NUMBER, 1 },
    };
    bcsim_device_resource_t res = { 0 };
    int found = 0;
    for (size_t k = 0; k < BCSIM_ARRAY_SIZE(kinds); k++) {
        json_t *v = json_object_get(r, kinds[k].key);
        if (!v)
            continue;
        found++;
        res.type = kinds[k].type;
        res.length = kinds[k].length;
        if (get_u64(v, &res.start))
            return fail(err, es, path, "%s: expected a number", kinds[k].key);
    }
    if (found != 1)
        return fail(err, es, path, "give exactly one of port, memory, interrupt, dma, bus_number");
    json_t *v = json_object_get(r, "length");
    if (v && (res.type == BCSIM_RESOURCE_INTERRUPT || res.type == BCSIM_RESOURCE_DMA))
        return fail(err, es, path, "length: not for an interrupt or DMA channel");
    if (v && (get_u64(v, &res.length) || !res.length || res.length > 0xFFFFFFFFULL))
        return fail(err, es, path, "length: expected a number from 1 to 0xFFFFFFFF");
    if (res.type == BCSIM_RESOURCE_MEMORY && !res.length)
        return fail(err, es, path, "length: a memory range needs one");
    v = json_object_get(r, "messages");
    if (v && res.type != BCSIM_RESOURCE_INTERRUPT)
        return fail(err, es, path, "messages: only for an interrupt");
    if (v && (get_u64(v, &res.length) || !res.length || res.length > 2048))
        return fail(err, es, path, "messages: expected a number from 1 to 2048");
    uint64_t x;
    v = json_object_get(r, "flags");
    if (v && (get_u64(v, &x) || x > 0xFFFF))
        return fail(err, es, path, "flags: expected a 16-bit number");
    res.flags = v ? (uint32_t)x : 0;
    v = json_object_get(r, "share");
    if (v) {
        static const char *const names[] = { "undetermined", "exclusive", "driver", "shared" };
        res.share = 4;
        for (uint32_t k = 0; json_is_string(v) && k < 4; k++)
            if (strcmp(json_string_value(v), names[k]) == 0)
                res.share = k;
        if (!json_is_string(v) && (get_u64(v, &x) == 0) && x < 4)
            res.share = (uint32_t)x;
        if (res.share > 3)
            return fail(err, es, path, "share: expected exclusive, driver, shared or 0-3");
    }
    if (res.type == BCSIM_RESOURCE_INTERRUPT && res.start > 0xFFFF)
        return fail(err, es, path, "interrupt: expected a line or vector up to 0xFFFF");
    bcsim_device_resource_t *slot = BCSIM_VEC_PUSH(&s->dev_resources);
    if (!slot)
        return BCSIM_ENOMEM;
    *slot = res;
    return 0;
}

static int add_value(bcsim_scenario_t *s, const char *key, const char *name, uint32_t type,
                     const void *data, uint32_t size)
{
    dev_value_t *dv = BCSIM_VEC_PUSH(&s->dev_values);
    if (!dv)
        return BCSIM_ENOMEM;
    memset(dv, 0, sizeof(*dv));
    dv->key = strdup(key);
    dv->name = strdup(name);
    dv->data = malloc(size ? size : 1);
    if (!dv->key || !dv->name || !dv->data)
        return BCSIM_ENOMEM;
    if (size)
        memcpy(dv->data, data, size);
    dv->type = type;
    dv->size = size;
    return 0;
}

static int multi_sz(bcsim_scenario_t *s, const char *key, const char *name, json_t *a,
                    const char *path, char *err, uint64_t es)
{
    size_t total = 0;
    for (size_t i = 0; i < json_array_size(a); i++) {
        if (!json_is_string(json_array_get(a, i)))
            return fail(err, es, path, "element %zu: expected a string", i);
        total += strlen(json_string_value(json_array_get(a, i))) + 1;
    }
    char *buf = malloc(total + 1);
    if (!buf)
        return BCSIM_ENOMEM;
    size_t at = 0;
    for (size_t i = 0; i < json_array_size(a); i++) {
        const char *t = json_string_value(json_array_get(a, i));
        memcpy(buf + at, t, strlen(t) + 1);
        at += strlen(t) + 1;
    }
    int rc = add_value(s, key, name, 7 /* REG_MULTI_SZ */, buf, (uint32_t)at);
    free(buf);
    return rc;
}

/* A key's values: a number (REG_DWORD, or REG_QWORD above 32 bits), a string (REG_SZ), an array of
 * strings (REG_MULTI_SZ), an object with exactly one of "dword", "qword", "sz", "expand_sz",
 * "multi_sz", "binary" (a typed value) or any other object (a subkey, parsed the same way). */
static int parse_key(bcsim_scenario_t *s, json_t *obj, const char *key, const char *path, int depth,
                     char *err, uint64_t es)
{
    if (!json_is_object(obj))
        return fail(err, es, path, "expected an object of registry values");
    if (depth > 16)
        return fail(err, es, path, "keys nest too deep");
    const char *name;
    json_t *v;
    json_object_foreach(obj, name, v) {
        char vpath[256];
        snprintf(vpath, sizeof(vpath), "%s.%s", path, name);
        uint64_t x;
        int rc = 0;
        if (!*name || strlen(name) > 255 || strchr(name, '\\'))
            return fail(err, es, vpath, "expected a value name (no backslash)");
        if (json_is_integer(v)) {
            if (get_u64(v, &x))
                return fail(err, es, vpath, "expected a number");
            uint32_t d = (uint32_t)x;
            rc = x > 0xFFFFFFFFULL ? add_value(s, key, name, 11 /* REG_QWORD */, &x, 8)
                                   : add_value(s, key, name, 4 /* REG_DWORD */, &d, 4);
        } else if (json_is_string(v)) {
            rc = add_value(s, key, name, 1 /* REG_SZ */, json_string_value(v), (uint32_t)strlen(json_string_value(v)));
        } else if (json_is_array(v)) {
            rc = multi_sz(s, key, name, v, vpath, err, es);
        } else if (json_is_object(v)) {
            static const char *const types[] = { "dword", "qword", "sz", "expand_sz", "multi_sz", "binary" };
            const char *t = NULL;
            json_t *tv = NULL;
            if (json_object_size(v) == 1)
                for (size_t k = 0; k < BCSIM_ARRAY_SIZE(types); k++)
                    if ((tv = json_object_get(v, types[k]))) {
                        t = types[k];
                        break;
                    }
            if (!t) {
                char sub[512];
                snprintf(sub, sizeof(sub), "%s\\%s", key, name);
                rc = parse_key(s, v, sub, vpath, depth + 1, err, es);
            } else if (!strcmp(t, "dword") || !strcmp(t, "qword")) {
                if (get_u64(tv, &x) || (t[0] == 'd' && x > 0xFFFFFFFFULL))
                    return fail(err, es, vpath, "%s: expected a number", t);
                uint32_t d = (uint32_t)x;
                rc = t[0] == 'd' ? add_value(s, key, name, 4, &d, 4) : add_value(s, key, name, 11, &x, 8);
            } else if (!strcmp(t, "sz") || !strcmp(t, "expand_sz")) {
                if (!json_is_string(tv))
                    return fail(err, es, vpath, "%s: expected a string", t);
                rc = add_value(s, key, name, t[0] == 's' ? 1 : 2, json_string_value(tv),
                               (uint32_t)strlen(json_string_value(tv)));
            } else if (!strcmp(t, "multi_sz")) {
                if (!json_is_array(tv))
                    return fail(err, es, vpath, "multi_sz: expected an array of strings");
                rc = multi_sz(s, key, name, tv, vpath, err, es);
            } else {
                if (!json_is_string(tv))
                    return fail(err, es, vpath, "binary: expected hex byte pairs");
                const char *h = json_string_value(tv);
                uint8_t *bytes = malloc(strlen(h) / 2 + 1);
                uint32_t n = 0;
                if (!bytes)
                    return BCSIM_ENOMEM;
                while (*h) {
                    if (*h == ' ' || *h == ',') {
                        h++;
                        continue;
                    }
                    char pair[3] = { h[0], h[1], 0 }, *end;
                    unsigned long b = strtoul(pair, &end, 16);
                    if (end != pair + 2) {
                        free(bytes);
                        return fail(err, es, vpath, "binary: expected hex byte pairs");
                    }
                    bytes[n++] = (uint8_t)b;
                    h += 2;
                }
                rc = add_value(s, key, name, 3 /* REG_BINARY */, bytes, n);
                free(bytes);
            }
        } else {
            return fail(err, es, vpath, "expected a number, a string, an array of strings or an object");
        }
        if (rc)
            return rc;
    }
    return 0;
}

static int parse_device(bcsim_scenario_t *s, json_t *d, char *err, uint64_t es)
{
    if (!json_is_object(d))
        return fail(err, es, "device", "expected an object");
    static const char *const keys[] = { "resources", "registry", "pci", NULL };
    int rc = check_keys(d, "device", keys, err, es);
    if (rc)
        return rc;
    s->has_device = true;
    json_t *v = json_object_get(d, "resources");
    if (v) {
        if (!json_is_array(v) || json_array_size(v) > 64)
            return fail(err, es, "device.resources", "expected an array of at most 64 resources");
        for (size_t i = 0; i < json_array_size(v); i++) {
            char path[48];
            snprintf(path, sizeof(path), "device.resources[%zu]", i);
            if ((rc = parse_resource(s, json_array_get(v, i), path, err, es)))
                return rc;
        }
    }
    v = json_object_get(d, "registry");
    if (v) {
        static const char *const roots[] = { "parameters", "device", "driver", NULL };
        if ((rc = check_keys(v, "device.registry", roots, err, es)))
            return rc;
        for (size_t i = 0; roots[i]; i++) {
            json_t *k = json_object_get(v, roots[i]);
            char path[48];
            snprintf(path, sizeof(path), "device.registry.%s", roots[i]);
            if (k && (rc = parse_key(s, k, roots[i], path, 0, err, es)))
                return rc;
        }
    }
    v = json_object_get(d, "pci");
    if (v) {
        size_t before = s->pci.n;
        if ((rc = parse_pci(s, v, "device.pci", err, es)))
            return rc;
        if (s->pci.n > before) {
            const bcsim_scenario_pci_t *p = &s->pci.v[s->pci.n - 1];
            s->dev_has_pci = true;
            s->dev_pci[0] = p->bus;
            s->dev_pci[1] = p->device;
            s->dev_pci[2] = p->function;
        }
    }
    return 0;
}

static int parse_root(bcsim_scenario_t *s, json_t *root, const char *base, char *err, uint64_t es)
{
    if (!json_is_object(root))
        return fail(err, es, "", "a scenario is a JSON object");
    static const char *const keys[] = { "name", "drivers", "config", "ports", "pci", "device", "bugchecks",
                                        "expect", NULL };
    int rc = check_keys(root, "", keys, err, es);
    if (rc)
        return rc;
    json_t *v = json_object_get(root, "name");
    if (v) {
        if (!json_is_string(v))
            return fail(err, es, "name", "expected a string");
        s->name = strdup(json_string_value(v));
    }
    v = json_object_get(root, "drivers");
    if (v) {
        if (!json_is_array(v) || json_array_size(v) > MAX_ITEMS)
            return fail(err, es, "drivers", "expected an array of module paths");
        for (size_t i = 0; i < json_array_size(v); i++) {
            json_t *d = json_array_get(v, i);
            if (!json_is_string(d) || !*json_string_value(d))
                return fail(err, es, "drivers", "element %zu: expected a module path", i);
            char **slot = BCSIM_VEC_PUSH(&s->drivers);
            if (!slot || !(*slot = join_path(base, json_string_value(d))))
                return BCSIM_ENOMEM;
        }
    }
    v = json_object_get(root, "config");
    if (v && (rc = parse_knobs(v, "config", &s->config, err, es)))
        return rc;
    v = json_object_get(root, "ports");
    if (v) {
        if (!json_is_array(v) || json_array_size(v) > MAX_ITEMS)
            return fail(err, es, "ports", "expected an array");
        for (size_t i = 0; i < json_array_size(v); i++) {
            char path[48];
            snprintf(path, sizeof(path), "ports[%zu]", i);
            json_t *p = json_array_get(v, i);
            if (!json_is_object(p))
                return fail(err, es, path, "expected an object");
            static const char *const pk[] = { "port", "register", "reads", NULL };
            if ((rc = check_keys(p, path, pk, err, es)))
                return rc;
            json_t *port = json_object_get(p, "port"), *reg = json_object_get(p, "register");
            if (!!port == !!reg)
                return fail(err, es, path, "give exactly one of \"port\" or \"register\"");
            bcsim_scenario_port_t *sp = BCSIM_VEC_PUSH(&s->ports);
            if (!sp)
                return BCSIM_ENOMEM;
            sp->is_register = reg != NULL;
            if (get_u64(port ? port : reg, &sp->address))
                return fail(err, es, path, "%s: expected a number", port ? "port" : "register");
            json_t *reads = json_object_get(p, "reads");
            if (!json_is_array(reads) || json_array_size(reads) > MAX_ITEMS)
                return fail(err, es, path, "reads: expected an array of numbers");
            uint64_t *vals = calloc(json_array_size(reads) + 1, sizeof(uint64_t));
            if (!vals)
                return BCSIM_ENOMEM;
            sp->reads = vals;
            sp->read_count = (uint32_t)json_array_size(reads);
            for (size_t k = 0; k < json_array_size(reads); k++)
                if (get_u64(json_array_get(reads, k), &vals[k]))
                    return fail(err, es, path, "reads[%zu]: expected a number", k);
        }
    }
    v = json_object_get(root, "pci");
    if (v) {
        if (!json_is_array(v) || json_array_size(v) > 256)
            return fail(err, es, "pci", "expected an array of at most 256 PCI functions");
        for (size_t i = 0; i < json_array_size(v); i++) {
            char path[48];
            snprintf(path, sizeof(path), "pci[%zu]", i);
            if ((rc = parse_pci(s, json_array_get(v, i), path, err, es)))
                return rc;
        }
    }
    v = json_object_get(root, "device");
    if (v && (rc = parse_device(s, v, err, es)))
        return rc;
    v = json_object_get(root, "bugchecks");
    if (v) {
        if (!json_is_array(v) || json_array_size(v) == 0 || json_array_size(v) > 256)
            return fail(err, es, "bugchecks", "expected an array of 1 to 256 bug checks");
        for (size_t i = 0; i < json_array_size(v); i++)
            if ((rc = parse_bugcheck(s, json_array_get(v, i), i, base, err, es)))
                return rc;
    }
    v = json_object_get(root, "expect");
    if (v) {
        if (!json_is_object(v))
            return fail(err, es, "expect", "expected an object");
        static const char *const ek[] = { "violations", NULL };
        if ((rc = check_keys(v, "expect", ek, err, es)))
            return rc;
        json_t *vs = json_object_get(v, "violations");
        if (vs) {
            if (!json_is_array(vs) || json_array_size(vs) > MAX_ITEMS)
                return fail(err, es, "expect.violations", "expected an array of violation names");
            s->has_expect = true;
            for (size_t i = 0; i < json_array_size(vs); i++) {
                json_t *n = json_array_get(vs, i);
                uint32_t id;
                if (!json_is_string(n) || bcsim_violation_lookup(json_string_value(n), &id))
                    return fail(err, es, "expect.violations", "element %zu is not a violation name", i);
                char **slot = BCSIM_VEC_PUSH(&s->expect);
                if (!slot || !(*slot = strdup(json_string_value(n))))
                    return BCSIM_ENOMEM;
            }
        }
    }
    if (!s->bugchecks.n) {
        bcsim_scenario_bugcheck_t *bc = BCSIM_VEC_PUSH(&s->bugchecks);
        void *kv = BCSIM_VEC_PUSH(&s->bc_config);
        if (!bc || !kv)
            return BCSIM_ENOMEM;
        bc->code = 0xE2;
        bc->dump_type = -1;
        bc->live = -1;
    }
    if (s->has_expect) {
        char **slot = BCSIM_VEC_PUSH(&s->expect);
        if (!slot)
            return BCSIM_ENOMEM;
        *slot = NULL;
    }
    return 0;
}

int bcsim_scenario_parse(const char *text, uint64_t len, const char *base_dir,
                         bcsim_scenario_t **out, char *err, uint64_t es)
{
    if (!out)
        return BCSIM_EINVAL;
    *out = NULL;
    if (err && es)
        err[0] = 0;
    if (!text)
        return fail(err, es, "", "no scenario text");
    json_error_t je;
    json_t *root = json_loadb(text, (size_t)len, JSON_REJECT_DUPLICATES, &je);
    if (!root)
        return fail(err, es, "", "invalid JSON at line %d, column %d: %s", je.line, je.column, je.text);
    bcsim_scenario_t *s = calloc(1, sizeof(*s));
    if (!s) {
        json_decref(root);
        return BCSIM_ENOMEM;
    }
    int rc = parse_root(s, root, base_dir, err, es);
    json_decref(root);
    if (rc) {
        bcsim_scenario_free(s);
        return rc;
    }
    *out = s;
    return 0;
}

int bcsim_scenario_load(const char *path, bcsim_scenario_t **out, char *err, uint64_t es)
{
    if (out)
        *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (err && es)
            snprintf(err, (size_t)es, "%s: cannot read: %s", path, strerror(errno));
        return BCSIM_ENOENT;
    }
    BCSIM_VEC(char) buf = { 0 };
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (buf.n + n > (16u << 20) || !BCSIM_VEC_RESERVE(&buf, buf.n + n)) {
            fclose(f);
            BCSIM_VEC_FREE(&buf);
            return fail(err, es, path, "scenario larger than 16 MiB");
        }
        memcpy(buf.v + buf.n, chunk, n);
        buf.n += n;
    }
    bool ioerr = ferror(f);
    fclose(f);
    if (ioerr) {
        BCSIM_VEC_FREE(&buf);
        if (err && es)
            snprintf(err, (size_t)es, "%s: read error", path);
        return BCSIM_EIO;
    }
    char *dir = strdup(path);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    if (slash)
        *slash = 0;
    char prefix[512];
    int rc = bcsim_scenario_parse(buf.v ? buf.v : "", buf.n, slash ? dir : ".", out, prefix, sizeof(prefix));
    if (rc && err && es)
        snprintf(err, (size_t)es, "%s: %s", path, prefix);
    free(dir);
    BCSIM_VEC_FREE(&buf);
    return rc;
}

static void free_knobs(void *vec_)
{
    BCSIM_VEC(knob_t) *vec = vec_;
    for (size_t i = 0; i < vec->n; i++) {
        free(vec->v[i].name);
        free(vec->v[i].value);
    }
    BCSIM_VEC_FREE(vec);
}

void bcsim_scenario_free(bcsim_scenario_t *s)
{
    if (!s)
        return;
    free(s->name);
    for (size_t i = 0; i < s->drivers.n; i++)
        free(s->drivers.v[i]);
    BCSIM_VEC_FREE(&s->drivers);
    free_knobs(&s->config);
    for (size_t i = 0; i < s->ports.n; i++)
        free((void *)s->ports.v[i].reads);
    BCSIM_VEC_FREE(&s->ports);
    for (size_t i = 0; i < s->pci.n; i++)
        free((void *)s->pci.v[i].config);
    BCSIM_VEC_FREE(&s->pci);
    for (size_t i = 0; i < s->bugchecks.n; i++)
        free((void *)s->bugchecks.v[i].dump_path);
    BCSIM_VEC_FREE(&s->bugchecks);
    for (size_t i = 0; i < s->bc_config.n; i++)
        free_knobs(&s->bc_config.v[i]);
    BCSIM_VEC_FREE(&s->bc_config);
    for (size_t i = 0; i < s->expect.n; i++)
        free(s->expect.v[i]);
    BCSIM_VEC_FREE(&s->expect);
    BCSIM_VEC_FREE(&s->dev_resources);
    for (size_t i = 0; i < s->dev_values.n; i++) {
        free(s->dev_values.v[i].key);
        free(s->dev_values.v[i].name);
        free(s->dev_values.v[i].data);
    }
    BCSIM_VEC_FREE(&s->dev_values);
    free(s);
}

const char *bcsim_scenario_name(const bcsim_scenario_t *s) { return s ? s->name : NULL; }
uint32_t bcsim_scenario_driver_count(const bcsim_scenario_t *s) { return s ? (uint32_t)s->drivers.n : 0; }
const char *bcsim_scenario_driver(const bcsim_scenario_t *s, uint32_t i)
{
    return s && i < s->drivers.n ? s->drivers.v[i] : NULL;
}
uint32_t bcsim_scenario_bugcheck_count(const bcsim_scenario_t *s) { return s ? (uint32_t)s->bugchecks.n : 0; }
const bcsim_scenario_bugcheck_t *bcsim_scenario_bugcheck(const bcsim_scenario_t *s, uint32_t i)
{
    return s && i < s->bugchecks.n ? &s->bugchecks.v[i] : NULL;
}
uint32_t bcsim_scenario_port_count(const bcsim_scenario_t *s) { return s ? (uint32_t)s->ports.n : 0; }
const bcsim_scenario_port_t *bcsim_scenario_port(const bcsim_scenario_t *s, uint32_t i)
{
    return s && i < s->ports.n ? &s->ports.v[i] : NULL;
}
uint32_t bcsim_scenario_pci_count(const bcsim_scenario_t *s) { return s ? (uint32_t)s->pci.n : 0; }
const bcsim_scenario_pci_t *bcsim_scenario_pci(const bcsim_scenario_t *s, uint32_t i)
{
    return s && i < s->pci.n ? &s->pci.v[i] : NULL;
}
int bcsim__scenario_devices(const bcsim_scenario_t *s, const bcsim__device_sink_t *k,
                            bcsim_sim_t *sim)
{
    int rc = 0;
    for (uint32_t i = 0; !rc && i < bcsim_scenario_port_count(s); i++) {
        const bcsim_scenario_port_t *p = bcsim_scenario_port(s, i);
        rc = k->port_script(sim, p->address, p->is_register, p->reads, p->read_count);
    }
    for (uint32_t i = 0; !rc && i < bcsim_scenario_pci_count(s); i++) {
        const bcsim_scenario_pci_t *p = bcsim_scenario_pci(s, i);
        rc = k->pci_config(sim, p->bus, p->device, p->function, p->config, p->length);
    }
    if (!rc && s && s->has_device) {
        rc = k->device_reset(sim);
        for (size_t i = 0; !rc && i < s->dev_resources.n; i++)
            rc = k->device_resource(sim, &s->dev_resources.v[i]);
        for (size_t i = 0; !rc && i < s->dev_values.n; i++) {
            const dev_value_t *v = &s->dev_values.v[i];
            rc = k->device_registry(sim, v->key, v->name, v->type, v->data, v->size);
        }
        if (!rc && s->dev_has_pci)
            rc = k->device_pci(sim, s->dev_pci[0], s->dev_pci[1], s->dev_pci[2]);
    }
    return rc;
}

const char *const *bcsim_scenario_expected(const bcsim_scenario_t *s)
{
    return s && s->has_expect ? (const char *const *)s->expect.v : NULL;
}

int bcsim_scenario_configure(const bcsim_scenario_t *s, uint32_t bugcheck, bcsim_config_t *cfg,
                             char *err, uint64_t es)
{
    if (!s || !cfg)
        return BCSIM_EINVAL;
    const char *why;
    for (size_t i = 0; i < s->config.n; i++)
        if (bcsim_config_set(cfg, s->config.v[i].name, s->config.v[i].value, &why))
            return fail(err, es, "config", "%s: %s", s->config.v[i].name, why), BCSIM_EINVAL;
    if (bugcheck < s->bc_config.n) {
        for (size_t i = 0; i < s->bc_config.v[bugcheck].n; i++) {
            knob_t *k = &s->bc_config.v[bugcheck].v[i];
            if (bcsim_config_set(cfg, k->name, k->value, &why))
                return fail(err, es, "bugchecks.config", "%s: %s", k->name, why), BCSIM_EINVAL;
        }
        const bcsim_scenario_bugcheck_t *b = &s->bugchecks.v[bugcheck];
        if (b->dump_type >= 0)
            cfg->dump_type = (uint32_t)b->dump_type;
        if (b->live >= 0)
            cfg->live = b->live;
    }
    return 0;
}
