/*
 * tests/drivers/sync_drv.c — a test driver for spin locks, events, waits and fast mutexes
 * (tests/test_sync.c): legal use at the documented IRQLs, single misuses, and a legacy callback
 * that synchronizes (R4).
 */
#include <ntddk.h>

static KSPIN_LOCK SyLock;
static KEVENT SyEvent, SyEvent2;
static FAST_MUTEX SyMutex;
static KBUGCHECK_CALLBACK_RECORD SyRecord;
static int SyMode;
static NTSTATUS SyStatus;

#define CHECK(bit, cond) do { if (!(cond)) failed |= 1u << (bit); } while (0)

unsigned sy_spin_locks_at_legal_irqls(void)
{
    unsigned failed = 0;
    KIRQL old, dpc_old;
    KLOCK_QUEUE_HANDLE h;
    KeInitializeSpinLock(&SyLock);
    CHECK(0, SyLock == 0);
    KeAcquireSpinLock(&SyLock, &old);                         /* PASSIVE -> DISPATCH */
    CHECK(1, old == PASSIVE_LEVEL && KeGetCurrentIrql() == DISPATCH_LEVEL && SyLock != 0);
    KeReleaseSpinLock(&SyLock, old);
    CHECK(2, KeGetCurrentIrql() == PASSIVE_LEVEL && SyLock == 0);
    KeRaiseIrql(DISPATCH_LEVEL, &dpc_old);
    KeAcquireSpinLockAtDpcLevel(&SyLock);
    CHECK(3, SyLock != 0 && KeGetCurrentIrql() == DISPATCH_LEVEL);
    CHECK(4, !KeTryToAcquireSpinLockAtDpcLevel(&SyLock));     /* held: FALSE, no deadlock */
    KeReleaseSpinLockFromDpcLevel(&SyLock);
    CHECK(5, KeTryToAcquireSpinLockAtDpcLevel(&SyLock));
    KeReleaseSpinLockFromDpcLevel(&SyLock);
    KeAcquireInStackQueuedSpinLockAtDpcLevel(&SyLock, &h);
    CHECK(6, SyLock == (KSPIN_LOCK)&h.LockQueue && h.LockQueue.Lock == &SyLock);
    KeReleaseInStackQueuedSpinLockFromDpcLevel(&h);
    KeLowerIrql(dpc_old);
    KeAcquireInStackQueuedSpinLock(&SyLock, &h);
    CHECK(7, h.OldIrql == PASSIVE_LEVEL && KeGetCurrentIrql() == DISPATCH_LEVEL);
    KeReleaseInStackQueuedSpinLock(&h);
    CHECK(8, KeGetCurrentIrql() == PASSIVE_LEVEL && SyLock == 0);
    return failed;
}

