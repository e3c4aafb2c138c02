/* tests/hostile/spin.c — an endless loop. */
#include "hostile.h"

static volatile ULONG Spins;

__attribute__((noinline)) static void Misbehave(void)
{
    for (;;) Spins++; /* HOSTILE_HERE */
}
