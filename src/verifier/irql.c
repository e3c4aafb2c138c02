/*
 * src/verifier/irql.c — the simulated IRQL and the verifier gate every shim entry point passes
 * (dispatcher-model.md 8.2): the export inventory's maximum IRQL decides, the inventory's
 * report column says what Windows or Driver Verifier would raise. Also the IRQL model behind
 * KfRaiseIrql/KfLowerIrql, CR8, _disable/_enable and PAGED_CODE() (9.2 subcodes 0x30, 0x31;
 * driver-patterns.md 17: raising to HIGH_LEVEL inside a callback is a no-op change, lowering
 * below the callback's entry level is a finding).
 */
#include "internal.h"
#include "verifier/contain.h"
#include "verifier/verifier.h"

#include <stdio.h>

enum { KIND_FUNC, KIND_DATA };
enum { ST_IMPLEMENTED, ST_STUB };

#define FUNC KIND_FUNC
#define DATA KIND_DATA
#define IMPLEMENTED ST_IMPLEMENTED
#define STUB ST_STUB
#define PASSIVE BCSIM_IRQL_PASSIVE
#define APC BCSIM_IRQL_APC
#define DISPATCH BCSIM_IRQL_DISPATCH
#define DIRQL BCSIM_IRQL_DIRQL
#define HIGH BCSIM_IRQL_HIGH
#define NONE 0u
#define FINDING 1u
#define V121 0x1210000u
#define C4(sub) (0xC40000u | (sub))
#define OWN(report) NONE    /* the routine reports itself (dedicated finding, full parameters) */

