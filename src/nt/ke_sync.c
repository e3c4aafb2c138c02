/*
 * src/nt/ke_sync.c — events, waits, delays, fast mutexes and critical regions on the one
 * simulated processor (wdk-surface.md 3.10; dispatcher-model.md 8.2: 0xC4/0x80, 0x3B, 0x33,
 * 0x34, 0x121; R4). Objects keep their state where Windows does (the DISPATCHER_HEADER, the
 * FAST_MUTEX); what a wait nobody can satisfy means is src/machine/sync.c's policy: a finite timeout
 * passes in virtual time and returns STATUS_TIMEOUT; an infinite one is a deadlock.
 */
#include "nt_private.h"

/* KeInitializeEvent — Learn: initialises a notification or synchronization event to the given
 * state. */
VOID KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
    bcsim__export_enter(BCSIM__X_KeInitializeEvent, BCSIM__CALLER());
    bcsim__event_init(Event, (bcsim__i32)Type, State != FALSE);
}

/* KeSetEvent — Learn: signals the event, returns its previous state (nonzero if it was
 * signaled); IRQL <= DISPATCH_LEVEL (0xC4/0x80). */
LONG KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(Increment);
    UNREFERENCED_PARAMETER(Wait);
    bcsim__export_enter_args(BCSIM__X_KeSetEvent, caller, (ULONG_PTR)Event, 0);
    return bcsim__event_set(Event, caller);
}

/* KeClearEvent — Learn: sets the event to not signaled; IRQL <= DISPATCH_LEVEL. */
VOID KeClearEvent(PRKEVENT Event)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeClearEvent, caller);
    bcsim__event_reset(BCSIM__X_KeClearEvent, Event, caller);
}

/* KeResetEvent — Learn: sets the event to not signaled, returns its previous state. */
LONG KeResetEvent(PRKEVENT Event)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter(BCSIM__X_KeResetEvent, caller);
    return bcsim__event_reset(BCSIM__X_KeResetEvent, Event, caller);
}

/* KeReadStateEvent — Learn: the current state (nonzero if signaled); any level. */
LONG KeReadStateEvent(PRKEVENT Event)
{
    bcsim__export_enter(BCSIM__X_KeReadStateEvent, BCSIM__CALLER());
    return bcsim__event_read(Event);
}

/* KeWaitForSingleObject — Learn: STATUS_SUCCESS when the object is signaled, STATUS_TIMEOUT
 * when the timeout expires; IRQL <= DISPATCH_LEVEL with a zero timeout, else <= APC_LEVEL. */
NTSTATUS KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                               BOOLEAN Alertable, PLARGE_INTEGER Timeout)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    bcsim__export_enter(BCSIM__X_KeWaitForSingleObject, caller);
    return bcsim__wait(BCSIM__X_KeWaitForSingleObject, &Object, 1, 0,
                       Timeout ? &Timeout->QuadPart : NULL, caller);
}

/* KeWaitForMultipleObjects — Learn: WaitAll: STATUS_SUCCESS when all are signaled; WaitAny:
 * STATUS_WAIT_0 + the index of the object that satisfied the wait; STATUS_TIMEOUT. */
NTSTATUS KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
                                  KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
                                  BOOLEAN Alertable, PLARGE_INTEGER Timeout,
                                  PKWAIT_BLOCK WaitBlockArray)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(WaitReason);
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    UNREFERENCED_PARAMETER(WaitBlockArray);
    bcsim__export_enter(BCSIM__X_KeWaitForMultipleObjects, caller);
    return bcsim__wait(BCSIM__X_KeWaitForMultipleObjects, Object, Count, WaitType == WaitAll,
                       Timeout ? &Timeout->QuadPart : NULL, caller);
}

/* KeDelayExecutionThread — Learn: waits for the interval (negative: relative, positive:
 * absolute, in 100-ns units); IRQL <= APC_LEVEL. bcsim lets the time pass virtually. */
NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable, PLARGE_INTEGER Interval)
{
    void *caller = BCSIM__CALLER();
    UNREFERENCED_PARAMETER(WaitMode);
    UNREFERENCED_PARAMETER(Alertable);
    bcsim__export_enter(BCSIM__X_KeDelayExecutionThread, caller);
    return bcsim__delay(Interval ? &Interval->QuadPart : NULL, caller);
}

/* ExAcquireFastMutex — Learn: acquires the mutex and raises to APC_LEVEL; IRQL <= APC_LEVEL
 * (0xC4/0x33). */
VOID FASTCALL ExAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_ExAcquireFastMutex, caller, (ULONG_PTR)FastMutex, 0);
    bcsim__fast_mutex_acquire(FastMutex, caller);
}

/* ExReleaseFastMutex — Learn: releases the mutex, restores the IRQL of the acquire; IRQL =
 * APC_LEVEL (0xC4/0x34). */
VOID FASTCALL ExReleaseFastMutex(PFAST_MUTEX FastMutex)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_ExReleaseFastMutex, caller, (ULONG_PTR)FastMutex, 0);
    bcsim__fast_mutex_release(FastMutex, caller);
}

/* ExTryToAcquireFastMutex — Learn: TRUE if acquired (then at APC_LEVEL), FALSE if it is held. */
BOOLEAN FASTCALL ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_ExTryToAcquireFastMutex, caller, (ULONG_PTR)FastMutex, 0);
    return bcsim__fast_mutex_try(FastMutex, caller) ? TRUE : FALSE;
}

/* KeEnterCriticalRegion / KeLeaveCriticalRegion — Learn: disable / re-enable normal kernel
 * APCs. bcsim delivers no APCs, so only the IRQL rule (<= APC_LEVEL) applies. */
VOID KeEnterCriticalRegion(VOID)
{
    bcsim__export_enter(BCSIM__X_KeEnterCriticalRegion, BCSIM__CALLER());
}

VOID KeLeaveCriticalRegion(VOID)
{
    bcsim__export_enter(BCSIM__X_KeLeaveCriticalRegion, BCSIM__CALLER());
}
