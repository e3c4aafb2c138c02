/*
 * src/nt/ex_pool.c — the ExAllocatePool* / ExFreePool* routines (wdk-surface.md 3.10) over
 * bcsim's pool (src/machine/pool.c: POOL_FLAGS and POOL_TYPE decoding, the IRQL rules of
 * dispatcher-model.md 8.2 and 9.2 — 0xC4/0x00, 0x01, 0x02, 0x10, 0x11, 0x12). Memory is
 * always zeroed (bcsim never reuses pool), which satisfies the zeroing routines and is one
 * legitimate content of "uninitialized" memory.
 */
#include "nt_private.h"

#define POOL_TAG_NONE 0x656E6F4EU  /* 'enoN', ExAllocatePool's tag: "None" in a pool dump */

static PVOID raise_if(PVOID p, BOOLEAN raise, void *caller)
{
    if (!p && raise)
        bcsim__raise_status(STATUS_INSUFFICIENT_RESOURCES, caller);
    return p;
}

/* ExAllocatePool2 — Learn: zero-initialized memory unless POOL_FLAG_UNINITIALIZED; NULL for
 * insufficient memory, a zero Tag or invalid POOL_FLAGS, or with POOL_FLAG_RAISE_ON_FAILURE
 * an exception (STATUS_INSUFFICIENT_RESOURCES); IRQL <= DISPATCH_LEVEL (paged: APC_LEVEL). */
PVOID ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePool2, caller);
    return raise_if(bcsim__pool_alloc_flags(Flags, NumberOfBytes, Tag, caller),
                    (Flags & POOL_FLAG_RAISE_ON_FAILURE) != 0, caller);
}

/* ExAllocatePool3 — Learn: ExAllocatePool2 with extended parameters (priority, secure pool,
 * NUMA node). bcsim has one pool and one node: the parameters are accepted and ignored; a
 * count without an array is invalid (NULL). */
PVOID ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
                      PCPOOL_EXTENDED_PARAMETER ExtendedParameters, ULONG ExtendedParametersCount)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePool3, caller);
    PVOID p = NULL;
    if (!ExtendedParametersCount || ExtendedParameters)
        p = bcsim__pool_alloc_flags(Flags, NumberOfBytes, Tag, caller);
    return raise_if(p, (Flags & POOL_FLAG_RAISE_ON_FAILURE) != 0, caller);
}

/* ExAllocatePoolWithTag — Learn: NULL if there is insufficient memory (an exception when
 * PoolType has POOL_RAISE_IF_ALLOCATION_FAILURE). */
PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithTag, caller);
    return raise_if(bcsim__pool_alloc_type(PoolType, NumberOfBytes, Tag, caller),
                    (PoolType & POOL_RAISE_IF_ALLOCATION_FAILURE) != 0, caller);
}

/* ExAllocatePoolWithTagPriority — Learn: as ExAllocatePoolWithTag; the priority only matters
 * when memory is low, which bcsim's pool never is. */
PVOID ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                    EX_POOL_PRIORITY Priority)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(Priority);
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithTagPriority, caller);
    return raise_if(bcsim__pool_alloc_type(PoolType, NumberOfBytes, Tag, caller),
                    (PoolType & POOL_RAISE_IF_ALLOCATION_FAILURE) != 0, caller);
}

/* ExAllocatePool — Learn (deprecated): ExAllocatePoolWithTag with the tag 'None'. */
PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePool, caller);
    return raise_if(bcsim__pool_alloc_type(PoolType, NumberOfBytes, POOL_TAG_NONE, caller),
                    (PoolType & POOL_RAISE_IF_ALLOCATION_FAILURE) != 0, caller);
}

/* ExAllocatePoolZero — Learn: zero-initialized pool; NULL on failure. */
PVOID ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolZero, caller);
    return bcsim__pool_alloc_type(PoolType, NumberOfBytes, Tag, caller);
}

/* ExAllocatePoolUninitialized — Learn: pool that is not zeroed; NULL on failure. */
PVOID ExAllocatePoolUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolUninitialized, caller);
    return bcsim__pool_alloc_type(PoolType, NumberOfBytes, Tag, caller);
}

/* ExAllocatePoolWithQuotaTag — Learn: charges quota; raises an exception if the request cannot
 * be satisfied, unless PoolType has POOL_QUOTA_FAIL_INSTEAD_OF_RAISE (then NULL). */
PVOID ExAllocatePoolWithQuotaTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithQuotaTag, caller);
    return raise_if(bcsim__pool_alloc_type(PoolType, NumberOfBytes, Tag, caller),
                    (PoolType & POOL_QUOTA_FAIL_INSTEAD_OF_RAISE) == 0, caller);
}

/* ExFreePool — Learn: frees pool; IRQL <= DISPATCH_LEVEL (paged pool: APC_LEVEL). */
VOID ExFreePool(PVOID P)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExFreePool, caller);
    bcsim__pool_free_ex(P, 0, 0, caller);
}

/* ExFreePoolWithTag — Learn: Tag must be the allocation's tag; a zero Tag frees like
 * ExFreePool. */
VOID ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExFreePoolWithTag, caller);
    bcsim__pool_free_ex(P, Tag, Tag != 0, caller);
}

/* ExFreePool2 — Learn: frees pool from ExAllocatePool2/3 (extended parameters: secure pool only,
 * which bcsim does not have). */
VOID ExFreePool2(PVOID P, ULONG Tag, PCPOOL_EXTENDED_PARAMETER ExtendedParameters,
                 ULONG ExtendedParametersCount)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(ExtendedParameters);
    UNREFERENCED_PARAMETER(ExtendedParametersCount);
    bcsim__export_enter(BCSIM__X_ExFreePool2, caller);
    bcsim__pool_free_ex(P, Tag, Tag != 0, caller);
}
