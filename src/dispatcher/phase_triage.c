/*
 * src/dispatcher/phase_triage.c — KbCallbackTriageDumpData (dispatcher-model.md 7.3) and the triage
 * array helpers KeInitializeTriageDumpDataArray / KeAddTriageDumpDataBlock
 * (bugcheck-api.md 11; every check there is bcsim's model).
 */
#include "dispatcher/phases.h"
#include "rsd.h"
#include "dispatcher/dispatcher.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>

/* ---- KeInitializeTriageDumpDataArray (11.1) ---------------------------------------------- */

bcsim__i32 bcsim__triage_init_array(void *array, bcsim__u32 size)
{
    if (!array)
        return BCSIM_STATUS_INVALID_PARAMETER;
    if (size < BCSIM__TARRAY_HEADER + sizeof(bcsim__krange_t))
        return BCSIM_STATUS_BUFFER_TOO_SMALL;
    bcsim__tarray_t *a = array;
    a->flink = a->blink = &a->flink;
    a->num_blocks_used = 0;
    a->num_blocks_total = (size - BCSIM__TARRAY_HEADER) / (uint32_t)sizeof(bcsim__krange_t);
    a->data_size = 0;
    a->max_data_size = 0x2000000; /* KE_MAX_TRIAGE_DUMP_DATA_MEMORY_SIZE */
    a->component_name = NULL;
    a->component_name_buffer_length = 0;
    return BCSIM_STATUS_SUCCESS;
}

static bool array_header_valid(const bcsim__tarray_t *a)
{
    if (!bcsim__mem_is((uint64_t)a, BCSIM__TARRAY_HEADER, BCSIM__MC_READABLE))
        return false;
    if (a->num_blocks_used > a->num_blocks_total)
        return false;
    /* Its list links: self-consistent (empty, or linked into the dispatcher's list). */
    const void *self = &a->flink;
    if (a->flink == self || a->blink == self)
        return a->flink == self && a->blink == self;
    return a->flink != NULL && a->blink != NULL;
}

/* ---- KeAddTriageDumpDataBlock (11.2) ----------------------------------------------------- */

bcsim__i32 bcsim__triage_add_block(void *array, void *address, bcsim__u64 size)
{
    bcsim__tarray_t *a = array;
    if (!a || !array_header_valid(a))
        return BCSIM_STATUS_INVALID_PARAMETER;
    uint64_t start = (uint64_t)address, end = start + size;
    if (end < start || (size && !bcsim__mem_is(start, size, BCSIM__MC_RESIDENT)))
        return BCSIM_STATUS_INVALID_PARAMETER;
    if (size == 0)
        return BCSIM_STATUS_SUCCESS;
    if (!bcsim__mem_is((uint64_t)a->blocks, (uint64_t)a->num_blocks_total * sizeof(bcsim__krange_t),
                       BCSIM__MC_READABLE))
        return BCSIM_STATUS_INVALID_PARAMETER;
    /* Contained in, or overlapping the start or end of, an existing block: nothing, or trim.
     * A range that would have to be split in two is not trimmed; blocks never merge. */
    for (uint32_t i = 0; i < a->num_blocks_used; i++) {
        uint64_t bs = (uint64_t)a->blocks[i].address, be = bs + a->blocks[i].size;
        if (start >= bs && end <= be)
            return BCSIM_STATUS_SUCCESS;
        if (start < bs && end > be)
            continue;
        if (start >= bs && start < be)
            start = be;
        else if (end > bs && end <= be)
            end = bs;
    }
    if (a->num_blocks_used == a->num_blocks_total)
        return BCSIM_STATUS_BUFFER_TOO_SMALL;
    uint64_t remaining = end - start;
    if (remaining > (uint64_t)a->max_data_size - a->data_size)
        return BCSIM_STATUS_INSUFFICIENT_RESOURCES;
    a->blocks[a->num_blocks_used].address = (void *)start;
    a->blocks[a->num_blocks_used].size = remaining;
    a->num_blocks_used++;
    a->data_size += (uint32_t)remaining;
    return BCSIM_STATUS_SUCCESS;
}

/* ---- the phase ------------------------------------------------------------------------------ */

static void triage_invalid(bcsim__rrec_t *r, uint32_t call, uint32_t id, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void triage_invalid(bcsim__rrec_t *r, uint32_t call, uint32_t id, const char *fmt, ...)
{
    bcsim_call_t *c = bcsim__call(call);
    bcsim__report_t rep = { .id = id, .reason = BCSIM_REASON_TRIAGE_DUMP_DATA,
                            .component = c ? c->component : NULL, .address = (uint64_t)r,
                            .pc = (uint64_t)r->routine };
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&rep, fmt, ap);
    va_end(ap);
    bcsim__state_after(r, false, 1, 4, call);
}

/* The array a TriageDumpData callback returned (7.3 "After return: DataArray set"), except
 * the "already linked in this bug check" rule: true if acceptable, else the finding id and
 * why. *total is the bytes its blocks describe. */