unsigned sy_events_and_waits_at_legal_irqls(void)
{
    unsigned failed = 0;
    LARGE_INTEGER zero, ten_ms;
    PVOID both[2] = { &SyEvent, &SyEvent2 };
    KIRQL old;
    zero.QuadPart = 0;
    ten_ms.QuadPart = -100000;
    KeInitializeEvent(&SyEvent, NotificationEvent, FALSE);
    CHECK(0, KeReadStateEvent(&SyEvent) == 0);
    CHECK(1, KeSetEvent(&SyEvent, IO_NO_INCREMENT, FALSE) == 0);
    CHECK(2, KeReadStateEvent(&SyEvent) != 0);
    CHECK(3, KeWaitForSingleObject(&SyEvent, Executive, KernelMode, FALSE, NULL) == STATUS_SUCCESS);
    CHECK(4, KeReadStateEvent(&SyEvent) != 0);                /* notification: stays signaled */
    CHECK(5, KeResetEvent(&SyEvent) != 0);
    KeClearEvent(&SyEvent);
    /* a synchronization event is reset by the wait it satisfies */
    KeInitializeEvent(&SyEvent2, SynchronizationEvent, TRUE);
    CHECK(6, KeWaitForSingleObject(&SyEvent2, Executive, KernelMode, FALSE, NULL) == STATUS_SUCCESS);
    CHECK(7, KeReadStateEvent(&SyEvent2) == 0);
    /* nothing signals: the timeout passes in virtual time */
    {
        ULONGLONG t0 = KeQueryInterruptTime();
        CHECK(8, KeWaitForSingleObject(&SyEvent, Executive, KernelMode, FALSE, &ten_ms) == STATUS_TIMEOUT);
        CHECK(9, KeQueryInterruptTime() - t0 >= 100000);
    }
    /* a zero timeout is allowed at DISPATCH_LEVEL */
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    CHECK(10, KeWaitForSingleObject(&SyEvent, Executive, KernelMode, FALSE, &zero) == STATUS_TIMEOUT);
    KeSetEvent(&SyEvent2, IO_NO_INCREMENT, FALSE);
    KeLowerIrql(old);
    /* WaitAny: the index of the signaled one; WaitAll: all of them */
    CHECK(11, KeWaitForMultipleObjects(2, both, WaitAny, Executive, KernelMode, FALSE, NULL, NULL) == STATUS_WAIT_1);
    CHECK(12, KeWaitForMultipleObjects(2, both, WaitAll, Executive, KernelMode, FALSE, &ten_ms, NULL) == STATUS_TIMEOUT);
    KeSetEvent(&SyEvent, IO_NO_INCREMENT, FALSE);
    KeSetEvent(&SyEvent2, IO_NO_INCREMENT, FALSE);
    CHECK(13, KeWaitForMultipleObjects(2, both, WaitAll, Executive, KernelMode, FALSE, NULL, NULL) == STATUS_SUCCESS);
    CHECK(14, KeReadStateEvent(&SyEvent) != 0 && KeReadStateEvent(&SyEvent2) == 0);
    return failed;
}

unsigned sy_fast_mutex_at_legal_irqls(void)
{
    unsigned failed = 0;
    ExInitializeFastMutex(&SyMutex);
    ExAcquireFastMutex(&SyMutex);
    CHECK(0, KeGetCurrentIrql() == APC_LEVEL);
    CHECK(1, !ExTryToAcquireFastMutex(&SyMutex));
    ExReleaseFastMutex(&SyMutex);
    CHECK(2, KeGetCurrentIrql() == PASSIVE_LEVEL);
    CHECK(3, ExTryToAcquireFastMutex(&SyMutex));
    CHECK(4, KeGetCurrentIrql() == APC_LEVEL);
    ExReleaseFastMutex(&SyMutex);
    KeEnterCriticalRegion();
    KeLeaveCriticalRegion();
    CHECK(5, KeGetCurrentIrql() == PASSIVE_LEVEL);
    return failed;
}

void *sy_lock_address(void) { return &SyLock; }

void sy_acquire_at_high(void)
{
    KIRQL high, old;
    KeInitializeSpinLock(&SyLock);
    KeRaiseIrql(HIGH_LEVEL, &high);
    KeAcquireSpinLock(&SyLock, &old);
    KeReleaseSpinLock(&SyLock, old);
    KeLowerIrql(high);
}

void sy_acquire_at_dpc_from_passive(void)
{
    KeInitializeSpinLock(&SyLock);
    KeAcquireSpinLockAtDpcLevel(&SyLock);
    KeReleaseSpinLockFromDpcLevel(&SyLock);
}

void sy_release_at_passive(void)
{
    KIRQL old;
    KeInitializeSpinLock(&SyLock);
    KeAcquireSpinLock(&SyLock, &old);
    KeLowerIrql(PASSIVE_LEVEL);
    KeReleaseSpinLock(&SyLock, PASSIVE_LEVEL);
}

void sy_queued_release_at_passive(void)
{
    KLOCK_QUEUE_HANDLE h;
    KeInitializeSpinLock(&SyLock);
    KeAcquireInStackQueuedSpinLock(&SyLock, &h);
    KeLowerIrql(PASSIVE_LEVEL);
    KeReleaseInStackQueuedSpinLock(&h);
}

void sy_acquire_held(void)
{
    KIRQL a, b;
    KeInitializeSpinLock(&SyLock);
    KeAcquireSpinLock(&SyLock, &a);
    KeAcquireSpinLock(&SyLock, &b);
    KeReleaseSpinLock(&SyLock, b);
    KeLowerIrql(a);
}

