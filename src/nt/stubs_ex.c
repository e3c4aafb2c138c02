/*
 * src/nt/stubs_ex.c — executive routines bcsim does not implement yet: system work items. Each
 * stub enters the verifier gate (which checks the IRQL and reports "stub" once) and returns the
 * documented failure value. Implementations replace a stub by deleting it here (pool:
 * ex_pool.c, ExRaiseStatus: ex_raise.c, fast mutexes: ke_sync.c).
 */
#include "nt_private.h"

/* ExQueueWorkItem — Learn: no return value. */
VOID ExQueueWorkItem(PWORK_QUEUE_ITEM WorkItem, WORK_QUEUE_TYPE QueueType)
{
    bcsim__export_enter(BCSIM__X_ExQueueWorkItem, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(WorkItem);
    UNREFERENCED_PARAMETER(QueueType);
}
