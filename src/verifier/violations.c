/*
 * src/verifier/violations.c — the findings log: every finding goes through bcsim__violation()
 * (one record format, STYLE rule 6), is deduplicated, resolved to file:line on the harness
 * stack, and may raise the bug check Windows would (verifier.bugcheck_on). The table of kinds
 * and the one print format are src/report/findings.c.
 */
#include "internal.h"
#include "verifier/contain.h"
#include "report/report.h"
#include "verifier/verifier.h"

#include <stdio.h>

void bcsim__violations_reset_dedupe(void)
{
    bcsim__map_clear(&bcsim__m.dedupe);
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
    bcsim__hook_bugcheck(r->bugcheck_code, r->bugcheck_params[0], r->bugcheck_params[1],
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
    v->severity = bcsim_violation_severity(r->id);
    v->name = bcsim_violation_name(r->id);
    const char *text = bcsim__violation_message(r->id);
    v->message = detail[0] ? bcsim__strfmt("%s: %s", text, detail) : text;
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
