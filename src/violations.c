/*
 * src/violations.c — the violation log: one table (BCSIM_VIOLATION_MAP), one record format,
 * one print format everywhere (STYLE rule 6).
 */
#include "internal.h"

#include <stdio.h>

#define SEV_VIOLATION BCSIM_SEV_VIOLATION
#define SEV_WARNING BCSIM_SEV_WARNING
#define SEV_INFO BCSIM_SEV_INFO

static const struct {
    const char *name;
    uint32_t severity;
    const char *message;
} table[] = {
#define XX(name, sev, msg) { #name, SEV_##sev, msg },
    BCSIM_VIOLATION_MAP(XX)
#undef XX
};
_Static_assert(BCSIM_ARRAY_SIZE(table) == BCSIM_V__COUNT, "violation table");

const char *bcsim_violation_name(uint32_t id)
{
    return id < BCSIM_V__COUNT ? table[id].name : NULL;
}

uint32_t bcsim_violation_severity(uint32_t id)
{
    return id < BCSIM_V__COUNT ? table[id].severity : SEV_INFO;
}

int bcsim_violation_lookup(const char *name, uint32_t *id)
{
    for (uint32_t i = 0; i < BCSIM_V__COUNT; i++)
        if (strcmp(table[i].name, name) == 0) {
            *id = i;
            return 0;
        }
    return BCSIM_ENOTFOUND;
}

void bcsim__violations_reset_dedupe(void)
{
    bcsim__map_clear(&bcsim__m.dedupe);
}

void bcsim__violation(const bcsim__report_t *r, const char *detail_fmt, ...)
{
    if (r->id >= BCSIM_V__COUNT)
        return;
    if (r->dedupe) {
        uint64_t key = (r->dedupe * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)r->id << 1) ^ 0x100;
        if (bcsim__map_get(&bcsim__m.dedupe, key))
            return;
        bcsim__map_put(&bcsim__m.dedupe, key, 1);
    }
    char detail[512] = "";
    if (detail_fmt) {
        va_list ap;
        va_start(ap, detail_fmt);
        vsnprintf(detail, sizeof(detail), detail_fmt, ap);
        va_end(ap);
    }
    bcsim_violation_t *v = BCSIM_VEC_PUSH(&bcsim__m.violations);
    if (!v)
        return;
    v->id = r->id;
    v->severity = table[r->id].severity;
    v->name = table[r->id].name;
    v->message = detail[0] ? bcsim__strfmt("%s: %s", table[r->id].message, detail)
                           : table[r->id].message;
    /* file:line is resolved later, on the harness stack (libdw needs far more stack than
     * the simulated 24 KiB kernel stack a callback's shim call runs on). */
    v->file = NULL;
    v->pc = r->pc;
    /* A finding raised while a callback runs belongs to that callback unless it says otherwise. */
    const bcsim_call_t *cur = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
    v->component = r->component ? r->component : cur ? cur->component : NULL;
    v->reason = r->reason != BCSIM__NO_REASON || !cur ? r->reason : cur->reason;
    v->bugcheck_code = r->bugcheck_code;
    memcpy(v->bugcheck_params, r->bugcheck_params, sizeof(v->bugcheck_params));
    v->address = r->address;
    v->call_seq = bcsim__m.current_call >= 0 ? (uint32_t)bcsim__m.current_call : UINT32_MAX;
}

void bcsim__violations_resolve(void)
{
    for (size_t i = bcsim__m.violations_resolved; i < bcsim__m.violations.n; i++) {
        bcsim_violation_t *v = &bcsim__m.violations.v[i];
        if (v->file)
            continue;
        bcsim__srcloc_t loc = { 0 };
        if (v->pc)
            bcsim__symbolize(v->pc, &loc);
        v->file = loc.file ? loc.file : (loc.module ? loc.module : "?");
        v->line = loc.line;
        v->function = loc.function;
    }
    bcsim__m.violations_resolved = bcsim__m.violations.n;
}

int bcsim_violation_format(const bcsim_violation_t *v, char *buf, uint64_t size)
{
    char where[64] = "";
    if (v->line)
        snprintf(where, sizeof(where), ":%u", v->line);
    char code[96] = "";
    if (v->bugcheck_code)
        snprintf(code, sizeof(code), ", would bug check %#x (%s)", v->bugcheck_code,
                 bcsim_bugcheck_name(v->bugcheck_code) ? bcsim_bugcheck_name(v->bugcheck_code) : "?");
    const char *reason = v->reason == BCSIM__NO_REASON ? "-" : bcsim_reason_name(v->reason);
    return snprintf(buf, (size_t)size, "%s%s: %s: %s [%s, %s%s]", v->file ? v->file : "?", where,
                    v->name, v->message, v->component ? v->component : "-", reason, code);
}

uint32_t bcsim_sim_violation_count(const bcsim_sim_t *sim)
{
    (void)sim;
    return (uint32_t)bcsim__m.violations.n;
}

const bcsim_violation_t *bcsim_sim_violation(const bcsim_sim_t *sim, uint32_t index)
{
    (void)sim;
    bcsim__violations_resolve();
    return index < bcsim__m.violations.n ? &bcsim__m.violations.v[index] : NULL;
}

uint32_t bcsim_result_count(const bcsim_result_t *res, uint32_t min_severity)
{
    uint32_t n = 0;
    for (uint32_t i = 0; res && i < res->violation_count; i++)
        n += res->violations[i].severity >= min_severity;
    return n;
}

bool bcsim_result_has(const bcsim_result_t *res, uint32_t violation_id)
{
    for (uint32_t i = 0; res && i < res->violation_count; i++)
        if (res->violations[i].id == violation_id)
            return true;
    return false;
}
