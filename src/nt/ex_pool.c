/*
 * src/nt/ex_pool.c — ExAllocatePool* / ExFreePool* over bcsim's pool (src/pool.c policy,
 * src/memory.c arenas). The policy reports what Driver Verifier would (0xC4 subcodes 0x00-0x12,
 * dispatcher-model.md 8.2/9.2), so these entries carry no report of their own in
 * src/exports.inc. Pool memory comes from fresh arena pages and is therefore zeroed.
 */
#include "nt_private.h"

#define POOL_TAG_NONE 'enoN'   /* the tag Windows gives ExAllocatePool's untagged blocks */

/* POOL_TYPE: paged types are the odd ones (PagedPool 1, PagedPoolCacheAligned 5, the session
 * forms 33 and 37); the cache-aligned ones have bit 2 set. */
static void *alloc_typed(POOL_TYPE type, SIZE_T bytes, ULONG tag, void *caller)
{
    int paged = ((ULONG)type & 1u) != 0;
    ULONG align = ((ULONG)type & 4u) ? 64 : 16;
    return bcsim__pool_alloc_ex(bytes, paged, tag, align, (bcsim__i32)type, caller);
}

/* POOL_FLAGS (Learn: ExAllocatePool2): exactly one of NON_PAGED, NON_PAGED_EXECUTE, PAGED, else
 * NULL; CACHE_ALIGNED aligns to a cache line; RAISE_ON_FAILURE raises instead of returning NULL.
 * Memory is zero-initialised (bcsim's pool always is, POOL_FLAG_UNINITIALIZED included). */
static void *alloc_flags(POOL_FLAGS flags, SIZE_T bytes, ULONG tag, void *caller)
{
    POOL_FLAGS kind = flags & (POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED);
    void *p = NULL;
    if (kind == POOL_FLAG_NON_PAGED || kind == POOL_FLAG_NON_PAGED_EXECUTE || kind == POOL_FLAG_PAGED) {
        int paged = kind == POOL_FLAG_PAGED;
        POOL_TYPE type = paged ? PagedPool : kind == POOL_FLAG_NON_PAGED ? NonPagedPoolNx : NonPagedPoolExecute;
        ULONG align = (flags & POOL_FLAG_CACHE_ALIGNED) ? 64 : 16;
        p = bcsim__pool_alloc_ex(bytes, paged, tag, align, (bcsim__i32)type, caller);
    }
    if (p == NULL && (flags & POOL_FLAG_RAISE_ON_FAILURE))
        ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
    return p;
}

/* ExAllocatePool2 — Learn: NULL if the allocation fails (unless POOL_FLAG_RAISE_ON_FAILURE). */
PVOID ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePool2, caller);
    return alloc_flags(Flags, NumberOfBytes, Tag, caller);
}

/* ExAllocatePool3 — ExAllocatePool2 with extended parameters (priority, NUMA node, secure pool),
 * which bcsim's single-node pool does not need. */
PVOID ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
                      PCPOOL_EXTENDED_PARAMETER ExtendedParameters, ULONG ExtendedParametersCount)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePool3, caller);
    UNREFERENCED_PARAMETER(ExtendedParameters);
    UNREFERENCED_PARAMETER(ExtendedParametersCount);
    return alloc_flags(Flags, NumberOfBytes, Tag, caller);
}

/* ExAllocatePoolWithTag — Learn: NULL if there is not enough memory. */
PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithTag, caller);
    return alloc_typed(PoolType, NumberOfBytes, Tag, caller);
}

/* ExAllocatePoolWithTagPriority — as ExAllocatePoolWithTag; the priority matters only when
 * memory is low, which bcsim's pool never is. */
PVOID ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                    EX_POOL_PRIORITY Priority)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithTagPriority, caller);
    UNREFERENCED_PARAMETER(Priority);
    return alloc_typed(PoolType, NumberOfBytes, Tag, caller);
}

/* ExAllocatePool — Learn (deprecated): an untagged allocation. */
PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePool, caller);
    return alloc_typed(PoolType, NumberOfBytes, POOL_TAG_NONE, caller);
}

/* ExAllocatePoolZero — Learn: ExAllocatePoolWithTag, then the block is zeroed. */
PVOID ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolZero, caller);
    void *p = alloc_typed(PoolType, NumberOfBytes, Tag, caller);
    if (p)
        RtlZeroMemory(p, NumberOfBytes);
    return p;
}

/* ExFreePool — Learn: frees a pool block (any tag). */
VOID ExFreePool(PVOID P)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExFreePool, caller);
    (void)bcsim__pool_free_ex(P, 0, 0, caller);
}

/* ExFreePoolWithTag — Learn: Tag must be the allocation's tag; a zero Tag frees like ExFreePool. */
VOID ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExFreePoolWithTag, caller);
    (void)bcsim__pool_free_ex(P, Tag, Tag != 0, caller);
}
