/*
 * src/nt/stubs_ex.c — executive routines bcsim does not implement yet. Each stub enters the
 * verifier gate (which checks the IRQL and reports "stub" once) and returns the documented
 * failure value. Implementations replace a stub by deleting it here.
 */
#include "nt_private.h"

/* ExAllocatePool2 — Learn: NULL if the allocation fails. */
PVOID ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag)
{
    bcsim__export_enter(BCSIM__X_ExAllocatePool2, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(Tag);
    return NULL;
}

/* ExAllocatePool3 — Learn: NULL if the allocation fails. */
PVOID ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
                      PCPOOL_EXTENDED_PARAMETER ExtendedParameters, ULONG ExtendedParametersCount)
{
    bcsim__export_enter(BCSIM__X_ExAllocatePool3, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Flags);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(ExtendedParameters);
    UNREFERENCED_PARAMETER(ExtendedParametersCount);
    return NULL;
}

/* ExAllocatePoolWithTag — Learn: NULL if there is insufficient memory. */
PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithTag, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(PoolType);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(Tag);
    return NULL;
}

/* ExAllocatePoolWithTagPriority — Learn: NULL if the allocation fails. */
PVOID ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag,
                                    EX_POOL_PRIORITY Priority)
{
    bcsim__export_enter(BCSIM__X_ExAllocatePoolWithTagPriority, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(PoolType);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(Tag);
    UNREFERENCED_PARAMETER(Priority);
    return NULL;
}

/* ExAllocatePool — Learn (deprecated): NULL if there is insufficient memory. */
PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes)
{
    bcsim__export_enter(BCSIM__X_ExAllocatePool, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(PoolType);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    return NULL;
}

/* ExAllocatePoolZero — Learn: NULL if there is insufficient memory. */
PVOID ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
    bcsim__export_enter(BCSIM__X_ExAllocatePoolZero, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(PoolType);
    UNREFERENCED_PARAMETER(NumberOfBytes);
    UNREFERENCED_PARAMETER(Tag);
    return NULL;
}

/* ExFreePool — Learn: no return value. */
VOID ExFreePool(PVOID P)
{
    bcsim__export_enter(BCSIM__X_ExFreePool, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(P);
}

/* ExFreePoolWithTag — Learn: no return value. */
VOID ExFreePoolWithTag(PVOID P, ULONG Tag)
{
    bcsim__export_enter(BCSIM__X_ExFreePoolWithTag, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(P);
    UNREFERENCED_PARAMETER(Tag);
}

/* ExRaiseStatus — Learn: raises Status as an exception; never returns. Until the SEH bridge
 * exists, the stub behaves as an unhandled kernel exception: bug check 0x1E
 * KMODE_EXCEPTION_NOT_HANDLED (P1 = the status, P2 = the raising address). */
VOID ExRaiseStatus(NTSTATUS Status)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_ExRaiseStatus, caller);
    bcsim__bugcheck_from_driver(KMODE_EXCEPTION_NOT_HANDLED, (ULONG)Status, (ULONG_PTR)caller,
                                0, 0, caller);
}

/* ExQueueWorkItem — Learn: no return value. */
VOID ExQueueWorkItem(PWORK_QUEUE_ITEM WorkItem, WORK_QUEUE_TYPE QueueType)
{
    bcsim__export_enter(BCSIM__X_ExQueueWorkItem, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(WorkItem);
    UNREFERENCED_PARAMETER(QueueType);
}

/* ExAcquireFastMutex — Learn: no return value. */
VOID ExAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    bcsim__export_enter(BCSIM__X_ExAcquireFastMutex, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(FastMutex);
}

/* ExReleaseFastMutex — Learn: no return value. */
VOID ExReleaseFastMutex(PFAST_MUTEX FastMutex)
{
    bcsim__export_enter(BCSIM__X_ExReleaseFastMutex, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(FastMutex);
}

/* ExTryToAcquireFastMutex — Learn: FALSE if the mutex could not be acquired. */
BOOLEAN ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    bcsim__export_enter(BCSIM__X_ExTryToAcquireFastMutex, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(FastMutex);
    return FALSE;
}
