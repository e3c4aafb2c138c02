/*
 * src/dispatcher/walk.c — one pass over one callback list (dispatcher-model.md 4).
 *
 * A structural fault (misaligned node, unreadable record, Blink mismatch, cycle) ends the
 * pass; an ineligible record (State, checksum, reason, routine) is skipped. The successor
 * is read after the visit returns, so a callback may deregister itself or another record,
 * or register a new one, while the walk is running (4.3).
 */
#include "internal.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

bool bcsim__walk_node_ok(const bcsim__list_t *node, const bcsim__list_t *prev, bool legacy)
{
    if ((uint64_t)node & 7)
        return false;
    if (!bcsim__mem_is((uint64_t)node, legacy ? BCSIM__LREC_SIZE : BCSIM__RREC_SIZE,
                       BCSIM__MC_READABLE))
        return false;
    return node->blink == prev;
}

/* The record a structural finding is about, for its component and its driver location (the
 * registration site): the node itself when bcsim registered a record there, otherwise the
 * last good record, whose Flink led to the bad node. */
static void blame(const bcsim__list_t *cur, const bcsim__list_t *prev, bool legacy,
                  bcsim__report_t *r)
{
    const bcsim__recinfo_t *ri = bcsim__record_info(cur);
    const void *who = cur;
    if (!ri && prev && bcsim__record_info(prev)) {
        who = prev;
        ri = bcsim__record_info(prev);
    }
    if (!ri)
        return;
    r->pc = ri->site;
    if (bcsim__mem_is((uint64_t)who, legacy ? BCSIM__LREC_SIZE : BCSIM__RREC_SIZE,
                      BCSIM__MC_READABLE))
        r->component = bcsim__rec_component(who, legacy);
}

/* Where a record was registered (its driver's call): the place a finding about it names. */
static uint64_t site_of(const void *rec)
{
    const bcsim__recinfo_t *ri = bcsim__record_info(rec);
    return ri ? ri->site : 0;
}

static void structural_finding(const bcsim__list_t *cur, const bcsim__list_t *prev, bool legacy,
                               const char *what, bool unloaded)
{
    bcsim__report_t r = { .id = BCSIM_V_LIST_CORRUPT, .reason = BCSIM__NO_REASON,
                          .address = (uint64_t)cur, .dedupe = (uint64_t)cur ^ 0x5a5a };
    if (unloaded) {
        r.id = BCSIM_V_DRIVER_UNLOADED_WITH_RECORDS;
        r.bugcheck_code = BCSIM_BC_DRIVER_UNLOADED_WITHOUT_CANCELLING;
        r.bugcheck_params[0] = (uint64_t)cur;
    }
    blame(cur, prev, legacy, &r);
    bcsim__violation(&r, "%s at %#llx; the rest of this list walk was skipped", what,
                     (unsigned long long)cur);
}

/* Why a node fails the structural checks (for the finding's message). */
static bool node_structure(const bcsim__list_t *cur, const bcsim__list_t *prev, bool legacy)
{
    if ((uint64_t)cur & 7) {
        structural_finding(cur, prev, legacy, "misaligned list entry", false);
        return false;
    }
    uint32_t size = legacy ? BCSIM__LREC_SIZE : BCSIM__RREC_SIZE;
    if (!bcsim__mem_is((uint64_t)cur, size, BCSIM__MC_READABLE)) {
        bool known;
        uint32_t cls = bcsim__mem_class_of((uint64_t)cur, &known);
        const bcsim__alloc_t *al = bcsim__pool_find((uint64_t)cur);
        bool gone = (known && cls == BCSIM__MEM_FREED) || (al && al->freed);
        structural_finding(cur, prev, legacy,
                           gone ? "list reaches a record in freed or unloaded memory"
                                : "list reaches an unreadable record", gone);
        return false;
    }
    if (cur->blink != prev) {
        structural_finding(cur, prev, legacy, "list entry Blink does not point at its predecessor",
                           false);
        return false;
    }
    return true;
}

