/*
 * src/dispatcher/phase_basic.c — legacy callbacks (dispatcher-model.md 7.1) and the reserved reasons
 * (7.2).
 */
#include "dispatcher/phases.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

/* ---- legacy: Buffer/Length verbatim, BufferStarted then BufferFinished -------------------- */

static bool legacy_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__lrec_t *r = rec;
    bcsim__cb_t cb = { .record = r, .legacy = true, .reason = BCSIM_REASON_LEGACY,
                       .routine = r->routine, .buffer = r->buffer, .length = r->length,
                       .irql = BCSIM_IRQL_HIGH, .state_during = 2 };
    if (!bcsim__mem_is_exec((uint64_t)r->routine)) {
        /* Calling an invalid routine faults: State 4, recorded, not jumped to (4.2). */
        bcsim__report_t rep = { .id = BCSIM_V_INVALID_ROUTINE, .reason = BCSIM_REASON_LEGACY,
                                .address = (uint64_t)r->routine, .dedupe = (uint64_t)r ^ 2,
                                .component = bcsim__rec_component(r, true) };
        bcsim__violation(&rep, "legacy record %#llx: calling routine %#llx (%s) would fault",
                         (unsigned long long)r, (unsigned long long)r->routine,
                         bcsim__mem_describe((uint64_t)r->routine));
        r->state = 4;
        return false;
    }
    int out = bcsim__invoke(&cb);
    bcsim__state_after(r, true, 2, out == BCSIM_OUTCOME_RETURNED ? 3 : 4, cb.call);
    return false;
}

void bcsim__phase_legacy(void)
{
    bcsim__run.phase = BCSIM_PHASE_LEGACY;
    bcsim__walk_opts_t o = { .legacy = true };
    bcsim__walk(bcsim__m.lists.legacy, &o, legacy_visit, NULL);
}

/* ---- reserved reasons: NULL, 0, once per bug check, a finding each --------------------------- */

static bool reserved_visit(void *rec, void *ctx)
{
    uint8_t irql = *(uint8_t *)ctx;
    bcsim__rrec_t *r = rec;
    bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine,
                       .irql = irql, .state_during = 1 };
    int out = bcsim__invoke(&cb);
    bcsim__report_t rep = { .id = BCSIM_V_RESERVED_REASON_CALLED, .reason = r->reason,
                            .component = bcsim__call(cb.call) ? bcsim__call(cb.call)->component : NULL,
                            .address = (uint64_t)r };
    bcsim__violation(&rep, "%s is reserved for system use; bcsim called it with NULL, 0",
                     bcsim_reason_name(r->reason));
    bcsim__state_after(r, false, 1, out == BCSIM_OUTCOME_RETURNED ? 3 : 4, cb.call);
    return false;
}

void bcsim__phase_reserved(int32_t reason, uint32_t phase)
{
    bcsim__run.phase = phase;
    uint8_t irql = bcsim__m.irql;   /* reason 8 runs at the caller's IRQL, 1 and 9 at HIGH */
    bcsim__walk_opts_t o = { .reason = reason };
    bcsim__walk(bcsim__m.lists.reason, &o, reserved_visit, &irql);
}
