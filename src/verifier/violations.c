/*
 * src/violations.c — the violation log: one table (BCSIM_VIOLATION_MAP), one record format,
 * one print format everywhere (STYLE rule 6).
 */
#include "internal.h"
#include "verifier/contain.h"

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

/* The rule checks on driver calls that Driver Verifier (IRQL checking, pool tracking, DDI
 * compliance) or a checked build makes, as opposed to what Windows itself checks or does:
 * with the knob verifier = off these are not reported. Faults, hangs and deadlocks, bad
 * frees (0xC2 without the verifier too), the dispatcher's record/list/output checks,
 * stubs and SEH notes are always reported. */
bool bcsim_violation_is_verifier_rule(uint32_t id)
{
    switch (id) {
    case BCSIM_V_IRQL_TOO_HIGH:
    case BCSIM_V_IRQL_TOO_LOW:
    case BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL:
    case BCSIM_V_POOL_FREE_AT_HIGH_IRQL:
    case BCSIM_V_POOL_ZERO_SIZE:
    case BCSIM_V_SPINLOCK_IN_CALLBACK:
    case BCSIM_V_SYNCHRONIZATION_IN_CALLBACK:
    case BCSIM_V_SYNC_TRY_IN_CALLBACK:
    case BCSIM_V_WAIT_AT_HIGH_IRQL:
    case BCSIM_V_PAGED_CODE_AT_HIGH_IRQL:
    case BCSIM_V_IRQL_RAISE_INVALID:
    case BCSIM_V_IRQL_LOWER_INVALID:
    case BCSIM_V_IRQL_LOWERED_IN_CALLBACK:
    case BCSIM_V_IRQL_NOT_RESTORED:
    case BCSIM_V_STRSAFE_AT_HIGH_IRQL:
    case BCSIM_V_STRSAFE_COPY_AT_HIGH_IRQL:
    case BCSIM_V_STRSAFE_CONVERSION_AT_HIGH_IRQL:
    case BCSIM_V_DBGPRINT_UNICODE_AT_HIGH_IRQL:
    case BCSIM_V_DBGPRINT_ABOVE_DIRQL:
    case BCSIM_V_MMISADDRESSVALID_UNSAFE:
    case BCSIM_V_PAGEABLE_MEMORY_ACCESS:
    case BCSIM_V_POOL_USE_AFTER_FREE:            /* the special pool's quarantine */
    case BCSIM_V_DEVICE_ACCESS_FORBIDDEN:
    case BCSIM_V_INTERRUPTS_ENABLED_IN_CALLBACK:
    case BCSIM_V_WDF_DELETE_NOT_ALLOWED:          /* the framework's verifier breaks in */
        return true;
    default:
        return false;
    }
}

/* The findings reported at a driver's call into a kernel routine, while the driver's code is
 * on the stack: the moment Driver Verifier raises its bug check. (Faults, hangs and checks of
 * a callback's outputs are found after the driver code stopped; knob `fault` decides those.) */
static bool at_driver_call(uint32_t id)
{
    switch (id) {
    case BCSIM_V_PAGEABLE_MEMORY_ACCESS:
    case BCSIM_V_POOL_USE_AFTER_FREE:
    case BCSIM_V_IRQL_NOT_RESTORED:
    case BCSIM_V_STRSAFE_AT_HIGH_IRQL:            /* compiled into the driver: Windows never */
    case BCSIM_V_STRSAFE_COPY_AT_HIGH_IRQL:       /* sees the call (dispatcher-model.md 8.2) */
    case BCSIM_V_STRSAFE_CONVERSION_AT_HIGH_IRQL:
        return false;
    case BCSIM_V_POOL_INVALID_FREE:
        return true;
    default:
        return bcsim_violation_is_verifier_rule(id);
    }
}

/* verifier.bugcheck_on (dispatcher-model.md 9): a finding that names the bug check Windows or
 * Driver Verifier would raise raises it, through KeBugCheckEx's path: the first bug check
 * outside one, a nested one (policy `nested`) inside a callback. Never from harness code that
 * holds state (critical sections) or while a nested bug check is already being handled. */
static void maybe_raise(const bcsim__report_t *r, uint32_t severity)
{
    uint32_t on = bcsim__m.cfg.verifier_bugcheck_on;
    if (on == BCSIM_BUGCHECK_ON_NONE || !r->bugcheck_code || !at_driver_call(r->id))
        return;
    if (on == BCSIM_BUGCHECK_ON_VIOLATIONS && severity != BCSIM_SEV_VIOLATION)
        return;
    const bcsim__frame_t *f = bcsim__frame_current();
    if (!f || bcsim__critical > f->critical_at_entry || bcsim__m.depth >= 2 || bcsim__m.halted)
        return;
    bcsim__bugcheck_from_driver(r->bugcheck_code, r->bugcheck_params[0], r->bugcheck_params[1],
                                r->bugcheck_params[2], r->bugcheck_params[3], (void *)r->pc);
}

void bcsim__violation(const bcsim__report_t *r, const char *detail_fmt, ...)
{
    va_list ap;
    va_start(ap, detail_fmt);
    bcsim__violationv(r, detail_fmt, ap);
    va_end(ap);
}

void bcsim__violationv(const bcsim__report_t *r, const char *detail_fmt, va_list ap)
{
    if (r->id >= BCSIM_V__COUNT)
        return;
    if (!bcsim__m.cfg.verifier && bcsim_violation_is_verifier_rule(r->id))
        return;
    if (r->dedupe) {
        uint64_t key = (r->dedupe * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)r->id << 1) ^ 0x100;
        if (bcsim__map_get(&bcsim__m.dedupe, key))
            return;
        bcsim__map_put(&bcsim__m.dedupe, key, 1);
    }
    char detail[512] = "";
    if (detail_fmt)
        vsnprintf(detail, sizeof(detail), detail_fmt, ap);
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
    maybe_raise(r, v->severity);
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
