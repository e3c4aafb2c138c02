/*
 * src/nt/stubs_ke.c — kernel (Ke) routines bcsim does not implement yet: IRQL, spin locks,
 * events and waits, DPCs, critical regions, time. Each stub enters the verifier gate (which
 * checks the IRQL and reports "stub" once) and returns the documented failure value, or a
 * neutral value where the routine cannot fail. Implementations replace a stub by deleting it.
 */
#include "nt_private.h"

/* ---- IRQL (S13: the simulated IRQL; the stubs neither read nor change it) -------------------- */

/* KeGetCurrentIrql — Learn: the current IRQL. Stub: PASSIVE_LEVEL. */
KIRQL KeGetCurrentIrql(VOID)
{
    bcsim__export_enter(BCSIM__X_KeGetCurrentIrql, BCSIM__CALLER());
    return PASSIVE_LEVEL;
}

/* KfRaiseIrql — Learn (KeRaiseIrql): returns the previous IRQL. Stub: PASSIVE_LEVEL. */
KIRQL KfRaiseIrql(KIRQL NewIrql)
{
    bcsim__export_enter(BCSIM__X_KfRaiseIrql, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NewIrql);
    return PASSIVE_LEVEL;
}

/* KfLowerIrql — Learn (KeLowerIrql): no return value. */
VOID KfLowerIrql(KIRQL NewIrql)
{
    bcsim__export_enter(BCSIM__X_KfLowerIrql, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(NewIrql);
}

/* KeRaiseIrqlToDpcLevel — Learn: returns the previous IRQL. Stub: PASSIVE_LEVEL. */
KIRQL KeRaiseIrqlToDpcLevel(VOID)
{
    bcsim__export_enter(BCSIM__X_KeRaiseIrqlToDpcLevel, BCSIM__CALLER());
    return PASSIVE_LEVEL;
}

/* KeRaiseIrqlToSynchLevel — Learn: returns the previous IRQL. Stub: PASSIVE_LEVEL. */
KIRQL KeRaiseIrqlToSynchLevel(VOID)
{
    bcsim__export_enter(BCSIM__X_KeRaiseIrqlToSynchLevel, BCSIM__CALLER());
    return PASSIVE_LEVEL;
}

/* ---- spin locks ------------------------------------------------------------------------------ */

/* KeInitializeSpinLock — Learn: no return value. */
VOID KeInitializeSpinLock(PKSPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_KeInitializeSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
}

/* KeAcquireSpinLockRaiseToDpc — Learn: returns the previous IRQL. Stub: PASSIVE_LEVEL. */
KIRQL KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_KeAcquireSpinLockRaiseToDpc, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
    return PASSIVE_LEVEL;
}

/* KeReleaseSpinLock — Learn: no return value. */
VOID KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    bcsim__export_enter(BCSIM__X_KeReleaseSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
    UNREFERENCED_PARAMETER(NewIrql);
}

/* KeAcquireSpinLockAtDpcLevel — Learn: no return value. */
VOID KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_KeAcquireSpinLockAtDpcLevel, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
}

/* KeReleaseSpinLockFromDpcLevel — Learn: no return value. */
VOID KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_KeReleaseSpinLockFromDpcLevel, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
}

/* KeTryToAcquireSpinLockAtDpcLevel — Learn: FALSE if the lock was not acquired. */
BOOLEAN KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_KeTryToAcquireSpinLockAtDpcLevel, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
    return FALSE;
}

/* KeAcquireInStackQueuedSpinLock — Learn: no return value. */
VOID KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    bcsim__export_enter(BCSIM__X_KeAcquireInStackQueuedSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
    UNREFERENCED_PARAMETER(LockHandle);
}

/* KeAcquireInStackQueuedSpinLockAtDpcLevel — Learn: no return value. */
VOID KeAcquireInStackQueuedSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    bcsim__export_enter(BCSIM__X_KeAcquireInStackQueuedSpinLockAtDpcLevel, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(SpinLock);
    UNREFERENCED_PARAMETER(LockHandle);
}

/* KeReleaseInStackQueuedSpinLock — Learn: no return value. */
VOID KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle)
{
    bcsim__export_enter(BCSIM__X_KeReleaseInStackQueuedSpinLock, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(LockHandle);
}

/* KeReleaseInStackQueuedSpinLockFromDpcLevel — Learn: no return value. */
VOID KeReleaseInStackQueuedSpinLockFromDpcLevel(PKLOCK_QUEUE_HANDLE LockHandle)
{
    bcsim__export_enter(BCSIM__X_KeReleaseInStackQueuedSpinLockFromDpcLevel, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(LockHandle);
}

/* ---- events and waits ------------------------------------------------------------------------ */

/* KeInitializeEvent — Learn: no return value. */
VOID KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
    bcsim__export_enter(BCSIM__X_KeInitializeEvent, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Event);
    UNREFERENCED_PARAMETER(Type);
    UNREFERENCED_PARAMETER(State);
}

/* KeSetEvent — Learn: the previous state (nonzero if it was signaled). Stub: 0. */
LONG KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    bcsim__export_enter(BCSIM__X_KeSetEvent, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Event);
    UNREFERENCED_PARAMETER(Increment);
    UNREFERENCED_PARAMETER(Wait);
    return 0;
}