void sy_take_lock(void)
{
    KIRQL old;
    KeInitializeSpinLock(&SyLock);
    KeAcquireSpinLock(&SyLock, &old);
    KeLowerIrql(old);              /* the lock stays held, as by another processor at crash time */
}

void *sy_event_address(void) { return &SyEvent; }

int sy_set_event_at_high(void)
{
    KIRQL old;
    LONG prev;
    KeInitializeEvent(&SyEvent, NotificationEvent, FALSE);
    KeRaiseIrql(HIGH_LEVEL, &old);
    prev = KeSetEvent(&SyEvent, IO_NO_INCREMENT, FALSE);
    KeLowerIrql(old);
    return prev;
}

int sy_wait_at_dispatch(long long timeout, int use_timeout)
{
    KIRQL old;
    NTSTATUS s;
    LARGE_INTEGER t;
    t.QuadPart = timeout;
    KeInitializeEvent(&SyEvent, NotificationEvent, FALSE);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    s = KeWaitForSingleObject(&SyEvent, Executive, KernelMode, FALSE, use_timeout ? &t : NULL);
    KeLowerIrql(old);
    return s;
}

int sy_wait_forever_unsignaled(void)
{
    KeInitializeEvent(&SyEvent, SynchronizationEvent, FALSE);
    return KeWaitForSingleObject(&SyEvent, Executive, KernelMode, FALSE, NULL);
}

void *sy_mutex_address(void) { return &SyMutex; }

void sy_fast_mutex_at_dispatch(void)
{
    KIRQL old;
    ExInitializeFastMutex(&SyMutex);
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    ExAcquireFastMutex(&SyMutex);
    ExReleaseFastMutex(&SyMutex);
    KeLowerIrql(old);
}

void sy_fast_mutex_release_at_passive(void)
{
    ExInitializeFastMutex(&SyMutex);
    ExAcquireFastMutex(&SyMutex);
    KeLowerIrql(PASSIVE_LEVEL);
    ExReleaseFastMutex(&SyMutex);
}

void sy_fast_mutex_acquire_twice(void)
{
    ExInitializeFastMutex(&SyMutex);
    ExAcquireFastMutex(&SyMutex);
    ExAcquireFastMutex(&SyMutex);
    ExReleaseFastMutex(&SyMutex);
}

int sy_delay_at_dispatch(void)
{
    KIRQL old;
    NTSTATUS s;
    LARGE_INTEGER t;
    t.QuadPart = -10000;
    KeRaiseIrql(DISPATCH_LEVEL, &old);
    s = KeDelayExecutionThread(KernelMode, FALSE, &t);
    KeLowerIrql(old);
    return s;
}

static KBUGCHECK_CALLBACK_ROUTINE SyCallback;
static VOID SyCallback(PVOID Buffer, ULONG Length)
{
    LARGE_INTEGER zero;
    KIRQL old;
    UNREFERENCED_PARAMETER(Buffer);
    UNREFERENCED_PARAMETER(Length);
    zero.QuadPart = 0;
    if (SyMode == 1) {
        KeSetEvent(&SyEvent, IO_NO_INCREMENT, FALSE);
        SyStatus = KeWaitForSingleObject(&SyEvent, Executive, KernelMode, FALSE, &zero);
    } else if (SyMode == 3) {
        /* the crash-path idiom: take the lock only if it is free, else skip the shared state */
        if (KeTryToAcquireSpinLockAtDpcLevel(&SyLock)) {
            SyStatus = STATUS_SUCCESS;
            KeReleaseSpinLockFromDpcLevel(&SyLock);
        } else {
            SyStatus = STATUS_DEVICE_BUSY;
        }
    } else {
        KeAcquireSpinLock(&SyLock, &old);       /* held since before the crash: never returns */
        SyStatus = STATUS_UNSUCCESSFUL;
        KeReleaseSpinLock(&SyLock, old);
    }
}

unsigned char sy_register(int mode)
{
    SyMode = mode;
    SyStatus = -1;
    if (mode == 1)
        KeInitializeEvent(&SyEvent, NotificationEvent, FALSE);
    KeInitializeCallbackRecord(&SyRecord);
    return KeRegisterBugCheckCallback(&SyRecord, SyCallback, NULL, 0, (PUCHAR)"sync_drv");
}

int sy_callback_status(void) { return SyStatus; }
