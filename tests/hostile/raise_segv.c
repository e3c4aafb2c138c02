/* tests/hostile/raise_segv.c — raise(SIGSEGV). */
#include "hostile.h"

__attribute__((noinline)) static void Misbehave(void)
{
    raise(H_SIGSEGV); /* HOSTILE_HERE */
}
