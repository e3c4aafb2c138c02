/*
 * src/pool.c — pool allocation policy behind ExAllocatePool*, ExFreePool* and the
 * allocating Rtl routines: the IRQL rules Driver Verifier enforces (dispatcher-model.md 8.2,
 * 9.2: 0xC4 subcodes 0x00, 0x01, 0x02, 0x10, 0x11, 0x12), frees of what was never allocated
 * or already freed. The arenas themselves are src/memory.c.
 *
 * A call that breaks a rule still does what the routine does (the allocation is made, the
 * block is freed): the finding records what Driver Verifier would have raised; the verifier
 * knob verifier.bugcheck_on decides whether bcsim raises it too.
 */
#include "internal.h"

#include <stdio.h>

static void pool_report(uint32_t id, void *caller, uint64_t address, uint32_t subcode,
                        uint64_t p2, uint64_t p3, uint64_t p4, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
static void pool_report(uint32_t id, void *caller, uint64_t address, uint32_t subcode,
                        uint64_t p2, uint64_t p3, uint64_t p4, const char *fmt, ...)
{
    char detail[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof(detail), fmt, ap);
    va_end(ap);
    bcsim_call_t *c = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
    bcsim__report_t r = { .id = id, .pc = (uint64_t)caller, .address = address,
                          .component = c ? c->component : NULL,
                          .reason = c ? c->reason : BCSIM__NO_REASON,
                          .bugcheck_code = BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION,
                          .bugcheck_params = { subcode, p2, p3, p4 },
                          .dedupe = (uint64_t)caller };
    bcsim__violation(&r, "%s", detail);
}

static const char *tag_text(uint32_t tag, char out[5])
{
    for (int i = 0; i < 4; i++) {
        char ch = (char)(tag >> (8 * i));
        out[i] = ch >= 0x20 && ch < 0x7f ? ch : '.';
    }
    out[4] = 0;
    return out;
}

void *bcsim__pool_alloc_ex(bcsim__u64 size, int paged, bcsim__u32 tag, bcsim__u32 align,
                           bcsim__i32 pool_type, void *caller)
{
    uint8_t irql = bcsim__m.irql;
    char t[5];
    if (size == 0)
        pool_report(BCSIM_V_POOL_ZERO_SIZE, caller, 0, 0x00, irql, (uint64_t)pool_type, 0,
                    "zero-byte allocation (tag '%s')", tag_text(tag, t));
    if (paged && irql > BCSIM_IRQL_APC)
        pool_report(BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL, caller, 0, 0x01, irql, (uint64_t)pool_type,
                    size, "paged pool allocation of %llu bytes (tag '%s') at %s; paged pool needs <= APC_LEVEL",
                    (unsigned long long)size, tag_text(tag, t), bcsim__irql_name(irql));
    else if (!paged && irql > BCSIM_IRQL_DISPATCH)
        pool_report(BCSIM_V_POOL_ALLOCATION_AT_HIGH_IRQL, caller, 0, 0x02, irql, (uint64_t)pool_type,
                    size, "nonpaged pool allocation of %llu bytes (tag '%s') at %s; pool needs <= DISPATCH_LEVEL",
                    (unsigned long long)size, tag_text(tag, t), bcsim__irql_name(irql));
    return bcsim__pool_alloc(size, paged, tag, align, pool_type, (uint64_t)caller);
}

/* 0 freed; otherwise the block was not freed (not an allocation, freed twice, wrong tag). */
int bcsim__pool_free_ex(void *p, bcsim__u32 tag, int check_tag, void *caller)
{
    uint8_t irql = bcsim__m.irql;
    const bcsim__alloc_t *al = bcsim__pool_find((uint64_t)p);
    char t[5], t2[5];
    if (al && al->addr == (uint64_t)p && !al->freed) {
        if (al->paged && irql > BCSIM_IRQL_APC)
            pool_report(BCSIM_V_POOL_FREE_AT_HIGH_IRQL, caller, (uint64_t)p, 0x11, irql,
                        (uint64_t)al->pool_type, (uint64_t)p, "paged pool freed at %s", bcsim__irql_name(irql));
        else if (!al->paged && irql > BCSIM_IRQL_DISPATCH)
            pool_report(BCSIM_V_POOL_FREE_AT_HIGH_IRQL, caller, (uint64_t)p, 0x12, irql,
                        (uint64_t)al->pool_type, (uint64_t)p, "nonpaged pool freed at %s", bcsim__irql_name(irql));
        if (check_tag && al->tag != tag)
            pool_report(BCSIM_V_POOL_INVALID_FREE, caller, (uint64_t)p, 0x10, (uint64_t)p, 0, 0,
                        "ExFreePoolWithTag with tag '%s' on a block allocated with tag '%s'",
                        tag_text(tag, t), tag_text(al->tag, t2));
    }
    int rc = bcsim__pool_free(p, (uint64_t)caller, &al);
    if (rc == 1)
        pool_report(BCSIM_V_POOL_INVALID_FREE, caller, (uint64_t)p, 0x10, (uint64_t)p, 0, 0,
                    "%#llx is not the start of a pool allocation (%s)", (unsigned long long)p,
                    bcsim__mem_describe((uint64_t)p));
    else if (rc == 2)
        pool_report(BCSIM_V_POOL_INVALID_FREE, caller, (uint64_t)p, 0x10, (uint64_t)p, 0, 0,
                    "%#llx freed twice (tag '%s', %llu bytes)", (unsigned long long)p,
                    tag_text(al->tag, t), (unsigned long long)al->size);
    return rc;
}

void *bcsim__pool_alloc_bridge(bcsim__u64 size, int paged, bcsim__u32 tag, void *caller)
{
    return bcsim__pool_alloc_ex(size, paged, tag, 16, paged ? 1 : 0, caller);
}

void bcsim__pool_free_bridge(void *p, void *caller)
{
    bcsim__pool_free_ex(p, 0, 0, caller);
}
