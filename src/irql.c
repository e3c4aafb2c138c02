/*
 * src/irql.c — the simulated IRQL and the verifier gate every shim entry point passes
 * (dispatcher-model.md 8.2): the export inventory's maximum IRQL decides, the inventory's
 * report column says what Windows or Driver Verifier would raise.
 */
#include "internal.h"

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

uint8_t bcsim__irql_get(void)
{
    return bcsim__m.irql;
}

void bcsim__irql_set(uint8_t irql)
{
    bcsim__m.irql = irql;
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
    const struct bcsim__export *e = &exports[id];
    if (e->status == ST_STUB) {
        bcsim__report_t r = { .id = BCSIM_V_UNIMPLEMENTED_ROUTINE, .reason = BCSIM__NO_REASON,
                              .pc = (uint64_t)caller, .dedupe = 0x7000000000ULL + id };
        bcsim__violation(&r, "%s is a stub in bcsim; it returned its documented failure value",
                         e->name);
    }
    uint8_t irql = bcsim__m.irql;
    if (irql <= e->max_irql || e->report == 0)
        return;
    bcsim__report_t r = { .id = BCSIM_V_IRQL_TOO_HIGH, .reason = BCSIM__NO_REASON,
                          .pc = (uint64_t)caller, .dedupe = (uint64_t)caller };
    if ((e->report >> 16) == 0xC4) {
        r.bugcheck_code = BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION;
        r.bugcheck_params[0] = e->report & 0xFFFF;
        r.bugcheck_params[1] = irql;
    } else if ((e->report >> 16) == 0x121) {
        r.bugcheck_code = BCSIM_BC_DRIVER_VIOLATION;
        r.bugcheck_params[0] = 2;
        r.bugcheck_params[1] = irql;
        r.bugcheck_params[2] = e->max_irql;
    }
    bcsim__violation(&r, "%s called at %s (%u); its maximum is %s (%u)", e->name,
                     bcsim__irql_name(irql), irql, bcsim__irql_name(e->max_irql), e->max_irql);
}
