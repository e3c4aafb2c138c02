/*
 * src/dispatcher/phase_pages.c — KbCallbackAddPages and KbCallbackRemovePages (dispatcher-model.md 7.4).
 *
 * Documented: Context NULL before the first call and preserved; Flags zero on entry; exactly
 * one of VIRTUAL/PHYSICAL; Count pages; Count 0 = nothing; ADDITIONAL_RANGES_EXIST = call
 * again. bcsim's loop (UNDOC) follows the spec's table step by step, bounded.
 */
#include "dispatcher/phases.h"
#include "rsd.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"

#include <stdio.h>

typedef struct pages_ctx {
    bool add;
    uint32_t reason;
} pages_ctx_t;

/* Step 10: the range must be entirely mapped (virtual) or exist (physical). */
static bool range_valid(bool physical, uint64_t address, uint64_t count)
{
    uint64_t first = physical ? address >> BCSIM_PAGE_SHIFT : BCSIM_PAGE_ROUND_DOWN(address);
    for (uint64_t i = 0; i < count; i++) {
        uint64_t pfn;
        if (physical) {
            pfn = first + i;
            if (pfn < first || !bcsim__dump_pfn_exists(pfn))
                return false;
        } else {
            uint64_t va = first + (i << BCSIM_PAGE_SHIFT), pa;
            if (va < first || !bcsim__mem_va_to_pa(va, &pa))
                return false;
        }
    }
    return true;
}

/* Step 11: translates a valid range to frames and applies it to the dump's page set. */
static void apply_range(bool add, bool physical, uint64_t address, uint64_t count,
                        uint64_t *protected_pages)
{
    uint64_t first = physical ? address >> BCSIM_PAGE_SHIFT : BCSIM_PAGE_ROUND_DOWN(address);
    for (uint64_t i = 0; i < count; i++) {
        uint64_t pfn = first + i, pa;
        if (!physical) {
            bcsim__mem_va_to_pa(first + (i << BCSIM_PAGE_SHIFT), &pa);
            pfn = pa >> BCSIM_PAGE_SHIFT;
        }
        if (!add && bcsim__dump_pfn_protected(pfn)) {
            (*protected_pages)++;
            continue;
        }
        bcsim__dump_pages_change(add, pfn, 1);
    }
}

/* Steps 4-12 for what one call returned: findings and the call's status are recorded here.
 * With apply, an accepted range changes the dump's page set and the result's ranges; without
 * (the fuzz harness) it is only validated. */
int bcsim__pages_check(bcsim__rrec_t *r, uint32_t call, const bcsim__pages_t *p, bool add,
                       bool apply, uint64_t *pages_total, uint64_t *protected_pages)
{
    const bcsim_config_t *cfg = &bcsim__m.cfg;
    bcsim_call_t *c = bcsim__call(call);
    uint32_t flags = p->flags;
    if (c) {
        c->flags = flags;
        c->address = p->address;
        c->count = p->count;
    }
    /* Step 4: feature bits are ignored. Step 5: unknown bits reject the range. */
    uint32_t f = flags & ~BCSIM__KB_PAGES_FEATURE_MASKS;
    if (f & ~(BCSIM__KB_PAGES_FLAG_VIRTUAL | BCSIM__KB_PAGES_FLAG_PHYSICAL |
              BCSIM__KB_PAGES_FLAG_ADDITIONAL_RANGES)) {
        bcsim__call_finding(r, call, BCSIM_V_PAGES_INVALID_FLAGS, (uint64_t)r,
                            "Flags %#x has bits outside VIRTUAL, PHYSICAL and ADDITIONAL_RANGES_EXIST; "
                            "range rejected with STATUS_INVALID_PARAMETER_4", flags);
        if (c)
            c->status = BCSIM_STATUS_INVALID_PARAMETER_4;
        return BCSIM__PAGES_REJECTED;
    }
    /* Step 6. */
    bool more = f & BCSIM__KB_PAGES_FLAG_ADDITIONAL_RANGES;
    f &= ~BCSIM__KB_PAGES_FLAG_ADDITIONAL_RANGES;
    /* Step 7: both address kinds. */
    if (f == (BCSIM__KB_PAGES_FLAG_VIRTUAL | BCSIM__KB_PAGES_FLAG_PHYSICAL)) {
        bcsim__call_finding(r, call, BCSIM_V_PAGES_INVALID_FLAGS, (uint64_t)r,
                            "both VIRTUAL and PHYSICAL set; range rejected with STATUS_INVALID_PARAMETER");
        if (c)
            c->status = BCSIM_STATUS_INVALID_PARAMETER;
        return BCSIM__PAGES_REJECTED;
    }
    /* Step 8: neither (knob pages.neither_flag). */
    bool physical = f == BCSIM__KB_PAGES_FLAG_PHYSICAL;
    if (f == 0 && p->count != 0) {
        bcsim__call_finding(r, call, BCSIM_V_PAGES_NO_ADDRESS_FLAG, (uint64_t)r,
                            "Flags %#x; %s", flags,
                            cfg->pages_neither_reject ? "range rejected"
                                                      : "bcsim treats the range as physical");
        if (cfg->pages_neither_reject) {
            if (c)
                c->status = BCSIM_STATUS_INVALID_PARAMETER;
            return BCSIM__PAGES_REJECTED;
        }
        physical = true;
    }
    /* Step 9: Count 0 ends the loop even with ADDITIONAL_RANGES_EXIST. */
    if (p->count == 0)
        return BCSIM__PAGES_DONE;
    /* Step 13: page bound. */
    if (p->count > cfg->pages_max_pages || *pages_total + p->count > cfg->pages_max_pages)
        return BCSIM__PAGES_RUNAWAY;
    /* Steps 10-11. */
    if (!range_valid(physical, p->address, p->count)) {
        bcsim__call_finding(r, call, BCSIM_V_PAGES_INVALID_RANGE, (uint64_t)r,
                            "%s range %#llx, %llu pages is not %s; rejected with STATUS_INVALID_PARAMETER",
                            physical ? "physical" : "virtual", (unsigned long long)p->address,
                            (unsigned long long)p->count,
                            physical ? "physical memory bcsim has" : "entirely mapped memory");
        if (c)
            c->status = BCSIM_STATUS_INVALID_PARAMETER;
        return BCSIM__PAGES_REJECTED;
    }
    *pages_total += p->count;
    if (apply) {
        apply_range(add, physical, p->address, p->count, protected_pages);
        bcsim_range_t *rg = BCSIM_VEC_PUSH(&bcsim__run.ranges);
        c = bcsim__call(call);
        if (rg) {
            rg->address = physical ? p->address : BCSIM_PAGE_ROUND_DOWN(p->address);
            rg->size = p->count << BCSIM_PAGE_SHIFT;
            rg->physical = physical;
            rg->reason = r->reason;
            rg->component = c ? c->component : NULL;
        }
    }
    /* Step 12. */
    return more ? BCSIM__PAGES_MORE : BCSIM__PAGES_DONE;
}

