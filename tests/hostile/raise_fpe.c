/* tests/hostile/raise_fpe.c — raise(SIGFPE). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGFPE); /* HOSTILE_HERE */
}
