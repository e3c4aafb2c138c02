/*
 * src/config.c — bcsim_config_t defaults and the knob table (dispatcher-model.md 10):
 * every UNDOC model choice is settable by its spec name, from the CLI (--set) and from
 * JSON scenarios.
 */
#include "internal.h"

#include <errno.h>
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
    c->watchdog_virtual_ms = 10000;
    c->watchdog_wall_ms = 5000;
    c->watchdog_cpu_ms = 250;
    c->callback_stack_bytes = 0x6000;
    c->boot_deadline_ms = 30000;
    c->dump_fd = -1;
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
} knobs[] = {
#define O(f) offsetof(bcsim_config_t, f)
    { "dump.type", K_CHOICE, O(dump_type), "none=0,full=1,complete=1,header=3,small=4,triage=4,bitmap=5,kernel=5" },
    { "dump.min_size", K_U64, O(dump_min_size), NULL },
    { "dump.live", K_BOOL, O(live), NULL },
    { "build", K_U32, O(build_number), NULL },
    { "register.duplicate_check", K_BOOL, O(register_duplicate_check), NULL },
    { "register.bad_record", K_BOOLCHOICE, O(register_bad_record_bugcheck), "return_false|bugcheck" },
    { "list.order", K_BOOLCHOICE, O(list_fifo), "lifo|fifo" },
    { "list.corruption", K_BOOLCHOICE, O(list_corruption_bugcheck), "report|bugcheck" },
    { "walk.mode", K_CHOICE, O(walk_mode), "strict=0,tolerant=1" },
    { "reserved.invoke", K_BOOL, O(reserved_invoke), NULL },
    { "triage.when", K_BOOLCHOICE, O(triage_only_with_dump), "always|with_dump" },
    { "triage.max_virt_mem", K_U32, O(triage_max_virt_mem), NULL },
    { "triage.bugcheck_active", K_BOOLCHOICE, O(live), "true|false" },
    { "pages.neither_flag", K_BOOLCHOICE, O(pages_neither_reject), "physical|reject" },
    { "pages.max_calls", K_U32, O(pages_max_calls), NULL },
    { "pages.max_pages", K_U64, O(pages_max_pages), NULL },
    { "secondary.total", K_U64, O(secondary_total), NULL },
    { "secondary.per_callback", K_U64, O(secondary_per_callback), NULL },
    { "secondary.inbuffer", K_U32, O(secondary_inbuffer), NULL },
    { "secondary.on_invalid", K_BOOLCHOICE, O(secondary_skip_record_on_invalid), "abort_phase|skip_record" },
    { "secondary.builtin", K_BOOL, O(secondary_builtin), NULL },
    { "secondary.framing", K_BOOLCHOICE, O(secondary_packed), "page|packed" },
    { "multipart.max_parts", K_U32, O(multipart_max_parts), NULL },
    { "multipart.layout", K_BOOLCHOICE, O(multipart_blob_per_part), "one_blob|blob_per_part" },
    { "multipart.no_device_access_input", K_BOOL, O(multipart_no_device_access_input), NULL },
    { "dumpio.offsets", K_BOOLCHOICE, O(dumpio_real_offsets), "sequential|real" },
    { "dumpio.body_chunk_pages", K_U32, O(dumpio_body_chunk_pages), NULL },
    { "nested", K_CHOICE, O(nested), "halt=0,contain=1" },
    { "fault", K_CHOICE, O(fault), "contain=0,halt=1" },
    { "contain", K_BOOL, O(contain), NULL },
    { "watchdog.virtual_ms", K_U32, O(watchdog_virtual_ms), NULL },
    { "watchdog.wall_ms", K_U32, O(watchdog_wall_ms), NULL },
    { "watchdog.cpu_ms", K_U32, O(watchdog_cpu_ms), NULL },
    { "callback.stack_bytes", K_U32, O(callback_stack_bytes), NULL },
    { "boot.deadline_ms", K_U32, O(boot_deadline_ms), NULL },
    { "auxklib.outside_bugcheck", K_BOOLCHOICE, O(auxklib_outside_error), "success|error" },
    { "verifier", K_BOOL, O(verifier), NULL },
    { "verifier.bugcheck_on", K_CHOICE, O(verifier_bugcheck_on), "none=0,violations=1,all=2" },
    { "verifier.strsafe_copy", K_BOOLCHOICE, O(verifier_strsafe_copy_violation), "warn|violation" },
    { "dbgprint.filter", K_BOOLCHOICE, O(dbgprint_filter_windows), "all|windows" },
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
    static const char *e_unknown = "unknown knob (bcsim run --help lists them)";
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

uint32_t bcsim__knob_count(void)
{
    return (uint32_t)BCSIM_ARRAY_SIZE(knobs);
}

const char *bcsim__knob_describe(uint32_t i, const char **choices)
{
    if (i >= BCSIM_ARRAY_SIZE(knobs))
        return NULL;
    if (choices)
        *choices = knobs[i].choices ? knobs[i].choices
                   : knobs[i].kind == K_BOOL ? "on|off" : "<number or size>";
    return knobs[i].name;
}
