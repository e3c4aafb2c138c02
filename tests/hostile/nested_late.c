/* tests/hostile/nested_late.c — KeBugCheckEx in the data request of a SecondaryDumpData
 * callback: the dump's header and body are written, so the machine halts with the dump
 * truncated there (dispatcher-model.md 7.9 step 4), and bcsim publishes that truncated file. */
#include "hostile.h"

static ULONG Calls;

__attribute__((noinline)) static void Misbehave(void)
{
    if (Calls++ == 1)   /* the size request passes; the data request bug-checks */
        KeBugCheckEx(0xDEAD, 1, 2, 3, 4); /* HOSTILE_HERE */
}
