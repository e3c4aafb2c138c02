/*
 * src/machine/pool.c — pool allocation policy behind ExAllocatePool*, ExFreePool* and the
 * allocating Rtl routines: the IRQL rules Driver Verifier enforces (dispatcher-model.md 8.2,
 * 9.2: 0xC4 subcodes 0x00, 0x01, 0x02, 0x10, 0x11, 0x12), frees of what was never allocated
 * or already freed. The arenas themselves are src/memory/memory.c.
 *
 * A call that breaks a rule still does what the routine does (the allocation is made, the
 * block is freed): the finding records what Driver Verifier would have raised; the verifier
 * knob verifier.bugcheck_on decides whether bcsim raises it too.
 */
#include "internal.h"
#include "memory/memory.h"
#include "verifier/verifier.h"

#include <stdio.h>

static void pool_report(uint32_t id, void *caller, uint64_t address, uint32_t subcode,
                        uint64_t p2, uint64_t p3, uint64_t p4, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));
static void pool_report(uint32_t id, void *caller, uint64_t address, uint32_t subcode,
                        uint64_t p2, uint64_t p3, uint64_t p4, const char *fmt, ...)
{
    bcsim_call_t *c = bcsim__m.current_call >= 0 ? bcsim__call((uint32_t)bcsim__m.current_call) : NULL;
    bcsim__report_t r = { .id = id, .pc = (uint64_t)caller, .address = address,
                          .component = c ? c->component : NULL,
                          .reason = c ? c->reason : BCSIM__NO_REASON,
                          .bugcheck_code = BCSIM_BC_DRIVER_VERIFIER_DETECTED_VIOLATION,
                          .bugcheck_params = { subcode, p2, p3, p4 },
                          .dedupe = (uint64_t)caller };
    va_list ap;
    va_start(ap, fmt);
    bcsim__violationv(&r, fmt, ap);
    va_end(ap);
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

/* The IRQL rules of an allocation request (also one that then fails). */
static void alloc_rules(uint64_t size, bool paged, uint32_t tag, int32_t pool_type, void *caller)
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
}

void *bcsim__pool_alloc_ex(bcsim__u64 size, int paged, bcsim__u32 tag, bcsim__u32 align,
                           bcsim__i32 pool_type, void *caller)
{
    alloc_rules(size, paged, tag, pool_type, caller);
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

/* ---- the ExAllocatePool* entry points' decoding ---------------------------------------------- */

#define POOL_FLAG_USE_QUOTA 0x1ULL
#define POOL_FLAG_UNINITIALIZED 0x2ULL
#define POOL_FLAG_SESSION 0x4ULL
#define POOL_FLAG_CACHE_ALIGNED 0x8ULL
#define POOL_FLAG_RESERVED1 0x10ULL
#define POOL_FLAG_RAISE_ON_FAILURE 0x20ULL
#define POOL_FLAG_NON_PAGED 0x40ULL
#define POOL_FLAG_NON_PAGED_EXECUTE 0x80ULL
#define POOL_FLAG_PAGED 0x100ULL
#define POOL_FLAG_RESERVED2 0x200ULL
#define POOL_FLAG_RESERVED3 0x400ULL
#define POOL_FLAGS_REQUIRED_KNOWN (POOL_FLAG_USE_QUOTA | POOL_FLAG_UNINITIALIZED | POOL_FLAG_SESSION | \
                                   POOL_FLAG_CACHE_ALIGNED | POOL_FLAG_RAISE_ON_FAILURE |             \
                                   POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED)
#define POOL_TYPE_NONPAGED 0
#define POOL_TYPE_PAGED 1
#define POOL_TYPE_CACHE_ALIGNED 4
#define POOL_TYPE_NONPAGED_NX 512
#define CACHE_LINE 64
/* bcsim's pool is address space reserved up front; one request beyond this is "insufficient
 * memory" (it would also put that many pages into every dump). */
#define POOL_MAX_REQUEST (1ULL << 30)

/* Learn (POOL_FLAGS): the low 32 bits are required attributes (the allocation fails if one
 * cannot be satisfied), the high 32 bits optional ones (ignored when unknown). bcsim's model
 * of "invalid": a reserved or unknown required bit, or not exactly one of NON_PAGED,
 * NON_PAGED_EXECUTE and PAGED. USE_QUOTA and SESSION are accepted and have no effect;
 * UNINITIALIZED memory is zero too (bcsim never reuses pool, so fresh pages are zero). */
void *bcsim__pool_alloc_flags(bcsim__u64 flags, bcsim__u64 size, bcsim__u32 tag, void *caller)
{
    uint64_t required = flags & 0xFFFFFFFFULL;
    uint64_t kind = required & (POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED);
    bool paged = kind == POOL_FLAG_PAGED;
    bool aligned = (flags & POOL_FLAG_CACHE_ALIGNED) != 0;
    int32_t type = paged ? POOL_TYPE_PAGED
                 : kind == POOL_FLAG_NON_PAGED_EXECUTE ? POOL_TYPE_NONPAGED : POOL_TYPE_NONPAGED_NX;
    if (aligned)
        type += POOL_TYPE_CACHE_ALIGNED;
    if ((required & ~POOL_FLAGS_REQUIRED_KNOWN) || __builtin_popcountll(kind) != 1 || tag == 0 ||
        size > POOL_MAX_REQUEST) {
        alloc_rules(size, paged, tag, type, caller);
        return NULL;
    }
    return bcsim__pool_alloc_ex(size, paged, tag, aligned ? CACHE_LINE : 16, type, caller);
}

/* POOL_TYPE: PagedPool and its variants (cache aligned, session) are paged, every other type
 * nonpaged; the modifier bits (quota, raise, cold, zero, NX, session) do not change that. */
void *bcsim__pool_alloc_type(bcsim__i32 pool_type, bcsim__u64 size, bcsim__u32 tag, void *caller)
{
    uint32_t base = (uint32_t)pool_type & 7u;
    bool paged = base == POOL_TYPE_PAGED || base == (POOL_TYPE_PAGED | POOL_TYPE_CACHE_ALIGNED);
    bool aligned = (base & POOL_TYPE_CACHE_ALIGNED) != 0;
    if (size > POOL_MAX_REQUEST) {
        alloc_rules(size, paged, tag, pool_type, caller);
        return NULL;
    }
    return bcsim__pool_alloc_ex(size, paged, tag, aligned ? CACHE_LINE : 16, pool_type, caller);
}

void *bcsim__pool_alloc_bridge(bcsim__u64 size, int paged, bcsim__u32 tag, void *caller)
{
    return bcsim__pool_alloc_ex(size, paged, tag, 16, paged ? 1 : 0, caller);
}

void bcsim__pool_free_bridge(void *p, void *caller)
{
    bcsim__pool_free_ex(p, 0, 0, caller);
}
