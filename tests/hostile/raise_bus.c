/* tests/hostile/raise_bus.c — raise(SIGBUS). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGBUS); /* HOSTILE_HERE */
}