bool bcsim__walk(bcsim__list_t *head, const bcsim__walk_opts_t *o, bcsim__visit_fn visit,
                 void *ctx)
{
    if (!head || !head->flink || !head->blink)
        return true; /* never initialised: an empty list */
    bcsim__list_t *prev = head, *cur = head->flink;
    uint64_t visited = 0, bound = bcsim__m.records_ever + 16;
    while (cur != head) {
        if (!node_structure(cur, prev, o->legacy))
            return false;
        if (++visited > bound) {
            bcsim__report_t r = { .id = BCSIM_V_LIST_CYCLE, .reason = BCSIM__NO_REASON,
                                  .address = (uint64_t)cur, .dedupe = (uint64_t)head };
            bcsim__violation(&r, "more than %llu entries visited", (unsigned long long)bound);
            return false;
        }
        bool eligible = true;
        if (!o->any_state) {
            if (o->legacy) {
                bcsim__lrec_t *r = (bcsim__lrec_t *)cur;
                eligible = r->state == 1;
                if (eligible && r->checksum != bcsim__checksum_legacy(r)) {
                    eligible = false;
                    bcsim__report_t rep = { .id = BCSIM_V_RECORD_MODIFIED,
                                            .reason = BCSIM_REASON_LEGACY, .pc = site_of(r),
                                            .address = (uint64_t)r, .dedupe = (uint64_t)r };
                    bcsim__violation(&rep, "legacy record %#llx: stored checksum %#llx, fields sum to %#llx",
                                     (unsigned long long)r, (unsigned long long)r->checksum,
                                     (unsigned long long)bcsim__checksum_legacy(r));
                }
            } else {
                bcsim__rrec_t *r = (bcsim__rrec_t *)cur;
                eligible = r->state == 1 && r->reason == o->reason;
                if (eligible && r->checksum != bcsim__checksum_reason(r)) {
                    eligible = false;
                    bcsim__report_t rep = { .id = BCSIM_V_RECORD_MODIFIED, .reason = r->reason,
                                            .pc = site_of(r), .address = (uint64_t)r,
                                            .dedupe = (uint64_t)r };
                    bcsim__violation(&rep, "reason record %#llx: stored checksum %#llx, fields sum to %#llx",
                                     (unsigned long long)r, (unsigned long long)r->checksum,
                                     (unsigned long long)bcsim__checksum_reason(r));
                }
                if (eligible && !bcsim__mem_is_exec((uint64_t)r->routine)) {
                    eligible = false;
                    bcsim__report_t rep = { .id = BCSIM_V_INVALID_ROUTINE, .reason = r->reason,
                                            .address = (uint64_t)r->routine,
                                            .dedupe = (uint64_t)r ^ 0x1 };
                    bcsim__violation(&rep, "record %#llx: routine %#llx is %s; record skipped",
                                     (unsigned long long)r, (unsigned long long)r->routine,
                                     bcsim__mem_describe((uint64_t)r->routine));
                }
            }
        }
        uint8_t state_before = o->legacy ? ((bcsim__lrec_t *)cur)->state
                                         : ((bcsim__rrec_t *)cur)->state;
        if (eligible && visit(cur, ctx))
            return false;
        /* Successor read after the visit (4.1 step 5). */
        bcsim__list_t *next = cur->flink;
        uint8_t state_now = o->legacy ? ((bcsim__lrec_t *)cur)->state
                                      : ((bcsim__rrec_t *)cur)->state;
        if (eligible && state_before == 1 && state_now == 0 && next != head &&
            bcsim__mem_is((uint64_t)next, sizeof(*next), BCSIM__MC_READABLE) &&
            next->blink == cur->blink) {
            /* The callback deregistered its own record (4.3). */
            if (bcsim__m.cfg.walk_mode == BCSIM_WALK_STRICT) {
                const bcsim__recinfo_t *ri = bcsim__record_info(cur);
                bcsim__report_t rep = { .id = BCSIM_V_WALK_TRUNCATED,
                                        .reason = o->legacy ? BCSIM_REASON_LEGACY : o->reason,
                                        .component = bcsim__rec_component(cur, o->legacy),
                                        .pc = ri ? ri->site : 0, .address = (uint64_t)cur };
                bcsim__violation(&rep, "record %#llx deregistered itself", (unsigned long long)cur);
                return false;
            }
            prev = cur->blink;
            cur = next;
            continue;
        }
        prev = cur;
        cur = next;
    }
    return true;
}
