/* tests/hostile/deadlock.c — acquires a spin lock it already holds. */
#include "hostile.h"

static KSPIN_LOCK Lock;

__attribute__((noinline)) static void Misbehave(void)
{
    KIRQL a, b;
    KeInitializeSpinLock(&Lock);
    KeAcquireSpinLock(&Lock, &a);
    KeAcquireSpinLock(&Lock, &b); /* HOSTILE_HERE */
    KeReleaseSpinLock(&Lock, b);
    KeReleaseSpinLock(&Lock, a);
}
