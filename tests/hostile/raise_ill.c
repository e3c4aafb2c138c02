/* tests/hostile/raise_ill.c — raise(SIGILL). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGILL); /* HOSTILE_HERE */
}
