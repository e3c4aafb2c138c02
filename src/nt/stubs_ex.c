/*
 * src/nt/stubs_ex.c — executive routines bcsim does not implement yet. Each stub enters the
 * verifier gate (which checks the IRQL and reports "stub" once) and returns the documented
 * failure value. Implementations replace a stub by deleting it here.
 */
#include "nt_private.h"

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
