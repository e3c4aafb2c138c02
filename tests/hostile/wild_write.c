/* tests/hostile/wild_write.c — a store to an address nothing is mapped at. */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    *(volatile ULONG64 *)(ULONG_PTR)0x00007ff000000000ULL = 1; /* HOSTILE_HERE */
}
