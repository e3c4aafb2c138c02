/*
 * src/report/findings.c — the kinds of findings: one table (BCSIM_VIOLATION_MAP) with each
 * kind's name, severity and text, which kinds are Driver Verifier's rules, and the one print
 * format of a finding everywhere (STYLE rule 6). The log itself is src/verifier/violations.c.
 */
#include "internal.h"
#include "report/report.h"

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

const char *bcsim__violation_message(uint32_t id)
{
    return id < BCSIM_V__COUNT ? table[id].message : "";
}

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