static const struct bcsim__export {
    const char *name;
    const char *header;
    uint8_t kind, status, max_irql;
    uint32_t report;
} exports[] = {
#define BCSIM__EXPORT_ENUM(name, header, kind, status, max_irql, report) \
    { #name, header, kind, status, max_irql, report },
#include "exports.inc"
#undef BCSIM__EXPORT_ENUM
};
_Static_assert(BCSIM_ARRAY_SIZE(exports) == BCSIM__X__COUNT, "export table");

#undef FUNC
#undef DATA
#undef IMPLEMENTED
#undef STUB
#undef PASSIVE
#undef APC
#undef DISPATCH
#undef DIRQL
#undef HIGH
#undef NONE
#undef FINDING
#undef V121
#undef C4
#undef OWN

uint8_t bcsim__irql_get(void)
{
    return bcsim__m.irql;
}

void bcsim__irql_set(uint8_t irql)
{
    bcsim__m.irql = irql;
}

unsigned char bcsim__irql_swap(unsigned char irql)
{
    uint8_t old = bcsim__m.irql;
    bcsim__m.irql = irql;
    return old;
}

const char *bcsim__irql_name(uint8_t irql)
{
    switch (irql) {
    case 0: return "PASSIVE_LEVEL";
    case 1: return "APC_LEVEL";
    case 2: return "DISPATCH_LEVEL";
    case 5: return "CMCI_LEVEL";
    case 13: return "CLOCK_LEVEL";
    case 14: return "IPI_LEVEL";
    case 15: return "HIGH_LEVEL";
    default: return irql < 13 ? "DIRQL" : "?";
    }
}

uint32_t bcsim__export_count(void)
{
    return BCSIM__X__COUNT;
}

bool bcsim__export_info(uint32_t id, const char **name, const char **header, bool *data,
                        bool *stub, uint8_t *max_irql, uint32_t *report)
{
    if (id >= BCSIM__X__COUNT)
        return false;
    const struct bcsim__export *e = &exports[id];
    if (name) *name = e->name;
    if (header) *header = e->header;
    if (data) *data = e->kind == KIND_DATA;
    if (stub) *stub = e->status == ST_STUB;
    if (max_irql) *max_irql = e->max_irql;
    if (report) *report = e->report;
    return true;
}

void bcsim__export_enter(enum bcsim__export_id id, void *caller)
{
    bcsim__export_enter_args(id, caller, 0, 0);
}

void bcsim__export_enter_args(enum bcsim__export_id id, void *caller, bcsim__u64 p3, bcsim__u64 p4)
{
    const struct bcsim__export *e = &exports[id];
    bcsim__progress++;
    if (e->status == ST_STUB) {
        bcsim__report_t r = { .id = BCSIM_V_UNIMPLEMENTED_ROUTINE, .reason = BCSIM__NO_REASON,
                              .pc = (uint64_t)caller, .dedupe = 0x7000000000ULL + id };
        bcsim__violation(&r, "%s is a stub in bcsim; it returned its documented failure value",
                         e->name);
    }
    uint8_t irql = bcsim__m.irql;
    if (irql <= e->max_irql || e->report == 0 || !bcsim__m.cfg.verifier)
        return;
    bcsim__report_t r = { .id = BCSIM_V_IRQL_TOO_HIGH, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
    if ((e->report >> 16) == 0xC4) {
        r.bugcheck_code = BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION;
        r.bugcheck_params[0] = e->report & 0xFFFF;
        r.bugcheck_params[1] = irql;
        r.bugcheck_params[2] = p3;
        r.bugcheck_params[3] = p4;
    } else if ((e->report >> 16) == 0x121) {
        r.bugcheck_code = BCSIM_BC_DRIVER_VIOLATION;
        r.bugcheck_params[0] = 2;
        r.bugcheck_params[1] = irql;
        r.bugcheck_params[2] = e->max_irql;
    }
    bcsim__violation(&r, "%s called at %s (%u); its maximum is %s (%u)", e->name,
                     bcsim__irql_name(irql), irql, bcsim__irql_name(e->max_irql), e->max_irql);
}

/* ---- the IRQL model ------------------------------------------------------------------------ */

static void irql_report(uint32_t id, void *caller, uint32_t code, uint64_t p1, uint64_t p2,
                        uint64_t p3, uint64_t p4, const char *fmt, ...) __attribute__((format(printf, 8, 9)));
static void irql_report(uint32_t id, void *caller, uint32_t code, uint64_t p1, uint64_t p2,
                        uint64_t p3, uint64_t p4, const char *fmt, ...)
{
    bcsim__report_t r = { .id = id, .reason = BCSIM__NO_REASON, .pc = (uint64_t)caller,
                          .bugcheck_code = code, .bugcheck_params = { p1, p2, p3, p4 },
                          .dedupe = (uint64_t)caller };
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&r, fmt, ap);
    va_end(ap);
}

unsigned char bcsim__irql_current(void)
{
    return bcsim__m.irql;
}

unsigned char bcsim__irql_raise(unsigned char new_irql, void *caller)
{
    uint8_t cur = bcsim__m.irql;
    if (new_irql < cur || new_irql > BCSIM_IRQL_HIGH) {
        irql_report(BCSIM_V_IRQL_RAISE_INVALID, caller, BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION,
                    0x30, cur, new_irql, 0, "KeRaiseIrql(%u) at %s (%u)%s", new_irql,
                    bcsim__irql_name(cur), cur,
                    new_irql > BCSIM_IRQL_HIGH ? ": above HIGH_LEVEL" : ": that would lower it");
        return cur;
    }
    bcsim__m.irql = new_irql;
    return cur;
}

void bcsim__irql_lower(unsigned char new_irql, void *caller)
{
    uint8_t cur = bcsim__m.irql;
    if (new_irql > cur || new_irql > BCSIM_IRQL_HIGH) {
        irql_report(BCSIM_V_IRQL_LOWER_INVALID, caller, BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION,
                    0x31, cur, new_irql, 0, "KeLowerIrql(%u) at %s (%u)%s", new_irql,
                    bcsim__irql_name(cur), cur,
                    new_irql > BCSIM_IRQL_HIGH ? ": above HIGH_LEVEL" : ": that would raise it");
        return;
    }
    bcsim__m.irql = new_irql;
    const bcsim__frame_t *f = bcsim__frame_current();
    if (f && f->is_callback && new_irql < f->irql_at_entry)
        irql_report(BCSIM_V_IRQL_LOWERED_IN_CALLBACK, caller, 0, 0, 0, 0, 0,
                    "lowered to %s (%u); the callback runs at %s (%u)", bcsim__irql_name(new_irql),
                    new_irql, bcsim__irql_name(f->irql_at_entry), f->irql_at_entry);
}

/* CR8 holds the IRQL on x64 (4 bits). A write is a raise or a lower by direction. */
void bcsim__irql_write_cr8(bcsim__u64 value, void *caller)
{
    uint8_t v = value > 0xFF ? 0xFF : (uint8_t)value;
    if (v >= bcsim__m.irql)
        bcsim__irql_raise(v, caller);
    else
        bcsim__irql_lower(v, caller);
}

/* dispatcher-model.md 7.11: a callback that re-enables interrupts is forbidden (callbacks run
 * with interrupts off, except reason 8). Reported at the call, once per call site and bug
 * check; bcsim__invoke turns them off again when the callback returns. */
void bcsim__interrupts_set(int enabled, void *caller)
{
    const bcsim__frame_t *f = bcsim__frame_current();
    if (enabled && bcsim__m.interrupts_disabled && f && f->is_callback) {
        bcsim__report_t r = { .id = BCSIM_V_INTERRUPTS_ENABLED_IN_CALLBACK,
                              .reason = BCSIM__NO_REASON, .pc = (uint64_t)caller,
                              .dedupe = (uint64_t)caller };
        bcsim__violation(&r, "_enable() at %s inside a bug-check callback",
                         bcsim__irql_name(bcsim__m.irql));
    }
    bcsim__m.interrupts_disabled = !enabled;
}

/* Learn (PAGED_CODE): pageable code must run at IRQL <= APC_LEVEL (wdk-surface.md S17). */
void bcsim__paged_code(void *caller)
{
    uint8_t irql = bcsim__m.irql;
    if (irql <= BCSIM_IRQL_APC)
        return;
    bcsim__report_t r = { .id = BCSIM_V_PAGED_CODE_AT_HIGH_IRQL, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
    bcsim__violation(&r, "pageable function entered at %s (%u)", bcsim__irql_name(irql), irql);
}
