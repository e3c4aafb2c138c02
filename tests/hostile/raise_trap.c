/* tests/hostile/raise_trap.c — raise(SIGTRAP). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGTRAP); /* HOSTILE_HERE */
}