/* KeClearEvent — Learn: no return value. */
VOID KeClearEvent(PRKEVENT Event)
{
    bcsim__export_enter(BCSIM__X_KeClearEvent, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Event);
}

/* KeResetEvent — Learn: the previous state. Stub: 0. */
LONG KeResetEvent(PRKEVENT Event)
{
    bcsim__export_enter(BCSIM__X_KeResetEvent, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Event);
    return 0;
}

/* KeReadStateEvent — Learn: the current state. Stub: 0 (not signaled). */
LONG KeReadStateEvent(PRKEVENT Event)
{
    bcsim__export_enter(BCSIM__X_KeReadStateEvent, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Event);
    return 0;
}

/* KeWaitForSingleObject — Learn: STATUS_SUCCESS, STATUS_TIMEOUT, ... Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                               BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    bcsim__export_enter(BCSIM__X_KeWaitForSingleObject, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Object);
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    UNREFERENCED_PARAMETER(Timeout);
    return STATUS_NOT_IMPLEMENTED;
}

/* KeWaitForMultipleObjects — Stub: STATUS_NOT_IMPLEMENTED. */
NTSTATUS KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
                                  KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                  BOOLEAN Alertable, PLARGE_INTEGER Timeout,
                                  PKWAIT_BLOCK WaitBlockArray)
{
    bcsim__export_enter(BCSIM__X_KeWaitForMultipleObjects, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(Count);
    UNREFERENCED_PARAMETER(Object);
    UNREFERENCED_PARAMETER(WaitType);
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    UNREFERENCED_PARAMETER(Timeout);
    UNREFERENCED_PARAMETER(WaitBlockArray);
    return STATUS_NOT_IMPLEMENTED;
}

/* KeDelayExecutionThread — Stub: STATUS_NOT_IMPLEMENTED (no virtual time passes). */
NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable, PLARGE_INTEGER Interval)
{
    bcsim__export_enter(BCSIM__X_KeDelayExecutionThread, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    UNREFERENCED_PARAMETER(Interval);
    return STATUS_NOT_IMPLEMENTED;
}

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

/* ---- critical regions ------------------------------------------------------------------------- */

VOID KeEnterCriticalRegion(VOID)
{
    bcsim__export_enter(BCSIM__X_KeEnterCriticalRegion, BCSIM__CALLER());
}

VOID KeLeaveCriticalRegion(VOID)
{
    bcsim__export_enter(BCSIM__X_KeLeaveCriticalRegion, BCSIM__CALLER());
}

/* ---- time (stubs report 0; bcsim's virtual clock will back them) -------------------------------- */

VOID KeQuerySystemTime(PLARGE_INTEGER CurrentTime)
{
    bcsim__export_enter(BCSIM__X_KeQuerySystemTime, BCSIM__CALLER());
    CurrentTime->QuadPart = 0;
}

VOID KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime)
{
    bcsim__export_enter(BCSIM__X_KeQuerySystemTimePrecise, BCSIM__CALLER());
    CurrentTime->QuadPart = 0;
}

ULONGLONG KeQueryInterruptTime(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryInterruptTime, BCSIM__CALLER());
    return 0;
}

ULONGLONG KeQueryInterruptTimePrecise(PULONG64 QpcTimeStamp)
{
    bcsim__export_enter(BCSIM__X_KeQueryInterruptTimePrecise, BCSIM__CALLER());
    *QpcTimeStamp = 0;
    return 0;
}

VOID KeQueryTickCount(PLARGE_INTEGER CurrentCount)
{
    bcsim__export_enter(BCSIM__X_KeQueryTickCount, BCSIM__CALLER());
    CurrentCount->QuadPart = 0;
}

/* KeQueryTimeIncrement — Learn: 100-ns units added per clock tick. Stub: Windows' usual
 * 15.625 ms, so drivers that divide by it do not fault. */
ULONG KeQueryTimeIncrement(VOID)
{
    bcsim__export_enter(BCSIM__X_KeQueryTimeIncrement, BCSIM__CALLER());
    return 156250;
}

/* KeStallExecutionProcessor — Learn: no return value. Stub: no time passes. */
VOID KeStallExecutionProcessor(ULONG MicroSeconds)
{
    bcsim__export_enter(BCSIM__X_KeStallExecutionProcessor, BCSIM__CALLER());
    UNREFERENCED_PARAMETER(MicroSeconds);
}

/* KeQueryPerformanceCounter — Learn: the counter, and optionally its frequency. Stub: counter 0,
 * frequency 10 MHz (so drivers that divide by it do not fault). */
LARGE_INTEGER KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency)
{
    bcsim__export_enter(BCSIM__X_KeQueryPerformanceCounter, BCSIM__CALLER());
    LARGE_INTEGER zero;
    zero.QuadPart = 0;
    if (PerformanceFrequency)
        PerformanceFrequency->QuadPart = 10000000;
    return zero;
}
