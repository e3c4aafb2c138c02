/*
 * src/nt/stubs_ke.c — kernel (Ke) routines bcsim does not implement yet: DPCs. Each stub enters
 * the verifier gate (which checks the IRQL and reports "stub" once) and returns the documented
 * failure value, or a neutral value where the routine cannot fail. Implementations replace a
 * stub by deleting it (IRQL: ke_irql.c, spin locks: ke_spinlock.c, events and waits:
 * ke_sync.c, time: ke_time.c).
 */
#include "nt_private.h"

/* ---- DPCs ----------------------------------------------------------------------------------- */

/* KeInitializeDpc — Learn: no return value. */
VOID KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine, PVOID DeferredContext)
{
    bcsim__export_enter(BCSIM__X_KeInitializeDpc, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(DeferredRoutine);
    UNREFERENCED_PARAMETER(DeferredContext);
}

/* KeInsertQueueDpc — Learn: FALSE if the DPC was not queued. */
BOOLEAN KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2)
{
    bcsim__export_enter(BCSIM__X_KeInsertQueueDpc, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);
    return FALSE;
}

/* KeRemoveQueueDpc — Learn: FALSE if the DPC was not in the queue. */
BOOLEAN KeRemoveQueueDpc(PRKDPC Dpc)
{
    bcsim__export_enter(BCSIM__X_KeRemoveQueueDpc, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Dpc);
    return FALSE;
}
