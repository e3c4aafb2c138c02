/* tests/hostile/double_free.c — frees the same pool block twice. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 64, 'lsoH');
    ExFreePoolWithTag(p, 'lsoH');
    ExFreePoolWithTag(p, 'lsoH'); /* HOSTILE_HERE */
}