static bool pages_visit(void *rec, void *ctx_)
{
    pages_ctx_t *ctx = ctx_;
    bcsim__rrec_t *r = rec;
    bcsim__pages_t *p = bcsim__osb.pages;
    const bcsim_config_t *cfg = &bcsim__m.cfg;

    /* Step 1: zeroed once; BugCheckCode from KiBugCheckData. */
    memset(p, 0, sizeof(*p));
    p->bugcheck_code = (uint32_t)bcsim__m.bugcheck_data[0];
    bool all_accepted = true, runaway = false;
    uint64_t pages_total = 0, protected_pages = 0;
    uint32_t calls = 0, last_call = UINT32_MAX;

    for (;;) {
        if (calls >= cfg->pages_max_calls) {
            runaway = true;
            break;
        }
        /* Step 2: Flags, Address, Count reset before each call; Context preserved. */
        p->flags = 0;
        p->address = 0;
        p->count = 0;
        p->bugcheck_code = (uint32_t)bcsim__m.bugcheck_data[0];
        bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine, .data = p,
                           .data_len = sizeof(*p), .irql = BCSIM_IRQL_HIGH, .state_during = 1 };
        int out = bcsim__invoke(&cb);
        calls++;
        last_call = cb.call;
        if (out != BCSIM_OUTCOME_RETURNED) {
            all_accepted = false;
            break;
        }
        if (bcsim__rec_state(r, false) != 1)
            break; /* deregistered or re-initialised during the call: no more calls */
        int verdict = bcsim__pages_check(r, cb.call, p, ctx->add, true, &pages_total,
                                         &protected_pages);
        if (verdict == BCSIM__PAGES_REJECTED)
            all_accepted = false;
        if (verdict == BCSIM__PAGES_RUNAWAY)
            runaway = true;
        if (verdict != BCSIM__PAGES_MORE)
            break;
    }
    if (runaway) {
        bcsim__call_finding(r, last_call, BCSIM_V_PAGES_RUNAWAY, (uint64_t)r,
                            "stopped after %u calls and %llu pages (bounds: %u calls, %llu pages)", calls,
                            (unsigned long long)pages_total, cfg->pages_max_calls,
                            (unsigned long long)cfg->pages_max_pages);
        all_accepted = false;
    }
    if (protected_pages)
        bcsim__call_finding(r, last_call, BCSIM_V_PAGES_PROTECTED, (uint64_t)r,
                            "%llu page-table pages kept in the dump", (unsigned long long)protected_pages);
    /* Step 14. */
    bcsim__state_after(r, false, 1, all_accepted ? 3 : 4, last_call);
    return false;
}

void bcsim__phase_pages(void)
{
    pages_ctx_t ctx = { .add = true };
    bcsim__walk_opts_t o = { .reason = BCSIM_REASON_ADD_PAGES };
    bcsim__run.phase = BCSIM_PHASE_ADD_PAGES;
    bcsim__walk(bcsim__m.lists.pages, &o, pages_visit, &ctx);
    ctx.add = false;
    o.reason = BCSIM_REASON_REMOVE_PAGES;
    bcsim__run.phase = BCSIM_PHASE_REMOVE_PAGES;
    bcsim__walk(bcsim__m.lists.pages, &o, pages_visit, &ctx);
}