bool bcsim__triage_check_array(const bcsim__tarray_t *a, uint32_t max_virt_mem, uint32_t *id,
                               char *why, size_t why_size, uint64_t *total)
{
    *id = BCSIM_V_TRIAGE_INVALID_ARRAY;
    *total = 0;
    if (!bcsim__mem_is((uint64_t)a, BCSIM__TARRAY_HEADER, BCSIM__MC_RESIDENT)) {
        snprintf(why, why_size, "DataArray %#llx is not resident nonpaged memory", (unsigned long long)a);
        return false;
    }
    if (a->num_blocks_used > a->num_blocks_total ||
        !bcsim__mem_is((uint64_t)a->blocks, (uint64_t)a->num_blocks_used * sizeof(bcsim__krange_t),
                       BCSIM__MC_RESIDENT)) {
        snprintf(why, why_size, "NumBlocksUsed %u exceeds NumBlocksTotal %u or the blocks are not resident",
                 a->num_blocks_used, a->num_blocks_total);
        return false;
    }
    for (uint32_t i = 0; i < a->num_blocks_used; i++) {
        uint64_t s = (uint64_t)a->blocks[i].address, n = a->blocks[i].size;
        if (s + n < s || !bcsim__mem_is(s, n, BCSIM__MC_RESIDENT)) {
            snprintf(why, why_size, "block at %#llx (%llu bytes) is not valid nonpaged memory",
                     (unsigned long long)s, (unsigned long long)n);
            return false;
        }
        *total += n;
    }
    if (*total > max_virt_mem) {
        *id = BCSIM_V_TRIAGE_TOO_LARGE;
        snprintf(why, why_size, "the array describes %llu bytes; MaxVirtMemSize is %u",
                 (unsigned long long)*total, max_virt_mem);
        return false;
    }
    return true;
}

static bool linked_already(const bcsim__tarray_t *a)
{
    bcsim__list_t *head = bcsim__m.lists.triage;
    uint64_t n = 0;
    for (bcsim__list_t *e = head->flink; e != head && n < 1u << 20; e = e->flink, n++)
        if ((const void *)e == (const void *)a)
            return true;
    return false;
}

static bool triage_visit(void *rec, void *ctx)
{
    (void)ctx;
    bcsim__rrec_t *r = rec;
    bcsim__triage_t *t = bcsim__osb.triage;
    memset(t, 0, sizeof(*t));
    t->data_array = NULL;
    t->flags = bcsim__m.cfg.live ? 0 : BCSIM__KB_TRIAGE_FLAG_BUGCHECK_ACTIVE;
    t->max_virt_mem_size = bcsim__m.cfg.triage_max_virt_mem;
    t->bugcheck_code = (uint32_t)bcsim__m.bugcheck_data[0];
    memcpy(t->bugcheck_params, &bcsim__m.bugcheck_data[1], sizeof(t->bugcheck_params));
    bcsim__run.triage_flags = t->flags;

    bcsim__cb_t cb = { .record = r, .reason = r->reason, .routine = r->routine, .data = t,
                       .data_len = sizeof(*t), .irql = BCSIM_IRQL_HIGH, .state_during = 1 };
    int out = bcsim__invoke(&cb);
    if (out != BCSIM_OUTCOME_RETURNED) {
        bcsim__state_after(r, false, 1, 4, cb.call);
        return false;
    }
    bcsim__tarray_t *a = t->data_array;
    if (!a) {
        /* Returning nothing is legitimate: State 4, no finding (7.3). */
        bcsim__state_after(r, false, 1, 4, cb.call);
        return false;
    }
    char why[256];
    uint32_t id;
    uint64_t total = 0;
    if (!bcsim__triage_check_array(a, bcsim__m.cfg.triage_max_virt_mem, &id, why, sizeof(why), &total)) {
        triage_invalid(r, cb.call, id, "%s", why);
        return false;
    }
    if (linked_already(a)) {
        triage_invalid(r, cb.call, BCSIM_V_TRIAGE_INVALID_ARRAY,
                       "array %#llx was already returned by another record in this bug check",
                       (unsigned long long)a);
        return false;
    }
    /* Accepted: ComponentName = the record's Component; linked at the tail; its blocks are
     * forced into the dump (Doc: they appear in the carved minidump). */
    a->component_name = r->component;
    bcsim__list_t *head = bcsim__m.lists.triage, *e = (bcsim__list_t *)a;
    e->flink = head;
    e->blink = head->blink;
    head->blink->flink = e;
    head->blink = e;
    bcsim_call_t *c = bcsim__call(cb.call);
    for (uint32_t i = 0; i < a->num_blocks_used; i++) {
        bcsim__dump_force_range((uint64_t)a->blocks[i].address, a->blocks[i].size);
        bcsim_range_t *rg = BCSIM_VEC_PUSH(&bcsim__run.ranges);
        if (rg) {
            rg->address = (uint64_t)a->blocks[i].address;
            rg->size = a->blocks[i].size;
            rg->reason = BCSIM_REASON_TRIAGE_DUMP_DATA;
            rg->component = c ? c->component : NULL;
        }
    }
    if (c)
        c->count = a->num_blocks_used, c->bytes = total;
    bcsim__state_after(r, false, 1, 3, cb.call);
    return false;
}

void bcsim__phase_triage(void)
{
    bcsim__run.phase = BCSIM_PHASE_TRIAGE;
    bcsim__list_t *h = bcsim__m.lists.triage;
    h->flink = h->blink = h;
    bcsim__walk_opts_t o = { .reason = BCSIM_REASON_TRIAGE_DUMP_DATA };
    bcsim__walk(bcsim__m.lists.reason, &o, triage_visit, NULL);
    bcsim__run.triage_flags = 0;
}
