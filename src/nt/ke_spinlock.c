/*
 * src/nt/ke_spinlock.c — executive spin locks and in-stack queued spin locks on the one
 * simulated processor (wdk-surface.md 3.10; dispatcher-model.md 8.2: 0xC4/0x42, 0x32, 0x35,
 * 0x40, 0x41; R4). The lock word is the state: 0 free, non-zero held (1, or the address of the
 * holder's queue entry for a queued lock). The policy — IRQL rules, R4, what a held lock means
 * without a second processor — is src/machine/sync.c's.
 */
#include "nt_private.h"

/* KeInitializeSpinLock — Learn: sets the lock to the released state; any level. */
VOID KeInitializeSpinLock(PKSPIN_LOCK SpinLock)
{
    bcsim__export_enter(BCSIM__X_KeInitializeSpinLock, BCSIM__CALLER());
    *SpinLock = 0;
}

/* KeAcquireSpinLockRaiseToDpc (the x64 KeAcquireSpinLock) — Learn: raises to DISPATCH_LEVEL,
 * acquires the lock, returns the previous IRQL; callers run at IRQL <= DISPATCH_LEVEL. */
KIRQL KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeAcquireSpinLockRaiseToDpc, caller, (ULONG_PTR)SpinLock, 0);
    return bcsim__spin_acquire(BCSIM__X_KeAcquireSpinLockRaiseToDpc, (volatile bcsim__u64 *)SpinLock,
                               1, caller);
}

/* KeReleaseSpinLock — Learn: releases the lock and restores NewIrql; callers run at
 * DISPATCH_LEVEL. */
VOID KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeReleaseSpinLock, caller, (ULONG_PTR)SpinLock, 0);
    bcsim__spin_release(BCSIM__X_KeReleaseSpinLock, (volatile bcsim__u64 *)SpinLock, NewIrql, 1,
                        caller);
}

/* KeAcquireSpinLockAtDpcLevel — Learn: acquires the lock; callers run at IRQL >= DISPATCH_LEVEL
 * (below it 0xC4/0x40). */
VOID KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeAcquireSpinLockAtDpcLevel, caller, (ULONG_PTR)SpinLock, 0);
    bcsim__spin_acquire(BCSIM__X_KeAcquireSpinLockAtDpcLevel, (volatile bcsim__u64 *)SpinLock, 1,
                        caller);
}

/* KeReleaseSpinLockFromDpcLevel — Learn: releases the lock; IRQL >= DISPATCH_LEVEL (0x41). */
VOID KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeReleaseSpinLockFromDpcLevel, caller, (ULONG_PTR)SpinLock, 0);
    bcsim__spin_release(BCSIM__X_KeReleaseSpinLockFromDpcLevel, (volatile bcsim__u64 *)SpinLock, 0,
                        0, caller);
}

/* KeTryToAcquireSpinLockAtDpcLevel — Learn: TRUE if the lock was acquired, FALSE if it is
 * held; IRQL >= DISPATCH_LEVEL. */
BOOLEAN FASTCALL KeTryToAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeTryToAcquireSpinLockAtDpcLevel, caller, (ULONG_PTR)SpinLock, 0);
    return bcsim__spin_try(BCSIM__X_KeTryToAcquireSpinLockAtDpcLevel, (volatile bcsim__u64 *)SpinLock,
                           caller) ? TRUE : FALSE;
}

/* KeAcquireInStackQueuedSpinLock — Learn: raises to DISPATCH_LEVEL, acquires the lock, keeps
 * the previous IRQL in LockHandle; callers run at IRQL <= DISPATCH_LEVEL. */
VOID FASTCALL KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeAcquireInStackQueuedSpinLock, caller, (ULONG_PTR)SpinLock, 0);
    LockHandle->LockQueue.Next = NULL;
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->OldIrql = bcsim__spin_acquire(BCSIM__X_KeAcquireInStackQueuedSpinLock,
                                              (volatile bcsim__u64 *)SpinLock,
                                              (ULONG_PTR)&LockHandle->LockQueue, caller);
}

/* KeAcquireInStackQueuedSpinLockAtDpcLevel — Learn: acquires the lock; IRQL >= DISPATCH_LEVEL. */
VOID FASTCALL KeAcquireInStackQueuedSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock, PKLOCK_QUEUE_HANDLE LockHandle)
{
    void *caller = BCSIM__CALLER();
    bcsim__export_enter_args(BCSIM__X_KeAcquireInStackQueuedSpinLockAtDpcLevel, caller,
                             (ULONG_PTR)SpinLock, 0);
    LockHandle->LockQueue.Next = NULL;
    LockHandle->LockQueue.Lock = SpinLock;
    LockHandle->OldIrql = bcsim__irql_current();
    bcsim__spin_acquire(BCSIM__X_KeAcquireInStackQueuedSpinLockAtDpcLevel,
                        (volatile bcsim__u64 *)SpinLock, (ULONG_PTR)&LockHandle->LockQueue, caller);
}

/* KeReleaseInStackQueuedSpinLock — Learn: releases the lock and restores the IRQL the acquire
 * saved; callers run at DISPATCH_LEVEL (0xC4/0x35). */
VOID FASTCALL KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle)
{
    void *caller = BCSIM__CALLER();
    PKSPIN_LOCK lock = LockHandle->LockQueue.Lock;
    bcsim__export_enter_args(BCSIM__X_KeReleaseInStackQueuedSpinLock, caller, (ULONG_PTR)lock,
                             LockHandle->OldIrql);
    bcsim__spin_release(BCSIM__X_KeReleaseInStackQueuedSpinLock, (volatile bcsim__u64 *)lock,
                        LockHandle->OldIrql, 1, caller);
}

/* KeReleaseInStackQueuedSpinLockFromDpcLevel — Learn: releases the lock; IRQL >= DISPATCH_LEVEL. */
VOID FASTCALL KeReleaseInStackQueuedSpinLockFromDpcLevel(PKLOCK_QUEUE_HANDLE LockHandle)
{
    void *caller = BCSIM__CALLER();
    PKSPIN_LOCK lock = LockHandle->LockQueue.Lock;
    bcsim__export_enter_args(BCSIM__X_KeReleaseInStackQueuedSpinLockFromDpcLevel, caller,
                             (ULONG_PTR)lock, 0);
    bcsim__spin_release(BCSIM__X_KeReleaseInStackQueuedSpinLockFromDpcLevel,
                        (volatile bcsim__u64 *)lock, 0, 0, caller);
}
